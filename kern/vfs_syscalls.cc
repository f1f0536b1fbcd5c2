/*
 * vfs_syscalls.cc: the system calls that name files by path, and those
 * that work on a vnode through a descriptor (OpenBSD's
 * sys/kern/vfs_syscalls.c).
 *
 * Most follow one pattern: namei turns the path into vnodes (locked and
 * referenced as the flags ask, sys/namei.h), a VOP does the work, and
 * the vnodes are let go:
 *
 *	mkdir("a/b", 0755)
 *	  namei(CREATE, LOCKPARENT)  -> ni_dvp = "a" (locked), ni_vp = null
 *	  VOP_MKDIR(ni_dvp, &vp, "b", va)
 *	  vput(ni_dvp), vput(vp)
 *
 * The file system checks what only it can (write permission on the
 * directory, a non-empty directory, a rename into itself); these calls
 * check what every file system would (EEXIST, EISDIR, ENOTDIR, EPERM for
 * root-only calls), in OpenBSD's order so the errno values match.
 *
 * The work of each call is a function OpenBSD names do<call>at
 * (domkdirat, dounlinkat, ...) taking the directory descriptor of the
 * *at(2) family (AT_FDCWD: the current directory) and, here, where the
 * path lives (segflg): the system call passes UIO_USERSPACE, and the
 * kernel's own tests call the same code with UIO_SYSSPACE paths.
 * The calls on a file's attributes (access, chmod, chown, utimes,
 * truncate) are in kern/vfs_attr.cc; those on the current and root
 * directories (chdir, fchdir, chroot, __getcwd) in kern/vfs_getcwd.cc.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/dirent.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>

#include <sys/select.h>		/* fd_set: <sys/syscallargs.h> */
#include <sys/signal.h>		/* sigset_t, clockid_t: <sys/syscallargs.h> */
#include <sys/syscallargs.h>

/*
 * namei_at: namei, with a relative path starting at directory fd
 * instead of the current directory (AT_FDCWD: as namei does).
 * => EBADF, ENOTDIR for a bad fd; otherwise as namei.
 */
static int
namei_at(struct nameidata *ndp, int fd)
{
	struct proc *p = ndp->ni_cnd.cn_proc;
	struct file *fp = nullptr;
	int error;

	if (fd != AT_FDCWD) {
		if ((error = getvnode(p, fd, &fp)) != 0)
			return error;
		struct vnode *dvp = (struct vnode *)fp->f_data;
		if (dvp->v_type != VDIR) {
			FRELE(fp, p);
			return ENOTDIR;
		}
		ndp->ni_startdir = dvp;		/* namei takes its own ref */
	}
	error = namei(ndp);
	if (fp != nullptr)
		FRELE(fp, p);
	return error;
}

/*
 * nd_release: let go of what a CREATE lookup found: ni_vp (if any,
 * unlocked; it may be ni_dvp itself for `.') and ni_dvp (locked).
 */
static void
nd_release(struct nameidata *ndp)
{
	if (ndp->ni_vp != nullptr)
		vrele(ndp->ni_vp);
	vput(ndp->ni_dvp);
	namei_free(ndp);
}

/*
 * doopenat: open(2): a new descriptor for path, opened with oflags
 * (O_RDONLY/O_WRONLY/O_RDWR and O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
 * O_NONBLOCK, O_CLOEXEC, O_DIRECTORY, O_NOFOLLOW); a file it creates
 * gets mode less the umask.  The descriptor comes back in *retval.
 */
int
doopenat(struct proc *p, int fd, const char *path, int oflags, mode_t mode,
    enum uio_seg segflg, register_t *retval)
{
	struct filedesc *fdp = p->p_p->ps_fd;
	struct nameidata nd;
	struct file *fp;
	int flags = FFLAGS(oflags), indx, error;
	int cloexec = (oflags & O_CLOEXEC) ? UF_EXCLOSE : 0;

