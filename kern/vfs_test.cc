/*
 * vfs_test.cc: in-kernel tests of the VFS layer on the mounted root:
 * namei's walk (`..', symbolic links, ELOOP, ENAMETOOLONG, ENOTDIR), the
 * name cache, vnode recycling, vn_open/vn_rdwr/vn_stat and device files.
 * They need the system disk (tools/mkdisk) as wd0, so they run with
 * test=files (KTEST_FILES); tools/check's "files" group boots them and
 * checks the disk with e2fsck afterwards.  The two *_kill tests never
 * end (the host kills QEMU), so they run only by name.  The file system's own tests are in
 * ufs/ext2fs/ext2fs_test.cc.
 *
 * Everything goes under /vfstest, made afresh by each test that needs it.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/vnode.h>

/* lookup: namei LOOKUP with flags; *vpp referenced (locked if LOCKLEAF). */
static int
lookup(const char *path, u_long flags, struct vnode **vpp)
{
	struct nameidata nd;

	NDINIT(&nd, LOOKUP, flags, UIO_SYSSPACE, path, curproc);
	int error = namei(&nd);
	*vpp = nd.ni_vp;
	return error;
}

/* lookup_rele: lookup and let go: just the errno. */
static int
lookup_rele(const char *path, u_long flags)
{
	struct vnode *vp;
	int error = lookup(path, flags & ~LOCKLEAF, &vp);

	if (error == 0)
		vrele(vp);
	return error;
}

/*
 * make: a directory (type VDIR) or a symbolic link to target, through
 * mkdir(2)'s and symlink(2)'s cores with kernel-space paths.
 */
static int
make(const char *path, enum vtype type, const char *target)
{
	if (type == VDIR)
		return domkdirat(curproc, AT_FDCWD, path, 0755, UIO_SYSSPACE);
	return dosymlinkat(curproc, target, AT_FDCWD, path, UIO_SYSSPACE);
}

/* put: a regular file holding len bytes of data (replacing any). */
static int
put(const char *path, const void *data, size_t len)
{
	struct nameidata nd;
	int fmode = FFLAGS(O_WRONLY | O_CREAT | O_TRUNC);

	NDINIT(&nd, CREATE, 0, UIO_SYSSPACE, path, curproc);
	int error = vn_open(&nd, fmode, 0644);
	if (error != 0)
		return error;
	struct vnode *vp = nd.ni_vp;
	error = vn_rdwr(UIO_WRITE, vp, (caddr_t)data, len, 0, UIO_SYSSPACE,
	    IO_NODELOCKED, curproc->p_ucred, nullptr, curproc);
	VOP_UNLOCK(vp);
	int error2 = vn_close(vp, fmode, curproc->p_ucred, curproc);
	return error != 0 ? error : error2;
}

/* get: up to len bytes of a file; *got gets how many there were. */
static int
get(const char *path, void *buf, size_t len, size_t *got)
{
	struct nameidata nd;
	size_t resid;

	NDINIT(&nd, LOOKUP, 0, UIO_SYSSPACE, path, curproc);
	int error = vn_open(&nd, FREAD, 0);
	if (error != 0)
		return error;
	struct vnode *vp = nd.ni_vp;
	error = vn_rdwr(UIO_READ, vp, (caddr_t)buf, len, 0, UIO_SYSSPACE,
	    IO_NODELOCKED, curproc->p_ucred, &resid, curproc);
	VOP_UNLOCK(vp);
	(void)vn_close(vp, FREAD, curproc->p_ucred, curproc);
	*got = len - resid;
	return error;
}

/* setup: /vfstest exists and is a directory. */
static int
setup(void)
{
	if (rootvnode == nullptr)
		return ktest_fail("no root file system (boot with the "
		    "system disk)");
	int error = make("/vfstest", VDIR, nullptr);
	if (error != 0 && error != EEXIST)
		return ktest_fail("mkdir /vfstest: %d", error);
	return 0;
}

