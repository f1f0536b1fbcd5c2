/*
 * intr_test.cc: spl(9) and soft interrupts, in-kernel tests.
 *
 * The tests run at IPL_NONE with interrupts enabled, as main() leaves
 * them.  They check the level and, for the hardware side, read the mask
 * registers back from the 8259s; the clock (IRQ 0 at IPL_CLOCK) is the
 * interrupt they can count on.  While the clock is masked the CPU must
 * not halt (nothing would wake it), so those waits spin on the TSC.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/i8259.h>
#include <machine/intr.h>
#include <machine/psl.h>

/* What the mask registers hold now, slave in the high byte. */
static u_int16_t
read_imr(void)
{
	return inb(IO_ICU1 + 1) | inb(IO_ICU2 + 1) << 8;
}

/* Spin for ms milliseconds of TSC time, interrupts as they are. */
static void
spin_ms(int ms)
{
	u_int64_t until = rdtsc() + curcpu()->ci_tsc_freq * ms / 1000;

	while (rdtsc() < until)
		CPU_BUSY_CYCLE();
}

/* cpl and the hardware mask must both say ipl. */
static int
check_level(int ipl, const char *where)
{
	if (cpl != ipl)
		return ktest_fail("%s: cpl %d, want %d", where, cpl, ipl);
	if (read_imr() != imask[ipl])
		return ktest_fail("%s: 8259 mask 0x%x, want imask[%d] 0x%x",
		    where, read_imr(), ipl, imask[ipl]);
	return 0;
}

/* The tests expect main()'s spl0() and interrupts on. */
static int
check_start(void)
{
	if (!(read_eflags() & PSL_I))
		return ktest_fail("tests started with interrupts disabled");
	return check_level(IPL_NONE, "start");
}

/*
 * At splclock the clock's line is masked: 30 ms (three ticks) pass
 * without a tick, with the CPU's interrupts enabled all along.  The 8259
 * latches the edge that came meanwhile, so splx() gets a tick at once,
 * not at the next period; then they keep coming.
 */
static int
test_spl_clock_masked(void)
{
	int err;

	if ((err = check_start()) != 0)
		return err;
	if (curcpu()->ci_tsc_freq == 0)
		return ktest_fail("TSC rate unknown");
	if (intrlevel[0] != IPL_CLOCK || !(imask[IPL_CLOCK] & 1) ||
	    (imask[IPL_VM] & 1))
		return ktest_fail("irq 0 at level %d, imask[CLOCK] 0x%x, "
		    "imask[VM] 0x%x", intrlevel[0], imask[IPL_CLOCK],
		    imask[IPL_VM]);

	int s = splclock();
	int t0 = ticks;
	spin_ms(30);
	int t1 = ticks;
	bool intr_on = read_eflags() & PSL_I;
	splx(s);
	spin_ms(2);
	int t2 = ticks;

	if (!intr_on)
		return ktest_fail("splclock disabled the CPU's interrupts");
	if (t1 != t0)
		return ktest_fail("%d ticks at splclock", t1 - t0);
	if (t2 == t1)
		return ktest_fail("the tick held off was not delivered by splx");
	for (int halts = 0; ticks - t2 < 3 && halts < 30; halts++)
		enable_intr_and_halt();
	if (ticks - t2 < 3)
		return ktest_fail("the clock did not resume after splx");
	return 0;
}
KTEST_DEFINE(spl_clock_masked, test_spl_clock_masked, 0);

/* Raising nests, never lowers, and each splx restores its level. */
static int
test_spl_nesting(void)
{
	int err;

	if ((err = check_start()) != 0)
		return err;
	int s1 = splbio();
	err |= check_level(IPL_BIO, "splbio");
	int s2 = splclock();
	err |= check_level(IPL_CLOCK, "splclock");
	int s3 = splnet();		/* below: no change */
	err |= check_level(IPL_CLOCK, "splnet inside splclock");
	int s4 = splhigh();
	err |= check_level(IPL_HIGH, "splhigh");
	if (read_imr() != 0xffff)
		err |= ktest_fail("splhigh left lines open: 0x%x", read_imr());
	if (s1 != IPL_NONE || s2 != IPL_BIO || s3 != IPL_CLOCK ||
	    s4 != IPL_CLOCK)
		err |= ktest_fail("returned %d %d %d %d", s1, s2, s3, s4);
	splx(s4);
	err |= check_level(IPL_CLOCK, "splx(s4)");
	splx(s3);
	err |= check_level(IPL_CLOCK, "splx(s3)");
	splx(s2);
	err |= check_level(IPL_BIO, "splx(s2)");
	int old = spllower(s1);
	err |= check_level(IPL_NONE, "spllower(s1)");
	if (old != IPL_BIO)
		err |= ktest_fail("spllower returned %d", old);
	if (!(read_eflags() & PSL_I))
		err |= ktest_fail("interrupts left disabled");
	return err;
}
KTEST_DEFINE(spl_nesting, test_spl_nesting, 0);

