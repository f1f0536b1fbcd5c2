/*
 * lib/libc/stdlib/exit.cc: leaving a program: atexit, exit, _Exit,
 * abort, and assert's failure report.
 *
 * exit(3) runs the atexit(3) functions, last registered first, then
 * flushes every stdio stream, then asks the kernel to end the process
 * with _exit(2).  abort(3) raises SIGABRT with the signal unblocked and
 * its default action, so the process dies of it (and wait(2) in the
 * parent sees that), whatever the program had done to the signal.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

namespace {

constexpr int ATEXIT_MAX = 32;		/* ISO C's minimum */
void (*atexit_fns[ATEXIT_MAX])(void);
int atexit_count;

} // namespace

extern "C" {

int
atexit(void (*fn)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_fns[atexit_count++] = fn;
	return 0;
}

void
exit(int status)
{
	/* A function that calls exit again must not run twice. */
	while (atexit_count > 0)
		atexit_fns[--atexit_count]();
	fflush(nullptr);
	_exit(status);
}

void
_Exit(int status)
{
	_exit(status);
}

void
abort(void)
{
	sigset_t mask;
	struct sigaction sa;

	sigemptyset(&mask);
	sigaddset(&mask, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &mask, nullptr);
	raise(SIGABRT);

	/* It was caught and the handler returned: die by it anyway. */
	sa.sa_handler = SIG_DFL;
	sa.sa_mask = 0;
	sa.sa_flags = 0;
	sigaction(SIGABRT, &sa, nullptr);
	raise(SIGABRT);
	_exit(127);
}

void
__assert2(const char *file, int line, const char *func, const char *expr)
{
	fprintf(stderr, "assertion \"%s\" failed: file \"%s\", line %d, "
	    "function \"%s\"\n", expr, file, line, func);
	abort();
}

} // extern "C"
