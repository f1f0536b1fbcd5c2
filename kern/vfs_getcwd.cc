/*
 * vfs_getcwd.cc: the current and root directories: chdir(2), fchdir,
 * chroot (from OpenBSD's sys/kern/vfs_syscalls.c) and __getcwd(2), the
 * name of the current directory, the system call under getcwd(3)
 * (OpenBSD's sys/kern/vfs_getcwd.c).
 *
 * The directories are the process's filedesc's fd_cdir and fd_rdir
 * (sys/filedesc.h), each holding a reference to its vnode; namei
 * starts relative paths at the first and stops `..' at the second.
 *
 * A directory does not know its own name: only its parent does, as one
 * of its entries.  So the path is built backwards, from the end of a
 * buffer towards its start, one step up at a time:
 *
 *	cwd = /usr/src:   look up ".." in src -> usr; read usr's entries
 *	                  for the one whose inode is src's -> "/src"
 *	                  look up ".." in usr -> /; find usr -> "/usr/src"
 *	                  at the root: done.
 *
 * At the root of a mounted file system the walk continues from the
 * directory it is mounted on; it stops at the process's root (chroot)
 * or the real one.  OpenBSD asks the name cache for a directory's name
 * first (cache_revlookup); we always read the parent, which is slower
 * but needs nothing from the cache.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/dirent.h>
#include <sys/errno.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>

#include <sys/select.h>		/* fd_set: <sys/syscallargs.h> */
#include <sys/signal.h>		/* sigset_t, clockid_t: <sys/syscallargs.h> */
#include <sys/syscallargs.h>

#define DIRBUFLEN	2048	/* directory bytes read at a time */

/*
 * change_dir: the directory ndp names, for chdir and chroot: it must
 * be a directory (ENOTDIR) the caller may search (EACCES).  On success
 * ndp->ni_vp is referenced, unlocked.
 */
static int
change_dir(struct nameidata *ndp, struct proc *p)
{
	int error;

	if ((error = namei(ndp)) != 0)
		return error;
	struct vnode *vp = ndp->ni_vp;
	if (vp->v_type != VDIR)
		error = ENOTDIR;
	else
		error = VOP_ACCESS(vp, VEXEC, p->p_ucred, p);
	if (error != 0)
		vput(vp);
	else
		VOP_UNLOCK(vp);
	return error;
}

/* chdir(2). */
int
sys_chdir(struct proc *p, void *v, register_t *)
{
	struct sys_chdir_args *uap = (struct sys_chdir_args *)v;
	struct filedesc *fdp = p->p_p->ps_fd;
	struct nameidata nd;
	int error;

	NDINIT(&nd, LOOKUP, FOLLOW | LOCKLEAF, UIO_USERSPACE,
	    SCARG(uap, path), p);
	if ((error = change_dir(&nd, p)) != 0)
		return error;
	struct vnode *old = fdp->fd_cdir;
	fdp->fd_cdir = nd.ni_vp;
	if (old != nullptr)
		vrele(old);
	return 0;
}

/* fchdir(2): the current directory becomes the directory fd names. */
int
sys_fchdir(struct proc *p, void *v, register_t *)
{
	struct sys_fchdir_args *uap = (struct sys_fchdir_args *)v;
	struct filedesc *fdp = p->p_p->ps_fd;
	struct file *fp;
	int error;

	if ((error = getvnode(p, SCARG(uap, fd), &fp)) != 0)
		return error;
	struct vnode *vp = (struct vnode *)fp->f_data;
	vref(vp);
	FRELE(fp, p);
	if (vp->v_type != VDIR) {
		vrele(vp);
		return ENOTDIR;
	}
	if ((error = vn_lock(vp, LK_EXCLUSIVE | LK_RETRY)) != 0) {
		vrele(vp);
		return error;
	}
	error = VOP_ACCESS(vp, VEXEC, p->p_ucred, p);
	VOP_UNLOCK(vp);
	if (error != 0) {
		vrele(vp);
		return error;
	}
	struct vnode *old = fdp->fd_cdir;
	fdp->fd_cdir = vp;
	if (old != nullptr)
		vrele(old);
	return 0;
}

