/*
 * <machine/tss.h>: the i386 task state segment.
 *
 * We do not switch tasks in hardware; the TSS matters for one thing: when
 * an interrupt or trap arrives in user mode, the CPU loads the kernel stack
 * from tss_esp0/tss_ss0.  cpu_switchto() updates tss_esp0 for each
 * process (the scheduler issue); for now it is proc0's stack.
 */
#ifndef _MACHINE_TSS_H_
#define _MACHINE_TSS_H_

#include <sys/types.h>

struct i386tss {
	int	__tss_link;
	int	tss_esp0;	/* kernel stack pointer, privilege level 0 */
	int	tss_ss0;	/* kernel stack segment, privilege level 0 */
	int	__tss_esp1;
	int	__tss_ss1;
	int	__tss_esp2;
	int	__tss_ss2;
	int	tss_cr3;	/* page directory base */
	int	__tss_eip;
	int	__tss_eflags;
	int	__tss_eax;
	int	__tss_ecx;
	int	__tss_edx;
	int	__tss_ebx;
	int	tss_esp;
	int	tss_ebp;
	int	__tss_esi;
	int	__tss_edi;
	int	__tss_es;
	int	__tss_cs;
	int	__tss_ss;
	int	__tss_ds;
	int	tss_fs;
	int	tss_gs;
	int	tss_ldt;	/* LDT selector */
	int	tss_ioopt;	/* options and I/O permission map offset */
};
static_assert(sizeof(struct i386tss) == 104);

#endif /* !_MACHINE_TSS_H_ */
