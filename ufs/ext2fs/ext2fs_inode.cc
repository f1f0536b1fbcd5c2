/*
 * ext2fs_inode.cc: an inode's life after it is read in: written back
 * (ext2fs_update), shortened (ext2fs_truncate), and let go of when the
 * last reference goes (ext2fs_inactive) or its vnode is reused
 * (ext2fs_reclaim).
 *
 * Writing an inode back.  The in-memory copy (ip->i_din) is the truth
 * while the vnode lives; ext2fs_update stamps the times the IN_ACCESS,
 * IN_CHANGE, IN_UPDATE bits ask for and copies the inode into its slot
 * of the inode table block, through the buffer cache of the device.
 *
 * Truncation frees blocks from the end: the data blocks past the new
 * end, and every indirect block that no longer maps anything, at each
 * of the three levels (ext2fs_indirtrunc recurses down a tree).  The
 * order protects against a crash half way: first the inode, with its
 * new size and the pointers to whole subtrees cleared, is written
 * synchronously; then partial indirect blocks are written with their
 * tail pointers cleared; only then are the blocks marked free in the
 * bitmaps.  A crash can then only leak blocks (e2fsck finds them),
 * never leave a file pointing at a block someone else owns.
 *
 *   before:  i_block[13] -> [ a b c d ] -> data
 *   truncate to inside b's range:
 *            i_block[13] -> [ a b 0 0 ]     c, d and all below freed
 *
 * An unlinked file (no names left, e2di_nlink 0) is freed when the last
 * reference to it goes: ext2fs_inactive truncates it to nothing, stamps
 * its deletion time and clears its bit in the inode bitmap.
 * Mirrors OpenBSD's sys/ufs/ext2fs/ext2fs_inode.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/vnode.h>

#include <ufs/ufs/inode.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs.h>
#include <ufs/ext2fs/ext2fs_dinode.h>
#include <ufs/ext2fs/ext2fs_extern.h>

#define SINGLE	0	/* index of the single indirect block */
#define DOUBLE	1
#define TRIPLE	2

static int ext2fs_indirtrunc(struct inode *, daddr_t, u_int32_t, daddr_t,
    int, u_int32_t *);

/* ext2fs_size: the file's size (i_size_high only counts for files). */
u_int64_t
ext2fs_size(struct inode *ip)
{
	u_int64_t size = ip->i_e2fs_size;

	if ((ip->i_e2fs_mode & S_IFMT) == S_IFREG)
		size |= (u_int64_t)ip->i_e2fs_size_hi << 32;
	return size;
}

/*
 * ext2fs_setsize: set the file's size.  A regular file of 2 GiB or more
 * needs large_file, which is switched on in the superblock if need be.
 * => EFBIG where the format cannot hold the size.
 */
int
ext2fs_setsize(struct inode *ip, u_int64_t size)
{
	struct m_ext2fs *fs = ip->i_e2fs;

	if ((ip->i_e2fs_mode & S_IFMT) == S_IFREG || ip->i_e2fs_mode == 0) {
		if (size >= 0x80000000ULL) {
			if (fs->e2fs.e2fs_rev == E2FS_REV0)
				return EFBIG;
			if (!(fs->e2fs.e2fs_features_rocompat &
			    EXT2F_ROCOMPAT_LARGEFILE)) {
				fs->e2fs.e2fs_features_rocompat |=
				    EXT2F_ROCOMPAT_LARGEFILE;
				fs->e2fs_fmod = 1;
			}
		}
		ip->i_e2fs_size_hi = size >> 32;
	} else if (size >= 0x80000000ULL)
		return EFBIG;
	ip->i_e2fs_size = (u_int32_t)size;
	ip->i_flag |= IN_MODIFIED;
	return 0;
}

/*
 * ext2fs_itimes: stamp the times ip's IN_ACCESS, IN_UPDATE, IN_CHANGE
 * ask for with the current time, and mark it IN_MODIFIED.
 */
void
ext2fs_itimes(struct inode *ip)
{
	struct timespec ts;

	if (!(ip->i_flag & (IN_ACCESS | IN_CHANGE | IN_UPDATE)))
		return;
	if (!ip->i_e2fs->e2fs_ronly) {
		getnanotime(&ts);
		if (ip->i_flag & IN_ACCESS)
			ext2fs_settime(ip, EXT2_ATIME, &ts);
		if (ip->i_flag & IN_UPDATE) {
			ext2fs_settime(ip, EXT2_MTIME, &ts);
			ip->i_modrev++;
		}
		if (ip->i_flag & IN_CHANGE)
			ext2fs_settime(ip, EXT2_CTIME, &ts);
		ip->i_flag |= IN_MODIFIED;
	}
	ip->i_flag &= ~(IN_ACCESS | IN_CHANGE | IN_UPDATE);
}

