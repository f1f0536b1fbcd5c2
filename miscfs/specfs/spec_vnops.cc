/*
 * spec_vnops.cc: the vnode operations of device files (OpenBSD's
 * sys/miscfs/specfs/spec_vnops.c).
 *
 * A vnode of type VCHR or VBLK stands for a device, not for data on a
 * disk: its reads and writes go to the driver.  Character devices are
 * reached through cdevsw[major] with the caller's uio; block devices
 * (disks) through the buffer cache, in blocks, with the device vnode as
 * the buffers' vnode, so the cache serves a file system's metadata and
 * a read of /dev/wd0a alike, and VOP_STRATEGY here hands a buffer to
 * the driver's strategy routine (bdevsw[major].d_strategy).
 *
 * A file system that holds device files (ext2's /dev) uses these
 * functions for the device operations and its own for the attributes
 * kept in its inode (see ext2fs_specvops).  spec_vops is the table of a
 * device vnode no file system holds: the root device from bdevvp().
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/proc.h>
#include <sys/specdev.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/vnode.h>

/* Block devices are read and written through the cache in this size. */
#define BLKDEV_IOSIZE	4096

/*
 * spec_open: open the driver.  A disk with a file system mounted on it
 * may not be opened for writing (the file system owns its blocks).
 */
int
spec_open(void *v)
{
	struct vop_open_args *ap = (struct vop_open_args *)v;
	struct vnode *vp = ap->a_vp;
	dev_t dev = vp->v_rdev;
	int maj = major(dev), error;

	switch (vp->v_type) {
	case VCHR:
		if (maj >= nchrdev || cdevsw[maj].d_open == nullptr)
			return ENXIO;
		/* A terminal: pread/pwrite on it are ESPIPE (sys_generic). */
		if (cdevsw[maj].d_type == D_TTY)
			vp->v_flag |= VISTTY;
		return cdevsw[maj].d_open(dev, ap->a_mode, S_IFCHR, ap->a_p);
	case VBLK:
		if (maj >= nblkdev || bdevsw[maj].d_open == nullptr)
			return ENXIO;
		if ((ap->a_mode & FWRITE) &&
		    (error = vfs_mountedon(vp)) != 0)
			return error;
		error = bdevsw[maj].d_open(dev, ap->a_mode, S_IFBLK, ap->a_p);
		if (error == 0)
			vp->v_specinfo->si_opencount++;
		return error;
	default:
		return 0;
	}
}

/*
 * spec_close: close the driver.  A block device's buffers are written
 * back and forgotten on its last close, so the next open reads fresh.
 */
int
spec_close(void *v)
{
	struct vop_close_args *ap = (struct vop_close_args *)v;
	struct vnode *vp = ap->a_vp;
	dev_t dev = vp->v_rdev;
	int maj = major(dev), error;

	switch (vp->v_type) {
	case VCHR:
		if (cdevsw[maj].d_close == nullptr)
			return 0;
		return cdevsw[maj].d_close(dev, ap->a_fflag, S_IFCHR, ap->a_p);
	case VBLK:
		if ((error = vinvalbuf(vp, V_SAVE, ap->a_cred, ap->a_p, 0,
		    0)) != 0)
			return error;
		if (vp->v_specinfo->si_opencount > 0)
			vp->v_specinfo->si_opencount--;
		if (bdevsw[maj].d_close == nullptr)
			return 0;
		return bdevsw[maj].d_close(dev, ap->a_fflag, S_IFBLK, ap->a_p);
	default:
		return 0;
	}
}

/*
 * spec_blkrw: a read or write of a block device through the cache,
 * BLKDEV_IOSIZE at a time; a partial block is read before it is
 * written.
 */
static int
spec_blkrw(struct vnode *vp, struct uio *uio)
{
	const int bsize = BLKDEV_IOSIZE, bscale = bsize / DEV_BSIZE;
	int error = 0;

	if (uio->uio_offset < 0)
		return EINVAL;
	int64_t psize = bdevsw[major(vp->v_rdev)].d_psize != nullptr ?
	    bdevsw[major(vp->v_rdev)].d_psize(vp->v_rdev) : -1;
	while (uio->uio_resid > 0 && error == 0) {
		off_t off = uio->uio_offset;
		if (psize >= 0 && off >= psize * DEV_BSIZE)
			break;		/* end of the device */
		daddr_t bn = (off / bsize) * bscale;
		int on = off % bsize;
		size_t n = MIN((size_t)(bsize - on), uio->uio_resid);
		if (psize >= 0 && off + (off_t)n > psize * DEV_BSIZE)
			n = psize * DEV_BSIZE - off;
		struct buf *bp;
		if (uio->uio_rw == UIO_WRITE && on == 0 && n == (size_t)bsize) {
			bp = getblk(vp, bn, bsize, 0, 0);
		} else if ((error = bread(vp, bn, bsize, &bp)) != 0) {
			brelse(bp);
			break;
		}
		error = uiomove((char *)bp->b_data + on, n, uio);
		if (uio->uio_rw == UIO_READ)
			brelse(bp);
		else if (error != 0)
			brelse(bp);
		else
			error = bwrite(bp);
	}
	return error;
}

