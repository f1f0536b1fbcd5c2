/*
 * <sys/_time.h>: the clocks clock_gettime(2) can read, and the time zone
 * structure gettimeofday(2) fills, OpenBSD's values (its sys/_time.h and
 * sys/time.h).  Both the kernel (kern_time.cc) and libc's <time.h> and
 * <sys/time.h> take them from here.  C-compatible.
 */
#ifndef _SYS__TIME_H_
#define _SYS__TIME_H_

#define CLOCK_REALTIME		0	/* the time of day */
#define CLOCK_PROCESS_CPUTIME_ID 2	/* the process's run time */
#define CLOCK_MONOTONIC		3	/* time since boot, never set */
#define CLOCK_THREAD_CPUTIME_ID	4	/* the thread's run time */
#define CLOCK_UPTIME		5	/* time since boot, not suspended */
#define CLOCK_BOOTTIME		6	/* time since boot, suspended too */

/* Obsolete, and always zero: there are no time zones in the kernel. */
struct timezone {
	int	tz_minuteswest;	/* minutes west of Greenwich */
	int	tz_dsttime;	/* type of dst correction */
};

#ifdef _KERNEL
#include <sys/cdefs.h>
#include <sys/types.h>

struct proc;
struct timespec;
struct timeval;

__BEGIN_DECLS
/* kern_time.cc */
bool	timespec_valid(const struct timespec *ts);
int	timespec_to_ticks(const struct timespec *ts);
void	timespec_add(const struct timespec *a, const struct timespec *b,
	    struct timespec *res);
void	timespec_sub(const struct timespec *a, const struct timespec *b,
	    struct timespec *res);
void	microtime(struct timeval *tv);
int	clock_gettime1(struct proc *p, int32_t clock_id, struct timespec *ts);
__END_DECLS
#endif /* _KERNEL */

#endif /* !_SYS__TIME_H_ */
