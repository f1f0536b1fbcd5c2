/*
 * kern_descrip.cc: a process's file descriptor state (struct filedesc).
 *
 * For now a filedesc holds the current and root directories and the
 * umask (sys/filedesc.h); the descriptor table itself arrives with the
 * system calls that use it.  Kernel threads share proc0's filedesc
 * (fdshare), so once the root is mounted every one of them resolves
 * relative paths from `/'.  fork will copy it (fdcopy): the child gets
 * its own references to the same directories.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/filedesc.h>
#include <sys/malloc.h>
#include <sys/vnode.h>

/* fdinit: an empty filedesc: no directories yet, the default umask. */
struct filedesc *
fdinit(void)
{
	struct filedesc *fdp = (struct filedesc *)malloc(sizeof(*fdp),
	    M_FILEDESC, M_WAITOK | M_ZERO);

	fdp->fd_refcnt = 1;
	fdp->fd_cmask = CMASK;
	return fdp;
}

/* fdshare: one more process uses fdp (kernel threads). */
struct filedesc *
fdshare(struct filedesc *fdp)
{
	fdp->fd_refcnt++;
	return fdp;
}

/*
 * fdcopy: a private copy of fdp for a child, holding its own
 * references to the directories.
 * => process context, may sleep.
 */
struct filedesc *
fdcopy(struct filedesc *fdp)
{
	struct filedesc *nfdp = fdinit();

	nfdp->fd_cmask = fdp->fd_cmask;
	if ((nfdp->fd_cdir = fdp->fd_cdir) != nullptr)
		vref(nfdp->fd_cdir);
	if ((nfdp->fd_rdir = fdp->fd_rdir) != nullptr)
		vref(nfdp->fd_rdir);
	return nfdp;
}

/*
 * fdfree: a process lets go of fdp; the last one releases the
 * directories and frees it.
 * => process context, may sleep (vrele).
 */
void
fdfree(struct filedesc *fdp)
{
	if (--fdp->fd_refcnt > 0)
		return;
	if (fdp->fd_cdir != nullptr)
		vrele(fdp->fd_cdir);
	if (fdp->fd_rdir != nullptr)
		vrele(fdp->fd_rdir);
	free(fdp, M_FILEDESC, sizeof(*fdp));
}
