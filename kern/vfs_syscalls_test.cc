/*
 * vfs_syscalls_test.cc: in-kernel tests of the path system calls' cores
 * (kern/vfs_syscalls.cc) and of open files that are vnodes
 * (vnops, kern/vfs_vnops.cc): open's flags and errors, the file offset
 * that read, write, O_APPEND, pwrite and lseek share, directories that
 * refuse read(2), the errno values of rename, unlink and rmdir, and
 * getcwd's walk up the tree (kern/vfs_getcwd.cc).
 *
 * They need the system disk as the root (KTEST_FILES, "test=files") and
 * work under /sctest, made afresh, in a descriptor table of their own.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/ktest.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/vnode.h>

#include "kern_descrip_test.h"

#define CHECK(e, want) do {						\
	int check_error_ = (e);						\
	if (check_error_ != (want))					\
		return ktest_fail("%s: error %d, want %d", #e,		\
		    check_error_, (want));				\
} while (0)

static int
sc_open(const char *path, int flags, int *fd)
{
	register_t r = -1;
	int error = doopenat(curproc, AT_FDCWD, path, flags, 0644,
	    UIO_SYSSPACE, &r);

	*fd = (int)r;
	return error;
}

/* I/O through descriptor fd's fo_read/fo_write, at *off if not null. */
static int
sc_rw(enum uio_rw dir, int fd, void *buf, size_t len, off_t *off,
    size_t *done)
{
	struct proc *p = curproc;
	struct file *fp = fd_getfile_mode(p->p_p->ps_fd, fd,
	    dir == UIO_READ ? FREAD : FWRITE);
	struct iovec iov = { buf, len };
	struct uio uio = { &iov, 1, off ? *off : 0, len, UIO_SYSSPACE, dir,
	    p };

	if (fp == nullptr)
		return EBADF;
	int flags = off != nullptr ? FO_POSITION : 0;
	int error = dir == UIO_READ ? fp->f_ops->fo_read(fp, &uio, flags) :
	    fp->f_ops->fo_write(fp, &uio, flags);
	FRELE(fp, p);
	if (done != nullptr)
		*done = len - uio.uio_resid;
	return error;
}

static off_t
sc_offset(int fd)
{
	struct file *fp = fd_getfile(curproc->p_p->ps_fd, fd);
	off_t off = fp->f_offset;

	FRELE(fp, curproc);
	return off;
}

static int
sc_seek(int fd, off_t off, int whence, off_t *res)
{
	struct file *fp = fd_getfile(curproc->p_p->ps_fd, fd);

	if (fp == nullptr)
		return EBADF;
	int error = fp->f_ops->fo_seek == nullptr ? ESPIPE :
	    fp->f_ops->fo_seek(fp, &off, whence, curproc);
	FRELE(fp, curproc);
	*res = off;
	return error;
}

/* /sctest, fresh: what a previous run left is removed first. */
static int
sc_setup(void)
{
	static const char *const old[] = { "/sctest/f", "/sctest/g",
	    "/sctest/ln", "/sctest/d/x", "/sctest/a/b/c", "/sctest/a/b",
	    "/sctest/a", "/sctest/d", "/sctest/e" };

	if (rootvnode == nullptr)
		return ktest_fail("no root file system");
	for (const char *path : old) {
		(void)dounlinkat(curproc, AT_FDCWD, path, 0, UIO_SYSSPACE);
		(void)dounlinkat(curproc, AT_FDCWD, path, AT_REMOVEDIR,
		    UIO_SYSSPACE);
	}
	int error = domkdirat(curproc, AT_FDCWD, "/sctest", 0755,
	    UIO_SYSSPACE);
	if (error != 0 && error != EEXIST)
		return ktest_fail("mkdir /sctest: %d", error);
	return 0;
}

