/*
 * ext2fs_lookup.cc: directories: finding a name (lookup), listing them
 * (readdir), and entering, rewriting and removing names.
 *
 * A directory's blocks hold variable-length entries (ext2fs_dir.h).
 * Every operation here reads the directory a block at a time through
 * the buffer cache of the directory's vnode and walks the entries of
 * each block by their e2d_reclen.  Each entry is checked before it is
 * believed (ext2fs_dirbadentry): an entry whose length runs past its
 * block, or which names an inode the file system does not have, fails
 * the operation with EIO and a message naming the directory and the
 * offset, so a damaged disk cannot send the kernel outside a buffer.
 *
 * Finding: ext2fs_lookup asks the name cache first (cache_lookup), then
 * scans (ext2fs_dirfind) and enters what it found, or that the name is
 * absent, in the cache.  `..' is an entry like any other: it names the
 * parent's inode, which ext2fs_vget returns without locking, so looking
 * up `..' never waits for a lock (sys/vnode.h).
 *
 * Entering a name (ext2fs_direnter) uses the first entry with enough
 * slack after its own name (or an empty entry big enough), and splits
 * it; with none, the directory grows by a block holding the one entry:
 *
 *   before:  | 12 "a"  reclen 36           |          |
 *   after:   | 12 "a"  reclen 12 | 14 "newname" reclen 24 |
 *
 * Removing (ext2fs_dirremove) merges the entry into the one before it
 * in its block, or, for the first entry of a block, marks it empty
 * (e2d_ino 0).  Directories never shrink here: only rmdir frees one.
 * A directory with a dir_index hash tree (EXT2_INDEX) loses that flag
 * when it changes: we do not keep the tree up to date.
 * Mirrors OpenBSD's sys/ufs/ext2fs/ext2fs_lookup.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/dirent.h>
#include <sys/errno.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>

#include <ufs/ufs/inode.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs.h>
#include <ufs/ext2fs/ext2fs_dinode.h>
#include <ufs/ext2fs/ext2fs_dir.h>
#include <ufs/ext2fs/ext2fs_extern.h>

/* The smallest entry there is: a one-character name. */
#define EXT2FS_MINDIRSIZ	EXT2FS_DIRSIZ(1)

/* EXT2_FT_* to the DT_* of struct dirent. */
static const u_int8_t ext2_ft_to_dt[EXT2_FT_MAX] = {
	DT_UNKNOWN, DT_REG, DT_DIR, DT_CHR, DT_BLK, DT_FIFO, DT_SOCK, DT_LNK
};

/* The directory entry type of a mode (with the filetype feature). */
static u_int8_t
ext2fs_mode2ft(struct m_ext2fs *fs, u_int16_t mode)
{
	if (!(fs->e2fs.e2fs_features_incompat & EXT2F_INCOMPAT_FTYPE))
		return EXT2_FT_UNKNOWN;
	switch (mode & S_IFMT) {
	case S_IFREG: return EXT2_FT_REG_FILE;
	case S_IFDIR: return EXT2_FT_DIR;
	case S_IFCHR: return EXT2_FT_CHRDEV;
	case S_IFBLK: return EXT2_FT_BLKDEV;
	case S_IFIFO: return EXT2_FT_FIFO;
	case S_IFSOCK: return EXT2_FT_SOCK;
	case S_IFLNK: return EXT2_FT_SYMLINK;
	default: return EXT2_FT_UNKNOWN;
	}
}

/*
 * ext2fs_dirbadentry: what is wrong with the entry at byte boff of a
 * directory block of `limit' bytes, or null if it looks sane.
 */
