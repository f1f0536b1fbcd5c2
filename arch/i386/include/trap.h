/*
 * <machine/trap.h>: the trap type codes trap() switches on.
 *
 * OpenBSD numbers its T_ codes in its own order, not the CPU's vector
 * order; vector.asm pushes the T_ code for each vector, so trap() and
 * ddb speak OpenBSD's numbers.
 */
#ifndef _MACHINE_TRAP_H_
#define _MACHINE_TRAP_H_

#define T_PRIVINFLT	0	/* privileged instruction */
#define T_BPTFLT	1	/* breakpoint trap */
#define T_ARITHTRAP	2	/* arithmetic (x87) trap */
#define T_ASTFLT	3	/* asynchronous system trap */
#define T_PROTFLT	4	/* general protection fault */
#define T_TRCTRAP	5	/* trace trap (single step) */
#define T_PAGEFLT	6	/* page fault */
#define T_ALIGNFLT	7	/* alignment fault */
#define T_DIVIDE	8	/* integer divide fault */
#define T_NMI		9	/* non-maskable interrupt */
#define T_OFLOW		10	/* overflow trap */
#define T_BOUND		11	/* bounds check fault */
#define T_DNA		12	/* device not available fault */
#define T_DOUBLEFLT	13	/* double fault */
#define T_FPOPFLT	14	/* fp coprocessor operand fetch fault */
#define T_TSSFLT	15	/* invalid tss fault */
#define T_SEGNPFLT	16	/* segment not present fault */
#define T_STKFLT	17	/* stack fault */
#define T_MACHK		18	/* machine check trap */
#define T_XFTRAP	19	/* SIMD floating point exception */
#define T_RESERVED	20	/* reserved vectors 20-31 */
#define T_INTERRUPT	21	/* a device interrupt (our own code) */

/* Set on tf_trapno when the trap came from user mode. */
#define T_USER		0x100

/* Page fault error code bits (pushed by the CPU). */
#define PGEX_P		0x01	/* protection violation vs. not present */
#define PGEX_W		0x02	/* during a write */
#define PGEX_U		0x04	/* from user mode */
#define PGEX_RSVD	0x08	/* reserved bit set in a paging entry */
#define PGEX_I		0x10	/* during an instruction fetch */
#define PGEX_BITS	"\20\1P\2W\3U\4RSVD\5I"

#endif /* !_MACHINE_TRAP_H_ */
