/*
 * ext2fs_dirops.cc: the operations that change the name space: link,
 * remove, mkdir, rmdir, symlink and rename.
 *
 * Each is a few directory edits (ext2fs_lookup.cc) plus link counts.
 * The link count of an inode (e2di_nlink) is the number of directory
 * entries that name it; for a directory that is its entry in the parent,
 * its own `.', and the `..' of each subdirectory:
 *
 *   /a        nlink 3: "a" in /, "." in a, ".." in a/b
 *   /a/b      nlink 2: "b" in a, "." in b
 *
 * so mkdir adds one to the parent, rmdir takes it away, and renaming a
 * directory to another parent moves one from the old parent to the new.
 * The order of the writes keeps a crash survivable: a count is raised
 * before a new name is written and lowered after an old one is gone,
 * so a crash leaves at worst a count too high (e2fsck fixes it), never
 * a file freed while a name still points at it.
 *
 * Rename is the subtle one (see ext2fs_rename).  Locks are as in
 * sys/vnode.h; what each operation gets and gives back is the contract
 * in kern/vfs_vops.cc.  Mirrors the corresponding functions of OpenBSD's
 * sys/ufs/ext2fs/ext2fs_vnops.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>

#include <ufs/ufs/inode.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs.h>
#include <ufs/ext2fs/ext2fs_dinode.h>
#include <ufs/ext2fs/ext2fs_dir.h>
#include <ufs/ext2fs/ext2fs_extern.h>

/*
 * ext2fs_remove: VOP_REMOVE.  Remove the name; the file goes when its
 * last name and last reference are gone (ext2fs_inactive).
 * => dvp and vp locked; both released.  EPERM for a directory (rmdir)
 *    or an immutable or append-only file.
 */
int
ext2fs_remove(void *v)
{
	struct vop_remove_args *ap = (struct vop_remove_args *)v;
	struct vnode *vp = ap->a_vp, *dvp = ap->a_dvp;
	struct inode *ip = VTOI(vp);
	int error;

	if (vp->v_type == VDIR ||
	    (ip->i_e2fs_flags & (EXT2_IMMUTABLE | EXT2_APPEND)) ||
	    (VTOI(dvp)->i_e2fs_flags & EXT2_APPEND)) {
		error = EPERM;
	} else if ((error = ext2fs_dirremove(dvp, ap->a_cnp,
	    ip->i_number)) == 0) {
		ip->i_e2fs_nlink--;
		ip->i_flag |= IN_CHANGE;
		cache_purge(vp);
	}
	if (dvp == vp)
		vrele(vp);
	else
		vput(vp);
	vput(dvp);
	return error;
}

/*
 * ext2fs_link: VOP_LINK.  A second name for vp's file in dvp.
 * => dvp locked, the name absent; vp referenced, not locked.  dvp is
 *    released, vp keeps its reference.  EPERM for a directory, EXDEV
 *    across file systems, EMLINK at the link limit.
 */
int
ext2fs_link(void *v)
{
	struct vop_link_args *ap = (struct vop_link_args *)v;
	struct vnode *dvp = ap->a_dvp, *vp = ap->a_vp;
	struct inode *ip;
	int error;

	if (vp->v_type == VDIR) {
		error = EPERM;
		goto release;
	}
	if (dvp->v_mount != vp->v_mount) {
		error = EXDEV;
		goto release;
	}
	if ((error = vn_lock(vp, LK_EXCLUSIVE)) != 0)
		goto release;
	ip = VTOI(vp);
	if (ip->i_e2fs_nlink >= EXT2FS_LINK_MAX) {
		error = EMLINK;
		goto unlock;
	}
	if (ip->i_e2fs_flags & (EXT2_IMMUTABLE | EXT2_APPEND)) {
		error = EPERM;
		goto unlock;
	}
	ip->i_e2fs_nlink++;
	ip->i_flag |= IN_CHANGE;
	if ((error = ext2fs_update(ip, 1)) == 0)
		error = ext2fs_direnter(ip, dvp, ap->a_cnp);
	if (error != 0) {
		ip->i_e2fs_nlink--;
		ip->i_flag |= IN_CHANGE;
	}
unlock:
	VOP_UNLOCK(vp);
release:
	vput(dvp);
	return error;
}