static const char *
ext2fs_dirbadentry(struct m_ext2fs *fs, struct ext2fs_direct *de, int boff,
    int limit)
{
	int reclen = de->e2d_reclen, namlen = de->e2d_namlen;

	if (boff + EXT2FS_DIRHDR > limit)
		return "entry header past the end of the block";
	if (reclen < EXT2FS_MINDIRSIZ)
		return "rec_len smaller than the smallest entry";
	if (reclen % 4 != 0)
		return "rec_len not a multiple of 4";
	if (boff + reclen > limit)
		return "rec_len runs past the end of the block";
	if (de->e2d_ino != 0 && reclen < EXT2FS_DIRSIZ(namlen))
		return "rec_len too small for the name";
	if (de->e2d_ino > fs->e2fs.e2fs_icount)
		return "inode number out of range";
	return nullptr;
}

/* Report a damaged directory entry; the operation fails with EIO. */
static int
ext2fs_dirbad(struct inode *dp, off_t off, const char *how)
{
	printf("%s: bad dir ino %llu at offset %lld: %s\n",
	    dp->i_e2fs->e2fs_fsmnt, (unsigned long long)dp->i_number,
	    (long long)off, how);
	return EIO;
}

/* The bytes of the directory block starting at byte blkstart. */
static int
ext2fs_dirblklimit(struct inode *dp, off_t blkstart)
{
	u_int64_t left = ext2fs_size(dp) - blkstart;

	return (int)MIN(left, (u_int64_t)dp->i_e2fs->e2fs_bsize);
}

/*
 * The walk shared by every scan: call fn on each entry of dp, block
 * after block, until it returns non-zero.  fn gets the entry, its
 * offset in the directory, the entry before it in the same block (or
 * null) and the buffer; it returns 0 to go on, 1 to stop with the
 * buffer released, 2 to stop keeping the buffer (then *bpp has it).
 * => dp locked; may sleep.  0 (fn stopped or the end came: *stopped
 *    says which) or EIO for a damaged entry, or a read error.
 */
template <typename Fn>
static int
ext2fs_dirwalk(struct inode *dp, off_t from, Fn fn, bool *stopped,
    struct buf **bpp)
{
	struct m_ext2fs *fs = dp->i_e2fs;
	u_int64_t size = ext2fs_size(dp);
	struct buf *bp;
	char *buf;
	int error;

	*stopped = false;
	if (bpp != nullptr)
		*bpp = nullptr;
	for (off_t blk = from - blkoff(fs, from); (u_int64_t)blk < size;
	    blk += fs->e2fs_bsize) {
		int limit = ext2fs_dirblklimit(dp, blk);
		if ((error = ext2fs_bufatoff(dp, blk, &buf, &bp)) != 0)
			return error;
		struct ext2fs_direct *prev = nullptr;
		for (int boff = 0; boff < limit;) {
			struct ext2fs_direct *de =
			    (struct ext2fs_direct *)(buf + boff);
			const char *why = ext2fs_dirbadentry(fs, de, boff, limit);
			if (why != nullptr) {
				brelse(bp);
				return ext2fs_dirbad(dp, blk + boff, why);
			}
			if (blk + boff >= from) {
				int r = fn(de, blk + boff, prev, bp);
				if (r != 0) {
					*stopped = true;
					if (r == 2 && bpp != nullptr)
						*bpp = bp;
					else
						brelse(bp);
					return 0;
				}
			}
			prev = de;
			boff += de->e2d_reclen;
		}
		brelse(bp);
	}
	return 0;
}

/* Does entry de hold the name name[0..namlen)? */
static bool
ext2fs_nameis(struct ext2fs_direct *de, const char *name, int namlen)
{
	return de->e2d_ino != 0 && de->e2d_namlen == namlen &&
	    memcmp(de->e2d_name, name, namlen) == 0;
}

/*
 * ext2fs_dirfind: the inode number dp's entry `name' names.
 * => dp locked; may sleep.  0 and *inop, ENOENT, or EIO.
 */
