/*
 * db_trace.cc: the stack backtrace, for panics and ddb's "trace".
 *
 * Every kernel function is compiled with a frame pointer: on entry it
 * pushes the caller's %ebp and points %ebp at that saved word.  So from
 * any %ebp the chain of frames can be followed:
 *
 *	%ebp -> [ saved %ebp of the caller ]   --> the caller's frame
 *	        [ return address into caller ]
 *	        [ first argument ... ]
 *
 * Printing the return address of each frame as "function+offset" names
 * the chain of calls.  A trap interrupts this chain: the function that
 * faulted did not call trap(); the CPU did.  When a return address is the
 * instruction after "call trap" in vector.asm (trap_return), the first
 * argument of that frame is the trapframe, which holds the faulting
 * %eip and %ebp, and the walk continues from there, printing a
 * "--- trap ---" line as OpenBSD's ddb does.
 *
 * One more wrinkle: GCC gives a function that needs no stack (a leaf that
 * keeps everything in registers) no frame at all, even with
 * -fno-omit-frame-pointer.  If a trap strikes such a function, or one
 * still in its prologue, %ebp is its caller's and the caller would be
 * skipped.  So, as OpenBSD's db_trace does, look at the function's first
 * bytes: without "push %ebp; mov %esp,%ebp" before the trapped %eip, the
 * word on top of the trapped stack is the return address; it is printed
 * if it points into kernel text.
 *
 * Corrupt stacks are normal after a crash, so the walk stops at a null
 * %ebp (locore clears it for the first frame), at a frame pointer that is
 * not in the kernel, misaligned, or not above the previous one (stacks
 * grow down, so callers' frames lie at higher addresses).
 * Mirrors OpenBSD's arch/i386/i386/db_trace.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <ddb/db_extern.h>
#include <machine/frame.h>
#include <machine/segments.h>

extern "C" char trap_return[], intr_return[], kernel_text[], etext[];

struct callframe {
	struct callframe	*f_frame;	/* the caller's %ebp */
	u_int			f_retaddr;	/* return address */
	u_int			f_arg0;		/* first argument */
};

static bool
frame_ok(const struct callframe *f, const struct callframe *prev)
{
	return (vaddr_t)f >= KERNBASE && ((vaddr_t)f & 3) == 0 &&
	    (prev == nullptr || f > prev);
}

/*
 * For a trap in kernel mode: if the trapped function had not (yet) built
 * its frame, return the caller's address from the top of the trapped
 * stack; else 0.
 */
static u_int
db_frameless_caller(const struct trapframe *tf)
{
	static const u_char prologue[] = { 0x55, 0x89, 0xe5 };
	vaddr_t off;

	if (db_search_symbol(tf->tf_eip, &off) == nullptr)
		return 0;
	const u_char *fn = (const u_char *)(tf->tf_eip - off);
	if (off >= sizeof(prologue) &&
	    memcmp(fn, prologue, sizeof(prologue)) == 0)
		return 0;	/* the frame was built: %ebp is its own */
	/* After "push %ebp" alone the return address is one word up. */
	const u_int *sp = (const u_int *)TF_KERNEL_ESP(tf);
	u_int ra = (off >= 1 && fn[0] == 0x55) ? sp[1] : sp[0];
	if (ra < (u_int)kernel_text || ra >= (u_int)etext)
		return 0;
	return ra;
}

/*
 * Print where a trap struck (and the caller of a frameless function);
 * return the frame to go on with, or null at user mode.
 */
static struct callframe *
db_trapframe_print(const struct trapframe *tf, int (*pr)(const char *, ...))
{
	if (USERMODE(tf->tf_cs, tf->tf_eflags)) {
		(*pr)("--- user mode ---\n");
		return nullptr;
	}
	(*pr)("  ");
	db_printsym(tf->tf_eip, pr);
	(*pr)("\n");
	if (u_int ra = db_frameless_caller(tf); ra != 0) {
		(*pr)("  ");
		db_printsym(ra, pr);
		(*pr)("\n");
	}
	return (struct callframe *)tf->tf_ebp;
}

static void db_walk(struct callframe *, struct callframe *, int,
    int (*)(const char *, ...));

/*
 * db_stack_trace_print: print up to count frames starting at the frame
 * whose %ebp is given, one line each, with pr (printf or similar).
 * => any context; reads only kernel memory that the checks above allow.
 */
void
db_stack_trace_print(vaddr_t ebp, int count, int (*pr)(const char *, ...))
{
	struct callframe *f = (struct callframe *)ebp, *prev = nullptr;

	(*pr)("backtrace:\n");
	db_walk(f, prev, count, pr);
}

/*
 * db_trapframe_trace: the backtrace of a trapped context (ddb's "trace"
 * after a breakpoint): where it stopped, then its callers.
 */
void
db_trapframe_trace(const struct trapframe *tf, int count,
    int (*pr)(const char *, ...))
{
	(*pr)("backtrace:\n");
	db_walk(db_trapframe_print(tf, pr), nullptr, count, pr);
}

/* Follow the frame chain from f; see the comment at the top. */
static void
db_walk(struct callframe *f, struct callframe *prev, int count,
    int (*pr)(const char *, ...))
{
	while (count-- > 0 && f != nullptr && frame_ok(f, prev)) {
		u_int pc = f->f_retaddr;

		if (pc == 0)
			break;
		(*pr)("  ");
		db_printsym(pc, pr);
		(*pr)("\n");

		if (pc == (u_int)trap_return || pc == (u_int)intr_return) {
			struct trapframe *tf = (struct trapframe *)f->f_arg0;
			if ((vaddr_t)tf < KERNBASE)
				break;
			if (pc == (u_int)trap_return)
				(*pr)("--- trap (number %d) ---\n",
				    tf->tf_trapno);
			else
				(*pr)("--- interrupt (vector %d) ---\n",
				    tf->tf_trapno);
			prev = f;
			f = db_trapframe_print(tf, pr);
			continue;
		}
		prev = f;
		f = f->f_frame;
	}
}
