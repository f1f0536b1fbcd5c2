/*
 * ext2fs_ops.cc: the file operations of the ext2 host tests (declared
 * in ext2fs_host.h): what a system call would do, in a few lines each.
 * Each looks its path up with namei, calls the VOP_* operation, and
 * releases what namei gave it, following the contracts of
 * kern/vfs_vops.cc; the name buffer is kept (SAVENAME) across the VOP
 * and freed after (namei_free).  The tests then see only errnos and
 * plain C++ values, never a vnode.
 */
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

#include "support.h"
#include "uvm_stub.h"
#include "ext2fs_host.h"

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/dirent.h>
#include <sys/errno.h>
#include <sys/filedesc.h>
#include <sys/kernel.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <machine/cpu.h>
#include <machine/intr.h>
#include <uvm/uvm_extern.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs_extern.h>

static struct proc *
kp(void)
{
	return &proc0;
}

static int	k_lookup(const char *path, bool follow, bool lock,
		    struct vnode **vpp);

int
k_mountroot(int unit)
{
	rootdev = hostdisk_dev(unit);
	return vfs_mountroot();
}

/*
 * mount(2), as a system call will do it: a struct mount of type ext2fs,
 * VFS_MOUNT with the device's path (ext2fs_mount looks it up), and the
 * directory covered, so that namei crosses into the new root.
 */
int
k_mount(const char *dev, const char *dir)
{
	struct vfsconf *vfsp = vfs_byname("ext2fs");
	struct nameidata nd;
	struct vnode *cvp;
	struct ufs_args args = { (char *)dev };
	int error;

	if ((error = k_lookup(dir, true, true, &cvp)) != 0)
		return error;
	if (cvp->v_type != VDIR || cvp->v_mountedhere != nullptr) {
		vput(cvp);
		return cvp->v_type != VDIR ? ENOTDIR : EBUSY;
	}
	struct mount *mp = (struct mount *)malloc(sizeof(*mp), M_MOUNT,
	    M_WAITOK | M_ZERO);
	mp->mnt_vnodelist.init();
	mp->mnt_op = vfsp->vfc_vfsops;
	mp->mnt_vfc = vfsp;
	strlcpy(mp->mnt_stat.f_fstypename, vfsp->vfc_name, MFSNAMELEN);
	VOP_UNLOCK(cvp);
	if ((error = mp->mnt_op->vfs_mount(mp, dir, &args, &nd, kp())) != 0) {
		free(mp, M_MOUNT, sizeof(*mp));
		vrele(cvp);
		return error;
	}
	vfsp->vfc_refcount++;
	mp->mnt_vnodecovered = cvp;	/* keeps the reference */
	cvp->v_mountedhere = mp;
	mountlist.insert_tail(mp);
	return 0;
}

/*
 * Unmount everything, the root last.  Without force a vnode a test
 * forgot to release makes it fail with EBUSY (vflush), which the tests
 * check.
 */
int
k_unmount(bool force)
{
	struct filedesc *fdp = process0.ps_fd;
	struct mount *mp;
	int error = 0;

	if (fdp->fd_cdir != nullptr) {
		vrele(fdp->fd_cdir);
		fdp->fd_cdir = nullptr;
	}
	if (rootvnode != nullptr) {
		vrele(rootvnode);
		rootvnode = nullptr;
	}
	while ((mp = mountlist.last()) != nullptr)
		if ((error = dounmount(mp, force ? MNT_FORCE : 0, kp())) != 0)
			break;
	return error;
}

int
k_sync(void)
{
	vfs_sync_all(MNT_WAIT);
	return 0;
}

/* namei for a LOOKUP; *vpp referenced, locked if lock. */
static int
k_lookup(const char *path, bool follow, bool lock, struct vnode **vpp)
{
	struct nameidata nd;
	int error;

	NDINIT(&nd, LOOKUP, (follow ? FOLLOW : NOFOLLOW) |
	    (lock ? LOCKLEAF : 0), UIO_SYSSPACE, path, kp());
	if ((error = namei(&nd)) != 0)
		return error;
	*vpp = nd.ni_vp;
	return 0;
}

