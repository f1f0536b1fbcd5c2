/*
 * regress/efault.c: every pointer a system call takes, given a pointer it
 * must not follow, answers EFAULT and nothing worse.
 *
 * The bad pointers: NULL, 1 (unaligned, in the unmapped page 0), the
 * kernel's base 0xd0000000 (mapped, but not for us), a page that was
 * mapped and then unmapped, and, for strings, a path that runs without a
 * NUL up to an unmapped page.  Where NULL has a meaning (gettimeofday's
 * tp, wait4's status) it is left out.
 *
 * The kernel reaches user memory only through copyin, copyout, copyinstr
 * and copyoutstr, which check the address range and recover from the
 * fault (pcb_onfault); a bad pointer that got past them would panic the
 * kernel or be followed into kernel memory, which is what this program
 * is here to catch.  If it dies instead of finishing, the last `ok' line
 * it printed tells which call was next.
 */
#include "regress.h"

enum { NBAD = 5 };
static void *bad[NBAD];
static const char *badname[NBAD] = {
	"NULL", "(void *)1", "0xd0000000", "an unmapped page",
	"a string running into an unmapped page",
};
static char *page;		/* a mapped page; the next one is not */

/*
 * For each bad pointer P from index first up to last, check that call
 * fails with EFAULT.  Pointers to buffers use last = 3 (the unterminated
 * string is a good buffer for a short length); paths use 4.
 */
#define EF(first, last, call, what) do {				\
	int i_;								\
	for (i_ = (first); i_ <= (last); i_++) {			\
		void *P = bad[i_];					\
		CHECK_ERRN(call, EFAULT, "%s with %s", what, badname[i_]); \
	}								\
} while (0)
#define EF_PATH(call, what)	EF(0, 4, call, what)
#define EF_BUF(call, what)	EF(0, 3, call, what)
#define EF_OPT(call, what)	EF(1, 3, call, what)	/* NULL is allowed */

/* Raw system calls on the host, where the libc wrapper would itself
 * touch the memory (and fault) before the kernel sees it. */
#ifdef REGRESS_HOST
#define sys_gettimeofday(tp, tz)  syscall(SYS_gettimeofday, tp, tz)
#define sys_clock_gettime(c, tp)  syscall(SYS_clock_gettime, c, tp)
#define sys_getcwd(b, l)	  (syscall(SYS_getcwd, b, l) < 0 ? -1 : 0)
#define sys_getdents(fd, b, l)	  syscall(SYS_getdents64, fd, b, l)
#define sys_utimes(p, t)	  syscall(SYS_utimes, p, t)
#define sys_getrlimit(w, r)	  syscall(SYS_getrlimit, w, r)
#define sys_setrlimit(w, r)	  syscall(SYS_setrlimit, w, r)
#define TTY_GET			  TCGETS
#else
#define sys_gettimeofday(tp, tz)  gettimeofday(tp, tz)
#define sys_clock_gettime(c, tp)  clock_gettime(c, tp)
#define sys_getcwd(b, l)	  (__getcwd(b, l) < 0 ? -1 : 0)
#define sys_getdents(fd, b, l)	  getdents(fd, b, l)
#define sys_utimes(p, t)	  utimes(p, t)
#define sys_getrlimit(w, r)	  getrlimit(w, r)
#define sys_setrlimit(w, r)	  setrlimit(w, r)
#define TTY_GET			  TIOCGETA
#endif

static void
setup(void)
{
	char *two;

	two = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON,
	    -1, 0);
	CHECK(two != MAP_FAILED, "mmap two pages");
	if (two == MAP_FAILED)
		exit(regress_end());
	CHECK_OK(munmap(two + 4096, 4096));
	page = two;
	/* The last 16 bytes of the mapped page: a string with no end. */
	memset(page + 4096 - 16, 'a', 16);
	bad[0] = NULL;
	bad[1] = (void *)1;
	bad[2] = BAD_KERNEL;
	bad[3] = page + 4096;
	bad[4] = page + 4096 - 16;
	CHECK_OK(rg_write_file("file", "some data here", 14, 0644));
	CHECK_OK(symlink("file", "link"));
	CHECK_OK(mkdir("dir", 0755));
}

