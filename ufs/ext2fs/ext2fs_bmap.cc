/*
 * ext2fs_bmap.cc: from a block of a file to a block of the disk.
 *
 * A file's block n is found through the inode's fifteen block numbers
 * (ufs/ext2fs/ext2fs_dinode.h): directly for n < 12, else through one,
 * two or three indirect blocks, each an array of NINDIR block numbers.
 * With N = NINDIR:
 *
 *   i_block[12] -> [ N numbers ]                       blocks 12 .. 12+N-1
 *   i_block[13] -> [ N ] -> [ N numbers ]              the next N*N
 *   i_block[14] -> [ N ] -> [ N ] -> [ N numbers ]     the next N*N*N
 *
 * ext2fs_getlbns works out the path: which slot of the inode, then
 * which slot of each indirect block to follow.  Indirect blocks are
 * cached in the buffer cache on the file's own vnode, as FFS does, under
 * negative logical block numbers, so that fsync and truncation find
 * them with the file's data.  The indirect block at level l (1 = it
 * holds data block numbers) whose first data block is `start' is
 * cached as block -(start + l - 1): unique, because every such start
 * is 12 plus a multiple of N and l - 1 < 3 < N.
 *
 * ext2fs_bmaparray walks the path, reading the indirect blocks, and
 * checks every block number it meets against the size of the disk: a
 * damaged indirect block fails the read with EIO and a message.  A 0
 * anywhere on the path is a hole.  VOP_BMAP and VOP_STRATEGY use it.
 * Mirrors OpenBSD's sys/ufs/ext2fs/ext2fs_bmap.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/mount.h>
#include <sys/vnode.h>

#include <ufs/ufs/inode.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs.h>
#include <ufs/ext2fs/ext2fs_dinode.h>
#include <ufs/ext2fs/ext2fs_extern.h>

/*
 * ext2fs_getlbns: the path to data block bn (bn >= 0).  ap[0].in_off is
 * the slot of the inode's e2di_blocks to start from and ap[0].in_lbn the
 * top indirect block's lbn; ap[i], i >= 1, names an indirect block
 * (in_lbn) and the slot in it to follow (in_off).  *nump is the number
 * of entries: 0 for a direct block, else levels + 1.
 * => EFBIG if bn lies beyond the triple indirect block.
 */
int
ext2fs_getlbns(struct inode *ip, daddr_t bn, struct indir *ap, int *nump)
{
	const daddr_t n = NINDIR(ip->i_e2fs);
	daddr_t first = NDADDR, b = bn - NDADDR, blockcnt = n;
	int level = 1;

	*nump = 0;
	if (bn < 0)
		return EINVAL;
	if (bn < NDADDR)
		return 0;
	/* Which region: single, double or triple indirect. */
	while (b >= blockcnt) {
		b -= blockcnt;
		first += blockcnt;
		blockcnt *= n;
		if (++level > NIADDR)
			return EFBIG;
	}
	/* blockcnt is now n^level: what the top block covers. */
	ap[0].in_lbn = -(first + level - 1);
	ap[0].in_off = NDADDR + level - 1;
	for (int l = level, i = 1; l >= 1; l--, i++) {
		daddr_t below = blockcnt / n;		/* n^(l - 1) */
		daddr_t start = first + (b / blockcnt) * blockcnt;
		ap[i].in_lbn = -(start + l - 1);
		ap[i].in_off = (b / below) % n;
		blockcnt = below;
	}
	*nump = level + 1;
	return 0;
}

/*
 * ext2fs_indirread: the indirect block metalbn of ip's file, which lies
 * at disk block addr (found in its parent).  The address is set before
 * the read, so the read needs no bmap.  Allocation and truncation
 * (ext2fs_balloc.cc, ext2fs_inode.cc) read indirect blocks with it too.
 * => ip's vnode locked; may sleep.  *bpp is the caller's (brelse), also
 *    after an error.
 */
