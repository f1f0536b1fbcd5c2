/*
 * <sys/param.h>: system-wide constants, and the machine's through
 * <machine/param.h>, as in OpenBSD.
 */
#ifndef _SYS_PARAM_H_
#define _SYS_PARAM_H_

#include <sys/types.h>
#include <machine/param.h>

#define BSD		199506		/* the BSD release this descends from */
#define HZ		100		/* clock interrupts per second */

#define MAXCOMLEN	24		/* a command name, without the NUL */
#define NODEV		(dev_t)(-1)	/* no device */

#define MIN(a, b)	(((a) < (b)) ? (a) : (b))
#define MAX(a, b)	(((a) > (b)) ? (a) : (b))
#define nitems(a)	(sizeof((a)) / sizeof((a)[0]))
#define roundup(x, y)	((((x) + ((y) - 1)) / (y)) * (y))
#define howmany(x, y)	(((x) + ((y) - 1)) / (y))

#endif /* !_SYS_PARAM_H_ */
