/*
 * <machine/pcb.h>: the process control block: what cpu_switchto() saves
 * of a thread that is switched away from, and what the trap code needs to
 * know about the current one.
 *
 * Only the stack and frame pointers are saved here; the callee-saved
 * registers (%ebx, %esi, %edi, %ebp) are pushed on the thread's own
 * kernel stack by swtch.asm before %esp is stored.  The pcb lives at the
 * bottom of the thread's kernel stack pages (struct user, <sys/user.h>).
 */
#ifndef _MACHINE_PCB_H_
#define _MACHINE_PCB_H_

#include <cstddef>
#include <sys/types.h>

struct pcb {
	int	pcb_esp;	/* saved %esp, for cpu_switchto */
	int	pcb_ebp;	/* saved %ebp, for backtraces of sleepers */
	int	pcb_cr3;	/* page directory to load on switch */
	caddr_t	pcb_onfault;	/* copyin/copyout fault recovery, later */
};

/* swtch.asm uses these offsets. */
static_assert(offsetof(struct pcb, pcb_esp) == 0);
static_assert(offsetof(struct pcb, pcb_ebp) == 4);

#endif /* !_MACHINE_PCB_H_ */
