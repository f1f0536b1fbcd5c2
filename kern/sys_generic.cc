/*
 * sys_generic.cc: the system calls that work on any open file, whatever
 * it is: read, write, readv, writev, pread, pwrite, ioctl, select and
 * poll (OpenBSD's sys/kern/sys_generic.c).
 *
 * Each describes its transfer as a struct uio over the user's buffers
 * and hands it to the file's own operation (fp->f_ops->fo_read, ...):
 *
 *	read(fd, buf, n)
 *	  -> dofilereadv: fd_getfile_mode(FREAD), uio { buf, n, USERSPACE }
 *	     -> fp->f_ops->fo_read(fp, &uio, 0)
 *	        vn_read (a file, a device) or pipe_read (a pipe)
 *	  <- bytes moved = n - uio_resid
 *
 * A transfer that an error cuts short after moving some bytes (a signal
 * during a pipe write, a non-blocking read that ran dry) reports the
 * bytes, not the error: the program must see what happened to its data.
 * A write on a pipe no one reads fails with EPIPE and sends SIGPIPE.
 *
 * ioctl(2) does the copying for every driver: the request number says
 * how big its argument is and which way it goes (sys/ioccom.h).
 *
 * select(2) and poll(2) ask each file's fo_poll whether it is ready, and
 * sleep if none is.  Our wakeup scheme is the simplest that is correct:
 * one wait channel, selwait, for every waiting select and poll; a file
 * that becomes ready calls selwakeup(), which wakes them all, and each
 * looks at its files again.  (OpenBSD records the waiting thread in the
 * file's struct selinfo and wakes only it, unless two collide; here it
 * is always as if they had.)  nselcoll, counted by every selwakeup,
 * closes the window between a scan that found nothing and the sleep.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/filio.h>
#include <sys/ioccom.h>
#include <sys/kernel.h>
#include <sys/malloc.h>
#include <sys/poll.h>
#include <sys/proc.h>
#include <sys/select.h>
#include <sys/signalvar.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <machine/intr.h>

#include <sys/syscallargs.h>

#define UIO_SMALLIOV	8		/* iovecs kept on the stack */
#define IOV_MAX		1024		/* at most this many iovecs */
#define SSIZE_MAX	__LONG_MAX__

/*
 * iovec_copyin: the user's iovcnt iovecs into aiov (or, for many, a
 * malloc(9)ed array in *iovp), and their total length in *residp.
 * => EINVAL for a bad count or a total past SSIZE_MAX, EFAULT.  On
 *    success the caller frees a malloced *iovp with iovec_free.
 */
static int
iovec_copyin(const struct iovec *uiov, struct iovec **iovp,
    struct iovec *aiov, u_int iovcnt, size_t *residp)
{
	struct iovec *iov = aiov;
	size_t resid = 0;

	if (iovcnt == 0 || iovcnt > IOV_MAX)
		return EINVAL;
	if (iovcnt > UIO_SMALLIOV)
		iov = (struct iovec *)mallocarray(iovcnt, sizeof(*iov), M_IOV,
		    M_WAITOK);
	*iovp = iov;
	int error = copyin(uiov, iov, iovcnt * sizeof(*iov));
	if (error != 0)
		return error;
	for (u_int i = 0; i < iovcnt; i++) {
		/* Each length and the sum must fit a ssize_t result. */
		if (iov[i].iov_len > SSIZE_MAX ||
		    resid > SSIZE_MAX - iov[i].iov_len)
			return EINVAL;
		resid += iov[i].iov_len;
	}
	*residp = resid;
	return 0;
}

static void
iovec_free(struct iovec *iov, u_int iovcnt)
{
	if (iovcnt > UIO_SMALLIOV)
		free(iov, M_IOV, iovcnt * sizeof(*iov));
}

/*
 * is_seekable: pread/pwrite need a file with offsets: not a pipe, not a
 * terminal (ESPIPE).
 */
static bool
is_seekable(struct file *fp)
{
	if (fp->f_type != DTYPE_VNODE)
		return false;
	struct vnode *vp = (struct vnode *)fp->f_data;
	return vp->v_type != VFIFO && !(vp->v_flag & VISTTY);
}

/*
 * position_check: pread and pwrite (FO_POSITION) need a file that can
 * seek (ESPIPE) and, but for a character device, an offset that is not
 * negative (EINVAL).
 */