	if ((error = falloc(p, &fp, &indx)) != 0)
		return error;
	NDINIT(&nd, LOOKUP, 0, segflg, path, p);
	if (fd != AT_FDCWD) {
		struct file *dfp;
		if ((error = getvnode(p, fd, &dfp)) == 0) {
			nd.ni_startdir = (struct vnode *)dfp->f_data;
			if (nd.ni_startdir->v_type != VDIR)
				error = ENOTDIR;
			else
				error = vn_open(&nd, flags, mode);
			FRELE(dfp, p);
		}
	} else
		error = vn_open(&nd, flags, mode);
	if (error != 0) {
		fdremove(fdp, indx);
		FRELE(fp, p);
		/* An open interrupted by a signal is not restarted. */
		return error == ERESTART ? EINTR : error;
	}
	struct vnode *vp = nd.ni_vp;
	fp->f_flag = flags & FMASK;
	fp->f_type = DTYPE_VNODE;
	fp->f_ops = &vnops;
	fp->f_data = vp;
	VOP_UNLOCK(vp);
	fdinsert(fdp, indx, cloexec, fp);
	FRELE(fp, p);
	*retval = indx;
	return 0;
}

int
sys_open(struct proc *p, void *v, register_t *retval)
{
	struct sys_open_args *uap = (struct sys_open_args *)v;

	return doopenat(p, AT_FDCWD, SCARG(uap, path), SCARG(uap, flags),
	    SCARG(uap, mode), UIO_USERSPACE, retval);
}

/*
 * dofstatat: stat(2) and lstat(2) (flag AT_SYMLINK_NOFOLLOW: a last
 * symbolic link is described itself).
 */
int
dofstatat(struct proc *p, int fd, const char *path, struct stat *buf,
    int flag, enum uio_seg segflg)
{
	struct nameidata nd;
	struct stat sb;
	int error;

	NDINIT(&nd, LOOKUP, (flag & AT_SYMLINK_NOFOLLOW) ? NOFOLLOW : FOLLOW,
	    segflg, path, p);
	if ((error = namei_at(&nd, fd)) != 0)
		return error;
	error = vn_stat(nd.ni_vp, &sb, p);
	vrele(nd.ni_vp);
	if (error != 0)
		return error;
	/* The generation number helps guess file handles: root only. */
	if (suser_ucred(p->p_ucred) != 0)
		sb.st_gen = 0;
	if (segflg == UIO_SYSSPACE) {
		memcpy(buf, &sb, sizeof(sb));
		return 0;
	}
	return copyout(&sb, buf, sizeof(sb));
}

int
sys_stat(struct proc *p, void *v, register_t *)
{
	struct sys_stat_args *uap = (struct sys_stat_args *)v;

	return dofstatat(p, AT_FDCWD, SCARG(uap, path), SCARG(uap, ub), 0,
	    UIO_USERSPACE);
}

int
sys_lstat(struct proc *p, void *v, register_t *)
{
	struct sys_lstat_args *uap = (struct sys_lstat_args *)v;

	return dofstatat(p, AT_FDCWD, SCARG(uap, path), SCARG(uap, ub),
	    AT_SYMLINK_NOFOLLOW, UIO_USERSPACE);
}

/* domkdirat: mkdir(2): a directory with mode less the umask. */
int
domkdirat(struct proc *p, int fd, const char *path, mode_t mode,
    enum uio_seg segflg)
{
	struct nameidata nd;
	struct vattr va;
	struct vnode *vp;
	int error;

	NDINIT(&nd, CREATE, LOCKPARENT | SAVENAME, segflg, path, p);
	if ((error = namei_at(&nd, fd)) != 0)
		return error;
	if (nd.ni_vp != nullptr) {
		nd_release(&nd);
		return EEXIST;
	}
	vattr_null(&va);
	va.va_type = VDIR;
	va.va_mode = (mode & ACCESSPERMS) & ~p->p_p->ps_fd->fd_cmask;
	error = VOP_MKDIR(nd.ni_dvp, &vp, &nd.ni_cnd, &va);
	vput(nd.ni_dvp);
	namei_free(&nd);
	if (error == 0)
		vput(vp);
	return error;
}

int
sys_mkdir(struct proc *p, void *v, register_t *)
{
	struct sys_mkdir_args *uap = (struct sys_mkdir_args *)v;

	return domkdirat(p, AT_FDCWD, SCARG(uap, path), SCARG(uap, mode),
	    UIO_USERSPACE);
}

/*
 * dounlinkat: unlink(2), or rmdir(2) with AT_REMOVEDIR.  The file
 * system refuses to unlink a directory (EPERM) or remove a full one
 * (ENOTEMPTY); here: rmdir of a non-directory (ENOTDIR), of `.'
 * (EINVAL), of a mount point or a file system's root (EBUSY).
 */
