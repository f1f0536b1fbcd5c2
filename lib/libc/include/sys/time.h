/*
 * <sys/time.h> for user programs: the kernel's header (struct timeval,
 * struct timespec), found next on the include path, <sys/_time.h> (the
 * clock ids and struct timezone), and gettimeofday(2).
 */
#ifndef _LIBC_SYS_TIME_H_
#define _LIBC_SYS_TIME_H_

#include_next <sys/time.h>
#include <sys/_time.h>

__BEGIN_DECLS
int	gettimeofday(struct timeval *tp, struct timezone *tzp);
int	utimes(const char *path, const struct timeval *times);
__END_DECLS

#endif /* !_LIBC_SYS_TIME_H_ */
