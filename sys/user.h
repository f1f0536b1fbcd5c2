/*
 * <sys/user.h>: the per-thread "u area": the pages of a thread's kernel
 * stack, with its pcb at the bottom and the stack growing down towards it
 * from the top.  USPACE bytes (<machine/param.h>), allocated when the
 * thread is created and freed by the reaper after it exits.
 */
#ifndef _SYS_USER_H_
#define _SYS_USER_H_

#include <machine/pcb.h>

struct user {
	struct pcb	u_pcb;
};

#endif /* !_SYS_USER_H_ */
