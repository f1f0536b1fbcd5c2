/*
 * vfs_vops.cc: the VOP_* calls, the doors into a file system.
 *
 * Each VOP_x(vp, ...) packs its arguments into a struct vop_x_args and
 * calls the entry of vp's operations table with a pointer to it, as in
 * OpenBSD (sys/kern/vfs_vops.c): the file system's function unpacks the
 * block.  One argument block per operation lets every table hold the
 * same function type, so a file system can share a generic function
 * between operations and specfs can stand in for another fs's entries.
 * An entry a file system leaves null answers EOPNOTSUPP.
 *
 * The comment above each call is its contract (VOP_LOOKUP(9)); locks are
 * as in sys/vnode.h.  DIAGNOSTIC kernels check the locking the contract
 * asks for where it is cheap to see (VOP_ISLOCKED).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/vnode.h>

/* Call op of vp's table with a, or fail if the file system has none. */
#define VOPCALL(vp, op, a)                                                     \
	((vp)->v_op->op == nullptr ? EOPNOTSUPP : (vp)->v_op->op(&(a)))

/*
 * VOP_LOOKUP: dvp is a locked directory; it stays locked.  On success *vpp
 * is the vnode found, referenced, not locked (sys/vnode.h).  For
 * CREATE/RENAME of a last component that does not exist: EJUSTRETURN and
 * *vpp null.
 */
int
VOP_LOOKUP(struct vnode *dvp, struct vnode **vpp, struct componentname *cnp)
{
	struct vop_lookup_args a = {dvp, vpp, cnp};

	KASSERT(VOP_ISLOCKED(dvp));
	return VOPCALL(dvp, vop_lookup, a);
}

/*
 * VOP_CREATE: dvp locked, the name absent (namei CREATE); dvp stays
 * locked.  On success *vpp is the new file, referenced and locked.
 */
int
VOP_CREATE(struct vnode *dvp, struct vnode **vpp, struct componentname *cnp,
    struct vattr *vap)
{
	struct vop_create_args a = {dvp, vpp, cnp, vap};

	KASSERT(VOP_ISLOCKED(dvp));
	return VOPCALL(dvp, vop_create, a);
}

/*
 * VOP_MKNOD: as VOP_CREATE, for a device file (va_type VBLK or VCHR,
 * va_rdev).
 */
int
VOP_MKNOD(struct vnode *dvp, struct vnode **vpp, struct componentname *cnp,
    struct vattr *vap)
{
	struct vop_mknod_args a = {dvp, vpp, cnp, vap};

	KASSERT(VOP_ISLOCKED(dvp));
	return VOPCALL(dvp, vop_mknod, a);
}

/*
 * VOP_OPEN: vp locked; mode is FREAD|FWRITE|...; a device's driver is
 * opened here.
 */
int
VOP_OPEN(struct vnode *vp, int mode, struct ucred *cred, struct proc *p)
{
	struct vop_open_args a = {vp, mode, cred, p};

	return VOPCALL(vp, vop_open, a);
}

/*
 * VOP_CLOSE: vp locked; undoes one VOP_OPEN.
 */
int
VOP_CLOSE(struct vnode *vp, int fflag, struct ucred *cred, struct proc *p)
{
	struct vop_close_args a = {vp, fflag, cred, p};

	return VOPCALL(vp, vop_close, a);
}

/*
 * VOP_ACCESS: vp locked; mode is VREAD|VWRITE|VEXEC; 0 if cred may, else
 * EACCES (or EROFS for a write to a read-only file system).
 */
int
VOP_ACCESS(struct vnode *vp, int mode, struct ucred *cred, struct proc *p)
{
	struct vop_access_args a = {vp, mode, cred, p};

	return VOPCALL(vp, vop_access, a);
}

/*
 * VOP_GETATTR: fills *vap; vp need not be locked.
 */
int
VOP_GETATTR(
    struct vnode *vp, struct vattr *vap, struct ucred *cred, struct proc *p)
{
	struct vop_getattr_args a = {vp, vap, cred, p};

	return VOPCALL(vp, vop_getattr, a);
}

/*
 * VOP_SETATTR: vp locked; changes the fields of *vap that are not VNOVAL
 * (va_size truncates or extends).
 */
