/*
 * lib/libc/gen/unistd.cc: the <unistd.h> functions that are not system
 * calls of their own but small wrappers around them: sleep, usleep,
 * isatty, tcgetattr/tcsetattr, getcwd, brk/sbrk, uname, gethostname,
 * sethostname, getpagesize, getpgrp, wait/waitpid, creat.
 *
 * Where OpenBSD's libc has the same wrapper it is in lib/libc/gen (or
 * lib/libc/sys for brk and sbrk), and it works the same way.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sysctl.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

extern "C" {

/* The raw system calls (lib/libc/sys/syscalls.asm). */
int	_thread_sys_break(char *nsize);
int	__getcwd(char *buf, size_t len);

/* The end of the program's data and bss, from the linker. */
extern char end[];

/*
 * The current break: where the data segment ends.  The kernel keeps its
 * own idea, but only libc's brk and sbrk move it, so libc remembers it
 * here rather than asking.
 */
char *__curbrk = end;

unsigned int
sleep(unsigned int seconds)
{
	struct timespec ts = { (time_t)seconds, 0 }, rem;

	if (nanosleep(&ts, &rem) == 0)
		return 0;
	/* Interrupted: the seconds left, rounded up. */
	return (unsigned int)rem.tv_sec + (rem.tv_nsec > 0);
}

int
usleep(unsigned int usec)
{
	struct timespec ts;

	ts.tv_sec = usec / 1000000;
	ts.tv_nsec = (long)(usec % 1000000) * 1000;
	return nanosleep(&ts, nullptr);
}

int
tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TIOCGETA, t);
}

int
tcsetattr(int fd, int action, const struct termios *t)
{
	switch (action) {
	case TCSANOW:
		return ioctl(fd, TIOCSETA, t);
	case TCSADRAIN:
		return ioctl(fd, TIOCSETAW, t);
	case TCSAFLUSH:
		return ioctl(fd, TIOCSETAF, t);
	}
	errno = EINVAL;
	return -1;
}

/* A terminal is a descriptor that answers TIOCGETA. */
int
isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}

/* With buf NULL, a buffer from malloc(3) that the caller frees. */
char *
getcwd(char *buf, size_t size)
{
	char *mine = nullptr;

	if (buf == nullptr) {
		size = PATH_MAX;
		buf = mine = (char *)malloc(size);
		if (buf == nullptr)
			return nullptr;
	} else if (size == 0) {
		errno = EINVAL;
		return nullptr;
	}
	if (__getcwd(buf, size) < 0) {
		free(mine);
		return nullptr;
	}
	return buf;
}

int
brk(void *addr)
{
	if (_thread_sys_break((char *)addr) < 0)
		return -1;
	__curbrk = (char *)addr;
	return 0;
}

/* => the old break: the start of the incr new bytes. */
void *
sbrk(int incr)
{
	char *old = __curbrk;

	if (incr != 0 && _thread_sys_break(old + incr) < 0)
		return (void *)-1;
	__curbrk = old + incr;
	return old;
}

int
getpagesize(void)
{
	return 4096;
}

pid_t
getpgrp(void)
{
	return getpgid(0);
}

pid_t
wait(int *status)
{
	return wait4(WAIT_ANY, status, 0, nullptr);
}

pid_t
waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, nullptr);
}

int
creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

/* One string from the kernel's sysctl tree, or dflt if it has none. */
static void
kern_string(int top, int name, char *buf, size_t len, const char *dflt)
{
	int mib[2] = { top, name };
	size_t n = len;

	if (sysctl(mib, 2, buf, &n, nullptr, 0) != 0 || n == 0)
		strlcpy(buf, dflt, len);
	else
		buf[n < len ? n : len - 1] = '\0';
}

/*
 * As OpenBSD's uname(3), from sysctl(2); where the kernel does not
 * answer, the values TeachBSD would give.
 */
int
uname(struct utsname *name)
{
	kern_string(CTL_KERN, KERN_OSTYPE, name->sysname, SYS_NMLN,
	    "TeachBSD");
	kern_string(CTL_KERN, KERN_HOSTNAME, name->nodename, SYS_NMLN,
	    "localhost");
	kern_string(CTL_KERN, KERN_OSRELEASE, name->release, SYS_NMLN, "1.0");
	kern_string(CTL_KERN, KERN_VERSION, name->version, SYS_NMLN,
	    "GENERIC");
	/* OpenBSD's version is a line with a newline: keep the first line. */
	char *nl = strchr(name->version, '\n');
	if (nl != nullptr)
		*nl = '\0';
	kern_string(CTL_HW, HW_MACHINE, name->machine, SYS_NMLN, "i386");
	return 0;
}

int
gethostname(char *name, size_t namelen)
{
	kern_string(CTL_KERN, KERN_HOSTNAME, name, namelen, "localhost");
	return 0;
}

/* As OpenBSD's: a write to kern.hostname, which only root may do. */
int
sethostname(const char *name, size_t namelen)
{
	int mib[2] = { CTL_KERN, KERN_HOSTNAME };

	return sysctl(mib, 2, nullptr, nullptr, (void *)name, namelen);
}

} // extern "C"
