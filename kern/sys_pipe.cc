/*
 * sys_pipe.cc: pipes (OpenBSD's sys/kern/sys_pipe.c, without its direct
 * write mode: every byte goes through the buffer).
 *
 * pipe(2) makes two files over one pipe_pair (sys/pipe.h): fds[0]
 * reads, fds[1] writes.  Data written into an end waits in the ring
 * buffer of its peer:
 *
 *	pipe_write(fds[1])                   pipe_read(fds[0])
 *	  wpipe = rpipe->pipe_peer             rpipe = fds[0]'s pipe
 *	  copy into wpipe's ring  ---------->  copy out of rpipe's ring
 *	  full? sleep on wpipe (PIPE_WANTW)    empty? sleep on rpipe (WANTR)
 *	  wakeup(wpipe) for a reader           wakeup(rpipe) for a writer
 *
 * The rules a program relies on:
 *  - read returns what is there (at least one byte), sleeping only while
 *    the pipe is empty; with O_NONBLOCK it fails with EAGAIN instead;
 *    once the writing end is closed and the buffer empty it returns 0.
 *  - a write of at most PIPE_BUF bytes is atomic: it waits until all of
 *    it fits, so two writers' small records never interleave.  A larger
 *    write goes in pieces as room appears; with O_NONBLOCK, as much as
 *    fits (EAGAIN if nothing does).
 *  - writing when the reading end is closed fails with EPIPE (and
 *    dofilewritev sends SIGPIPE).
 *  - every sleep is interruptible (PCATCH): a signal ends a blocked read
 *    or write with EINTR (or a short count, if some bytes moved).
 *
 * Each pipe has an I/O lock (pipe_iolock) held while bytes are copied,
 * because a copy from user space may sleep in a page fault and another
 * reader or writer must not see a half-updated ring meanwhile.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/filio.h>
#include <sys/pipe.h>
#include <sys/poll.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <uvm/uvm_extern.h>
#include <machine/intr.h>

#include <sys/signal.h>		/* sigset_t, clockid_t: <sys/syscallargs.h> */
#include <sys/syscallargs.h>

static struct pool pipe_pair_pool;
static bool pipe_pool_ready;

/*
 * pipe_iolock: take cpipe's I/O lock, sleeping (interruptibly) while a
 * copy is in progress.  Returns 0, or EINTR/ERESTART for a signal.
 */
static int
pipe_iolock(struct pipe *cpipe)
{
	while (cpipe->pipe_state & PIPE_LOCK) {
		cpipe->pipe_state |= PIPE_LWANT;
		int error = tsleep(&cpipe->pipe_state, PSOCK | PCATCH,
		    "pipelk", 0);
		if (error != 0)
			return error;
	}
	cpipe->pipe_state |= PIPE_LOCK;
	return 0;
}

static void
pipe_iounlock(struct pipe *cpipe)
{
	KASSERT(cpipe->pipe_state & PIPE_LOCK);
	cpipe->pipe_state &= ~PIPE_LOCK;
	if (cpipe->pipe_state & PIPE_LWANT) {
		cpipe->pipe_state &= ~PIPE_LWANT;
		wakeup(&cpipe->pipe_state);
	}
}

/* pipe_wakeup: wake who sleeps on cpipe for flag (PIPE_WANTR/W). */
static void
pipe_wakeup(struct pipe *cpipe, int flag)
{
	if (cpipe->pipe_state & flag) {
		cpipe->pipe_state &= ~flag;
		wakeup(cpipe);
	}
	selwakeup(&cpipe->pipe_sel);
}

/*
 * pipe_buffer_alloc: the ring of cpipe, made on its first write.
 * => I/O lock held; may sleep.  ENOMEM if kernel memory is short.
 */
static int
pipe_buffer_alloc(struct pipe *cpipe)
{
	vaddr_t va = uvm_km_kmemalloc(kernel_map, nullptr, PIPE_SIZE,
	    UVM_KMF_CANFAIL);

	if (va == 0)
		return ENOMEM;
	cpipe->pipe_buffer.buffer = (caddr_t)va;
	cpipe->pipe_buffer.size = PIPE_SIZE;
	cpipe->pipe_buffer.in = cpipe->pipe_buffer.out = 0;
	cpipe->pipe_buffer.cnt = 0;
	return 0;
}

/*
 * pipe_read: fo_read of a pipe end: take bytes from its own ring.
 * => process context, may sleep (PCATCH).  The offset is ignored.
 */
