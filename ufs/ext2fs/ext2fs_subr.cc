/*
 * ext2fs_subr.cc: small pieces the rest of ext2 shares.
 *
 *  - ext2fs_bufatoff: the buffer holding a byte of a file (directories
 *    are read this way, a block at a time);
 *  - ext2fs_vinit: give a freshly read vnode its type and, for device
 *    files, the specfs operations and the device alias chain;
 *  - ext2fs_dinode_check and ext2fs_blkno_ok: the sanity checks that
 *    keep a damaged disk from steering the kernel into a panic: a
 *    block number beyond the disk or an inode of a kind we cannot read
 *    makes the operation fail with EIO or EFTYPE and a message instead;
 *  - owners and times: ext2 keeps 16-bit owner halves and, in inodes of
 *    more than 128 bytes, nanoseconds in the "extra" fields;
 *  - ext2fs_invalbufs: forget cached data blocks past a truncation.
 *
 * Mirrors OpenBSD's sys/ufs/ext2fs/ext2fs_subr.c, plus the checks.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/errno.h>
#include <sys/mount.h>
#include <sys/specdev.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/vnode.h>
#include <machine/intr.h>

#include <ufs/ufs/inode.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs.h>
#include <ufs/ext2fs/ext2fs_dinode.h>
#include <ufs/ext2fs/ext2fs_extern.h>

/*
 * ext2fs_bufatoff: read the block of ip's file holding byte offset;
 * *res points at that byte in it, *bpp is the buffer (busy: brelse it).
 * => ip's vnode locked; may sleep.  On error nothing is held.
 */
int
ext2fs_bufatoff(struct inode *ip, off_t offset, char **res, struct buf **bpp)
{
	struct m_ext2fs *fs = ip->i_e2fs;
	struct buf *bp = nullptr;
	int error;

	*bpp = nullptr;
	error = bread(ITOV(ip), lblkno(fs, offset), fs->e2fs_bsize, &bp);
	if (error != 0) {
		if (bp != nullptr)
			brelse(bp);
		return error;
	}
	if (res != nullptr)
		*res = (char *)bp->b_data + blkoff(fs, offset);
	*bpp = bp;
	return 0;
}

/* The vnode type of an inode's mode. */
static enum vtype
ext2fs_iftovt(u_int16_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: return VREG;
	case S_IFDIR: return VDIR;
	case S_IFLNK: return VLNK;
	case S_IFCHR: return VCHR;
	case S_IFBLK: return VBLK;
	case S_IFIFO: return VFIFO;
	case S_IFSOCK: return VSOCK;
	default: return VNON;
	}
}

/*
 * A device file's number.  Linux writes (major << 8 | minor) into
 * i_block[0] when both fit in a byte, else 0 there and its "new"
 * encoding in i_block[1]; we read and write both forms.
 */
static dev_t
ext2fs_getrdev(struct inode *ip)
{
	u_int32_t old = ip->i_e2fs_blocks[0], nw = ip->i_e2fs_blocks[1];

	if (old != 0)
		return makedev((old >> 8) & 0xff, old & 0xff);
	return makedev((nw >> 8) & 0xfff, (nw & 0xff) | ((nw >> 12) & 0xfff00));
}

/*
 * ext2fs_vinit: set up vp (*vpp) for the inode just read into it: its
 * type, and for device files the specfs table and the device's alias
 * chain (checkalias may hand back an older vnode of the same device to
 * use instead, which then takes over the inode).
 * => *vpp referenced; may sleep.
 */