/* spec_read: read from the device. */
int
spec_read(void *v)
{
	struct vop_read_args *ap = (struct vop_read_args *)v;
	struct vnode *vp = ap->a_vp;
	int maj = major(vp->v_rdev);

	if (vp->v_type == VCHR) {
		if (cdevsw[maj].d_read == nullptr)
			return ENODEV;
		/*
		 * A terminal read may wait for a person to type: other users
		 * of the vnode (a writer to the same console) must not wait
		 * with it, so the lock is let go meanwhile, as OpenBSD does.
		 */
		VOP_UNLOCK(vp);
		int error = cdevsw[maj].d_read(vp->v_rdev, ap->a_uio,
		    ap->a_ioflag);
		(void)vn_lock(vp, LK_EXCLUSIVE | LK_RETRY);
		return error;
	}
	return spec_blkrw(vp, ap->a_uio);
}

/* spec_write: write to the device. */
int
spec_write(void *v)
{
	struct vop_write_args *ap = (struct vop_write_args *)v;
	struct vnode *vp = ap->a_vp;
	int maj = major(vp->v_rdev);

	if (vp->v_type == VCHR) {
		if (cdevsw[maj].d_write == nullptr)
			return ENODEV;
		VOP_UNLOCK(vp);		/* as spec_read */
		int error = cdevsw[maj].d_write(vp->v_rdev, ap->a_uio,
		    ap->a_ioflag);
		(void)vn_lock(vp, LK_EXCLUSIVE | LK_RETRY);
		return error;
	}
	return spec_blkrw(vp, ap->a_uio);
}

/* spec_ioctl: the driver's ioctl. */
int
spec_ioctl(void *v)
{
	struct vop_ioctl_args *ap = (struct vop_ioctl_args *)v;
	struct vnode *vp = ap->a_vp;
	int maj = major(vp->v_rdev);
	int (*ioctl)(dev_t, u_long, caddr_t, int, struct proc *) =
	    vp->v_type == VCHR ? cdevsw[maj].d_ioctl : bdevsw[maj].d_ioctl;

	if (ioctl == nullptr)
		return ENOTTY;
	return ioctl(vp->v_rdev, ap->a_command, (caddr_t)ap->a_data,
	    ap->a_fflag, ap->a_p);
}

/* spec_fsync: a block device's dirty buffers to the disk. */
int
spec_fsync(void *v)
{
	struct vop_fsync_args *ap = (struct vop_fsync_args *)v;

	if (ap->a_vp->v_type == VBLK)
		vflushbuf(ap->a_vp, ap->a_waitfor == MNT_WAIT);
	return 0;
}

/*
 * spec_strategy: hand bp to the driver.  Its b_blkno is the device's
 * block (the cache sets it from b_lblkno for a device's own buffers).
 */
int
spec_strategy(void *v)
{
	struct vop_strategy_args *ap = (struct vop_strategy_args *)v;
	struct buf *bp = ap->a_bp;
	int maj = major(ap->a_vp->v_rdev);

	bp->b_dev = ap->a_vp->v_rdev;
	if (maj >= nblkdev || bdevsw[maj].d_strategy == nullptr) {
		bp->b_error = ENXIO;
		bp->b_flags |= B_ERROR;
		biodone(bp);
		return ENXIO;
	}
	bdevsw[maj].d_strategy(bp);
	return 0;
}

/* spec_inactive: nothing to keep; drop the caller's lock. */
int
spec_inactive(void *v)
{
	struct vop_inactive_args *ap = (struct vop_inactive_args *)v;

	VOP_UNLOCK(ap->a_vp);
	return 0;
}

/* spec_reclaim: nothing of a file system's to forget. */
int
spec_reclaim(void *)
{
	return 0;
}

/* spec_print: the device number. */
int
spec_print(void *v)
{
	struct vop_print_args *ap = (struct vop_print_args *)v;

	printf("dev %d, %d\n", major(ap->a_vp->v_rdev),
	    minor(ap->a_vp->v_rdev));
	return 0;
}

/* spec_access: a device with no file system: only the kernel opens it. */
int
spec_access(void *)
{
	return 0;
}

const struct vops spec_vops = {
	.vop_lookup = eopnotsupp,
	.vop_create = eopnotsupp,
	.vop_mknod = eopnotsupp,
	.vop_open = spec_open,
	.vop_close = spec_close,
	.vop_access = spec_access,
	.vop_getattr = eopnotsupp,
	.vop_setattr = eopnotsupp,
	.vop_read = spec_read,
	.vop_write = spec_write,
	.vop_ioctl = spec_ioctl,
	.vop_fsync = spec_fsync,
	.vop_remove = eopnotsupp,
	.vop_link = eopnotsupp,
	.vop_rename = eopnotsupp,
	.vop_mkdir = eopnotsupp,
	.vop_rmdir = eopnotsupp,
	.vop_symlink = eopnotsupp,
	.vop_readdir = eopnotsupp,
	.vop_readlink = eopnotsupp,
	.vop_inactive = spec_inactive,
	.vop_reclaim = spec_reclaim,
	.vop_lock = vop_generic_lock,
	.vop_unlock = vop_generic_unlock,
	.vop_islocked = vop_generic_islocked,
	.vop_bmap = vop_generic_bmap,
	.vop_strategy = spec_strategy,
	.vop_print = spec_print,
};
