/*
 * trap.cc: what the kernel does when the CPU raises an exception, and the
 * system call entry, syscall().
 *
 * vector.asm turns every exception into a call trap(frame) with the
 * interrupted registers in *frame and OpenBSD's trap code in tf_trapno.
 *
 * From user mode, a trap is the program's doing.  A page fault goes to
 * uvm_fault(), which maps the page (first touch, copy-on-write, stack
 * growth) or says the access is invalid; a general protection fault at an
 * address the map allows to execute just needs a wider code segment
 * (pmap_exec_fixup).  Anything else becomes a signal for the program,
 * which for now kills it with a line on the console naming it, such as
 * "pid 12 (prog): segmentation fault at 0x0".  The kernel goes on.
 *
 * In kernel mode some traps are expected and handled: a breakpoint (int3)
 * or single step enters ddb, an NMI is reported and ignored, and a page
 * fault while copyin/copyout touches user memory (pcb_onfault set) is the
 * user's bad pointer: the copy returns EFAULT.  Everything else is a
 * kernel bug, and the only safe thing is to stop: trap() prints the
 * trap's name, its decoded error code, %cr2 for page faults and every
 * register, then panics, and panic() adds the backtrace.
 *
 * Every return to user mode passes userret(): the place where a thread
 * whose time slice is over gives up the CPU and where pending signals
 * take effect.  Mirrors OpenBSD's arch/i386/i386/trap.c and
 * sys/sys/syscall_mi.h.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/user.h>
#include <sys/errno.h>
#include <sys/signalvar.h>
#include <sys/syscall.h>
#include <sys/mman.h>
#include <ddb/db_extern.h>
#include <uvm/uvm_extern.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/pmap.h>
#include <machine/psl.h>
#include <machine/segments.h>
#include <machine/trap.h>

extern "C" void cslimit_probe_fault(void);	/* identcpu.cc */

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
 * userret: the last thing before a return to user mode.  A thread that
 * should give up the CPU (its time slice is over, or a better one woke)
 * does so here, the one place where a thread running user code can be
 * preempted; then pending signals are acted on (for now: a signal whose
 * action is to terminate ends the process in postsig, never returning).
 * The priority goes back to the user priority: a sleep in the kernel
 * raised it only for the way out.
 */
void
userret(struct proc *p)
{
	int sig;

	if (curcpu()->ci_want_resched)
		yield();
	/* Nothing pending is the common case: skip cursig's work then. */
	if (p->p_siglist != 0)
		while ((sig = cursig(p)) != 0)
			postsig(p, sig);
	p->p_priority = p->p_usrpri;
}

/*
 * intr_userret: an interrupt arrived while user code ran, and is about to
 * return to it: the AST, in OpenBSD's words.  Called by vector.asm with
 * the CPU's interrupts disabled and cpl back at IPL_NONE.
 */
extern "C" void
intr_userret(struct trapframe *frame)
{
	struct proc *p = curproc;

	if (!curcpu()->ci_want_resched && p->p_siglist == 0)
		return;
	p->p_md.md_regs = frame;
	enable_intr();
	userret(p);
	disable_intr();
}

/*
 * What a user-mode trap means for the program: the signal, and the words
 * for the console line when it kills.
 */
struct usertrap {
	int		type;		/* T_* */
	int		sig;		/* SIG* */
	const char	*what;
};
static const struct usertrap usertraps[] = {
	{ T_PAGEFLT,	SIGSEGV, "segmentation fault" },
	{ T_PROTFLT,	SIGSEGV, "protection fault" },
	{ T_SEGNPFLT,	SIGSEGV, "segment not present" },
	{ T_STKFLT,	SIGSEGV, "stack fault" },
	{ T_TSSFLT,	SIGSEGV, "invalid TSS fault" },
	{ T_ALIGNFLT,	SIGBUS,	 "alignment fault" },
	{ T_PRIVINFLT,	SIGILL,	 "illegal instruction" },
	{ T_DNA,	SIGILL,	 "floating point instruction (no FPU state)" },
	{ T_FPOPFLT,	SIGILL,	 "FPU operand fetch fault" },
	{ T_DIVIDE,	SIGFPE,	 "integer divide fault" },
	{ T_OFLOW,	SIGFPE,	 "overflow trap" },
	{ T_BOUND,	SIGFPE,	 "bounds check fault" },
	{ T_ARITHTRAP,	SIGFPE,	 "floating point error" },
	{ T_XFTRAP,	SIGFPE,	 "SIMD floating point error" },
	{ T_BPTFLT,	SIGTRAP, "breakpoint trap" },
	{ T_TRCTRAP,	SIGTRAP, "trace trap" },
};