int
ext2fs_dirfind(struct inode *dp, const char *name, int namlen, ino_t *inop)
{
	bool found;
	int error;

	*inop = 0;
	error = ext2fs_dirwalk(dp, 0,
	    [&](struct ext2fs_direct *de, off_t, struct ext2fs_direct *,
	    struct buf *) {
		if (!ext2fs_nameis(de, name, namlen))
			return 0;
		*inop = de->e2d_ino;
		return 1;
	    }, &found, nullptr);
	if (error == 0 && !found)
		error = ENOENT;
	return error;
}

/*
 * ext2fs_lookup: VOP_LOOKUP.  Find cnp's name in the directory dvp.
 * => dvp locked, stays locked.  On success *vpp is the vnode found,
 *    referenced, not locked (dvp itself for `.').
 * => ENOENT; EJUSTRETURN when CREATE or RENAME may make the last name
 *    (it is absent and dvp writable); EACCES, EPERM (sticky directory),
 *    EROFS, EIO for a damaged directory.
 */
int
ext2fs_lookup(void *v)
{
	struct vop_lookup_args *ap = (struct vop_lookup_args *)v;
	struct vnode *dvp = ap->a_dvp, *vp = nullptr;
	struct componentname *cnp = ap->a_cnp;
	struct inode *dp = VTOI(dvp);
	struct ucred *cred = cnp->cn_cred;
	u_long nameiop = cnp->cn_nameiop & OPMASK;
	bool islast = cnp->cn_flags & ISLASTCN;
	ino_t ino;
	int error;

	*ap->a_vpp = nullptr;
	if (dvp->v_type != VDIR)
		return ENOTDIR;
	if (islast && (dvp->v_mount->mnt_flag & MNT_RDONLY) &&
	    (nameiop == DELETE || nameiop == RENAME))
		return EROFS;

	error = cache_lookup(dvp, &vp, cnp);
	if (error == ENOENT)
		return ENOENT;		/* known to be absent */
	if (error != 0) {
		/* Not in the cache: read the directory. */
		error = ext2fs_dirfind(dp, cnp->cn_nameptr, cnp->cn_namelen,
		    &ino);
		if (error == ENOENT) {
			if (islast && (nameiop == CREATE || nameiop == RENAME)) {
				/* A removed directory takes no new names. */
				if (dp->i_e2fs_nlink == 0)
					return ENOENT;
				error = VOP_ACCESS(dvp, VWRITE, cred,
				    cnp->cn_proc);
				return error != 0 ? error : EJUSTRETURN;
			}
			if (nameiop != CREATE)
				cache_enter(dvp, nullptr, cnp);
			return ENOENT;
		}
		if (error != 0)
			return error;
		if (ino == dp->i_number) {
			vref(dvp);
			vp = dvp;
		} else if ((error = ext2fs_vget(dvp->v_mount, ino, &vp)) != 0)
			return error;
		cache_enter(dvp, vp, cnp);
	}

	/* Removing or renaming away needs write permission on dvp ... */
	if (islast && (nameiop == DELETE || nameiop == RENAME)) {
		if ((error = VOP_ACCESS(dvp, VWRITE, cred, cnp->cn_proc)) != 0)
			goto bad;
		/* ... and in a sticky directory, owning dvp or the file. */
		if ((dp->i_e2fs_mode & EXT2_ISVTX) && !ext2fs_cred_root(cred) &&
		    cred->cr_uid != ext2fs_uid(dp) &&
		    cred->cr_uid != ext2fs_uid(VTOI(vp))) {
			error = EPERM;
			goto bad;
		}
	}
	*ap->a_vpp = vp;
	return 0;

bad:
	vrele(vp);
	return error;
}

/*
 * ext2fs_readdir: VOP_READDIR.  Hand out dvp's entries as struct dirent
 * records, from the entry at byte uio_offset of the directory on; the
 * offset left in uio_offset (and each d_off) is where the next call
 * goes on: the cookie is the entry's byte offset.
 * => vp locked; may sleep.  *eofflag set when the end is reached.
 * => EINVAL if not even one record fits.
 */