/*
 * ext2fs_mkdir: VOP_MKDIR.  A new directory holding `.' and `..'; the
 * parent gains a link for the `..'.
 * => dvp locked, the name absent; dvp stays locked.  *vpp the new
 *    directory, referenced and locked.  EMLINK if the parent is full.
 */
int
ext2fs_mkdir(void *v)
{
	struct vop_mkdir_args *ap = (struct vop_mkdir_args *)v;
	struct vnode *dvp = ap->a_dvp, *tvp;
	struct componentname *cnp = ap->a_cnp;
	struct inode *dp = VTOI(dvp), *ip;
	struct m_ext2fs *fs = dp->i_e2fs;
	struct ext2fs_direct *de;
	struct ucred *cred = cnp->cn_cred;
	struct timespec ts;
	struct buf *bp;
	int dmode, error;
	bool ftype = fs->e2fs.e2fs_features_incompat & EXT2F_INCOMPAT_FTYPE;

	*ap->a_vpp = nullptr;
	if (dp->i_e2fs_nlink >= EXT2FS_LINK_MAX)
		return EMLINK;
	if (dp->i_e2fs_nlink == 0)
		return ENOENT;
	dmode = (ap->a_vap->va_mode & ACCESSPERMS) | S_IFDIR;
	if ((error = ext2fs_inode_alloc(dp, dmode, cred, &tvp)) != 0)
		return error;
	ip = VTOI(tvp);
	ext2fs_set_uid(ip, cred == NOCRED || cred == FSCRED ? 0 :
	    cred->cr_uid);
	ext2fs_set_gid(ip, ext2fs_gid(dp));
	ip->i_e2fs_mode = dmode;
	ip->i_e2fs_nlink = 2;
	getnanotime(&ts);
	ext2fs_settime(ip, EXT2_CRTIME, &ts);
	ip->i_flag |= IN_ACCESS | IN_CHANGE | IN_UPDATE | IN_MODIFIED;
	if ((error = ext2fs_vinit(tvp->v_mount, &tvp)) != 0)
		goto bad;
	if ((error = ext2fs_update(ip, 1)) != 0)
		goto bad;

	/* The parent's link for our `..', before the `..' exists. */
	dp->i_e2fs_nlink++;
	dp->i_flag |= IN_CHANGE;
	if ((error = ext2fs_update(dp, 1)) != 0)
		goto unlinkparent;

	/* The first block: `.' (12 bytes) and `..' (the rest). */
	error = ext2fs_buf_alloc(ip, 0, fs->e2fs_bsize, cred, &bp, B_CLRBUF);
	if (error != 0)
		goto unlinkparent;
	if ((error = ext2fs_setsize(ip, fs->e2fs_bsize)) != 0) {
		brelse(bp);
		goto unlinkparent;
	}
	de = (struct ext2fs_direct *)bp->b_data;
	de->e2d_ino = ip->i_number;
	de->e2d_reclen = EXT2FS_DIRSIZ(1);
	de->e2d_namlen = 1;
	de->e2d_type = ftype ? EXT2_FT_DIR : EXT2_FT_UNKNOWN;
	de->e2d_name[0] = '.';
	de = (struct ext2fs_direct *)((char *)bp->b_data + EXT2FS_DIRSIZ(1));
	de->e2d_ino = dp->i_number;
	de->e2d_reclen = fs->e2fs_bsize - EXT2FS_DIRSIZ(1);
	de->e2d_namlen = 2;
	de->e2d_type = ftype ? EXT2_FT_DIR : EXT2_FT_UNKNOWN;
	de->e2d_name[0] = de->e2d_name[1] = '.';
	/* The directory is whole on the disk before its name is. */
	if ((error = bwrite(bp)) != 0)
		goto unlinkparent;
	ip->i_flag |= IN_CHANGE;
	if ((error = ext2fs_update(ip, 1)) != 0)
		goto unlinkparent;
	if ((error = ext2fs_direnter(ip, dvp, cnp)) != 0)
		goto unlinkparent;
	*ap->a_vpp = tvp;
	return 0;

unlinkparent:
	dp->i_e2fs_nlink--;
	dp->i_flag |= IN_CHANGE;
bad:
	/* The last vput frees the inode and its block (ext2fs_inactive). */
	ip->i_e2fs_nlink = 0;
	ip->i_flag |= IN_CHANGE;
	vput(tvp);
	return error;
}

