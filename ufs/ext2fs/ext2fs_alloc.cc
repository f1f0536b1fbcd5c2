/*
 * ext2fs_alloc.cc: allocating and freeing blocks and inodes.
 *
 * Each block group has a block bitmap and an inode bitmap, one bit per
 * block (inode) of the group, set when it is in use.  Allocating is
 * finding a clear bit and setting it; freeing is clearing it.  Three
 * counters must move with every bit, or e2fsck complains ("Free blocks
 * count wrong for group #3"): the group descriptor's free count
 * (ext2bgd_nbfree, ext2bgd_nifree), the superblock's total
 * (e2fs_fbcount, e2fs_ficount), and for inodes of directories the
 * group's ext2bgd_ndirs.  The bitmap block goes back with a delayed
 * write; the descriptors and the superblock are marked modified
 * (e2fs_fmod) and written by ext2fs_sync and at unmount.
 *
 * Where to allocate is the interesting part, as in FFS:
 *  - a file's inode goes into its directory's group, a new directory's
 *    into a group with more free inodes than average and the most free
 *    blocks (ext2fs_dirpref), which spreads directories over the disk;
 *  - a data block goes right after the file's previous block when it
 *    can (ext2fs_blkpref), else near the blocks around it, else at the
 *    start of the inode's group; within the group the allocator prefers
 *    the wanted block, then the start of a free run of 8 (a whole free
 *    byte of the bitmap), then any free block;
 *  - if the group is full, ext2fs_hashalloc tries others: a quadratic
 *    rehash first, then every group in turn.
 * Mirrors OpenBSD's sys/ufs/ext2fs/ext2fs_alloc.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/vnode.h>

#include <ufs/ufs/inode.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs.h>
#include <ufs/ext2fs/ext2fs_dinode.h>
#include <ufs/ext2fs/ext2fs_extern.h>

#define NBBY	8

static inline bool
isset(const u_char *map, u_int32_t i)
{
	return map[i / NBBY] & (1 << (i % NBBY));
}

static inline void
setbit(u_char *map, u_int32_t i)
{
	map[i / NBBY] |= 1 << (i % NBBY);
}

static inline void
clrbit(u_char *map, u_int32_t i)
{
	map[i / NBBY] &= ~(1 << (i % NBBY));
}

typedef u_int32_t (*allocfn)(struct inode *, int cg, u_int32_t pref,
    int mode);

static u_int32_t ext2fs_alloccg(struct inode *, int, u_int32_t, int);
static u_int32_t ext2fs_nodealloccg(struct inode *, int, u_int32_t, int);
static u_int32_t ext2fs_hashalloc(struct inode *, int, u_int32_t, int,
    allocfn);
static int	ext2fs_dirpref(struct m_ext2fs *);
static u_int32_t ext2fs_mapsearch(struct m_ext2fs *, u_char *, u_int32_t,
    u_int32_t);
static u_int32_t ext2fs_ingroup(struct m_ext2fs *, int cg);
static u_int32_t ext2fs_gen;	/* the last generation number given */

/*
 * ext2fs_alloc: a new block for block lbn of ip's file, near bpref
 * (0: anywhere near the inode).  i_blocks grows by the block.
 * => ip's vnode locked; may sleep (reading a bitmap).
 * => 0 and *bnp, or ENOSPC (root may use the reserved blocks, no one
 *    else) with a message.
 */
int
ext2fs_alloc(struct inode *ip, u_int32_t /* lbn */, u_int32_t bpref,
    struct ucred *cred, u_int32_t *bnp)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	u_int32_t bno;
	int cg;

	*bnp = 0;
	if (fs->e2fs.e2fs_fbcount == 0)
		goto nospace;
	if (!ext2fs_cred_root(cred) && freespace(fs) <= 0)
		goto nospace;
	if (bpref >= fs->e2fs.e2fs_bcount || bpref < fs->e2fs.e2fs_first_dblock)
		bpref = 0;
	cg = bpref == 0 ? ino_to_cg(fs, ip->i_number) : dtog(fs, bpref);
	bno = ext2fs_hashalloc(ip, cg, bpref, fs->e2fs_bsize, ext2fs_alloccg);
	if (bno == 0)
		goto nospace;
	ip->i_e2fs_nblock += btodb(fs->e2fs_bsize);
	ip->i_flag |= IN_CHANGE | IN_UPDATE;
	*bnp = bno;
	return 0;