/*
 * chroot(2): path becomes the process's `/' (root only).  Inside a
 * chroot already, the current directory moves there too, so that a
 * second chroot cannot leave the process outside its new root.
 */
int
sys_chroot(struct proc *p, void *v, register_t *)
{
	struct sys_chroot_args *uap = (struct sys_chroot_args *)v;
	struct filedesc *fdp = p->p_p->ps_fd;
	struct nameidata nd;
	int error;

	if ((error = suser_ucred(p->p_ucred)) != 0)
		return error;
	NDINIT(&nd, LOOKUP, FOLLOW | LOCKLEAF, UIO_USERSPACE,
	    SCARG(uap, path), p);
	if ((error = change_dir(&nd, p)) != 0)
		return error;
	struct vnode *old_rdir = fdp->fd_rdir;
	fdp->fd_rdir = nd.ni_vp;
	if (old_rdir != nullptr) {
		struct vnode *old_cdir = fdp->fd_cdir;
		vref(nd.ni_vp);
		fdp->fd_cdir = nd.ni_vp;
		if (old_cdir != nullptr)
			vrele(old_cdir);
		vrele(old_rdir);
	}
	return 0;
}

/*
 * getcwd_prepend: "/name" in front of *bpp, which may not go below
 * bufp.  ERANGE if it does not fit.
 */
static int
getcwd_prepend(char **bpp, char *bufp, const char *name, size_t len)
{
	char *bp = *bpp;

	if ((size_t)(bp - bufp) < len + 1)
		return ERANGE;
	bp -= len;
	memcpy(bp, name, len);
	*--bp = '/';
	*bpp = bp;
	return 0;
}

/*
 * getcwd_lookupparent: the parent of directory lvp (`..'), referenced,
 * not locked.  => lvp referenced, not locked; it stays so.
 */
static int
getcwd_lookupparent(struct vnode *lvp, struct vnode **uvpp, struct proc *p)
{
	struct componentname cn;
	char dotdot[] = "..";
	int error;

	memset(&cn, 0, sizeof(cn));
	cn.cn_nameiop = LOOKUP;
	cn.cn_flags = ISLASTCN | ISDOTDOT;
	cn.cn_proc = p;
	cn.cn_cred = p->p_ucred;
	cn.cn_nameptr = dotdot;
	cn.cn_namelen = 2;
	if ((error = vn_lock(lvp, LK_EXCLUSIVE | LK_RETRY)) != 0)
		return error;
	error = VOP_LOOKUP(lvp, uvpp, &cn);
	VOP_UNLOCK(lvp);
	return error;
}

/*
 * getcwd_scandir: find the entry of directory uvp that names inode
 * fileid (not `.' or `..') and prepend its name at *bpp.
 * => uvp referenced, not locked.  ENOENT if no entry names it (the
 *    directory was removed and its parent link is stale), EACCES if uvp
 *    may not be read and searched, ERANGE if the name does not fit.
 */
static int
getcwd_scandir(struct vnode *uvp, u_quad_t fileid, char **bpp, char *bufp,
    struct proc *p)
{
	char *dirbuf = (char *)malloc(DIRBUFLEN, M_TEMP, M_WAITOK);
	int error, eofflag = 0;
	off_t off = 0;
	bool found = false;

