/*
 * lib/libc/gen/opendir.cc: reading directories: opendir, readdir,
 * rewinddir, closedir, dirfd, over getdents(2).
 *
 * getdents fills a buffer with whole struct dirent records (the kernel's
 * <sys/dirent.h> layout, each d_reclen bytes long) starting at the
 * directory's current offset, and returns how many bytes it used, 0 at
 * the end.  A DIR holds one such buffer and walks it record by record,
 * refilling when it is used up.  Records with d_fileno 0 are holes left
 * by deleted entries and are skipped.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

namespace {

constexpr int DIRBLKSIZ = 4096;

} // namespace

extern "C" {

DIR *
opendir(const char *name)
{
	int fd = open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return nullptr;
	DIR *d = (DIR *)malloc(sizeof(DIR));
	char *buf = (char *)malloc(DIRBLKSIZ);
	if (d == nullptr || buf == nullptr) {
		free(d);
		free(buf);
		close(fd);
		errno = ENOMEM;
		return nullptr;
	}
	d->dd_fd = fd;
	d->dd_loc = 0;
	d->dd_size = 0;
	d->dd_len = DIRBLKSIZ;
	d->dd_buf = buf;
	return d;
}

/* => the next entry (valid until the next call), or NULL at the end. */
struct dirent *
readdir(DIR *d)
{
	for (;;) {
		if (d->dd_loc >= d->dd_size) {
			int n = getdents(d->dd_fd, d->dd_buf, d->dd_len);
			if (n <= 0)
				return nullptr;
			d->dd_size = n;
			d->dd_loc = 0;
		}
		struct dirent *dp = (struct dirent *)(d->dd_buf + d->dd_loc);
		if (dp->d_reclen == 0 ||
		    dp->d_reclen > d->dd_size - d->dd_loc) {
			/* A damaged record: stop rather than loop. */
			errno = EIO;
			return nullptr;
		}
		d->dd_loc += dp->d_reclen;
		if (dp->d_fileno != 0)
			return dp;
	}
}

void
rewinddir(DIR *d)
{
	lseek(d->dd_fd, 0, SEEK_SET);
	d->dd_loc = d->dd_size = 0;
}

int
closedir(DIR *d)
{
	int fd = d->dd_fd;

	free(d->dd_buf);
	free(d);
	return close(fd);
}

int
dirfd(DIR *d)
{
	return d->dd_fd;
}

} // extern "C"
