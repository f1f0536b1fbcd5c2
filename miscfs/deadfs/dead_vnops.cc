/*
 * dead_vnops.cc: the operations of a dead vnode (OpenBSD's deadfs).
 *
 * When a vnode is taken from its file system while still referenced
 * (vgone on a forced unmount, or a revoked terminal), it keeps its
 * references but gets this table: every operation on it fails with EBADF
 * or EIO (reads return end of file), so an open file whose file system
 * is gone cannot reach the freed inode.  Locking still works, so that
 * the holders can release it normally; the last vrele finds nothing to
 * do and the vnode goes back to the free list.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/uio.h>
#include <sys/vnode.h>

static int
dead_ebadf(void *)
{
	return EBADF;
}

static int
dead_eio(void *)
{
	return EIO;
}

/* A read of a dead file: end of file. */
static int
dead_read(void *)
{
	return 0;
}

/* VOP_INACTIVE: nothing left to do but drop the caller's lock. */
static int
dead_inactive(void *v)
{
	struct vop_inactive_args *ap = (struct vop_inactive_args *)v;

	VOP_UNLOCK(ap->a_vp);
	return 0;
}

const struct vops dead_vops = {
	.vop_lookup = dead_ebadf,
	.vop_create = dead_ebadf,
	.vop_mknod = dead_ebadf,
	.vop_open = dead_ebadf,
	.vop_close = nullop,
	.vop_access = dead_ebadf,
	.vop_getattr = dead_ebadf,
	.vop_setattr = dead_ebadf,
	.vop_read = dead_read,
	.vop_write = dead_eio,
	.vop_ioctl = dead_ebadf,
	.vop_fsync = nullop,
	.vop_remove = dead_ebadf,
	.vop_link = dead_ebadf,
	.vop_rename = dead_ebadf,
	.vop_mkdir = dead_ebadf,
	.vop_rmdir = dead_ebadf,
	.vop_symlink = dead_ebadf,
	.vop_readdir = dead_ebadf,
	.vop_readlink = dead_ebadf,
	.vop_inactive = dead_inactive,
	.vop_reclaim = nullop,
	.vop_lock = vop_generic_lock,
	.vop_unlock = vop_generic_unlock,
	.vop_islocked = vop_generic_islocked,
	.vop_bmap = dead_eio,
	.vop_strategy = dead_eio,
	.vop_print = nullop,
};