int
dounlinkat(struct proc *p, int fd, const char *path, int flag,
    enum uio_seg segflg)
{
	struct nameidata nd;
	int error = 0;

	NDINIT(&nd, DELETE, LOCKPARENT | LOCKLEAF | SAVENAME, segflg, path,
	    p);
	if ((error = namei_at(&nd, fd)) != 0)
		return error;
	struct vnode *vp = nd.ni_vp;
	if (flag & AT_REMOVEDIR) {
		if (vp->v_type != VDIR)
			error = ENOTDIR;
		else if (nd.ni_dvp == vp)
			error = EINVAL;
		else if (vp->v_mountedhere != nullptr)
			error = EBUSY;
	}
	if (error == 0 && (vp->v_flag & VROOT))
		error = EBUSY;
	if (error != 0) {
		if (nd.ni_dvp == vp)
			vrele(nd.ni_dvp);
		else
			vput(nd.ni_dvp);
		vput(vp);
	} else if (flag & AT_REMOVEDIR) {
		error = VOP_RMDIR(nd.ni_dvp, vp, &nd.ni_cnd);
	} else {
		error = VOP_REMOVE(nd.ni_dvp, vp, &nd.ni_cnd);
	}
	namei_free(&nd);
	return error;
}

int
sys_unlink(struct proc *p, void *v, register_t *)
{
	struct sys_unlink_args *uap = (struct sys_unlink_args *)v;

	return dounlinkat(p, AT_FDCWD, SCARG(uap, path), 0, UIO_USERSPACE);
}

int
sys_rmdir(struct proc *p, void *v, register_t *)
{
	struct sys_rmdir_args *uap = (struct sys_rmdir_args *)v;

	return dounlinkat(p, AT_FDCWD, SCARG(uap, path), AT_REMOVEDIR,
	    UIO_USERSPACE);
}

/*
 * dolinkat: link(2): path2 becomes another name for path1's file
 * (following a last symbolic link of path1 with AT_SYMLINK_FOLLOW).
 */
int
dolinkat(struct proc *p, int fd1, const char *path1, int fd2,
    const char *path2, int flag, enum uio_seg segflg)
{
	struct nameidata nd;
	int error;

	NDINIT(&nd, LOOKUP, (flag & AT_SYMLINK_FOLLOW) ? FOLLOW : NOFOLLOW,
	    segflg, path1, p);
	if ((error = namei_at(&nd, fd1)) != 0)
		return error;
	struct vnode *vp = nd.ni_vp;
	NDINIT(&nd, CREATE, LOCKPARENT | SAVENAME, segflg, path2, p);
	if ((error = namei_at(&nd, fd2)) != 0) {
		vrele(vp);
		return error;
	}
	if (nd.ni_vp != nullptr || (nd.ni_cnd.cn_flags & REQUIREDIR)) {
		/* "name/" may only be made by mkdir. */
		error = nd.ni_vp != nullptr ? EEXIST : ENOENT;
		nd_release(&nd);
	} else {
		error = VOP_LINK(nd.ni_dvp, vp, &nd.ni_cnd);
		namei_free(&nd);
	}
	vrele(vp);
	return error;
}

int
sys_link(struct proc *p, void *v, register_t *)
{
	struct sys_link_args *uap = (struct sys_link_args *)v;

	return dolinkat(p, AT_FDCWD, SCARG(uap, path), AT_FDCWD,
	    SCARG(uap, link), AT_SYMLINK_FOLLOW, UIO_USERSPACE);
}

/*
 * dosymlinkat: symlink(2): link, a new symbolic link holding upath.
 * Both strings are in segflg's space.
 */
int
dosymlinkat(struct proc *p, const char *upath, int fd, const char *link,
    enum uio_seg segflg)
{
	struct nameidata nd;
	struct vattr va;
	struct vnode *vp;
	size_t len;
	int error;

