/*
 * <sys/ttycom.h> for user programs: the kernel's header (the terminal
 * ioctls and struct winsize, OpenBSD's numbers), found next on the
 * include path.  Nothing of libc's own is needed here.
 */
#ifndef _LIBC_SYS_TTYCOM_H_
#define _LIBC_SYS_TTYCOM_H_

#include_next <sys/ttycom.h>

#endif /* !_LIBC_SYS_TTYCOM_H_ */
