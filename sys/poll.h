/*
 * <sys/poll.h>: poll(2)'s struct pollfd and event bits, OpenBSD's
 * values (sys/sys/poll.h).  A program lists the descriptors it cares
 * about with the events it waits for (POLLIN: data to read, POLLOUT:
 * room to write); the kernel fills in revents, adding POLLHUP (the
 * other end is gone), POLLERR and POLLNVAL (not an open descriptor)
 * unasked.  The kernel's side is sys_poll in kern/sys_generic.cc.
 *
 * C-compatible: user programs include it for poll().
 */
#ifndef _SYS_POLL_H_
#define _SYS_POLL_H_

#include <sys/cdefs.h>

struct pollfd {
	int	fd;		/* the descriptor */
	short	events;		/* what to wait for */
	short	revents;	/* what happened */
};

typedef unsigned int	nfds_t;

#define POLLIN		0x0001	/* data to read */
#define POLLPRI		0x0002	/* urgent data to read */
#define POLLOUT		0x0004	/* room to write */
#define POLLERR		0x0008	/* an error (revents only) */
#define POLLHUP		0x0010	/* hung up (revents only) */
#define POLLNVAL	0x0020	/* not an open descriptor (revents only) */
#define POLLRDNORM	0x0040	/* normal data to read */
#define POLLNORM	POLLRDNORM
#define POLLWRNORM	POLLOUT
#define POLLRDBAND	0x0080	/* priority data to read */
#define POLLWRBAND	0x0100	/* room for priority data */

#define INFTIM		(-1)	/* poll's timeout: wait for ever */

#ifndef _KERNEL
__BEGIN_DECLS
int	poll(struct pollfd *fds, nfds_t nfds, int timeout);
__END_DECLS
#endif

#endif /* !_SYS_POLL_H_ */