/*
 * ext2fs_update: write ip's inode into its inode table block, if it
 * changed: with waitfor, synchronously; else a delayed write.
 * => ip's vnode locked (or being reclaimed); may sleep.
 * => 0 or an I/O error.
 */
int
ext2fs_update(struct inode *ip, int waitfor)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	struct buf *bp;
	size_t n;
	int error;

	if (fs->e2fs_ronly)
		return 0;
	ext2fs_itimes(ip);
	if (!(ip->i_flag & IN_MODIFIED))
		return 0;
	ip->i_flag &= ~IN_MODIFIED;
	error = bread(ip->i_devvp, fsbtodb(fs, ino_to_fsba(fs, ip->i_number)),
	    fs->e2fs_bsize, &bp);
	if (error != 0) {
		brelse(bp);
		return error;
	}
	/*
	 * The classic 128 bytes, and of a large inode the extra fields it
	 * says it has: what follows them (extended attributes) stays.
	 */
	n = EXT2_REV0_DINODE_SIZE;
	if (fs->e2fs_isize > EXT2_REV0_DINODE_SIZE)
		n = MIN((size_t)fs->e2fs_isize, MIN(sizeof(struct ext2fs_dinode),
		    EXT2_REV0_DINODE_SIZE + (size_t)ip->i_e2din->e2di_extra_isize));
	memcpy((char *)bp->b_data +
	    ino_to_fsbo(fs, ip->i_number) * EXT2_DINODE_SIZE(fs), ip->i_e2din,
	    n);
	if (waitfor)
		return bwrite(bp);
	bdwrite(bp);
	return 0;
}

/*
 * ext2fs_truncate: make ip's file length bytes long.  Growing allocates
 * the last block (the rest stays a hole); shrinking frees every block
 * past the end and zeroes the tail of the new last block, so a later
 * growth reads zeros there.
 * => ip's vnode locked; may sleep.  flags: IO_SYNC.
 * => 0, EFBIG, ENOSPC (growing) or an I/O error.
 */
int
ext2fs_truncate(struct inode *oip, off_t length, int flags,
    struct ucred *cred)
{
	struct vnode *ovp = ITOV(oip);
	struct m_ext2fs *fs = oip->i_e2fs;
	u_int32_t oldblks[NDADDR + NIADDR], newblks[NDADDR + NIADDR];
	daddr_t lastblock, lastiblock[NIADDR], indir_lbn[NIADDR];
	u_int32_t bn, count, blocksreleased = 0;
	u_int64_t osize;
	int aflags, error, allerror = 0, level;
	struct buf *bp;

	if (length < 0)
		return EINVAL;
	osize = ext2fs_size(oip);
	if (ovp->v_type == VLNK && oip->i_e2fs_nblock == 0 &&
	    osize < EXT2_MAXSYMLINKLEN) {
		/* A fast symlink: the target lives in the block pointers. */
		memset(oip->i_e2fs_blocks, 0, sizeof(oip->i_e2fs_blocks));
		(void)ext2fs_setsize(oip, 0);
		oip->i_flag |= IN_CHANGE | IN_UPDATE;
		return ext2fs_update(oip, 1);
	}
	if (osize == (u_int64_t)length) {
		oip->i_flag |= IN_CHANGE | IN_UPDATE;
		return ext2fs_update(oip, 0);
	}
	aflags = B_CLRBUF | ((flags & IO_SYNC) ? B_SYNC : 0);
	if (osize < (u_int64_t)length) {
		if ((u_int64_t)length > fs->e2fs_maxfilesize)
			return EFBIG;
		error = ext2fs_buf_alloc(oip, lblkno(fs, length - 1),
		    blkoff(fs, length - 1) + 1, cred, &bp, aflags);
		if (error != 0)
			return error;
		if ((error = ext2fs_setsize(oip, length)) != 0) {
			brelse(bp);
			return error;
		}
		if (aflags & B_SYNC)
			(void)bwrite(bp);
		else
			bdwrite(bp);
		oip->i_flag |= IN_CHANGE | IN_UPDATE;
		return ext2fs_update(oip, 1);
	}

	/* Zero the tail of the new last block, if it is partial. */
	off_t offset = blkoff(fs, length);
	if (offset != 0) {
		error = ext2fs_buf_alloc(oip, lblkno(fs, length), offset, cred,
		    &bp, aflags);
		if (error != 0)
			return error;
		memset((char *)bp->b_data + offset, 0, fs->e2fs_bsize - offset);
		if (aflags & B_SYNC)
			(void)bwrite(bp);
		else
			bdwrite(bp);
	}
	(void)ext2fs_setsize(oip, length);