int
k_stat(const char *path, struct kstat *st, bool follow)
{
	struct vnode *vp;
	struct vattr va;
	int error;

	if ((error = k_lookup(path, follow, false, &vp)) != 0)
		return error;
	error = VOP_GETATTR(vp, &va, kp()->p_ucred, kp());
	vrele(vp);
	if (error != 0 || st == nullptr)
		return error;
	st->type = va.va_type;
	st->mode = va.va_mode;
	st->nlink = va.va_nlink;
	st->uid = va.va_uid;
	st->gid = va.va_gid;
	st->ino = va.va_fileid;
	st->size = va.va_size;
	st->bytes = va.va_bytes;
	st->rdev = (int)va.va_rdev;
	st->mtime = va.va_mtime.tv_sec;
	return 0;
}

/* Read or write through VOP_READ / VOP_WRITE on a locked vnode. */
static int
k_rdwr(struct vnode *vp, enum uio_rw rw, int64_t off, void *buf, size_t n,
    size_t *resid)
{
	struct iovec iov = { buf, n };
	struct uio uio = { &iov, 1, off, n, UIO_SYSSPACE, rw, kp() };
	int error = rw == UIO_READ ? VOP_READ(vp, &uio, 0, kp()->p_ucred) :
	    VOP_WRITE(vp, &uio, 0, kp()->p_ucred);

	*resid = uio.uio_resid;
	return error;
}

int
k_pread(const char *path, int64_t off, size_t n, std::string *out)
{
	struct vnode *vp;
	size_t resid;
	int error;

	if ((error = k_lookup(path, true, true, &vp)) != 0)
		return error;
	out->assign(n, '\0');
	error = k_rdwr(vp, UIO_READ, off, out->data(), n, &resid);
	out->resize(n - resid);
	vput(vp);
	return error;
}

int
k_read(const char *path, std::string *out)
{
	struct kstat st;
	int error;

	if ((error = k_stat(path, &st)) != 0)
		return error;
	return k_pread(path, 0, st.size, out);
}

int
k_write(const char *path, int64_t off, const std::string &data)
{
	struct vnode *vp;
	size_t resid;
	int error;

	if ((error = k_lookup(path, true, true, &vp)) != 0)
		return error;
	std::string copy = data;
	error = k_rdwr(vp, UIO_WRITE, off, copy.data(), copy.size(), &resid);
	if (error == 0 && resid != 0)
		error = EIO;
	vput(vp);
	return error;
}

/*
 * namei for CREATE (of a name that must not exist): 0 with nd's ni_dvp
 * locked, or an error (EEXIST) with everything released.
 */
static int
k_lookup_create(struct nameidata *nd, const char *path)
{
	int error;

	NDINIT(nd, CREATE, LOCKPARENT | SAVENAME, UIO_SYSSPACE, path, kp());
	if ((error = namei(nd)) != 0)
		return error;
	if (nd->ni_vp != nullptr) {
		vrele(nd->ni_vp);	/* LOCKLEAF not asked: not locked */
		vput(nd->ni_dvp);
		namei_free(nd);
		return EEXIST;
	}
	return 0;
}

/* mkdir, symlink, create, mknod: the part after namei. */
static int
k_make(const char *path, enum vtype type, unsigned mode, const char *target,
    dev_t rdev)
{
	struct nameidata nd;
	struct vattr va;
	struct vnode *vp = nullptr;
	int error;

	if ((error = k_lookup_create(&nd, path)) != 0)
		return error;
	vattr_null(&va);
	va.va_type = type;
	va.va_mode = mode;
	if (type == VDIR)
		error = VOP_MKDIR(nd.ni_dvp, &vp, &nd.ni_cnd, &va);
	else if (type == VLNK)
		error = VOP_SYMLINK(nd.ni_dvp, &vp, &nd.ni_cnd, &va,
		    (char *)target);
	else if (type == VBLK || type == VCHR) {
		va.va_rdev = rdev;
		error = VOP_MKNOD(nd.ni_dvp, &vp, &nd.ni_cnd, &va);
	} else
		error = VOP_CREATE(nd.ni_dvp, &vp, &nd.ni_cnd, &va);
	vput(nd.ni_dvp);
	if (error == 0)
		vput(vp);
	namei_free(&nd);
	return error;
}