nospace:
	ext2fs_fserr(fs, cred == NOCRED || cred == FSCRED ? 0 : cred->cr_uid,
	    "file system full");
	return ENOSPC;
}

/*
 * ext2fs_inode_alloc: a new inode of the given mode for a file in the
 * directory pip.  The inode is cleared and given a generation number;
 * the caller fills in the rest (ext2fs_makeinode).
 * => pip's vnode locked; may sleep.
 * => 0 and *vpp, the new inode's vnode, referenced and locked; or
 *    ENOSPC (no free inode) or an I/O error.
 */
int
ext2fs_inode_alloc(struct inode *pip, mode_t mode, struct ucred *cred,
    struct vnode **vpp)
{
	struct m_ext2fs *fs = pip->i_e2fs;
	struct vnode *vp;
	struct inode *ip;
	u_int32_t ino;
	int cg, error;

	*vpp = nullptr;
	if (fs->e2fs.e2fs_ficount == 0)
		goto noinodes;
	if ((mode & S_IFMT) == S_IFDIR)
		cg = ext2fs_dirpref(fs);
	else
		cg = ino_to_cg(fs, pip->i_number);
	ino = ext2fs_hashalloc(pip, cg, 0, mode, ext2fs_nodealloccg);
	if (ino == 0)
		goto noinodes;
	if ((error = ext2fs_vget(ITOV(pip)->v_mount, ino, &vp)) != 0) {
		ext2fs_inode_free(pip, ino, mode);
		return error;
	}
	if ((error = vn_lock(vp, LK_EXCLUSIVE)) != 0) {
		vrele(vp);
		ext2fs_inode_free(pip, ino, mode);
		return error;
	}
	ip = VTOI(vp);
	if (ip->i_e2fs_mode != 0 && ip->i_e2fs_nlink != 0) {
		/* The bitmap said free, the inode says in use. */
		printf("%s: inode %u allocated twice (mode 0%o, nlink %u): "
		    "the inode bitmap is damaged\n", fs->e2fs_fsmnt, ino,
		    ip->i_e2fs_mode, ip->i_e2fs_nlink);
		vput(vp);
		return EIO;
	}
	/*
	 * Clear what the last file of this number left: our copy, and on
	 * the disk the large inode's tail, where its extended attributes
	 * were (ext2fs_update writes only the fields we know).
	 */
	memset(ip->i_e2din, 0, sizeof(*ip->i_e2din));
	if (fs->e2fs_isize > EXT2_REV0_DINODE_SIZE) {
		struct buf *bp;
		error = bread(ip->i_devvp, fsbtodb(fs, ino_to_fsba(fs, ino)),
		    fs->e2fs_bsize, &bp);
		if (error != 0) {
			brelse(bp);
			vput(vp);
			return error;
		}
		memset((char *)bp->b_data + ino_to_fsbo(fs, ino) *
		    fs->e2fs_isize + EXT2_REV0_DINODE_SIZE, 0,
		    fs->e2fs_isize - EXT2_REV0_DINODE_SIZE);
		bdwrite(bp);
	}
	if (fs->e2fs_isize >= EXT2_REV0_DINODE_SIZE + EXT2_EXTRA_ISIZE_USED)
		ip->i_e2din->e2di_extra_isize = EXT2_EXTRA_ISIZE_USED;
	if (++ext2fs_gen < (u_int32_t)time_second)
		ext2fs_gen = (u_int32_t)time_second;
	ip->i_e2fs_gen = ext2fs_gen;
	ip->i_e2fs_last_lblk = ip->i_e2fs_last_blk = 0;
	ip->i_flag |= IN_MODIFIED;
	*vpp = vp;
	return 0;

noinodes:
	ext2fs_fserr(fs, cred == NOCRED || cred == FSCRED ? 0 : cred->cr_uid,
	    "out of inodes");
	return ENOSPC;
}

