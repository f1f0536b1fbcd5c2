/* <sys/utsname.h>: uname(3), OpenBSD's layout. */
#ifndef _SYS_UTSNAME_H_
#define _SYS_UTSNAME_H_

#include <sys/cdefs.h>

#define SYS_NMLN	256

struct utsname {
	char	sysname[SYS_NMLN];	/* name of this OS */
	char	nodename[SYS_NMLN];	/* name of this network node */
	char	release[SYS_NMLN];	/* release level */
	char	version[SYS_NMLN];	/* version level */
	char	machine[SYS_NMLN];	/* hardware type */
};

__BEGIN_DECLS
int	uname(struct utsname *name);
__END_DECLS

#endif /* !_SYS_UTSNAME_H_ */
