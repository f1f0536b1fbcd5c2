/*
 * <errno.h>: errno and the error numbers.
 *
 * The numbers are the kernel's own <sys/errno.h> (OpenBSD's values), the
 * one definition that system calls and libc share.  errno is a plain
 * global: there are no threads.  A failing system call stub stores the
 * kernel's error in it through __cerror (lib/libc/sys/syscalls.asm).
 */
#ifndef _ERRNO_H_
#define _ERRNO_H_

#include <sys/cdefs.h>
#include <sys/errno.h>

/* ISO C's math errors; the kernel never returns EDOM. */
#ifndef EDOM
#define EDOM		33	/* Numerical argument out of domain */
#endif

__BEGIN_DECLS
extern int errno;
__END_DECLS

#endif /* !_ERRNO_H_ */