int
ext2fs_vinit(struct mount *mp, struct vnode **vpp)
{
	struct vnode *vp = *vpp, *nvp;
	struct inode *ip = VTOI(vp);

	vp->v_type = ext2fs_iftovt(ip->i_e2fs_mode);
	if ((vp->v_type == VCHR || vp->v_type == VBLK) &&
	    vp->v_specinfo == nullptr) {
		vp->v_op = &ext2fs_specvops;
		nvp = checkalias(vp, ext2fs_getrdev(ip), mp);
		if (nvp != nullptr) {
			/* An older vnode names the device: it gets ip. */
			nvp->v_data = vp->v_data;
			vp->v_data = nullptr;
			vp->v_op = &spec_vops;
			vrele(vp);
			vgone(vp);
			vp = nvp;
			ip->i_vnode = vp;
		}
	}
	if (ip->i_number == EXT2_ROOTINO)
		vp->v_flag |= VROOT;
	*vpp = vp;
	return 0;
}

/* ext2fs_blkno_ok: could bno be a block of this file system? */
bool
ext2fs_blkno_ok(struct m_ext2fs *fs, u_int32_t bno)
{
	return bno >= fs->e2fs.e2fs_first_dblock && bno < fs->e2fs.e2fs_bcount;
}

/*
 * ext2fs_dinode_check: is the on-disk inode dp, just read for inode ino,
 * one we can use?  A damaged or hostile disk must not make the kernel
 * read or write outside the file system.
 * => 0, EFTYPE for inodes of features we lack (extents, inline data),
 *    EIO for nonsense; a message either way.
 */
int
ext2fs_dinode_check(struct m_ext2fs *fs, ino_t ino, struct ext2fs_dinode *dp)
{
	u_int16_t type = dp->e2di_mode & S_IFMT;
	const char *why = nullptr;
	int error = EIO;

	/* A free inode is whatever it is: it will be cleared before use. */
	if (dp->e2di_mode == 0 || (dp->e2di_nlink == 0 && dp->e2di_dtime != 0))
		return 0;
	if (ext2fs_iftovt(dp->e2di_mode) == VNON) {
		why = "bad file type";
	} else if (dp->e2di_flags & (EXT4_EXTENTS | EXT4_INLINE_DATA)) {
		why = "extents or inline data (ext4)";
		error = EFTYPE;
	} else if (type == S_IFREG || type == S_IFDIR ||
	    (type == S_IFLNK && (dp->e2di_nblock != 0 ||
	    dp->e2di_size >= EXT2_MAXSYMLINKLEN))) {
		for (int i = 0; i < NDADDR + NIADDR && why == nullptr; i++)
			if (dp->e2di_blocks[i] != 0 &&
			    !ext2fs_blkno_ok(fs, dp->e2di_blocks[i]))
				why = "block number beyond the disk";
	}
	if (why == nullptr)
		return 0;
	printf("%s: inode %llu: %s\n", fs->e2fs_fsmnt,
	    (unsigned long long)ino, why);
	return error;
}

/* ext2fs_fserr: report a file system problem of uid's (a full disk). */
void
ext2fs_fserr(struct m_ext2fs *fs, uid_t uid, const char *cp)
{
	printf("uid %u on %s: %s\n", (unsigned)uid, fs->e2fs_fsmnt, cp);
}

/* ext2fs_cred_root: does cred act as root?  (The kernel's own do.) */
bool
ext2fs_cred_root(struct ucred *cred)
{
	return cred == NOCRED || cred == FSCRED || cred->cr_uid == 0;
}

/* Owners: 16 bits in the inode, 16 more in the Linux-specific part. */
uid_t
ext2fs_uid(struct inode *ip)
{
	return ip->i_e2fs_uid | ((uid_t)ip->i_e2fs_uid_high << 16);
}

gid_t
ext2fs_gid(struct inode *ip)
{
	return ip->i_e2fs_gid | ((gid_t)ip->i_e2fs_gid_high << 16);
}

void
ext2fs_set_uid(struct inode *ip, uid_t uid)
{
	ip->i_e2fs_uid = uid & 0xffff;
	ip->i_e2fs_uid_high = uid >> 16;
}