int
ext2fs_readdir(void *v)
{
	struct vop_readdir_args *ap = (struct vop_readdir_args *)v;
	struct vnode *vp = ap->a_vp;
	struct inode *dp = VTOI(vp);
	struct m_ext2fs *fs = dp->i_e2fs;
	struct uio *uio = ap->a_uio;
	struct dirent dent;
	bool stopped, ftype;
	int error = 0, moved = 0;

	if (vp->v_type != VDIR)
		return ENOTDIR;
	if (uio->uio_offset < 0)
		return EINVAL;
	ftype = fs->e2fs.e2fs_features_incompat & EXT2F_INCOMPAT_FTYPE;
	off_t start = uio->uio_offset;
	int walkerr = ext2fs_dirwalk(dp, start,
	    [&](struct ext2fs_direct *de, off_t off, struct ext2fs_direct *,
	    struct buf *) {
		if (de->e2d_ino == 0)
			return 0;
		memset(&dent, 0, offsetof(struct dirent, d_name));
		dent.d_fileno = de->e2d_ino;
		dent.d_off = off + de->e2d_reclen;
		dent.d_namlen = de->e2d_namlen;
		dent.d_reclen = DIRENT_RECSIZE(de->e2d_namlen);
		dent.d_type = ftype && de->e2d_type < EXT2_FT_MAX ?
		    ext2_ft_to_dt[de->e2d_type] : DT_UNKNOWN;
		memcpy(dent.d_name, de->e2d_name, de->e2d_namlen);
		memset(dent.d_name + de->e2d_namlen, 0,
		    dent.d_reclen - offsetof(struct dirent, d_name) -
		    de->e2d_namlen);
		if (uio->uio_resid < dent.d_reclen)
			return 1;	/* full: this one next time */
		if ((error = uiomove(&dent, dent.d_reclen, uio)) != 0)
			return 1;
		moved++;
		uio->uio_offset = dent.d_off;	/* the cookie */
		return 0;
	    }, &stopped, nullptr);
	if (walkerr != 0)
		return walkerr;
	if (error != 0)
		return error;
	if (stopped && moved == 0)
		return EINVAL;
	if (!stopped) {
		/* The end: the next call starts there and finds nothing. */
		if ((u_int64_t)uio->uio_offset < ext2fs_size(dp))
			uio->uio_offset = ext2fs_size(dp);
	}
	if (ap->a_eofflag != nullptr)
		*ap->a_eofflag = !stopped;
	dp->i_flag |= IN_ACCESS;
	return 0;
}

/*
 * Write back a changed directory block: synchronously on a synchronous
 * mount, else later.  The directory loses its hash index (see above).
 */
static int
ext2fs_dirwrite(struct inode *dp, struct buf *bp)
{
	dp->i_flag |= IN_CHANGE | IN_UPDATE;
	if (dp->i_e2fs_flags & EXT2_INDEX) {
		dp->i_e2fs_flags &= ~EXT2_INDEX;
		dp->i_flag |= IN_MODIFIED;
	}
	if (ITOV(dp)->v_mount->mnt_flag & MNT_SYNCHRONOUS)
		return bwrite(bp);
	bdwrite(bp);
	return 0;
}

/* Fill in entry de for ip under cnp's name, reclen bytes long. */
static void
ext2fs_fillentry(struct ext2fs_direct *de, struct inode *ip,
    struct componentname *cnp, int reclen)
{
	de->e2d_ino = ip->i_number;
	de->e2d_reclen = reclen;
	de->e2d_namlen = cnp->cn_namelen;
	de->e2d_type = ext2fs_mode2ft(ip->i_e2fs, ip->i_e2fs_mode);
	memcpy(de->e2d_name, cnp->cn_nameptr, cnp->cn_namelen);
}

/*
 * ext2fs_direnter: enter cnp's name for ip into the directory dvp, in
 * the first place with room, else in a new block at the end.
 * => dvp locked, the name absent (namei CREATE or RENAME); ip's link
 *    count is the caller's business.  May sleep.
 * => 0, ENOSPC, EIO (damaged directory), EFBIG.
 */