/* open's flags, and read/write/lseek sharing the file's offset. */
static int
test_vfs_sc_open(void)
{
	fdscope scope;
	int fd, fd2, fd3;
	size_t n;
	off_t off;
	char buf[32];

	if (sc_setup() != 0)
		return 1;
	CHECK(sc_open("/sctest/f", O_RDWR | O_CREAT | O_EXCL, &fd), 0);
	CHECK(sc_open("/sctest/f", O_RDWR | O_CREAT | O_EXCL, &fd2), EEXIST);
	CHECK(sc_rw(UIO_WRITE, fd, (void *)"hello", 5, nullptr, &n), 0);
	if (n != 5 || sc_offset(fd) != 5)
		return ktest_fail("write moved the offset to %lld",
		    (long long)sc_offset(fd));
	/* pwrite at 1 leaves the offset alone. */
	off = 1;
	CHECK(sc_rw(UIO_WRITE, fd, (void *)"E", 1, &off, &n), 0);
	CHECK(sc_seek(fd, 0, SEEK_SET, &off), 0);
	CHECK(sc_rw(UIO_READ, fd, buf, sizeof(buf), nullptr, &n), 0);
	if (n != 5 || memcmp(buf, "hEllo", 5) != 0 || sc_offset(fd) != 5)
		return ktest_fail("read back %zu bytes", n);
	CHECK(sc_seek(fd, -2, SEEK_END, &off), 0);
	if (off != 3)
		return ktest_fail("SEEK_END -2: %lld", (long long)off);
	CHECK(sc_seek(fd, -10, SEEK_CUR, &off), EINVAL);
	CHECK(sc_seek(fd, 0, 7, &off), EINVAL);

	/* O_APPEND: every write at the end, whatever the offset. */
	CHECK(sc_open("/sctest/f", O_WRONLY | O_APPEND, &fd2), 0);
	CHECK(sc_seek(fd2, 0, SEEK_SET, &off), 0);
	CHECK(sc_rw(UIO_WRITE, fd2, (void *)"!", 1, nullptr, &n), 0);
	if (sc_offset(fd2) != 6)
		return ktest_fail("O_APPEND left the offset at %lld",
		    (long long)sc_offset(fd2));
	/* A write-only descriptor cannot be read, and the reverse. */
	CHECK(sc_rw(UIO_READ, fd2, buf, 1, nullptr, &n), EBADF);
	CHECK(sc_open("/sctest/f", O_RDONLY | O_TRUNC, &fd3), EINVAL);
	CHECK(sc_open("/sctest/f", O_RDONLY, &fd3), 0);
	CHECK(sc_rw(UIO_WRITE, fd3, (void *)"x", 1, nullptr, &n), EBADF);
	/* O_TRUNC empties it. */
	CHECK(sc_open("/sctest/f", O_WRONLY | O_TRUNC, &fd3), 0);
	CHECK(sc_seek(fd, 0, SEEK_END, &off), 0);
	if (off != 0)
		return ktest_fail("O_TRUNC: size %lld", (long long)off);

	/* Directories: open for reading only; read(2) says EISDIR. */
	CHECK(domkdirat(curproc, AT_FDCWD, "/sctest/d", 0755, UIO_SYSSPACE),
	    0);
	CHECK(sc_open("/sctest/d", O_RDWR, &fd3), EISDIR);
	CHECK(sc_open("/sctest/d", O_RDONLY | O_DIRECTORY, &fd3), 0);
	CHECK(sc_rw(UIO_READ, fd3, buf, 1, nullptr, &n), EISDIR);
	CHECK(sc_open("/sctest/f", O_RDONLY | O_DIRECTORY, &fd3), ENOTDIR);
	CHECK(sc_open("/sctest/d/", O_RDONLY, &fd3), 0);
	CHECK(sc_open("/sctest/f/", O_RDONLY, &fd3), ENOTDIR);

	/* Symbolic links: followed, unless O_NOFOLLOW. */
	CHECK(dosymlinkat(curproc, "f", AT_FDCWD, "/sctest/ln",
	    UIO_SYSSPACE), 0);
	CHECK(sc_open("/sctest/ln", O_RDONLY, &fd3), 0);
	CHECK(sc_open("/sctest/ln", O_RDONLY | O_NOFOLLOW, &fd3), ELOOP);
	register_t len;
	CHECK(doreadlinkat(curproc, AT_FDCWD, "/sctest/ln", buf, sizeof(buf),
	    UIO_SYSSPACE, &len), 0);
	if (len != 1 || buf[0] != 'f')
		return ktest_fail("readlink: %d bytes", (int)len);
	CHECK(doreadlinkat(curproc, AT_FDCWD, "/sctest/f", buf, sizeof(buf),
	    UIO_SYSSPACE, &len), EINVAL);
	struct stat sb;
	CHECK(dofstatat(curproc, AT_FDCWD, "/sctest/ln", &sb,
	    AT_SYMLINK_NOFOLLOW, UIO_SYSSPACE), 0);
	if (!S_ISLNK(sb.st_mode))
		return ktest_fail("lstat of a link: mode %o", sb.st_mode);
	CHECK(sc_open("/sctest/none", O_RDONLY, &fd3), ENOENT);
	/* A trailing slash names a directory: only mkdir makes one. */
	CHECK(sc_open("/sctest/none/", O_RDWR | O_CREAT, &fd3), ENOENT);
	CHECK(dosymlinkat(curproc, "f", AT_FDCWD, "/sctest/none/",
	    UIO_SYSSPACE), ENOENT);
	CHECK(sc_open("", O_RDONLY, &fd3), ENOENT);
	return 0;
}
KTEST_DEFINE(vfs_sc_open, test_vfs_sc_open, KTEST_FILES);

