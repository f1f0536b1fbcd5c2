/*
 * regress/regress.h: the harness every regression program includes.
 *
 * A regression program is a plain C program that calls the system the way
 * a user program does and asserts what comes back.  It prints one line per
 * assertion, in the shape of TAP (the Test Anything Protocol, which Perl's
 * and OpenBSD's regression suites speak):
 *
 *	ok 3 - open O_CREAT|O_EXCL on an existing file
 *	not ok 4 - lseek on a pipe: got 0 (errno 0), want -1 ESPIPE (line 88)
 *
 * and exits 0 when every assertion held, 1 otherwise.  regress/run.c runs
 * the programs and counts them.
 *
 * Everything here is static and in this header, because the build links a
 * program from its one object file ($(O)/regress/NAME from regress/NAME.c,
 * lib/libc/Makefile.inc) and a harness that is just a header needs no
 * rule of its own.
 *
 * The same sources build on a Linux host against glibc (with -DREGRESS_HOST,
 * tools/regress-hosttest.sh), which checks the tests' own logic against a
 * kernel known to be right.  Where Linux legitimately differs from OpenBSD
 * the code says so beside an #ifdef REGRESS_HOST.
 *
 * Output goes through write(2) on descriptor 1, never through stdio: tests
 * fork a lot, and a stdio buffer copied into a child would be printed twice.
 */
#ifndef _REGRESS_H_
#define _REGRESS_H_

#ifdef REGRESS_HOST
#define _GNU_SOURCE
#endif

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <sys/mman.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef REGRESS_HOST
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/ioctl.h>
#include <termios.h>
#else
/*
 * What our libc does not declare yet although the kernel has the system
 * call (the generated stubs define every one of them).  The structures
 * and numbers are OpenBSD's.
 */
#include <sys/uio.h>
#include <sys/ioctl.h>
#include <sys/sysctl.h>
#include <termios.h>

struct rusage {
	struct timeval ru_utime;	/* user time used */
	struct timeval ru_stime;	/* system time used */
	long	ru_maxrss;		/* max resident set size */
	long	ru_ixrss;		/* integral shared text memory size */
	long	ru_idrss;		/* integral unshared data size */
	long	ru_isrss;		/* integral unshared stack size */
	long	ru_minflt;		/* page reclaims */
	long	ru_majflt;		/* page faults */
	long	ru_nswap;		/* swaps */
	long	ru_inblock;		/* block input operations */
	long	ru_oublock;		/* block output operations */
	long	ru_msgsnd;		/* messages sent */
	long	ru_msgrcv;		/* messages received */
	long	ru_nsignals;		/* signals received */
	long	ru_nvcsw;		/* voluntary context switches */
	long	ru_nivcsw;		/* involuntary context switches */
};
#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)

typedef u_int64_t rlim_t;
struct rlimit {
	rlim_t	rlim_cur;		/* current (soft) limit */
	rlim_t	rlim_max;		/* maximum value for rlim_cur */
};
#define RLIMIT_NPROC	7		/* number of processes */
#define RLIMIT_NOFILE	8		/* number of open files */
#define RLIM_INFINITY	(((rlim_t)1 << 63) - 1)

__BEGIN_DECLS
ssize_t	readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t	writev(int fd, const struct iovec *iov, int iovcnt);
int	getrusage(int who, struct rusage *ru);
int	getrlimit(int which, struct rlimit *rlp);
int	setrlimit(int which, const struct rlimit *rlp);
int	sched_yield(void);
int	__getcwd(char *buf, size_t len);
__END_DECLS
#endif /* REGRESS_HOST */

/* Where the programs are (run.c, exec.c find their helpers there). */
#ifndef REGRESS_DIR
#define REGRESS_DIR	"/regress"
#endif

#define RG_FN		static __attribute__((unused))
#define RG_PRINTF(a, b)	__attribute__((format(printf, a, b)))

/* Pointers no system call may accept: none of them is mapped for us. */
#define BAD_NULL	((void *)0)
#define BAD_ONE		((void *)1)
#define BAD_KERNEL	((void *)0xd0000000UL)	/* OpenBSD i386 KERNBASE */

static const char *rg_name = "regress";	/* the program, for messages */
static int rg_count;			/* assertions made */
static int rg_failed;			/* of which failed */
static char rg_tmpdir[256];		/* this program's scratch directory */

