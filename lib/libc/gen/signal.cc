/*
 * lib/libc/gen/signal.cc: the signal(3) interfaces over sigaction(2) and
 * sigprocmask(2): signal, raise, sigprocmask.
 *
 * The kernel's sigprocmask takes the new mask by value and returns the
 * old one in %eax (OpenBSD's i386 system call); sigprocmask(3) takes
 * pointers, so this wrapper turns one into the other (a NULL set becomes
 * "block nothing", which only reads the mask).
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

extern "C" {

int	_thread_sys_sigprocmask(int how, sigset_t mask);

int
sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	sigset_t mask = 0;

	if (set != nullptr) {
		if (how != SIG_BLOCK && how != SIG_UNBLOCK &&
		    how != SIG_SETMASK) {
			errno = EINVAL;
			return -1;
		}
		mask = *set;
	} else
		how = SIG_BLOCK;
	/*
	 * With how checked, the call cannot fail, so -1 is a mask with
	 * every bit set, not an error.
	 */
	int old = _thread_sys_sigprocmask(how, mask);
	if (oset != nullptr)
		*oset = (sigset_t)old;
	return 0;
}

/* The BSD semantics: the handler stays, and system calls restart. */
void
(*signal(int sig, void (*fn)(int)))(int)
{
	struct sigaction sa, osa;

	sa.sa_handler = fn;
	sa.sa_mask = 0;
	sa.sa_flags = SA_RESTART;
	if (sigaction(sig, &sa, &osa) < 0)
		return SIG_ERR;
	return osa.sa_handler;
}

int
raise(int sig)
{
	return kill(getpid(), sig);
}

} // extern "C"