	char *target = (char *)malloc(MAXPATHLEN, M_NAMEI, M_WAITOK);
	error = segflg == UIO_SYSSPACE ?
	    copystr(upath, target, MAXPATHLEN, &len) :
	    copyinstr(upath, target, MAXPATHLEN, &len);
	if (error != 0)
		goto out;
	NDINIT(&nd, CREATE, LOCKPARENT | SAVENAME, segflg, link, p);
	if ((error = namei_at(&nd, fd)) != 0)
		goto out;
	if (nd.ni_vp != nullptr || (nd.ni_cnd.cn_flags & REQUIREDIR)) {
		error = nd.ni_vp != nullptr ? EEXIST : ENOENT;
		nd_release(&nd);
		goto out;
	}
	vattr_null(&va);
	va.va_type = VLNK;
	va.va_mode = ACCESSPERMS & ~p->p_p->ps_fd->fd_cmask;
	error = VOP_SYMLINK(nd.ni_dvp, &vp, &nd.ni_cnd, &va, target);
	vput(nd.ni_dvp);
	namei_free(&nd);
	if (error == 0)
		vput(vp);
out:
	free(target, M_NAMEI, MAXPATHLEN);
	return error;
}

int
sys_symlink(struct proc *p, void *v, register_t *)
{
	struct sys_symlink_args *uap = (struct sys_symlink_args *)v;

	return dosymlinkat(p, SCARG(uap, path), AT_FDCWD, SCARG(uap, link),
	    UIO_USERSPACE);
}

/*
 * doreadlinkat: readlink(2): up to count bytes of the link's target
 * (no NUL) into buf; the length goes into *retval.  EINVAL if path is
 * not a symbolic link.
 */
int
doreadlinkat(struct proc *p, int fd, const char *path, char *buf,
    size_t count, enum uio_seg segflg, register_t *retval)
{
	struct nameidata nd;
	int error;

	if (count > __LONG_MAX__)
		return EINVAL;
	NDINIT(&nd, LOOKUP, NOFOLLOW | LOCKLEAF, segflg, path, p);
	if ((error = namei_at(&nd, fd)) != 0)
		return error;
	struct vnode *vp = nd.ni_vp;
	struct iovec iov = { buf, count };
	struct uio uio = { &iov, 1, 0, count, segflg, UIO_READ, p };
	if (vp->v_type != VLNK)
		error = EINVAL;
	else
		error = VOP_READLINK(vp, &uio, p->p_ucred);
	vput(vp);
	*retval = count - uio.uio_resid;
	return error;
}

int
sys_readlink(struct proc *p, void *v, register_t *retval)
{
	struct sys_readlink_args *uap = (struct sys_readlink_args *)v;

	return doreadlinkat(p, AT_FDCWD, SCARG(uap, path), SCARG(uap, buf),
	    SCARG(uap, count), UIO_USERSPACE, retval);
}

/*
 * dorenameat: rename(2): from's file takes the name to, replacing what
 * to named.  A directory replaces only an (empty) directory (ENOTDIR)
 * and only a directory replaces one (EISDIR); a directory cannot move
 * into itself (EINVAL, which the file system checks further down the
 * tree); two names of one file: nothing happens.
 */
int
dorenameat(struct proc *p, int fromfd, const char *from, int tofd,
    const char *to, enum uio_seg segflg)
{
	struct nameidata fromnd, tond;
	int error;

	NDINIT(&fromnd, DELETE, WANTPARENT | SAVENAME, segflg, from, p);
	if ((error = namei_at(&fromnd, fromfd)) != 0)
		return error;
	struct vnode *fvp = fromnd.ni_vp;
	NDINIT(&tond, RENAME, LOCKPARENT | LOCKLEAF | NOCACHE | SAVENAME,
	    segflg, to, p);
	if ((error = namei_at(&tond, tofd)) != 0) {
		vrele(fromnd.ni_dvp);
		vrele(fvp);
		namei_free(&fromnd);
		return error;
	}
	struct vnode *tdvp = tond.ni_dvp, *tvp = tond.ni_vp;
	if (tvp != nullptr) {
		if (fvp->v_type == VDIR && tvp->v_type != VDIR)
			error = ENOTDIR;
		else if (fvp->v_type != VDIR && tvp->v_type == VDIR)
			error = EISDIR;
	}
	if (error == 0 && fvp == tdvp)
		error = EINVAL;
	if (error == 0) {
		/* VOP_RENAME lets go of all four (and the fvp == tvp case). */
		error = VOP_RENAME(fromnd.ni_dvp, fvp, &fromnd.ni_cnd, tdvp,
		    tvp, &tond.ni_cnd);
	} else {
		if (tdvp == tvp)
			vrele(tdvp);
		else
			vput(tdvp);
		if (tvp != nullptr)
			vput(tvp);
		vrele(fromnd.ni_dvp);
		vrele(fvp);
	}
	namei_free(&fromnd);
	namei_free(&tond);
	return error;
}

