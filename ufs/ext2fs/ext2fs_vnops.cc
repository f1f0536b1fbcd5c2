/*
 * ext2fs_vnops.cc: the vnode operations on one ext2 file, and the two
 * operations tables.
 *
 * The VFS calls a file system only through the table in v_op
 * (sys/vnode.h).  An ext2 vnode of a file, directory or symbolic link
 * gets ext2fs_vops; a device file (/dev/wd0a lives in a directory of
 * ext2 but is read through its driver) gets ext2fs_specvops, which
 * mixes specfs's open, read, write, ioctl and strategy, which go to the
 * driver, with ext2's getattr, setattr, inactive and reclaim, which
 * keep the inode on the disk (OpenBSD's ext2fs_specvops).
 *
 * Here: attributes (getattr, setattr with its chmod, chown, truncate and
 * utimes parts and their permission rules), access, open and close,
 * creating files (ext2fs_makeinode, shared by create, mknod, mkdir and
 * symlink), readlink, fsync, and strategy, the bottom of every file
 * read and write: it maps the buffer's file block to its disk block
 * (ext2fs_bmaparray) and passes the buffer to the disk's vnode.  The
 * operations that change names are in ext2fs_dirops.cc.
 * Mirrors OpenBSD's sys/ufs/ext2fs/ext2fs_vnops.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/specdev.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>

#include <ufs/ufs/inode.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs.h>
#include <ufs/ext2fs/ext2fs_dinode.h>
#include <ufs/ext2fs/ext2fs_extern.h>

/* Is an attribute of a struct vattr "leave alone" (VNOVAL)? */
#define NOVAL(x)	((x) == (decltype(x))VNOVAL)

/* The S_IF* bits of each vnode type (sys/vnode.h's order). */
static const mode_t ext2fs_vttoif[] = { 0, S_IFREG, S_IFDIR, S_IFBLK,
	S_IFCHR, S_IFLNK, S_IFSOCK, S_IFIFO, S_IFMT };

static int ext2fs_chmod(struct vnode *, mode_t, struct ucred *);
static int ext2fs_chown(struct vnode *, uid_t, gid_t, struct ucred *);

/* ext2fs_create: VOP_CREATE, a regular file (or socket, fifo). */
int
ext2fs_create(void *v)
{
	struct vop_create_args *ap = (struct vop_create_args *)v;

	return ext2fs_makeinode(ext2fs_vttoif[ap->a_vap->va_type] |
	    (ap->a_vap->va_mode & ALLPERMS), ap->a_dvp, ap->a_vpp, ap->a_cnp);
}

/*
 * ext2fs_mknod: VOP_MKNOD, a device file (or fifo).  Its device number
 * goes into the block pointers, as Linux keeps it; the vnode gets the
 * specfs table and joins the device's alias chain.
 */
int
ext2fs_mknod(void *v)
{
	struct vop_mknod_args *ap = (struct vop_mknod_args *)v;
	struct vattr *vap = ap->a_vap;
	struct vnode **vpp = ap->a_vpp;
	struct inode *ip;
	int error;

	if (vap->va_type != VCHR && vap->va_type != VBLK &&
	    vap->va_type != VFIFO)
		return EINVAL;
	if (!ext2fs_cred_root(ap->a_cnp->cn_cred) && vap->va_type != VFIFO)
		return EPERM;
	error = ext2fs_makeinode(ext2fs_vttoif[vap->va_type] |
	    (vap->va_mode & ALLPERMS), ap->a_dvp, vpp, ap->a_cnp);
	if (error != 0)
		return error;
	ip = VTOI(*vpp);
	if (vap->va_type != VFIFO && !NOVAL(vap->va_rdev)) {
		u_int32_t maj = major(vap->va_rdev), mnr = minor(vap->va_rdev);
		if (maj < 256 && mnr < 256) {
			ip->i_e2fs_blocks[0] = maj << 8 | mnr;
		} else {
			ip->i_e2fs_blocks[0] = 0;
			ip->i_e2fs_blocks[1] = (mnr & 0xff) | (maj << 8) |
			    ((mnr & ~0xffu) << 12);
		}
	}
	ip->i_flag |= IN_ACCESS | IN_CHANGE | IN_UPDATE | IN_MODIFIED;
	(void)ext2fs_update(ip, 1);
	return ext2fs_vinit((*vpp)->v_mount, vpp);
}

/*
 * ext2fs_open: VOP_OPEN.  An append-only file opens for writing only
 * with O_APPEND.
 */
