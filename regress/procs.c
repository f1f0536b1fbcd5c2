/*
 * regress/procs.c: processes: fork, wait4 and its status word
 * (WIFEXITED, WEXITSTATUS, WIFSIGNALED, WTERMSIG), WNOHANG, ECHILD,
 * getpid, getppid (and re-parenting to init), exit statuses, kill
 * (SIGTERM and SIGKILL on a child asleep in nanosleep, signal 0, ESRCH,
 * EPERM, EINVAL), setpgid, getpgid, setsid, and children that fault: a
 * NULL dereference, a write to the text, a jump into the stack, a touch
 * of kernel memory, an illegal instruction, a division by zero, a
 * breakpoint; each must end the child with the right signal, and the
 * parent goes on.
 *
 * OpenBSD: kern_fork.c (fork1), kern_exit.c (exit1, dowait4), kern_sig.c
 * (kill, psignal, trapsignal), kern_prot.c (setpgid, setsid), and
 * arch/i386/i386/trap.c for which fault becomes which signal.
 */
#ifndef REGRESS_HOST
#include <sys/sysctl.h>
#endif
#include "regress.h"

static void
test_fork_wait(void)
{
	int st, i, seen, dup, bad;
	pid_t pid, r, me = getpid(), kids[20];
	struct rusage ru;

	pid = fork();
	if (pid == 0)
		_exit(getppid() == me ? 42 : 1);
	CHECK(pid > 0 && pid != me, "fork returns the child's pid (%d)",
	    (int)pid);
	r = wait4(pid, &st, 0, &ru);
	CHECK_EQ(r, pid, "wait4 returns the child's pid");
	CHECK(WIFEXITED(st), "WIFEXITED");
	CHECK(!WIFSIGNALED(st), "not WIFSIGNALED");
	CHECK_EQ(WEXITSTATUS(st), 42, "WEXITSTATUS: the child saw getppid "
	    "== our pid");
	CHECK(ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000 &&
	    ru.ru_stime.tv_usec >= 0 && ru.ru_stime.tv_usec < 1000000,
	    "wait4 filled the rusage");

	/* Exit statuses are taken modulo 256. */
	pid = fork();
	if (pid == 0)
		exit(256 + 7);
	CHECK(waitpid(pid, &st, 0) == pid && EXITED_WITH(st, 7),
	    "exit(263) is status 7 (%s)", rg_status(st));
	pid = fork();
	if (pid == 0)
		_exit(-1);
	CHECK(waitpid(pid, &st, 0) == pid && EXITED_WITH(st, 255),
	    "_exit(-1) is status 255 (%s)", rg_status(st));

	/* Many children at once: each pid once, each with its status. */
	for (i = 0; i < 20; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			rg_msleep((i * 7) % 30);
			_exit(100 + i);
		}
	}
	seen = dup = bad = 0;
	for (;;) {
		r = wait4(-1, &st, 0, NULL);
		if (r == -1)
			break;
		for (i = 0; i < 20; i++)
			if (kids[i] == r)
				break;
		if (i == 20 || !EXITED_WITH(st, 100 + i))
			bad++;
		else {
			kids[i] = -2;
			seen++;
		}
	}
	CHECK_EQ(errno, ECHILD, "wait4(-1) ends with ECHILD");
	CHECK(seen == 20 && dup == 0 && bad == 0,
	    "20 children reaped, each once with its status (%d, %d bad)",
	    seen, bad);
	CHECK_ERR(wait4(-1, &st, 0, NULL), ECHILD);
	CHECK_ERR(wait4(-1, &st, WNOHANG, NULL), ECHILD);
	CHECK_ERR(wait4(1, &st, 0, NULL), ECHILD);
	CHECK_ERR(wait4(-1, &st, 0x4000, NULL), EINVAL);
}

static void
test_wnohang(void)
{
	int p[2], st;
	char c;
	pid_t pid;

	CHECK_OK(pipe(p));
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		/* Blocks until the parent closes its end. */
		_exit(read(p[0], &c, 1) == 0 ? 5 : 6);
	}
	close(p[0]);
	rg_msleep(50);
	CHECK_EQ(waitpid(pid, &st, WNOHANG), 0,
	    "WNOHANG on a running child returns 0");
	close(p[1]);
	CHECK_EQ(waitpid(pid, &st, 0), pid, "then it exits");
	CHECK(EXITED_WITH(st, 5), "it read EOF (%s)", rg_status(st));
}