#define EXPECT_ERR(path, flags, want) do {				\
	int e_ = lookup_rele(path, flags);				\
	if (e_ != (want))						\
		return ktest_fail("lookup %.40s: error %d, want %d",	\
		    path, e_, want);					\
} while (0)

/* The root, `.', `..' and slashes all lead to the root vnode. */
static int
test_vfs_root(void)
{
	struct vnode *vp;
	static const char *const roots[] = { "/", "/..", "/.", "///",
		"/../..", "." };

	if (setup() != 0)
		return 1;
	if (!(rootvnode->v_flag & VROOT) || rootvnode->v_type != VDIR)
		return ktest_fail("rootvnode is not a root directory");
	for (const char *path : roots) {
		int error = lookup(path, 0, &vp);
		if (error != 0)
			return ktest_fail("lookup %s: %d", path, error);
		vrele(vp);
		if (vp != rootvnode)
			return ktest_fail("%s is not the root", path);
	}
	struct statfs sb;
	struct mount *mp = rootvnode->v_mount;
	if (VFS_STATFS(mp, &sb, curproc) != 0 || sb.f_blocks == 0 ||
	    sb.f_bfree > sb.f_blocks || strcmp(mp->mnt_stat.f_fstypename,
	    "ext2fs") != 0)
		return ktest_fail("statfs of / looks wrong");
	return 0;
}
KTEST_DEFINE(vfs_root, test_vfs_root, KTEST_FILES);

/* What namei must refuse, and with which errno. */
static int
test_vfs_namei_errors(void)
{
	if (setup() != 0)
		return 1;
	if (put("/vfstest/f", "hello", 5) != 0)
		return ktest_fail("cannot make /vfstest/f");
	EXPECT_ERR("/vfstest/f", 0, 0);
	EXPECT_ERR("/vfstest/f/x", 0, ENOTDIR);
	EXPECT_ERR("/vfstest/f/", 0, ENOTDIR);
	EXPECT_ERR("/vfstest/none", 0, ENOENT);
	EXPECT_ERR("/vfstest/none/x", 0, ENOENT);
	EXPECT_ERR("", 0, ENOENT);

	char *long_path = (char *)malloc(MAXPATHLEN + 16, M_TEMP, M_WAITOK);
	memset(long_path, 'a', NAME_MAX + 1);
	long_path[0] = '/';
	long_path[NAME_MAX + 2] = '\0';
	int e1 = lookup_rele(long_path, 0);
	for (int i = 0; i < MAXPATHLEN + 8; i += 2) {
		long_path[i] = '/';
		long_path[i + 1] = '.';
	}
	long_path[MAXPATHLEN + 8] = '\0';
	int e2 = lookup_rele(long_path, 0);
	free(long_path, M_TEMP, MAXPATHLEN + 16);
	if (e1 != ENAMETOOLONG || e2 != ENAMETOOLONG)
		return ktest_fail("long names: %d and %d, want ENAMETOOLONG",
		    e1, e2);

	if (make("/", VDIR, nullptr) != EEXIST)
		return ktest_fail("mkdir / did not say EEXIST");
	if (make("/vfstest/f", VDIR, nullptr) != EEXIST)
		return ktest_fail("mkdir over a file did not say EEXIST");
	return 0;
}
KTEST_DEFINE(vfs_namei_errors, test_vfs_namei_errors, KTEST_FILES);