/* The errno values of unlink, rmdir, rename and link, OpenBSD's. */
static int
test_vfs_sc_names(void)
{
	fdscope scope;
	struct proc *p = curproc;
	int fd;

	if (sc_setup() != 0)
		return 1;
	CHECK(sc_open("/sctest/f", O_WRONLY | O_CREAT, &fd), 0);
	CHECK(domkdirat(p, AT_FDCWD, "/sctest/d", 0755, UIO_SYSSPACE), 0);
	CHECK(domkdirat(p, AT_FDCWD, "/sctest/d", 0755, UIO_SYSSPACE),
	    EEXIST);
	CHECK(domkdirat(p, AT_FDCWD, "/sctest/f", 0755, UIO_SYSSPACE),
	    EEXIST);
	CHECK(domkdirat(p, AT_FDCWD, "/sctest/e/", 0755, UIO_SYSSPACE), 0);
	CHECK(sc_open("/sctest/d/x", O_WRONLY | O_CREAT, &fd), 0);
	CHECK(dounlinkat(p, AT_FDCWD, "/sctest/d", AT_REMOVEDIR,
	    UIO_SYSSPACE), ENOTEMPTY);
	CHECK(dounlinkat(p, AT_FDCWD, "/sctest/d", 0, UIO_SYSSPACE), EPERM);
	CHECK(dounlinkat(p, AT_FDCWD, "/sctest/f", AT_REMOVEDIR,
	    UIO_SYSSPACE), ENOTDIR);
	CHECK(dounlinkat(p, AT_FDCWD, "/sctest/d/.", AT_REMOVEDIR,
	    UIO_SYSSPACE), EINVAL);
	CHECK(dounlinkat(p, AT_FDCWD, "/sctest/none", 0, UIO_SYSSPACE),
	    ENOENT);
	/* rename: file over directory and back, same file, into itself. */
	CHECK(dorenameat(p, AT_FDCWD, "/sctest/f", AT_FDCWD, "/sctest/e",
	    UIO_SYSSPACE), EISDIR);
	CHECK(dorenameat(p, AT_FDCWD, "/sctest/e", AT_FDCWD, "/sctest/f",
	    UIO_SYSSPACE), ENOTDIR);
	CHECK(dorenameat(p, AT_FDCWD, "/sctest/d", AT_FDCWD, "/sctest/d/y",
	    UIO_SYSSPACE), EINVAL);
	CHECK(dolinkat(p, AT_FDCWD, "/sctest/f", AT_FDCWD, "/sctest/g", 0,
	    UIO_SYSSPACE), 0);
	CHECK(dorenameat(p, AT_FDCWD, "/sctest/f", AT_FDCWD, "/sctest/g",
	    UIO_SYSSPACE), 0);
	CHECK(dolinkat(p, AT_FDCWD, "/sctest/f", AT_FDCWD, "/sctest/g", 0,
	    UIO_SYSSPACE), EEXIST);
	CHECK(dolinkat(p, AT_FDCWD, "/sctest/d", AT_FDCWD, "/sctest/dd", 0,
	    UIO_SYSSPACE), EPERM);
	CHECK(dorenameat(p, AT_FDCWD, "/sctest/e", AT_FDCWD, "/sctest/d",
	    UIO_SYSSPACE), ENOTEMPTY);
	CHECK(dorenameat(p, AT_FDCWD, "/sctest/g", AT_FDCWD, "/sctest/d/x",
	    UIO_SYSSPACE), 0);
	struct stat sb;
	CHECK(dofstatat(p, AT_FDCWD, "/sctest/g", &sb, 0, UIO_SYSSPACE),
	    ENOENT);
	CHECK(dofstatat(p, AT_FDCWD, "/sctest/f", &sb, 0, UIO_SYSSPACE), 0);
	if (sb.st_nlink != 2)
		return ktest_fail("f has %u links, want 2", sb.st_nlink);
	return 0;
}
KTEST_DEFINE(vfs_sc_names, test_vfs_sc_names, KTEST_FILES);

