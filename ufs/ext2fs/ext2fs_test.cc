/*
 * ext2fs_test.cc: in-kernel tests of the ext2 file system on the
 * mounted root (wd0a in QEMU), through the cores of the system calls
 * (domkdirat, dounlinkat, dorenameat, ... in kern/vfs_syscalls.cc),
 * namei, vn_rdwr and the VOP_* calls.
 *
 * Each test works in a directory of its own under /ext2test, made
 * afresh (a leftover one means the disk image is not fresh: the test
 * fails), checks what it wrote by reading it back, and ends with a
 * sync(2), so the disk is consistent when QEMU stops.  The host then
 * checks the image with tools/ext2check.py: `e2fsck -fn' must find it
 * clean, and debugfs must show what these tests wrote (the file
 * contents follow ext2test_byte, which the checker computes too).
 * They need the system disk as the root (KTEST_FILES), and run with the
 * other such tests by "test=files", or by name:
 *
 *	test=ext2fs_write,ext2fs_names,ext2fs_truncate,ext2fs_errors
 *
 * The host unit tests (tools/unittest/ext2fs_test.cc) cover the same
 * ground on images of both block sizes; these show it on the real disk
 * driver, the real scheduler and the real buffer cache.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/ktest.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>

#include <ufs/ext2fs/ext2fs_dinode.h>

/* Byte i of the test files: the same formula as tools/ext2check.py. */
static inline u_char
ext2test_byte(u_int64_t i, u_int seed)
{
	return (u_char)(((u_int32_t)(i * 2654435761u) >> 13) + seed);
}

static struct ucred *
cred(void)
{
	return curproc->p_ucred;
}

/* The root's block size and indirect fan-out. */
static int
fs_bsize(void)
{
	return (int)mountlist.first()->mnt_stat.f_bsize;
}

/* namei LOOKUP; *vpp referenced, locked with LOCKLEAF. */
static int
lookup(const char *path, u_long flags, struct vnode **vpp)
{
	struct nameidata nd;

	NDINIT(&nd, LOOKUP, flags, UIO_SYSSPACE, path, curproc);
	int error = namei(&nd);
	*vpp = nd.ni_vp;
	return error;
}

/*
 * make: a file (VREG), directory (VDIR) or symbolic link (VLNK), through
 * the system calls' cores (kern/vfs_syscalls.cc) with kernel paths.
 */
static int
make(const char *path, enum vtype type, const char *target)
{
	struct proc *p = curproc;
	register_t fd;
	int error;

	if (type == VDIR)
		return domkdirat(p, AT_FDCWD, path, 0755, UIO_SYSSPACE);
	if (type == VLNK)
		return dosymlinkat(p, target, AT_FDCWD, path, UIO_SYSSPACE);
	error = doopenat(p, AT_FDCWD, path, O_WRONLY | O_CREAT | O_EXCL,
	    0644, UIO_SYSSPACE, &fd);
	if (error == 0)
		error = fdrelease(p, (int)fd);
	return error;
}

/* rdwr: len bytes at off of path, through vn_rdwr. */
static int
rdwr(enum uio_rw rw, const char *path, void *buf, size_t len, off_t off)
{
	struct vnode *vp;
	int error;

	if ((error = lookup(path, FOLLOW, &vp)) != 0)
		return error;
	error = vn_rdwr(rw, vp, (caddr_t)buf, (int)len, off, UIO_SYSSPACE, 0,
	    cred(), nullptr, curproc);
	vrele(vp);
	return error;
}

/* fill: write a patterned file of size bytes at off, in chunks. */
static int
fill(const char *path, off_t off, size_t size, u_int seed)
{
	const size_t chunk = 16384;
	u_char *buf = (u_char *)malloc(chunk, M_TEMP, M_WAITOK);
	int error = 0;

	for (size_t done = 0; done < size && error == 0;) {
		size_t n = MIN(chunk, size - done);
		for (size_t i = 0; i < n; i++)
			buf[i] = ext2test_byte(done + i, seed);
		error = rdwr(UIO_WRITE, path, buf, n, off + done);
		done += n;
	}
	free(buf, M_TEMP, chunk);
	return error;
}