int
VOP_SETATTR(
    struct vnode *vp, struct vattr *vap, struct ucred *cred, struct proc *p)
{
	struct vop_setattr_args a = {vp, vap, cred, p};

	KASSERT(VOP_ISLOCKED(vp));
	return VOPCALL(vp, vop_setattr, a);
}

/*
 * VOP_READ: vp locked; reads from uio_offset, advancing the uio.
 */
int
VOP_READ(struct vnode *vp, struct uio *uio, int ioflag, struct ucred *cred)
{
	struct vop_read_args a = {vp, uio, ioflag, cred};

	KASSERT(VOP_ISLOCKED(vp));
	return VOPCALL(vp, vop_read, a);
}

/*
 * VOP_WRITE: vp locked; writes at uio_offset (the end with IO_APPEND),
 * growing the file.
 */
int
VOP_WRITE(struct vnode *vp, struct uio *uio, int ioflag, struct ucred *cred)
{
	struct vop_write_args a = {vp, uio, ioflag, cred};

	KASSERT(VOP_ISLOCKED(vp));
	return VOPCALL(vp, vop_write, a);
}

/*
 * VOP_IOCTL: a device's ioctl; ENOTTY for files.
 */
int
VOP_IOCTL(struct vnode *vp, u_long command, void *data, int fflag,
    struct ucred *cred, struct proc *p)
{
	struct vop_ioctl_args a = {vp, command, data, fflag, cred, p};

	return VOPCALL(vp, vop_ioctl, a);
}

/*
 * VOP_FSYNC: vp locked; writes the file's dirty buffers and inode; with
 * MNT_WAIT, returns when they are on the disk.
 */
int
VOP_FSYNC(struct vnode *vp, struct ucred *cred, int waitfor, struct proc *p)
{
	struct vop_fsync_args a = {vp, cred, waitfor, p};

	KASSERT(VOP_ISLOCKED(vp));
	return VOPCALL(vp, vop_fsync, a);
}

/*
 * VOP_REMOVE: dvp and vp locked and referenced (namei DELETE,
 * LOCKPARENT|LOCKLEAF); removes the entry; both are released (vput)
 * whatever the result.
 */
int
VOP_REMOVE(struct vnode *dvp, struct vnode *vp, struct componentname *cnp)
{
	struct vop_remove_args a = {dvp, vp, cnp};

	KASSERT(VOP_ISLOCKED(dvp) && VOP_ISLOCKED(vp));
	return VOPCALL(dvp, vop_remove, a);
}

/*
 * VOP_LINK: dvp locked (namei CREATE, the name absent), vp referenced, not
 * locked; makes the entry; dvp is released (vput), vp keeps its reference.
 */
int
VOP_LINK(struct vnode *dvp, struct vnode *vp, struct componentname *cnp)
{
	struct vop_link_args a = {dvp, vp, cnp};

	return VOPCALL(dvp, vop_link, a);
}

/*
 * VOP_RENAME: fdvp, fvp referenced, not locked (namei DELETE, WANTPARENT);
 * tdvp locked and tvp (if not null) locked (namei RENAME,
 * LOCKPARENT|LOCKLEAF); all four are released whatever the result.
 */
int
VOP_RENAME(struct vnode *fdvp, struct vnode *fvp, struct componentname *fcnp,
    struct vnode *tdvp, struct vnode *tvp, struct componentname *tcnp)
{
	struct vop_rename_args a = {fdvp, fvp, fcnp, tdvp, tvp, tcnp};

	return VOPCALL(fdvp, vop_rename, a);
}

/*
 * VOP_MKDIR: as VOP_CREATE, for a directory with `.' and `..'.
 */
int
VOP_MKDIR(struct vnode *dvp, struct vnode **vpp, struct componentname *cnp,
    struct vattr *vap)
{
	struct vop_mkdir_args a = {dvp, vpp, cnp, vap};

	KASSERT(VOP_ISLOCKED(dvp));
	return VOPCALL(dvp, vop_mkdir, a);
}

/*
 * VOP_RMDIR: as VOP_REMOVE, for an empty directory (ENOTEMPTY otherwise).
 */
