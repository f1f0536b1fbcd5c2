/* <sys/ioctl.h>: ioctl(2) and the terminal ioctls. */
#ifndef _SYS_IOCTL_H_
#define _SYS_IOCTL_H_

#include <sys/cdefs.h>
#include <sys/ttycom.h>

__BEGIN_DECLS
int	ioctl(int fd, unsigned long request, ...);
__END_DECLS

#endif /* !_SYS_IOCTL_H_ */
