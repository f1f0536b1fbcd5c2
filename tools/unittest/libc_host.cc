/*
 * tools/unittest/libc_host.cc: the system calls that the host-compiled
 * libc sources make (libc.cmake), done with the host's: mmap and munmap
 * for malloc, clock_gettime for time, and open, read, write, lseek,
 * close, isatty for stdio.  The names are libc_NAME, as libc_rename.h
 * makes libc call them, and the OpenBSD flag values libc passes are
 * translated to the host's.  Writes to descriptor 2 are kept in a string
 * instead, for tests of what libc prints on stderr.
 */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>

#include "libc_host.h"

static std::string stderr_text;

std::string
libc_take_stderr()
{
	std::string s;

	s.swap(stderr_text);
	return s;
}

/* The host's errno, as libc's. */
static int
fail()
{
	libc_errno = errno;
	return -1;
}

extern "C" {

/* OpenBSD's MAP_ANON is 0x1000; the host's differs. */
void *
libc_mmap(void *addr, size_t len, int prot, int flags, int fd, int64_t off)
{
	int hflags = MAP_PRIVATE;

	if (flags & 0x1000)
		hflags |= MAP_ANONYMOUS;
	void *p = mmap(addr, len, prot, hflags, fd, off);
	if (p == MAP_FAILED)
		fail();
	return p;
}

int
libc_munmap(void *addr, size_t len)
{
	return munmap(addr, len) == 0 ? 0 : fail();
}

int
libc_clock_gettime(int, struct timespec *ts)
{
	return clock_gettime(CLOCK_REALTIME, ts);
}

void
libc_abort(void)
{
	abort();
}

/* <sys/fcntl.h>'s OpenBSD values to the host's. */
int
libc_open(const char *path, int flags, ...)
{
	va_list ap;
	int h = flags & 3;		/* O_RDONLY, O_WRONLY, O_RDWR agree */

	va_start(ap, flags);
	int mode = va_arg(ap, int);
	va_end(ap);
	if (flags & 0x0008)
		h |= O_APPEND;
	if (flags & 0x0200)
		h |= O_CREAT;
	if (flags & 0x0400)
		h |= O_TRUNC;
	if (flags & 0x0800)
		h |= O_EXCL;
	if (flags & 0x10000)
		h |= O_CLOEXEC;
	if (flags & 0x20000)
		h |= O_DIRECTORY;
	int fd = open(path, h, mode);
	return fd >= 0 ? fd : fail();
}

long
libc_read(int fd, void *buf, size_t n)
{
	ssize_t r = read(fd, buf, n);
	return r >= 0 ? r : fail();
}

long
libc_write(int fd, const void *buf, size_t n)
{
	if (fd == 2) {
		stderr_text.append((const char *)buf, n);
		return (long)n;
	}
	ssize_t r = write(fd, buf, n);
	return r >= 0 ? r : fail();
}

int64_t
libc_lseek(int fd, int64_t off, int whence)
{
	off_t r = lseek(fd, off, whence);
	return r >= 0 ? r : fail();
}

int
libc_close(int fd)
{
	return close(fd) == 0 ? 0 : fail();
}

int
libc_dup2(int from, int to)
{
	int r = dup2(from, to);
	return r >= 0 ? r : fail();
}

int
libc_unlink(const char *path)
{
	return unlink(path) == 0 ? 0 : fail();
}

int
libc_rmdir(const char *path)
{
	return rmdir(path) == 0 ? 0 : fail();
}

int
libc_isatty(int fd)
{
	return isatty(fd);
}

} // extern "C"