int
k_create(const char *path, unsigned mode)
{
	return k_make(path, VREG, mode, nullptr, 0);
}

int
k_mkdir(const char *path, unsigned mode)
{
	return k_make(path, VDIR, mode, nullptr, 0);
}

int
k_symlink(const char *target, const char *path)
{
	return k_make(path, VLNK, 0777, target, 0);
}

int
k_mknod(const char *path, bool blk, int maj, int mnr)
{
	return k_make(path, blk ? VBLK : VCHR, 0600, nullptr,
	    makedev(maj, mnr));
}

int
k_truncate(const char *path, int64_t size)
{
	struct vnode *vp;
	struct vattr va;
	int error;

	if ((error = k_lookup(path, true, true, &vp)) != 0)
		return error;
	vattr_null(&va);
	va.va_size = size;
	error = VOP_SETATTR(vp, &va, kp()->p_ucred, kp());
	vput(vp);
	return error;
}

int
k_chmod(const char *path, unsigned mode)
{
	struct vnode *vp;
	struct vattr va;
	int error;

	if ((error = k_lookup(path, true, true, &vp)) != 0)
		return error;
	vattr_null(&va);
	va.va_mode = mode;
	error = VOP_SETATTR(vp, &va, kp()->p_ucred, kp());
	vput(vp);
	return error;
}

int
k_fsync(const char *path)
{
	struct vnode *vp;
	int error;

	if ((error = k_lookup(path, true, true, &vp)) != 0)
		return error;
	error = VOP_FSYNC(vp, kp()->p_ucred, MNT_WAIT, kp());
	vput(vp);
	return error;
}

/* unlink and rmdir: namei DELETE, then the VOP releases both. */
static int
k_delete(const char *path, bool dir)
{
	struct nameidata nd;
	int error;

	NDINIT(&nd, DELETE, LOCKPARENT | LOCKLEAF | SAVENAME, UIO_SYSSPACE,
	    path, kp());
	if ((error = namei(&nd)) != 0)
		return error;
	if (dir)
		error = VOP_RMDIR(nd.ni_dvp, nd.ni_vp, &nd.ni_cnd);
	else
		error = VOP_REMOVE(nd.ni_dvp, nd.ni_vp, &nd.ni_cnd);
	namei_free(&nd);
	return error;
}

int
k_unlink(const char *path)
{
	return k_delete(path, false);
}

int
k_rmdir(const char *path)
{
	return k_delete(path, true);
}

int
k_link(const char *from, const char *to)
{
	struct nameidata nd;
	struct vnode *vp;
	int error;

	if ((error = k_lookup(from, false, false, &vp)) != 0)
		return error;
	if ((error = k_lookup_create(&nd, to)) != 0) {
		vrele(vp);
		return error;
	}
	error = VOP_LINK(nd.ni_dvp, vp, &nd.ni_cnd);	/* releases dvp */
	vrele(vp);
	namei_free(&nd);
	return error;
}

int
k_readlink(const char *path, std::string *out)
{
	struct vnode *vp;
	char buf[MAXPATHLEN];
	int error;

	if ((error = k_lookup(path, false, true, &vp)) != 0)
		return error;
	struct iovec iov = { buf, sizeof(buf) };
	struct uio uio = { &iov, 1, 0, sizeof(buf), UIO_SYSSPACE, UIO_READ,
	    kp() };
	error = VOP_READLINK(vp, &uio, kp()->p_ucred);
	vput(vp);
	if (error == 0)
		out->assign(buf, sizeof(buf) - uio.uio_resid);
	return error;
}