/*
 * ext2fs_dirpref: the group for a new directory: among the groups with
 * at least the average number of free inodes, the one with the most
 * free blocks.
 */
static int
ext2fs_dirpref(struct m_ext2fs *fs)
{
	u_int32_t avgifree = fs->e2fs.e2fs_ficount / fs->e2fs_ncg;
	u_int32_t maxspace = 0;
	int mincg = -1;

	for (int cg = 0; cg < fs->e2fs_ncg; cg++)
		if (fs->e2fs_gd[cg].ext2bgd_nifree >= avgifree &&
		    (mincg == -1 || fs->e2fs_gd[cg].ext2bgd_nbfree > maxspace)) {
			mincg = cg;
			maxspace = fs->e2fs_gd[cg].ext2bgd_nbfree;
		}
	return mincg == -1 ? 0 : mincg;
}

/*
 * ext2fs_blkpref: where block lbn of ip's file would best go.  bap, if
 * not null, is the indirect block (or inode array) that will point at
 * it, indx its slot: stay close to the blocks before it.
 * => never fails; 0 is never returned for a file system with blocks.
 */
u_int32_t
ext2fs_blkpref(struct inode *ip, u_int32_t lbn, int indx, u_int32_t *bap)
{
	struct m_ext2fs *fs = ip->i_e2fs;

	/* Writing sequentially: right after the last block we gave. */
	if (ip->i_e2fs_last_blk != 0 && lbn == ip->i_e2fs_last_lblk + 1)
		return ip->i_e2fs_last_blk + 1;
	if (bap != nullptr)
		for (int i = indx; i >= 0; i--)
			if (bap[i] != 0)
				return bap[i] + 1;
	/* The first block of the inode's group. */
	return fs->e2fs.e2fs_first_dblock +
	    ino_to_cg(fs, ip->i_number) * fs->e2fs.e2fs_bpg;
}

/*
 * ext2fs_hashalloc: run allocator in group cg; if it finds nothing, in
 * the groups cg + 1, cg + 3, cg + 7, ... (quadratic rehash), then in
 * every group from cg + 2 on.  Returns what the allocator returned, or
 * 0 if no group could serve.
 */
static u_int32_t
ext2fs_hashalloc(struct inode *ip, int cg, u_int32_t pref, int size,
    allocfn allocator)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	u_int32_t result;
	int icg = cg;

	if ((result = allocator(ip, cg, pref, size)) != 0)
		return result;
	for (int i = 1; i < fs->e2fs_ncg; i *= 2) {
		cg += i;
		if (cg >= fs->e2fs_ncg)
			cg -= fs->e2fs_ncg;
		if ((result = allocator(ip, cg, 0, size)) != 0)
			return result;
	}
	cg = (icg + 2) % fs->e2fs_ncg;
	for (int i = 2; i < fs->e2fs_ncg; i++) {
		if ((result = allocator(ip, cg, 0, size)) != 0)
			return result;
		if (++cg == fs->e2fs_ncg)
			cg = 0;
	}
	return 0;
}

/* The number of blocks in group cg (the last one may be short). */
static u_int32_t
ext2fs_ingroup(struct m_ext2fs *fs, int cg)
{
	u_int32_t start = fs->e2fs.e2fs_first_dblock + cg * fs->e2fs.e2fs_bpg;
	u_int32_t left = fs->e2fs.e2fs_bcount - start;

	return MIN(left, fs->e2fs.e2fs_bpg);
}

/*
 * Read group cg's bitmap block bno, checking that the descriptor names
 * a block of the disk.  => as bread; *bpp the caller's.
 */