/* ---- printing ---------------------------------------------------------- */

/* printf to descriptor 1 through one write(2); lines stay whole. */
RG_FN RG_PRINTF(1, 2) void
rg_print(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	while (n > 0) {
		ssize_t w = write(1, buf, n);
		if (w <= 0)
			break;
		n -= w;
	}
}

/* The symbolic name of an errno value, for messages. */
RG_FN const char *
rg_errname(int e)
{
	static const struct { int e; const char *name; } t[] = {
		{ 0, "0" }, { EPERM, "EPERM" }, { ENOENT, "ENOENT" },
		{ ESRCH, "ESRCH" }, { EINTR, "EINTR" }, { EIO, "EIO" },
		{ ENXIO, "ENXIO" }, { E2BIG, "E2BIG" },
		{ ENOEXEC, "ENOEXEC" }, { EBADF, "EBADF" },
		{ ECHILD, "ECHILD" }, { ENOMEM, "ENOMEM" },
		{ EACCES, "EACCES" }, { EFAULT, "EFAULT" },
		{ EBUSY, "EBUSY" }, { EEXIST, "EEXIST" }, { EXDEV, "EXDEV" },
		{ ENODEV, "ENODEV" }, { ENOTDIR, "ENOTDIR" },
		{ EISDIR, "EISDIR" }, { EINVAL, "EINVAL" },
		{ ENFILE, "ENFILE" }, { EMFILE, "EMFILE" },
		{ ENOTTY, "ENOTTY" }, { ETXTBSY, "ETXTBSY" },
		{ EFBIG, "EFBIG" }, { ENOSPC, "ENOSPC" },
		{ ESPIPE, "ESPIPE" }, { EROFS, "EROFS" },
		{ EMLINK, "EMLINK" }, { EPIPE, "EPIPE" },
		{ ERANGE, "ERANGE" }, { EAGAIN, "EAGAIN" },
		{ EOPNOTSUPP, "EOPNOTSUPP" }, { ELOOP, "ELOOP" },
		{ ENAMETOOLONG, "ENAMETOOLONG" },
		{ ENOTEMPTY, "ENOTEMPTY" }, { ENOSYS, "ENOSYS" },
	};
	static char other[16];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].e == e)
			return t[i].name;
	snprintf(other, sizeof(other), "%d", e);
	return other;
}

/* A wait status in words: "exit 3", "signal 11". */
RG_FN const char *
rg_status(int status)
{
	static char buf[32];

	if (status == -1)
		snprintf(buf, sizeof(buf), "no status (wait failed)");
	else if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "signal %d", WTERMSIG(status));
	else
		snprintf(buf, sizeof(buf), "status 0x%x", status);
	return buf;
}

/* ---- assertions -------------------------------------------------------- */

/*
 * rg_report: count one assertion and print its line.
 * => ok: whether it held; line: the source line; why: what went wrong,
 *    or NULL; fmt...: the assertion's name.
 * => returns ok, so that a test can stop early when a step failed.
 */
RG_FN int
rg_report(int ok, int line, const char *why, const char *fmt, va_list ap)
{
	char name[512], *c;

	vsnprintf(name, sizeof(name), fmt, ap);
	/* One line per assertion, whatever the name quotes. */
	for (c = name; *c != '\0'; c++)
		if ((unsigned char)*c < ' ' || *c == 0x7f)
			*c = '.';
	rg_count++;
	if (ok) {
		rg_print("ok %d - %s\n", rg_count, name);
	} else {
		rg_failed++;
		rg_print("not ok %d - %s: %s (%s line %d)\n", rg_count, name,
		    why ? why : "failed", rg_name, line);
	}
	return ok;
}

/* rg_report with the name given as a format. */
RG_FN RG_PRINTF(4, 5) int
rg_result(int ok, int line, const char *why, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = rg_report(ok, line, why, fmt, ap);
	va_end(ap);
	return r;
}

/*
 * The assertions.  Each evaluates to whether it held.
 *
 * CHECK(cond, name...)		cond is true
 * CHECK_EQ(got, want, name...)	two integers are equal
 * CHECK_ERR(call, ERRNO)	call returns -1 with errno ERRNO; the call
 *				is its own name
 * CHECK_ERRN(call, ERRNO, name...) the same, named
 * CHECK_OK(call)		call does not return -1; the call is its name
 *				and the assertion's value is the call's result
 *
 * The name arguments are a printf format and its arguments.
 */
