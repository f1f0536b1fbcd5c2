/*
 * <machine/i8253reg.h>: the Intel 8253/8254 programmable interval timer.
 * Three 16-bit counters fed by a 1.193182 MHz clock: counter 0 drives
 * IRQ 0 (our hardclock), counter 2 is gated through port 0x61 and used to
 * measure the TSC's speed.  OpenBSD's names (sys/dev/ic/i8253reg.h).
 */
#ifndef _MACHINE_I8253REG_H_
#define _MACHINE_I8253REG_H_

#define TIMER_FREQ	1193182		/* input clock, Hz */

#define IO_TIMER1	0x40		/* the 8253's I/O base */
#define TIMER_CNTR0	(IO_TIMER1 + 0)	/* counter 0: the clock */
#define TIMER_CNTR2	(IO_TIMER1 + 2)	/* counter 2: speaker, calibration */
#define TIMER_MODE	(IO_TIMER1 + 3)	/* mode register */

#define TIMER_SEL0	0x00		/* select counter 0 */
#define TIMER_SEL2	0x80		/* select counter 2 */
#define TIMER_INTTC	0x00		/* mode 0: interrupt on terminal count */
#define TIMER_RATEGEN	0x04		/* mode 2: rate generator */
#define TIMER_16BIT	0x30		/* r/w counter 16 bits, LSB first */
#define TIMER_LATCH	0x00		/* latch the counter for reading */

#define PITAUX_PORT	0x61		/* counter 2 gate and output */
#define PITAUX_GATE2	0x01		/* counter 2 gate: counting */
#define PITAUX_SPKR	0x02		/* speaker data: off for us */
#define PITAUX_OUT2	0x20		/* counter 2 output (read only) */

#endif /* !_MACHINE_I8253REG_H_ */