static int
pipe_read(struct file *fp, struct uio *uio, int)
{
	struct pipe *rpipe = (struct pipe *)fp->f_data;
	struct pipebuf *pb = &rpipe->pipe_buffer;
	size_t nread = 0;
	int error;

	if ((error = pipe_iolock(rpipe)) != 0)
		return error;
	while (uio->uio_resid > 0) {
		if (pb->cnt > 0) {
			/* Up to the end of the ring; the loop wraps. */
			u_int size = MIN(pb->cnt, pb->size - pb->out);
			size = MIN(size, uio->uio_resid);
			if ((error = uiomove(&pb->buffer[pb->out], size,
			    uio)) != 0)
				break;
			pb->out = (pb->out + size) % pb->size;
			pb->cnt -= size;
			if (pb->cnt == 0)
				pb->in = pb->out = 0;	/* keep copies long */
			nread += size;
			continue;
		}
		/* Empty. */
		if ((rpipe->pipe_state & PIPE_EOF) || nread > 0)
			break;
		if (fp->f_flag & FNONBLOCK) {
			error = EAGAIN;
			break;
		}
		rpipe->pipe_state |= PIPE_WANTR;
		pipe_iounlock(rpipe);
		if ((error = tsleep(rpipe, PSOCK | PCATCH, "piperd", 0)) != 0)
			return error;
		if ((error = pipe_iolock(rpipe)) != 0)
			return error;
	}
	pipe_iounlock(rpipe);
	if (nread > 0)
		getnanotime(&rpipe->pipe_atime);
	/* There is room now: a writer waiting for it may go on. */
	if (pb->size - pb->cnt >= PIPE_BUF)
		pipe_wakeup(rpipe, PIPE_WANTW);
	return error;
}

/*
 * pipe_write: fo_write of a pipe end: put bytes into the peer's ring.
 * => process context, may sleep (PCATCH).  EPIPE when the peer is gone.
 */
static int
pipe_write(struct file *fp, struct uio *uio, int)
{
	struct pipe *rpipe = (struct pipe *)fp->f_data;
	struct pipe *wpipe = rpipe->pipe_peer;
	size_t orig_resid = uio->uio_resid;
	int error;

	if (wpipe == nullptr || (wpipe->pipe_state & PIPE_EOF))
		return EPIPE;
	/*
	 * wpipe stays valid even if its end is closed while we sleep: the
	 * pair is freed only when both ends are, and ours is in use.
	 */
	if ((error = pipe_iolock(wpipe)) != 0)
		return error;
	struct pipebuf *pb = &wpipe->pipe_buffer;
	if (pb->buffer == nullptr && (error = pipe_buffer_alloc(wpipe)) != 0) {
		pipe_iounlock(wpipe);
		return error;
	}
	while (uio->uio_resid > 0) {
		if (wpipe->pipe_state & PIPE_EOF) {
			error = EPIPE;
			break;
		}
		size_t space = pb->size - pb->cnt;
		/* A small write goes in whole or waits. */
		if (space < uio->uio_resid && orig_resid <= PIPE_BUF)
			space = 0;
		if (space > 0) {
			u_int size = MIN(space, uio->uio_resid);
			u_int seg = MIN(size, pb->size - pb->in);
			error = uiomove(&pb->buffer[pb->in], seg, uio);
			if (error == 0 && seg < size)
				error = uiomove(&pb->buffer[0], size - seg, uio);
			if (error != 0)
				break;
			pb->in = (pb->in + size) % pb->size;
			pb->cnt += size;
			continue;
		}
		/* Full: let the reader at what is there, then wait. */
		pipe_wakeup(wpipe, PIPE_WANTR);
		if (fp->f_flag & FNONBLOCK) {
			error = EAGAIN;
			break;
		}
		wpipe->pipe_state |= PIPE_WANTW;
		pipe_iounlock(wpipe);
		if ((error = tsleep(wpipe, PSOCK | PCATCH, "pipewr", 0)) != 0)
			return error;
		if ((error = pipe_iolock(wpipe)) != 0)
			return error;
	}
	pipe_iounlock(wpipe);
	if (pb->cnt > 0)
		pipe_wakeup(wpipe, PIPE_WANTR);
	if (uio->uio_resid != orig_resid)
		getnanotime(&wpipe->pipe_mtime);
	return error;
}

/*
 * pipe_ioctl: FIONREAD (bytes waiting in this end), FIONBIO and
 * FIOASYNC (the file's flags say it all); nothing else.
 */