/*
 * rename(2) as OpenBSD's sys_rename does it: the source with DELETE and
 * WANTPARENT (nothing locked), the target with RENAME, LOCKPARENT and
 * LOCKLEAF; VOP_RENAME releases all four.
 */
int
k_rename(const char *from, const char *to)
{
	struct nameidata fnd, tnd;
	int error;

	NDINIT(&fnd, DELETE, WANTPARENT | SAVENAME, UIO_SYSSPACE, from, kp());
	if ((error = namei(&fnd)) != 0)
		return error;
	NDINIT(&tnd, RENAME, LOCKPARENT | LOCKLEAF | NOCACHE | SAVENAME,
	    UIO_SYSSPACE, to, kp());
	if ((error = namei(&tnd)) != 0) {
		vrele(fnd.ni_dvp);
		vrele(fnd.ni_vp);
		namei_free(&fnd);
		return error;
	}
	error = VOP_RENAME(fnd.ni_dvp, fnd.ni_vp, &fnd.ni_cnd, tnd.ni_dvp,
	    tnd.ni_vp, &tnd.ni_cnd);
	namei_free(&fnd);
	namei_free(&tnd);
	return error;
}

int
k_readdir(const char *path, std::vector<std::pair<std::string, int>> *out,
    size_t bufsize)
{
	struct vnode *vp;
	std::vector<char> buf(bufsize);
	off_t off = 0;
	int error, eof = 0;

	out->clear();
	if ((error = k_lookup(path, true, true, &vp)) != 0)
		return error;
	while (!eof) {
		struct iovec iov = { buf.data(), bufsize };
		struct uio uio = { &iov, 1, off, bufsize, UIO_SYSSPACE,
		    UIO_READ, kp() };
		if ((error = VOP_READDIR(vp, &uio, kp()->p_ucred, &eof)) != 0)
			break;
		size_t n = bufsize - uio.uio_resid;
		for (size_t i = 0; i < n;) {
			struct dirent *dp = (struct dirent *)(buf.data() + i);
			out->emplace_back(std::string(dp->d_name, dp->d_namlen),
			    dp->d_type);
			i += dp->d_reclen;
		}
		if (n == 0 && !eof) {
			error = EIO;	/* no progress */
			break;
		}
		off = uio.uio_offset;
	}
	vput(vp);
	return error;
}

bool
k_is_specvnode(const char *path)
{
	struct vnode *vp;

	if (k_lookup(path, false, false, &vp) != 0)
		return false;
	bool spec = vp->v_op == &ext2fs_specvops &&
	    (vp->v_type == VBLK || vp->v_type == VCHR) &&
	    vp->v_specinfo != nullptr;
	vrele(vp);
	return spec;
}

int
k_vnodes_in_use(void)
{
	int n = 0;

	for (struct mount *mp : mountlist)
		for (struct vnode *vp : mp->mnt_vnodelist)
			if (vp->v_usecount > 0)
				n++;
	return n;
}

void *
k_hold(const char *path)
{
	struct vnode *vp;

	if (k_lookup(path, true, false, &vp) != 0)
		return nullptr;
	return vp;
}

int
k_hold_read(void *h, int64_t off, size_t n, std::string *out)
{
	struct vnode *vp = (struct vnode *)h;
	size_t resid;
	int error;

	if ((error = vn_lock(vp, LK_EXCLUSIVE)) != 0)
		return error;
	out->assign(n, '\0');
	error = k_rdwr(vp, UIO_READ, off, out->data(), n, &resid);
	out->resize(n - resid);
	VOP_UNLOCK(vp);
	return error;
}

void
k_release(void *h)
{
	vrele((struct vnode *)h);
}

void
k_setcred(unsigned uid, unsigned gid)
{
	static struct ucred user;

	if (uid == 0) {
		proc0.p_ucred = proc0cred;
		return;
	}
	memset(&user, 0, sizeof(user));
	user.cr_ref = 1;
	user.cr_uid = user.cr_ruid = user.cr_svuid = uid;
	user.cr_gid = user.cr_rgid = user.cr_svgid = gid;
	proc0.p_ucred = &user;
}
