/*
 * <sys/ioctl.h> for user programs: the kernel's header (the terminal and
 * file ioctls, found next on the include path) and ioctl(2) itself.
 */
#ifndef _LIBC_SYS_IOCTL_H_
#define _LIBC_SYS_IOCTL_H_

#include <sys/cdefs.h>
#include_next <sys/ioctl.h>

__BEGIN_DECLS
int	ioctl(int fd, unsigned long request, ...);
__END_DECLS

#endif /* !_LIBC_SYS_IOCTL_H_ */