static int
ext2fs_readmap(struct inode *ip, u_int32_t bno, struct buf **bpp)
{
	struct m_ext2fs *fs = ip->i_e2fs;

	*bpp = nullptr;
	if (!ext2fs_blkno_ok(fs, bno)) {
		printf("%s: bitmap block %u beyond the disk\n",
		    fs->e2fs_fsmnt, bno);
		return EIO;
	}
	return bread(ip->i_devvp, fsbtodb(fs, bno), fs->e2fs_bsize, bpp);
}

/*
 * ext2fs_alloccg: a free block in group cg, bpref if it is free, else
 * the start of a free byte's run, else the first free one; taken and
 * counted.  Returns the block number, 0 if the group has none (or its
 * bitmap could not be read).
 */
static u_int32_t
ext2fs_alloccg(struct inode *ip, int cg, u_int32_t bpref, int)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	struct ext2_gd *gd = &fs->e2fs_gd[cg];
	u_int32_t nbits = ext2fs_ingroup(fs, cg), bno = ~0u, start;
	struct buf *bp;
	u_char *bbp;

	if (gd->ext2bgd_nbfree == 0)
		return 0;
	if (ext2fs_readmap(ip, gd->ext2bgd_b_bitmap, &bp) != 0) {
		if (bp != nullptr)
			brelse(bp);
		return 0;
	}
	bbp = (u_char *)bp->b_data;
	if (bpref != 0 && (int)dtog(fs, bpref) == cg) {
		bpref = dtogd(fs, bpref);
		if (bpref < nbits && !isset(bbp, bpref)) {
			bno = bpref;
			goto gotit;
		}
	} else
		bpref = 0;

	/*
	 * No luck: look for a whole free byte (eight free blocks in a row,
	 * room for the file to grow into) from bpref on, then from the
	 * start; else take any free bit.
	 */
	start = bpref / NBBY;
	if (start >= nbits / NBBY)
		start = 0;
	for (u_int32_t i = start, n = 0; n < nbits / NBBY; n++) {
		if (bbp[i] == 0) {
			bno = i * NBBY;
			goto gotit;
		}
		if (++i >= nbits / NBBY)
			i = 0;
	}
	bno = ext2fs_mapsearch(fs, bbp, bpref, nbits);
	if (bno == ~0u) {
		/* The descriptor said there was one: it is wrong. */
		printf("%s: group %d: free count %u but no free block\n",
		    fs->e2fs_fsmnt, cg, gd->ext2bgd_nbfree);
		brelse(bp);
		return 0;
	}
gotit:
	setbit(bbp, bno);
	gd->ext2bgd_nbfree--;
	fs->e2fs.e2fs_fbcount--;
	fs->e2fs_fmod = 1;
	bdwrite(bp);
	return fs->e2fs.e2fs_first_dblock + cg * fs->e2fs.e2fs_bpg + bno;
}

/*
 * ext2fs_nodealloccg: a free inode in group cg, ipref's if it is free,
 * else the first free one after it; taken and counted (directories in
 * ext2bgd_ndirs too).  Returns the inode number, 0 if none.
 */
static u_int32_t
ext2fs_nodealloccg(struct inode *ip, int cg, u_int32_t ipref, int mode)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	struct ext2_gd *gd = &fs->e2fs_gd[cg];
	u_int32_t ipg = fs->e2fs.e2fs_ipg, bit;
	struct buf *bp;
	u_char *ibp;

	if (gd->ext2bgd_nifree == 0)
		return 0;
	if (ext2fs_readmap(ip, gd->ext2bgd_i_bitmap, &bp) != 0) {
		if (bp != nullptr)
			brelse(bp);
		return 0;
	}
	ibp = (u_char *)bp->b_data;
	ipref = ipref != 0 ? (ipref - 1) % ipg : 0;
	bit = ext2fs_mapsearch(fs, ibp, ipref, ipg);
	if (bit == ~0u) {
		printf("%s: group %d: free inode count %u but no free inode\n",
		    fs->e2fs_fsmnt, cg, gd->ext2bgd_nifree);
		brelse(bp);
		return 0;
	}
	setbit(ibp, bit);
	gd->ext2bgd_nifree--;
	fs->e2fs.e2fs_ficount--;
	if ((mode & S_IFMT) == S_IFDIR)
		gd->ext2bgd_ndirs++;
	fs->e2fs_fmod = 1;
	bdwrite(bp);
	return cg * ipg + bit + 1;
}

