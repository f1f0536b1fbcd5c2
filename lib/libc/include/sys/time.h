/*
 * <sys/time.h> for user programs: the kernel's header (struct timeval,
 * struct timespec), found next on the include path, and gettimeofday(2).
 */
#ifndef _LIBC_SYS_TIME_H_
#define _LIBC_SYS_TIME_H_

#include_next <sys/time.h>

struct timezone {
	int	tz_minuteswest;	/* minutes west of Greenwich */
	int	tz_dsttime;	/* type of dst correction */
};

__BEGIN_DECLS
int	gettimeofday(struct timeval *tp, struct timezone *tzp);
int	utimes(const char *path, const struct timeval *times);
__END_DECLS

#endif /* !_LIBC_SYS_TIME_H_ */
