/*
 * <time.h>: calendar time (lib/libc/time).  There is no time zone
 * database: local time is UTC.
 */
#ifndef _TIME_H_
#define _TIME_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/time.h>

typedef int	clockid_t;
typedef long	clock_t;

#define CLOCK_REALTIME		0	/* OpenBSD's clock ids */
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_MONOTONIC		3
#define CLOCK_THREAD_CPUTIME_ID	4
#define CLOCK_UPTIME		5
#define CLOCK_BOOTTIME		6
#define CLOCKS_PER_SEC		100

struct tm {
	int	tm_sec;		/* seconds after the minute [0-60] */
	int	tm_min;		/* minutes after the hour [0-59] */
	int	tm_hour;	/* hours since midnight [0-23] */
	int	tm_mday;	/* day of the month [1-31] */
	int	tm_mon;		/* months since January [0-11] */
	int	tm_year;	/* years since 1900 */
	int	tm_wday;	/* days since Sunday [0-6] */
	int	tm_yday;	/* days since January 1 [0-365] */
	int	tm_isdst;	/* Daylight Savings Time flag */
	long	tm_gmtoff;	/* offset from UTC in seconds */
	char	*tm_zone;	/* timezone abbreviation */
};

__BEGIN_DECLS
char	*asctime(const struct tm *tm);
char	*asctime_r(const struct tm *tm, char *buf);
int	 clock_gettime(clockid_t clock, struct timespec *tp);
char	*ctime(const time_t *t);
char	*ctime_r(const time_t *t, char *buf);
struct tm	*gmtime(const time_t *t);
struct tm	*gmtime_r(const time_t *t, struct tm *tm);
struct tm	*localtime(const time_t *t);
struct tm	*localtime_r(const time_t *t, struct tm *tm);
time_t	 mktime(struct tm *tm);
int	 nanosleep(const struct timespec *req, struct timespec *rem);
size_t	 strftime(char *s, size_t max, const char *fmt,
	    const struct tm *tm);
time_t	 time(time_t *t);
time_t	 timegm(struct tm *tm);
void	 tzset(void);
__END_DECLS

#endif /* !_TIME_H_ */