/*
 * ext2fs_mapsearch: the first clear bit of map at or after start (then
 * from 0), among the first nbits; ~0 if there is none.
 */
static u_int32_t
ext2fs_mapsearch(struct m_ext2fs *, u_char *map, u_int32_t start,
    u_int32_t nbits)
{
	if (start >= nbits)
		start = 0;
	for (u_int32_t n = 0, i = start; n < nbits; n++) {
		if (map[i / NBBY] != 0xff && !isset(map, i))
			return i;
		if (++i == nbits)
			i = 0;
	}
	return ~0u;
}

/*
 * ext2fs_blkfree: give block bno back.  A block outside the file
 * system, or one already free, is reported and left alone: the disk is
 * damaged and freeing it would make matters worse.
 * => a vnode of the file system locked; may sleep.
 */
void
ext2fs_blkfree(struct inode *ip, u_int32_t bno)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	struct buf *bp;
	int cg;

	if (!ext2fs_blkno_ok(fs, bno)) {
		printf("%s: inode %llu: freeing bad block %u\n",
		    fs->e2fs_fsmnt, (unsigned long long)ip->i_number, bno);
		return;
	}
	cg = dtog(fs, bno);
	if (ext2fs_readmap(ip, fs->e2fs_gd[cg].ext2bgd_b_bitmap, &bp) != 0) {
		if (bp != nullptr)
			brelse(bp);
		return;
	}
	u_int32_t bit = dtogd(fs, bno);
	if (!isset((u_char *)bp->b_data, bit)) {
		printf("%s: inode %llu: freeing free block %u\n",
		    fs->e2fs_fsmnt, (unsigned long long)ip->i_number, bno);
		brelse(bp);
		return;
	}
	clrbit((u_char *)bp->b_data, bit);
	fs->e2fs_gd[cg].ext2bgd_nbfree++;
	fs->e2fs.e2fs_fbcount++;
	fs->e2fs_fmod = 1;
	bdwrite(bp);
}

/*
 * ext2fs_inode_free: give inode ino back; mode says whether it was a
 * directory (ext2bgd_ndirs).  Errors as in ext2fs_blkfree.
 * => a vnode of the file system (pip's) locked; may sleep.
 */
void
ext2fs_inode_free(struct inode *pip, ino_t ino, mode_t mode)
{
	struct m_ext2fs *fs = pip->i_e2fs;
	struct buf *bp;

	if (ino < 1 || ino > fs->e2fs.e2fs_icount) {
		printf("%s: freeing bad inode %llu\n", fs->e2fs_fsmnt,
		    (unsigned long long)ino);
		return;
	}
	int cg = ino_to_cg(fs, ino);
	if (ext2fs_readmap(pip, fs->e2fs_gd[cg].ext2bgd_i_bitmap, &bp) != 0) {
		if (bp != nullptr)
			brelse(bp);
		return;
	}
	u_int32_t bit = (ino - 1) % fs->e2fs.e2fs_ipg;
	if (!isset((u_char *)bp->b_data, bit)) {
		printf("%s: freeing free inode %llu\n", fs->e2fs_fsmnt,
		    (unsigned long long)ino);
		brelse(bp);
		return;
	}
	clrbit((u_char *)bp->b_data, bit);
	fs->e2fs_gd[cg].ext2bgd_nifree++;
	fs->e2fs.e2fs_ficount++;
	if ((mode & S_IFMT) == S_IFDIR && fs->e2fs_gd[cg].ext2bgd_ndirs > 0)
		fs->e2fs_gd[cg].ext2bgd_ndirs--;
	fs->e2fs_fmod = 1;
	bdwrite(bp);
}