int
VOP_RMDIR(struct vnode *dvp, struct vnode *vp, struct componentname *cnp)
{
	struct vop_rmdir_args a = {dvp, vp, cnp};

	KASSERT(VOP_ISLOCKED(dvp) && VOP_ISLOCKED(vp));
	return VOPCALL(dvp, vop_rmdir, a);
}

/*
 * VOP_SYMLINK: as VOP_CREATE, for a symbolic link holding target; *vpp is
 * returned referenced and locked.
 */
int
VOP_SYMLINK(struct vnode *dvp, struct vnode **vpp, struct componentname *cnp,
    struct vattr *vap, char *target)
{
	struct vop_symlink_args a = {dvp, vpp, cnp, vap, target};

	KASSERT(VOP_ISLOCKED(dvp));
	return VOPCALL(dvp, vop_symlink, a);
}

/*
 * VOP_READDIR: vp locked; fills uio with struct dirent records from
 * uio_offset (a cookie: the offset of the entry in the directory);
 * *eofflag set at the end.
 */
int
VOP_READDIR(struct vnode *vp, struct uio *uio, struct ucred *cred, int *eofflag)
{
	struct vop_readdir_args a = {vp, uio, cred, eofflag};

	KASSERT(VOP_ISLOCKED(vp));
	return VOPCALL(vp, vop_readdir, a);
}

/*
 * VOP_READLINK: vp locked; copies the link's target (no NUL) into uio.
 */
int
VOP_READLINK(struct vnode *vp, struct uio *uio, struct ucred *cred)
{
	struct vop_readlink_args a = {vp, uio, cred};

	KASSERT(VOP_ISLOCKED(vp));
	return VOPCALL(vp, vop_readlink, a);
}

/*
 * VOP_INACTIVE: the last reference is gone (vrele); vp locked by the
 * caller, unlocked by the operation.  A file with no links is freed here.
 */
int
VOP_INACTIVE(struct vnode *vp, struct proc *p)
{
	struct vop_inactive_args a = {vp, p};

	return VOPCALL(vp, vop_inactive, a);
}

/*
 * VOP_RECLAIM: the vnode is being reused: the file system forgets it
 * (v_data).
 */
int
VOP_RECLAIM(struct vnode *vp, struct proc *p)
{
	struct vop_reclaim_args a = {vp, p};

	return VOPCALL(vp, vop_reclaim, a);
}

/*
 * VOP_LOCK: takes vp's sleep lock; may sleep unless LK_NOWAIT (then
 * EBUSY).
 */
int
VOP_LOCK(struct vnode *vp, int flags)
{
	struct vop_lock_args a = {vp, flags};

	return VOPCALL(vp, vop_lock, a);
}

/*
 * VOP_BMAP: maps the file's logical block bn to a disk block *bnp
 * (DEV_BSIZE units) on the device *vpp; *bnp = -1 for a hole.
 */
int
VOP_BMAP(
    struct vnode *vp, daddr_t bn, struct vnode **vpp, daddr_t *bnp, int *runp)
{
	struct vop_bmap_args a = {vp, bn, vpp, bnp, runp};

	return VOPCALL(vp, vop_bmap, a);
}

/*
 * VOP_STRATEGY: starts bp's transfer (bmap'ing b_lblkno for a file's
 * buffer); completes through biodone.
 */
int
VOP_STRATEGY(struct vnode *vp, struct buf *bp)
{
	struct vop_strategy_args a = {vp, bp};

	return VOPCALL(vp, vop_strategy, a);
}

/* VOP_UNLOCK: releases vp's sleep lock. */
int
VOP_UNLOCK(struct vnode *vp)
{
	struct vop_unlock_args a = {vp, 0};

	return VOPCALL(vp, vop_unlock, a);
}

/* VOP_ISLOCKED: is vp's sleep lock held (by anyone)? */
int
VOP_ISLOCKED(struct vnode *vp)
{
	struct vop_islocked_args a = {vp};

	return VOPCALL(vp, vop_islocked, a);
}

/* VOP_PRINT: a line about vp's file system data, for vprint and ddb. */
int
VOP_PRINT(struct vnode *vp)
{
	struct vop_print_args a = {vp};

	return VOPCALL(vp, vop_print, a);
}