int
ext2fs_open(void *v)
{
	struct vop_open_args *ap = (struct vop_open_args *)v;
	struct inode *ip = VTOI(ap->a_vp);

	if ((ip->i_e2fs_flags & EXT2_APPEND) &&
	    (ap->a_mode & (FWRITE | O_APPEND)) == FWRITE)
		return EPERM;
	return 0;
}

/* ext2fs_close: VOP_CLOSE.  Stamp the times while we are here. */
int
ext2fs_close(void *v)
{
	struct vop_close_args *ap = (struct vop_close_args *)v;

	ext2fs_itimes(VTOI(ap->a_vp));
	return 0;
}

/* ext2fs_ioctl: files have no ioctls. */
static int
ext2fs_ioctl(void *)
{
	return ENOTTY;
}

/*
 * ext2fs_access: VOP_ACCESS.  Writing needs a writable file system
 * (EROFS) and a file not marked immutable (EPERM); then the permission
 * bits decide (vaccess).
 */
int
ext2fs_access(void *v)
{
	struct vop_access_args *ap = (struct vop_access_args *)v;
	struct vnode *vp = ap->a_vp;
	struct inode *ip = VTOI(vp);

	if (ap->a_mode & VWRITE) {
		if ((vp->v_type == VDIR || vp->v_type == VLNK ||
		    vp->v_type == VREG) && (vp->v_mount->mnt_flag & MNT_RDONLY))
			return EROFS;
		if (ip->i_e2fs_flags & EXT2_IMMUTABLE)
			return EPERM;
	}
	return vaccess(vp->v_type, ip->i_e2fs_mode & ALLPERMS, ext2fs_uid(ip),
	    ext2fs_gid(ip), ap->a_mode, ap->a_cred);
}

/* ext2fs_getattr: VOP_GETATTR. */
int
ext2fs_getattr(void *v)
{
	struct vop_getattr_args *ap = (struct vop_getattr_args *)v;
	struct vnode *vp = ap->a_vp;
	struct inode *ip = VTOI(vp);
	struct vattr *vap = ap->a_vap;

	ext2fs_itimes(ip);
	vap->va_type = vp->v_type;
	vap->va_fsid = ip->i_dev;
	vap->va_fileid = ip->i_number;
	vap->va_mode = ip->i_e2fs_mode & ALLPERMS;
	vap->va_nlink = ip->i_e2fs_nlink;
	vap->va_uid = ext2fs_uid(ip);
	vap->va_gid = ext2fs_gid(ip);
	vap->va_rdev = (vp->v_type == VCHR || vp->v_type == VBLK) &&
	    vp->v_specinfo != nullptr ? vp->v_rdev : 0;
	vap->va_size = ext2fs_size(ip);
	ext2fs_gettime(ip, EXT2_ATIME, &vap->va_atime);
	ext2fs_gettime(ip, EXT2_MTIME, &vap->va_mtime);
	ext2fs_gettime(ip, EXT2_CTIME, &vap->va_ctime);
	vap->va_flags = 0;
	vap->va_gen = ip->i_e2fs_gen;
	vap->va_blocksize = ip->i_e2fs->e2fs_bsize;
	vap->va_bytes = (u_quad_t)ip->i_e2fs_nblock << DEV_BSHIFT;
	vap->va_vaflags = 0;
	return 0;
}

/*
 * ext2fs_setattr: VOP_SETATTR.  Each field of *vap that is not VNOVAL
 * is changed: owner and group (chown rules), size (truncate), times
 * (the owner, or anyone who may write for utimes(NULL)), mode (chmod
 * rules).  Fields no one may set (type, link count, ...) are EINVAL.
 * => vp locked; may sleep.  EROFS, EPERM, EISDIR, EINVAL, I/O errors.
 */
