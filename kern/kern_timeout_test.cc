/*
 * kern_timeout_test.cc: in-kernel tests of timeout(9) on the real clock.
 *
 * The host tests (tools/unittest/timeout_test.cc) check the timing wheel
 * tick by tick; these check the wiring: that hardclock() calls
 * timeout_hardclock_update() on every tick and softclock() then runs, so
 * timeouts armed here run after the clock interrupt, in order, at their
 * deadline.
 * Each handler records the value of ticks it ran at.  The test halts
 * until the handlers have run; the number of halts bounds the wait, as
 * in clock_test.cc, so a clock that never calls softclock() fails the
 * test instead of hanging it.  The timeouts are static: one left pending
 * by a failure cannot point into a dead stack frame.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <sys/timeout.h>
#include <machine/cpufunc.h>

/*
 * How long a test may wait: ten times the longest delay here, at about
 * one halt per tick (other interrupts add a few).
 */
constexpr int MAXHALTS = 200;

struct ktimeout {
	struct timeout	kt_to;
	volatile int	kt_fired;	/* how many times it ran */
	volatile int	kt_tick;	/* ticks when it last ran */
	volatile int	kt_order;	/* kt_fired's rank among all firings */
	int		kt_readd;	/* re-add itself this many more times */
	int		kt_delay;	/* with this delay */
	int		kt_when[8];	/* ticks at each firing, the first 8 */
};

static struct ktimeout kts[3];
static volatile int nfired;		/* firings of all kts so far */

/* => softclock, from the clock interrupt. */
static void
kt_handler(void *arg)
{
	struct ktimeout *kt = static_cast<struct ktimeout *>(arg);

	if (kt->kt_fired < 8)
		kt->kt_when[kt->kt_fired] = ticks;
	kt->kt_tick = ticks;
	kt->kt_fired = kt->kt_fired + 1;
	nfired = nfired + 1;
	kt->kt_order = nfired;
	if (kt->kt_readd > 0) {
		kt->kt_readd--;
		timeout_add(&kt->kt_to, kt->kt_delay);
	}
}

static void
kt_reset(void)
{
	for (struct ktimeout &kt : kts) {
		timeout_del(&kt.kt_to);
		kt = {};
		timeout_set(&kt.kt_to, kt_handler, &kt);
	}
	nfired = 0;
}

/* Halt until n firings in all, or the bound. */
static void
kt_wait(int n)
{
	for (int halts = 0; nfired < n && halts < MAXHALTS; halts++)
		enable_intr_and_halt();
}

/* Halt for n ticks (bounded as kt_wait). */
static void
kt_sleep_ticks(int n)
{
	int start = ticks;

	for (int halts = 0; ticks - start < n && halts < MAXHALTS; halts++)
		enable_intr_and_halt();
}

/*
 * Three timeouts of 1, 5 and 20 ticks, added out of order, run in
 * deadline order, each at its deadline or one tick after it: timeout_add
 * may come just before a tick, which the handler sees as the next value
 * of ticks, or just after one, depending on where in the tick we are.
 */
static int
test_timeout_order(void)
{
	static const int delay[3] = { 20, 1, 5 };
	static const int rank[3] = { 3, 1, 2 };
	int start[3];

	kt_reset();
	for (int i = 0; i < 3; i++) {
		start[i] = ticks;
		if (timeout_add(&kts[i].kt_to, delay[i]) != 1)
			return ktest_fail("timeout_add %d returned 0", i);
	}
	kt_wait(3);
	for (int i = 0; i < 3; i++) {
		struct ktimeout *kt = &kts[i];
		int late = kt->kt_tick - (start[i] + delay[i]);

		if (kt->kt_fired != 1)
			return ktest_fail("the %d-tick timeout ran %d times "
			    "(is hardclock calling timeout_hardclock_update?)",
			    delay[i], kt->kt_fired);
		if (late < 0 || late > 1)
			return ktest_fail("the %d-tick timeout ran %d ticks "
			    "from its deadline", delay[i], late);
		if (kt->kt_order != rank[i])
			return ktest_fail("the %d-tick timeout ran %d-th",
			    delay[i], kt->kt_order);
		if (timeout_pending(&kt->kt_to) ||
		    !timeout_triggered(&kt->kt_to))
			return ktest_fail("flags 0x%x after running",
			    kt->kt_to.to_flags);
	}
	return 0;
}
KTEST_DEFINE(timeout_order, test_timeout_order, 0);

/* A timeout deleted before its deadline never runs. */
static int
test_timeout_del(void)
{
	int start;

	kt_reset();
	timeout_add(&kts[0].kt_to, 10);
	timeout_add(&kts[1].kt_to, 3);
	kt_wait(1);			/* the 3-tick one */
	if (kts[1].kt_fired != 1)
		return ktest_fail("the 3-tick timeout did not run");
	if (timeout_del(&kts[0].kt_to) != 1)
		return ktest_fail("timeout_del of a pending timeout: 0");
	if (timeout_del(&kts[0].kt_to) != 0)
		return ktest_fail("timeout_del twice: 1");
	/* Wait past the deleted deadline, with a live witness after it. */
	start = ticks;
	timeout_add(&kts[2].kt_to, 15);
	kt_wait(2);
	if (kts[2].kt_fired != 1 || ticks - start < 15)
		return ktest_fail("the witness ran %d times",
		    kts[2].kt_fired);
	if (kts[0].kt_fired != 0)
		return ktest_fail("the deleted timeout ran");
	return 0;
}
KTEST_DEFINE(timeout_del, test_timeout_del, 0);

/* A handler that re-adds itself 5 times runs 6 times, 2 ticks apart. */
static int
test_timeout_periodic(void)
{
	struct ktimeout *kt = &kts[0];

	kt_reset();
	kt->kt_readd = 5;
	kt->kt_delay = 2;
	timeout_add(&kt->kt_to, 2);
	kt_wait(6);
	/* A seventh run would come 2 ticks on: give it 5. */
	kt_sleep_ticks(5);
	if (kt->kt_fired != 6)
		return ktest_fail("ran %d times, want 6", kt->kt_fired);
	for (int i = 1; i < 6; i++)
		if (kt->kt_when[i] - kt->kt_when[i - 1] != 2)
			return ktest_fail("run %d came %d ticks after run %d",
			    i, kt->kt_when[i] - kt->kt_when[i - 1], i - 1);
	if (timeout_pending(&kt->kt_to))
		return ktest_fail("still pending after the last run");
	return 0;
}
KTEST_DEFINE(timeout_periodic, test_timeout_periodic, 0);