/*
 * ext2fs_rmdir: VOP_RMDIR.  Remove an empty directory.
 * => dvp and vp locked; both released.  EINVAL for `.', EBUSY for a
 *    mount point, ENOTEMPTY, EPERM.
 */
int
ext2fs_rmdir(void *v)
{
	struct vop_rmdir_args *ap = (struct vop_rmdir_args *)v;
	struct vnode *vp = ap->a_vp, *dvp = ap->a_dvp;
	struct componentname *cnp = ap->a_cnp;
	struct inode *ip = VTOI(vp), *dp = VTOI(dvp);
	int error, empty;

	if (dp == ip) {
		vrele(dvp);
		vput(vp);
		return EINVAL;
	}
	if (vp->v_type != VDIR) {
		error = ENOTDIR;
		goto out;
	}
	if (vp->v_mountedhere != nullptr) {
		error = EBUSY;
		goto out;
	}
	/*
	 * Empty: only `.' and `..', and no other name for it.  (`..' as
	 * the name to remove names our parent, which holds us: not empty.)
	 */
	if ((error = ext2fs_dirempty(ip, dp->i_number, &empty)) != 0)
		goto out;
	if (!empty || ip->i_e2fs_nlink != 2) {
		error = ENOTEMPTY;
		goto out;
	}
	if ((dp->i_e2fs_flags & EXT2_APPEND) ||
	    (ip->i_e2fs_flags & (EXT2_IMMUTABLE | EXT2_APPEND))) {
		error = EPERM;
		goto out;
	}
	/*
	 * The name goes first: a crash after it leaves a directory nobody
	 * names, which e2fsck puts in lost+found.
	 */
	if ((error = ext2fs_dirremove(dvp, cnp, ip->i_number)) != 0)
		goto out;
	dp->i_e2fs_nlink--;
	dp->i_flag |= IN_CHANGE;
	cache_purge(dvp);
	ip->i_e2fs_nlink = 0;
	ip->i_flag |= IN_CHANGE;
	error = ext2fs_truncate(ip, 0, IO_SYNC, cnp->cn_cred);
	cache_purge(vp);
out:
	vput(vp);
	vput(dvp);
	return error;
}

/*
 * ext2fs_symlink: VOP_SYMLINK.  A symbolic link to target: in the inode
 * if shorter than 60 bytes (fast), else in a data block (slow).
 * => dvp locked, stays locked; *vpp the link, referenced and locked.
 */
int
ext2fs_symlink(void *v)
{
	struct vop_symlink_args *ap = (struct vop_symlink_args *)v;
	struct vnode *vp;
	struct inode *ip;
	size_t len = strlen(ap->a_target);
	int error;

	if (len >= (size_t)VTOI(ap->a_dvp)->i_e2fs->e2fs_bsize)
		return ENAMETOOLONG;
	error = ext2fs_makeinode(S_IFLNK | (ap->a_vap->va_mode & ALLPERMS),
	    ap->a_dvp, ap->a_vpp, ap->a_cnp);
	if (error != 0)
		return error;
	vp = *ap->a_vpp;
	ip = VTOI(vp);
	if (len < EXT2_MAXSYMLINKLEN) {
		memcpy(ip->i_e2fs_blocks, ap->a_target, len);
		error = ext2fs_setsize(ip, len);
		ip->i_flag |= IN_CHANGE | IN_UPDATE;
		if (error == 0)
			error = ext2fs_update(ip, 1);
	} else {
		error = vn_rdwr(UIO_WRITE, vp, ap->a_target, (int)len, 0,
		    UIO_SYSSPACE, IO_NODELOCKED, ap->a_cnp->cn_cred, nullptr,
		    ap->a_cnp->cn_proc);
	}
	if (error != 0) {
		/* The name stays, an empty link: as OpenBSD. */
		vput(vp);
		*ap->a_vpp = nullptr;
	}
	return error;
}

/* Release what VOP_RENAME was given, unchanged. */
static void
ext2fs_rename_abort(struct vnode *fdvp, struct vnode *fvp,
    struct vnode *tdvp, struct vnode *tvp)
{
	if (tdvp == tvp)
		vrele(tdvp);
	else
		vput(tdvp);
	if (tvp != nullptr)
		vput(tvp);
	vrele(fdvp);
	vrele(fvp);
}

