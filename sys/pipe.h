/*
 * <sys/pipe.h>: pipes, kernel only (OpenBSD's sys/sys/pipe.h).
 *
 * pipe(2) makes a pipe_pair: two struct pipe, one per end, each the
 * other's pipe_peer, each behind a struct file (DTYPE_PIPE, pipeops).
 * What is written into one end waits in the buffer of the *other* end,
 * where that end's reader takes it:
 *
 *	write(fds[1]) --> fds[0]'s pipe_buffer --> read(fds[0])
 *
 * (BSD pipes work both ways: writing fds[0] fills fds[1]'s buffer.)
 * The buffer is a ring of PIPE_SIZE bytes, allocated the first time
 * something is written into it, so the direction nobody uses costs
 * nothing.  A writer whose data does not fit sleeps until a reader makes
 * room; a reader finding it empty sleeps until a writer fills it; when
 * one end is closed the other sees PIPE_EOF: a reader gets end of file
 * once the buffer is empty, a writer EPIPE.
 *
 * Locking legend: [K] kernel lock (one CPU, no kernel preemption);
 * [p] the pipe's I/O lock (PIPE_LOCK in pipe_state), held across a copy
 * to or from user space, which can sleep in a page fault: so a write of
 * at most PIPE_BUF bytes lands in one piece even if another writer
 * comes along meanwhile.
 */
#ifndef _SYS_PIPE_H_
#define _SYS_PIPE_H_

#ifndef _KERNEL
#error "<sys/pipe.h> is for the kernel"
#endif

#include <sys/types.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/uio.h>

#define PIPE_SIZE	16384	/* the buffer of one end */
#ifndef PIPE_BUF
#define PIPE_BUF	512	/* writes this small are atomic (POSIX) */
#endif

/* The ring: cnt bytes from out; in is where the next byte goes. */
struct pipebuf {
	u_int	cnt;		/* [p] bytes in the buffer */
	u_int	in;		/* [p] where the writer puts the next */
	u_int	out;		/* [p] where the reader takes the next */
	u_int	size;		/* [p] size of buffer, 0 until allocated */
	caddr_t	buffer;		/* [p] the bytes, or null */
};

struct pipe_pair;

struct pipe {
	struct pipebuf	pipe_buffer;	/* data for this end's reader */
	struct selinfo	pipe_sel;	/* [K] for select and poll */
	struct timespec	pipe_atime;	/* [K] last read */
	struct timespec	pipe_mtime;	/* [K] last write */
	struct timespec	pipe_ctime;	/* [I] made */
	int		pipe_state;	/* [K] PIPE_* below */
	struct pipe	*pipe_peer;	/* [K] the other end, or null */
	struct pipe_pair *pipe_pair;	/* [I] the two ends' memory */
};

/* pipe_state, OpenBSD's values */
#define PIPE_WANTR	0x008	/* a reader sleeps for data */
#define PIPE_WANTW	0x010	/* a writer sleeps for room */
#define PIPE_EOF	0x080	/* this end, or its peer, is closed */
#define PIPE_LOCK	0x100	/* the I/O lock is held */
#define PIPE_LWANT	0x200	/* someone waits for the I/O lock */

struct pipe_pair {
	struct pipe	pp_wpipe;	/* the end fds[1] names */
	struct pipe	pp_rpipe;	/* the end fds[0] names */
};

__BEGIN_DECLS
struct proc;
[[nodiscard]] int dopipe(struct proc *p, int *ufds, int flags,
	    enum uio_seg segflg);
__END_DECLS

#endif /* !_SYS_PIPE_H_ */
