/*
 * open.cc: the file layer of libsa: open, close, read, lseek, fstat, and
 * opendir/readdir/closedir for `ls'.
 *
 * A descriptor is an index into files[], a small table of struct
 * open_file.  Opening a file picks a free slot, fills in the device and
 * file system the program chose (sa_dev, sa_devdata, sa_fs; boot(8) sets
 * them to the BIOS disk and ext2) and asks the file system to open the
 * path; every other call finds the slot and forwards to the file system's
 * operation.  Errors come back as -1 with errno set, as in Unix.  OpenBSD
 * keeps each of these in a file of its own in sys/lib/libsa (open.c,
 * read.c, ...); here they are short enough for one.
 */
#include "stand.h"

#ifndef HOSTTEST
int errno;
#endif

struct devsw *sa_dev;
void *sa_devdata;
const struct fs_ops *sa_fs;

static struct open_file files[SOPEN_MAX];

/* The open file behind fd, or nullptr (errno EBADF). */
static struct open_file *
getfile(int fd)
{
	if (fd < 0 || fd >= SOPEN_MAX || files[fd].f_flags == 0) {
		errno = EBADF;
		return nullptr;
	}
	return &files[fd];
}

/*
 * open: open path for reading (how must be 0, O_RDONLY).
 * => returns a descriptor, or -1 with errno: EMFILE when all SOPEN_MAX
 *    are in use, ENXIO when no device was set up, or the file system's.
 */
int
open(const char *path, int how)
{
	int fd;

	if (how != 0) {
		errno = EROFS;
		return -1;
	}
	if (sa_dev == nullptr || sa_fs == nullptr) {
		errno = ENXIO;
		return -1;
	}
	for (fd = 0; fd < SOPEN_MAX; fd++)
		if (files[fd].f_flags == 0)
			break;
	if (fd == SOPEN_MAX) {
		errno = EMFILE;
		return -1;
	}
	struct open_file *f = &files[fd];
	memset(f, 0, sizeof(*f));
	f->f_dev = sa_dev;
	f->f_devdata = sa_devdata;
	f->f_ops = sa_fs;
	int error = f->f_ops->fs_open(path, f);
	if (error != 0) {
		memset(f, 0, sizeof(*f));
		errno = error;
		return -1;
	}
	f->f_flags = F_READ;
	return fd;
}

/* close: release fd.  Returns 0, or -1 (EBADF). */
int
close(int fd)
{
	struct open_file *f = getfile(fd);

	if (f == nullptr)
		return -1;
	int error = f->f_ops->fs_close(f);
	memset(f, 0, sizeof(*f));
	if (error != 0) {
		errno = error;
		return -1;
	}
	return 0;
}

/*
 * read: up to size bytes into buf.
 * => returns the bytes read (0 at the end of the file) or -1 with errno.
 */
ssize_t
read(int fd, void *buf, size_t size)
{
	struct open_file *f = getfile(fd);
	size_t resid;

	if (f == nullptr)
		return -1;
	int error = f->f_ops->fs_read(f, buf, size, &resid);
	if (error != 0) {
		errno = error;
		return -1;
	}
	return (ssize_t)(size - resid);
}

/* lseek: move fd's offset.  Returns it, or -1 (EBADF, EINVAL). */
off_t
lseek(int fd, off_t offset, int where)
{
	struct open_file *f = getfile(fd);

	if (f == nullptr)
		return -1;
	off_t off = f->f_ops->fs_seek(f, offset, where);
	if (off < 0)
		errno = EINVAL;
	return off;
}

/* fstat: what the file system knows of fd.  Returns 0 or -1. */
int
fstat(int fd, struct stat *sb)
{
	struct open_file *f = getfile(fd);

	if (f == nullptr)
		return -1;
	int error = f->f_ops->fs_stat(f, sb);
	if (error != 0) {
		errno = error;
		return -1;
	}
	return 0;
}

/* opendir: open a directory.  Returns a descriptor or -1 (ENOTDIR, ...). */
int
opendir(const char *path)
{
	struct stat sb;
	int fd = open(path, 0);

	if (fd < 0)
		return -1;
	if (fstat(fd, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		close(fd);
		errno = ENOTDIR;
		return -1;
	}
	return fd;
}

/*
 * readdir: the next name in the directory fd, into name (MAXNAMLEN + 1
 * bytes).  Returns 0, or -1 with errno ENOENT at the end.
 */
int
readdir(int fd, char *name)
{
	struct open_file *f = getfile(fd);

	if (f == nullptr)
		return -1;
	int error = f->f_ops->fs_readdir(f, name);
	if (error != 0) {
		errno = error;
		return -1;
	}
	return 0;
}

void
closedir(int fd)
{
	(void)close(fd);
}
