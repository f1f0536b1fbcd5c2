/*
 * <sys/ioccom.h>: how an ioctl(2) request number is made, OpenBSD's
 * encoding (sys/sys/ioccom.h).
 *
 * A request is 32 bits that tell the kernel how to move its argument
 * before any driver sees it:
 *
 *	 31 30 29   28..16          15..8    7..0
 *	| in|out|void| length (13 bits) | group | number |
 *
 * IOC_IN: the kernel copies `length' bytes in from the user's pointer
 * before the call; IOC_OUT: it copies them out after a successful call;
 * IOC_VOID: no data, the argument itself (an int, or nothing) is passed.
 * The group is a letter per subsystem ('t' terminals, 'f' files).  So
 * sys_ioctl (kern/sys_generic.cc) does every copyin/copyout for the
 * drivers, which only ever see a kernel buffer.
 *
 * User programs read this header too (through <sys/ioctl.h>): C-compatible.
 */
#ifndef _SYS_IOCCOM_H_
#define _SYS_IOCCOM_H_

#define IOCPARM_MASK	0x1fff		/* parameter length, at most 13 bits */
#define IOCPARM_LEN(x)	(((x) >> 16) & IOCPARM_MASK)
#define IOCBASECMD(x)	((x) & ~(IOCPARM_MASK << 16))
#define IOCGROUP(x)	(((x) >> 8) & 0xff)

#define IOCPARM_MAX	(1 << 12)	/* the largest argument sys_ioctl moves */
#define IOC_VOID	(unsigned long)0x20000000	/* no parameters */
#define IOC_OUT		(unsigned long)0x40000000	/* copy out parameters */
#define IOC_IN		(unsigned long)0x80000000	/* copy in parameters */
#define IOC_INOUT	(IOC_IN | IOC_OUT)
#define IOC_DIRMASK	(unsigned long)0xe0000000	/* mask for IN/OUT/VOID */

#define _IOC(inout, group, num, len) \
	((inout) | (((len) & IOCPARM_MASK) << 16) | ((group) << 8) | (num))
#define _IO(g, n)	_IOC(IOC_VOID, (g), (n), 0)
#define _IOR(g, n, t)	_IOC(IOC_OUT, (g), (n), sizeof(t))
#define _IOW(g, n, t)	_IOC(IOC_IN, (g), (n), sizeof(t))
#define _IOWR(g, n, t)	_IOC(IOC_INOUT, (g), (n), sizeof(t))

#endif /* !_SYS_IOCCOM_H_ */
