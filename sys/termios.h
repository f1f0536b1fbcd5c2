/*
 * <sys/termios.h>: a terminal's settings, struct termios, with
 * OpenBSD's layout, bits and default values (sys/sys/termios.h and
 * sys/sys/ttydefaults.h).
 *
 * Four flag words say what the line discipline does with the bytes that
 * pass: c_iflag on input (ICRNL: a typed CR becomes NL), c_oflag on
 * output (OPOST|ONLCR: NL goes out as CR NL), c_cflag for the line's
 * hardware (speed, bits: a UART's business), c_lflag for the editing
 * (ICANON: input is delivered a line at a time, with VERASE and VKILL
 * editing it first; ECHO: typed characters are printed back; ISIG: the
 * VINTR character sends SIGINT).  c_cc holds the special characters,
 * and with ICANON off, VMIN and VTIME say when a read returns.
 *
 * A struct termios is 44 bytes on i386, which TIOCGETA's number encodes
 * (sys/ttycom.h).  The kernel's console interprets the bits
 * dev/cons.cc names; the rest are stored and reported back.
 *
 * C-compatible: libc's <termios.h> includes this header and adds the
 * prototypes of tcgetattr(3) and friends.
 */
#ifndef _SYS_TERMIOS_H_
#define _SYS_TERMIOS_H_

/* Indices into c_cc[]: the special characters. */
#define VEOF		0	/* ICANON: end of file (^D) */
#define VEOL		1	/* ICANON: another end of line */
#define VEOL2		2	/* ICANON: and another */
#define VERASE		3	/* ICANON: erase a character (DEL) */
#define VWERASE		4	/* ICANON: erase a word (^W) */
#define VKILL		5	/* ICANON: erase the line (^U) */
#define VREPRINT	6	/* ICANON: reprint the line (^R) */
#define VINTR		8	/* ISIG: SIGINT (^C) */
#define VQUIT		9	/* ISIG: SIGQUIT (^\) */
#define VSUSP		10	/* ISIG: SIGTSTP (^Z) */
#define VDSUSP		11	/* ISIG: delayed SIGTSTP (^Y) */
#define VSTART		12	/* IXON, IXOFF: resume output (^Q) */
#define VSTOP		13	/* IXON, IXOFF: stop output (^S) */
#define VLNEXT		14	/* IEXTEN: take the next one literally (^V) */
#define VDISCARD	15	/* IEXTEN: discard output (^O) */
#define VMIN		16	/* !ICANON: bytes a read waits for */
#define VTIME		17	/* !ICANON: tenths of a second it waits */
#define VSTATUS		18	/* ICANON: status report (^T) */
#define NCCS		20

#define _POSIX_VDISABLE	(0377)	/* a c_cc entry that matches nothing */

/* c_iflag: input */
#define IGNBRK		0x00000001	/* ignore BREAK condition */
#define BRKINT		0x00000002	/* map BREAK to SIGINT */
#define IGNPAR		0x00000004	/* ignore (discard) parity errors */
#define PARMRK		0x00000008	/* mark parity and framing errors */
#define INPCK		0x00000010	/* enable checking of parity errors */
#define ISTRIP		0x00000020	/* strip 8th bit off chars */
#define INLCR		0x00000040	/* map NL into CR */
#define IGNCR		0x00000080	/* ignore CR */
#define ICRNL		0x00000100	/* map CR to NL (ala CRMOD) */
#define IXON		0x00000200	/* enable output flow control */
#define IXOFF		0x00000400	/* enable input flow control */
#define IXANY		0x00000800	/* any char will restart after stop */
#define IUCLC		0x00001000	/* translate upper to lower case */
#define IMAXBEL		0x00002000	/* ring bell on input queue full */

/* c_oflag: output */
#define OPOST		0x00000001	/* enable following output processing */
#define ONLCR		0x00000002	/* map NL to CR-NL (ala CRMOD) */
#define OXTABS		0x00000004	/* expand tabs to spaces */
#define ONOEOT		0x00000008	/* discard EOT's (^D) on output */
#define OCRNL		0x00000010	/* map CR to NL */
#define OLCUC		0x00000020	/* translate lower case to upper case */
#define ONOCR		0x00000040	/* No CR output at column 0 */
#define ONLRET		0x00000080	/* NL performs the CR function */

/* c_cflag: the line's hardware */
#define CIGNORE		0x00000001	/* ignore control flags */
#define CSIZE		0x00000300	/* character size mask */
#define CS5		0x00000000	/* 5 bits (pseudo) */
#define CS6		0x00000100	/* 6 bits */
#define CS7		0x00000200	/* 7 bits */
#define CS8		0x00000300	/* 8 bits */
#define CSTOPB		0x00000400	/* send 2 stop bits */
#define CREAD		0x00000800	/* enable receiver */
#define PARENB		0x00001000	/* parity enable */
#define PARODD		0x00002000	/* odd parity, else even */
#define HUPCL		0x00004000	/* hang up on last close */
#define CLOCAL		0x00008000	/* ignore modem status lines */
#define CRTSCTS		0x00010000	/* RTS/CTS full-duplex flow control */
#define MDMBUF		0x00100000	/* DTR/DCD hardware flow control */

