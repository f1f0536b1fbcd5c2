/*
 * vfs_vnops.cc: what the rest of the kernel does with vnodes, above the
 * VOP_* calls (OpenBSD's sys/kern/vfs_vnops.c).
 *
 *  - vn_open: the heart of open(2): namei, create the file if asked,
 *    check permissions, truncate, VOP_OPEN.
 *  - vn_close: the reverse.
 *  - vn_rdwr: read or write a vnode into a kernel (or user) buffer in
 *    one call: exec reading a program header, the kernel's own tests.
 *  - vn_stat: VOP_GETATTR turned into the struct stat of stat(2).
 *  - vnops: what an open file that is a vnode does (struct fileops,
 *    sys/file.h): vn_read, vn_write, vn_ioctl, vn_poll, vn_statfile,
 *    vn_closefile, vn_seek.  read(2) on a descriptor of a file, a
 *    directory or a device comes here; these keep the file's offset
 *    (f_offset) and lock the vnode around each VOP.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/filio.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/poll.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>

/*
 * vn_open: open ndp's path with fmode (FREAD|FWRITE|O_CREAT|O_EXCL|
 * O_TRUNC|O_NOFOLLOW|O_DIRECTORY...), creating a regular file with
 * permissions cmode (less the umask) when O_CREAT asks.
 * => process context, may sleep.  ndp set up with NDINIT (any op).
 * => on success ndp->ni_vp is the open vnode, referenced and locked.
 */
int
vn_open(struct nameidata *ndp, int fmode, int cmode)
{
	struct componentname *cnp = &ndp->ni_cnd;
	struct proc *p = cnp->cn_proc;
	struct ucred *cred = p->p_ucred;
	struct vnode *vp;
	struct vattr va;
	int error;

	if ((fmode & (FREAD | FWRITE)) == 0)
		return EINVAL;
	if ((fmode & (O_TRUNC | FWRITE)) == O_TRUNC)
		return EINVAL;
	if (fmode & O_CREAT) {
		cnp->cn_nameiop = CREATE;
		cnp->cn_flags = LOCKPARENT | LOCKLEAF | SAVENAME;
		if (!(fmode & (O_EXCL | O_NOFOLLOW)))
			cnp->cn_flags |= FOLLOW;
		if ((error = namei(ndp)) != 0)
			return error;
		if (ndp->ni_vp == nullptr &&
		    (cnp->cn_flags & REQUIREDIR)) {
			/* "name/" names a directory: not one to create. */
			vput(ndp->ni_dvp);
			namei_free(ndp);
			ndp->ni_dvp = nullptr;
			return ENOENT;
		}
		if (ndp->ni_vp == nullptr) {
			vattr_null(&va);
			va.va_type = VREG;
			va.va_mode = cmode & ALLPERMS &
			    ~p->p_p->ps_fd->fd_cmask;
			error = VOP_CREATE(ndp->ni_dvp, &ndp->ni_vp, cnp, &va);
			vput(ndp->ni_dvp);
			namei_free(ndp);
			if (error != 0)
				return error;
			fmode &= ~O_TRUNC;
			vp = ndp->ni_vp;
		} else {
			namei_free(ndp);
			if (ndp->ni_dvp == ndp->ni_vp)
				vrele(ndp->ni_dvp);
			else
				vput(ndp->ni_dvp);
			ndp->ni_dvp = nullptr;
			vp = ndp->ni_vp;
			if (fmode & O_EXCL) {
				error = EEXIST;
				goto bad;
			}
			fmode &= ~O_CREAT;
		}
	} else {
		cnp->cn_nameiop = LOOKUP;
		cnp->cn_flags = (fmode & O_NOFOLLOW) ? LOCKLEAF :
		    FOLLOW | LOCKLEAF;
		if ((error = namei(ndp)) != 0)
			return error;
		vp = ndp->ni_vp;
	}
	if (vp->v_type == VSOCK) {
		error = EOPNOTSUPP;
		goto bad;
	}
	if (vp->v_type == VLNK) {
		error = ELOOP;		/* O_NOFOLLOW met a link */
		goto bad;
	}
	if ((fmode & O_DIRECTORY) && vp->v_type != VDIR) {
		error = ENOTDIR;
		goto bad;
	}
	if (!(fmode & O_CREAT)) {
		if ((fmode & FREAD) &&
		    (error = VOP_ACCESS(vp, VREAD, cred, p)) != 0)
			goto bad;
		if (fmode & FWRITE) {
			if (vp->v_type == VDIR) {
				error = EISDIR;
				goto bad;
			}
			if ((error = VOP_ACCESS(vp, VWRITE, cred, p)) != 0)
				goto bad;
		}
	}
	if ((fmode & O_TRUNC) && vp->v_type == VREG) {
		vattr_null(&va);
		va.va_size = 0;
		if ((error = VOP_SETATTR(vp, &va, cred, p)) != 0)
			goto bad;
	}
	if ((error = VOP_OPEN(vp, fmode, cred, p)) != 0)
		goto bad;
	if (fmode & FWRITE)
		vp->v_writecount++;
	return 0;

bad:
	vput(vp);
	ndp->ni_vp = nullptr;
	return error;
}

