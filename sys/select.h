/*
 * <sys/select.h>: fd_set, the bit set of descriptors select(2) takes,
 * and the kernel's wakeup bookkeeping for select and poll (struct
 * selinfo), after OpenBSD's sys/sys/select.h.
 *
 * An fd_set has a bit per descriptor, FD_SETSIZE of them; FD_SET,
 * FD_CLR, FD_ISSET and FD_ZERO work on it.  select(2) only reads and
 * writes the first howmany(nd, NFDBITS) words of each set.
 *
 * In the kernel, a file that can make a waiting select(2) or poll(2)
 * return (a pipe that gets data, the console that gets a key) keeps a
 * struct selinfo and calls selwakeup() on it when that happens; the
 * file's fo_poll calls selrecord() when it finds nothing ready.  See
 * kern/sys_generic.cc for how simple ours is: one wait channel for all.
 *
 * C-compatible: user programs include it for fd_set and select().
 */
#ifndef _SYS_SELECT_H_
#define _SYS_SELECT_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#ifndef FD_SETSIZE
#define FD_SETSIZE	1024
#endif

typedef uint32_t	__fd_mask;
#define __NFDBITS	((unsigned)(sizeof(__fd_mask) * 8))	/* bits per mask */
#define __howmany(x, y)	(((x) + ((y) - 1)) / (y))
#define NFDBITS		__NFDBITS

typedef struct fd_set {
	__fd_mask	fds_bits[__howmany(FD_SETSIZE, __NFDBITS)];
} fd_set;

#define FD_SET(n, p) \
	((p)->fds_bits[(n) / __NFDBITS] |= (1U << ((n) % __NFDBITS)))
#define FD_CLR(n, p) \
	((p)->fds_bits[(n) / __NFDBITS] &= ~(1U << ((n) % __NFDBITS)))
#define FD_ISSET(n, p) \
	(((p)->fds_bits[(n) / __NFDBITS] & (1U << ((n) % __NFDBITS))) != 0)
#define FD_ZERO(p)	__builtin_memset((p), 0, sizeof(*(p)))

#ifdef _KERNEL
struct proc;

/* What a file keeps so that a select or poll waiting on it is woken. */
struct selinfo {
	pid_t	si_selpid;	/* [K] the last thread that waited, or 0 */
};

__BEGIN_DECLS
void	selrecord(struct proc *selector, struct selinfo *sip);
void	selwakeup(struct selinfo *sip);
__END_DECLS
#else
struct timeval;
__BEGIN_DECLS
int	select(int nd, fd_set *in, fd_set *ou, fd_set *ex,
	    struct timeval *tv);
__END_DECLS
#endif /* _KERNEL */

#endif /* !_SYS_SELECT_H_ */
