/*
 * kern_time_test.cc: in-kernel tests of the time helpers nanosleep and
 * clock_gettime use:
 *
 *  - time_timespec: which intervals are valid, and how many ticks a
 *    sleep takes (at least the time asked for, rounded up, plus one).
 *  - time_clocks: the clocks exist, move forward, and the unknown one is
 *    EINVAL; the run-time clock counts this thread's time.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <sys/proc.h>
#include <sys/time.h>
#include <sys/_time.h>

static int
test_time_timespec(void)
{
	struct timespec ts;

	ts = { 0, 0 };
	if (!timespec_valid(&ts))
		return ktest_fail("0 invalid");
	ts = { 1, 999999999 };
	if (!timespec_valid(&ts))
		return ktest_fail("1.999999999 invalid");
	ts = { 1, 1000000000 };
	if (timespec_valid(&ts))
		return ktest_fail("a whole second of nanoseconds valid");
	ts = { 0, -1 };
	if (timespec_valid(&ts))
		return ktest_fail("negative nanoseconds valid");
	ts = { -1, 0 };
	if (timespec_valid(&ts))
		return ktest_fail("negative seconds valid");

	/* With hz = 100, a tick is 10 ms. */
	ts = { 0, 1 };
	if (timespec_to_ticks(&ts) != 2)
		return ktest_fail("1 ns: %d ticks", timespec_to_ticks(&ts));
	ts = { 0, 10000000 };
	if (timespec_to_ticks(&ts) != 2)
		return ktest_fail("10 ms: %d ticks", timespec_to_ticks(&ts));
	ts = { 1, 5000000 };
	if (timespec_to_ticks(&ts) != hz + 2)
		return ktest_fail("1.005 s: %d ticks", timespec_to_ticks(&ts));
	ts = { (time_t)1 << 40, 0 };
	if (timespec_to_ticks(&ts) != 0x7fffffff)
		return ktest_fail("2^40 s: %d ticks", timespec_to_ticks(&ts));

	struct timespec a = { 2, 100 }, b = { 1, 200 }, r;
	timespec_sub(&a, &b, &r);
	if (r.tv_sec != 0 || r.tv_nsec != 999999900)
		return ktest_fail("2.0000001 - 1.0000002 = %lld.%09ld",
		    (long long)r.tv_sec, r.tv_nsec);
	timespec_add(&r, &b, &r);
	if (r.tv_sec != 2 || r.tv_nsec != 100)
		return ktest_fail("sum back: %lld.%09ld", (long long)r.tv_sec,
		    r.tv_nsec);
	return 0;
}
KTEST_DEFINE(time_timespec, test_time_timespec, 0);

static int
test_time_clocks(void)
{
	static int chan;
	struct timespec r0, m0, c0, r1, m1, c1;
	struct proc *p = curproc;

	if (clock_gettime1(p, CLOCK_REALTIME, &r0) ||
	    clock_gettime1(p, CLOCK_MONOTONIC, &m0) ||
	    clock_gettime1(p, CLOCK_PROCESS_CPUTIME_ID, &c0))
		return ktest_fail("a clock is missing");
	if (clock_gettime1(p, 1, &r1) != EINVAL ||
	    clock_gettime1(p, 99, &r1) != EINVAL)
		return ktest_fail("clock 1 or 99 exists");
	/* Spin for 3 ticks, so the run-time clock moves too. */
	int start = ticks;
	while (ticks - start < 3)
		;
	(void)tsleep(&chan, PWAIT, "clocks", 2);
	(void)clock_gettime1(p, CLOCK_REALTIME, &r1);
	(void)clock_gettime1(p, CLOCK_MONOTONIC, &m1);
	(void)clock_gettime1(p, CLOCK_PROCESS_CPUTIME_ID, &c1);

	struct timespec d;
	timespec_sub(&m1, &m0, &d);
	if (d.tv_sec != 0 || d.tv_nsec < 40000000 || d.tv_nsec > 200000000)
		return ktest_fail("5 ticks took %lld.%09ld s of uptime",
		    (long long)d.tv_sec, d.tv_nsec);
	timespec_sub(&r1, &r0, &d);
	if (d.tv_sec != 0 || d.tv_nsec < 40000000)
		return ktest_fail("5 ticks took %lld.%09ld s of real time",
		    (long long)d.tv_sec, d.tv_nsec);
	timespec_sub(&c1, &c0, &d);
	if (d.tv_sec < 0 || (d.tv_sec == 0 && d.tv_nsec < 10000000))
		return ktest_fail("3 ticks' spin: %lld.%09ld s of run time",
		    (long long)d.tv_sec, d.tv_nsec);
	return 0;
}
KTEST_DEFINE(time_clocks, test_time_clocks, 0);