static int
position_check(struct file *fp, struct uio *uio, int flags)
{
	if (!(flags & FO_POSITION))
		return 0;
	if (!is_seekable(fp))
		return ESPIPE;
	if (uio->uio_offset < 0 &&
	    ((struct vnode *)fp->f_data)->v_type != VCHR)
		return EINVAL;
	return 0;
}

/*
 * dofilereadv: the common part of the reads: uio (its iovecs, resid
 * and, with FO_POSITION, offset set) from descriptor fd.
 */
static int
dofilereadv(struct proc *p, int fd, struct uio *uio, int flags,
    register_t *retval)
{
	struct file *fp = fd_getfile_mode(p->p_p->ps_fd, fd, FREAD);
	int error;

	if (fp == nullptr)
		return EBADF;
	if ((error = position_check(fp, uio, flags)) != 0) {
		FRELE(fp, p);
		return error;
	}
	uio->uio_rw = UIO_READ;
	uio->uio_segflg = UIO_USERSPACE;
	uio->uio_procp = p;
	size_t cnt = uio->uio_resid;
	error = fp->f_ops->fo_read(fp, uio, flags);
	if (error != 0 && uio->uio_resid != cnt && (error == ERESTART ||
	    error == EINTR || error == EWOULDBLOCK))
		error = 0;
	cnt -= uio->uio_resid;
	fp->f_rxfer++;
	fp->f_rbytes += cnt;
	*retval = cnt;
	FRELE(fp, p);
	return error;
}

/* dofilewritev: the common part of the writes, as dofilereadv. */
static int
dofilewritev(struct proc *p, int fd, struct uio *uio, int flags,
    register_t *retval)
{
	struct file *fp = fd_getfile_mode(p->p_p->ps_fd, fd, FWRITE);
	int error;

	if (fp == nullptr)
		return EBADF;
	if ((error = position_check(fp, uio, flags)) != 0) {
		FRELE(fp, p);
		return error;
	}
	uio->uio_rw = UIO_WRITE;
	uio->uio_segflg = UIO_USERSPACE;
	uio->uio_procp = p;
	size_t cnt = uio->uio_resid;
	error = fp->f_ops->fo_write(fp, uio, flags);
	if (error != 0) {
		if (uio->uio_resid != cnt && (error == ERESTART ||
		    error == EINTR || error == EWOULDBLOCK))
			error = 0;
		/* No reader: the writer is told by a signal, too. */
		if (error == EPIPE)
			psignal(p, SIGPIPE);
	}
	cnt -= uio->uio_resid;
	fp->f_wxfer++;
	fp->f_wbytes += cnt;
	*retval = cnt;
	FRELE(fp, p);
	return error;
}

/* One user buffer as a uio. */
static void
uio_single(struct uio *uio, struct iovec *iov, void *buf, size_t len)
{
	iov->iov_base = buf;
	iov->iov_len = len;
	uio->uio_iov = iov;
	uio->uio_iovcnt = 1;
	uio->uio_resid = len;
	uio->uio_offset = 0;
}

/* read(2). */
int
sys_read(struct proc *p, void *v, register_t *retval)
{
	struct sys_read_args *uap = (struct sys_read_args *)v;
	struct iovec iov;
	struct uio uio;

	if (SCARG(uap, nbyte) > SSIZE_MAX)
		return EINVAL;
	uio_single(&uio, &iov, SCARG(uap, buf), SCARG(uap, nbyte));
	return dofilereadv(p, SCARG(uap, fd), &uio, 0, retval);
}

/* write(2). */
int
sys_write(struct proc *p, void *v, register_t *retval)
{
	struct sys_write_args *uap = (struct sys_write_args *)v;
	struct iovec iov;
	struct uio uio;

	if (SCARG(uap, nbyte) > SSIZE_MAX)
		return EINVAL;
	uio_single(&uio, &iov, (void *)SCARG(uap, buf), SCARG(uap, nbyte));
	return dofilewritev(p, SCARG(uap, fd), &uio, 0, retval);
}