/* Relative and absolute links, links to directories, loops. */
static int
test_vfs_symlinks(void)
{
	struct vnode *f, *vp;
	int error;

	if (setup() != 0 || put("/vfstest/f", "hello", 5) != 0)
		return ktest_fail("setup");
	(void)make("/vfstest/rel", VLNK, "f");
	(void)make("/vfstest/abs", VLNK, "/vfstest/f");
	(void)make("/vfstest/dot", VLNK, ".");
	(void)make("/vfstest/loop1", VLNK, "loop2");
	(void)make("/vfstest/loop2", VLNK, "loop1");
	if (lookup("/vfstest/f", 0, &f) != 0)
		return ktest_fail("lookup f");
	static const char *const same[] = { "/vfstest/rel", "/vfstest/abs",
		"/vfstest/dot/dot/dot/f", "/vfstest/dot/rel" };
	for (const char *path : same) {
		if ((error = lookup(path, FOLLOW, &vp)) != 0) {
			vrele(f);
			return ktest_fail("lookup %s: %d", path, error);
		}
		vrele(vp);
		if (vp != f) {
			vrele(f);
			return ktest_fail("%s is not f", path);
		}
	}
	vrele(f);
	/* Without FOLLOW the last link is the answer itself. */
	if (lookup("/vfstest/rel", 0, &vp) != 0)
		return ktest_fail("lookup rel without FOLLOW");
	enum vtype t = vp->v_type;
	vrele(vp);
	if (t != VLNK)
		return ktest_fail("rel without FOLLOW: type %d", t);
	EXPECT_ERR("/vfstest/loop1", FOLLOW, ELOOP);
	EXPECT_ERR("/vfstest/loop1/x", 0, ELOOP);

	/* A chain of MAXSYMLINKS links resolves; one more is a loop. */
	char name[32], target[32];
	for (int i = 0; i <= MAXSYMLINKS; i++) {
		snprintf(name, sizeof(name), "/vfstest/c%d", i);
		if (i == 0)
			strlcpy(target, "f", sizeof(target));
		else
			snprintf(target, sizeof(target), "c%d", i - 1);
		if ((error = make(name, VLNK, target)) != 0 &&
		    error != EEXIST)
			return ktest_fail("symlink %s: %d", name, error);
	}
	snprintf(name, sizeof(name), "/vfstest/c%d", MAXSYMLINKS - 1);
	EXPECT_ERR(name, FOLLOW, 0);
	snprintf(name, sizeof(name), "/vfstest/c%d", MAXSYMLINKS);
	EXPECT_ERR(name, FOLLOW, ELOOP);
	return 0;
}
KTEST_DEFINE(vfs_symlinks, test_vfs_symlinks, KTEST_FILES);

/* `..' climbs one directory per step and stops at the root. */
static int
test_vfs_dotdot(void)
{
	struct vnode *top, *vp;

	if (setup() != 0)
		return 1;
	(void)make("/vfstest/d1", VDIR, nullptr);
	(void)make("/vfstest/d1/d2", VDIR, nullptr);
	if (lookup("/vfstest", 0, &top) != 0)
		return ktest_fail("lookup /vfstest");
	int error = lookup("/vfstest/d1/d2/../..", 0, &vp);
	if (error == 0)
		vrele(vp);
	vrele(top);
	if (error != 0 || vp != top)
		return ktest_fail("d1/d2/../.. is not /vfstest (%d)", error);
	if (lookup("/vfstest/../../../vfstest/d1/../..", 0, &vp) != 0)
		return ktest_fail("climbing past the root");
	vrele(vp);
	if (vp != rootvnode)
		return ktest_fail("../.. past the root is not the root");
	return 0;
}
KTEST_DEFINE(vfs_dotdot, test_vfs_dotdot, KTEST_FILES);

/* A second lookup of a name is a cache hit; of a missing one too. */
static int
test_vfs_namecache(void)
{
	if (setup() != 0 || put("/vfstest/f", "hello", 5) != 0)
		return ktest_fail("setup");
	EXPECT_ERR("/vfstest/f", 0, 0);
	int64_t good = nchstats.ncs_goodhits;
	EXPECT_ERR("/vfstest/f", 0, 0);
	if (nchstats.ncs_goodhits < good + 2)	/* "vfstest" and "f" */
		return ktest_fail("second lookup: %lld hits, want 2",
		    nchstats.ncs_goodhits - good);
	EXPECT_ERR("/vfstest/nothere", 0, ENOENT);
	int64_t neg = nchstats.ncs_neghits;
	EXPECT_ERR("/vfstest/nothere", 0, ENOENT);
	if (nchstats.ncs_neghits != neg + 1)
		return ktest_fail("missing name: no negative hit");
	/* Making the name must not be hidden by the negative entry. */
	if (put("/vfstest/nothere", "x", 1) != 0)
		return ktest_fail("create over a negative entry");
	EXPECT_ERR("/vfstest/nothere", 0, 0);
	return 0;
}
KTEST_DEFINE(vfs_namecache, test_vfs_namecache, KTEST_FILES);