	/*
	 * The last block to keep (-1: none), and for each indirect level
	 * the last block below it to keep (negative: none).
	 */
	lastblock = lblkno(fs, length + fs->e2fs_bsize - 1) - 1;
	lastiblock[SINGLE] = lastblock - NDADDR;
	lastiblock[DOUBLE] = lastiblock[SINGLE] - NINDIR(fs);
	lastiblock[TRIPLE] = lastiblock[DOUBLE] -
	    (daddr_t)NINDIR(fs) * NINDIR(fs);

	/*
	 * Write the inode with whole subtrees cut off before freeing
	 * anything, then put the old pointers back to walk them.
	 */
	memcpy(oldblks, oip->i_e2fs_blocks, sizeof(oldblks));
	for (level = TRIPLE; level >= SINGLE; level--)
		if (lastiblock[level] < 0) {
			oip->i_e2fs_blocks[NDADDR + level] = 0;
			lastiblock[level] = -1;
		}
	for (daddr_t i = NDADDR - 1; i > lastblock; i--)
		oip->i_e2fs_blocks[i] = 0;
	oip->i_flag |= IN_CHANGE | IN_UPDATE;
	if ((error = ext2fs_update(oip, 1)) != 0)
		allerror = error;
	memcpy(newblks, oip->i_e2fs_blocks, sizeof(newblks));
	memcpy(oip->i_e2fs_blocks, oldblks, sizeof(oldblks));

	/* Cached data past the end must never be written out again. */
	ext2fs_invalbufs(ovp, lastblock + 1);

	/* Indirect blocks first, the deepest level first. */
	indir_lbn[SINGLE] = -NDADDR;
	indir_lbn[DOUBLE] = indir_lbn[SINGLE] - NINDIR(fs) - 1;
	indir_lbn[TRIPLE] = indir_lbn[DOUBLE] -
	    (daddr_t)NINDIR(fs) * NINDIR(fs) - 1;
	for (level = TRIPLE; level >= SINGLE; level--) {
		bn = oip->i_e2fs_blocks[NDADDR + level];
		if (bn != 0) {
			error = ext2fs_indirtrunc(oip, indir_lbn[level], bn,
			    lastiblock[level], level, &count);
			if (error != 0)
				allerror = error;
			blocksreleased += count;
			if (lastiblock[level] < 0) {
				oip->i_e2fs_blocks[NDADDR + level] = 0;
				ext2fs_blkfree(oip, bn);
				blocksreleased += btodb(fs->e2fs_bsize);
			}
		}
		if (lastiblock[level] >= 0)
			goto done;
	}
	/* Then the direct blocks. */
	for (daddr_t i = NDADDR - 1; i > lastblock; i--) {
		bn = oip->i_e2fs_blocks[i];
		if (bn == 0)
			continue;
		oip->i_e2fs_blocks[i] = 0;
		ext2fs_blkfree(oip, bn);
		blocksreleased += btodb(fs->e2fs_bsize);
	}

done:
#ifdef DIAGNOSTIC
	for (level = SINGLE; level <= TRIPLE; level++)
		KASSERT(newblks[NDADDR + level] ==
		    oip->i_e2fs_blocks[NDADDR + level]);
	for (int i = 0; i < NDADDR; i++)
		KASSERT(newblks[i] == oip->i_e2fs_blocks[i]);
#endif
	if (blocksreleased >= oip->i_e2fs_nblock)
		oip->i_e2fs_nblock = 0;
	else
		oip->i_e2fs_nblock -= blocksreleased;
	oip->i_e2fs_last_lblk = oip->i_e2fs_last_blk = 0;
	oip->i_flag |= IN_CHANGE;
	return allerror;
}

/*
 * ext2fs_indirtrunc: free what the indirect block at disk block dbn
 * (lbn `lbn', at `level' above the data) maps past its entry for file
 * block lastbn (relative to the block's first; -1: everything), the
 * block itself excepted.  *countp gets the sectors freed.
 * => ip's vnode locked; may sleep.
 */