static void
test_ids(void)
{
	int p[2], sync[2], st;
	pid_t pid, me = getpid(), got[2];
	char c;

	CHECK(me > 0, "getpid > 0");
	CHECK(getppid() > 0 && getppid() != me, "getppid is another process");
	/* An orphan is adopted: its parent becomes init (pid 1). */
	CHECK_OK(pipe(p));
	CHECK_OK(pipe(sync));
	pid = fork();
	if (pid == 0) {
		pid_t gc = fork();
		if (gc == 0) {
			pid_t before = getppid();
			int i;
			/* Let the middle child exit only now. */
			write(sync[1], "x", 1);
			for (i = 0; i < 500 && getppid() == before; i++)
				rg_msleep(10);
			got[0] = before;
			got[1] = getppid();
			write(p[1], got, sizeof(got));
			_exit(0);
		}
		read(sync[0], &c, 1);
		_exit(0);
	}
	close(p[1]);
	close(sync[0]);
	close(sync[1]);
	CHECK_EQ(waitpid(pid, &st, 0), pid, "the middle child exits");
	CHECK_EQ(read(p[0], got, sizeof(got)), (ssize_t)sizeof(got),
	    "the grandchild reports");
	CHECK_EQ(got[0], pid, "the grandchild's parent was the child");
#ifdef REGRESS_HOST
	/* Linux adopts by the nearest subreaper, not always pid 1. */
	CHECK(got[1] != pid, "the orphan was adopted (by %d)", (int)got[1]);
#else
	CHECK_EQ(got[1], 1, "the orphan was adopted by init");
#endif
	close(p[0]);
}

static void
test_kill(void)
{
	struct timespec ts;
	int st, sig;
	pid_t pid;

	for (sig = SIGTERM; sig != 0; sig = sig == SIGTERM ? SIGKILL : 0) {
		pid = fork();
		if (pid == 0) {
			ts.tv_sec = 30;
			ts.tv_nsec = 0;
			nanosleep(&ts, NULL);
			_exit(0);
		}
		rg_msleep(50);
		CHECK_OK(kill(pid, sig));
		st = rg_wait_bounded(pid, 10, NULL);
		CHECK(KILLED_BY(st, sig), "a child in nanosleep killed by "
		    "signal %d (%s)", sig, rg_status(st));
		CHECK(WIFSIGNALED(st) && !WIFEXITED(st), "WIFSIGNALED");
	}
	pid = fork();
	if (pid == 0) {
		kill(getpid(), SIGKILL);
		_exit(0);
	}
	st = rg_wait(pid);
	CHECK(KILLED_BY(st, SIGKILL), "a child kills itself (%s)",
	    rg_status(st));

	/* Signal 0 checks without sending; the reaped pid is gone. */
	CHECK_OK(kill(getpid(), 0));
	CHECK_ERR(kill(pid, 0), ESRCH);
	CHECK_ERR(kill(pid, SIGTERM), ESRCH);
	CHECK_ERR(kill(getpid(), 1000), EINVAL);
	CHECK_ERR(kill(getpid(), -1), EINVAL);
}

static int
child_kill_eperm(void *arg)
{
	pid_t parent = getppid();

	if (setuid(1000) == -1)
		return 10;
	if (kill(parent, 0) != -1)
		return 11;
	return errno == EPERM ? 0 : 12;
}

static void
test_kill_eperm(void)
{
	int st = rg_child(child_kill_eperm, NULL);

	CHECK(EXITED_WITH(st, 0), "uid 1000 may not signal root: EPERM (%s)",
	    rg_status(st));
}

static int
child_setsid(void *arg)
{
	pid_t me = getpid();

	if (setsid() != me)
		return 10;
	if (getpgid(0) != me || getpgrp() != me)
		return 11;
	/* A group leader cannot start another session. */
	if (setsid() != -1 || errno != EPERM)
		return 12;
	return 0;
}

static void
test_pgrp(void)
{
	int p[2], st;
	char c;
	pid_t pid, mypg = getpgid(0);

	CHECK(mypg > 0, "getpgid(0) (%d)", (int)mypg);
	CHECK_EQ(getpgid(getpid()), mypg, "getpgid(getpid()) == getpgid(0)");
	CHECK_EQ(getpgrp(), mypg, "getpgrp == getpgid(0)");
	st = rg_child(child_setsid, NULL);
	CHECK(EXITED_WITH(st, 0), "setsid in a child; then EPERM (%s)",
	    rg_status(st));

	CHECK_OK(pipe(p));
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		read(p[0], &c, 1);
		_exit(getpgid(0) == getpid() ? 0 : 1);
	}
	close(p[0]);
	CHECK_EQ(getpgid(pid), mypg, "a child starts in our group");
	CHECK_OK(setpgid(pid, pid));
	CHECK_EQ(getpgid(pid), pid, "setpgid(child, child)");
	CHECK_OK(setpgid(pid, mypg));
	CHECK_EQ(getpgid(pid), mypg, "setpgid back to our group");
	CHECK_OK(setpgid(pid, 0));
	CHECK_EQ(getpgid(pid), pid, "setpgid(child, 0)");
	close(p[1]);
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0), "the child saw its own group (%s)",
	    rg_status(st));
	CHECK_ERR(setpgid(0, -1), EINVAL);
	CHECK_ERR(setpgid(pid, pid), ESRCH);
	CHECK_ERR(getpgid(pid), ESRCH);
}

