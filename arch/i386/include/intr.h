/*
 * <machine/intr.h>: interrupt priority levels (spl(9)).
 *
 * A level names the most important kind of interrupt that is held off
 * while code runs at it: code at IPL_VM may not be interrupted by devices
 * that allocate memory, IPL_HIGH blocks everything.  The values are
 * OpenBSD/i386's order, lowest first.  The spl functions themselves come
 * with the scheduler issue.
 */
#ifndef _MACHINE_INTR_H_
#define _MACHINE_INTR_H_

#define IPL_NONE	0	/* nothing blocked */
#define IPL_SOFTCLOCK	1	/* timeouts */
#define IPL_SOFTNET	2	/* network protocols */
#define IPL_BIO		3	/* block I/O */
#define IPL_NET		4	/* network interfaces */
#define IPL_TTY		5	/* terminals */
#define IPL_VM		6	/* memory allocation */
#define IPL_CLOCK	7	/* the clock */
#define IPL_HIGH	8	/* everything */

#endif /* !_MACHINE_INTR_H_ */
