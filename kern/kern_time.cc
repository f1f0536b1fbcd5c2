/*
 * kern_time.cc: the time system calls: gettimeofday(2), clock_gettime(2)
 * and nanosleep(2).
 *
 * The clocks themselves are kern_clock.cc's: the time of day (set from
 * the real-time clock at boot, then advanced by hardclock) and the
 * uptime, both exact to a tick (10 ms).  Run-time clocks count the
 * cycles the thread has run (kern_resource.cc).  nanosleep turns the
 * requested time into clock ticks and sleeps interruptibly on a channel
 * no one wakes: only the timeout or a signal ends the sleep.
 *
 * Mirrors OpenBSD's sys/kern/kern_time.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/proc.h>
#include <sys/resource.h>
#include <sys/signal.h>
#include <sys/time.h>
#include <sys/_time.h>
#include <sys/syscallargs.h>

/*
 * timespec_valid: is ts a time interval the kernel accepts: not negative,
 * and with nanoseconds in [0, 10^9)?  (OpenBSD's timespecisvalid plus
 * nanosleep's sign check.)
 */
bool
timespec_valid(const struct timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 &&
	    ts->tv_nsec < 1000000000L;
}

/*
 * timespec_to_ticks: the clock ticks a sleep of ts needs so that at
 * least ts passes: rounded up, plus one, because the tick that is
 * already under way when the sleep starts counts only in part.  Capped
 * at INT_MAX; a caller that sleeps that long loops.
 */
int
timespec_to_ticks(const struct timespec *ts)
{
	u_int64_t ns_per_tick = (u_int64_t)tick * 1000;
	u_int64_t nsec = (u_int64_t)ts->tv_sec * 1000000000ULL +
	    (u_int64_t)ts->tv_nsec;

	if ((u_int64_t)ts->tv_sec > 0x7fffffffULL)	/* past any cap */
		return 0x7fffffff;
	u_int64_t t = (nsec + ns_per_tick - 1) / ns_per_tick + 1;
	return t > 0x7fffffffULL ? 0x7fffffff : (int)t;
}

/* timespec_sub: *res = *a - *b. */
void
timespec_sub(const struct timespec *a, const struct timespec *b,
    struct timespec *res)
{
	res->tv_sec = a->tv_sec - b->tv_sec;
	res->tv_nsec = a->tv_nsec - b->tv_nsec;
	if (res->tv_nsec < 0) {
		res->tv_sec--;
		res->tv_nsec += 1000000000L;
	}
}

/* timespec_add: *res = *a + *b. */
void
timespec_add(const struct timespec *a, const struct timespec *b,
    struct timespec *res)
{
	res->tv_sec = a->tv_sec + b->tv_sec;
	res->tv_nsec = a->tv_nsec + b->tv_nsec;
	if (res->tv_nsec >= 1000000000L) {
		res->tv_sec++;
		res->tv_nsec -= 1000000000L;
	}
}

/* microtime: the time of day as a timeval. */
void
microtime(struct timeval *tv)
{
	struct timespec ts;

	nanotime(&ts);
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
}

/* A thread's (and so its process's) run time as a timespec. */
static void
runtime_timespec(struct proc *p, struct timespec *ts)
{
	struct tusage tu = {};
	tuagg(p, &tu);

	u_int64_t ns = cycles_to_nsec(tu.tu_runtime);
	if (ns == 0)	/* no cycle counter: the ticks it was charged */
		ns = (tu.tu_uticks + tu.tu_sticks + tu.tu_iticks) *
		    (u_int64_t)tick * 1000;
	ts->tv_sec = (time_t)(ns / 1000000000ULL);
	ts->tv_nsec = (long)(ns % 1000000000ULL);
}

/*
 * clock_gettime1: read clock clock_id into *ts.  Returns 0 or EINVAL
 * for a clock that does not exist.
 */
int
clock_gettime1(struct proc *p, clockid_t clock_id, struct timespec *ts)
{
	switch (clock_id) {
	case CLOCK_REALTIME:
		nanotime(ts);
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_UPTIME:
	case CLOCK_BOOTTIME:
		/* The machine never suspends: the three are one clock. */
		getnanouptime(ts);
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		/* One thread per process: the same figure. */
		runtime_timespec(p, ts);
		return 0;
	default:
		return EINVAL;
	}
}

/* clock_gettime(2) */
int
sys_clock_gettime(struct proc *p, void *v, register_t *retval)
{
	struct sys_clock_gettime_args *uap =
	    (struct sys_clock_gettime_args *)v;
	struct timespec ats;
	int error;

	if ((error = clock_gettime1(p, SCARG(uap, clock_id), &ats)) != 0)
		return error;
	return copyout(&ats, SCARG(uap, tp), sizeof(ats));
}

/* gettimeofday(2): the time of day, and an all-zero time zone. */
int
sys_gettimeofday(struct proc *p, void *v, register_t *retval)
{
	struct sys_gettimeofday_args *uap =
	    (struct sys_gettimeofday_args *)v;
	struct timeval atv;
	struct timezone tz = {};
	int error;

	if (SCARG(uap, tp) != nullptr) {
		microtime(&atv);
		if ((error = copyout(&atv, SCARG(uap, tp), sizeof(atv))) != 0)
			return error;
	}
	if (SCARG(uap, tzp) != nullptr)
		return copyout(&tz, SCARG(uap, tzp), sizeof(tz));
	return 0;
}

/*
 * nanosleep(2): sleep for *rqtp at least, unless a signal comes first;
 * then EINTR, and *rmtp (if not null) gets the time that was left.
 */
int
sys_nanosleep(struct proc *p, void *v, register_t *retval)
{
	static int nanowait;	/* the channel: no one wakes it */
	struct sys_nanosleep_args *uap = (struct sys_nanosleep_args *)v;
	struct timespec rqt, now, deadline, left;
	int error;

	if ((error = copyin(SCARG(uap, rqtp), &rqt, sizeof(rqt))) != 0)
		return error;
	if (!timespec_valid(&rqt))
		return EINVAL;

	getnanouptime(&now);
	timespec_add(&now, &rqt, &deadline);
	for (;;) {
		getnanouptime(&now);
		timespec_sub(&deadline, &now, &left);
		if (left.tv_sec < 0 || (left.tv_sec == 0 && left.tv_nsec == 0))
			break;
		error = tsleep(&nanowait, PWAIT | PCATCH, "nanoslp",
		    timespec_to_ticks(&left));
		if (error != 0 && error != EWOULDBLOCK)
			break;	/* a signal */
		error = 0;	/* the timeout: see whether it is time */
	}
	/*
	 * A signal ends the sleep for good: restarting it would sleep the
	 * whole time again, so it is EINTR whatever SA_RESTART says.
	 */
	if (error == ERESTART)
		error = EINTR;
	if (SCARG(uap, rmtp) != nullptr) {
		getnanouptime(&now);
		timespec_sub(&deadline, &now, &left);
		if (left.tv_sec < 0 || error == 0)
			left.tv_sec = left.tv_nsec = 0;
		int error1 = copyout(&left, SCARG(uap, rmtp), sizeof(left));
		if (error == 0)
			error = error1;
	}
	return error;
}
