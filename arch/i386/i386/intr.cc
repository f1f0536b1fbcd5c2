/*
 * intr.cc: interrupt priority levels (spl(9)) and soft interrupts
 * (softintr(9)) on i386.
 *
 * The current level, cpl, says which interrupts may run now: a device
 * interrupt established at level L runs only while cpl < L, and runs at
 * L, so that it cannot be interrupted by itself or anything below it.
 *
 * Hardware interrupts.  Every level has a mask of the i8259 lines that
 * must stay off at it, imask[ipl], computed by i8259.cc from the levels
 * of the established handlers.  Whenever cpl changes, the new mask is
 * written to the controllers at once ("eager" masking), so a line that
 * must not interrupt never does.  OpenBSD's i386 was lazy instead: spl
 * only stored the number, and an interrupt that arrived too early was
 * masked and remembered in `ipending' and replayed by splx.  That is
 * cheaper on real hardware, where an outb to the 8259 costs about a
 * microsecond, but it takes a page of assembly to get right; the eager
 * scheme is a few lines and the hardware mask always tells the truth.
 *
 * IPL_HIGH is a mask of all sixteen lines, not a cli.  The CPU's
 * interrupt flag is left alone by spl(9) (each function puts back the
 * flag it found), so cpl alone decides, and code that enables
 * interrupts at splhigh, by mistake or in an idle loop, still gets
 * none.  The spl functions do disable interrupts for the few
 * instructions that change cpl and the mask together, so that no handler
 * ever sees one updated without the other.
 *
 * Soft interrupts.  Work that an interrupt handler wants done soon, but
 * not at its own high level (hardclock's timeouts, a network card's
 * protocol processing), is queued with softintr_schedule() on a handle
 * from softintr_establish().  Soft levels have no hardware line: they
 * are bits in `sipending'.  The rule that makes them run: whenever cpl
 * drops, in splx()/spllower() or on the way out of intr_dispatch(),
 * every pending soft interrupt above the new level runs first, highest
 * level first, at its own level and with the CPU's interrupts enabled,
 * and only then does cpl reach the new value.
 *
 * Mirrors OpenBSD's arch/i386/i386/softintr.c, the spl code of
 * arch/i386/isa/icu.s and arch/i386/i386/locore.s (Xspllower, Xdoreti),
 * and the spl(9) and softintr(9) manual pages.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/queue.h>
#include <machine/cpufunc.h>
#include <machine/i8259.h>
#include <machine/intr.h>
#include <machine/psl.h>

/*
 * Locking legend:
 *	[c] changed only with the CPU's interrupts disabled (cli)
 *	[I] immutable after softintr_establish()
 *	[S] written only at the soft level itself
 */

/* The boot runs at IPL_HIGH: nothing is unmasked until main()'s spl0(). */
volatile int cpl = IPL_HIGH;			/* [c] */

/* One handler made by softintr_establish(). */
struct softintrhand {
	void	(*sih_fn)(void *);		/* [I] */
	void	*sih_arg;			/* [I] */
	int	sih_level;			/* [I] IPL_SOFT* */
	tailq_entry<softintrhand> sih_q;	/* [c] on si_q while pending */
};

/* One soft level: the handlers scheduled and not yet run. */
struct softintr {
	tailq_head<softintrhand, &softintrhand::sih_q> si_q;	/* [c] */
};

/*
 * One queue per soft level, as named variables rather than an array:
 * GCC 12 gets a constinit array of self-pointing heads wrong (it leaves
 * the array all zeroes, and an empty tailq_head is not), while a single
 * head is built right, by the compiler, before anything runs.
 */
constinit static struct softintr softintr_clock;	/* IPL_SOFTCLOCK */
constinit static struct softintr softintr_net;		/* IPL_SOFTNET */
static volatile u_int sipending;		/* [c] 1 << level: work */
unsigned long softintr_count[NIPL];		/* [S] */

/* A fixed supply of handles, like i8259.cc's: none is ever freed. */
#define NSOFTINTRHAND	16
static struct softintrhand softintrhand_store[NSOFTINTRHAND];
static int softintrhand_used;			/* [c] */

/* The queue of a soft level, or null if level is not one. */
static struct softintr *
softintr_queue(int level)
{
	switch (level) {
	case IPL_SOFTCLOCK:
		return &softintr_clock;
	case IPL_SOFTNET:
		return &softintr_net;
	default:
		return nullptr;
	}
}

/*
 * spl_set: make ipl the current level, in cpl and in the controllers.
 * => CPU interrupts disabled, so no handler sees the two disagree.
 */
static inline void
spl_set(int ipl)
{
	cpl = ipl;
	i8259_setlevel(ipl);
}