	if ((error = vn_lock(uvp, LK_EXCLUSIVE | LK_RETRY)) != 0)
		goto out;
	error = VOP_ACCESS(uvp, VREAD | VEXEC, p->p_ucred, p);
	while (error == 0 && !found && !eofflag) {
		struct iovec iov = { dirbuf, DIRBUFLEN };
		struct uio uio = { &iov, 1, off, DIRBUFLEN, UIO_SYSSPACE,
		    UIO_READ, p };
		if ((error = VOP_READDIR(uvp, &uio, p->p_ucred,
		    &eofflag)) != 0)
			break;
		size_t len = DIRBUFLEN - uio.uio_resid;
		if (len == 0)
			break;
		off = uio.uio_offset;
		for (size_t pos = 0; pos < len && !found;) {
			struct dirent *dp = (struct dirent *)(dirbuf + pos);
			if (dp->d_reclen == 0)
				break;
			pos += dp->d_reclen;
			bool dot = dp->d_name[0] == '.' && (dp->d_namlen == 1 ||
			    (dp->d_namlen == 2 && dp->d_name[1] == '.'));
			if (dp->d_fileno != fileid || dot)
				continue;
			error = getcwd_prepend(bpp, bufp, dp->d_name,
			    dp->d_namlen);
			found = true;
		}
	}
	VOP_UNLOCK(uvp);
	if (error == 0 && !found)
		error = ENOENT;
out:
	free(dirbuf, M_TEMP, DIRBUFLEN);
	return error;
}

/*
 * vfs_getcwd_common: the path from rvp down to lvp, built backwards in
 * front of *bpp (not below bufp); *bpp is left at its first byte.
 * => process context, may sleep.  Nothing need be locked or held.
 */
int
vfs_getcwd_common(struct vnode *lvp, struct vnode *rvp, char **bpp,
    char *bufp, struct proc *p)
{
	char *bp = *bpp;
	struct vattr va;
	int error = 0;

	vref(lvp);
	while (lvp != rvp && lvp != rootvnode) {
		/* A mounted root: continue from where it is mounted. */
		if ((lvp->v_flag & VROOT) && lvp->v_mount != nullptr &&
		    lvp->v_mount->mnt_vnodecovered != nullptr) {
			struct vnode *tvp = lvp->v_mount->mnt_vnodecovered;
			vref(tvp);
			vrele(lvp);
			lvp = tvp;
			continue;
		}
		struct vnode *uvp;
		if ((error = VOP_GETATTR(lvp, &va, p->p_ucred, p)) != 0 ||
		    (error = getcwd_lookupparent(lvp, &uvp, p)) != 0)
			break;
		vrele(lvp);
		lvp = uvp;
		if (lvp->v_type != VDIR) {
			error = ENOTDIR;
			break;
		}
		if ((error = getcwd_scandir(lvp, va.va_fileid, &bp, bufp,
		    p)) != 0)
			break;
	}
	vrele(lvp);
	if (error == 0 && bp == *bpp) {
		/* The root itself. */
		if (bp - bufp < 1)
			error = ERANGE;
		else
			*--bp = '/';
	}
	*bpp = bp;
	return error;
}

/*
 * __getcwd(2): the current directory's path, NUL-terminated, into buf
 * of len bytes; the length used (with the NUL) comes back.  ERANGE if
 * it does not fit.
 */
int
sys___getcwd(struct proc *p, void *v, register_t *retval)
{
	struct sys___getcwd_args *uap = (struct sys___getcwd_args *)v;
	struct filedesc *fdp = p->p_p->ps_fd;
	size_t len = SCARG(uap, len);
	int error;

	if (len > MAXPATHLEN * 4)
		len = MAXPATHLEN * 4;
	else if (len < 2)
		return ERANGE;
	struct vnode *rvp = fdp->fd_rdir != nullptr ? fdp->fd_rdir : rootvnode;
	struct vnode *cvp = fdp->fd_cdir != nullptr ? fdp->fd_cdir : rvp;
	if (cvp == nullptr)
		return ENOENT;		/* no root file system */
	char *path = (char *)malloc(len, M_TEMP, M_WAITOK);
	char *bp = &path[len];
	*--bp = '\0';
	error = vfs_getcwd_common(cvp, rvp, &bp, path, p);
	if (error == 0) {
		size_t lenused = &path[len] - bp;
		error = copyout(bp, SCARG(uap, buf), lenused);
		*retval = lenused;
	}
	free(path, M_TEMP, len);
	return error;
}