/*
 * With the vnode table full, new files reuse old vnodes (their file
 * systems reclaim them) and every file still reads back right.
 */
static int
test_vfs_recycle(void)
{
	char path[32], want[32], got[32];
	size_t n;
	int saved = maxvnodes, error = 0;

	if (setup() != 0)
		return 1;
	maxvnodes = numvnodes + 4;
	int limit = maxvnodes;
	for (int i = 0; i < 24 && error == 0; i++) {
		snprintf(path, sizeof(path), "/vfstest/r%d", i);
		snprintf(want, sizeof(want), "file %d", i);
		error = put(path, want, strlen(want));
	}
	for (int i = 0; i < 24 && error == 0; i++) {
		snprintf(path, sizeof(path), "/vfstest/r%d", i);
		snprintf(want, sizeof(want), "file %d", i);
		memset(got, 0, sizeof(got));
		if ((error = get(path, got, sizeof(got) - 1, &n)) == 0 &&
		    (n != strlen(want) || strcmp(got, want) != 0))
			error = EIO;
	}
	int made = numvnodes;
	maxvnodes = saved;
	if (error != 0)
		return ktest_fail("files through a small vnode table: %d",
		    error);
	if (made > limit)
		return ktest_fail("%d vnodes made, limit %d", made, limit);
	return 0;
}
KTEST_DEFINE(vfs_recycle, test_vfs_recycle, KTEST_FILES);

/* vn_rdwr writes and reads back; vn_stat reports the file. */
static int
test_vfs_rdwr_stat(void)
{
	const size_t len = 10000;
	char *buf = (char *)malloc(len, M_TEMP, M_WAITOK);
	char *back = (char *)malloc(len, M_TEMP, M_WAITOK | M_ZERO);
	struct vnode *vp;
	struct stat sb;
	size_t n = 0;
	int error;

	if (setup() != 0)
		return 1;
	for (size_t i = 0; i < len; i++)
		buf[i] = (char)(i * 7 + 3);
	if ((error = put("/vfstest/data", buf, len)) == 0)
		error = get("/vfstest/data", back, len, &n);
	bool same = error == 0 && n == len && memcmp(buf, back, len) == 0;
	free(buf, M_TEMP, len);
	free(back, M_TEMP, len);
	if (!same)
		return ktest_fail("10000 bytes did not come back (%d)", error);
	if ((error = lookup("/vfstest/data", 0, &vp)) != 0)
		return ktest_fail("lookup data: %d", error);
	error = vn_stat(vp, &sb, curproc);
	vrele(vp);
	if (error != 0 || sb.st_size != (off_t)len || !S_ISREG(sb.st_mode) ||
	    (sb.st_mode & ALLPERMS) != (0644 & ~CMASK) || sb.st_nlink != 1 ||
	    sb.st_mtim.tv_sec < 1600000000)
		return ktest_fail("stat: size %lld mode %o links %u mtime "
		    "%lld", (long long)sb.st_size, sb.st_mode, sb.st_nlink,
		    (long long)sb.st_mtim.tv_sec);
	return 0;
}
KTEST_DEFINE(vfs_rdwr_stat, test_vfs_rdwr_stat, KTEST_FILES);

