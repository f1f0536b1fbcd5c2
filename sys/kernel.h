/*
 * <sys/kernel.h>: the kernel's global time variables, as in OpenBSD.
 */
#ifndef _SYS_KERNEL_H_
#define _SYS_KERNEL_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <machine/cpu.h>

extern int hz;			/* [I] clock interrupts per second */
extern int tick;		/* [I] microseconds per clock interrupt */
extern volatile int ticks;	/* [K] clock interrupts since boot */

struct clockframe;

__BEGIN_DECLS
void	initclocks(void);
void	hardclock(struct clockframe *);
__END_DECLS

#endif /* !_SYS_KERNEL_H_ */
