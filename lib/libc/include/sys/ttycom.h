/*
 * <sys/ttycom.h>: the terminal ioctls libc uses, OpenBSD's values
 * (sys/sys/ttycom.h): an ioctl number carries its direction, the size of
 * its argument, a group letter and a number, as <sys/ioccom.h> packs them.
 * Only what isatty(3) and tcgetattr(3) need is here.
 */
#ifndef _SYS_TTYCOM_H_
#define _SYS_TTYCOM_H_

#define IOCPARM_MASK	0x1fff		/* parameter length, at most 13 bits */
#define IOC_VOID	0x20000000UL	/* no parameters */
#define IOC_OUT		0x40000000UL	/* copy out parameters */
#define IOC_IN		0x80000000UL	/* copy in parameters */
#define _IOC(inout, group, num, len) \
	((unsigned long)(inout) | (((len) & IOCPARM_MASK) << 16) | \
	    ((group) << 8) | (num))
#define _IO(g, n)	_IOC(IOC_VOID, (g), (n), 0)
#define _IOR(g, n, t)	_IOC(IOC_OUT, (g), (n), sizeof(t))
#define _IOW(g, n, t)	_IOC(IOC_IN, (g), (n), sizeof(t))

struct termios;
#define TIOCGETA	_IOR('t', 19, struct termios)	/* 0x402c7413 */
#define TIOCSETA	_IOW('t', 20, struct termios)
#define TIOCSETAW	_IOW('t', 21, struct termios)
#define TIOCSETAF	_IOW('t', 22, struct termios)

#endif /* !_SYS_TTYCOM_H_ */