int
ext2fs_direnter(struct inode *ip, struct vnode *dvp,
    struct componentname *cnp)
{
	struct inode *dp = VTOI(dvp);
	struct m_ext2fs *fs = dp->i_e2fs;
	int need = EXT2FS_DIRSIZ(cnp->cn_namelen), error;
	struct buf *bp;
	bool found;

	if (cnp->cn_namelen > EXT2FS_MAXNAMLEN)
		return ENAMETOOLONG;
	error = ext2fs_dirwalk(dp, 0,
	    [&](struct ext2fs_direct *de, off_t, struct ext2fs_direct *,
	    struct buf *) {
		int used = de->e2d_ino != 0 ? EXT2FS_DIRSIZ(de->e2d_namlen) : 0;
		if (de->e2d_reclen - used < need)
			return 0;
		if (used == 0) {
			ext2fs_fillentry(de, ip, cnp, de->e2d_reclen);
		} else {
			/* Split: de keeps its name, the slack is ours. */
			struct ext2fs_direct *nde =
			    (struct ext2fs_direct *)((char *)de + used);
			ext2fs_fillentry(nde, ip, cnp, de->e2d_reclen - used);
			de->e2d_reclen = used;
		}
		return 2;
	    }, &found, &bp);
	if (error != 0)
		return error;
	if (found)
		return ext2fs_dirwrite(dp, bp);

	/* No room anywhere: a new block, all of it the new entry. */
	u_int64_t size = ext2fs_size(dp);
	if (blkoff(fs, size) != 0)
		return ext2fs_dirbad(dp, size, "size not a multiple of blocks");
	error = ext2fs_buf_alloc(dp, lblkno(fs, size), fs->e2fs_bsize,
	    cnp->cn_cred, &bp, B_CLRBUF);
	if (error != 0)
		return error;
	if ((error = ext2fs_setsize(dp, size + fs->e2fs_bsize)) != 0) {
		brelse(bp);
		return error;
	}
	ext2fs_fillentry((struct ext2fs_direct *)bp->b_data, ip, cnp,
	    fs->e2fs_bsize);
	return ext2fs_dirwrite(dp, bp);
}

/*
 * ext2fs_dirremove: remove cnp's name from the directory dvp, which
 * must still name inode ino (else ENOENT: someone changed it).
 * => dvp locked; may sleep.  0, ENOENT or EIO.
 */
int
ext2fs_dirremove(struct vnode *dvp, struct componentname *cnp, ino_t ino)
{
	struct inode *dp = VTOI(dvp);
	struct buf *bp;
	bool found;
	int error;

	error = ext2fs_dirwalk(dp, 0,
	    [&](struct ext2fs_direct *de, off_t, struct ext2fs_direct *prev,
	    struct buf *) {
		if (!ext2fs_nameis(de, cnp->cn_nameptr, cnp->cn_namelen))
			return 0;
		if (de->e2d_ino != ino)
			return 1;	/* someone else's now */
		if (prev != nullptr)
			prev->e2d_reclen += de->e2d_reclen;
		else
			de->e2d_ino = 0;	/* first in its block */
		return 2;
	    }, &found, &bp);
	if (error != 0)
		return error;
	if (!found || bp == nullptr)
		return ENOENT;
	return ext2fs_dirwrite(dp, bp);
}

/*
 * ext2fs_dirrewrite: make dp's entry for cnp's name, now naming inode
 * oldino, name ip instead (rename onto an existing name).
 * => dp locked; may sleep.  0, ENOENT or EIO.
 */
int
ext2fs_dirrewrite(struct inode *dp, struct componentname *cnp, ino_t oldino,
    struct inode *ip)
{
	struct buf *bp;
	bool found;
	int error;

