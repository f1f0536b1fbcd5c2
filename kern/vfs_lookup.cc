/*
 * vfs_lookup.cc: namei, from a path name to a vnode (OpenBSD's
 * sys/kern/vfs_lookup.c, namei(9)).
 *
 * namei copies the path in, picks the starting directory (the process's
 * root for "/...", its current directory otherwise) and hands the walk to
 * vfs_lookup, which takes one component at a time:
 *
 *	"/usr/bin/cc":  dp = root
 *	    VOP_LOOKUP(dp, "usr") -> vp;  dp = vp
 *	    VOP_LOOKUP(dp, "bin") -> vp;  dp = vp
 *	    VOP_LOOKUP(dp, "cc")  -> vp   (the last component: ISLASTCN)
 *
 * On the way it deals with what no file system should have to:
 *  - `..' at the process's root stays there, and `..' at the root of a
 *    mounted file system continues in the directory it covers;
 *  - a directory something is mounted on continues in the mounted root;
 *  - a symbolic link in the middle of a path (or at its end, with
 *    FOLLOW) is read and spliced into the path, at most MAXSYMLINKS
 *    times (ELOOP); vfs_lookup returns with ISSYMLINK and namei splices;
 *  - search permission (VEXEC) on every directory passed through.
 *
 * Locks (sys/vnode.h): the directory being searched is locked;
 * VOP_LOOKUP returns the vnode found unlocked; the walk drops the
 * directory's lock before locking the next one, so a thread never waits
 * for a vnode lock while holding another except parent-then-child at
 * the last step, and `..' cannot deadlock.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/filedesc.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>

/*
 * copy_path: the caller's path into buf (MAXPATHLEN bytes), from user
 * space (copyinstr) or the kernel's (copystr).
 * => ENAMETOOLONG if it does not fit, ENOENT if it is empty, EFAULT for
 *    a bad user address.
 */
static int
copy_path(struct nameidata *ndp, char *buf)
{
	size_t len;
	int error = ndp->ni_segflg == UIO_SYSSPACE ?
	    copystr(ndp->ni_dirp, buf, MAXPATHLEN, &len) :
	    copyinstr(ndp->ni_dirp, buf, MAXPATHLEN, &len);

	if (error != 0)
		return error;
	if (len <= 1)
		return ENOENT;
	ndp->ni_pathlen = len;
	return 0;
}

/*
 * namei: look up ndp's path (see sys/namei.h for what comes back).
 * => process context (cn_proc), may sleep.  Nothing is locked on entry.
 * => returns 0 or an errno; on error nothing is held.
 */