static void
test_paths(void)
{
	struct stat sb;
	struct timeval tv[2];

	memset(tv, 0, sizeof(tv));
	EF_PATH(open(P, O_RDONLY), "open");
	EF_PATH(open(P, O_RDWR | O_CREAT, 0644), "open O_CREAT");
	EF_PATH(stat(P, &sb), "stat path");
	EF_PATH(lstat(P, &sb), "lstat path");
	EF_PATH(access(P, F_OK), "access");
	EF_PATH(chdir(P), "chdir");
	EF_PATH(mkdir(P, 0755), "mkdir");
	EF_PATH(rmdir(P), "rmdir");
	EF_PATH(unlink(P), "unlink");
	EF_PATH(chmod(P, 0644), "chmod");
	EF_PATH(chown(P, 0, 0), "chown");
	EF_PATH(sys_utimes(P, tv), "utimes path");
	EF_PATH(truncate(P, 0), "truncate");
	EF_PATH(readlink(P, (char *)tv, sizeof(tv)), "readlink path");
	EF_PATH(link(P, "new"), "link from");
	EF_PATH(link("file", P), "link to");
	EF_PATH(symlink(P, "new"), "symlink target");
	EF_PATH(symlink("file", P), "symlink name");
	EF_PATH(rename(P, "new"), "rename from");
	EF_PATH(rename("file", P), "rename to");
	EF_PATH(chroot(P), "chroot");
	EF_PATH(execve(P, NULL, NULL), "execve path");
	CHECK_OK(stat("file", &sb));	/* nothing above moved it */
}

static void
test_buffers(void)
{
	struct iovec iov[2];
	char buf[64];
	int fd, dfd;

	fd = CHECK_OK(open("file", O_RDWR));
	EF_BUF(read(fd, P, 10), "read buf");
	EF_BUF(pread(fd, P, 10, 0), "pread buf");
	EF_BUF(write(fd, P, 10), "write buf");
	EF_BUF(pwrite(fd, P, 10, 0), "pwrite buf");
	EF_BUF(readv(fd, P, 1), "readv iov");
	EF_BUF(writev(fd, P, 1), "writev iov");
	iov[0].iov_base = buf;
	iov[0].iov_len = 2;
	iov[1].iov_len = 2;
	EF_BUF((iov[0].iov_base = P, readv(fd, iov, 2)),
	    "readv iov_base (first)");
	EF_BUF((iov[0].iov_base = P, writev(fd, iov, 2)),
	    "writev iov_base (first)");
#ifndef REGRESS_HOST
	/*
	 * A transfer that faults part way: OpenBSD answers EFAULT (only
	 * EINTR, ERESTART and EWOULDBLOCK become a short count, in
	 * dofilereadv); Linux returns the short count.
	 */
	iov[0].iov_base = buf;
	EF_BUF((lseek(fd, 0, SEEK_SET), iov[1].iov_base = P,
	    readv(fd, iov, 2)), "readv iov_base (second)");
	CHECK_ERRN(pread(fd, page + 4096 - 4, 10, 0), EFAULT,
	    "pread into a buffer that runs into an unmapped page");
#endif
	EF_BUF(fstat(fd, P), "fstat sb");
	EF_BUF(stat("file", P), "stat sb");
	EF_BUF(lstat("link", P), "lstat sb");
	EF_BUF(readlink("link", P, 10), "readlink buf");
	EF_BUF(sys_getcwd(P, 100), "__getcwd buf");
	dfd = CHECK_OK(open(".", O_RDONLY));
	EF_BUF(sys_getdents(dfd, P, 4096), "getdents buf");
	close(dfd);
	EF_BUF(pipe(P), "pipe fds");
	EF_OPT(sys_gettimeofday(P, NULL), "gettimeofday tp");
	EF_BUF(sys_clock_gettime(CLOCK_MONOTONIC, P), "clock_gettime tp");
	EF_BUF(sys_clock_gettime(CLOCK_REALTIME, P), "clock_gettime tp");
	EF_BUF(nanosleep(P, NULL), "nanosleep rqtp");
	EF_OPT(sys_utimes("file", P), "utimes times");
	EF_BUF(getrusage(RUSAGE_SELF, P), "getrusage");
	EF_BUF(sys_getrlimit(RLIMIT_NOFILE, P), "getrlimit");
	EF_BUF(sys_setrlimit(RLIMIT_NOFILE, P), "setrlimit");
	close(fd);
}

