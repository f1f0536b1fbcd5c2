/*
 * <sys/utsname.h>: what uname(3) fills, OpenBSD's layout.  The C library
 * builds it from sysctl(2) (kern.ostype, kern.hostname, kern.osrelease,
 * kern.version, hw.machine); the kernel has no uname system call.
 * C-compatible: libc's <sys/utsname.h> includes this one.
 */
#ifndef _SYS_UTSNAME_H_
#define _SYS_UTSNAME_H_

#define SYS_NMLN	256

struct utsname {
	char	sysname[SYS_NMLN];	/* name of this OS */
	char	nodename[SYS_NMLN];	/* name of this network node */
	char	release[SYS_NMLN];	/* release level */
	char	version[SYS_NMLN];	/* version level */
	char	machine[SYS_NMLN];	/* hardware type */
};

#endif /* !_SYS_UTSNAME_H_ */
