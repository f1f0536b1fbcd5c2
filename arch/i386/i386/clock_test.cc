/*
 * clock_test.cc: the clock interrupt arrives and hardclock() counts it.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/i8259.h>

/*
 * Halt until ten ticks have passed.  "hlt" returns on the next interrupt,
 * and the clock is the only interrupt enabled, so ten ticks must take
 * about ten halts: far more means interrupts arrive that are not ticks,
 * far fewer is impossible.  The halt count bounds the test, not a timer.
 */
static int
test_clock_ticks(void)
{
	int start = ticks, halts = 0;

	while (ticks - start < 10 && halts < 1000) {
		enable_intr_and_halt();
		halts++;
	}
	if (ticks - start < 10)
		return ktest_fail("%d ticks in %d halts", ticks - start, halts);
	if (halts > 20)
		return ktest_fail("10 ticks took %d halts", halts);
	if (intrhand[0] == nullptr || intrhand[0]->ih_count < 10)
		return ktest_fail("the clock handler counted %lu interrupts",
		    intrhand[0] ? intrhand[0]->ih_count : 0UL);
	return 0;
}
KTEST_DEFINE(clock_ticks, test_clock_ticks, 0);

/*
 * The clock runs at hz: measured against the TSC (whose rate identcpu
 * measured with the 8253's counter 2, an independent path), 20 ticks last
 * 20/hz seconds.  Both clocks follow the host's time under QEMU, so the
 * ratio holds however fast the emulation runs; the bound is wide because
 * the first and last tick are caught at halt granularity.
 */
static int
test_clock_rate(void)
{
	u_int64_t freq = curcpu()->ci_tsc_freq;

	if (freq == 0)
		return ktest_fail("TSC rate unknown");
	int t = ticks;
	while (ticks == t)
		enable_intr_and_halt();
	u_int64_t c0 = rdtsc();
	t = ticks;
	while (ticks - t < 20)
		enable_intr_and_halt();
	u_int64_t c1 = rdtsc();
	u_int64_t want = freq * 20 / hz;
	u_int64_t got = c1 - c0;
	if (got < want * 6 / 10 || got > want * 14 / 10)
		return ktest_fail("20 ticks = %llu cycles, expected about %llu",
		    (unsigned long long)got, (unsigned long long)want);
	return 0;
}
KTEST_DEFINE(clock_rate, test_clock_rate, 0);