/* /dev/null and /dev/zero on the root are the mem(4) devices. */
static int
test_vfs_devices(void)
{
	char buf[64];
	size_t n;
	struct vnode *vp;
	int error;

	if (setup() != 0)
		return 1;
	if ((error = lookup("/dev/null", 0, &vp)) != 0)
		return ktest_fail("lookup /dev/null: %d", error);
	enum vtype t = vp->v_type;
	vrele(vp);
	if (t != VCHR)
		return ktest_fail("/dev/null has type %d", t);
	if ((error = get("/dev/null", buf, sizeof(buf), &n)) != 0 || n != 0)
		return ktest_fail("read /dev/null: %d, %zu bytes", error, n);
	memset(buf, 0x55, sizeof(buf));
	if ((error = get("/dev/zero", buf, sizeof(buf), &n)) != 0 ||
	    n != sizeof(buf))
		return ktest_fail("read /dev/zero: %d, %zu bytes", error, n);
	for (char c : buf)
		if (c != 0)
			return ktest_fail("/dev/zero gave a non-zero byte");
	return 0;
}
KTEST_DEFINE(vfs_devices, test_vfs_devices, KTEST_FILES);

/*
 * vfs_fsync_kill: write /vfstest/fsynced, fsync it and its directory
 * (fsync(2) promises the file; its name is the directory's data, which a
 * careful program fsyncs too), say so, and wait to be killed: the host
 * then finds the data on the image (tools/check).  /vfstest itself is
 * made and synced first, as an old directory would be.
 */
static int
test_vfs_fsync_kill(void)
{
	struct nameidata nd;
	static const char msg[] = "written and fsynced\n";
	int fmode = FFLAGS(O_WRONLY | O_CREAT | O_TRUNC);

	if (setup() != 0)
		return 1;
	vfs_sync_all(MNT_WAIT);
	NDINIT(&nd, CREATE, 0, UIO_SYSSPACE, "/vfstest/fsynced", curproc);
	int error = vn_open(&nd, fmode, 0644);
	if (error != 0)
		return ktest_fail("open: %d", error);
	struct vnode *vp = nd.ni_vp;
	error = vn_rdwr(UIO_WRITE, vp, (caddr_t)msg, sizeof(msg) - 1, 0,
	    UIO_SYSSPACE, IO_NODELOCKED, curproc->p_ucred, nullptr, curproc);
	if (error == 0)
		error = VOP_FSYNC(vp, curproc->p_ucred, MNT_WAIT, curproc);
	VOP_UNLOCK(vp);
	struct vnode *dvp;
	if (error == 0 && (error = lookup("/vfstest", LOCKLEAF, &dvp)) == 0) {
		error = VOP_FSYNC(dvp, curproc->p_ucred, MNT_WAIT, curproc);
		vput(dvp);
	}
	if (error != 0)
		return ktest_fail("write or fsync: %d", error);
	printf("vfs_fsync_kill: fsync done; kill me\n");
	for (;;)
		tsleep(&rootvnode, PPAUSE, "killme", hz);
}
KTEST_DEFINE(vfs_fsync_kill, test_vfs_fsync_kill, KTEST_FILES | KTEST_CRASH);

/*
 * vfs_syncer_kill: write /vfstest/lazy without fsync, then wait twice
 * the syncer's interval and say so: the host kills QEMU and finds the
 * data on the image, written by the syncer alone.
 */
static int
test_vfs_syncer_kill(void)
{
	static const char msg[] = "written, left to the syncer\n";

	if (setup() != 0)
		return 1;
	if (put("/vfstest/lazy", msg, sizeof(msg) - 1) != 0)
		return ktest_fail("write /vfstest/lazy");
	int start = ticks;
	printf("vfs_syncer_kill: written at tick %d; syncdelay %d s\n", start,
	    syncdelay);
	while (ticks - start < 2 * syncdelay * hz + hz)
		tsleep(&rootvnode, PPAUSE, "syncwait", hz);
	printf("vfs_syncer_kill: %d s later; kill me\n", (ticks - start) / hz);
	for (;;)
		tsleep(&rootvnode, PPAUSE, "killme", hz);
}
KTEST_DEFINE(vfs_syncer_kill, test_vfs_syncer_kill, KTEST_FILES | KTEST_CRASH);

/* rm: remove a file: unlink(2)'s core. */
static int
rm(const char *path)
{
	return dounlinkat(curproc, AT_FDCWD, path, 0, UIO_SYSSPACE);
}

