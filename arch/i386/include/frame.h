/*
 * <machine/frame.h>: the trap frame, the registers of an interrupted
 * context as the trap entry code in vector.asm leaves them on the kernel
 * stack.
 *
 * Read it bottom-up to see the order things were pushed: the CPU pushes
 * %ss/%esp (only when it came from user mode), %eflags, %cs, %eip and, for
 * some exceptions, an error code; the entry stub pushes a zero error code
 * where the CPU did not, then the trap number, then INTRENTRY saves the
 * general registers and the data segment registers.  trap() gets a pointer
 * to the lowest word, tf_fs.  This is OpenBSD's classic i386 layout.
 *
 * vector.asm depends on every offset here; the static_asserts below pin
 * them so that a change to one side without the other fails to compile.
 */
#ifndef _MACHINE_FRAME_H_
#define _MACHINE_FRAME_H_

#include <cstddef>

struct trapframe {
	int	tf_fs;
	int	tf_gs;
	int	tf_es;
	int	tf_ds;
	int	tf_edi;
	int	tf_esi;
	int	tf_ebp;
	int	tf_ebx;
	int	tf_edx;
	int	tf_ecx;
	int	tf_eax;
	int	tf_trapno;
	/* below portion defined in 386 hardware */
	int	tf_err;
	int	tf_eip;
	int	tf_cs;
	int	tf_eflags;
	/* below only when crossing rings (e.g. user to kernel) */
	int	tf_esp;
	int	tf_ss;
};

/* The layout vector.asm builds (see INTRENTRY there). */
static_assert(offsetof(trapframe, tf_fs) == 0);
static_assert(offsetof(trapframe, tf_gs) == 4);
static_assert(offsetof(trapframe, tf_es) == 8);
static_assert(offsetof(trapframe, tf_ds) == 12);
static_assert(offsetof(trapframe, tf_edi) == 16);
static_assert(offsetof(trapframe, tf_esi) == 20);
static_assert(offsetof(trapframe, tf_ebp) == 24);
static_assert(offsetof(trapframe, tf_ebx) == 28);
static_assert(offsetof(trapframe, tf_edx) == 32);
static_assert(offsetof(trapframe, tf_ecx) == 36);
static_assert(offsetof(trapframe, tf_eax) == 40);
static_assert(offsetof(trapframe, tf_trapno) == 44);
static_assert(offsetof(trapframe, tf_err) == 48);
static_assert(offsetof(trapframe, tf_eip) == 52);
static_assert(offsetof(trapframe, tf_cs) == 56);
static_assert(offsetof(trapframe, tf_eflags) == 60);
static_assert(offsetof(trapframe, tf_esp) == 64);
static_assert(offsetof(trapframe, tf_ss) == 68);
static_assert(sizeof(trapframe) == 72);

/*
 * A trap from kernel mode does not push %esp and %ss: the frame ends at
 * tf_eflags and the interrupted code's stack pointer is just above it.
 */
#define TF_KERNEL_ESP(tf)	((int)&(tf)->tf_esp)

#endif /* !_MACHINE_FRAME_H_ */
