/*
 * kern_descrip_test.cc: in-kernel tests of descriptor tables
 * (kern/kern_descrip.cc): the lowest free slot first, growth past
 * NDFILE, the per-process limit (EMFILE), dup2 over an open descriptor,
 * close-on-exec, and fork's copy sharing every file (reference counts).
 * Files come from pipes, so no disk is needed: they run with test=all,
 * each in a descriptor table of its own (fdscope).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/ktest.h>
#include <sys/pipe.h>
#include <sys/proc.h>

#include <sys/select.h>		/* fd_set: <sys/syscallargs.h> */
#include <sys/signal.h>		/* sigset_t, clockid_t: likewise */
#include <sys/syscallargs.h>

#include "kern_descrip_test.h"

/* The system calls, called as syscall() would. */
static int
do_dup(int fd, register_t *newfd)
{
	struct sys_dup_args a;

	SCARG(&a, fd) = fd;
	return sys_dup(curproc, &a, newfd);
}

static int
do_dup2(int from, int to)
{
	struct sys_dup2_args a;
	register_t r;

	SCARG(&a, from) = from;
	SCARG(&a, to) = to;
	return sys_dup2(curproc, &a, &r);
}

static int
do_fcntl(int fd, int cmd, long arg, register_t *r)
{
	struct sys_fcntl_args a;

	SCARG(&a, fd) = fd;
	SCARG(&a, cmd) = cmd;
	SCARG(&a, arg) = (void *)arg;
	return sys_fcntl(curproc, &a, r);
}

/*
 * Slots are taken lowest first, the table grows past NDFILE, a closed
 * slot is reused, and the limit gives EMFILE.
 */
static int
test_fd_growth(void)
{
	fdscope scope;
	struct proc *p = curproc;
	struct filedesc *fdp = p->p_p->ps_fd;
	int lim = fd_limit(p), fds[2], error = 0, n = 0;
	register_t r;

	if (dopipe(p, fds, 0, UIO_SYSSPACE) != 0 || fds[0] != 0 ||
	    fds[1] != 1)
		return ktest_fail("first pipe: %d %d", fds[0], fds[1]);
	for (n = 2; n < lim; n++) {
		if ((error = do_dup(0, &r)) != 0)
			break;
		if (r != n)
			return ktest_fail("dup gave %d, want %d", (int)r, n);
	}
	if (n != lim || error != 0)
		return ktest_fail("%d descriptors (error %d), limit %d", n,
		    error, lim);
	if (fdp->fd_nfiles < lim || fdp->fd_lastfile != lim - 1)
		return ktest_fail("table of %d, last %d", fdp->fd_nfiles,
		    fdp->fd_lastfile);
	if ((error = do_dup(0, &r)) != EMFILE)
		return ktest_fail("dup past the limit: %d", error);
	if ((error = dopipe(p, fds, 0, UIO_SYSSPACE)) != EMFILE)
		return ktest_fail("pipe past the limit: %d", error);
	if ((error = do_dup2(0, lim)) != EBADF)
		return ktest_fail("dup2 to the limit: %d", error);
	/* Holes are filled lowest first. */
	(void)fdrelease(p, 25);
	(void)fdrelease(p, 7);
	if (do_dup(1, &r) != 0 || r != 7 || do_dup(1, &r) != 0 || r != 25)
		return ktest_fail("holes not reused in order");
	/* Emptying the top moves fd_lastfile down. */
	for (int fd = lim - 1; fd >= 10; fd--)
		(void)fdrelease(p, fd);
	if (fdp->fd_lastfile != 9 || fdp->fd_openfd != 10)
		return ktest_fail("last %d, open %d after closing the top",
		    fdp->fd_lastfile, fdp->fd_openfd);
	if (fdrelease(p, 10) != EBADF || fdrelease(p, -1) != EBADF ||
	    fdrelease(p, 1000) != EBADF)
		return ktest_fail("closing what is not open");
	return 0;
}
KTEST_DEFINE(fd_growth, test_fd_growth, 0);

/*
 * dup2 over an open descriptor closes what it named (here the only
 * write end of a pipe: its reader sees end of file); F_DUPFD finds the
 * lowest slot from its argument; close-on-exec goes with F_DUPFD_CLOEXEC
 * and F_SETFD, not with dup, and fdcloseexec honours it.
 */