int
ext2fs_indirread(struct inode *ip, daddr_t metalbn, u_int32_t addr,
    struct buf **bpp)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	struct vnode *vp = ITOV(ip);
	struct buf *bp = getblk(vp, metalbn, fs->e2fs_bsize, 0, 0);

	*bpp = bp;
	if (bp->b_flags & (B_DONE | B_DELWRI))
		return 0;
	bp->b_blkno = fsbtodb(fs, addr);
	bp->b_flags |= B_READ;
	bp->b_flags &= ~(B_DONE | B_ERROR | B_INVAL);
	bp->b_error = 0;
	if (VOP_STRATEGY(vp, bp) != 0 && !(bp->b_flags & B_DONE)) {
		bp->b_flags |= B_ERROR;
		bp->b_error = EIO;
		biodone(bp);
	}
	return biowait(bp);
}

/*
 * A block number found on the way must be 0 (a hole) or on the disk.
 */
static int
ext2fs_checkptr(struct inode *ip, u_int32_t bno)
{
	if (bno == 0 || ext2fs_blkno_ok(ip->i_e2fs, bno))
		return 0;
	printf("%s: inode %llu: block %u beyond the disk in an indirect "
	    "block\n", ip->i_e2fs->e2fs_fsmnt,
	    (unsigned long long)ip->i_number, bno);
	return EIO;
}

/*
 * ext2fs_bmaparray: the file system block holding ip's block bn, or 0
 * for a hole.  bn may also be the (negative) lbn of one of the file's
 * indirect blocks: then its disk block.
 * => ip's vnode locked; may sleep (reading indirect blocks).
 * => 0, EIO for a damaged file, EFBIG past the largest file.
 */
int
ext2fs_bmaparray(struct inode *ip, daddr_t bn, u_int32_t *bnp)
{
	struct indir a[NIADDR + 1];
	daddr_t target = bn;
	int num, error;

	*bnp = 0;
	if (bn < 0) {
		/* An indirect block: find its level and first data block. */
		daddr_t v = -bn, n = NINDIR(ip->i_e2fs);
		if (v < NDADDR)
			return EINVAL;
		bn = v - (v - NDADDR) % n;
	}
	if ((error = ext2fs_getlbns(ip, bn, a, &num)) != 0)
		return error;
	if (num == 0) {
		*bnp = ip->i_e2fs_blocks[bn];
		return ext2fs_checkptr(ip, *bnp);
	}
	u_int32_t daddr = ip->i_e2fs_blocks[a[0].in_off];
	if ((error = ext2fs_checkptr(ip, daddr)) != 0)
		return error;
	for (int i = 1; i < num && daddr != 0; i++) {
		if (a[i].in_lbn == target)
			break;		/* the indirect block itself */
		struct buf *bp;
		error = ext2fs_indirread(ip, a[i].in_lbn, daddr, &bp);
		if (error != 0) {
			brelse(bp);
			return error;
		}
		daddr = ((u_int32_t *)bp->b_data)[a[i].in_off];
		brelse(bp);
		if ((error = ext2fs_checkptr(ip, daddr)) != 0)
			return error;
	}
	*bnp = daddr;
	return 0;
}

/*
 * ext2fs_bmap: VOP_BMAP.  The device's vnode and the DEV_BSIZE block
 * holding the file's block a_bn; -1 for a hole.  No read-ahead runs.
 */
int
ext2fs_bmap(void *v)
{
	struct vop_bmap_args *ap = (struct vop_bmap_args *)v;
	struct inode *ip = VTOI(ap->a_vp);
	u_int32_t bno;
	int error;

	if (ap->a_vpp != nullptr)
		*ap->a_vpp = ip->i_devvp;
	if (ap->a_runp != nullptr)
		*ap->a_runp = 0;
	if (ap->a_bnp == nullptr)
		return 0;
	if ((error = ext2fs_bmaparray(ip, ap->a_bn, &bno)) != 0)
		return error;
	*ap->a_bnp = bno == 0 ? -1 : fsbtodb(ip->i_e2fs, bno);
	return 0;
}
