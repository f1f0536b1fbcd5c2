/*
 * vm_machdep.cc: the machine-dependent halves of creating and switching
 * threads: cpu_fork() and cpu_switchto().
 *
 * A thread's kernel stack is the USPACE bytes at p_addr: the pcb at the
 * bottom (struct user), the stack growing down from the top.  cpu_fork()
 * prepares a new thread's stack so that the first cpu_switchto() to it
 * "returns" into proc_trampoline (swtch.asm), which calls the thread's
 * function.  cpu_switchto() updates what the CPU must know about the
 * running thread (curproc, the TSS's kernel stack for traps from user
 * mode, the page directory) and swaps stacks.
 * Mirrors OpenBSD's arch/i386/i386/vm_machdep.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/user.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/pcb.h>
#include <machine/pmap.h>
#include <uvm/uvm_extern.h>

extern "C" void proc_trampoline(void);
extern "C" void proc_trampoline_user(void);
extern "C" void cpu_switchto_stack(struct pcb *oldpcb, struct pcb *newpcb);
void	cpu_set_kstack(vaddr_t esp0);	/* machdep.cc: the TSS */

/*
 * cpu_fork: make child's kernel stack ready to start func(arg) at its
 * first switch.  The frame below is what cpu_switchto_stack pops: %edi,
 * %esi (func), %ebx (arg), %ebp (0: the end of backtraces), then the
 * return address, a trampoline.
 *
 * A kernel thread's trampoline is proc_trampoline: func never returns
 * (or exits if it does).  A user process's is proc_trampoline_user: its
 * stack starts with a trapframe at the very top, where a trap from user
 * mode would put it, a copy of the parent's (fork: child_return then makes
 * fork return 0 in it) or zeroes (init, whose start_init execs a program
 * that fills it in); when func returns, the trampoline "returns from the
 * trap" into user mode with that frame.
 */
void
cpu_fork(struct proc *child, void (*func)(void *), void *arg)
{
	struct pcb *pcb = &child->p_addr->u_pcb;
	u_int *sp = (u_int *)((vaddr_t)child->p_addr + USPACE);
	void (*trampoline)(void) = proc_trampoline;

	if (!(child->p_flag & P_SYSTEM)) {
		struct trapframe *tf = (struct trapframe *)sp - 1;
		struct trapframe *ptf = curproc->p_md.md_regs;

		if (ptf != nullptr && !(curproc->p_flag & P_SYSTEM))
			*tf = *ptf;
		else
			memset(tf, 0, sizeof(*tf));
		child->p_md.md_regs = tf;
		sp = (u_int *)tf;
		trampoline = proc_trampoline_user;
	}
	*--sp = (u_int)trampoline;
	*--sp = 0;			/* %ebp */
	*--sp = (u_int)arg;		/* %ebx */
	*--sp = (u_int)func;		/* %esi */
	*--sp = 0;			/* %edi */
	pcb->pcb_esp = (int)sp;
	pcb->pcb_ebp = 0;
	pcb->pcb_cr3 = pmap_kernel()->pm_pdirpa;
}

/*
 * cpu_switchto: run newp instead of old (null when old has exited).
 * => called by mi_switch() at splhigh; returns when old runs again.
 */
void
cpu_switchto(struct proc *old, struct proc *newp)
{
	struct pcb *npcb = &newp->p_addr->u_pcb;
	struct vmspace *vm = newp->p_p->ps_vmspace;

	curcpu()->ci_curproc = newp;
	cpu_set_kstack((vaddr_t)newp->p_addr + USPACE);
	if ((u_int)npcb->pcb_cr3 != (rcr3() & PG_FRAME))
		lcr3(npcb->pcb_cr3);
	if (vm != nullptr)
		pmap_load_codeseg(vm_map_pmap(&vm->vm_map));
	cpu_switchto_stack(old != nullptr ? &old->p_addr->u_pcb : nullptr,
	    npcb);
}