/*
 * ext2fs_rename: VOP_RENAME, fdvp/fcnp (naming fvp) becomes tdvp/tcnp,
 * replacing tvp if it exists.  In three steps, as OpenBSD's ufs_rename:
 *
 *  1. fvp's link count is raised (it will briefly have both names);
 *     for a directory moving elsewhere, check it does not move into
 *     itself (ext2fs_checkpath: EINVAL).
 *  2. The new name: entered in tdvp, or tvp's entry rewritten to name
 *     fvp and tvp's count lowered (an empty directory tvp is freed).  A
 *     directory arriving from elsewhere gives tdvp a link for its `..'.
 *  3. The old name is removed from fdvp; a moved directory's `..' is
 *     rewritten to tdvp and fdvp loses the link it had from it; fvp's
 *     count is lowered again.
 *
 * => fdvp, fvp referenced, not locked; tdvp locked; tvp locked if not
 *    null.  All four are released.
 * => EXDEV, EINVAL (`.', `..', into itself), EISDIR / ENOTDIR
 *    (directory onto file and back), ENOTEMPTY, EMLINK, EPERM.
 * XXX fvp is locked while tdvp is held, as in OpenBSD, which a lookup
 * holding fvp and waiting for tdvp could deadlock against.
 */
int
ext2fs_rename(void *v)
{
	struct vop_rename_args *ap = (struct vop_rename_args *)v;
	struct vnode *tvp = ap->a_tvp, *tdvp = ap->a_tdvp;
	struct vnode *fvp = ap->a_fvp, *fdvp = ap->a_fdvp;
	struct componentname *tcnp = ap->a_tcnp, *fcnp = ap->a_fcnp;
	struct inode *ip, *xp, *dp, *fdp = VTOI(fdvp);
	bool doingdirectory = false;
	ino_t newparent = 0;
	int error;

	if (fvp->v_mount != tdvp->v_mount ||
	    (tvp != nullptr && fvp->v_mount != tvp->v_mount)) {
		error = EXDEV;
		goto abortit;
	}
	if (tvp != nullptr &&
	    ((VTOI(tvp)->i_e2fs_flags & (EXT2_IMMUTABLE | EXT2_APPEND)) ||
	    (VTOI(tdvp)->i_e2fs_flags & EXT2_APPEND))) {
		error = EPERM;
		goto abortit;
	}
	if (fvp == tvp) {
		/* Two names of one file, or one name: nothing happens. */
		error = 0;
		goto abortit;
	}
	if (fvp == tdvp) {
		error = EINVAL;		/* a directory into itself */
		goto abortit;
	}

	/* Step 1. */
	if ((error = vn_lock(fvp, LK_EXCLUSIVE)) != 0)
		goto abortit;
	ip = VTOI(fvp);
	if (ip->i_e2fs_nlink >= EXT2FS_LINK_MAX) {
		VOP_UNLOCK(fvp);
		error = EMLINK;
		goto abortit;
	}
	if ((ip->i_e2fs_flags & (EXT2_IMMUTABLE | EXT2_APPEND)) ||
	    (fdp->i_e2fs_flags & EXT2_APPEND)) {
		VOP_UNLOCK(fvp);
		error = EPERM;
		goto abortit;
	}
	if (fvp->v_type == VDIR) {
		/* Not `.', `..' or a directory being renamed already. */
		if ((fcnp->cn_namelen == 1 && fcnp->cn_nameptr[0] == '.') ||
		    fdp == ip || (fcnp->cn_flags & ISDOTDOT) ||
		    (tcnp->cn_flags & ISDOTDOT) || (ip->i_flag & IN_RENAME)) {
			VOP_UNLOCK(fvp);
			error = EINVAL;
			goto abortit;
		}
		ip->i_flag |= IN_RENAME;
		doingdirectory = true;
	}
	dp = VTOI(tdvp);
	xp = tvp != nullptr ? VTOI(tvp) : nullptr;
	ip->i_e2fs_nlink++;
	ip->i_flag |= IN_CHANGE;
	if ((error = ext2fs_update(ip, 1)) != 0) {
		VOP_UNLOCK(fvp);
		goto bad;
	}
	/* Moving a directory elsewhere rewrites its `..': write access. */
	error = VOP_ACCESS(fvp, VWRITE, tcnp->cn_cred, tcnp->cn_proc);
	VOP_UNLOCK(fvp);
	if (fdp->i_number != dp->i_number)
		newparent = dp->i_number;
	if (doingdirectory && newparent != 0) {
		if (error != 0)
			goto bad;
		if ((error = ext2fs_checkpath(ip, dp)) != 0)
			goto bad;
	}
	error = 0;

	/* Step 2. */
	if (xp == nullptr) {
		if (doingdirectory && newparent != 0) {
			if (dp->i_e2fs_nlink >= EXT2FS_LINK_MAX) {
				error = EMLINK;
				goto bad;
			}
			dp->i_e2fs_nlink++;
			dp->i_flag |= IN_CHANGE;
			if ((error = ext2fs_update(dp, 1)) != 0) {
				dp->i_e2fs_nlink--;
				goto bad;
			}
		}
		if ((error = ext2fs_direnter(ip, tdvp, tcnp)) != 0) {
			if (doingdirectory && newparent != 0) {
				dp->i_e2fs_nlink--;
				dp->i_flag |= IN_CHANGE;
				(void)ext2fs_update(dp, 1);
			}
			goto bad;
		}
		vput(tdvp);
	} else {
		/*
		 * The target goes: an empty directory for a directory only.
		 * (POSIX's errors: a file onto a directory is EISDIR, a
		 * directory onto a file ENOTDIR; 4.4BSD had them the other
		 * way round.)
		 */
		if (tvp->v_type == VDIR) {
			int empty;
			if (!doingdirectory) {
				error = EISDIR;
				goto bad;
			}
			if ((error = ext2fs_dirempty(xp, ip->i_number,
			    &empty)) != 0)
				goto bad;
			if (!empty || xp->i_e2fs_nlink > 2) {
				error = ENOTEMPTY;
				goto bad;
			}
			if (tvp->v_mountedhere != nullptr) {
				error = EBUSY;
				goto bad;
			}
		} else if (doingdirectory) {
			error = ENOTDIR;
			goto bad;
		}
		if ((error = ext2fs_dirrewrite(dp, tcnp, xp->i_number,
		    ip)) != 0)
			goto bad;
		/* tdvp loses the target's `..'; a new `..' came from fvp. */
		if (doingdirectory && newparent == 0) {
			dp->i_e2fs_nlink--;
			dp->i_flag |= IN_CHANGE;
		}
		xp->i_e2fs_nlink--;
		if (doingdirectory) {
			/* Its `.' too; the last vput frees it. */
			xp->i_e2fs_nlink = 0;
			(void)ext2fs_truncate(xp, 0, IO_SYNC, tcnp->cn_cred);
		}
		xp->i_flag |= IN_CHANGE;
		cache_purge(tvp);
		vput(tdvp);
		vput(tvp);
	}

	/* Step 3: tdvp and tvp are released; fdvp, then fvp, are locked. */
	if ((error = vn_lock(fdvp, LK_EXCLUSIVE)) != 0) {
		vrele(fdvp);
		fdvp = nullptr;
		goto out;
	}
	error = ext2fs_dirremove(fdvp, fcnp, ip->i_number);
	if (error == ENOENT)
		error = 0;	/* someone removed the old name meanwhile */
	if (vn_lock(fvp, LK_EXCLUSIVE) == 0) {
		if (doingdirectory && newparent != 0 && error == 0) {
			if ((error = ext2fs_setdotdot(ip, newparent)) == 0) {
				fdp->i_e2fs_nlink--;
				fdp->i_flag |= IN_CHANGE;
			}
		}
		ip->i_e2fs_nlink--;
		ip->i_flag |= IN_CHANGE;
		ip->i_flag &= ~IN_RENAME;
		cache_purge(fvp);
		VOP_UNLOCK(fvp);
	}
	vput(fdvp);
	vrele(fvp);
	return error;

bad:
	if (xp != nullptr)
		vput(tvp);
	vput(tdvp);
out:
	/* Undo step 1. */
	if (vn_lock(fvp, LK_EXCLUSIVE) == 0) {
		ip->i_e2fs_nlink--;
		ip->i_flag |= IN_CHANGE;
		ip->i_flag &= ~IN_RENAME;
		VOP_UNLOCK(fvp);
	}
	if (fdvp != nullptr)
		vrele(fdvp);
	vrele(fvp);
	return error;

abortit:
	ext2fs_rename_abort(fdvp, fvp, tdvp, tvp);
	return error;
}