/*
 * splraise: raise cpl to ipl if it is below; never lowers.
 * Returns the old level, for splx().
 * => any context; leaves the CPU's interrupt flag as it found it.
 */
int
splraise(int ipl)
{
	/*
	 * Reading cpl needs no cli: an interrupt that comes in between
	 * puts cpl back before it returns.
	 */
	int ocpl = cpl;

	KASSERT(ipl >= IPL_NONE && ipl <= IPL_HIGH);
	if (ipl > ocpl) {
		u_int ef = read_eflags();
		disable_intr();
		spl_set(ipl);
		write_eflags(ef);
	}
	return ocpl;
}

/*
 * intr_spllower: set cpl to ncpl, first running every pending soft
 * interrupt whose level is above ncpl (Xspllower/Xdoreti in OpenBSD).
 * => CPU interrupts disabled on entry and on return; enabled while each
 *    soft handler runs, so that hard interrupts keep their priority.
 * => called by splx() and by intr_dispatch() on its way out.
 */
void
intr_spllower(int ncpl)
{
	u_int pend;

	/* The bits of the levels above ncpl. */
	while ((pend = sipending & ~((2u << ncpl) - 1)) != 0) {
		int level = 31 - __builtin_clz(pend);	/* highest first */
		struct softintr *si = softintr_queue(level);
		struct softintrhand *sih;

		/*
		 * Clear the bit before running: a handler scheduled while
		 * these run sets it again and is seen by the next loop.
		 */
		sipending = sipending & ~(1u << level);
		spl_set(level);
		while ((sih = si->si_q.first()) != nullptr) {
			si->si_q.remove(sih);
			enable_intr();
			softintr_count[level]++;
			(*sih->sih_fn)(sih->sih_arg);
			disable_intr();
		}
	}
	spl_set(ncpl);
}

/*
 * splx: return to level s, the value an earlier spl call returned; runs
 * soft interrupts that were held off, as intr_spllower() says.
 * => any context.  If the caller has the CPU's interrupts disabled, soft
 *    interrupts stay pending: running them would enable interrupts
 *    behind the caller's back.  The next splx with interrupts on, or the
 *    exit of the next hard interrupt (the clock: within 1/hz), runs them.
 */
void
splx(int s)
{
	u_int ef = read_eflags();

	KASSERT(s >= IPL_NONE && s <= IPL_HIGH);
	disable_intr();
	if (ef & PSL_I)
		intr_spllower(s);
	else
		spl_set(s);
	write_eflags(ef);
}

/*
 * spllower: splx() that returns the old level, as OpenBSD's.
 * => any context.
 */
int
spllower(int ipl)
{
	int ocpl = cpl;

	splx(ipl);
	return ocpl;
}

/*
 * splassert_fail: splassert() found the caller below the level it
 * needs: a missing splraise, the kind of bug that corrupts a queue once
 * a week.  OpenBSD can only warn (splassert_ctl); we always panic.
 * OpenBSD keeps this in kern/subr_prf.c.
 */
void
splassert_fail(int wantipl, int haveipl, const char *func)
{
	panic("splassert: %s: want %d have %d", func, wantipl, haveipl);
}

/*
 * softintr_establish: a handle for running fn(arg) at soft level level
 * (IPL_SOFTCLOCK or IPL_SOFTNET) when softintr_schedule() asks.
 * Returns the handle, or null if none is left.
 * => process context, during autoconf or later; may not sleep.
 */
void *
softintr_establish(int level, void (*fn)(void *), void *arg)
{
	if (softintr_queue(level) == nullptr)
		panic("softintr_establish: bogus level %d", level);

	splguard s(IPL_HIGH);
	if (softintrhand_used == NSOFTINTRHAND)
		return nullptr;
	struct softintrhand *sih = &softintrhand_store[softintrhand_used++];
	sih->sih_fn = fn;
	sih->sih_arg = arg;
	sih->sih_level = level;
	return sih;
}

/*
 * softintr_schedule: make the handler run once soon, at its level.
 * Scheduling it again before it ran changes nothing (it runs once).
 * => any context, including hard interrupt handlers at any level.
 * => If the caller is below the handler's level with interrupts on, it
 *    runs before this returns; otherwise when the level drops.
 */
void
softintr_schedule(void *arg)
{
	struct softintrhand *sih = (struct softintrhand *)arg;
	int level = sih->sih_level;
	u_int ef = read_eflags();

	disable_intr();
	struct softintr *si = softintr_queue(level);
	if (!si->si_q.onqueue(sih)) {		/* not pending yet */
		si->si_q.insert_tail(sih);
		sipending = sipending | 1u << level;
	}
	/* Nothing would lower cpl for us: "drop" to where we are. */
	if ((ef & PSL_I) && cpl < level)
		intr_spllower(cpl);
	write_eflags(ef);
}