static int
test_fd_dup(void)
{
	fdscope scope;
	struct proc *p = curproc;
	struct filedesc *fdp = p->p_p->ps_fd;
	int a[2], b[2], error;
	register_t r;

	if (dopipe(p, a, 0, UIO_SYSSPACE) != 0 ||
	    dopipe(p, b, O_CLOEXEC, UIO_SYSSPACE) != 0)
		return ktest_fail("dopipe");
	struct file *rfp = fd_getfile(fdp, a[0]);
	struct pipe *rpipe = (struct pipe *)rfp->f_data;
	FRELE(rfp, p);
	if ((error = do_dup2(b[0], a[1])) != 0)
		return ktest_fail("dup2: %d", error);
	if (!(rpipe->pipe_state & PIPE_EOF))
		return ktest_fail("dup2 did not close the old write end");
	if (fdp->fd_ofiles[a[1]] != fdp->fd_ofiles[b[0]] ||
	    (fdp->fd_ofileflags[a[1]] & UF_EXCLOSE))
		return ktest_fail("dup2's slot: wrong file or close-on-exec");
	if ((error = do_fcntl(b[0], F_DUPFD, 10, &r)) != 0 || r != 10)
		return ktest_fail("F_DUPFD 10: %d, %d", error, (int)r);
	if ((error = do_fcntl(b[0], F_DUPFD_CLOEXEC, 10, &r)) != 0 ||
	    r != 11 || !(fdp->fd_ofileflags[11] & UF_EXCLOSE))
		return ktest_fail("F_DUPFD_CLOEXEC: %d, %d", error, (int)r);
	if (do_fcntl(b[0], F_GETFD, 0, &r) != 0 || r != FD_CLOEXEC)
		return ktest_fail("pipe2 O_CLOEXEC: F_GETFD %d", (int)r);
	if (do_fcntl(10, F_SETFD, FD_CLOEXEC, &r) != 0)
		return ktest_fail("F_SETFD");
	struct file *fp = fdp->fd_ofiles[b[0]];
	u_int count = fp->f_count;
	fdcloseexec(p);
	/* b[0], b[1], 10 and 11 are gone; a[1] (a dup of b[0]) stays. */
	if (fdp->fd_ofiles[b[0]] != nullptr || fdp->fd_ofiles[b[1]] ||
	    fdp->fd_ofiles[10] != nullptr || fdp->fd_ofiles[11] ||
	    fdp->fd_ofiles[a[1]] != fp || fp->f_count != count - 3)
		return ktest_fail("fdcloseexec: count %u, was %u",
		    fp->f_count, count);
	if (do_fcntl(99, F_GETFD, 0, &r) != EBADF ||
	    do_fcntl(a[0], 12345, 0, &r) != EINVAL ||
	    do_fcntl(a[0], F_DUPFD, -1, &r) != EINVAL)
		return ktest_fail("fcntl's errors");
	return 0;
}
KTEST_DEFINE(fd_dup, test_fd_dup, 0);

/*
 * fork's copy of a table points at the same files, each one referenced
 * once more; freeing the copy gives the references back.  A table grown
 * past NDFILE is copied whole.
 */
static int
test_fd_fdcopy(void)
{
	fdscope scope;
	struct proc *p = curproc;
	struct filedesc *fdp = p->p_p->ps_fd;
	int fds[2];
	register_t r;

	if (dopipe(p, fds, 0, UIO_SYSSPACE) != 0)
		return ktest_fail("dopipe");
	if (do_fcntl(fds[1], F_DUPFD, NDFILE + 5, &r) != 0)
		return ktest_fail("F_DUPFD past NDFILE");
	fdp->fd_ofileflags[fds[0]] |= UF_EXCLOSE;
	struct file *rf = fdp->fd_ofiles[fds[0]];
	struct file *wf = fdp->fd_ofiles[fds[1]];
	u_int rc = rf->f_count, wc = wf->f_count;

	struct filedesc *copy = fdcopy(fdp);
	bool same = copy->fd_ofiles[fds[0]] == rf &&
	    copy->fd_ofiles[fds[1]] == wf &&
	    copy->fd_ofiles[NDFILE + 5] == wf &&
	    (copy->fd_ofileflags[fds[0]] & UF_EXCLOSE) &&
	    copy->fd_lastfile == fdp->fd_lastfile &&
	    copy->fd_openfd == fdp->fd_openfd &&
	    copy->fd_cdir == fdp->fd_cdir && copy->fd_cmask == fdp->fd_cmask;
	bool counted = rf->f_count == rc + 1 && wf->f_count == wc + 2;
	fdfree(copy);
	if (!same)
		return ktest_fail("the copy differs");
	if (!counted)
		return ktest_fail("counts %u/%u, want %u/%u", rf->f_count,
		    wf->f_count, rc + 1, wc + 2);
	if (rf->f_count != rc || wf->f_count != wc)
		return ktest_fail("fdfree left counts %u/%u, want %u/%u",
		    rf->f_count, wf->f_count, rc, wc);
	/* Shared, not copied: one table, two users. */
	struct filedesc *shared = fdshare(fdp);
	fdfree(shared);
	if (fdp->fd_refcnt != 1 || fdp->fd_ofiles[fds[0]] != rf)
		return ktest_fail("fdshare/fdfree");
	return 0;
}
KTEST_DEFINE(fd_fdcopy, test_fd_fdcopy, 0);
