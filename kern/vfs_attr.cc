/*
 * vfs_attr.cc: the system calls on a file's attributes: access(2),
 * chmod, fchmod, chown, fchown, utimes, truncate and ftruncate (part of
 * OpenBSD's sys/kern/vfs_syscalls.c, which is kern/vfs_syscalls.cc here
 * for the rest).
 *
 * Each finds the vnode (namei on the path, or the descriptor's file)
 * and asks the file system through VOP_SETATTR, with the fields that do
 * not change left VNOVAL.  The file system decides who may: the owner
 * or root for the mode and the times, root for giving a file away
 * (EPERM), nobody on a read-only mount (EROFS).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/vnode.h>

#include <sys/select.h>		/* fd_set: <sys/syscallargs.h> */
#include <sys/signal.h>		/* sigset_t, clockid_t: <sys/syscallargs.h> */
#include <sys/syscallargs.h>

/* access(2)'s modes, OpenBSD's <sys/unistd.h>. */
#define R_OK	0x04
#define W_OK	0x02
#define X_OK	0x01

/* vn_writechk: may vp's contents change?  Not while a program runs it. */
static int
vn_writechk(struct vnode *vp)
{
	if (vp->v_type == VREG && (vp->v_flag & VTEXT))
		return ETXTBSY;
	return 0;
}

/*
 * access(2): may the real user (not the effective one, as the check a
 * setuid program makes for its caller) read, write or run path?
 */
int
sys_access(struct proc *p, void *v, register_t *)
{
	struct sys_access_args *uap = (struct sys_access_args *)v;
	int amode = SCARG(uap, amode), error;
	struct nameidata nd;

	if (amode & ~(R_OK | W_OK | X_OK))
		return EINVAL;
	/* namei and the file system see the real ids for the walk, too. */
	struct ucred *cred = p->p_ucred;
	struct ucred *newcred = crdup(cred);
	newcred->cr_uid = cred->cr_ruid;
	newcred->cr_gid = cred->cr_rgid;
	p->p_ucred = newcred;
	NDINIT(&nd, LOOKUP, FOLLOW | LOCKLEAF, UIO_USERSPACE,
	    SCARG(uap, path), p);
	if ((error = namei(&nd)) == 0) {
		struct vnode *vp = nd.ni_vp;
		int vmode = (amode & R_OK ? VREAD : 0) |
		    (amode & W_OK ? VWRITE : 0) | (amode & X_OK ? VEXEC : 0);
		if (vmode != 0 && (!(vmode & VWRITE) ||
		    (error = vn_writechk(vp)) == 0))
			error = VOP_ACCESS(vp, vmode, newcred, p);
		vput(vp);
	}
	p->p_ucred = cred;
	crfree(newcred);
	return error;
}

/*
 * setattr_locked: VOP_SETATTR of va on vp, locking it around the call.
 * The file system checks ownership (EPERM) and a read-only mount.
 */
static int
setattr_locked(struct vnode *vp, struct vattr *va, struct ucred *cred,
    struct proc *p)
{
	int error;

	if ((error = vn_lock(vp, LK_EXCLUSIVE | LK_RETRY)) != 0)
		return error;
	error = VOP_SETATTR(vp, va, cred, p);
	VOP_UNLOCK(vp);
	return error;
}

/* setattr_path: setattr_locked on what path names (following links). */
static int
setattr_path(struct proc *p, const char *path, enum uio_seg segflg,
    struct vattr *va)
{
	struct nameidata nd;
	int error;

	NDINIT(&nd, LOOKUP, FOLLOW, segflg, path, p);
	if ((error = namei(&nd)) != 0)
		return error;
	error = setattr_locked(nd.ni_vp, va, p->p_ucred, p);
	vrele(nd.ni_vp);
	return error;
}

/* setattr_fd: setattr_locked on the vnode descriptor fd names. */
static int
setattr_fd(struct proc *p, int fd, struct vattr *va)
{
	struct file *fp;
	int error;

	if ((error = getvnode(p, fd, &fp)) != 0)
		return error;
	error = setattr_locked((struct vnode *)fp->f_data, va, p->p_ucred, p);
	FRELE(fp, p);
	return error;
}

/* chmod(2), fchmod(2): the permission bits (owner or root). */
int
sys_chmod(struct proc *p, void *v, register_t *)
{
	struct sys_chmod_args *uap = (struct sys_chmod_args *)v;
	struct vattr va;

	if (SCARG(uap, mode) & ~(S_IFMT | ALLPERMS))
		return EINVAL;
	vattr_null(&va);
	va.va_mode = SCARG(uap, mode) & ALLPERMS;
	return setattr_path(p, SCARG(uap, path), UIO_USERSPACE, &va);
}