static int
ext2fs_indirtrunc(struct inode *ip, daddr_t lbn, u_int32_t dbn,
    daddr_t lastbn, int level, u_int32_t *countp)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	u_int32_t *bap, *copy = nullptr, nb, blkcount, released = 0;
	daddr_t factor = 1, last, nlbn, i;
	struct buf *bp;
	int error, allerror = 0;

	*countp = 0;
	for (int l = SINGLE; l < level; l++)
		factor *= NINDIR(fs);
	last = lastbn;
	if (lastbn > 0)
		last /= factor;
	if ((error = ext2fs_indirread(ip, lbn, dbn, &bp)) != 0) {
		brelse(bp);
		return error;
	}
	bap = (u_int32_t *)bp->b_data;
	if (lastbn >= 0) {
		/* Part stays: clear the tail on the disk, walk a copy. */
		copy = (u_int32_t *)malloc(fs->e2fs_bsize, M_TEMP, M_WAITOK);
		memcpy(copy, bap, fs->e2fs_bsize);
		memset(&bap[last + 1], 0,
		    (NINDIR(fs) - (last + 1)) * sizeof(u_int32_t));
		if ((error = bwrite(bp)) != 0)
			allerror = error;
		bap = copy;
	}

	/* Whole subtrees past the last kept entry. */
	for (i = NINDIR(fs) - 1, nlbn = lbn + 1 - i * factor; i > last;
	    i--, nlbn += factor) {
		nb = bap[i];
		if (nb == 0)
			continue;
		if (!ext2fs_blkno_ok(fs, nb)) {
			printf("%s: inode %llu: bad block %u in an indirect "
			    "block\n", fs->e2fs_fsmnt,
			    (unsigned long long)ip->i_number, nb);
			allerror = EIO;
			continue;
		}
		if (level > SINGLE) {
			error = ext2fs_indirtrunc(ip, nlbn, nb, -1, level - 1,
			    &blkcount);
			if (error != 0)
				allerror = error;
			released += blkcount;
		}
		ext2fs_blkfree(ip, nb);
		released += btodb(fs->e2fs_bsize);
	}

	/* The partly kept subtree, one level down. */
	if (level > SINGLE && lastbn >= 0) {
		nb = bap[i];
		if (nb != 0 && ext2fs_blkno_ok(fs, nb)) {
			error = ext2fs_indirtrunc(ip, nlbn, nb, lastbn % factor,
			    level - 1, &blkcount);
			if (error != 0)
				allerror = error;
			released += blkcount;
		}
	}

	if (copy != nullptr) {
		free(copy, M_TEMP, fs->e2fs_bsize);
	} else {
		/* The whole block goes: forget its buffer. */
		bp->b_flags |= B_INVAL;
		brelse(bp);
	}
	*countp = released;
	return allerror;
}

/*
 * ext2fs_inactive: VOP_INACTIVE, the last reference to vp is gone.  A
 * file with no names left is freed now; any other gets its inode
 * written back if it changed.
 * => vp locked; unlocked on return.  May sleep.
 */
int
ext2fs_inactive(void *v)
{
	struct vop_inactive_args *ap = (struct vop_inactive_args *)v;
	struct vnode *vp = ap->a_vp;
	struct inode *ip = VTOI(vp);
	struct timespec ts;
	int error = 0;

	/* Not (or no longer) a file: a failed vget, or freed already. */
	if (ip == nullptr || !ufs_ihashed(ip) || ip->i_e2fs_mode == 0)
		goto out;
	if (ip->i_e2fs_nlink == 0 && !ip->i_e2fs->e2fs_ronly) {
		if (ext2fs_size(ip) != 0 || ip->i_e2fs_nblock != 0)
			error = ext2fs_truncate(ip, 0, 0, NOCRED);
		getnanotime(&ts);
		ip->i_e2fs_dtime = (u_int32_t)ts.tv_sec;
		ip->i_flag |= IN_CHANGE | IN_UPDATE | IN_MODIFIED;
		ext2fs_inode_free(ip, ip->i_number, ip->i_e2fs_mode);
		(void)ext2fs_update(ip, 0);
		/*
		 * The inode number may be given to a new file at once: this
		 * vnode must never be found for it (OpenBSD recycles the
		 * vnode at this point instead).
		 */
		ufs_ihashrem(ip);
		cache_purge(vp);
		ip->i_flag = 0;
		goto out;
	}
	if (ip->i_flag & (IN_ACCESS | IN_CHANGE | IN_MODIFIED | IN_UPDATE))
		error = ext2fs_update(ip, 0);
out:
	VOP_UNLOCK(vp);
	return error;
}

/*
 * ext2fs_reclaim: VOP_RECLAIM, vp is being reused: write the inode back
 * if it changed, take it off the hash and free it.
 * => vp not in use; may sleep.
 */
int
ext2fs_reclaim(void *v)
{
	struct vop_reclaim_args *ap = (struct vop_reclaim_args *)v;
	struct vnode *vp = ap->a_vp;
	struct inode *ip = VTOI(vp);

	if (ip == nullptr)
		return 0;
	if (ufs_ihashed(ip) &&
	    (ip->i_flag & (IN_ACCESS | IN_CHANGE | IN_MODIFIED | IN_UPDATE)))
		(void)ext2fs_update(ip, 0);
	ufs_ihashrem(ip);
	cache_purge(vp);
	if (ip->i_devvp != nullptr)
		vrele(ip->i_devvp);
	vp->v_data = nullptr;
	pool_put(&ext2fs_inode_pool, ip);
	return 0;
}
