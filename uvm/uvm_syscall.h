/*
 * uvm_syscall.h: <sys/syscallargs.h> for uvm's system call handlers.
 *
 * XXX The generated header names types the kernel does not define yet
 * (sigset_t, fd_set, clockid_t: the signal, select and clock headers
 * come with other parts of the user-space issue).  Until they exist,
 * declare them here as OpenBSD does; C++ allows a typedef to be repeated
 * with the same type, so these stay harmless when the real ones arrive.
 * Delete this file and include <sys/syscallargs.h> directly then.
 */
#ifndef _UVM_UVM_SYSCALL_H_
#define _UVM_UVM_SYSCALL_H_

#include <sys/types.h>

typedef unsigned int	sigset_t;
typedef int32_t		clockid_t;
struct fd_set;
typedef struct fd_set	fd_set;

#include <sys/syscallargs.h>

#endif /* !_UVM_UVM_SYSCALL_H_ */
