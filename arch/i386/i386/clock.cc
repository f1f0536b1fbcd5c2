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
 * The MC146818 real-time clock gives the date and time at boot
 * (inittodr).  Mirrors OpenBSD's arch/i386/isa/clock.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/time.h>
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

/*
 * The MC146818 real-time clock in the PC's CMOS: the date and time,
 * kept by a battery while the machine is off (QEMU gives it the host's
 * time).  Registers are read by writing their number to port 0x70 and
 * reading port 0x71; the values are BCD unless status register B says
 * binary.  While an update is in progress (status A, bit 7) the values
 * may be half old, half new, so rtc_read waits for it to end and reads
 * until two readings agree.
 */
#define IO_RTC		0x70
#define MC_SEC		0x00
#define MC_MIN		0x02
#define MC_HOUR		0x04
#define MC_DOM		0x07
#define MC_MONTH	0x08
#define MC_YEAR		0x09
#define MC_REGA		0x0a
#define MC_REGB		0x0b
#define MC_REGA_UIP	0x80	/* update in progress */
#define MC_REGB_BINARY	0x04	/* values are binary, not BCD */
#define MC_REGB_24HR	0x02	/* 24-hour clock */
#define MC_CENTURY	0x32	/* the PC's century byte */

static u_int
mc146818_read(u_int reg)
{
	outb(IO_RTC, reg);
	return inb(IO_RTC + 1);
}

struct rtc_time {
	u_int	sec, min, hour, dom, mon, year, century, regb;

	bool operator==(const rtc_time &) const = default;
};

static void
rtc_read(struct rtc_time *t)
{
	for (int i = 0; i < 1000000 &&
	    (mc146818_read(MC_REGA) & MC_REGA_UIP); i++)
		continue;
	t->sec = mc146818_read(MC_SEC);
	t->min = mc146818_read(MC_MIN);
	t->hour = mc146818_read(MC_HOUR);
	t->dom = mc146818_read(MC_DOM);
	t->mon = mc146818_read(MC_MONTH);
	t->year = mc146818_read(MC_YEAR);
	t->century = mc146818_read(MC_CENTURY);
	t->regb = mc146818_read(MC_REGB);
}

static u_int
bcdtobin(u_int x)
{
	return (x >> 4) * 10 + (x & 0xf);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; Hinnant's way). */
static int64_t
days_from_civil(int64_t y, u_int m, u_int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	u_int yoe = (u_int)(y - era * 400);
	u_int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	u_int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/*
 * inittodr: set the time of day from the real-time clock; base is a
 * time known to be in the past (0 if none), used if the clock is
 * unreadable or set before it.
 * => called once from main(); reads CMOS ports.
 */
void
inittodr(time_t base)
{
	struct rtc_time t, t2;

	/* Two equal readings in a row: not torn by an update. */
	rtc_read(&t);
	for (int i = 0; i < 10; i++) {
		rtc_read(&t2);
		if (t2 == t)
			break;
		t = t2;
	}
	bool pm = !(t.regb & MC_REGB_24HR) && (t.hour & 0x80);
	t.hour &= 0x7f;
	if (!(t.regb & MC_REGB_BINARY)) {
		t.sec = bcdtobin(t.sec);
		t.min = bcdtobin(t.min);
		t.hour = bcdtobin(t.hour);
		t.dom = bcdtobin(t.dom);
		t.mon = bcdtobin(t.mon);
		t.year = bcdtobin(t.year);
		t.century = bcdtobin(t.century);
	}
	if (!(t.regb & MC_REGB_24HR))
		t.hour = t.hour % 12 + (pm ? 12 : 0);
	u_int year = (t.century >= 19 && t.century <= 21 ? t.century * 100 :
	    (t.year < 70 ? 2000 : 1900)) + t.year;

	time_t secs = base;
	if (t.mon >= 1 && t.mon <= 12 && t.dom >= 1 && t.dom <= 31 &&
	    t.hour < 24 && t.min < 60 && t.sec < 60)
		secs = days_from_civil(year, t.mon, t.dom) * 86400 +
		    t.hour * 3600 + t.min * 60 + t.sec;
	else
		printf("WARNING: bad date in the real-time clock\n");
	if (secs < base) {
		printf("WARNING: the clock lost time; using the base\n");
		secs = base;
	}
	time_second = secs;
}
