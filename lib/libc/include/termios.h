/*
 * <termios.h>: the terminal's settings.  struct termios, its flag bits,
 * the special characters and the speeds are the kernel's
 * <sys/termios.h> (one definition, OpenBSD's values); here are the
 * library functions over the TIOCGETA/TIOCSETA* ioctls.
 */
#ifndef _TERMIOS_H_
#define _TERMIOS_H_

#include <sys/cdefs.h>
#include <sys/termios.h>
#include <sys/ttycom.h>

__BEGIN_DECLS
int	tcgetattr(int fd, struct termios *t);
int	tcsetattr(int fd, int action, const struct termios *t);
__END_DECLS

#endif /* !_TERMIOS_H_ */
