/*
 * regress/time.c: clocks and sleeping: gettimeofday and clock_gettime
 * (CLOCK_REALTIME agrees with gettimeofday; CLOCK_MONOTONIC never goes
 * back), nanosleep (50 ms lasts at least 50 ms by CLOCK_MONOTONIC: a
 * bound, not a guess at the scheduler; EINVAL for tv_nsec outside
 * [0, 1e9) and a negative tv_sec), getrusage (the CPU time of a spinning
 * process and of its reaped child shows), and sched_yield.
 *
 * OpenBSD: kern/kern_time.c (sys_clock_gettime, sys_nanosleep,
 * sys_gettimeofday), kern/kern_resource.c (sys_getrusage),
 * kern/kern_synch.c (sys_sched_yield).
 */
#include "regress.h"

static long long
ts_ns(const struct timespec *ts)
{
	return (long long)ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static void
test_clocks(void)
{
	struct timespec a, b, r;
	struct timeval tv;
	long long prev = 0, now;
	int i, back = 0, range = 1;

	CHECK_OK(clock_gettime(CLOCK_REALTIME, &r));
	CHECK_OK(gettimeofday(&tv, NULL));
	CHECK(tv.tv_sec - r.tv_sec >= 0 && tv.tv_sec - r.tv_sec <= 2,
	    "CLOCK_REALTIME and gettimeofday agree (%lld, %lld)",
	    (long long)r.tv_sec, (long long)tv.tv_sec);
	CHECK(r.tv_sec > 1500000000, "the real time is after 2017 (%lld): "
	    "the clock was read at boot", (long long)r.tv_sec);
	CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000, "tv_usec in range");
	CHECK(time(NULL) - tv.tv_sec >= 0 && time(NULL) - tv.tv_sec <= 2,
	    "time(3) agrees");

	for (i = 0; i < 2000; i++) {
		if (clock_gettime(CLOCK_MONOTONIC, &a) == -1) {
			back = -1;
			break;
		}
		if (a.tv_nsec < 0 || a.tv_nsec >= 1000000000)
			range = 0;
		now = ts_ns(&a);
		if (now < prev)
			back++;
		prev = now;
		if (i % 100 == 0)
			sched_yield();
	}
	CHECK_EQ(back, 0, "CLOCK_MONOTONIC never goes back in 2000 reads");
	CHECK(range, "tv_nsec always in [0, 1e9)");
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &a));
	CHECK_OK(gettimeofday(&tv, NULL));
	for (i = 0, back = 0; i < 1000; i++) {
		struct timeval t2;
		gettimeofday(&t2, NULL);
		if (t2.tv_sec < tv.tv_sec ||
		    (t2.tv_sec == tv.tv_sec && t2.tv_usec < tv.tv_usec))
			back++;
		tv = t2;
	}
	CHECK_EQ(back, 0, "gettimeofday does not go back in 1000 reads");
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &b));
	CHECK(ts_ns(&b) >= ts_ns(&a), "and CLOCK_MONOTONIC moved on");
	CHECK_ERR(clock_gettime(-1, &a), EINVAL);
	CHECK_ERR(clock_gettime(12345, &a), EINVAL);
}

static void
test_nanosleep(void)
{
	struct timespec req, a, b;
	long long took;

	req.tv_sec = 0;
	req.tv_nsec = 50 * 1000000;
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &a));
	CHECK_OK(nanosleep(&req, NULL));
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &b));
	took = ts_ns(&b) - ts_ns(&a);
	CHECK(took >= 50 * 1000000LL, "nanosleep 50 ms lasted %lld us >= "
	    "50000", took / 1000);

	req.tv_sec = 1;
	req.tv_nsec = 0;
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &a));
	CHECK_OK(nanosleep(&req, NULL));
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &b));
	took = ts_ns(&b) - ts_ns(&a);
	CHECK(took >= 1000000000LL, "nanosleep 1 s lasted %lld us", took /
	    1000);

	req.tv_sec = 0;
	req.tv_nsec = 0;
	CHECK_OK(nanosleep(&req, NULL));
	req.tv_nsec = 1000000000;
	CHECK_ERR(nanosleep(&req, NULL), EINVAL);
	req.tv_nsec = 1999999999;
	CHECK_ERR(nanosleep(&req, NULL), EINVAL);
	req.tv_nsec = -1;
	CHECK_ERR(nanosleep(&req, NULL), EINVAL);
	req.tv_sec = -1;
	req.tv_nsec = 0;
	CHECK_ERR(nanosleep(&req, NULL), EINVAL);
}

/* Spin for ms milliseconds of wall time. */
static void
spin(long ms)
{
	long long end = rg_now_ms() + ms;
	volatile unsigned x = 0;

	while (rg_now_ms() < end)
		for (int i = 0; i < 10000; i++)
			x += i;
}

static long long
cpu_us(const struct rusage *ru)
{
	return (long long)(ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) *
	    1000000 + ru->ru_utime.tv_usec + ru->ru_stime.tv_usec;
}

static void
test_rusage(void)
{
	struct rusage a, b, c;
	int st;
	pid_t pid;

	CHECK_OK(getrusage(RUSAGE_SELF, &a));
	spin(300);
	CHECK_OK(getrusage(RUSAGE_SELF, &b));
	CHECK(cpu_us(&b) > cpu_us(&a), "300 ms of spinning shows in our "
	    "rusage (%lld us -> %lld us)", cpu_us(&a), cpu_us(&b));
	CHECK(b.ru_utime.tv_usec >= 0 && b.ru_utime.tv_usec < 1000000 &&
	    b.ru_stime.tv_usec >= 0 && b.ru_stime.tv_usec < 1000000,
	    "tv_usec fields in range");

	CHECK_OK(getrusage(RUSAGE_CHILDREN, &a));
	pid = fork();
	if (pid == 0) {
		spin(300);
		_exit(0);
	}
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0), "a spinning child (%s)", rg_status(st));
	CHECK_OK(getrusage(RUSAGE_CHILDREN, &c));
	CHECK(cpu_us(&c) > cpu_us(&a), "its time shows in RUSAGE_CHILDREN "
	    "once reaped (%lld us -> %lld us)", cpu_us(&a), cpu_us(&c));
	CHECK_ERR(getrusage(12345, &a), EINVAL);
}

static void
test_yield(void)
{
	int i, bad = 0;

	for (i = 0; i < 100; i++)
		if (sched_yield() != 0)
			bad++;
	CHECK_EQ(bad, 0, "sched_yield returns 0, 100 times");
}

int
main(void)
{
	regress_begin("time");
	test_clocks();
	test_nanosleep();
	test_rusage();
	test_yield();
	return regress_end();
}
