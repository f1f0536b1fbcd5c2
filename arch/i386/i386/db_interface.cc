/*
 * db_interface.cc: the machine-dependent glue of ddb.
 *
 * db_enter() stops the kernel in the debugger the way OpenBSD does it:
 * with a breakpoint instruction.  The CPU raises T_BPTFLT, trap() calls
 * kdb_trap() with the frame of the code that executed "int3", and the
 * command loop runs on top of that frame: "show registers" prints it and
 * "continue" returns from the trap, resuming right after the int3.
 * A panic enters the command loop directly (db_panic_enter in
 * db_command.cc), since there is nothing to resume.
 * Mirrors OpenBSD's arch/i386/i386/db_interface.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <ddb/db_extern.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/psl.h>
#include <machine/trap.h>

/* db_enter: stop here and read ddb commands (db_enter(9)). */
void
db_enter(void)
{
	breakpoint();
}

/*
 * kdb_trap: a breakpoint or trace trap arrived; run ddb on its frame.
 * Returns 1 if ddb handled the trap (the caller resumes the frame), 0 if
 * the trap is not ddb's.
 */
int
kdb_trap(int type, int, struct trapframe *frame)
{
	if (type != T_BPTFLT && type != T_TRCTRAP)
		return 0;
	printf("Stopped at\t");
	db_printsym(frame->tf_eip, printf);
	printf("\n");
	db_active = 1;
	db_command_loop(frame);
	db_active = 0;
	return 1;
}

/*
 * db_print_regs: every register of a trap frame.  A trap from kernel mode
 * does not save %esp and %ss (the CPU did not switch stacks), so the
 * interrupted %esp is computed: just above the frame.
 */
void
db_print_regs(const struct trapframe *tf, int (*pr)(const char *, ...))
{
	bool user = (tf->tf_cs & 3) == 3;
	u_int esp = user ? tf->tf_esp : (u_int)&tf->tf_esp;
	u_int ss = user ? tf->tf_ss : 0x10;

	(*pr)("eax 0x%08x  ebx 0x%08x  ecx 0x%08x  edx 0x%08x\n",
	    tf->tf_eax, tf->tf_ebx, tf->tf_ecx, tf->tf_edx);
	(*pr)("esi 0x%08x  edi 0x%08x  ebp 0x%08x  esp 0x%08x\n",
	    tf->tf_esi, tf->tf_edi, tf->tf_ebp, esp);
	(*pr)("eip 0x%08x  eflags %b\n", tf->tf_eip, tf->tf_eflags, PSL_BITS);
	(*pr)("cs 0x%x  ds 0x%x  es 0x%x  fs 0x%x  gs 0x%x  ss 0x%x\n",
	    tf->tf_cs & 0xffff, tf->tf_ds & 0xffff, tf->tf_es & 0xffff,
	    tf->tf_fs & 0xffff, tf->tf_gs & 0xffff, ss & 0xffff);
	(*pr)("cr0 0x%x  cr2 0x%x  cr3 0x%x  cr4 0x%x\n", rcr0(), rcr2(),
	    rcr3(), rcr4());
}