int
ext2fs_setattr(void *v)
{
	struct vop_setattr_args *ap = (struct vop_setattr_args *)v;
	struct vattr *vap = ap->a_vap;
	struct vnode *vp = ap->a_vp;
	struct inode *ip = VTOI(vp);
	struct ucred *cred = ap->a_cred;
	bool rdonly = vp->v_mount->mnt_flag & MNT_RDONLY;
	int error;

	if (vap->va_type != VNON || !NOVAL(vap->va_nlink) ||
	    !NOVAL(vap->va_fsid) || !NOVAL(vap->va_fileid) ||
	    !NOVAL(vap->va_blocksize) || !NOVAL(vap->va_rdev) ||
	    !NOVAL(vap->va_bytes) || !NOVAL(vap->va_gen))
		return EINVAL;
	if (!NOVAL(vap->va_flags))
		return EOPNOTSUPP;	/* XXX chflags(2) comes later */
	if (ip->i_e2fs_flags & (EXT2_IMMUTABLE | EXT2_APPEND))
		return EPERM;
	if (!NOVAL(vap->va_uid) || !NOVAL(vap->va_gid)) {
		if (rdonly)
			return EROFS;
		if ((error = ext2fs_chown(vp, vap->va_uid, vap->va_gid,
		    cred)) != 0)
			return error;
	}
	if (!NOVAL(vap->va_size)) {
		if (vp->v_type == VDIR)
			return EISDIR;
		if (vp->v_type == VREG || vp->v_type == VLNK) {
			if (rdonly)
				return EROFS;
			if ((error = ext2fs_truncate(ip, vap->va_size, 0,
			    cred)) != 0)
				return error;
		}
	}
	if (!NOVAL(vap->va_atime.tv_sec) || !NOVAL(vap->va_mtime.tv_sec)) {
		if (rdonly)
			return EROFS;
		if (!ext2fs_cred_root(cred) && cred->cr_uid != ext2fs_uid(ip) &&
		    (!(vap->va_vaflags & VA_UTIMES_NULL) ||
		    (error = VOP_ACCESS(vp, VWRITE, cred, ap->a_p)) != 0))
			return EPERM;
		if (!NOVAL(vap->va_atime.tv_sec)) {
			ext2fs_settime(ip, EXT2_ATIME, &vap->va_atime);
			ip->i_flag &= ~IN_ACCESS;
		}
		if (!NOVAL(vap->va_mtime.tv_sec)) {
			ext2fs_settime(ip, EXT2_MTIME, &vap->va_mtime);
			ip->i_flag &= ~IN_UPDATE;
		}
		ip->i_flag |= IN_CHANGE | IN_MODIFIED;
		if ((error = ext2fs_update(ip, 1)) != 0)
			return error;
	}
	if (!NOVAL(vap->va_mode)) {
		if (rdonly)
			return EROFS;
		if ((error = ext2fs_chmod(vp, vap->va_mode, cred)) != 0)
			return error;
	}
	return 0;
}

/*
 * ext2fs_chmod: the permission bits of vp's file.  Only the owner (or
 * root); and only root may make a file sticky or give it a group it is
 * not a member of as setgid.
 */
static int
ext2fs_chmod(struct vnode *vp, mode_t mode, struct ucred *cred)
{
	struct inode *ip = VTOI(vp);

	if (!ext2fs_cred_root(cred)) {
		if (cred->cr_uid != ext2fs_uid(ip))
			return EPERM;
		if (vp->v_type != VDIR && (mode & EXT2_ISVTX))
			return EFTYPE;
		if (!groupmember(ext2fs_gid(ip), cred) && (mode & S_ISGID))
			return EPERM;
	}
	ip->i_e2fs_mode = (ip->i_e2fs_mode & ~ALLPERMS) | (mode & ALLPERMS);
	ip->i_flag |= IN_CHANGE;
	return 0;
}

/*
 * ext2fs_chown: owner and group of vp's file (VNOVAL: keep).  Root may
 * do anything; the owner may only give the file to a group he is in.
 * A file that changes hands loses setuid and setgid.
 */
static int
ext2fs_chown(struct vnode *vp, uid_t uid, gid_t gid, struct ucred *cred)
{
	struct inode *ip = VTOI(vp);
	uid_t ouid = ext2fs_uid(ip);
	gid_t ogid = ext2fs_gid(ip);

	if (NOVAL(uid))
		uid = ouid;
	if (NOVAL(gid))
		gid = ogid;
	if (!ext2fs_cred_root(cred) && (cred->cr_uid != ouid || uid != ouid ||
	    (gid != ogid && !groupmember(gid, cred))))
		return EPERM;
	ext2fs_set_uid(ip, uid);
	ext2fs_set_gid(ip, gid);
	if ((ouid != uid || ogid != gid) && !ext2fs_cred_root(cred))
		ip->i_e2fs_mode &= ~(S_ISUID | S_ISGID);
	ip->i_flag |= IN_CHANGE;
	return 0;
}

/*
 * ext2fs_fsync: VOP_FSYNC.  The file's dirty buffers (data and indirect
 * blocks) and its inode to the disk; with MNT_WAIT, done on return.
 * => vp locked; may sleep.
 */
int
ext2fs_fsync(void *v)
{
	struct vop_fsync_args *ap = (struct vop_fsync_args *)v;
	struct vnode *vp = ap->a_vp;

	vflushbuf(vp, ap->a_waitfor == MNT_WAIT);
	return ext2fs_update(VTOI(vp), ap->a_waitfor == MNT_WAIT);
}