/* splassert passes at or above the level it wants (else it panics). */
static int
test_spl_assert(void)
{
	splassert(IPL_NONE);
	int s = splvm();
	splassert(IPL_VM);
	splassert(IPL_BIO);
	splsoftassert(IPL_SOFTNET);
	splx(s);
	return 0;
}
KTEST_DEFINE(spl_assert, test_spl_assert, 0);

/* Below the wanted level it panics: "splassert: ...: want 6 have 0". */
__attribute__((noinline)) static int
crash_splassert(void)
{
	spl0();
	splassert(IPL_VM);
	return 0;
}
KTEST_DEFINE(crash_splassert, crash_splassert, KTEST_CRASH);

/* splguard raises for its scope; release() hands the splx to us. */
static int
test_spl_guard(void)
{
	int err, s;

	if ((err = check_start()) != 0)
		return err;
	{
		splguard g(IPL_VM);
		err |= check_level(IPL_VM, "guard");
		{
			splguard inner(IPL_BIO);
			err |= check_level(IPL_VM, "inner guard");
		}
		err |= check_level(IPL_VM, "after inner guard");
	}
	err |= check_level(IPL_NONE, "after guard");
	{
		splguard g(IPL_TTY);
		s = g.release();
	}
	err |= check_level(IPL_TTY, "after released guard");
	splx(s);
	err |= check_level(IPL_NONE, "after splx");
	return err;
}
KTEST_DEFINE(spl_guard, test_spl_guard, 0);

/* What a soft interrupt handler saw when it ran. */
struct sirec {
	int	runs;
	int	ipl;		/* cpl inside the handler */
	bool	intr_on;	/* CPU interrupts enabled inside */
	int	seq;		/* order among all handlers */
	int	tick;		/* ticks when it ran */
};
static int siseq;

static void
si_record(void *arg)
{
	struct sirec *r = (struct sirec *)arg;

	r->runs++;
	r->ipl = cpl;
	r->intr_on = read_eflags() & PSL_I;
	r->seq = ++siseq;
	r->tick = ticks;
}

/* Ran runs times so far; if it ran, at ipl with interrupts on. */
static int
check_si(const struct sirec &r, int runs, int ipl, const char *where)
{
	if (r.runs != runs)
		return ktest_fail("%s: ran %d times, want %d", where, r.runs,
		    runs);
	if (runs > 0 && (r.ipl != ipl || !r.intr_on))
		return ktest_fail("%s: ran at cpl %d, interrupts %s", where,
		    r.ipl, r.intr_on ? "on" : "off");
	return 0;
}

/*
 * Scheduled (twice) at splhigh, a soft clock interrupt waits while the
 * level stays at or above IPL_SOFTCLOCK and runs once when it drops
 * below, at IPL_SOFTCLOCK, with interrupts on.
 */
static int
test_softintr_deferred(void)
{
	static struct sirec r;
	void *sih = softintr_establish(IPL_SOFTCLOCK, si_record, &r);
	unsigned long n0 = softintr_count[IPL_SOFTCLOCK];
	int err;

	if (sih == nullptr)
		return ktest_fail("softintr_establish failed");
	int s = splhigh();
	softintr_schedule(sih);
	softintr_schedule(sih);
	err = check_si(r, 0, 0, "at splhigh");
	spllower(IPL_SOFTNET);
	err |= check_si(r, 0, 0, "at splsoftnet");
	spllower(IPL_SOFTCLOCK);
	err |= check_si(r, 0, 0, "at splsoftclock");
	splx(s);
	err |= check_si(r, 1, IPL_SOFTCLOCK, "after splx");
	err |= check_level(IPL_NONE, "after splx");
	if (softintr_count[IPL_SOFTCLOCK] != n0 + 1)
		err |= ktest_fail("softintr_count went from %lu to %lu", n0,
		    softintr_count[IPL_SOFTCLOCK]);
	return err;
}
KTEST_DEFINE(softintr_deferred, test_softintr_deferred, 0);

/* Higher soft levels first; a drop runs only the levels above it. */
static int
test_softintr_order(void)
{
	static struct sirec rc, rn;
	void *sihc = softintr_establish(IPL_SOFTCLOCK, si_record, &rc);
	void *sihn = softintr_establish(IPL_SOFTNET, si_record, &rn);
	int err;

	if (sihc == nullptr || sihn == nullptr)
		return ktest_fail("softintr_establish failed");
	int s = splhigh();
	softintr_schedule(sihc);
	softintr_schedule(sihn);
	splx(s);
	err = check_si(rc, 1, IPL_SOFTCLOCK, "softclock");
	err |= check_si(rn, 1, IPL_SOFTNET, "softnet");
	if (rn.seq > rc.seq)
		err |= ktest_fail("softclock ran before softnet");

	s = splhigh();
	softintr_schedule(sihc);
	softintr_schedule(sihn);
	spllower(IPL_SOFTCLOCK);
	err |= check_si(rn, 2, IPL_SOFTNET, "softnet at splsoftclock");
	err |= check_si(rc, 1, IPL_SOFTCLOCK, "softclock at splsoftclock");
	splx(s);
	err |= check_si(rc, 2, IPL_SOFTCLOCK, "softclock after splx");
	return err;
}
KTEST_DEFINE(softintr_order, test_softintr_order, 0);

