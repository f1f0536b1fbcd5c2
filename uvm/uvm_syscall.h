/*
 * uvm_syscall.h: <sys/syscallargs.h> for uvm's system call handlers.
 *
 * The generated header names types (sigset_t, clockid_t, fd_set) that
 * <sys/signal.h> declares for the kernel, as it is what the system call
 * table includes first; so does this.  Include <sys/signal.h> and
 * <sys/syscallargs.h> directly instead when next editing the includers.
 */
#ifndef _UVM_UVM_SYSCALL_H_
#define _UVM_UVM_SYSCALL_H_

#include <sys/types.h>
#include <sys/signal.h>
#include <sys/syscallargs.h>

#endif /* !_UVM_UVM_SYSCALL_H_ */
