/*
 * <machine/proc.h>: the machine-dependent part of a thread (p_md).
 *
 * md_regs points at the thread's user trapframe, at the top of its kernel
 * stack, while it is in the kernel on behalf of its program (a system
 * call or a trap from user mode).  fork copies the parent's frame into
 * the child through it, execve rewrites it to start the new program, and
 * signals will read it.  Mirrors OpenBSD's arch/i386/include/proc.h.
 */
#ifndef _MACHINE_PROC_H_
#define _MACHINE_PROC_H_

struct trapframe;

struct mdproc {
	struct trapframe *md_regs;	/* [o] registers on entry from user */
	int		md_flags;	/* [o] MDP_* (none yet) */
};

#endif /* !_MACHINE_PROC_H_ */
