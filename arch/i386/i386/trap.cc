/*
 * trap.cc: what the kernel does when the CPU raises an exception.
 *
 * vector.asm turns every exception into a call trap(frame) with the
 * interrupted registers in *frame and OpenBSD's trap code in tf_trapno.
 * Some traps are expected and handled: a breakpoint (int3) or single
 * step enters ddb, an NMI is reported and ignored.  With user space (a
 * later issue) faults in user mode become signals, and page faults go to
 * uvm_fault().  A page fault in the kernel while it copies from or to
 * user memory (copyin, copyout: pcb_onfault set) is the user's bad
 * pointer, and the copy returns EFAULT.  Everything else, in kernel
 * mode, is a kernel bug, and the
 * only safe thing is to stop: trap() prints the trap's name, its decoded
 * error code, %cr2 for page faults and every register, then panics, and
 * panic() adds the backtrace.  Mirrors OpenBSD's arch/i386/i386/trap.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/user.h>
#include <ddb/db_extern.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/pmap.h>
#include <machine/psl.h>
#include <machine/segments.h>
#include <machine/trap.h>

/* The names of the T_* codes, as OpenBSD prints them. */
static const char *const trap_type[] = {
	"privileged instruction fault",		/*  0 T_PRIVINFLT */
	"breakpoint trap",			/*  1 T_BPTFLT */
	"arithmetic trap",			/*  2 T_ARITHTRAP */
	"asynchronous system trap",		/*  3 T_ASTFLT */
	"protection fault",			/*  4 T_PROTFLT */
	"trace trap",				/*  5 T_TRCTRAP */
	"page fault",				/*  6 T_PAGEFLT */
	"alignment fault",			/*  7 T_ALIGNFLT */
	"integer divide fault",			/*  8 T_DIVIDE */
	"non-maskable interrupt",		/*  9 T_NMI */
	"overflow trap",			/* 10 T_OFLOW */
	"bounds check fault",			/* 11 T_BOUND */
	"FPU not available fault",		/* 12 T_DNA */
	"double fault",				/* 13 T_DOUBLEFLT */
	"FPU operand fetch fault",		/* 14 T_FPOPFLT */
	"invalid TSS fault",			/* 15 T_TSSFLT */
	"segment not present fault",		/* 16 T_SEGNPFLT */
	"stack fault",				/* 17 T_STKFLT */
	"machine check",			/* 18 T_MACHK */
	"SIMD floating point fault",		/* 19 T_XFTRAP */
	"reserved trap",			/* 20 T_RESERVED */
};
static const int trap_types = sizeof(trap_type) / sizeof(trap_type[0]);

/*
 * Explain a page fault's error code in words: who (kernel or user), what
 * (read, write or instruction fetch), and why (the page is not present,
 * or present but protected).
 */
static void
pagefault_explain(int err, u_int cr2)
{
	printf("%s %s %s page at 0x%x\n",
	    (err & PGEX_U) ? "user" : "kernel",
	    (err & PGEX_I) ? "instruction fetch from" :
	    (err & PGEX_W) ? "write to" : "read from",
	    (err & PGEX_P) ? "protected" : "non-present", cr2);
}

/*
 * trap_fatal: report an unhandled trap and panic.  The first lines match
 * OpenBSD's so its documentation and bug reports read the same.
 */
static void
trap_fatal(struct trapframe *frame, int type, u_int cr2)
{
	const char *name = (type >= 0 && type < trap_types) ?
	    trap_type[type] : "unknown trap";
	vaddr_t off;
	const char *sym;

	printf("fatal %s (%d) in %s mode\n", name, type,
	    KERNELMODE(frame->tf_cs, frame->tf_eflags) ? "supervisor" :
	    "user");
	/* %b goes last in a format: see <sys/systm.h>. */
	printf("trap type %d eip 0x%x cs 0x%x cr2 0x%x code %b\n", type,
	    frame->tf_eip, frame->tf_cs, cr2, frame->tf_err, PGEX_BITS);
	if (type == T_PAGEFLT)
		pagefault_explain(frame->tf_err, cr2);
	db_print_regs(frame, printf);
	sym = db_search_symbol(frame->tf_eip, &off);
	if (sym != nullptr)
		printf("Stopped at\t%s+0x%lx\n", sym, off);
	panic("trap type %d, code=%x, pc=%x", type, frame->tf_err,
	    frame->tf_eip);
}

/*
 * trap: the C++ side of every exception.
 * => called from alltraps with the frame; interrupts are as the gate left
 *    them (off for page faults and NMIs, else as they were).
 * => returns to the interrupted code with whatever the frame then holds.
 */
extern "C" void
trap(struct trapframe *frame)
{
	int type = frame->tf_trapno;
	u_int cr2 = 0;

	/* Read %cr2 first: the next page fault would overwrite it. */
	if (type == T_PAGEFLT)
		cr2 = rcr2();

	if (USERMODE(frame->tf_cs, frame->tf_eflags)) {
		/*
		 * XXX There is no user mode yet (the user-space issue adds
		 * processes, signals and uvm_fault); a trap from ring 3
		 * cannot happen, so treat it as fatal like the rest.
		 */
		trap_fatal(frame, type, cr2);
		return;
	}

	switch (type) {
	case T_BPTFLT:
	case T_TRCTRAP:
		/* int3 (db_enter) or a single step: ddb's business. */
		if (kdb_trap(type, frame->tf_err, frame))
			return;
		break;
	case T_NMI:
		printf("NMI at eip 0x%x: ignored\n", frame->tf_eip);
		return;
	case T_PAGEFLT:
		/*
		 * copyin/copyout met a bad user address: resume at the
		 * copy loop's recovery code, which returns EFAULT.
		 */
		if (curproc != nullptr &&
		    curproc->p_addr->u_pcb.pcb_onfault != nullptr &&
		    cr2 < VM_MAXUSER_ADDRESS) {
			frame->tf_eip =
			    (int)curproc->p_addr->u_pcb.pcb_onfault;
			return;
		}
		break;
	default:
		break;
	}
	trap_fatal(frame, type, cr2);
}
