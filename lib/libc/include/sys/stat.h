/*
 * <sys/stat.h> for user programs: the kernel's header (struct stat, S_*),
 * found next on the include path, and the system calls that use it.
 */
#ifndef _LIBC_SYS_STAT_H_
#define _LIBC_SYS_STAT_H_

#include_next <sys/stat.h>

#ifndef S_ISVTX
#define S_ISVTX		S_ISTXT		/* the sticky bit's POSIX name */
#endif

__BEGIN_DECLS
int	stat(const char *path, struct stat *sb);
int	lstat(const char *path, struct stat *sb);
int	fstat(int fd, struct stat *sb);
int	chmod(const char *path, mode_t mode);
int	fchmod(int fd, mode_t mode);
int	mkdir(const char *path, mode_t mode);
mode_t	umask(mode_t mask);
__END_DECLS

#endif /* !_LIBC_SYS_STAT_H_ */
