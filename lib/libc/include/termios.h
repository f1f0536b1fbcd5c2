/*
 * <termios.h>: the terminal's settings, OpenBSD's struct termios
 * (44 bytes on i386, which TIOCGETA's number encodes).  The flag bits are
 * left out until the kernel's tty driver interprets them.
 */
#ifndef _TERMIOS_H_
#define _TERMIOS_H_

#include <sys/cdefs.h>
#include <sys/ttycom.h>

#define NCCS	20

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

#define TCSANOW		0	/* make change immediate */
#define TCSADRAIN	1	/* drain output, then change */
#define TCSAFLUSH	2	/* drain output, flush input */

__BEGIN_DECLS
int	tcgetattr(int fd, struct termios *t);
int	tcsetattr(int fd, int action, const struct termios *t);
__END_DECLS

#endif /* !_TERMIOS_H_ */