/* verify: the same pattern reads back; ENOENT-like errors pass on. */
static int
verify(const char *path, off_t off, size_t size, u_int seed)
{
	const size_t chunk = 16384;
	u_char *buf = (u_char *)malloc(chunk, M_TEMP, M_WAITOK);
	int error = 0;

	for (size_t done = 0; done < size && error == 0;) {
		size_t n = MIN(chunk, size - done);
		if ((error = rdwr(UIO_READ, path, buf, n, off + done)) != 0)
			break;
		for (size_t i = 0; i < n; i++)
			if (buf[i] != ext2test_byte(done + i, seed)) {
				error = ktest_fail("%s: byte %llu is %#x",
				    path, (unsigned long long)(off + done + i),
				    buf[i]);
				break;
			}
		done += n;
	}
	free(buf, M_TEMP, chunk);
	return error;
}

static int
getattr(const char *path, u_long flags, struct vattr *va)
{
	struct vnode *vp;
	int error;

	if ((error = lookup(path, flags, &vp)) != 0)
		return error;
	error = VOP_GETATTR(vp, va, cred(), curproc);
	vrele(vp);
	return error;
}

static int
setsize(const char *path, off_t size)
{
	struct vnode *vp;
	struct vattr va;
	int error;

	if ((error = lookup(path, FOLLOW | LOCKLEAF, &vp)) != 0)
		return error;
	vattr_null(&va);
	va.va_size = size;
	error = VOP_SETATTR(vp, &va, cred(), curproc);
	vput(vp);
	return error;
}

/* rm: unlink (dir false) or rmdir (dir true). */
static int
rm(const char *path, bool dir)
{
	return dounlinkat(curproc, AT_FDCWD, path, dir ? AT_REMOVEDIR : 0,
	    UIO_SYSSPACE);
}

/* link: a second name, as link(2) without following a last link. */
static int
link(const char *from, const char *to)
{
	return dolinkat(curproc, AT_FDCWD, from, AT_FDCWD, to, 0,
	    UIO_SYSSPACE);
}

/* rename: rename(2)'s core. */
static int
rename(const char *from, const char *to)
{
	return dorenameat(curproc, AT_FDCWD, from, AT_FDCWD, to,
	    UIO_SYSSPACE);
}

/* Every test's start: /ext2test, and a fresh directory of its own. */
static int
begin(const char *dir)
{
	int error = make("/ext2test", VDIR, nullptr);

	if (error != 0 && error != EEXIST)
		return ktest_fail("mkdir /ext2test: %d", error);
	if ((error = make(dir, VDIR, nullptr)) != 0)
		return ktest_fail("mkdir %s: %d (the image is not fresh?)",
		    dir, error);
	return 0;
}

#define CHECK(e) do {							\
	int check_error_ = (e);						\
	if (check_error_ != 0)						\
		return ktest_fail("%s: error %d", #e, check_error_);	\
} while (0)
#define EXPECT_ERR(e, want) do {					\
	int check_error_ = (e);						\
	if (check_error_ != (want))					\
		return ktest_fail("%s: error %d, want %d", #e,		\
		    check_error_, (want));				\
} while (0)

/*
 * ext2fs_write: files across the levels of the block map, sparse ones
 * in the double and triple indirect ranges, one beyond 2 GiB.
 */