/* pread(2): read at an offset, leaving the file's offset alone. */
int
sys_pread(struct proc *p, void *v, register_t *retval)
{
	struct sys_pread_args *uap = (struct sys_pread_args *)v;
	struct iovec iov;
	struct uio uio;

	if (SCARG(uap, nbyte) > SSIZE_MAX)
		return EINVAL;
	uio_single(&uio, &iov, SCARG(uap, buf), SCARG(uap, nbyte));
	uio.uio_offset = SCARG(uap, offset);
	return dofilereadv(p, SCARG(uap, fd), &uio, FO_POSITION, retval);
}

/* pwrite(2): write at an offset, leaving the file's offset alone. */
int
sys_pwrite(struct proc *p, void *v, register_t *retval)
{
	struct sys_pwrite_args *uap = (struct sys_pwrite_args *)v;
	struct iovec iov;
	struct uio uio;

	if (SCARG(uap, nbyte) > SSIZE_MAX)
		return EINVAL;
	uio_single(&uio, &iov, (void *)SCARG(uap, buf), SCARG(uap, nbyte));
	uio.uio_offset = SCARG(uap, offset);
	return dofilewritev(p, SCARG(uap, fd), &uio, FO_POSITION, retval);
}

/* readv(2): read into several buffers, in order. */
int
sys_readv(struct proc *p, void *v, register_t *retval)
{
	struct sys_readv_args *uap = (struct sys_readv_args *)v;
	struct iovec aiov[UIO_SMALLIOV], *iov = nullptr;
	u_int iovcnt = (u_int)SCARG(uap, iovcnt);
	size_t resid;
	struct uio uio;

	int error = iovec_copyin(SCARG(uap, iovp), &iov, aiov, iovcnt,
	    &resid);
	if (error == 0) {
		uio.uio_iov = iov;
		uio.uio_iovcnt = iovcnt;
		uio.uio_resid = resid;
		uio.uio_offset = 0;
		error = dofilereadv(p, SCARG(uap, fd), &uio, 0, retval);
	}
	if (iov != nullptr)
		iovec_free(iov, iovcnt);
	return error;
}

/* writev(2): write from several buffers, in order. */
int
sys_writev(struct proc *p, void *v, register_t *retval)
{
	struct sys_writev_args *uap = (struct sys_writev_args *)v;
	struct iovec aiov[UIO_SMALLIOV], *iov = nullptr;
	u_int iovcnt = (u_int)SCARG(uap, iovcnt);
	size_t resid;
	struct uio uio;

	int error = iovec_copyin(SCARG(uap, iovp), &iov, aiov, iovcnt,
	    &resid);
	if (error == 0) {
		uio.uio_iov = iov;
		uio.uio_iovcnt = iovcnt;
		uio.uio_resid = resid;
		uio.uio_offset = 0;
		error = dofilewritev(p, SCARG(uap, fd), &uio, 0, retval);
	}
	if (iov != nullptr)
		iovec_free(iov, iovcnt);
	return error;
}

/*
 * ioctl(2): copy the argument in (IOC_IN), let the file act, copy the
 * result out (IOC_OUT).  FIOCLEX and FIONCLEX are the descriptor's, not
 * the file's, and are done here; FIONBIO sets the file's FNONBLOCK and
 * tells the file.
 */
int
sys_ioctl(struct proc *p, void *v, register_t *)
{
	struct sys_ioctl_args *uap = (struct sys_ioctl_args *)v;
	struct filedesc *fdp = p->p_p->ps_fd;
	u_long com = SCARG(uap, com);
	int fd = SCARG(uap, fd), error = 0;
	alignas(8) char stkbuf[128];
	char *data = stkbuf;
	struct file *fp = fd_getfile_mode(fdp, fd, FREAD | FWRITE);

	if (fp == nullptr)
		return EBADF;
	switch (com) {
	case FIOCLEX:
		fdp->fd_ofileflags[fd] |= UF_EXCLOSE;
		FRELE(fp, p);
		return 0;
	case FIONCLEX:
		fdp->fd_ofileflags[fd] &= ~UF_EXCLOSE;
		FRELE(fp, p);
		return 0;
	}

	size_t size = IOCPARM_LEN(com);
	if (size > IOCPARM_MAX) {
		FRELE(fp, p);
		return ENOTTY;
	}
	if (size > sizeof(stkbuf))
		data = (char *)malloc(size, M_IOCTLOPS, M_WAITOK);
	if (com & IOC_IN) {
		if (size != 0)
			error = copyin(SCARG(uap, data), data, size);
		else
			*(void **)data = SCARG(uap, data);
	} else if ((com & IOC_OUT) && size != 0) {
		memset(data, 0, size);
	} else if (com & IOC_VOID) {
		*(void **)data = SCARG(uap, data);
	}
	if (error == 0) {
		if (com == FIONBIO) {
			if (*(int *)data != 0)
				fp->f_flag |= FNONBLOCK;
			else
				fp->f_flag &= ~FNONBLOCK;
		}
		error = fp->f_ops->fo_ioctl(fp, com, data, p);
	}
	if (error == 0 && (com & IOC_OUT) && size != 0)
		error = copyout(data, SCARG(uap, data), size);
	if (data != stkbuf)
		free(data, M_IOCTLOPS, size);
	FRELE(fp, p);
	return error;
}