/* The fsync of a device file: the device's buffers, and the inode. */
static int
ext2fsspec_fsync(void *v)
{
	struct vop_fsync_args *ap = (struct vop_fsync_args *)v;

	(void)spec_fsync(v);
	return ext2fs_update(VTOI(ap->a_vp), ap->a_waitfor == MNT_WAIT);
}

/*
 * ext2fs_readlink: VOP_READLINK.  A fast symlink's target is in the
 * inode; a slow one's is the file's data.
 */
int
ext2fs_readlink(void *v)
{
	struct vop_readlink_args *ap = (struct vop_readlink_args *)v;
	struct vnode *vp = ap->a_vp;
	struct inode *ip = VTOI(vp);
	u_int64_t isize = ext2fs_size(ip);

	if (vp->v_type != VLNK)
		return EINVAL;
	if (isize < EXT2_MAXSYMLINKLEN && ip->i_e2fs_nblock == 0)
		return uiomove(ip->i_e2fs_blocks,
		    MIN((size_t)isize, ap->a_uio->uio_resid), ap->a_uio);
	return VOP_READ(vp, ap->a_uio, 0, ap->a_cred);
}

/*
 * ext2fs_strategy: VOP_STRATEGY for a file's buffer.  A buffer straight
 * from getblk has b_blkno == b_lblkno: map it (a hole reads as zeros
 * without touching the disk), then hand it to the device.
 * => process context (bmap may read indirect blocks); bp finishes
 *    through biodone, also on error.
 */
int
ext2fs_strategy(void *v)
{
	struct vop_strategy_args *ap = (struct vop_strategy_args *)v;
	struct buf *bp = ap->a_bp;
	struct inode *ip = VTOI(ap->a_vp);
	u_int32_t bno;
	int error;

	if (bp->b_blkno == bp->b_lblkno) {
		error = ext2fs_bmaparray(ip, bp->b_lblkno, &bno);
		if (error != 0) {
			bp->b_error = error;
			bp->b_flags |= B_ERROR;
			biodone(bp);
			return error;
		}
		bp->b_blkno = bno == 0 ? -1 : fsbtodb(ip->i_e2fs, bno);
	}
	if (bp->b_blkno == -1) {
		if (!(bp->b_flags & B_READ)) {
			/* Writes go to allocated blocks (ext2fs_buf_alloc). */
			printf("ext2fs_strategy: write of a hole, inode %llu "
			    "block %lld\n", (unsigned long long)ip->i_number,
			    (long long)bp->b_lblkno);
			bp->b_error = EIO;
			bp->b_flags |= B_ERROR;
			biodone(bp);
			return EIO;
		}
		memset(bp->b_data, 0, bp->b_bcount);
		bp->b_resid = 0;
		biodone(bp);
		return 0;
	}
	return VOP_STRATEGY(ip->i_devvp, bp);
}

/* ext2fs_print: VOP_PRINT, for vprint and ddb. */
int
ext2fs_print(void *v)
{
	struct vop_print_args *ap = (struct vop_print_args *)v;
	struct inode *ip = VTOI(ap->a_vp);

	if (ip == nullptr) {
		printf("ext2fs: no inode\n");
		return 0;
	}
	printf("tag VT_EXT2FS, ino %llu, on dev %d, %d, mode 0%o, nlink %u, "
	    "size %llu, flags %#x\n", (unsigned long long)ip->i_number,
	    major(ip->i_dev), minor(ip->i_dev), ip->i_e2fs_mode,
	    ip->i_e2fs_nlink, (unsigned long long)ext2fs_size(ip),
	    ip->i_flag);
	return 0;
}

/*
 * ext2fs_makeinode: make a new file of the given mode (type and
 * permissions) under cnp's name in the directory dvp: a new inode,
 * owned by the caller, in dvp's group, one link; written to the disk
 * before the name that points at it.
 * => dvp locked (namei CREATE, name absent); may sleep.
 * => 0 and *vpp, the new file, referenced and locked; on error nothing
 *    is left allocated.
 */
int
ext2fs_makeinode(int mode, struct vnode *dvp, struct vnode **vpp,
    struct componentname *cnp)
{
	struct inode *pdir = VTOI(dvp), *ip;
	struct ucred *cred = cnp->cn_cred;
	struct vnode *tvp;
	struct timespec ts;
	int error;