/*
 * vn_close: undo vn_open: VOP_CLOSE and drop the reference.
 * => vp referenced, not locked; process context, may sleep.
 */
int
vn_close(struct vnode *vp, int flags, struct ucred *cred, struct proc *p)
{
	int error;

	if (flags & FWRITE) {
		KASSERT(vp->v_writecount > 0);
		vp->v_writecount--;
	}
	if ((error = vn_lock(vp, LK_EXCLUSIVE | LK_RETRY)) != 0) {
		vrele(vp);
		return error;
	}
	error = VOP_CLOSE(vp, flags, cred, p);
	vput(vp);
	return error;
}

/*
 * vn_rdwr: read or write len bytes at offset between vp and base.
 * => vp referenced; locked by the caller if ioflg has IO_NODELOCKED,
 *    else locked here for the transfer.  May sleep.
 * => *aresid (if not null) gets the bytes not moved; without aresid a
 *    short transfer is an error (EIO).
 */
int
vn_rdwr(enum uio_rw rw, struct vnode *vp, caddr_t base, int len,
    off_t offset, enum uio_seg segflg, int ioflg, struct ucred *cred,
    size_t *aresid, struct proc *p)
{
	struct iovec iov = { base, (size_t)len };
	struct uio uio = { &iov, 1, offset, (size_t)len, segflg, rw, p };
	int error;

	if (!(ioflg & IO_NODELOCKED) &&
	    (error = vn_lock(vp, LK_EXCLUSIVE | LK_RETRY)) != 0)
		return error;
	if (rw == UIO_READ)
		error = VOP_READ(vp, &uio, ioflg, cred);
	else
		error = VOP_WRITE(vp, &uio, ioflg, cred);
	if (aresid != nullptr)
		*aresid = uio.uio_resid;
	else if (uio.uio_resid != 0 && error == 0)
		error = EIO;
	if (!(ioflg & IO_NODELOCKED))
		VOP_UNLOCK(vp);
	return error;
}

/* The S_IF* bits of each vnode type. */
static const mode_t vttoif_tab[] = { 0, S_IFREG, S_IFDIR, S_IFBLK, S_IFCHR,
	S_IFLNK, S_IFSOCK, S_IFIFO, S_IFMT };

/*
 * vn_stat: vp's attributes as a struct stat.
 * => vp referenced (lock not needed); may sleep.
 */