/* Scheduled at IPL_NONE, it runs before softintr_schedule returns. */
static int
test_softintr_now(void)
{
	static struct sirec r;
	void *sih = softintr_establish(IPL_SOFTNET, si_record, &r);

	if (sih == nullptr)
		return ktest_fail("softintr_establish failed");
	softintr_schedule(sih);
	return check_si(r, 1, IPL_SOFTNET, "at spl0");
}
KTEST_DEFINE(softintr_now, test_softintr_now, 0);

/* What a clock-level routine does: schedule, and let splx run it. */
static void
at_splclock(void *sih)
{
	splassert(IPL_CLOCK);
	softintr_schedule(sih);
}

static int
test_softintr_splclock(void)
{
	static struct sirec r;
	void *sih = softintr_establish(IPL_SOFTCLOCK, si_record, &r);
	int err;

	if (sih == nullptr)
		return ktest_fail("softintr_establish failed");
	int s = splclock();
	at_splclock(sih);
	err = check_si(r, 0, 0, "at splclock");
	splx(s);
	err |= check_si(r, 1, IPL_SOFTCLOCK, "after splx");
	return err;
}
KTEST_DEFINE(softintr_splclock, test_softintr_splclock, 0);

/*
 * From a real hard interrupt: a second handler on the clock's line
 * schedules the soft interrupt once, and the soft interrupt must run on
 * the way out of intr_dispatch, in the same tick, before this test
 * (at IPL_NONE, calling no spl function) resumes.  The handler claims
 * nothing and stays established, disarmed, for the rest of the boot:
 * there is no isa_intr_disestablish yet.
 */
static struct {
	void	*sih;
	volatile bool armed;
	int	ipl;		/* cpl in the hard handler */
	int	tick;		/* ticks then */
} hardtest;

static int
hardtest_intr(void *)
{
	if (hardtest.armed) {
		hardtest.armed = false;
		hardtest.ipl = cpl;
		hardtest.tick = ticks;
		softintr_schedule(hardtest.sih);
	}
	return 0;
}

static int
test_softintr_hardintr(void)
{
	static struct sirec r;
	int err, halts;

	if ((err = check_start()) != 0)
		return err;
	hardtest.sih = softintr_establish(IPL_SOFTCLOCK, si_record, &r);
	if (hardtest.sih == nullptr)
		return ktest_fail("softintr_establish failed");
	if (isa_intr_establish(0, IPL_CLOCK, hardtest_intr, &hardtest,
	    "softtest") == nullptr)
		return ktest_fail("isa_intr_establish failed");
	hardtest.armed = true;
	for (halts = 0; hardtest.armed && halts < 20; halts++)
		enable_intr_and_halt();
	if (hardtest.armed)
		return ktest_fail("the handler never ran");
	err = check_si(r, 1, IPL_SOFTCLOCK, "after the interrupt");
	if (hardtest.ipl != IPL_CLOCK)
		err |= ktest_fail("hard handler ran at cpl %d", hardtest.ipl);
	if (r.runs == 1 && r.tick != hardtest.tick)
		err |= ktest_fail("scheduled at tick %d, ran at tick %d",
		    hardtest.tick, r.tick);
	err |= check_level(IPL_NONE, "after the interrupt");
	return err;
}
KTEST_DEFINE(softintr_hardintr, test_softintr_hardintr, 0);

/*
 * The clock's handler count still advances, one per tick, and no line
 * reports unclaimed interrupts.  (The 8259's phantom IRQ 7 or 15, which
 * the chip may raise when a request vanishes, is counted apart, in
 * intrspurious, and is no fault of the kernel's.)
 */
static int
test_intr_counters(void)
{
	if (intrhand[0] == nullptr)
		return ktest_fail("no clock handler");
	int s = splclock();	/* read the pair in one tick */
	u_long c0 = intrhand[0]->ih_count;
	int t0 = ticks;
	splx(s);
	for (int halts = 0; ticks - t0 < 5 && halts < 50; halts++)
		enable_intr_and_halt();
	s = splclock();
	u_long c1 = intrhand[0]->ih_count;
	int t1 = ticks;
	splx(s);
	if (t1 - t0 < 5)
		return ktest_fail("%d ticks", t1 - t0);
	if (c1 - c0 != (u_long)(t1 - t0))
		return ktest_fail("%lu clock interrupts for %d ticks",
		    c1 - c0, t1 - t0);
	for (int irq = 0; irq < ICU_LEN; irq++)
		if (intrstray[irq] != 0)
			return ktest_fail("irq %d: %lu stray interrupts", irq,
			    intrstray[irq]);
	return 0;
}
KTEST_DEFINE(intr_counters, test_intr_counters, 0);
