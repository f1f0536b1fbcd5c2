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
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/filedesc.h>
#include <sys/namei.h>
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