int
vn_stat(struct vnode *vp, struct stat *sb, struct proc *p)
{
	struct vattr va;
	int error;

	if ((error = VOP_GETATTR(vp, &va, p->p_ucred, p)) != 0)
		return error;
	memset(sb, 0, sizeof(*sb));
	sb->st_dev = va.va_fsid;
	sb->st_ino = va.va_fileid;
	sb->st_mode = (va.va_mode & ALLPERMS) | vttoif_tab[vp->v_type];
	sb->st_nlink = va.va_nlink;
	sb->st_uid = va.va_uid;
	sb->st_gid = va.va_gid;
	sb->st_rdev = va.va_rdev;
	sb->st_size = va.va_size;
	sb->st_atim = va.va_atime;
	sb->st_mtim = va.va_mtime;
	sb->st_ctim = va.va_ctime;
	sb->st_blksize = va.va_blocksize;
	sb->st_flags = va.va_flags;
	sb->st_gen = va.va_gen;
	sb->st_blocks = va.va_bytes / 512;
	return 0;
}

/*
 * vn_read: fo_read of a vnode: from f_offset (advanced by what was read)
 * or, for pread (FO_POSITION), from uio_offset.
 * => process context, may sleep.  EISDIR for a directory (getdents(2)
 *    reads those), EINVAL for an offset that would wrap.
 */
static int
vn_read(struct file *fp, struct uio *uio, int fflags)
{
	struct vnode *vp = (struct vnode *)fp->f_data;
	size_t count = uio->uio_resid;
	int error;

	if (!(fflags & FO_POSITION))
		uio->uio_offset = fp->f_offset;
	/* Only a character device may be read past what an off_t holds. */
	if (vp->v_type != VCHR &&
	    count > (size_t)(INT64_MAX - uio->uio_offset))
		return EINVAL;
	if (vp->v_type == VDIR)
		return EISDIR;
	if ((error = vn_lock(vp, LK_SHARED | LK_RETRY)) != 0)
		return error;
	error = VOP_READ(vp, uio, (fp->f_flag & FNONBLOCK) ? IO_NDELAY : 0,
	    fp->f_cred);
	VOP_UNLOCK(vp);
	if (!(fflags & FO_POSITION))
		fp->f_offset += count - uio->uio_resid;
	return error;
}

/*
 * vn_write: fo_write of a vnode: at f_offset, or at the end for a file
 * opened with O_APPEND, or at uio_offset for pwrite (FO_POSITION).
 * => process context, may sleep.
 */
static int
vn_write(struct file *fp, struct uio *uio, int fflags)
{
	struct vnode *vp = (struct vnode *)fp->f_data;
	size_t count = uio->uio_resid;
	int ioflag = IO_UNIT, error;

	if (vp->v_type == VREG && (fp->f_flag & O_APPEND) &&
	    !(fflags & FO_POSITION))
		ioflag |= IO_APPEND;
	if (fp->f_flag & FNONBLOCK)
		ioflag |= IO_NDELAY;
	if (fp->f_flag & FFSYNC)
		ioflag |= IO_SYNC;
	if ((error = vn_lock(vp, LK_EXCLUSIVE | LK_RETRY)) != 0)
		return error;
	if (!(fflags & FO_POSITION))
		uio->uio_offset = fp->f_offset;
	error = VOP_WRITE(vp, uio, ioflag, fp->f_cred);
	if (!(fflags & FO_POSITION)) {
		/* An append leaves the offset at the new end. */
		if (ioflag & IO_APPEND)
			fp->f_offset = uio->uio_offset;
		else
			fp->f_offset += count - uio->uio_resid;
	}
	VOP_UNLOCK(vp);
	return error;
}

/*
 * vn_ioctl: fo_ioctl of a vnode.  A file or directory knows FIONREAD
 * (the bytes after the offset) and accepts FIONBIO and FIOASYNC; a
 * device gets the request (the console's terminal ioctls); the rest is
 * ENOTTY.
 */