#define CHECK(cond, ...) __extension__ ({				\
	int rg_ok_ = (cond) ? 1 : 0;					\
	char rg_why_[160];						\
	snprintf(rg_why_, sizeof(rg_why_), "`%s' is false (errno %s)",	\
	    #cond, rg_errname(errno));					\
	rg_result(rg_ok_, __LINE__, rg_why_, __VA_ARGS__);		\
})

#define CHECK_EQ(got, want, ...) __extension__ ({			\
	long long rg_got_ = (long long)(got);				\
	long long rg_want_ = (long long)(want);				\
	char rg_why_[200];						\
	snprintf(rg_why_, sizeof(rg_why_),				\
	    "%s is %lld (0x%llx), want %lld (errno %s)", #got, rg_got_,	\
	    (unsigned long long)rg_got_, rg_want_, rg_errname(errno));	\
	rg_result(rg_got_ == rg_want_, __LINE__, rg_why_, __VA_ARGS__); \
})

#define CHECK_ERRN(call, err, ...) \
	rg_check_err_(call, err, #err, __VA_ARGS__)
#define CHECK_ERR(call, err) \
	rg_check_err_(call, err, #err, "%s", #call)
#define rg_check_err_(call, err, errname, ...) __extension__ ({	\
	long long rg_got_;						\
	int rg_err_;							\
	char rg_why_[160];						\
	errno = 0;							\
	rg_got_ = (long long)(call);					\
	rg_err_ = errno;						\
	snprintf(rg_why_, sizeof(rg_why_),				\
	    "got %lld (errno %s), want -1 %s", rg_got_,		\
	    rg_errname(rg_err_), errname);				\
	rg_result(rg_got_ == -1 && rg_err_ == (err), __LINE__, rg_why_,	\
	    __VA_ARGS__);						\
})

#define CHECK_OK(call) __extension__ ({					\
	long long rg_got_;						\
	char rg_why_[160];						\
	errno = 0;							\
	rg_got_ = (long long)(call);					\
	snprintf(rg_why_, sizeof(rg_why_), "failed with errno %s",	\
	    rg_errname(errno));						\
	rg_result(rg_got_ != -1, __LINE__, rg_why_, "%s", #call);	\
	rg_got_;							\
})

/* A note in the output that is not an assertion. */
#define NOTE(...)	rg_note(__VA_ARGS__)
RG_FN RG_PRINTF(1, 2) void
rg_note(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	rg_print("# %s\n", buf);
}

/* ---- children ---------------------------------------------------------- */

/* Sleep ms milliseconds (nanosleep; there is no alarm(3) to rely on). */
RG_FN void
rg_msleep(long ms)
{
	struct timespec ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	nanosleep(&ts, NULL);
}

/* CLOCK_MONOTONIC in milliseconds. */
RG_FN long long
rg_now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		return 0;
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * rg_wait: wait for child pid, at most secs seconds, polling waitpid with
 * WNOHANG; past that it is killed with SIGKILL and reaped.
 * => returns the wait status, or -1 if waitpid failed; *timedout (if not
 *    NULL) says whether it had to be killed.
 */
RG_FN int
rg_wait_bounded(pid_t pid, int secs, int *timedout)
{
	long long deadline = rg_now_ms() + secs * 1000LL;
	int status, sleep_ms = 1;
	pid_t r;

	if (timedout != NULL)
		*timedout = 0;
	for (;;) {
		r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			return status;
		if (r == -1 && errno != EINTR)
			return -1;
		if (rg_now_ms() > deadline)
			break;
		rg_msleep(sleep_ms);
		if (sleep_ms < 20)
			sleep_ms *= 2;
	}
	if (timedout != NULL)
		*timedout = 1;
	kill(pid, SIGKILL);
	while ((r = waitpid(pid, &status, 0)) == -1 && errno == EINTR)
		;
	return r == pid ? status : -1;
}

#define RG_CHILD_SECS	20	/* how long any one child may take */

RG_FN int
rg_wait(pid_t pid)
{
	return rg_wait_bounded(pid, RG_CHILD_SECS, NULL);
}

/*
 * rg_child: run fn(arg) in a child process; its return value is the
 * child's exit status.
 * => returns the wait status (-1 if fork failed).
 */