	error = ext2fs_dirwalk(dp, 0,
	    [&](struct ext2fs_direct *de, off_t, struct ext2fs_direct *,
	    struct buf *) {
		if (!ext2fs_nameis(de, cnp->cn_nameptr, cnp->cn_namelen))
			return 0;
		if (de->e2d_ino != oldino)
			return 1;
		de->e2d_ino = ip->i_number;
		de->e2d_type = ext2fs_mode2ft(ip->i_e2fs, ip->i_e2fs_mode);
		return 2;
	    }, &found, &bp);
	if (error != 0)
		return error;
	if (!found || bp == nullptr)
		return ENOENT;
	return ext2fs_dirwrite(dp, bp);
}

/*
 * ext2fs_dirempty: does the directory ip hold nothing but `.' and `..'?
 * (parentino: what `..' should name; not checked, kept for OpenBSD's
 * signature.)  => ip locked; may sleep.  0 and *emptyp, or EIO.
 */
int
ext2fs_dirempty(struct inode *ip, ino_t, int *emptyp)
{
	bool stopped;
	int error;

	error = ext2fs_dirwalk(ip, 0,
	    [&](struct ext2fs_direct *de, off_t, struct ext2fs_direct *,
	    struct buf *) {
		if (de->e2d_ino == 0)
			return 0;
		if (de->e2d_namlen == 1 && de->e2d_name[0] == '.')
			return 0;
		if (de->e2d_namlen == 2 && de->e2d_name[0] == '.' &&
		    de->e2d_name[1] == '.')
			return 0;
		return 1;
	    }, &stopped, nullptr);
	*emptyp = error == 0 && !stopped;
	return error;
}

/*
 * ext2fs_setdotdot: make the directory ip's `..' name newparent (a
 * directory renamed into another).
 * => ip locked; may sleep.  0 or EIO.
 */
int
ext2fs_setdotdot(struct inode *ip, ino_t newparent)
{
	struct buf *bp;
	bool found;
	int error;

	error = ext2fs_dirwalk(ip, 0,
	    [&](struct ext2fs_direct *de, off_t, struct ext2fs_direct *,
	    struct buf *) {
		if (!ext2fs_nameis(de, "..", 2))
			return 0;
		de->e2d_ino = newparent;
		return 2;
	    }, &found, &bp);
	if (error != 0)
		return error;
	if (!found || bp == nullptr)
		return ext2fs_dirbad(ip, 0, "no `..' entry");
	return ext2fs_dirwrite(ip, bp);
}

/*
 * ext2fs_checkpath: may the directory source move into target?  Not if
 * target is source or lies below it: the tree would get a cycle.  Walk
 * `..' from target up to the root.
 * => target locked, source not; may sleep.  0, EINVAL, or EIO.
 * XXX The directories above target are read without their locks (as
 * the name cache reads them); a concurrent rename above could fool the
 * walk.  OpenBSD serialises renames of directories with a lock we do
 * not have yet.
 */
int
ext2fs_checkpath(struct inode *source, struct inode *target)
{
	struct mount *mp = ITOV(target)->v_mount;
	ino_t ino = target->i_number, parent;
	struct vnode *vp;
	int error = 0;

	for (int depth = 0; depth < 4096; depth++) {
		if (ino == source->i_number)
			return EINVAL;
		if (ino == EXT2_ROOTINO)
			return 0;
		if (ino == target->i_number) {
			error = ext2fs_dirfind(target, "..", 2, &parent);
		} else {
			if ((error = ext2fs_vget(mp, ino, &vp)) != 0)
				return error;
			if (vp->v_type != VDIR)
				error = ENOTDIR;
			else
				error = ext2fs_dirfind(VTOI(vp), "..", 2,
				    &parent);
			vrele(vp);
		}
		if (error != 0)
			return error == ENOENT ? EIO : error;
		if (parent == ino)
			return 0;	/* a root: `..' is itself */
		ino = parent;
	}
	return EIO;
}
