/*
 * ext2fs_balloc.cc: the buffer for a block of a file, allocating the
 * block (and the indirect blocks on the way to it) if it has none.
 *
 * A write to block lbn of a file first calls ext2fs_buf_alloc.  If the
 * block exists, that is a bread (or, when the write covers the whole
 * block, a getblk: no need to read what will be overwritten).  If it
 * does not (the file grows, or the write fills a hole), the walk of
 * ext2fs_bmaparray is repeated, and every missing link is allocated on
 * the way down:
 *
 *   inode slot 13 == 0?  allocate the double indirect block, zero it,
 *                        write it, then point the inode at it
 *   its slot k == 0?     allocate a single indirect block, zero it,
 *                        write it, then point slot k at it
 *   its slot j == 0?     allocate the data block, point slot j at it
 *
 * The order matters for a crash: a new indirect block is written (as
 * zeros) before anything points at it, so a pointer never leads to
 * garbage; the pointing block itself is a delayed write (or a
 * synchronous one with B_SYNC).  If an allocation fails half way, the
 * blocks taken so far are given back and the pointer to the first of
 * them cleared, so the file is as it was.
 * Mirrors OpenBSD's sys/ufs/ext2fs/ext2fs_balloc.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/mount.h>
#include <sys/ucred.h>
#include <sys/vnode.h>

#include <ufs/ufs/inode.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs.h>
#include <ufs/ext2fs/ext2fs_dinode.h>
#include <ufs/ext2fs/ext2fs_extern.h>

/* A new indirect block's buffer: zeros, at disk block nb, written. */
static int
ext2fs_newindir(struct inode *ip, daddr_t metalbn, u_int32_t nb)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	struct buf *bp = getblk(ITOV(ip), metalbn, fs->e2fs_bsize, 0, 0);

	bp->b_blkno = fsbtodb(fs, nb);
	memset(bp->b_data, 0, bp->b_bcount);
	bp->b_resid = 0;
	/* Synchronously: indirect blocks never point at garbage. */
	return bwrite(bp);
}

/* Forget a cached indirect block whose disk block was given back. */
static void
ext2fs_dropindir(struct inode *ip, daddr_t metalbn)
{
	struct vnode *vp = ITOV(ip);

	if (incore(vp, metalbn) == nullptr)
		return;
	struct buf *bp = getblk(vp, metalbn, ip->i_e2fs->e2fs_bsize, 0, 0);
	bp->b_flags |= B_INVAL;
	brelse(bp);
}

/*
 * ext2fs_buf_alloc: the buffer for block lbn of ip's file, which the
 * caller is about to write size bytes of; the block (and any indirect
 * block on the way) is allocated if missing.  flags: B_CLRBUF to get the
 * block's contents (zeros if new), else the caller overwrites all of it;
 * B_SYNC to write new metadata synchronously.
 * => ip's vnode locked; may sleep.
 * => 0 and *bpp (busy, b_blkno set: the caller writes it), or ENOSPC,
 *    EFBIG or an I/O error with nothing changed.
 */