/*
 * select and poll wait here; selwakeup counts in nselcoll and wakes
 * them all (see the top of the file).
 */
static int selwait;
static volatile u_int nselcoll;

/* selrecord: selector found nothing ready on sip's file. */
void
selrecord(struct proc *selector, struct selinfo *sip)
{
	sip->si_selpid = selector->p_tid;
}

/*
 * selwakeup: sip's file may be ready now: every waiting select and
 * poll looks again.
 * => any context, interrupt handlers included.
 */
void
selwakeup(struct selinfo *sip)
{
	sip->si_selpid = 0;
	nselcoll = nselcoll + 1;
	wakeup(&selwait);
}

/* Ticks until deadline (a ticks value); at least 1 while not past it. */
static int
ticks_left(int deadline)
{
	int left = deadline - ticks;
	return left > 0 ? left : 0;
}

/*
 * selpoll_wait: sleep until a selwakeup, a signal, or the deadline (if
 * timed).  Returns 0 to scan again, EWOULDBLOCK at the deadline, EINTR.
 * ncoll is nselcoll as it was before the scan that found nothing: if it
 * moved since, something became ready during the scan: do not sleep.
 */
static int
selpoll_wait(u_int ncoll, bool timed, int deadline, const char *wmesg)
{
	int timo = 0, error;

	if (timed && (timo = ticks_left(deadline)) == 0)
		return EWOULDBLOCK;
	/* spltty: the console's selwakeup may come from its interrupt. */
	int s = spltty();
	if (nselcoll != ncoll) {
		splx(s);
		return 0;
	}
	error = tsleep(&selwait, PSOCK | PCATCH, wmesg, timo);
	splx(s);
	/* select and poll are not restarted after a signal: EINTR. */
	if (error == ERESTART)
		error = EINTR;
	return error;
}

/*
 * selscan: which of the nd descriptors in ibits (read, write, except)
 * are ready; their bits go into obits.
 * => 0 and *nready, or EBADF for a bit naming no open file.
 */
static int
selscan(struct proc *p, fd_set *ibits, fd_set *obits, int nd, int *nready)
{
	static const int flag[3] = { POLLIN | POLLRDNORM,
	    POLLOUT | POLLWRNORM, POLLPRI | POLLRDBAND };
	struct filedesc *fdp = p->p_p->ps_fd;
	int n = 0;

	for (int msk = 0; msk < 3; msk++) {
		for (int fd = 0; fd < nd; fd++) {
			if (!FD_ISSET(fd, &ibits[msk]))
				continue;
			struct file *fp = fd_getfile(fdp, fd);
			if (fp == nullptr)
				return EBADF;
			if (fp->f_ops->fo_poll(fp, flag[msk], p) != 0) {
				FD_SET(fd, &obits[msk]);
				n++;
			}
			FRELE(fp, p);
		}
	}
	*nready = n;
	return 0;
}

/* timeval_to_ticks: a timeout as clock ticks, rounded up. */
static int
timeval_to_ticks(const struct timeval *tv)
{
	int64_t t = tv->tv_sec * hz + (tv->tv_usec + tick - 1) / tick;
	return t > INT32_MAX / 2 ? INT32_MAX / 2 : (int)t;
}

/*
 * select(2): wait until one of the descriptors in the sets is ready, or
 * the timeout passes; the sets come back holding the ready ones, and the
 * count is returned.
 */
