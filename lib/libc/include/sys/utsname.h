/*
 * <sys/utsname.h> for user programs: the kernel's header (struct
 * utsname), found next on the include path, and uname(3).
 */
#ifndef _LIBC_SYS_UTSNAME_H_
#define _LIBC_SYS_UTSNAME_H_

#include <sys/cdefs.h>
#include_next <sys/utsname.h>

__BEGIN_DECLS
int	uname(struct utsname *name);
__END_DECLS

#endif /* !_LIBC_SYS_UTSNAME_H_ */
