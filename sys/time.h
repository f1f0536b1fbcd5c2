/*
 * <sys/time.h>: time values and the kernel's clocks.
 *
 * The kernel keeps two clocks, as OpenBSD: the uptime (ticks since boot,
 * kern/kern_clock.cc) and the time of day, which starts from the
 * battery-backed real-time clock read at boot (inittodr, arch clock.cc)
 * and advances with the ticks.  File systems stamp inodes with
 * getnanotime(), the cheap form that is exact to a tick.
 */
#ifndef _SYS_TIME_H_
#define _SYS_TIME_H_

#include <sys/cdefs.h>
#include <sys/types.h>

struct timespec {
	time_t	tv_sec;		/* seconds */
	long	tv_nsec;	/* and nanoseconds */
};

struct timeval {
	time_t	tv_sec;		/* seconds */
	long	tv_usec;	/* and microseconds */
};

#define TIMEVAL_TO_TIMESPEC(tv, ts) do {				\
	(ts)->tv_sec = (tv)->tv_sec;					\
	(ts)->tv_nsec = (tv)->tv_usec * 1000;				\
} while (0)

#if defined(_KERNEL) || defined(HOSTTEST)
extern volatile time_t time_second;	/* [K] seconds since the Epoch */
extern volatile time_t time_uptime;	/* [K] seconds since boot */

__BEGIN_DECLS
void	getnanotime(struct timespec *ts);	/* to the last tick */
void	nanotime(struct timespec *ts);
void	getnanouptime(struct timespec *ts);
void	inittodr(time_t base);
__END_DECLS
#endif /* _KERNEL || HOSTTEST */

#endif /* !_SYS_TIME_H_ */