static int
test_ext2fs_write(void)
{
	int bsize = fs_bsize(), n = bsize / 4;
	off_t single = (off_t)bsize * NDADDR;
	struct vattr va;

	if (begin("/ext2test/write") != 0)
		return 1;
	static const char hello[] = "hello from the kernel\n";
	CHECK(make("/ext2test/write/small", VREG, nullptr));
	CHECK(rdwr(UIO_WRITE, "/ext2test/write/small", (void *)hello,
	    sizeof(hello) - 1, 0));
	/* Direct, single and into double indirect: 12 + N + 2 blocks. */
	size_t bigsize = (size_t)bsize * (12 + n + 2) + 100;
	CHECK(make("/ext2test/write/big", VREG, nullptr));
	CHECK(fill("/ext2test/write/big", 0, bigsize, 1));
	/* A hole, then data straddling direct/single. */
	CHECK(make("/ext2test/write/holes", VREG, nullptr));
	CHECK(fill("/ext2test/write/holes", single - 10, 20, 2));
	/* Triple indirect (1 KiB: 64 MiB in; 4 KiB: 4 GiB in). */
	off_t triple = (off_t)bsize * (12 + n + (off_t)n * n) + 5;
	CHECK(make("/ext2test/write/sparse", VREG, nullptr));
	CHECK(fill("/ext2test/write/sparse", triple, 1000, 3));

	CHECK(verify("/ext2test/write/big", 0, bigsize, 1));
	CHECK(verify("/ext2test/write/holes", single - 10, 20, 2));
	CHECK(verify("/ext2test/write/sparse", triple, 1000, 3));
	CHECK(getattr("/ext2test/write/sparse", 0, &va));
	if (va.va_size != (u_quad_t)triple + 1000)
		return ktest_fail("sparse: size %llu",
		    (unsigned long long)va.va_size);
	if (va.va_bytes > (u_quad_t)bsize * 8)
		return ktest_fail("sparse: holds %llu bytes",
		    (unsigned long long)va.va_bytes);
	char z[16];
	CHECK(rdwr(UIO_READ, "/ext2test/write/holes", z, sizeof(z), 0));
	for (size_t i = 0; i < sizeof(z); i++)
		if (z[i] != 0)
			return ktest_fail("a hole reads %#x", z[i]);
	vfs_sync_all(MNT_WAIT);
	return 0;
}
KTEST_DEFINE(ext2fs_write, test_ext2fs_write, KTEST_FILES);

/*
 * ext2fs_names: mkdir, hard links, symbolic links fast and slow,
 * rename within and across directories and over a file, unlink, rmdir.
 */
static int
test_ext2fs_names(void)
{
	struct vattr va, va2;
	char buf[128];

	if (begin("/ext2test/names") != 0)
		return 1;
	CHECK(make("/ext2test/names/dir", VDIR, nullptr));
	CHECK(make("/ext2test/names/dir/sub", VDIR, nullptr));
	CHECK(make("/ext2test/names/dir/sub/inner", VREG, nullptr));
	CHECK(fill("/ext2test/names/dir/sub/inner", 0, 3000, 4));
	CHECK(make("/ext2test/names/file", VREG, nullptr));
	CHECK(fill("/ext2test/names/file", 0, 100, 5));
	CHECK(link("/ext2test/names/file", "/ext2test/names/dir/hardlink"));
	CHECK(getattr("/ext2test/names/dir/hardlink", 0, &va));
	if (va.va_nlink != 2)
		return ktest_fail("hardlink: nlink %u", va.va_nlink);
	CHECK(make("/ext2test/names/fast", VLNK, "file"));
	CHECK(make("/ext2test/names/slow", VLNK, "dir/./././././././././././"
	    "./././././././././././././././././././././../file"));
	CHECK(verify("/ext2test/names/slow", 0, 100, 5));

	/* A directory to another parent. */
	CHECK(getattr("/ext2test/names/dir", 0, &va));
	CHECK(rename("/ext2test/names/dir/sub", "/ext2test/names/moved"));
	CHECK(getattr("/ext2test/names/dir", 0, &va2));
	if (va2.va_nlink != va.va_nlink - 1)
		return ktest_fail("old parent: nlink %u", va2.va_nlink);
	CHECK(verify("/ext2test/names/moved/../moved/inner", 0, 3000, 4));
	EXPECT_ERR(rename("/ext2test/names", "/ext2test/names/moved/x"),
	    EINVAL);

	/* Files: within a directory, then over another file. */
	CHECK(make("/ext2test/names/tmp", VREG, nullptr));
	CHECK(fill("/ext2test/names/tmp", 0, 200, 6));
	CHECK(rename("/ext2test/names/tmp", "/ext2test/names/renamed"));
	CHECK(make("/ext2test/names/victim", VREG, nullptr));
	CHECK(rename("/ext2test/names/renamed", "/ext2test/names/victim"));
	CHECK(verify("/ext2test/names/victim", 0, 200, 6));
	EXPECT_ERR(getattr("/ext2test/names/renamed", 0, &va), ENOENT);

	/* Gone again. */
	CHECK(make("/ext2test/names/gone", VREG, nullptr));
	CHECK(fill("/ext2test/names/gone", 0, 5000, 7));
	CHECK(rm("/ext2test/names/gone", false));
	CHECK(make("/ext2test/names/gonedir", VDIR, nullptr));
	CHECK(rm("/ext2test/names/gonedir", true));
	EXPECT_ERR(getattr("/ext2test/names/gonedir", 0, &va), ENOENT);

	struct vnode *vp;
	CHECK(lookup("/ext2test/names/slow", LOCKLEAF, &vp));
	struct iovec iov = { buf, sizeof(buf) };
	struct uio uio = { &iov, 1, 0, sizeof(buf), UIO_SYSSPACE, UIO_READ,
	    curproc };
	int error = VOP_READLINK(vp, &uio, cred());
	vput(vp);
	CHECK(error);
	if (sizeof(buf) - uio.uio_resid != 75)
		return ktest_fail("slow link: %zu bytes",
		    sizeof(buf) - uio.uio_resid);
	vfs_sync_all(MNT_WAIT);
	return 0;
}
KTEST_DEFINE(ext2fs_names, test_ext2fs_names, KTEST_FILES);