int
sys_select(struct proc *p, void *v, register_t *retval)
{
	struct sys_select_args *uap = (struct sys_select_args *)v;
	fd_set *usets[3] = { SCARG(uap, in), SCARG(uap, ou), SCARG(uap, ex) };
	int nd = SCARG(uap, nd), error = 0, n = 0, deadline = 0;
	bool timed = SCARG(uap, tv) != nullptr;
	struct timeval tv;

	/*
	 * OpenBSD quietly cuts nd to the table's size; a bit set past it
	 * would then be ignored, not EBADF as POSIX says, so here the
	 * whole of the caller's sets is looked at.
	 */
	if (nd < 0 || nd > FD_SETSIZE)
		return EINVAL;
	size_t ni = __howmany(nd, NFDBITS) * sizeof(__fd_mask);
	fd_set *bits = (fd_set *)malloc(6 * sizeof(fd_set), M_TEMP,
	    M_WAITOK | M_ZERO);
	fd_set *ibits = bits, *obits = bits + 3;

	for (int i = 0; i < 3 && error == 0; i++)
		if (usets[i] != nullptr)
			error = copyin(usets[i], &ibits[i], ni);
	if (error == 0 && timed) {
		error = copyin(SCARG(uap, tv), &tv, sizeof(tv));
		if (error == 0 && (tv.tv_sec < 0 || tv.tv_usec < 0 ||
		    tv.tv_usec >= 1000000))
			error = EINVAL;
		if (error == 0)
			deadline = ticks + timeval_to_ticks(&tv);
	}
	while (error == 0) {
		u_int ncoll = nselcoll;
		if ((error = selscan(p, ibits, obits, nd, &n)) != 0 || n > 0)
			break;
		error = selpoll_wait(ncoll, timed, deadline, "select");
	}
	if (error == EWOULDBLOCK)
		error = 0;
	for (int i = 0; i < 3 && error == 0; i++)
		if (usets[i] != nullptr)
			error = copyout(&obits[i], usets[i], ni);
	free(bits, M_TEMP, 6 * sizeof(fd_set));
	*retval = error == 0 ? n : 0;
	return error;
}

/*
 * pollscan: fill in each pollfd's revents: POLLNVAL for a descriptor
 * that is not open, what fo_poll says otherwise; negative fds are
 * skipped.  Returns how many have something.
 */
static int
pollscan(struct proc *p, struct pollfd *pl, u_int nfds)
{
	struct filedesc *fdp = p->p_p->ps_fd;
	int n = 0;

	for (u_int i = 0; i < nfds; i++) {
		pl[i].revents = 0;
		if (pl[i].fd < 0)
			continue;
		struct file *fp = fd_getfile(fdp, pl[i].fd);
		if (fp == nullptr) {
			pl[i].revents = POLLNVAL;
		} else {
			pl[i].revents = (short)fp->f_ops->fo_poll(fp,
			    pl[i].events, p);
			FRELE(fp, p);
		}
		if (pl[i].revents != 0)
			n++;
	}
	return n;
}

/*
 * poll(2): wait until one of the nfds descriptors has one of its events,
 * or timeout milliseconds pass (INFTIM: for ever).
 */
int
sys_poll(struct proc *p, void *v, register_t *retval)
{
	struct sys_poll_args *uap = (struct sys_poll_args *)v;
	u_int nfds = SCARG(uap, nfds);
	int msec = SCARG(uap, timeout), error, n = 0, deadline = 0;
	bool timed = msec >= 0;

	if (nfds > (u_int)fd_limit(p))
		return EINVAL;
	size_t sz = nfds * sizeof(struct pollfd);
	struct pollfd *pl = nfds == 0 ? nullptr :
	    (struct pollfd *)malloc(sz, M_TEMP, M_WAITOK);
	error = pl == nullptr ? 0 : copyin(SCARG(uap, fds), pl, sz);
	if (timed)
		deadline = ticks + (int)(((int64_t)msec * hz + 999) / 1000);
	while (error == 0) {
		u_int ncoll = nselcoll;
		if ((n = pollscan(p, pl, nfds)) > 0)
			break;
		error = selpoll_wait(ncoll, timed, deadline, "poll");
	}
	if (error == EWOULDBLOCK)
		error = 0;
	if (error == 0 && pl != nullptr)
		error = copyout(pl, SCARG(uap, fds), sz);
	if (pl != nullptr)
		free(pl, M_TEMP, sz);
	*retval = error == 0 ? n : 0;
	return error;
}
