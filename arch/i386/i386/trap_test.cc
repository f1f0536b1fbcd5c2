/*
 * trap_test.cc: tests of the trap path.
 *
 * The crash_* tests crash the kernel on purpose; they are run one at a
 * time by name (test=crash_divzero) and the test runner expects the run
 * to end in a panic whose report names the trap, decodes it and shows a
 * backtrace through the test function.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <machine/cpufunc.h>
#include <machine/segments.h>

/* volatile: the compiler must not see the crash coming and remove it. */
static volatile int zero = 0;

__attribute__((noinline)) static int
crash_divzero(void)
{
	return 100 / zero;
}
KTEST_DEFINE(crash_divzero, crash_divzero, KTEST_CRASH);

__attribute__((noinline)) static int
crash_pagefault(void)
{
	*(volatile int *)0xdeadb000 = 1;	/* nothing is mapped there */
	return 0;
}
KTEST_DEFINE(crash_pagefault, crash_pagefault, KTEST_CRASH);

__attribute__((noinline)) static int
crash_kassert(void)
{
	KASSERT(zero == 1);
	return 0;
}
KTEST_DEFINE(crash_kassert, crash_kassert, KTEST_CRASH);

/*
 * With an empty IDT the CPU cannot deliver the breakpoint, nor the
 * double fault that follows, and resets: a triple fault.  QEMU runs with
 * -no-reboot, so it exits, and the runner must say "triple fault".
 */
__attribute__((noinline)) static int
crash_triplefault(void)
{
	struct region_descriptor empty = { 0, 0 };

	disable_intr();
	__asm volatile("lidt %0; int3" : : "m"(empty));
	return 0;
}
KTEST_DEFINE(crash_triplefault, crash_triplefault, KTEST_CRASH);

/*
 * A stray vector goes through a stub, stray_intr() and back: execution
 * continues after the "int" with every register as it was.
 */
static int
test_trap_stray_returns(void)
{
	u_int ebx = 0x12345678, esi = 0x9abcdef0, out_ebx, out_esi;

	__asm volatile("int $0x81" : "=b"(out_ebx), "=S"(out_esi)
	    : "b"(ebx), "S"(esi) : "memory");
	if (out_ebx != ebx || out_esi != esi)
		return ktest_fail("registers changed: ebx 0x%x esi 0x%x",
		    out_ebx, out_esi);
	return 0;
}
KTEST_DEFINE(trap_stray_returns, test_trap_stray_returns, 0);

/* The system call gate: vector 128, a trap gate user mode may use. */
extern struct gate_descriptor idt[];

static int
syscall_gate(void)
{
	struct gate_descriptor *gd = &idt[T_SYSCALL_VEC];

	if (gd->gd_type != SDT_SYS386TGT)
		return ktest_fail("int $0x80 gate type %d, want %d (trap gate)",
		    gd->gd_type, SDT_SYS386TGT);
	if (gd->gd_dpl != SEL_UPL)
		return ktest_fail("int $0x80 gate DPL %d, want %d",
		    gd->gd_dpl, SEL_UPL);
	if (!gd->gd_p)
		return ktest_fail("int $0x80 gate not present");
	return 0;
}
KTEST_DEFINE(syscall_gate, syscall_gate, 0);
