/*
 * regress/run.c: the regression suite's runner, /regress/run.
 *
 *	run [-d DIR] [-t SCALE] [-s SECONDS] [NAME ...]
 *
 * Runs each test program DIR/NAME (DIR defaults to /regress; without
 * names, every program of the list below), one at a time, each in a
 * process group of its own and with a time limit, and prints one line per
 * program:
 *
 *	PASS files
 *	FAIL exec (exit 1)
 *	FAIL mmap (killed by signal 11)
 *	TIMEOUT pipes
 *
 * and last of all exactly
 *
 *	regress: N passed, M failed
 *
 * counting programs (a TIMEOUT is a failure).  -t multiplies every time
 * limit (for slow machines); -s gives every program the same limit.  It exits 0 only if all
 * passed.  init(8) runs it when the kernel is booted with test=regress;
 * tools/regresscheck.py reads these lines from the serial console.
 *
 * The time limit: there is no alarm(3) (no setitimer in the kernel), so
 * the runner polls waitpid(WNOHANG) with nanosleep and, when a program
 * outlives its limit, kills its process group, then the program itself,
 * with SIGKILL.  The list names the programs rather than reading DIR,
 * because DIR also holds helpers (helper) that are not tests, and the
 * order (simple things first) makes the first failure the telling one.
 * This mirrors OpenBSD's regress/Makefile, which lists its SUBDIRs.
 */
#include "regress.h"

/*
 * The test programs, in order, and their time limits in seconds: each
 * takes a second or two under QEMU (TCG), so the limits only stop a
 * program that hangs, without holding the suite up for long.
 */
static const struct {
	const char *name;
	int secs;
} tests[] = {
	{ "files", 60 },
	{ "fds", 60 },
	{ "efault", 60 },
	{ "procs", 90 },
	{ "exec", 60 },
	{ "cow", 60 },
	{ "mmap", 60 },
	{ "pipes", 90 },
	{ "time", 60 },
	{ "sysctl", 60 },
	{ "perms", 60 },
	{ "limits", 120 },
	{ "syscallfuzz", 180 },
};
#define NTESTS	(int)(sizeof(tests) / sizeof(tests[0]))

static int scale = 1;		/* -t: a multiplier for every limit */
static int fixed;		/* -s: every program's limit, if not 0 */

/*
 * run_one: run dir/name with the time limit secs.
 * => returns 1 if it passed (exit status 0), else 0; prints its line.
 */
static int
run_one(const char *dir, const char *name, int secs)
{
	char path[PATH_MAX];
	char *argv[2];
	int status, timedout;
	long long t0;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	rg_print("=== %s\n", name);
	t0 = rg_now_ms();
	pid = fork();
	if (pid == -1) {
		rg_print("FAIL %s (fork: errno %s)\n", name, rg_errname(errno));
		return 0;
	}
	if (pid == 0) {
		/* Its own group, so that a timeout takes its children too. */
		setpgid(0, 0);
		argv[0] = (char *)name;
		argv[1] = NULL;
		execve(path, argv, environ);
		rg_print("# run: execve %s: errno %s\n", path,
		    rg_errname(errno));
		_exit(127);
	}
	setpgid(pid, pid);	/* as the child does: whoever runs first */
	status = rg_wait_bounded(pid, (fixed ? fixed : secs) * scale,
	    &timedout);
	if (timedout) {
		/*
		 * Whatever the program left behind in its group; the
		 * leader is gone already, so the group is addressed by
		 * its id (the leader's pid).
		 */
		kill(-pid, SIGKILL);
		rg_print("TIMEOUT %s\n", name);
		return 0;
	}
	rg_print("# %s: %s in %lld ms\n", name, rg_status(status),
	    rg_now_ms() - t0);
	if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		rg_print("PASS %s\n", name);
		return 1;
	}
	if (status == -1)
		rg_print("FAIL %s (waitpid: errno %s)\n", name,
		    rg_errname(errno));
	else if (WIFSIGNALED(status))
		rg_print("FAIL %s (killed by signal %d)\n", name,
		    WTERMSIG(status));
	else
		rg_print("FAIL %s (exit %d)\n", name, WEXITSTATUS(status));
	return 0;
}

static int
limit_of(const char *name)
{
	int i;

	for (i = 0; i < NTESTS; i++)
		if (strcmp(tests[i].name, name) == 0)
			return tests[i].secs;
	return 60;
}

int
main(int argc, char *argv[])
{
	const char *dir = REGRESS_DIR;
	int i, passed = 0, failed = 0;

	/* getopt by hand: -d DIR, -t SCALE; the same on host and target. */
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-d") == 0 && i + 1 < argc) {
			/* The programs find their helpers there too. */
			dir = argv[++i];
			setenv("REGRESS_DIR", dir, 1);
		}
		else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
			scale = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
		else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
			fixed = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 0;
		else {
			rg_print("usage: run [-d dir] [-t scale] [-s seconds] "
			    "[name ...]\n");
			return 2;
		}
	}
	if (i < argc) {
		for (; i < argc; i++) {
			if (run_one(dir, argv[i], limit_of(argv[i])))
				passed++;
			else
				failed++;
		}
	} else {
		for (i = 0; i < NTESTS; i++) {
			if (run_one(dir, tests[i].name, tests[i].secs))
				passed++;
			else
				failed++;
		}
	}
	rg_print("regress: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
