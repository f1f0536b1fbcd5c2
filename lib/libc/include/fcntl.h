/*
 * <fcntl.h>: open(2) and fcntl(2).  The O_* flags are the kernel's
 * <sys/fcntl.h>; the fcntl(2) commands below are OpenBSD's values.
 */
#ifndef _FCNTL_H_
#define _FCNTL_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/fcntl.h>

#ifndef F_DUPFD
#define F_DUPFD		0	/* duplicate file descriptor */
#define F_GETFD		1	/* get file descriptor flags */
#define F_SETFD		2	/* set file descriptor flags */
#define F_GETFL		3	/* get file status flags */
#define F_SETFL		4	/* set file status flags */
#define F_DUPFD_CLOEXEC	10	/* duplicate with FD_CLOEXEC set */
#define FD_CLOEXEC	1	/* close-on-exec flag */
#endif

__BEGIN_DECLS
int	open(const char *path, int flags, ...);
int	creat(const char *path, mode_t mode);
int	fcntl(int fd, int cmd, ...);
__END_DECLS

#endif /* !_FCNTL_H_ */