int
sys_fchmod(struct proc *p, void *v, register_t *)
{
	struct sys_fchmod_args *uap = (struct sys_fchmod_args *)v;
	struct vattr va;

	if (SCARG(uap, mode) & ~(S_IFMT | ALLPERMS))
		return EINVAL;
	vattr_null(&va);
	va.va_mode = SCARG(uap, mode) & ALLPERMS;
	return setattr_fd(p, SCARG(uap, fd), &va);
}

/* chown(2), fchown(2): owner and group; -1 keeps one as it is. */
int
sys_chown(struct proc *p, void *v, register_t *)
{
	struct sys_chown_args *uap = (struct sys_chown_args *)v;
	struct vattr va;

	vattr_null(&va);
	va.va_uid = SCARG(uap, uid);
	va.va_gid = SCARG(uap, gid);
	return setattr_path(p, SCARG(uap, path), UIO_USERSPACE, &va);
}

int
sys_fchown(struct proc *p, void *v, register_t *)
{
	struct sys_fchown_args *uap = (struct sys_fchown_args *)v;
	struct vattr va;

	vattr_null(&va);
	va.va_uid = SCARG(uap, uid);
	va.va_gid = SCARG(uap, gid);
	return setattr_fd(p, SCARG(uap, fd), &va);
}

/*
 * utimes(2): access and modification times from tptr[0] and tptr[1],
 * or both now for a null tptr (which anyone who may write the file may
 * ask: VA_UTIMES_NULL).
 */
int
sys_utimes(struct proc *p, void *v, register_t *)
{
	struct sys_utimes_args *uap = (struct sys_utimes_args *)v;
	struct timeval tv[2];
	struct vattr va;
	int error;

	vattr_null(&va);
	if (SCARG(uap, tptr) == nullptr) {
		getnanotime(&va.va_atime);
		va.va_mtime = va.va_atime;
		va.va_vaflags |= VA_UTIMES_NULL;
	} else {
		if ((error = copyin(SCARG(uap, tptr), tv, sizeof(tv))) != 0)
			return error;
		for (const struct timeval &t : tv)
			if (t.tv_usec < 0 || t.tv_usec >= 1000000)
				return EINVAL;
		TIMEVAL_TO_TIMESPEC(&tv[0], &va.va_atime);
		TIMEVAL_TO_TIMESPEC(&tv[1], &va.va_mtime);
	}
	return setattr_path(p, SCARG(uap, path), UIO_USERSPACE, &va);
}

/* truncate(2): path's file becomes length bytes long. */
int
sys_truncate(struct proc *p, void *v, register_t *)
{
	struct sys_truncate_args *uap = (struct sys_truncate_args *)v;
	struct nameidata nd;
	struct vattr va;
	int error;

	if (SCARG(uap, length) < 0)
		return EINVAL;
	NDINIT(&nd, LOOKUP, FOLLOW | LOCKLEAF, UIO_USERSPACE,
	    SCARG(uap, path), p);
	if ((error = namei(&nd)) != 0)
		return error;
	struct vnode *vp = nd.ni_vp;
	if (vp->v_type == VDIR)
		error = EISDIR;
	else if ((error = VOP_ACCESS(vp, VWRITE, p->p_ucred, p)) == 0 &&
	    (error = vn_writechk(vp)) == 0) {
		vattr_null(&va);
		va.va_size = SCARG(uap, length);
		error = VOP_SETATTR(vp, &va, p->p_ucred, p);
	}
	vput(vp);
	return error;
}

/* ftruncate(2): the same through a descriptor open for writing. */
int
sys_ftruncate(struct proc *p, void *v, register_t *)
{
	struct sys_ftruncate_args *uap = (struct sys_ftruncate_args *)v;
	struct file *fp;
	struct vattr va;
	int error;

	if ((error = getvnode(p, SCARG(uap, fd), &fp)) != 0)
		return error;
	struct vnode *vp = (struct vnode *)fp->f_data;
	if (SCARG(uap, length) < 0 || !(fp->f_flag & FWRITE))
		error = EINVAL;
	else if (vp->v_type == VDIR)
		error = EISDIR;
	else if ((error = vn_writechk(vp)) == 0 &&
	    (error = vn_lock(vp, LK_EXCLUSIVE | LK_RETRY)) == 0) {
		vattr_null(&va);
		va.va_size = SCARG(uap, length);
		error = VOP_SETATTR(vp, &va, fp->f_cred, p);
		VOP_UNLOCK(vp);
	}
	FRELE(fp, p);
	return error;
}
