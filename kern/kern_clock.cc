/*
 * kern_clock.cc: the machine-independent half of the clock.
 *
 * The machine-dependent clock driver (arch/i386/i386/clock.cc) calls
 * hardclock() hz (100) times a second, from its interrupt, with the frame
 * of whatever it interrupted.  hardclock() is the heartbeat of the kernel:
 *  - it counts ticks;
 *  - statclock() charges the running thread for the tick (user, system or
 *    interrupt time, and p_cpticks for %cpu), and every 4th tick calls
 *    schedclock() to raise its estcpu; OpenBSD runs statclock from a
 *    second, irregular clock when the hardware has one, and from
 *    hardclock (as here) when it does not;
 *  - every hz/10 ticks it calls roundrobin(), which ends time slices;
 *  - it advances the timeout wheel, and when a timeout is due schedules
 *    the softclock soft interrupt, which runs the timeouts once the
 *    clock interrupt has returned (at IPL_SOFTCLOCK, with the clock
 *    unmasked again).
 *  - it keeps the time of day: time_second, set at boot from the
 *    battery-backed clock (inittodr), advances once every hz ticks, and
 *    getnanotime() adds the ticks of the current second.  OpenBSD reads a
 *    finer hardware counter through timecounters; the resolution here is
 *    one tick, 10 ms, which is what file timestamps need.
 * Mirrors OpenBSD's sys/kern/kern_clock.c and, for the time of day,
 * kern_tc.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/proc.h>
#include <sys/time.h>
#include <sys/timeout.h>
#include <machine/cpu.h>
#include <machine/frame.h>
#include <machine/intr.h>

int hz = HZ;
int tick = 1000000 / HZ;
volatile int ticks;
volatile time_t time_second;		/* [K] seconds since the Epoch */
volatile time_t time_uptime;		/* [K] seconds since boot */
static volatile int tod_ticks;		/* [K] ticks into this second */

static void *softclock_si;		/* [I] the softclock soft interrupt */

/*
 * initclocks: start the clock interrupts and the softclock.
 * => called once from main(), interrupts disabled; they start arriving
 *    when main() enables interrupts.
 */
void
initclocks(void)
{
	softclock_si = softintr_establish(IPL_SOFTCLOCK, softclock, nullptr);
	if (softclock_si == nullptr)
		panic("initclocks: no softclock");
	cpu_initclocks();
}

/*
 * statclock: charge the running thread for one tick.
 * => IPL_CLOCK.
 */
static void
statclock(struct clockframe *frame)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	struct proc *p = curproc;

	if (p == nullptr)
		return;			/* before procinit */
	if (CLKF_USERMODE(frame))
		p->p_tu.tu_uticks++;
	else
		p->p_tu.tu_sticks++;
	if (p == spc->spc_idleproc) {
		spc->spc_cp_time[1]++;
		return;
	}
	spc->spc_cp_time[0]++;
	p->p_cpticks++;
	if ((++spc->spc_schedticks & 3) == 0)
		schedclock(p);
}

/*
 * hardclock: one clock tick.
 * => interrupt context at IPL_CLOCK; must be quick and may not sleep.
 */
void
hardclock(struct clockframe *frame)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;

	ticks = ticks + 1;	/* one writer: this interrupt */
	tod_ticks = tod_ticks + 1;
	if (tod_ticks >= hz) {
		tod_ticks = 0;
		time_second = time_second + 1;
		time_uptime = time_uptime + 1;
	}
	statclock(frame);
	if (curproc != nullptr && --spc->spc_rrticks <= 0) {
		spc->spc_rrticks = hz / 10;
		roundrobin();
	}
	if (timeout_hardclock_update())
		softintr_schedule(softclock_si);
}

/*
 * getnanotime: the time of day, exact to the last tick.
 * => any context.
 */
void
getnanotime(struct timespec *ts)
{
	int s = splclock();	/* the seconds and the ticks of one instant */

	ts->tv_sec = time_second;
	ts->tv_nsec = (long)tod_ticks * tick * 1000;
	splx(s);
}

/* nanotime: the time of day (here as fine as getnanotime). */
void
nanotime(struct timespec *ts)
{
	getnanotime(ts);
}

/* getnanouptime: the time since boot, exact to the last tick. */
void
getnanouptime(struct timespec *ts)
{
	int s = splclock();

	ts->tv_sec = time_uptime;
	ts->tv_nsec = (long)tod_ticks * tick * 1000;
	splx(s);
}