int
namei(struct nameidata *ndp)
{
	struct componentname *cnp = &ndp->ni_cnd;
	struct proc *p = cnp->cn_proc;
	struct filedesc *fdp = p->p_p->ps_fd;
	struct vnode *dp;
	int error;

	KASSERT((cnp->cn_nameiop & ~OPMASK) == 0);
	/*
	 * CREATE, DELETE and RENAME are followed by a VOP that reads the
	 * last name (cn_nameptr): the caller keeps the buffer (SAVENAME)
	 * and frees it after that VOP with namei_free.
	 */
	KASSERT(cnp->cn_nameiop == LOOKUP || (cnp->cn_flags & SAVENAME));
	cnp->cn_cred = p->p_ucred;
	cnp->cn_pnbuf = (char *)malloc(MAXPATHLEN, M_NAMEI, M_WAITOK);
	cnp->cn_flags |= HASBUF;
	ndp->ni_vp = ndp->ni_dvp = nullptr;
	ndp->ni_loopcnt = 0;
	if ((error = copy_path(ndp, cnp->cn_pnbuf)) != 0)
		goto fail;

	ndp->ni_rootdir = fdp->fd_rdir != nullptr ? fdp->fd_rdir : rootvnode;
	if (ndp->ni_rootdir == nullptr) {
		error = ENOENT;		/* no root file system */
		goto fail;
	}
	if (cnp->cn_pnbuf[0] == '/')
		dp = ndp->ni_rootdir;
	else if (ndp->ni_startdir != nullptr)
		dp = ndp->ni_startdir;
	else
		dp = fdp->fd_cdir != nullptr ? fdp->fd_cdir : ndp->ni_rootdir;
	vref(dp);

	for (;;) {
		cnp->cn_nameptr = cnp->cn_pnbuf;
		ndp->ni_startdir = dp;
		if ((error = vn_lock(dp, LK_EXCLUSIVE)) != 0) {
			vrele(dp);
			goto fail;
		}
		if ((error = vfs_lookup(ndp)) != 0)
			goto fail;
		if (!(cnp->cn_flags & ISSYMLINK))
			break;

		/*
		 * A symbolic link: ni_vp is the link (locked), ni_dvp the
		 * directory holding it (referenced).  Read the link and
		 * make "target/rest of the path" the path to walk.
		 */
		struct vnode *lvp = ndp->ni_vp;
		char *cp = nullptr;
		size_t linklen = 0, restlen = strlen(ndp->ni_next);
		if (ndp->ni_loopcnt++ >= MAXSYMLINKS) {
			error = ELOOP;
		} else {
			cp = (char *)malloc(MAXPATHLEN, M_NAMEI, M_WAITOK);
			struct iovec iov = { cp, MAXPATHLEN };
			struct uio uio = { &iov, 1, 0, MAXPATHLEN,
			    UIO_SYSSPACE, UIO_READ, p };
			error = VOP_READLINK(lvp, &uio, cnp->cn_cred);
			linklen = MAXPATHLEN - uio.uio_resid;
			if (error == 0 && linklen == 0)
				error = ENOENT;
			else if (error == 0 && linklen + restlen + 2 > MAXPATHLEN)
				error = ENAMETOOLONG;
		}
		vput(lvp);
		ndp->ni_vp = nullptr;
		dp = ndp->ni_dvp;
		ndp->ni_dvp = nullptr;
		if (error != 0) {
			if (cp != nullptr)
				free(cp, M_NAMEI, MAXPATHLEN);
			vrele(dp);
			goto fail;
		}
		if (restlen > 0) {
			cp[linklen] = '/';
			memcpy(cp + linklen + 1, ndp->ni_next, restlen + 1);
		} else
			cp[linklen] = '\0';
		free(cnp->cn_pnbuf, M_NAMEI, MAXPATHLEN);
		cnp->cn_pnbuf = cp;
		cnp->cn_flags &= ~ISSYMLINK;
		if (cp[0] == '/') {
			vrele(dp);
			dp = ndp->ni_rootdir;
			vref(dp);
		}
	}
	if (!(cnp->cn_flags & SAVENAME))
		namei_free(ndp);
	return 0;

fail:
	namei_free(ndp);
	ndp->ni_vp = ndp->ni_dvp = nullptr;
	return error;
}

/* namei_free: free the path buffer (SAVENAME callers, when done). */
void
namei_free(struct nameidata *ndp)
{
	struct componentname *cnp = &ndp->ni_cnd;

	if (cnp->cn_flags & HASBUF) {
		free(cnp->cn_pnbuf, M_NAMEI, MAXPATHLEN);
		cnp->cn_flags &= ~HASBUF;
		cnp->cn_pnbuf = nullptr;
	}
}

/*
 * lookup_finish: the last component was found (vp, referenced, not
 * locked; dp its directory, locked): hand back what the flags ask for.
 */
