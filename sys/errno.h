/*
 * <sys/errno.h>: error numbers, OpenBSD's values.  Kernel functions return
 * 0 for success or one of these; system calls hand them to user space.
 */
#ifndef _SYS_ERRNO_H_
#define _SYS_ERRNO_H_

#ifdef HOSTTEST
/*
 * Kernel code compiled into the host unit tests returns the host's error
 * numbers, so tests and libc agree (most values are the same anyway).
 */
#include <errno.h>
#undef ERESTART			/* glibc's is a Linux errno; ours is internal */
#define ERESTART	-1
#define EJUSTRETURN	-2
#define EFTYPE		79	/* OpenBSD's; glibc has none */
#else

#define EPERM		1	/* Operation not permitted */
#define ENOENT		2	/* No such file or directory */
#define ESRCH		3	/* No such process */
#define EINTR		4	/* Interrupted system call */
#define EIO		5	/* Input/output error */
#define ENXIO		6	/* Device not configured */
#define E2BIG		7	/* Argument list too long */
#define ENOEXEC		8	/* Exec format error */
#define EBADF		9	/* Bad file descriptor */
#define ECHILD		10	/* No child processes */
#define EDEADLK		11	/* Resource deadlock avoided */
#define ENOMEM		12	/* Cannot allocate memory */
#define EACCES		13	/* Permission denied */
#define EFAULT		14	/* Bad address */
#define EBUSY		16	/* Device busy */
#define EEXIST		17	/* File exists */
#define EXDEV		18	/* Cross-device link */
#define ENODEV		19	/* Operation not supported by device */
#define ENOTDIR		20	/* Not a directory */
#define EISDIR		21	/* Is a directory */
#define EINVAL		22	/* Invalid argument */
#define ENFILE		23	/* Too many open files in system */
#define EMFILE		24	/* Too many open files */
#define ENOTTY		25	/* Inappropriate ioctl for device */
#define ETXTBSY		26	/* Text file busy */
#define EFBIG		27	/* File too large */
#define ENOSPC		28	/* No space left on device */
#define ESPIPE		29	/* Illegal seek */
#define EROFS		30	/* Read-only file system */
#define EMLINK		31	/* Too many links */
#define EPIPE		32	/* Broken pipe */
#define ERANGE		34	/* Result too large */
#define EAGAIN		35	/* Resource temporarily unavailable */
#define EWOULDBLOCK	EAGAIN	/* Operation would block */
#define EOPNOTSUPP	45	/* Operation not supported */
#define ELOOP		62	/* Too many levels of symbolic links */
#define ENAMETOOLONG	63	/* File name too long */
#define ENOTEMPTY	66	/* Directory not empty */
#define ENOSYS		78	/* Function not implemented */
#define EFTYPE		79	/* Inappropriate file type or format */

#define ERESTART	-1	/* restart syscall (kernel only) */
#define EJUSTRETURN	-2	/* don't modify regs, just return (kernel only) */
#endif /* HOSTTEST */

#endif /* !_SYS_ERRNO_H_ */