RG_FN int
rg_child(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();

	if (pid == -1)
		return -1;
	if (pid == 0)
		_exit(fn(arg) & 0xff);
	return rg_wait(pid);
}

/* Whether a wait status is a normal exit with status code. */
#define EXITED_WITH(status, code) \
	((status) != -1 && WIFEXITED(status) && WEXITSTATUS(status) == (code))
#define KILLED_BY(status, sig) \
	((status) != -1 && WIFSIGNALED(status) && WTERMSIG(status) == (sig))

/* ---- scratch files ----------------------------------------------------- */

/* Remove path and, if it is a directory, everything under it. */
RG_FN int
rg_rmtree(const char *path)
{
	struct stat sb;
	struct dirent *de;
	char sub[PATH_MAX];
	DIR *d;
	int err = 0;

	if (lstat(path, &sb) == -1)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(sb.st_mode))
		return unlink(path);
	chmod(path, 0700);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		if (rg_rmtree(sub) == -1)
			err = -1;
	}
	closedir(d);
	if (rmdir(path) == -1)
		err = -1;
	return err;
}

/* Write a whole file; returns 0 or -1. */
RG_FN int
rg_write_file(const char *path, const void *data, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	ssize_t w;

	if (fd == -1)
		return -1;
	w = write(fd, data, len);
	close(fd);
	return w == (ssize_t)len ? 0 : -1;
}

/* The base under which programs make their scratch directories. */
RG_FN const char *
rg_tmpbase(void)
{
	const char *t = getenv("REGRESS_TMP");

	if (t == NULL || *t == '\0')
		t = "/tmp";
	return t;
}

/* Where the programs are: $REGRESS_DIR (run -d sets it), else /regress. */
RG_FN const char *
rg_dir(void)
{
	const char *d = getenv("REGRESS_DIR");

	return d != NULL && *d != '\0' ? d : REGRESS_DIR;
}

/* The path of program name beside this one. */
RG_FN const char *
rg_prog(const char *name)
{
	static char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", rg_dir(), name);
	return path;
}

/* ---- random numbers ---------------------------------------------------- */

/* xorshift32: small, fast and reproducible from a printed seed. */
static uint32_t rg_rand_state = 2463534242U;

RG_FN void
rg_srand(uint32_t seed)
{
	rg_rand_state = seed ? seed : 2463534242U;
}

RG_FN uint32_t
rg_rand(void)
{
	uint32_t x = rg_rand_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return rg_rand_state = x;
}

/* ---- begin and end ----------------------------------------------------- */

/*
 * regress_begin: start a program called name: make a scratch directory
 * REGRESS_TMP/name.PID (REGRESS_TMP defaults to /tmp) and go into it.
 * SIGPIPE is left as it is.
 */
RG_FN void
regress_begin(const char *name)
{
	const char *base = rg_tmpbase();

	rg_name = name;
#ifdef REGRESS_HOST
	/*
	 * OpenBSD starts processes with 64 descriptors (NOFILE); Linux
	 * with 1024 or more.  The tests expect OpenBSD's kind of limit.
	 */
	{
		struct rlimit rl = { 64, 64 };
		setrlimit(RLIMIT_NOFILE, &rl);
	}
#endif
	mkdir(base, 0755);
	snprintf(rg_tmpdir, sizeof(rg_tmpdir), "%s/%s.%d", base, name,
	    (int)getpid());
	rg_rmtree(rg_tmpdir);
	if (mkdir(rg_tmpdir, 0755) == -1 || chdir(rg_tmpdir) == -1) {
		rg_print("not ok 1 - %s: cannot make scratch directory %s "
		    "(errno %s)\n", name, rg_tmpdir, rg_errname(errno));
		exit(1);
	}
	rg_note("%s: pid %d, scratch directory %s", name, (int)getpid(),
	    rg_tmpdir);
}

/*
 * regress_end: remove the scratch directory, print the plan line and the
 * totals.
 * => returns the exit status for main: 0 if everything held.
 */
RG_FN int
regress_end(void)
{
	if (chdir("/") == -1 || rg_rmtree(rg_tmpdir) == -1)
		CHECK(0, "remove the scratch directory %s", rg_tmpdir);
	rg_print("1..%d\n", rg_count);
	rg_note("%s: %d tests, %d failed", rg_name, rg_count, rg_failed);
	return rg_failed ? 1 : 0;
}

#endif /* !_REGRESS_H_ */