static int
lookup_finish(struct nameidata *ndp, struct vnode *dp, struct vnode *vp)
{
	u_long flags = ndp->ni_cnd.cn_flags;
	int error;

	if (flags & LOCKPARENT) {
		ndp->ni_dvp = dp;		/* stays locked */
	} else {
		VOP_UNLOCK(dp);
		if (flags & WANTPARENT)
			ndp->ni_dvp = dp;
		else
			vrele(dp);
	}
	/* `.' is its own parent, already locked if LOCKPARENT. */
	if ((flags & LOCKLEAF) && !(vp == dp && (flags & LOCKPARENT))) {
		if ((error = vn_lock(vp, LK_EXCLUSIVE)) != 0) {
			vrele(vp);
			if (ndp->ni_dvp != nullptr) {
				if (flags & LOCKPARENT)
					vput(ndp->ni_dvp);
				else
					vrele(ndp->ni_dvp);
				ndp->ni_dvp = nullptr;
			}
			return error;
		}
	}
	ndp->ni_vp = vp;
	return 0;
}

/*
 * lookup_dotdot: `..' from dp: at the process's root it is dp itself; at
 * the root of a mounted file system it is looked up in the directory
 * that file system covers instead.  Returns the directory in which to
 * look `..' up, locked and referenced (dp, or what dp covers), or sets
 * *vpp to dp itself (referenced again) when `..' goes nowhere.
 */
static struct vnode *
lookup_dotdot(struct nameidata *ndp, struct vnode *dp, struct vnode **vpp)
{
	*vpp = nullptr;
	for (;;) {
		if (dp == ndp->ni_rootdir || dp == rootvnode) {
			vref(dp);
			*vpp = dp;
			return dp;
		}
		if (!(dp->v_flag & VROOT) || dp->v_mount == nullptr ||
		    dp->v_mount->mnt_vnodecovered == nullptr)
			return dp;
		struct vnode *tdp = dp->v_mount->mnt_vnodecovered;
		vref(tdp);
		vput(dp);
		if (vn_lock(tdp, LK_EXCLUSIVE | LK_RETRY) != 0)
			return tdp;
		dp = tdp;
	}
}

/*
 * vfs_lookup: walk ndp's path from ni_startdir (locked, referenced),
 * component by component.  Returns as namei does, or with ISSYMLINK
 * set: ni_vp is a symbolic link to follow (locked), ni_dvp its directory
 * (referenced, not locked), ni_next the rest of the path.
 * => process context, may sleep.  On error nothing is held.
 */