/* ext2fs_truncate: shrinking across the levels, growing back. */
static int
test_ext2fs_truncate(void)
{
	int bsize = fs_bsize(), n = bsize / 4;
	struct vattr va;

	if (begin("/ext2test/trunc") != 0)
		return 1;
	size_t size = (size_t)bsize * (12 + n + 3);
	CHECK(make("/ext2test/trunc/t", VREG, nullptr));
	CHECK(fill("/ext2test/trunc/t", 0, size, 8));
	CHECK(setsize("/ext2test/trunc/t", (off_t)bsize * (12 + 5) + 7));
	CHECK(setsize("/ext2test/trunc/t", (off_t)bsize * 5 + 100));
	CHECK(setsize("/ext2test/trunc/t", (off_t)bsize * 6));
	CHECK(verify("/ext2test/trunc/t", 0, (size_t)bsize * 5 + 100, 8));
	char z[64];
	CHECK(rdwr(UIO_READ, "/ext2test/trunc/t", z, sizeof(z),
	    (off_t)bsize * 5 + 100));
	for (size_t i = 0; i < sizeof(z); i++)
		if (z[i] != 0)
			return ktest_fail("tail after truncate: %#x", z[i]);
	CHECK(getattr("/ext2test/trunc/t", 0, &va));
	if (va.va_bytes != (u_quad_t)bsize * 6)
		return ktest_fail("holds %llu bytes",
		    (unsigned long long)va.va_bytes);
	vfs_sync_all(MNT_WAIT);
	return 0;
}
KTEST_DEFINE(ext2fs_truncate, test_ext2fs_truncate, KTEST_FILES);

/* ext2fs_errors: what must fail, fails, and changes nothing. */
static int
test_ext2fs_errors(void)
{
	if (begin("/ext2test/errors") != 0)
		return 1;
	CHECK(make("/ext2test/errors/d", VDIR, nullptr));
	CHECK(make("/ext2test/errors/d/f", VREG, nullptr));
	EXPECT_ERR(make("/ext2test/errors/d", VDIR, nullptr), EEXIST);
	EXPECT_ERR(rm("/ext2test/errors/d", true), ENOTEMPTY);
	EXPECT_ERR(rm("/ext2test/errors/d", false), EPERM);
	EXPECT_ERR(link("/ext2test/errors/d", "/ext2test/errors/dl"), EPERM);
	EXPECT_ERR(rename("/ext2test/errors/d", "/ext2test/errors/d/x"),
	    EINVAL);
	/* A directory over a file: rename(2) says so before looking on. */
	EXPECT_ERR(rename("/ext2test/errors/d", "/ext2test/errors/d/f"),
	    ENOTDIR);
	EXPECT_ERR(rm("/ext2test/errors/d/.", true), EINVAL);
	struct vattr va;
	EXPECT_ERR(getattr("/ext2test/errors/d/f/x", 0, &va), ENOTDIR);
	EXPECT_ERR(setsize("/ext2test/errors/d", 0), EISDIR);
	vfs_sync_all(MNT_WAIT);
	return 0;
}
KTEST_DEFINE(ext2fs_errors, test_ext2fs_errors, KTEST_FILES);
