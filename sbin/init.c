/*
 * sbin/init.c: init(8), the first user process: process 1.
 *
 * How it is started.  Early in main() the kernel (kern/init_main.cc)
 * forks process 1 from proc0; once the root file system is mounted,
 * start_init() has it execve /sbin/init with argv { "init", NULL }, the
 * environment { "PATH=/bin:/sbin", NULL } and no open descriptors;
 * booted with test=regress it passes { "init", "-t", NULL } instead.
 * (OpenBSD's start_init passes "-s" for single user the same way; -s
 * works here too.)  init must never exit: the kernel panics if process
 * 1 dies.  It is also the parent every orphan is given to, so it waits
 * for all children, whoever they were born to.
 *
 * What it does, as OpenBSD's sbin/init/init.c in spirit (without its
 * state machine, /etc/ttys, getty or login):
 *
 *   1. opens /dev/console as descriptors 0, 1 and 2, and sets PATH,
 *      HOME, SHELL and USER for everything it starts;
 *   2. runs "/bin/sh /etc/rc autoboot" if /etc/rc exists (not with -s),
 *      and waits for it: the system's start-up script;
 *   3. prints /etc/motd and starts a login shell on the console
 *      (/bin/sh with argv[0] "-sh", in a session of its own with the
 *      console as its controlling terminal, so ^C reaches it), waits,
 *      and starts another when it exits, for ever.
 *
 * With -t (the regression tests) step 3 is instead: run /regress/run
 * on the console, wait for it, sync(2) the disks, and power the machine
 * off with reboot(2) (QEMU then exits; the test runner reads the verdict
 * the tests printed on the serial console).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define _PATH_CONSOLE	"/dev/console"
#define _PATH_BSHELL	"/bin/sh"
#define _PATH_RUNCOM	"/etc/rc"
#define _PATH_MOTD	"/etc/motd"
#define _PATH_REGRESS	"/regress/run"
#define _PATH_STDPATH	"/bin:/sbin:/usr/bin:/usr/sbin"

/* Descriptors 0, 1, 2 on the console. */
static void
open_console(void)
{
	int fd = open(_PATH_CONSOLE, O_RDWR | O_NOCTTY);

	if (fd < 0)
		return;		/* nowhere to say so */
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

/*
 * In a child about to run a program: the signals back to their defaults
 * (init ignores some), a session of its own, and the console as its
 * controlling terminal if the tty driver offers TIOCSCTTY.
 */
static void
child_setup(void)
{
	signal(SIGHUP, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	setsid();
#ifdef TIOCSCTTY
	ioctl(0, TIOCSCTTY, 0);	/* no controlling tty is no disaster */
#endif
}

/* Start path with argv; => its process id, or -1. */
static pid_t
start(const char *path, char *const argv[])
{
	pid_t pid = fork();

	if (pid < 0) {
		dprintf(2, "init: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		child_setup();
		execv(path, argv);
		dprintf(2, "init: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	return pid;
}

/*
 * Wait until pid has exited, reaping every other child (orphans handed
 * to us) on the way.  => pid's wait status.
 */
static int
wait_for(pid_t pid)
{
	int st;

	for (;;) {
		pid_t w = wait(&st);
		if (w == pid)
			return st;
		if (w < 0 && errno == ECHILD)
			return 0;
	}
}

static void
print_motd(void)
{
	int fd = open(_PATH_MOTD, O_RDONLY);
	char buf[512];
	ssize_t n;

	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
}

/* -t: the regression tests, then off. */
static __attribute__((noreturn)) void
run_regress(void)
{
	char *argv[] = { "run", NULL };
	pid_t pid = start(_PATH_REGRESS, argv);

	if (pid > 0) {
		int st = wait_for(pid);
		if (WIFSIGNALED(st))
			dprintf(2, "init: %s: %s\n", _PATH_REGRESS,
			    strsignal(WTERMSIG(st)));
	}
	sync();
	reboot(RB_HALT | RB_POWERDOWN);
	dprintf(2, "init: reboot: %s\n", strerror(errno));
	for (;;)
		wait_for(-1);	/* reap, and never exit */
}

/* The console shell, restarted whenever it exits. */
static __attribute__((noreturn)) void
run_shells(void)
{
	char *argv[] = { "-sh", NULL };
	int fast = 0;

	for (;;) {
		print_motd();
		time_t t0 = time(NULL);
		pid_t pid = start(_PATH_BSHELL, argv);
		if (pid > 0)
			wait_for(pid);
		/* A shell that cannot start must not make us spin. */
		if (pid < 0 || time(NULL) - t0 < 2) {
			if (++fast >= 3) {
				dprintf(2, "init: %s exiting too quickly, "
				    "sleeping 30 seconds\n", _PATH_BSHELL);
				sleep(30);
				fast = 0;
			}
		} else
			fast = 0;
	}
}

int
main(int argc, char *argv[])
{
	int tflag = 0, sflag = 0;
	struct stat sb;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-t") == 0)
			tflag = 1;
		else if (strcmp(argv[i], "-s") == 0)
			sflag = 1;
	}
	open_console();
	/* Only the kernel starts init (its parent is proc0, pid 0). */
	if (getpid() != 1 && getppid() != 0) {
		dprintf(2, "init: already running\n");
		return 1;
	}
	setsid();
	/* Process 1 must not be killed from the keyboard. */
	signal(SIGHUP, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	setenv("PATH", _PATH_STDPATH, 1);
	setenv("HOME", stat("/root", &sb) == 0 ? "/root" : "/", 1);
	setenv("SHELL", _PATH_BSHELL, 1);
	setenv("USER", "root", 1);
	umask(022);

	if (tflag)
		run_regress();
	if (!sflag && stat(_PATH_RUNCOM, &sb) == 0) {
		char *rcargv[] = { "sh", _PATH_RUNCOM, "autoboot", NULL };
		pid_t pid = start(_PATH_BSHELL, rcargv);
		if (pid > 0) {
			int st = wait_for(pid);
			if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
				dprintf(2, "init: %s failed\n", _PATH_RUNCOM);
		}
	}
	run_shells();
}