/* ---- faults ------------------------------------------------------------ */

static int
fault_null(void *arg)
{
	*(volatile int *)BAD_NULL = 1;
	return 0;
}

static int
fault_text(void *arg)
{
	volatile char *text = (volatile char *)(uintptr_t)fault_text;

	*text = 0;
	return 0;
}

static int
fault_stack(void *arg)
{
	/* A `ret' on the stack, called: the stack must not execute. */
	volatile unsigned char code[16] = { 0xc3 };
	void (*fn)(void) = (void (*)(void))(uintptr_t)code;

	fn();
	return 0;
}

static int
fault_kernel_read(void *arg)
{
	return *(volatile int *)BAD_KERNEL == 12345 ? 1 : 0;
}

static int
fault_kernel_write(void *arg)
{
	*(volatile int *)BAD_KERNEL = 0;
	return 0;
}

static int
fault_ud2(void *arg)
{
	__asm__ volatile("ud2");
	return 0;
}

static int
fault_divide(void *arg)
{
	volatile int zero = 0, one = 1;

	return one / zero;
}

static int
fault_int3(void *arg)
{
	__asm__ volatile("int3");
	return 0;
}

static int
fault_hlt(void *arg)
{
	__asm__ volatile("hlt");
	return 0;
}

/*
 * Does the CPU stop execution at the end of the code segment?  The kernel
 * probes it at boot (identcpu.cc); QEMU's TCG does not, real CPUs and
 * Bochs do.  On the host (Linux, NX) the stack never executes.
 */
static int
cslimit_enforced(void)
{
#ifdef REGRESS_HOST
	return 1;
#else
	int mib[2] = { CTL_MACHDEP, CPU_CSLIMIT }, v = 1;
	size_t len = sizeof(v);

	if (sysctl(mib, 2, &v, &len, NULL, 0) == -1)
		return 1;	/* unknown: insist */
	return v;
#endif
}

static void
test_faults(void)
{
	static const struct {
		const char *what;
		int (*fn)(void *);
		int sig, sig2;		/* the signal, or either of two */
	} f[] = {
		{ "dereferences NULL", fault_null, SIGSEGV, SIGSEGV },
		{ "writes to its text", fault_text, SIGSEGV, SIGSEGV },
		{ "executes its stack", fault_stack, SIGSEGV, SIGSEGV },
		{ "reads kernel memory", fault_kernel_read, SIGSEGV, SIGSEGV },
		{ "writes kernel memory", fault_kernel_write, SIGSEGV,
		    SIGSEGV },
		{ "runs ud2", fault_ud2, SIGILL, SIGILL },
		{ "divides by zero", fault_divide, SIGFPE, SIGFPE },
		{ "runs int3", fault_int3, SIGTRAP, SIGTRAP },
		/* A privileged instruction: #GP; OpenBSD says SIGBUS. */
		{ "runs hlt", fault_hlt, SIGSEGV, SIGBUS },
	};
	unsigned i;
	int st;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		if (f[i].fn == fault_stack && !cslimit_enforced()) {
			rg_print("ok - # SKIP a child that %s: this CPU does "
			    "not enforce the code segment limit, on which "
			    "W^X rests without PAE (machdep.cslimit = 0)\n",
			    f[i].what);
			continue;
		}
		st = rg_child(f[i].fn, NULL);
		CHECK(KILLED_BY(st, f[i].sig) || KILLED_BY(st, f[i].sig2),
		    "a child that %s dies of signal %d (%s)", f[i].what,
		    f[i].sig, rg_status(st));
	}
	/* And we go on: fork still works, our memory is ours. */
	st = rg_child(fault_divide, NULL);
	CHECK(KILLED_BY(st, SIGFPE), "faults again (%s)", rg_status(st));
	st = rg_child(child_setsid, NULL);
	CHECK(EXITED_WITH(st, 0), "and a normal child after them (%s)",
	    rg_status(st));
}

int
main(void)
{
	regress_begin("procs");
	test_fork_wait();
	test_wnohang();
	test_ids();
	test_kill();
	test_kill_eperm();
	test_pgrp();
	test_faults();
	return regress_end();
}
