/*
 * ext2fs_readwrite.cc: reading and writing a file's data.
 *
 * Both walk the request a file block at a time through the buffer
 * cache, on the file's own vnode with logical block numbers:
 *
 *   read:  bread(vp, lbn)  -> cache miss -> VOP_STRATEGY(vp, bp)
 *          -> ext2fs_strategy: bmap lbn to a disk block (a hole: zeros)
 *          -> VOP_STRATEGY(devvp, bp) -> the disk driver
 *   write: ext2fs_buf_alloc(lbn) allocates the block if it is missing,
 *          uiomove copies the caller's bytes in, and the buffer goes
 *          back dirty: bdwrite for a partial block (more may follow),
 *          bawrite for a full one (start the disk on it now), bwrite
 *          for IO_SYNC.
 *
 * Reading sequentially starts the read of the next block too (breadn),
 * so the disk works while the caller copies.  A write past the end
 * grows the file; a failed IO_UNIT write is cut back to where it began.
 * Times: a read marks IN_ACCESS, a write IN_CHANGE | IN_UPDATE; they are
 * stamped when the inode is written back (ext2fs_itimes).
 * Mirrors OpenBSD's sys/ufs/ext2fs/ext2fs_readwrite.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>

#include <ufs/ufs/inode.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs.h>
#include <ufs/ext2fs/ext2fs_dinode.h>
#include <ufs/ext2fs/ext2fs_extern.h>

/*
 * ext2fs_read: VOP_READ of a file, a directory's raw blocks or a slow
 * symlink's target, from uio_offset on, up to the end of the file.
 * => vp locked; may sleep.  0 at or past the end (nothing moved).
 */
int
ext2fs_read(void *v)
{
	struct vop_read_args *ap = (struct vop_read_args *)v;
	struct vnode *vp = ap->a_vp;
	struct inode *ip = VTOI(vp);
	struct uio *uio = ap->a_uio;
	struct m_ext2fs *fs = ip->i_e2fs;
	struct buf *bp = nullptr;
	int error = 0;

	if (uio->uio_offset < 0)
		return EINVAL;
	if (vp->v_type != VREG && vp->v_type != VDIR && vp->v_type != VLNK)
		return EINVAL;
	if (uio->uio_resid == 0)
		return 0;
	u_int64_t fsize = ext2fs_size(ip);
	while (uio->uio_resid > 0) {
		if ((u_int64_t)uio->uio_offset >= fsize)
			break;
		u_int64_t bytesinfile = fsize - uio->uio_offset;
		daddr_t lbn = lblkno(fs, uio->uio_offset);
		daddr_t nextlbn = lbn + 1;
		int size = fs->e2fs_bsize;
		long blkoffset = blkoff(fs, uio->uio_offset);
		size_t xfersize = fs->e2fs_bsize - blkoffset;
		if (uio->uio_resid < xfersize)
			xfersize = uio->uio_resid;
		if (bytesinfile < xfersize)
			xfersize = bytesinfile;

		if ((u_int64_t)lblktosize(fs, nextlbn) >= fsize)
			error = bread(vp, lbn, size, &bp);
		else if (lbn - 1 == ip->i_lastr)
			error = breadn(vp, lbn, size, &nextlbn, &size, 1, &bp);
		else
			error = bread(vp, lbn, size, &bp);
		if (error != 0)
			break;
		ip->i_lastr = lbn;
		if (bp->b_resid != 0) {
			error = EIO;	/* a short read from the disk */
			break;
		}
		error = uiomove((char *)bp->b_data + blkoffset, xfersize, uio);
		if (error != 0)
			break;
		brelse(bp);
		bp = nullptr;
	}
	if (bp != nullptr)
		brelse(bp);
	if (!(vp->v_mount->mnt_flag & MNT_RDONLY) &&
	    !(ip->i_e2fs_flags & EXT2_NOATIME))
		ip->i_flag |= IN_ACCESS;
	return error;
}