/*
 * user_pagefault: a page fault in user mode; 0 if uvm_fault() made the
 * access possible, else the errno that explains why not.
 */
static int
user_pagefault(struct proc *p, struct trapframe *frame, u_int cr2)
{
	struct vmspace *vm = p->p_p->ps_vmspace;
	vm_fault_t ftype = (frame->tf_err & PGEX_P) ? VM_FAULT_PROTECT :
	    VM_FAULT_INVALID;
	vm_prot_t access = (frame->tf_err & PGEX_W) ? PROT_WRITE :
	    PROT_READ;

	if (vm == nullptr || cr2 >= VM_MAXUSER_ADDRESS)
		return EFAULT;
	int error = uvm_fault(&vm->vm_map, trunc_page(cr2), ftype, access);
	/* A touch below the stack's lowest page grows its accounting. */
	if (error == 0 && cr2 >= vm->vm_maxsaddr && cr2 < vm->vm_minsaddr)
		uvm_grow(p, cr2);
	return error;
}

/*
 * trap_user: a trap from user mode.  It ends in userret() whatever
 * happens: the program goes on, or the signal it earned is acted on.
 */
static void
trap_user(struct trapframe *frame, int type, u_int cr2)
{
	struct proc *p = curproc;
	vaddr_t addr = frame->tf_eip;
	int error = EFAULT;

	p->p_md.md_regs = frame;
	/* The page fault gate left interrupts off until %cr2 was read. */
	enable_intr();
	switch (type) {
	case T_PAGEFLT:
		if ((error = user_pagefault(p, frame, cr2)) == 0)
			goto out;
		addr = cr2;
		break;
	case T_PROTFLT:
		/* Executing past the code segment's limit, allowed? */
		if (pmap_exec_fixup(&p->p_p->ps_vmspace->vm_map, frame))
			goto out;
		break;
	case T_NMI:
		printf("NMI at user eip 0x%x: ignored\n", frame->tf_eip);
		goto out;
	default:
		break;
	}

	for (const struct usertrap &ut : usertraps) {
		if (ut.type != type)
			continue;
		int sig = ut.sig;
		const char *what = ut.what;
		if (error == ENOMEM) {
			/* No page to give it: as OpenBSD, kill outright. */
			sig = SIGKILL;
			what = "out of memory";
		}
		/* A caught signal will not kill: no message for it. */
		struct sigacts *ps = p->p_p->ps_sigacts;
		if (ps == nullptr || ps->ps_sigact[sig] == SIG_DFL ||
		    ps->ps_sigact[sig] == SIG_IGN || (p->p_sigmask &
		    sigmask(sig)))
			printf("pid %d (%s): %s at 0x%lx\n",
			    p->p_p->ps_pid, p->p_p->ps_comm, what, addr);
		trapsignal(p, sig, type, 0, addr);
		goto out;
	}
	/* An exception that should never come from user mode. */
	trap_fatal(frame, type, cr2);
out:
	userret(p);
}