/* getcwd's walk: the names come back from each parent's entries. */
static int
test_vfs_sc_getcwd(void)
{
	fdscope scope;
	struct proc *p = curproc;
	struct nameidata nd;
	char buf[64], *bp;
	int error;

	if (sc_setup() != 0)
		return 1;
	CHECK(domkdirat(p, AT_FDCWD, "/sctest/a", 0755, UIO_SYSSPACE), 0);
	CHECK(domkdirat(p, AT_FDCWD, "/sctest/a/b", 0755, UIO_SYSSPACE), 0);
	CHECK(domkdirat(p, AT_FDCWD, "/sctest/a/b/c", 0755, UIO_SYSSPACE),
	    0);
	NDINIT(&nd, LOOKUP, FOLLOW, UIO_SYSSPACE, "/sctest/a/b/c", p);
	if ((error = namei(&nd)) != 0)
		return ktest_fail("lookup: %d", error);
	struct vnode *vp = nd.ni_vp;
	bp = &buf[sizeof(buf) - 1];
	*bp = '\0';
	error = vfs_getcwd_common(vp, rootvnode, &bp, buf, p);
	if (error != 0 || strcmp(bp, "/sctest/a/b/c") != 0) {
		vrele(vp);
		return ktest_fail("getcwd: %d, \"%s\"", error, bp);
	}
	/* Relative to a root below: a chroot's view. */
	NDINIT(&nd, LOOKUP, FOLLOW, UIO_SYSSPACE, "/sctest/a", p);
	if ((error = namei(&nd)) != 0) {
		vrele(vp);
		return ktest_fail("lookup a: %d", error);
	}
	bp = &buf[sizeof(buf) - 1];
	error = vfs_getcwd_common(vp, nd.ni_vp, &bp, buf, p);
	char below[16];
	strlcpy(below, error == 0 ? bp : "", sizeof(below));
	/* Too small a buffer: ERANGE. */
	bp = &buf[8];
	*bp = '\0';
	int error2 = vfs_getcwd_common(vp, rootvnode, &bp, buf, p);
	vrele(nd.ni_vp);
	vrele(vp);
	if (error != 0 || strcmp(below, "/b/c") != 0)
		return ktest_fail("below a/: %d, \"%s\"", error, below);
	if (error2 != ERANGE)
		return ktest_fail("small buffer: %d", error2);
	return 0;
}
KTEST_DEFINE(vfs_sc_getcwd, test_vfs_sc_getcwd, KTEST_FILES);
