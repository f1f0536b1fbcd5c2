/*
 * regress/syscallfuzz.c: 10 000 random system calls with random arguments
 * from an unprivileged process; the kernel must neither panic nor hang,
 * and the system must work afterwards.
 *
 * The parent (root) makes a directory for the fuzzer, then runs children
 * one after another until they have made 10 000 calls between them.  A
 * child puts /dev/null on descriptors 0-2, goes into the directory,
 * becomes uid 1000 and calls: a number from 0 to 330 (skipping the ones
 * below), eight arguments, each a small integer, -1, a random word, a
 * pointer into its own buffer (which holds random bytes and a few
 * names), or a bad pointer.  The call goes through a stub here that
 * pushes the arguments and traps with int $0x80, as libc's stubs do.
 * A child may well die of a signal (it can unmap its own stack); the
 * next one goes on.  Before each call a child writes its number and
 * arguments to a shared page, so that the parent can say what it was
 * doing when it died or stopped making progress; a child that makes no
 * call for STALL_MS is killed (it may be looping in a signal handler it
 * installed at a random address: not the kernel's fault).  A child that
 * SIGKILL cannot end is the kernel's fault: that fails the test.
 *
 * Excluded calls, and why:
 *	1 exit, 2 fork, 66 vfork, 59 execve, 8 __tfork: would end or
 *	    multiply the fuzzer instead of testing a call;
 *	55 reboot: (EPERM as uid 1000 anyway, but never risk it);
 *	91 nanosleep, 71 select, 252 poll, 109 ppoll, 110 pselect,
 *	    111 sigsuspend, 83 futex, 94 __thrsleep, 72 kevent, 227 msgrcv,
 *	    290 semop: may sleep for as long as the arguments say;
 *	263 pipe, 101 pipe2: a read of a pipe the fuzzer itself holds the
 *	    write end of blocks forever (with no pipes, every descriptor is
 *	    a file, a directory or /dev/null, where read and write return).
 * SIGSYS is ignored, so that an unassigned number returns ENOSYS.
 * kill (122) goes only to the fuzzer itself and never with a stop
 * signal: kill(0), kill(-1) or the parent's pid would reach the runner.
 *
 * Not run on the host: the numbers are OpenBSD's.
 */
#include "regress.h"

#define USER		1000
#define TOTAL		10000	/* calls, over all children */
#define MAXCHILD	400	/* children at most */
#define STALL_MS	5000	/* no progress this long: killed */
#define NARGS		8

struct shared {
	volatile int done;		/* calls made by the current child */
	volatile int last[1 + NARGS];	/* the call being made */
};

#ifndef REGRESS_HOST
int fuzz_errno;
int fuzz_syscall(int num, int a0, int a1, int a2, int a3, int a4, int a5,
    int a6, int a7);

/*
 * fuzz_syscall: push the eight arguments and a dummy return address
 * (the kernel copies the arguments from 4(%esp) up, as a libc stub called
 * from C would have them), number in %eax, int $0x80; carry set means
 * %eax is an errno.
 */
__asm__(
	"	.text\n"
	"	.globl	fuzz_syscall\n"
	"	.type	fuzz_syscall, @function\n"
	"fuzz_syscall:\n"
	"	pushl	%ebp\n"
	"	movl	%esp, %ebp\n"
	"	pushl	40(%ebp)\n"
	"	pushl	36(%ebp)\n"
	"	pushl	32(%ebp)\n"
	"	pushl	28(%ebp)\n"
	"	pushl	24(%ebp)\n"
	"	pushl	20(%ebp)\n"
	"	pushl	16(%ebp)\n"
	"	pushl	12(%ebp)\n"
	"	pushl	$0\n"
	"	movl	8(%ebp), %eax\n"
	"	int	$0x80\n"
	"	jnc	1f\n"
	"	movl	%eax, fuzz_errno\n"
	"	movl	$-1, %eax\n"
	"1:	leave\n"
	"	ret\n"
	"	.size	fuzz_syscall, . - fuzz_syscall\n");

static const int excluded[] = {
	1, 2, 8, 55, 59, 66, 71, 72, 83, 91, 94, 101, 109, 110, 111, 227,
	252, 263, 290,
};

