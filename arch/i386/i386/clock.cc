/*
 * clock.cc: the i8253 interval timer as the system clock.
 *
 * Counter 0 of the 8253 divides its 1.193182 MHz input by TIMER_FREQ / hz
 * and raises IRQ 0 at the end of every period: hz = 100 interrupts a
 * second.  Each runs clockintr(), which calls the machine-independent
 * hardclock() (kern/kern_clock.cc) with the interrupted frame.
 *
 * The TSC (time stamp counter) counts CPU cycles; its rate is measured
 * once against counter 2, which counts a known interval, and is then used
 * for delay() and printed in the cpu0 line.  Under QEMU's TCG the TSC
 * follows the host's clock; with -icount it counts guest instructions.
 * Mirrors OpenBSD's arch/i386/isa/clock.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/i8253reg.h>
#include <machine/i8259.h>

/* IRQ 0.  The argument is the interrupted frame (see struct intrhand). */
static int
clockintr(void *arg)
{
	hardclock((struct clockframe *)arg);
	return 1;
}

/*
 * cpu_initclocks: start counter 0 as a rate generator at hz and hook
 * IRQ 0.  Called from initclocks() in main(); interrupts still disabled.
 */
void
cpu_initclocks(void)
{
	u_int divisor = TIMER_FREQ / hz;

	outb(TIMER_MODE, TIMER_SEL0 | TIMER_RATEGEN | TIMER_16BIT);
	outb(TIMER_CNTR0, divisor & 0xff);
	outb(TIMER_CNTR0, divisor >> 8);
	if (isa_intr_establish(0, IPL_CLOCK, clockintr, nullptr,
	    "clock") == nullptr)
		panic("cpu_initclocks: cannot establish the clock interrupt");
}

/*
 * calibrate_cyclecounter: measure the TSC's rate, in Hz, by counting its
 * ticks while counter 2 counts down 50 ms.  Returns 0 if counter 2 never
 * finished (no 8253?).
 * => interrupts may be on or off; takes about 50 ms.
 */
u_int64_t
calibrate_cyclecounter(void)
{
	const u_int count = TIMER_FREQ / 20;	/* 50 ms */
	u_int8_t aux = inb(PITAUX_PORT);
	u_int64_t t0, t1;
	long spins;

	/* Gate counter 2 off and the speaker off, then load it. */
	outb(PITAUX_PORT, aux & ~(PITAUX_GATE2 | PITAUX_SPKR));
	outb(TIMER_MODE, TIMER_SEL2 | TIMER_INTTC | TIMER_16BIT);
	outb(TIMER_CNTR2, count & 0xff);
	outb(TIMER_CNTR2, count >> 8);

	/* Gate on: it counts down and raises OUT2 at zero. */
	outb(PITAUX_PORT, (aux & ~PITAUX_SPKR) | PITAUX_GATE2);
	t0 = rdtsc();
	for (spins = 0; spins < 100000000L; spins++)
		if (inb(PITAUX_PORT) & PITAUX_OUT2)
			break;
	t1 = rdtsc();
	outb(PITAUX_PORT, aux);
	if (spins == 100000000L)
		return 0;
	return (t1 - t0) * 20;
}

/*
 * delay: busy-wait at least usecs microseconds (DELAY(9)).
 * => any context; only for short waits on hardware.
 */
void
delay(int usecs)
{
	u_int64_t freq = curcpu()->ci_tsc_freq;

	if (freq == 0) {
		/* Not calibrated yet: about a microsecond per port read. */
		for (int i = 0; i < usecs; i++)
			(void)inb(0x80);
		return;
	}
	u_int64_t until = rdtsc() + freq * (u_int64_t)usecs / 1000000;
	while (rdtsc() < until)
		CPU_BUSY_CYCLE();
}