int
ext2fs_buf_alloc(struct inode *ip, u_int32_t lbn, int, struct ucred *cred,
    struct buf **bpp, int flags)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	struct vnode *vp = ITOV(ip);
	struct indir indirs[NIADDR + 2];
	u_int32_t nb, newb, pref, *bap;
	u_int32_t allociblk[NIADDR + 1], *allocblk = allociblk;
	daddr_t allocibn[NIADDR + 1];
	u_int32_t *allocib = nullptr;
	int num, i, error, unwindidx = -1;
	struct buf *bp = nullptr, *nbp;

	*bpp = nullptr;
	if (lbn < NDADDR) {
		nb = ip->i_e2fs_blocks[lbn];
		if (nb != 0) {
			if (flags & B_CLRBUF) {
				error = bread(vp, lbn, fs->e2fs_bsize, &bp);
				if (error != 0) {
					brelse(bp);
					return error;
				}
			} else {
				bp = getblk(vp, lbn, fs->e2fs_bsize, 0, 0);
				bp->b_blkno = fsbtodb(fs, nb);
			}
			*bpp = bp;
			return 0;
		}
		pref = ext2fs_blkpref(ip, lbn, (int)lbn, &ip->i_e2fs_blocks[0]);
		if ((error = ext2fs_alloc(ip, lbn, pref, cred, &newb)) != 0)
			return error;
		ip->i_e2fs_last_lblk = lbn;
		ip->i_e2fs_last_blk = newb;
		bp = getblk(vp, lbn, fs->e2fs_bsize, 0, 0);
		bp->b_blkno = fsbtodb(fs, newb);
		if (flags & B_CLRBUF) {
			memset(bp->b_data, 0, bp->b_bcount);
			bp->b_resid = 0;
		}
		ip->i_e2fs_blocks[lbn] = newb;
		ip->i_flag |= IN_CHANGE | IN_UPDATE;
		*bpp = bp;
		return 0;
	}

	/* Through the indirect blocks. */
	if ((error = ext2fs_getlbns(ip, lbn, indirs, &num)) != 0)
		return error;
	--num;		/* indirs[1..num]: the indirect blocks */

	/* The top indirect block, allocated if missing. */
	nb = ip->i_e2fs_blocks[indirs[0].in_off];
	if (nb == 0) {
		pref = ext2fs_blkpref(ip, lbn, 0, nullptr);
		if ((error = ext2fs_alloc(ip, lbn, pref, cred, &newb)) != 0)
			return error;
		nb = newb;
		allocibn[allocblk - allociblk] = indirs[1].in_lbn;
		*allocblk++ = nb;
		if ((error = ext2fs_newindir(ip, indirs[1].in_lbn, nb)) != 0)
			goto fail;
		unwindidx = 0;
		allocib = &ip->i_e2fs_blocks[indirs[0].in_off];
		*allocib = nb;
		ip->i_flag |= IN_CHANGE | IN_UPDATE;
	} else if (!ext2fs_blkno_ok(fs, nb)) {
		return EIO;
	}

	/* Down through the levels, allocating missing links. */
	for (i = 1;;) {
		error = ext2fs_indirread(ip, indirs[i].in_lbn, nb, &bp);
		if (error != 0) {
			brelse(bp);
			goto fail;
		}
		bap = (u_int32_t *)bp->b_data;
		nb = bap[indirs[i].in_off];
		if (nb != 0 && !ext2fs_blkno_ok(fs, nb)) {
			printf("%s: inode %llu: block %u beyond the disk\n",
			    fs->e2fs_fsmnt, (unsigned long long)ip->i_number,
			    nb);
			brelse(bp);
			error = EIO;
			goto fail;
		}
		if (i == num)
			break;
		i++;
		if (nb != 0) {
			brelse(bp);
			continue;
		}
		pref = ext2fs_blkpref(ip, lbn, 0, nullptr);
		if ((error = ext2fs_alloc(ip, lbn, pref, cred, &newb)) != 0) {
			brelse(bp);
			goto fail;
		}
		nb = newb;
		allocibn[allocblk - allociblk] = indirs[i].in_lbn;
		*allocblk++ = nb;
		if ((error = ext2fs_newindir(ip, indirs[i].in_lbn, nb)) != 0) {
			brelse(bp);
			goto fail;
		}
		if (unwindidx < 0)
			unwindidx = i - 1;
		bap[indirs[i - 1].in_off] = nb;
		if (flags & B_SYNC) {
			(void)bwrite(bp);
		} else {
			bdwrite(bp);
		}
	}

	/* The data block itself. */
	if (nb == 0) {
		pref = ext2fs_blkpref(ip, lbn, indirs[num].in_off, &bap[0]);
		if ((error = ext2fs_alloc(ip, lbn, pref, cred, &newb)) != 0) {
			brelse(bp);
			goto fail;
		}
		nb = newb;
		allocibn[allocblk - allociblk] = lbn;
		*allocblk++ = nb;
		ip->i_e2fs_last_lblk = lbn;
		ip->i_e2fs_last_blk = newb;
		bap[indirs[num].in_off] = nb;
		if (flags & B_SYNC) {
			(void)bwrite(bp);
		} else {
			bdwrite(bp);
		}
		nbp = getblk(vp, lbn, fs->e2fs_bsize, 0, 0);
		nbp->b_blkno = fsbtodb(fs, nb);
		if (flags & B_CLRBUF) {
			memset(nbp->b_data, 0, nbp->b_bcount);
			nbp->b_resid = 0;
		}
		*bpp = nbp;
		return 0;
	}
	brelse(bp);
	if (flags & B_CLRBUF) {
		error = bread(vp, lbn, fs->e2fs_bsize, &nbp);
		if (error != 0) {
			brelse(nbp);
			goto fail;
		}
	} else {
		nbp = getblk(vp, lbn, fs->e2fs_bsize, 0, 0);
		nbp->b_blkno = fsbtodb(fs, nb);
	}
	*bpp = nbp;
	return 0;

fail:
	/*
	 * Give back what was allocated, and cut the pointer to the first
	 * new block, so the file is as before.  The deeper pointers are in
	 * blocks that are themselves given back.
	 */
	for (u_int32_t *blkp = allociblk; blkp < allocblk; blkp++) {
		ext2fs_dropindir(ip, allocibn[blkp - allociblk]);
		ext2fs_blkfree(ip, *blkp);
		ip->i_e2fs_nblock -= btodb(fs->e2fs_bsize);
		ip->i_flag |= IN_CHANGE | IN_UPDATE;
	}
	if (allocib != nullptr) {
		*allocib = 0;
	} else if (unwindidx >= 0) {
		/* The first new pointer is in an old indirect block. */
		daddr_t mlbn = indirs[unwindidx].in_lbn;
		u_int32_t addr = 0;
		if (ext2fs_bmaparray(ip, mlbn, &addr) == 0 && addr != 0) {
			if (ext2fs_indirread(ip, mlbn, addr, &bp) == 0) {
				bap = (u_int32_t *)bp->b_data;
				bap[indirs[unwindidx].in_off] = 0;
				bdwrite(bp);
			} else
				brelse(bp);
		}
	}
	return error;
}