int
vfs_lookup(struct nameidata *ndp)
{
	struct componentname *cnp = &ndp->ni_cnd;
	struct vnode *dp = ndp->ni_startdir, *vp;
	u_long op = cnp->cn_nameiop & OPMASK;
	u_long wantparent = cnp->cn_flags & (LOCKPARENT | WANTPARENT);
	char *cp = cnp->cn_nameptr;
	int error;

	cnp->cn_flags &= ~(ISSYMLINK | ISLASTCN | ISDOTDOT | REQUIREDIR);
	ndp->ni_dvp = ndp->ni_vp = nullptr;

	for (;;) {
		while (*cp == '/')
			cp++;
		if (*cp == '\0') {
			/*
			 * The path ends at a directory: "/" or "a/" after
			 * its last name was walked.  There is no last name
			 * to create, remove or rename.
			 */
			if (op != LOOKUP) {
				error = op == CREATE ? EEXIST : EISDIR;
				goto bad;
			}
			if (wantparent) {
				/* No parent to give: "/" has none here. */
				error = EISDIR;
				goto bad;
			}
			if (!(cnp->cn_flags & LOCKLEAF))
				VOP_UNLOCK(dp);
			ndp->ni_vp = dp;
			return 0;
		}
		if (dp->v_type != VDIR) {
			error = ENOTDIR;
			goto bad;
		}
		if ((error = VOP_ACCESS(dp, VEXEC, cnp->cn_cred,
		    cnp->cn_proc)) != 0)
			goto bad;

		/* One component: up to the next slash. */
		cnp->cn_nameptr = cp;
		while (*cp != '\0' && *cp != '/')
			cp++;
		cnp->cn_namelen = cp - cnp->cn_nameptr;
		if (cnp->cn_namelen > NAME_MAX) {
			error = ENAMETOOLONG;
			goto bad;
		}
		ndp->ni_next = cp;
		char *rest = cp;
		while (*rest == '/')
			rest++;
		cnp->cn_flags &= ~(ISLASTCN | ISDOTDOT | MAKEENTRY |
		    REQUIREDIR);
		if (*rest == '\0') {
			cnp->cn_flags |= ISLASTCN;
			if (rest != cp)		/* "name/": a directory */
				cnp->cn_flags |= REQUIREDIR;
		}
		if (cnp->cn_namelen == 2 && cnp->cn_nameptr[0] == '.' &&
		    cnp->cn_nameptr[1] == '.')
			cnp->cn_flags |= ISDOTDOT;
		if (!(cnp->cn_flags & NOCACHE) &&
		    !((cnp->cn_flags & ISLASTCN) && op != LOOKUP))
			cnp->cn_flags |= MAKEENTRY;
		bool dotname = (cnp->cn_flags & ISDOTDOT) ||
		    (cnp->cn_namelen == 1 && cnp->cn_nameptr[0] == '.');
		if ((cnp->cn_flags & ISLASTCN) && dotname &&
		    (op == CREATE || op == RENAME)) {
			/* `.' and `..' always exist and are not ours to make. */
			error = EISDIR;
			goto bad;
		}

		vp = nullptr;
		if (cnp->cn_flags & ISDOTDOT) {
			dp = lookup_dotdot(ndp, dp, &vp);
			if (vp == nullptr && dp->v_type == VBAD) {
				error = ENOENT;
				goto bad;
			}
		}
		if (vp == nullptr) {
			error = VOP_LOOKUP(dp, &vp, cnp);
			if (error == EJUSTRETURN) {
				/* CREATE or RENAME, and the name is free. */
				KASSERT(cnp->cn_flags & ISLASTCN);
				KASSERT(op == CREATE || op == RENAME);
				if (!(cnp->cn_flags & LOCKPARENT))
					VOP_UNLOCK(dp);
				ndp->ni_dvp = dp;
				return 0;
			}
			if (error != 0)
				goto bad;
		}

		/* A mounted file system hides this directory. */
		struct mount *mp;
		while (vp->v_type == VDIR &&
		    (mp = vp->v_mountedhere) != nullptr) {
			struct vnode *tdp;
			if ((error = VFS_ROOT(mp, &tdp)) != 0) {
				vrele(vp);
				goto bad;
			}
			vrele(vp);
			vp = tdp;
		}

		if (vp->v_type == VLNK && ((cnp->cn_flags & FOLLOW) ||
		    !(cnp->cn_flags & ISLASTCN) ||
		    (cnp->cn_flags & REQUIREDIR))) {
			if (vp == dp) {
				vrele(vp);
				error = ELOOP;
				goto bad;
			}
			VOP_UNLOCK(dp);
			ndp->ni_dvp = dp;
			if ((error = vn_lock(vp, LK_EXCLUSIVE)) != 0) {
				vrele(vp);
				vrele(dp);
				ndp->ni_dvp = nullptr;
				return error;
			}
			ndp->ni_vp = vp;
			cnp->cn_flags |= ISSYMLINK;
			return 0;
		}
		if ((cnp->cn_flags & REQUIREDIR) && vp->v_type != VDIR) {
			vrele(vp);
			error = ENOTDIR;
			goto bad;
		}
		if (cnp->cn_flags & ISLASTCN)
			return lookup_finish(ndp, dp, vp);

		/* On to the next directory, never holding two locks. */
		if (vp == dp) {
			vrele(vp);		/* `.': still locked */
			continue;
		}
		vput(dp);
		dp = vp;
		if ((error = vn_lock(dp, LK_EXCLUSIVE)) != 0) {
			vrele(dp);
			return error;
		}
	}

bad:
	vput(dp);
	ndp->ni_dvp = ndp->ni_vp = nullptr;
	return error;
}