	*vpp = nullptr;
	if ((mode & S_IFMT) == 0)
		mode |= S_IFREG;
	if (pdir->i_e2fs_nlink == 0)
		return ENOENT;		/* the directory was removed */
	if ((error = ext2fs_inode_alloc(pdir, mode, cred, &tvp)) != 0)
		return error;
	ip = VTOI(tvp);
	ext2fs_set_uid(ip, cred == NOCRED || cred == FSCRED ? 0 :
	    cred->cr_uid);
	ext2fs_set_gid(ip, ext2fs_gid(pdir));
	ip->i_e2fs_mode = mode;
	ip->i_e2fs_nlink = 1;
	getnanotime(&ts);
	ext2fs_settime(ip, EXT2_CRTIME, &ts);
	ip->i_flag |= IN_ACCESS | IN_CHANGE | IN_UPDATE | IN_MODIFIED;
	if ((ip->i_e2fs_mode & S_ISGID) && !ext2fs_cred_root(cred) &&
	    !groupmember(ext2fs_gid(ip), cred))
		ip->i_e2fs_mode &= ~S_ISGID;
	if (S_ISCHR(mode) || S_ISBLK(mode)) {
		/* ext2fs_mknod finishes it once the device is known. */
		tvp->v_type = S_ISCHR(mode) ? VCHR : VBLK;
	} else if ((error = ext2fs_vinit(tvp->v_mount, &tvp)) != 0)
		goto bad;

	/* The inode reaches the disk before the name pointing at it. */
	if ((error = ext2fs_update(ip, 1)) != 0)
		goto bad;
	if ((error = ext2fs_direnter(ip, dvp, cnp)) != 0)
		goto bad;
	*vpp = tvp;
	return 0;

bad:
	/* The last vput frees the inode again (ext2fs_inactive). */
	ip->i_e2fs_nlink = 0;
	ip->i_flag |= IN_CHANGE;
	tvp->v_type = VNON;
	vput(tvp);
	return error;
}

const struct vops ext2fs_vops = {
	.vop_lookup = ext2fs_lookup,
	.vop_create = ext2fs_create,
	.vop_mknod = ext2fs_mknod,
	.vop_open = ext2fs_open,
	.vop_close = ext2fs_close,
	.vop_access = ext2fs_access,
	.vop_getattr = ext2fs_getattr,
	.vop_setattr = ext2fs_setattr,
	.vop_read = ext2fs_read,
	.vop_write = ext2fs_write,
	.vop_ioctl = ext2fs_ioctl,
	.vop_fsync = ext2fs_fsync,
	.vop_remove = ext2fs_remove,
	.vop_link = ext2fs_link,
	.vop_rename = ext2fs_rename,
	.vop_mkdir = ext2fs_mkdir,
	.vop_rmdir = ext2fs_rmdir,
	.vop_symlink = ext2fs_symlink,
	.vop_readdir = ext2fs_readdir,
	.vop_readlink = ext2fs_readlink,
	.vop_inactive = ext2fs_inactive,
	.vop_reclaim = ext2fs_reclaim,
	.vop_lock = vop_generic_lock,
	.vop_unlock = vop_generic_unlock,
	.vop_islocked = vop_generic_islocked,
	.vop_bmap = ext2fs_bmap,
	.vop_strategy = ext2fs_strategy,
	.vop_print = ext2fs_print,
};

/*
 * Device files: the driver does the I/O, ext2 keeps the inode.
 * (OpenBSD's ext2fs_specvops.)
 */
const struct vops ext2fs_specvops = {
	.vop_lookup = eopnotsupp,
	.vop_create = eopnotsupp,
	.vop_mknod = eopnotsupp,
	.vop_open = spec_open,
	.vop_close = spec_close,
	.vop_access = ext2fs_access,
	.vop_getattr = ext2fs_getattr,
	.vop_setattr = ext2fs_setattr,
	.vop_read = spec_read,
	.vop_write = spec_write,
	.vop_ioctl = spec_ioctl,
	.vop_fsync = ext2fsspec_fsync,
	.vop_remove = eopnotsupp,
	.vop_link = eopnotsupp,
	.vop_rename = eopnotsupp,
	.vop_mkdir = eopnotsupp,
	.vop_rmdir = eopnotsupp,
	.vop_symlink = eopnotsupp,
	.vop_readdir = eopnotsupp,
	.vop_readlink = eopnotsupp,
	.vop_inactive = ext2fs_inactive,
	.vop_reclaim = ext2fs_reclaim,
	.vop_lock = vop_generic_lock,
	.vop_unlock = vop_generic_unlock,
	.vop_islocked = vop_generic_islocked,
	.vop_bmap = vop_generic_bmap,
	.vop_strategy = spec_strategy,
	.vop_print = ext2fs_print,
};
