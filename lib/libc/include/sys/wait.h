/*
 * <sys/wait.h> for user programs: the kernel's header (the status word's
 * encoding, the W* macros and wait4's options), found next on the
 * include path, and the wait functions.
 */
#ifndef _LIBC_SYS_WAIT_H_
#define _LIBC_SYS_WAIT_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include_next <sys/wait.h>

struct rusage;

__BEGIN_DECLS
pid_t	wait(int *status);
pid_t	waitpid(pid_t pid, int *status, int options);
pid_t	wait4(pid_t pid, int *status, int options, struct rusage *ru);
__END_DECLS

#endif /* !_LIBC_SYS_WAIT_H_ */
