/*
 * kern_clock.cc: the machine-independent half of the clock.
 *
 * The machine-dependent clock driver (arch/i386/i386/clock.cc) calls
 * hardclock() hz times a second, from its interrupt, with the frame of
 * whatever it interrupted.  hardclock() is the heartbeat of the kernel:
 * here it counts ticks; with the scheduler it will also charge the
 * running process, run statclock()/schedclock(), advance timeouts and
 * call roundrobin() every hz/10 ticks (OpenBSD's sys/kern/kern_clock.c).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>

int hz = HZ;
int tick = 1000000 / HZ;
volatile int ticks;

/*
 * initclocks: start the clock interrupts.
 * => called once from main(), interrupts disabled; they start arriving
 *    when main() enables interrupts.
 */
void
initclocks(void)
{
	cpu_initclocks();
}

/*
 * hardclock: one clock tick.
 * => interrupt context at IPL_CLOCK; must be quick and may not sleep.
 */
void
hardclock(struct clockframe *)
{
	ticks = ticks + 1;	/* one writer: this interrupt */
}
