/*
 * lib/libc/string/strerror.cc: the messages of errno values and signal
 * numbers, OpenBSD's wording (lib/libc/gen/errlist.c, siglist.c).
 * Numbers without a message print as "Unknown error: N".
 */
#include <errno.h>
#include <signal.h>
#include <string.h>

namespace {

struct msg {
	int num;
	const char *text;
};

const msg errlist[] = {
	{ 0, "Undefined error: 0" },
	{ EPERM, "Operation not permitted" },
	{ ENOENT, "No such file or directory" },
	{ ESRCH, "No such process" },
	{ EINTR, "Interrupted system call" },
	{ EIO, "Input/output error" },
	{ ENXIO, "Device not configured" },
	{ E2BIG, "Argument list too long" },
	{ ENOEXEC, "Exec format error" },
	{ EBADF, "Bad file descriptor" },
	{ ECHILD, "No child processes" },
	{ EDEADLK, "Resource deadlock avoided" },
	{ ENOMEM, "Cannot allocate memory" },
	{ EACCES, "Permission denied" },
	{ EFAULT, "Bad address" },
	{ EBUSY, "Device busy" },
	{ EEXIST, "File exists" },
	{ EXDEV, "Cross-device link" },
	{ ENODEV, "Operation not supported by device" },
	{ ENOTDIR, "Not a directory" },
	{ EISDIR, "Is a directory" },
	{ EINVAL, "Invalid argument" },
	{ ENFILE, "Too many open files in system" },
	{ EMFILE, "Too many open files" },
	{ ENOTTY, "Inappropriate ioctl for device" },
	{ ETXTBSY, "Text file busy" },
	{ EFBIG, "File too large" },
	{ ENOSPC, "No space left on device" },
	{ ESPIPE, "Illegal seek" },
	{ EROFS, "Read-only file system" },
	{ EMLINK, "Too many links" },
	{ EPIPE, "Broken pipe" },
	{ EDOM, "Numerical argument out of domain" },
	{ ERANGE, "Result too large" },
	{ EAGAIN, "Resource temporarily unavailable" },
	{ EOPNOTSUPP, "Operation not supported" },
	{ ELOOP, "Too many levels of symbolic links" },
	{ ENAMETOOLONG, "File name too long" },
	{ ENOTEMPTY, "Directory not empty" },
	{ ENOSYS, "Function not implemented" },
	{ EFTYPE, "Inappropriate file type or format" },
};

const char *const siglist[NSIG] = {
	"Signal 0", "Hangup", "Interrupt", "Quit", "Illegal instruction",
	"Trace/BPT trap", "Abort trap", "EMT trap", "Floating point exception",
	"Killed", "Bus error", "Segmentation fault", "Bad system call",
	"Broken pipe", "Alarm clock", "Terminated", "Urgent I/O condition",
	"Suspended (signal)", "Suspended", "Continued", "Child exited",
	"Stopped (tty input)", "Stopped (tty output)", "I/O possible",
	"Cputime limit exceeded", "Filesize limit exceeded",
	"Virtual timer expired", "Profiling timer expired",
	"Window size changes", "Information request", "User defined signal 1",
	"User defined signal 2", "Thread AST",
};

/* "prefix" followed by n in decimal, into buf. */
char *
unknown(char *buf, const char *prefix, int n)
{
	char digits[12];
	int k = 0;
	unsigned v = n < 0 ? -(unsigned)n : n;

	do {
		digits[k++] = '0' + v % 10;
		v /= 10;
	} while (v != 0);
	char *p = stpcpy(buf, prefix);
	if (n < 0)
		*p++ = '-';
	while (k > 0)
		*p++ = digits[--k];
	*p = '\0';
	return buf;
}

} // namespace

extern "C" char *
strerror(int errnum)
{
	static char buf[40];

	for (const msg &m : errlist)
		if (m.num == errnum)
			return (char *)m.text;
	return unknown(buf, "Unknown error: ", errnum);
}

extern "C" char *
strsignal(int sig)
{
	static char buf[40];

	if (sig >= 0 && sig < NSIG)
		return (char *)siglist[sig];
	return unknown(buf, "Unknown signal: ", sig);
}