static int
vn_ioctl(struct file *fp, u_long com, caddr_t data, struct proc *p)
{
	struct vnode *vp = (struct vnode *)fp->f_data;
	struct vattr va;
	int error;

	switch (vp->v_type) {
	case VREG:
	case VDIR:
		if (com == FIONREAD) {
			if ((error = VOP_GETATTR(vp, &va, p->p_ucred, p)) != 0)
				return error;
			off_t left = (off_t)va.va_size - fp->f_offset;
			*(int *)data = left < 0 ? 0 :
			    left > INT32_MAX ? INT32_MAX : (int)left;
			return 0;
		}
		if (com == FIONBIO || com == FIOASYNC)
			return 0;
		return ENOTTY;
	case VFIFO:
	case VCHR:
	case VBLK:
		error = VOP_IOCTL(vp, com, data, fp->f_flag, p->p_ucred, p);
		/*
		 * FIONBIO and FIOASYNC only tell the driver what f_flag
		 * already says: one that does not care (mem(4)) is fine.
		 */
		if (error == ENOTTY && (com == FIONBIO || com == FIOASYNC))
			error = 0;
		return error;
	default:
		return ENOTTY;
	}
}

/*
 * vn_poll: fo_poll of a vnode.  Files and directories are always ready.
 * A device is readable when FIONREAD says bytes wait (or when it has no
 * FIONREAD: /dev/null and /dev/zero never block) and always writable;
 * a device that makes a reader wait (the console) calls selwakeup when
 * input arrives.
 */
static int
vn_poll(struct file *fp, int events, struct proc *p)
{
	struct vnode *vp = (struct vnode *)fp->f_data;
	int ready = events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);

	if (vp->v_type != VCHR || !(events & (POLLIN | POLLRDNORM)))
		return ready;
	int n = 0;
	if (VOP_IOCTL(vp, FIONREAD, &n, fp->f_flag, p->p_ucred, p) == 0 &&
	    n == 0)
		ready &= ~(POLLIN | POLLRDNORM);
	return ready;
}

/* vn_statfile: fo_stat of a vnode: stat(2) of the open file. */
static int
vn_statfile(struct file *fp, struct stat *sb, struct proc *p)
{
	return vn_stat((struct vnode *)fp->f_data, sb, p);
}

/*
 * vn_closefile: fo_close of a vnode: the last reference to the open
 * file is gone (sys/file.h): close the vnode as it was opened.
 */
static int
vn_closefile(struct file *fp, struct proc *p)
{
	struct vnode *vp = (struct vnode *)fp->f_data;

	fp->f_data = nullptr;
	return vn_close(vp, fp->f_flag, fp->f_cred, p);
}

/*
 * vn_seek: fo_seek of a vnode: lseek(2).  The new offset may lie past
 * the end (a later write leaves a hole) but not before the start,
 * except on a character device, where offsets mean what the driver says.
 */
static int
vn_seek(struct file *fp, off_t *offset, int whence, struct proc *p)
{
	struct vnode *vp = (struct vnode *)fp->f_data;
	struct vattr va;
	off_t newoff;
	int error;

	switch (whence) {
	case SEEK_SET:
		newoff = *offset;
		break;
	case SEEK_CUR:
		if (__builtin_add_overflow(fp->f_offset, *offset, &newoff))
			return EINVAL;
		break;
	case SEEK_END:
		if ((error = VOP_GETATTR(vp, &va, fp->f_cred, p)) != 0)
			return error;
		if (__builtin_add_overflow((off_t)va.va_size, *offset,
		    &newoff))
			return EINVAL;
		break;
	default:
		return EINVAL;
	}
	if (newoff < 0 && vp->v_type != VCHR)
		return EINVAL;
	fp->f_offset = *offset = newoff;
	return 0;
}

const struct fileops vnops = {
	.fo_read = vn_read,
	.fo_write = vn_write,
	.fo_ioctl = vn_ioctl,
	.fo_poll = vn_poll,
	.fo_stat = vn_statfile,
	.fo_close = vn_closefile,
	.fo_seek = vn_seek,
};
