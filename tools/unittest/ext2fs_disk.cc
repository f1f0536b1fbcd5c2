/*
 * ext2fs_disk.cc: the host half of the file-backed disks of the ext2
 * tests: open, pread, pwrite on a host file.  It includes no kernel
 * header, so that the host's <fcntl.h> (O_RDWR = 2, O_CREAT = 0100) and
 * the kernel's (OpenBSD's values) never meet.
 */
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ext2fs_host.h"

int
hostfile_open(const char *path)
{
	int fd = open(path, O_RDWR);

	return fd >= 0 ? fd : -errno;
}

void
hostfile_close(int fd)
{
	close(fd);
}

/* All n bytes at off, or an errno (EIO for a short transfer). */
int
hostfile_pread(int fd, void *buf, size_t n, int64_t off)
{
	ssize_t r = pread(fd, buf, n, off);

	if (r < 0)
		return errno;
	return (size_t)r == n ? 0 : EIO;
}

int
hostfile_pwrite(int fd, const void *buf, size_t n, int64_t off)
{
	ssize_t r = pwrite(fd, buf, n, off);

	if (r < 0)
		return errno;
	return (size_t)r == n ? 0 : EIO;
}

int64_t
hostfile_size(int fd)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return -1;
	return st.st_size;
}