/* KiB/s from bytes moved in cycles of the cycle counter. */
static u_int64_t
kib_per_sec(u_int64_t bytes, u_int64_t cycles)
{
	u_int64_t freq = curcpu()->ci_tsc_freq;

	return cycles == 0 ? 0 : bytes * freq / cycles / 1024;
}

#define BENCH_FILE_SIZE	(4 << 20)
#define BENCH_CHUNK	(16 << 10)

/*
 * Sequential throughput through the buffer cache: 4 MiB written in
 * 16 KiB writes and fsynced to the disk; then, with the file's buffers
 * thrown away, read back from the disk (with read-ahead).
 */
static int
bench_vfs_seq(void)
{
	struct nameidata nd;
	int fmode = FFLAGS(O_RDWR | O_CREAT | O_TRUNC), error;
	char *buf = (char *)malloc(BENCH_CHUNK, M_TEMP, M_WAITOK);

	if (setup() != 0)
		return 1;
	memset(buf, 0xa5, BENCH_CHUNK);
	NDINIT(&nd, CREATE, 0, UIO_SYSSPACE, "/vfstest/big", curproc);
	if ((error = vn_open(&nd, fmode, 0644)) != 0)
		return ktest_fail("open /vfstest/big: %d", error);
	struct vnode *vp = nd.ni_vp;
	struct ucred *cred = curproc->p_ucred;
	u_int64_t t0 = cpu_counter();
	for (off_t off = 0; off < BENCH_FILE_SIZE && error == 0;
	    off += BENCH_CHUNK)
		error = vn_rdwr(UIO_WRITE, vp, buf, BENCH_CHUNK, off,
		    UIO_SYSSPACE, IO_NODELOCKED, cred, nullptr, curproc);
	if (error == 0)
		error = VOP_FSYNC(vp, cred, MNT_WAIT, curproc);
	u_int64_t t1 = cpu_counter();
	if (error == 0)
		error = vinvalbuf(vp, V_SAVE, cred, curproc, 0, 0);
	u_int64_t t2 = cpu_counter();
	for (off_t off = 0; off < BENCH_FILE_SIZE && error == 0;
	    off += BENCH_CHUNK)
		error = vn_rdwr(UIO_READ, vp, buf, BENCH_CHUNK, off,
		    UIO_SYSSPACE, IO_NODELOCKED, cred, nullptr, curproc);
	u_int64_t t3 = cpu_counter();
	VOP_UNLOCK(vp);
	(void)vn_close(vp, fmode, cred, curproc);
	free(buf, M_TEMP, BENCH_CHUNK);
	if (error != 0)
		return ktest_fail("sequential I/O: %d", error);
	printf("RESULT vfs_seq_write %llu KiB/s\n",
	    (unsigned long long)kib_per_sec(BENCH_FILE_SIZE, t1 - t0));
	printf("RESULT vfs_seq_read %llu KiB/s\n",
	    (unsigned long long)kib_per_sec(BENCH_FILE_SIZE, t3 - t2));
	return rm("/vfstest/big") == 0 ? 0 : ktest_fail("rm /vfstest/big");
}
KTEST_DEFINE(bench_vfs_seq, bench_vfs_seq, KTEST_BENCH);

/* Making and removing a small file, through the cache (no fsync). */
static int
bench_vfs_create_unlink(void)
{
	const int n = 200;
	char path[32];
	int error = 0;

	if (setup() != 0)
		return 1;
	u_int64_t t0 = cpu_counter();
	for (int i = 0; i < n && error == 0; i++) {
		snprintf(path, sizeof(path), "/vfstest/s%d", i);
		if ((error = put(path, "small", 5)) == 0)
			error = rm(path);
	}
	u_int64_t t1 = cpu_counter();
	if (error != 0)
		return ktest_fail("create/unlink: %d", error);
	printf("RESULT vfs_create_unlink %llu cycles/op\n",
	    (unsigned long long)((t1 - t0) / n));
	return 0;
}
KTEST_DEFINE(bench_vfs_create_unlink, bench_vfs_create_unlink, KTEST_BENCH);
