/*
 * <sys/ttycom.h>: the terminal ioctls, with OpenBSD's numbers
 * (sys/sys/ttycom.h), and struct winsize.
 *
 * Each request encodes its argument's size (sys/ioccom.h), so TIOCGETA,
 * whose argument is a 44-byte struct termios, is 0x402c7413 here as on
 * OpenBSD/i386.  Using TIOCGETA and its kin needs struct termios
 * complete: include <sys/termios.h> (or <termios.h>) first.
 *
 * The kernel's console (dev/cons.cc) answers the ones marked [c]; the
 * others are OpenBSD's numbers, kept so programs compile, and answered
 * ENOTTY until a tty layer does them.
 *
 * C-compatible: user programs read it through <sys/ioctl.h>.
 */
#ifndef _SYS_TTYCOM_H_
#define _SYS_TTYCOM_H_

#include <sys/ioccom.h>

/* Window size, which the terminal keeps for programs such as editors. */
struct winsize {
	unsigned short	ws_row;		/* rows, in characters */
	unsigned short	ws_col;		/* columns, in characters */
	unsigned short	ws_xpixel;	/* horizontal size, pixels */
	unsigned short	ws_ypixel;	/* vertical size, pixels */
};

struct termios;

#define TIOCEXCL	_IO('t', 13)		/* set exclusive use of tty */
#define TIOCNXCL	_IO('t', 14)		/* reset exclusive use of tty */
#define TIOCFLUSH	_IOW('t', 16, int)	/* [c] flush buffers */
#define TIOCGETA	_IOR('t', 19, struct termios) /* [c] get termios */
#define TIOCSETA	_IOW('t', 20, struct termios) /* [c] set termios */
#define TIOCSETAW	_IOW('t', 21, struct termios) /* [c] drain output, set */
#define TIOCSETAF	_IOW('t', 22, struct termios) /* [c] drn out, fls in, set */
#define TIOCGETD	_IOR('t', 26, int)	/* [c] get line discipline */
#define TIOCSETD	_IOW('t', 27, int)	/* set line discipline */
#define TIOCDRAIN	_IO('t', 94)		/* [c] wait till output drained */
#define TIOCSCTTY	_IO('t', 97)		/* become controlling tty */
#define TIOCGSID	_IOR('t', 99, int)	/* get session id */
#define TIOCSWINSZ	_IOW('t', 103, struct winsize) /* [c] set window size */
#define TIOCGWINSZ	_IOR('t', 104, struct winsize) /* [c] get window size */
#define TIOCSTART	_IO('t', 110)		/* start output, like ^Q */
#define TIOCSTOP	_IO('t', 111)		/* stop output, like ^S */
#define TIOCNOTTY	_IO('t', 113)		/* void tty association */
#define TIOCSTI		_IOW('t', 114, char)	/* simulate terminal input */
#define TIOCOUTQ	_IOR('t', 115, int)	/* [c] output queue size */
#define TIOCSPGRP	_IOW('t', 118, int)	/* set pgrp of tty */
#define TIOCGPGRP	_IOR('t', 119, int)	/* get pgrp of tty */

#define TTYDISC		0		/* the termios tty line discipline */

#endif /* !_SYS_TTYCOM_H_ */