int
sys_rename(struct proc *p, void *v, register_t *)
{
	struct sys_rename_args *uap = (struct sys_rename_args *)v;

	return dorenameat(p, AT_FDCWD, SCARG(uap, from), AT_FDCWD,
	    SCARG(uap, to), UIO_USERSPACE);
}

/* umask(2): the new file creation mask; the old one comes back. */
int
sys_umask(struct proc *p, void *v, register_t *retval)
{
	struct sys_umask_args *uap = (struct sys_umask_args *)v;
	struct filedesc *fdp = p->p_p->ps_fd;

	*retval = fdp->fd_cmask;
	fdp->fd_cmask = SCARG(uap, newmask) & ACCESSPERMS;
	return 0;
}

/* fsync(2): the file's data and inode on the disk before it returns. */
int
sys_fsync(struct proc *p, void *v, register_t *)
{
	struct sys_fsync_args *uap = (struct sys_fsync_args *)v;
	struct file *fp;
	int error;

	if ((error = getvnode(p, SCARG(uap, fd), &fp)) != 0)
		return error;
	struct vnode *vp = (struct vnode *)fp->f_data;
	if ((error = vn_lock(vp, LK_EXCLUSIVE | LK_RETRY)) == 0) {
		error = VOP_FSYNC(vp, fp->f_cred, MNT_WAIT, p);
		VOP_UNLOCK(vp);
	}
	FRELE(fp, p);
	return error;
}

/*
 * sync(2): everything dirty to the disks.  OpenBSD only starts the
 * writes; we wait for them, which POSIX allows and which makes "sync,
 * then stop QEMU" safe.
 */
int
sys_sync(struct proc *, void *, register_t *)
{
	vfs_sync_all(MNT_WAIT);
	return 0;
}

/*
 * getdents(2): the directory's entries from the file's offset on, as
 * struct dirent records (sys/dirent.h) filling at most buflen bytes;
 * the bytes used come back, 0 at the end.  The offset is the file
 * system's cookie: only what getdents left there, or 0, is meaningful.
 */
int
sys_getdents(struct proc *p, void *v, register_t *retval)
{
	struct sys_getdents_args *uap = (struct sys_getdents_args *)v;
	size_t buflen = SCARG(uap, buflen);
	struct file *fp;
	int error, eofflag;

	if (buflen > __INT_MAX__)
		return EINVAL;
	if ((error = getvnode(p, SCARG(uap, fd), &fp)) != 0)
		return error;
	struct vnode *vp = (struct vnode *)fp->f_data;
	if (!(fp->f_flag & FREAD)) {
		FRELE(fp, p);
		return EBADF;
	}
	if (vp->v_type != VDIR || fp->f_offset < 0) {
		FRELE(fp, p);
		return EINVAL;
	}
	struct iovec iov = { SCARG(uap, buf), buflen };
	struct uio uio = { &iov, 1, 0, buflen, UIO_USERSPACE, UIO_READ, p };
	if ((error = vn_lock(vp, LK_EXCLUSIVE | LK_RETRY)) == 0) {
		uio.uio_offset = fp->f_offset;
		error = VOP_READDIR(vp, &uio, fp->f_cred, &eofflag);
		fp->f_offset = uio.uio_offset;
		VOP_UNLOCK(vp);
	}
	*retval = buflen - uio.uio_resid;
	FRELE(fp, p);
	return error;
}

/*
 * lseek(2): the file's new offset (SEEK_SET, SEEK_CUR, SEEK_END), which
 * comes back as a 64-bit result.  A pipe has none: ESPIPE.
 */
int
sys_lseek(struct proc *p, void *v, register_t *retval)
{
	struct sys_lseek_args *uap = (struct sys_lseek_args *)v;
	struct file *fp = fd_getfile(p->p_p->ps_fd, SCARG(uap, fd));
	off_t offset = SCARG(uap, offset);
	int error;

	if (fp == nullptr)
		return EBADF;
	if (fp->f_ops->fo_seek == nullptr)
		error = ESPIPE;
	else
		error = fp->f_ops->fo_seek(fp, &offset, SCARG(uap, whence), p);
	FRELE(fp, p);
	if (error == 0) {
		retval[0] = (register_t)(offset & 0xffffffff);
		retval[1] = (register_t)(offset >> 32);
	}
	return error;
}