static unsigned char buf[64 * 1024];
static const char *names[] = { "f1", "f2", "d1", ".", "..", "/dev/null",
	"f1/x", "" };
static int name_off[8];

static int
is_excluded(int n)
{
	unsigned i;

	for (i = 0; i < sizeof(excluded) / sizeof(excluded[0]); i++)
		if (excluded[i] == n)
			return 1;
	return 0;
}

static uint32_t
random_arg(void)
{
	static const uint32_t badp[] = { 0, 1, 0xd0000000U, 0xffffffffU,
	    0xcfbff000U, 0x1000U };

	switch (rg_rand() % 12) {
	case 0: case 1: case 2:
		return rg_rand() % 16;
	case 3:
		return (uint32_t)-1;
	case 4:
		return rg_rand();
	case 5: case 6:
		return (uint32_t)(uintptr_t)(buf + rg_rand() % sizeof(buf));
	case 7:
		return (uint32_t)(uintptr_t)(buf + name_off[rg_rand() % 8]);
	case 8:
		return badp[rg_rand() % (sizeof(badp) / sizeof(badp[0]))];
	case 9:
		return 1U << (rg_rand() % 32);
	case 10:
		return rg_rand() % 4097;
	default:
		return (uint32_t)(uintptr_t)(buf + sizeof(buf) -
		    rg_rand() % 32);
	}
}

static void
fuzz_child(struct shared *sh, uint32_t seed, int quota, pid_t parent)
{
	int i, n, fd, a[NARGS], k;
	size_t off = 0;

	fd = open("/dev/null", O_RDWR);
	if (fd == -1 || dup2(fd, 0) == -1 || dup2(fd, 1) == -1 ||
	    dup2(fd, 2) == -1)
		_exit(20);
	if (fd > 2)
		close(fd);
	if (chdir("fuzz") == -1)
		_exit(21);
	if (setgid(USER) == -1 || setuid(USER) == -1 || getuid() != USER)
		_exit(22);
	/* A number without a system call sends SIGSYS (OpenBSD's
	 * sys_nosys); ignored, it is ENOSYS. */
	signal(SIGSYS, SIG_IGN);
	rg_srand(seed);
	for (i = 0; i < (int)sizeof(buf); i++)
		buf[i] = (unsigned char)rg_rand();
	for (i = 0; i < 8; i++) {
		name_off[i] = off;
		memcpy(buf + off, names[i], strlen(names[i]) + 1);
		off += strlen(names[i]) + 1;
	}
	for (i = 0; i < quota; i++) {
		do
			n = rg_rand() % 331;
		while (is_excluded(n));
		for (k = 0; k < NARGS; k++)
			a[k] = (int)random_arg();
		if (n == 122) {		/* kill: ourselves, no stop signal */
			a[0] = getpid();
			if (a[1] == 17 || a[1] == 18 || a[1] == 21 ||
			    a[1] == 22)
				a[1] = 0;
		}
		sh->last[0] = n;
		for (k = 0; k < NARGS; k++)
			sh->last[1 + k] = a[k];
		fuzz_syscall(n, a[0], a[1], a[2], a[3], a[4], a[5], a[6],
		    a[7]);
		sh->done = i + 1;
	}
	(void)parent;
	_exit(0);
}

static void
last_call(struct shared *sh, char *out, size_t len)
{
	snprintf(out, len, "syscall %d(0x%x, 0x%x, 0x%x, 0x%x, 0x%x, 0x%x)",
	    sh->last[0], sh->last[1], sh->last[2], sh->last[3], sh->last[4],
	    sh->last[5], sh->last[6]);
}

/*
 * run_child: one fuzzing child with quota calls.
 * => returns calls it made (>= 1 if it died: the call that killed it),
 *    or -1 if it could not be killed.
 */