static int
pipe_ioctl(struct file *fp, u_long cmd, caddr_t data, struct proc *)
{
	struct pipe *mpipe = (struct pipe *)fp->f_data;

	switch (cmd) {
	case FIONBIO:
	case FIOASYNC:
		return 0;
	case FIONREAD:
		*(int *)data = (int)mpipe->pipe_buffer.cnt;
		return 0;
	default:
		return ENOTTY;
	}
}

/*
 * pipe_poll: readable when bytes wait or the writer is gone (a read
 * will not block); writable when PIPE_BUF bytes fit; POLLHUP once the
 * peer is closed, and then never writable.
 */
static int
pipe_poll(struct file *fp, int events, struct proc *p)
{
	struct pipe *rpipe = (struct pipe *)fp->f_data;
	struct pipe *wpipe = rpipe->pipe_peer;
	int revents = 0;

	if ((events & (POLLIN | POLLRDNORM)) &&
	    (rpipe->pipe_buffer.cnt > 0 || (rpipe->pipe_state & PIPE_EOF)))
		revents |= events & (POLLIN | POLLRDNORM);
	if ((rpipe->pipe_state & PIPE_EOF) || wpipe == nullptr ||
	    (wpipe->pipe_state & PIPE_EOF))
		revents |= POLLHUP;
	else if ((events & (POLLOUT | POLLWRNORM)) &&
	    (wpipe->pipe_buffer.buffer == nullptr ||
	    wpipe->pipe_buffer.size - wpipe->pipe_buffer.cnt >= PIPE_BUF))
		revents |= events & (POLLOUT | POLLWRNORM);
	if (revents == 0) {
		if (events & (POLLIN | POLLRDNORM))
			selrecord(p, &rpipe->pipe_sel);
		if (events & (POLLOUT | POLLWRNORM))
			selrecord(p, &wpipe->pipe_sel);
	}
	return revents;
}

/* pipe_stat: fstat(2) of a pipe: a FIFO holding what waits to be read. */
static int
pipe_stat(struct file *fp, struct stat *ub, struct proc *)
{
	struct pipe *pipe = (struct pipe *)fp->f_data;

	memset(ub, 0, sizeof(*ub));
	ub->st_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	ub->st_blksize = PIPE_SIZE;
	ub->st_size = pipe->pipe_buffer.cnt;
	ub->st_blocks = (ub->st_size + ub->st_blksize - 1) / ub->st_blksize;
	ub->st_atim = pipe->pipe_atime;
	ub->st_mtim = pipe->pipe_mtime;
	ub->st_ctim = pipe->pipe_ctime;
	ub->st_uid = fp->f_cred->cr_uid;
	ub->st_gid = fp->f_cred->cr_gid;
	return 0;
}

/*
 * pipe_destroy: the last reference to cpipe's file is gone: mark both
 * ends EOF, wake everyone sleeping on either, and free what is no
 * longer used: the buffer, and the pair once the peer is gone too.
 * => process context, may sleep (waits out a copy in progress).
 */
static void
pipe_destroy(struct pipe *cpipe)
{
	/* A peer's writer may be copying into our ring: let it finish. */
	while (cpipe->pipe_state & PIPE_LOCK) {
		cpipe->pipe_state |= PIPE_LWANT;
		tsleep(&cpipe->pipe_state, PSOCK, "pipecl", 0);
	}
	cpipe->pipe_state |= PIPE_EOF;
	/* A writer waiting for room here must see EOF: EPIPE. */
	wakeup(cpipe);
	selwakeup(&cpipe->pipe_sel);
	struct pipe *ppipe = cpipe->pipe_peer;
	if (ppipe != nullptr) {
		ppipe->pipe_state |= PIPE_EOF;
		wakeup(ppipe);
		selwakeup(&ppipe->pipe_sel);
		ppipe->pipe_peer = nullptr;
		cpipe->pipe_peer = nullptr;
	}
	if (cpipe->pipe_buffer.buffer != nullptr) {
		uvm_km_free(kernel_map, (vaddr_t)cpipe->pipe_buffer.buffer,
		    PIPE_SIZE);
		cpipe->pipe_buffer.buffer = nullptr;
		cpipe->pipe_buffer.size = cpipe->pipe_buffer.cnt = 0;
	}
	if (ppipe == nullptr)
		pool_put(&pipe_pair_pool, cpipe->pipe_pair);
}