/*
 * ext2fs_write: VOP_WRITE of a regular file (or a slow symlink's target,
 * from ext2fs_symlink) at uio_offset, or at the end with IO_APPEND.
 * => vp locked; may sleep.
 * => 0; EFBIG past the largest file; EPERM for an append-only file
 *    not written at its end; ENOSPC or an I/O error, with the file cut
 *    back to its old size if IO_UNIT.
 */
int
ext2fs_write(void *v)
{
	struct vop_write_args *ap = (struct vop_write_args *)v;
	struct vnode *vp = ap->a_vp;
	struct inode *ip = VTOI(vp);
	struct uio *uio = ap->a_uio;
	struct m_ext2fs *fs = ip->i_e2fs;
	int ioflag = ap->a_ioflag, flags, error = 0;
	struct buf *bp;

	if (ioflag & IO_APPEND)
		uio->uio_offset = ext2fs_size(ip);
	if ((ip->i_e2fs_flags & EXT2_APPEND) &&
	    (u_int64_t)uio->uio_offset != ext2fs_size(ip))
		return EPERM;
	if (ip->i_e2fs_flags & EXT2_IMMUTABLE)
		return EPERM;
	if (vp->v_type != VREG && vp->v_type != VLNK)
		return EISDIR;
	if (fs->e2fs_ronly)
		return EROFS;
	if (uio->uio_offset < 0 ||
	    (u_int64_t)uio->uio_offset + uio->uio_resid > fs->e2fs_maxfilesize)
		return EFBIG;
	if (uio->uio_resid == 0)
		return 0;

	size_t resid = uio->uio_resid;
	u_int64_t osize = ext2fs_size(ip);
	flags = (ioflag & IO_SYNC) ? B_SYNC : 0;
	while (uio->uio_resid > 0) {
		daddr_t lbn = lblkno(fs, uio->uio_offset);
		long blkoffset = blkoff(fs, uio->uio_offset);
		size_t xfersize = fs->e2fs_bsize - blkoffset;
		if (uio->uio_resid < xfersize)
			xfersize = uio->uio_resid;
		/* A partial block keeps the rest of what is there. */
		if ((size_t)fs->e2fs_bsize > xfersize)
			flags |= B_CLRBUF;
		else
			flags &= ~B_CLRBUF;
		error = ext2fs_buf_alloc(ip, lbn, blkoffset + xfersize,
		    ap->a_cred, &bp, flags);
		if (error != 0)
			break;
		if ((u_int64_t)uio->uio_offset + xfersize > ext2fs_size(ip) &&
		    (error = ext2fs_setsize(ip, uio->uio_offset + xfersize)) !=
		    0) {
			brelse(bp);
			break;
		}
		error = uiomove((char *)bp->b_data + blkoffset, xfersize, uio);
		/*
		 * A block that was not read first holds garbage where the
		 * copy failed: it must not reach the disk.
		 */
		if (error != 0 && !(flags & B_CLRBUF))
			memset(bp->b_data, 0, bp->b_bcount);
		if (ioflag & IO_SYNC)
			(void)bwrite(bp);
		else if (xfersize + blkoffset == (size_t)fs->e2fs_bsize)
			bawrite(bp);
		else
			bdwrite(bp);
		if (error != 0 || xfersize == 0)
			break;
		ip->i_flag |= IN_CHANGE | IN_UPDATE;
	}
	/* Written by someone other than root: setuid and setgid go. */
	if (resid > uio->uio_resid && !ext2fs_cred_root(ap->a_cred) &&
	    (ip->i_e2fs_mode & (S_ISUID | S_ISGID))) {
		ip->i_e2fs_mode &= ~(S_ISUID | S_ISGID);
		ip->i_flag |= IN_CHANGE;
	}
	if (error != 0) {
		if (ioflag & IO_UNIT) {
			(void)ext2fs_truncate(ip, osize, ioflag & IO_SYNC,
			    ap->a_cred);
			uio->uio_offset -= resid - uio->uio_resid;
			uio->uio_resid = resid;
		}
	} else if (resid > uio->uio_resid && (ioflag & IO_SYNC)) {
		error = ext2fs_update(ip, 1);
	}
	return error;
}
