/*
 * vfs_default.cc: vnode operations any file system may put in its table
 * (OpenBSD's sys/kern/vfs_default.c).
 *
 * The lock: every vnode carries a sleep lock, v_lock, an rwlock(9) used
 * only for writing, so VOP_LOCK is always exclusive (LK_SHARED is taken
 * exclusively too: simpler, and nothing here is hurt by it).  The lock is
 * not recursive: a thread that locks a vnode it holds panics with
 * "locking against myself", which is how lock-order bugs in namei show
 * up.  File systems use these three for VOP_LOCK/UNLOCK/ISLOCKED.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/rwlock.h>
#include <sys/vnode.h>

/* VOP_LOCK: take v_lock; with LK_NOWAIT, EBUSY rather than sleep. */
int
vop_generic_lock(void *v)
{
	struct vop_lock_args *ap = (struct vop_lock_args *)v;
	int flags = RW_WRITE;

	if (ap->a_flags & LK_NOWAIT)
		flags |= RW_NOSLEEP;
	return rw_enter(&ap->a_vp->v_lock, flags);
}

/* VOP_UNLOCK: release v_lock, which the caller holds. */
int
vop_generic_unlock(void *v)
{
	struct vop_unlock_args *ap = (struct vop_unlock_args *)v;

	rw_exit_write(&ap->a_vp->v_lock);
	return 0;
}

/* VOP_ISLOCKED: is v_lock held (by anyone)? */
int
vop_generic_islocked(void *v)
{
	struct vop_islocked_args *ap = (struct vop_islocked_args *)v;

	return rw_status(&ap->a_vp->v_lock) != 0;
}

/* VOP_BMAP for a vnode whose blocks are the device's (specfs). */
int
vop_generic_bmap(void *v)
{
	struct vop_bmap_args *ap = (struct vop_bmap_args *)v;

	if (ap->a_vpp != nullptr)
		*ap->a_vpp = ap->a_vp;
	if (ap->a_bnp != nullptr)
		*ap->a_bnp = ap->a_bn;
	if (ap->a_runp != nullptr)
		*ap->a_runp = 0;
	return 0;
}

/* An operation the file system does not have. */
int
eopnotsupp(void *)
{
	return EOPNOTSUPP;
}

/* An operation with nothing to do. */
int
nullop(void *)
{
	return 0;
}