void
ext2fs_set_gid(struct inode *ip, gid_t gid)
{
	ip->i_e2fs_gid = gid & 0xffff;
	ip->i_e2fs_gid_high = gid >> 16;
}

/*
 * Where each time lives: the seconds in the classic inode, the
 * nanoseconds (and two more bits of seconds) in the extra fields of a
 * large inode, when its e2di_extra_isize says they are there.
 */
static void
ext2fs_timefields(struct inode *ip, int which, u_int32_t **sec,
    u_int32_t **extra)
{
	struct ext2fs_dinode *dp = ip->i_e2din;
	size_t end;

	switch (which) {
	case EXT2_ATIME:
		*sec = &dp->e2di_atime;
		*extra = &dp->e2di_atime_extra;
		break;
	case EXT2_MTIME:
		*sec = &dp->e2di_mtime;
		*extra = &dp->e2di_mtime_extra;
		break;
	case EXT2_CTIME:
		*sec = &dp->e2di_ctime;
		*extra = &dp->e2di_ctime_extra;
		break;
	default:
		*sec = &dp->e2di_crtime;
		*extra = &dp->e2di_crtime_extra;
		break;
	}
	end = (char *)*extra + sizeof(u_int32_t) - (char *)dp;
	if (ip->i_e2fs->e2fs_isize <= EXT2_REV0_DINODE_SIZE ||
	    EXT2_REV0_DINODE_SIZE + (size_t)dp->e2di_extra_isize < end)
		*extra = nullptr;
	if (which == EXT2_CRTIME && *extra == nullptr)
		*sec = nullptr;
}

/* ext2fs_gettime: one of ip's times (EXT2_ATIME, ...). */
void
ext2fs_gettime(struct inode *ip, int which, struct timespec *ts)
{
	u_int32_t *sec, *extra;

	ext2fs_timefields(ip, which, &sec, &extra);
	ts->tv_sec = sec != nullptr ? (int32_t)*sec : 0;
	ts->tv_nsec = 0;
	if (extra != nullptr) {
		ts->tv_sec += (time_t)(*extra & 3) << 32;
		ts->tv_nsec = *extra >> 2;
	}
}

/* ext2fs_settime: set one of ip's times (the caller marks IN_MODIFIED). */
void
ext2fs_settime(struct inode *ip, int which, const struct timespec *ts)
{
	u_int32_t *sec, *extra;

	ext2fs_timefields(ip, which, &sec, &extra);
	if (sec == nullptr)
		return;
	*sec = (u_int32_t)ts->tv_sec;
	if (extra != nullptr)
		*extra = ((u_int32_t)ts->tv_nsec << 2) |
		    ((u_int32_t)((ts->tv_sec - (int32_t)ts->tv_sec) >> 32) & 3);
}

/*
 * ext2fs_invalbufs: throw away vp's cached data blocks from logical
 * block `from' on, dirty or not: a truncation freed the disk blocks
 * they would be written to, and another file may own them next.
 * => vp locked; may sleep (waiting for a busy buffer).
 */
void
ext2fs_invalbufs(struct vnode *vp, daddr_t from)
{
	struct buf *bp, *nbp;
	int s;

loop:
	s = splbio();
	nbp = nullptr;
	for (bp = vp->v_cleanblkhd.first(); bp != nullptr && nbp == nullptr;
	    bp = buflists::next(bp))
		if (bp->b_lblkno >= from)
			nbp = bp;
	for (bp = vp->v_dirtyblkhd.first(); bp != nullptr && nbp == nullptr;
	    bp = buflists::next(bp))
		if (bp->b_lblkno >= from)
			nbp = bp;
	splx(s);
	if (nbp == nullptr)
		return;
	/* getblk waits if it is busy and hands it to us. */
	bp = getblk(vp, nbp->b_lblkno, nbp->b_bcount, 0, 0);
	bp->b_flags |= B_INVAL;		/* brelse drops B_DELWRI too */
	brelse(bp);
	goto loop;
}
