/*
 * <sys/filio.h>: the ioctls every open file answers, whatever it is,
 * with OpenBSD's numbers (sys/sys/filio.h).  sys_ioctl handles the
 * close-on-exec pair itself and passes the others to the file's
 * fo_ioctl (a pipe, a vnode, through it a device).
 *
 * C-compatible: user programs read it through <sys/ioctl.h>.
 */
#ifndef _SYS_FILIO_H_
#define _SYS_FILIO_H_

#include <sys/ioccom.h>

#define FIOCLEX		_IO('f', 1)		/* set close on exec */
#define FIONCLEX	_IO('f', 2)		/* clear close on exec */
#define FIONREAD	_IOR('f', 127, int)	/* bytes waiting to be read */
#define FIONBIO		_IOW('f', 126, int)	/* set/clear non-blocking i/o */
#define FIOASYNC	_IOW('f', 125, int)	/* set/clear async i/o */
#define FIOSETOWN	_IOW('f', 124, int)	/* set owner */
#define FIOGETOWN	_IOR('f', 123, int)	/* get owner */

#endif /* !_SYS_FILIO_H_ */