static void
test_tty(void)
{
	int fd;

#ifdef REGRESS_HOST
	fd = CHECK_OK(open("/dev/ptmx", O_RDWR | O_NOCTTY));
#else
	fd = CHECK_OK(open("/dev/console", O_RDWR));
#endif
	EF_BUF(ioctl(fd, TTY_GET, P), "ioctl TIOCGETA data");
	close(fd);
}

/* wait4 reaps the child even when it cannot store the status; so each
 * bad pointer gets a child of its own. */
static void
test_wait4(void)
{
	int i, st;
	pid_t pid;

	for (i = 1; i <= 3; i++) {
		pid = fork();
		if (pid == 0)
			_exit(7);
		rg_msleep(20);
		CHECK_ERRN(wait4(pid, bad[i], 0, NULL), EFAULT,
		    "wait4 status with %s", badname[i]);
		waitpid(pid, &st, 0);
	}
	for (i = 1; i <= 3; i++) {
		pid = fork();
		if (pid == 0)
			_exit(7);
		rg_msleep(20);
		CHECK_ERRN(wait4(pid, &st, 0, bad[i]), EFAULT,
		    "wait4 rusage with %s", badname[i]);
		waitpid(pid, &st, 0);
	}
}

static void
test_execve(void)
{
	char *argv[3], *envp[2];
	const char *helper = rg_prog("helper");
	int i;

	argv[0] = (char *)"helper";
	argv[1] = (char *)"exit";
	argv[2] = NULL;
	envp[0] = NULL;
	for (i = 0; i <= 3; i++) {
#ifdef REGRESS_HOST
		if (i == 0)	/* Linux takes a NULL argv as an empty one. */
			continue;
#endif
		CHECK_ERRN(execve(helper, bad[i], envp), EFAULT,
		    "execve argv with %s", badname[i]);
	}
	for (i = 1; i <= 4; i++) {
		argv[1] = bad[i];
		CHECK_ERRN(execve(helper, argv, envp), EFAULT,
		    "execve argv[1] with %s", badname[i]);
	}
	argv[1] = (char *)"exit";
	for (i = 1; i <= 3; i++)
		CHECK_ERRN(execve(helper, argv, bad[i]), EFAULT,
		    "execve envp with %s", badname[i]);
	envp[0] = bad[4];
	envp[1] = NULL;
	CHECK_ERRN(execve(helper, argv, envp), EFAULT,
	    "execve envp[0] with %s", badname[4]);
}

#ifndef REGRESS_HOST
/* Not on the host: glibc copies struct sigaction itself. */
static void
test_sigaction(void)
{
	struct sigaction sa;

	EF_OPT(sigaction(SIGUSR1, P, NULL), "sigaction nsa");
	EF_OPT(sigaction(SIGUSR1, NULL, P), "sigaction osa");
	CHECK_OK(sigaction(SIGUSR1, NULL, &sa));
	CHECK(sa.sa_handler == SIG_DFL, "SIGUSR1 is still SIG_DFL");
}

/* Not on the host: Linux has no sysctl(2). */
static void
test_sysctl(void)
{
	int mib[2] = { CTL_KERN, KERN_HOSTNAME };
	char name[256];
	size_t len = sizeof(name);

	EF_BUF(sysctl(P, 2, name, &len, NULL, 0), "sysctl name");
	EF_OPT((len = sizeof(name), sysctl(mib, 2, P, &len, NULL, 0)),
	    "sysctl oldp");
	/* A NULL oldlenp is a length of 0: ENOMEM, not EFAULT. */
	EF_OPT(sysctl(mib, 2, name, P, NULL, 0), "sysctl oldlenp");
}
#endif

int
main(void)
{
	regress_begin("efault");
	setup();
	test_paths();
	test_buffers();
	test_tty();
	test_wait4();
	test_execve();
#ifndef REGRESS_HOST
	test_sigaction();
	test_sysctl();
#endif
	/* The process is still sound: its own memory works as before. */
	CHECK(page[4096 - 16] == 'a', "our own page is intact");
	return regress_end();
}