static int
run_child(struct shared *sh, uint32_t seed, int quota, int *signals,
    int *stalls)
{
	long long last_progress;
	int st, done, seen = -1;
	char what[160];
	pid_t pid, r;

	sh->done = 0;
	sh->last[0] = -1;
	pid = fork();
	if (pid == -1)
		return 0;
	if (pid == 0)
		fuzz_child(sh, seed, quota, getppid());
	last_progress = rg_now_ms();
	for (;;) {
		r = waitpid(pid, &st, WNOHANG);
		if (r == pid)
			break;
		if (sh->done != seen) {
			seen = sh->done;
			last_progress = rg_now_ms();
		} else if (rg_now_ms() - last_progress > STALL_MS) {
			last_call(sh, what, sizeof(what));
			NOTE("seed %u: no progress for %d ms after %d calls, "
			    "in %s: killed", seed, STALL_MS, sh->done, what);
			kill(pid, SIGKILL);
			(*stalls)++;
			st = rg_wait_bounded(pid, 30, NULL);
			if (st == -1 || !KILLED_BY(st, SIGKILL)) {
				CHECK(0, "SIGKILL ends a fuzzer stuck in %s",
				    what);
				return -1;
			}
			break;
		}
		rg_msleep(10);
	}
	done = sh->done;
	if (done < 0 || done > quota)
		done = quota;		/* it scribbled on the page */
	if (WIFSIGNALED(st)) {
		if (WTERMSIG(st) > 0 && WTERMSIG(st) < NSIG)
			signals[WTERMSIG(st)]++;
		if (done < quota)
			done++;
	} else if (WEXITSTATUS(st) >= 20 && WEXITSTATUS(st) <= 22) {
		CHECK(0, "the fuzzer could not set itself up (exit %d)",
		    WEXITSTATUS(st));
		return -1;
	}
	return done;
}

/* After the storm: does the system still work? */
static void
still_works(const char *hostname)
{
	char b[64], h[256];
	int fd, st;
	pid_t pid;
	void *m;

	pid = fork();
	if (pid == 0)
		_exit(7);
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 7), "fork and wait still work (%s)",
	    rg_status(st));
	fd = CHECK_OK(open("after", O_RDWR | O_CREAT | O_TRUNC, 0644));
	CHECK_EQ(write(fd, "still here", 10), 10, "write still works");
	CHECK_EQ(pread(fd, b, 10, 0), 10, "read still works");
	CHECK(memcmp(b, "still here", 10) == 0, "and reads what was written");
	close(fd);
	m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON,
	    -1, 0);
	CHECK(m != MAP_FAILED, "mmap still works");
	CHECK(gethostname(h, sizeof(h)) == 0 && strcmp(h, hostname) == 0,
	    "the hostname is unchanged (\"%s\")", h);
}

static void
fuzz(void)
{
	struct shared *sh;
	int total = 0, children = 0, n, signals[NSIG], stalls = 0, i;
	char hostname[256];
	uint32_t seed;
	struct timespec ts;

	memset(signals, 0, sizeof(signals));
	gethostname(hostname, sizeof(hostname));
	CHECK_OK(mkdir("fuzz", 0700));
	CHECK_OK(chown("fuzz", USER, USER));
	sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANON,
	    -1, 0);
	CHECK(sh != MAP_FAILED, "mmap a shared page for the reports");
	if (sh == MAP_FAILED)
		return;
	/* $REGRESS_SEED repeats a run; the seed is printed either way. */
	clock_gettime(CLOCK_REALTIME, &ts);
	seed = (uint32_t)(ts.tv_sec ^ ts.tv_nsec ^ getpid());
	if (getenv("REGRESS_SEED") != NULL)
		seed = (uint32_t)strtoul(getenv("REGRESS_SEED"), NULL, 0);
	NOTE("seed %u (children use seed + 0, 1, ...)", seed);
	while (total < TOTAL && children < MAXCHILD) {
		n = run_child(sh, seed + children, TOTAL - total, signals,
		    &stalls);
		children++;
		if (n < 0)
			return;
		total += n;
	}
	for (i = 1; i < NSIG; i++)
		if (signals[i])
			NOTE("%d children died of signal %d", signals[i], i);
	NOTE("%d calls by %d children; %d stopped making progress", total,
	    children, stalls);
	CHECK(total >= TOTAL, "%d random system calls made (by %d children)",
	    total, children);
	still_works(hostname);
}
#endif /* !REGRESS_HOST */

int
main(void)
{
	regress_begin("syscallfuzz");
#ifdef REGRESS_HOST
	NOTE("skipped on the host: the system call numbers are OpenBSD's");
#else
	fuzz();
#endif
	return regress_end();
}