/* c_lflag: the line discipline's editing */
#define ECHOKE		0x00000001	/* visual erase for line kill */
#define ECHOE		0x00000002	/* visually erase chars */
#define ECHOK		0x00000004	/* echo NL after line kill */
#define ECHO		0x00000008	/* enable echoing */
#define ECHONL		0x00000010	/* echo NL even if ECHO is off */
#define ECHOPRT		0x00000020	/* visual erase mode for hardcopy */
#define ECHOCTL		0x00000040	/* echo control chars as ^(Char) */
#define ISIG		0x00000080	/* enable signals INTR, QUIT, [D]SUSP */
#define ICANON		0x00000100	/* canonicalize input lines */
#define ALTWERASE	0x00000200	/* use alternate WERASE algorithm */
#define IEXTEN		0x00000400	/* enable DISCARD and LNEXT */
#define EXTPROC		0x00000800	/* external processing */
#define TOSTOP		0x00400000	/* stop background jobs on output */
#define FLUSHO		0x00800000	/* output being flushed (state) */
#define XCASE		0x01000000	/* canonical upper/lower case */
#define NOKERNINFO	0x02000000	/* no kernel output from VSTATUS */
#define PENDIN		0x20000000	/* re-echo input buffer at next read */
#define NOFLSH		0x80000000	/* don't flush output on signal */

typedef unsigned int	tcflag_t;
typedef unsigned char	cc_t;
typedef unsigned int	speed_t;

struct termios {
	tcflag_t	c_iflag;	/* input flags */
	tcflag_t	c_oflag;	/* output flags */
	tcflag_t	c_cflag;	/* control flags */
	tcflag_t	c_lflag;	/* local flags */
	cc_t		c_cc[NCCS];	/* control chars */
	int		c_ispeed;	/* input speed */
	int		c_ospeed;	/* output speed */
};

/* tcsetattr(3)'s actions: TIOCSETA, TIOCSETAW, TIOCSETAF. */
#define TCSANOW		0	/* make change immediate */
#define TCSADRAIN	1	/* drain output, then change */
#define TCSAFLUSH	2	/* drain output, flush input */
#define TCSASOFT	0x10	/* flag - don't alter h.w. state */

/* Speeds: the value is the rate. */
#define B0	0
#define B50	50
#define B75	75
#define B110	110
#define B134	134
#define B150	150
#define B200	200
#define B300	300
#define B600	600
#define B1200	1200
#define B1800	1800
#define B2400	2400
#define B4800	4800
#define B9600	9600
#define B19200	19200
#define B38400	38400
#define B7200	7200
#define B14400	14400
#define B28800	28800
#define B57600	57600
#define B76800	76800
#define B115200	115200
#define B230400	230400

/* tcflush(3) and tcflow(3). */
#define TCIFLUSH	1
#define TCOFLUSH	2
#define TCIOFLUSH	3
#define TCOOFF		1
#define TCOON		2
#define TCIOFF		3
#define TCION		4

/* The defaults a terminal starts with (OpenBSD's sys/ttydefaults.h). */
#define TTYDEF_IFLAG	(BRKINT | ICRNL | IMAXBEL | IXON | IXANY)
#define TTYDEF_OFLAG	(OPOST | ONLCR | OXTABS)
#define TTYDEF_LFLAG	(ECHO | ICANON | ISIG | IEXTEN | ECHOE | ECHOKE | \
			    ECHOCTL)
#define TTYDEF_CFLAG	(CREAD | CS8 | HUPCL)
#define TTYDEF_SPEED	(B9600)

#define CTRL(x)		((x) & 037)
#define CEOF		CTRL('d')
#define CEOL		((unsigned char)'\377')	/* XXX avoid _POSIX_VDISABLE */
#define CERASE		0177
#define CINTR		CTRL('c')
#define CSTATUS		CTRL('t')
#define CKILL		CTRL('u')
#define CMIN		1
#define CQUIT		034		/* FS, ^\ */
#define CSUSP		CTRL('z')
#define CTIME		0
#define CDSUSP		CTRL('y')
#define CSTART		CTRL('q')
#define CSTOP		CTRL('s')
#define CLNEXT		CTRL('v')
#define CDISCARD	CTRL('o')
#define CWERASE		CTRL('w')
#define CREPRINT	CTRL('r')

#endif /* !_SYS_TERMIOS_H_ */