/* pipe_close: fo_close of a pipe end. */
static int
pipe_close(struct file *fp, struct proc *)
{
	struct pipe *cpipe = (struct pipe *)fp->f_data;

	fp->f_data = nullptr;
	pipe_destroy(cpipe);
	return 0;
}

const struct fileops pipeops = {
	.fo_read = pipe_read,
	.fo_write = pipe_write,
	.fo_ioctl = pipe_ioctl,
	.fo_poll = pipe_poll,
	.fo_stat = pipe_stat,
	.fo_close = pipe_close,
	.fo_seek = nullptr,		/* lseek on a pipe: ESPIPE */
};

/* pipe_pair_create: two connected ends, no buffers yet. */
static struct pipe_pair *
pipe_pair_create(void)
{
	if (!pipe_pool_ready) {
		pool_init(&pipe_pair_pool, sizeof(struct pipe_pair), 0,
		    IPL_NONE, 0, "pipepl", nullptr);
		pipe_pool_ready = true;
	}
	struct pipe_pair *pp = (struct pipe_pair *)pool_get(&pipe_pair_pool,
	    PR_WAITOK | PR_ZERO);
	struct pipe *ends[2] = { &pp->pp_rpipe, &pp->pp_wpipe };
	for (struct pipe *cpipe : ends) {
		cpipe->pipe_pair = pp;
		getnanotime(&cpipe->pipe_ctime);
		cpipe->pipe_atime = cpipe->pipe_mtime = cpipe->pipe_ctime;
	}
	pp->pp_rpipe.pipe_peer = &pp->pp_wpipe;
	pp->pp_wpipe.pipe_peer = &pp->pp_rpipe;
	return pp;
}

/*
 * dopipe: make a pipe and two descriptors for it, fds[0] for reading
 * and fds[1] for writing, and store their numbers at ufds (user space,
 * or the kernel's with UIO_SYSSPACE).  flags: O_CLOEXEC, O_NONBLOCK.
 * => process context, may sleep.  EMFILE, ENFILE, EFAULT (then nothing
 *    is left open).
 */
int
dopipe(struct proc *p, int *ufds, int flags, enum uio_seg segflg)
{
	struct filedesc *fdp = p->p_p->ps_fd;
	struct file *rf, *wf;
	int fds[2], error;
	int cloexec = (flags & O_CLOEXEC) ? UF_EXCLOSE : 0;
	u_int fflags = flags & O_NONBLOCK ? FNONBLOCK : 0;

	if ((error = falloc(p, &rf, &fds[0])) != 0)
		return error;
	if ((error = falloc(p, &wf, &fds[1])) != 0) {
		fdremove(fdp, fds[0]);
		FRELE(rf, p);
		return error;
	}
	struct pipe_pair *pp = pipe_pair_create();
	rf->f_flag = FREAD | fflags;
	rf->f_type = DTYPE_PIPE;
	rf->f_data = &pp->pp_rpipe;
	rf->f_ops = &pipeops;
	wf->f_flag = FWRITE | fflags;
	wf->f_type = DTYPE_PIPE;
	wf->f_data = &pp->pp_wpipe;
	wf->f_ops = &pipeops;

	/* The numbers go out first: a bad pointer leaves nothing open. */
	if (segflg == UIO_SYSSPACE)
		memcpy(ufds, fds, sizeof(fds));
	else
		error = copyout(fds, ufds, sizeof(fds));
	if (error == 0) {
		fdinsert(fdp, fds[0], cloexec, rf);
		fdinsert(fdp, fds[1], cloexec, wf);
	} else {
		fdremove(fdp, fds[0]);
		fdremove(fdp, fds[1]);
	}
	FRELE(rf, p);
	FRELE(wf, p);
	return error;
}

/* pipe(2). */
int
sys_pipe(struct proc *p, void *v, register_t *)
{
	struct sys_pipe_args *uap = (struct sys_pipe_args *)v;

	return dopipe(p, SCARG(uap, fdp), 0, UIO_USERSPACE);
}

/* pipe2(2): pipe(2) with O_CLOEXEC and O_NONBLOCK. */
int
sys_pipe2(struct proc *p, void *v, register_t *)
{
	struct sys_pipe2_args *uap = (struct sys_pipe2_args *)v;

	if (SCARG(uap, flags) & ~(O_CLOEXEC | O_NONBLOCK))
		return EINVAL;
	return dopipe(p, SCARG(uap, fdp), SCARG(uap, flags), UIO_USERSPACE);
}
