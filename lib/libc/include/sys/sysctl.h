/*
 * <sys/sysctl.h> for user programs: the kernel's header (the names,
 * struct kinfo_proc, struct clockinfo: OpenBSD's numbers), found next on
 * the include path, and sysctl(2).
 */
#ifndef _LIBC_SYS_SYSCTL_H_
#define _LIBC_SYS_SYSCTL_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include_next <sys/sysctl.h>

__BEGIN_DECLS
int	sysctl(const int *name, u_int namelen, void *oldp, size_t *oldlenp,
	    void *newp, size_t newlen);
__END_DECLS

#endif /* !_LIBC_SYS_SYSCTL_H_ */