/*
 * syscall: a system call, int $0x80 from user mode.
 * The number is in %eax; the arguments are where the libc stub's caller
 * pushed them, on the user stack just above the stub's return address.
 * syscall() copies sy_argsize bytes of them into the kernel (a bad stack
 * pointer is EFAULT, like any bad pointer), calls the handler, and
 * reports back in the frame: on success the result in %eax (and %edx)
 * with the carry flag clear, on failure the errno in %eax with the carry
 * flag set.  ERESTART (a sleep interrupted by a signal that should not
 * end the call) backs %eip up over the int instruction, so the call runs
 * again after the signal; EJUSTRETURN (execve, sigreturn: the handler
 * wrote the whole frame) leaves the frame alone.
 * => interrupts enabled (a trap gate).
 */
extern "C" void
syscall(struct trapframe *frame)
{
	struct proc *p = curproc;
	const struct sysent *callp;
	register_t args[10], rval[2];
	u_int code = frame->tf_eax;
	int error;

	p->p_md.md_regs = frame;
	callp = (code < (u_int)nsysent) ? &sysent[code] : &sysent[0];
	if (callp->sy_argsize != 0) {
		KASSERT((size_t)callp->sy_argsize <= sizeof(args));
		error = copyin((const char *)frame->tf_esp + sizeof(int), args,
		    callp->sy_argsize);
		if (error != 0)
			goto bad;
	}
	rval[0] = 0;
	rval[1] = frame->tf_edx;
	error = (*callp->sy_call)(p, args, rval);
	switch (error) {
	case 0:
		frame->tf_eax = rval[0];
		frame->tf_edx = rval[1];
		frame->tf_eflags &= ~PSL_C;
		break;
	case ERESTART:
		frame->tf_eip -= frame->tf_err;	/* the int's length, 2 */
		break;
	case EJUSTRETURN:
		break;
	default:
	bad:
		frame->tf_eax = error;
		frame->tf_eflags |= PSL_C;
		break;
	}
	userret(p);
}

/*
 * sys_nosys: a system call number with no system call (UNIMPL, OBSOL or
 * past the end of the table).  As in OpenBSD, the process also gets
 * SIGSYS, whose default action ends it: a program that makes a call the
 * kernel does not have is usually broken.
 */
int
sys_nosys(struct proc *p, void *, register_t *)
{
	psignal(p, SIGSYS);
	return ENOSYS;
}

/*
 * child_return: where a child of fork(2) starts, on its first switch in.
 * cpu_fork() gave it a copy of its parent's trapframe; it returns 0 from
 * fork (the parent gets the child's pid), then goes to user mode through
 * proc_trampoline_user.
 */
void
child_return(void *arg)
{
	struct proc *p = (struct proc *)arg;
	struct trapframe *frame = p->p_md.md_regs;

	frame->tf_eax = 0;
	frame->tf_edx = 0;
	frame->tf_eflags &= ~PSL_C;
	userret(p);
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
		trap_user(frame, type, cr2);
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
	case T_PROTFLT:
		/* identcpu.cc's probe ran past its segment, as it should. */
		if (cslimit_probing &&
		    frame->tf_cs == GSEL(GTRAMP_SEL, SEL_KPL)) {
			frame->tf_cs = GSEL(GCODE_SEL, SEL_KPL);
			frame->tf_eip = (int)cslimit_probe_fault;
			return;
		}
		break;
	case T_PAGEFLT:
		/*
		 * copyin/copyout touching user memory: a page not there yet
		 * (never touched, or copy-on-write) is uvm_fault's to bring
		 * in; a bad address resumes at the copy loop's recovery
		 * code, which returns EFAULT.
		 */
		if (curproc != nullptr &&
		    curproc->p_addr->u_pcb.pcb_onfault != nullptr &&
		    cr2 < VM_MAXUSER_ADDRESS) {
			struct proc *p = curproc;
			if (p->p_p->ps_vmspace != nullptr) {
				if (frame->tf_eflags & PSL_I)
					enable_intr();
				if (user_pagefault(p, frame, cr2) == 0)
					return;
			}
			frame->tf_eip = (int)p->p_addr->u_pcb.pcb_onfault;
			return;
		}
		break;
	default:
		break;
	}
	trap_fatal(frame, type, cr2);
}
