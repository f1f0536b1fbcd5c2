/*
 * <sys/sysctl.h> for user programs: sysctl(2) and the few names libc asks
 * for, OpenBSD's numbers.
 */
#ifndef _LIBC_SYS_SYSCTL_H_
#define _LIBC_SYS_SYSCTL_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define CTL_KERN	1	/* "high kernel": proc, limits */
#define CTL_HW		6	/* generic cpu/io */
#define KERN_OSTYPE	1	/* string: system version */
#define KERN_OSRELEASE	2	/* string: system release */
#define KERN_VERSION	4	/* string: compile time info */
#define KERN_HOSTNAME	10	/* string: hostname */
#define HW_MACHINE	1	/* string: machine class */

__BEGIN_DECLS
int	sysctl(const int *name, u_int namelen, void *oldp, size_t *oldlenp,
	    void *newp, size_t newlen);
__END_DECLS

#endif /* !_LIBC_SYS_SYSCTL_H_ */
