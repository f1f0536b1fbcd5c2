/*
 * <machine/cpufunc.h>: the i386 instructions C++ cannot express, each as a
 * tiny inline function with OpenBSD's name (inb, outb, lcr3, rcr2, ...).
 *
 * Every "memory" clobber below is deliberate: it stops the compiler from
 * moving loads and stores across an instruction that changes how memory is
 * seen (page tables, interrupt state, device registers).
 */
#ifndef _MACHINE_CPUFUNC_H_
#define _MACHINE_CPUFUNC_H_

#include <sys/types.h>

static inline u_int8_t
inb(u_int port)
{
	u_int8_t data;
	__asm volatile("inb %w1, %0" : "=a"(data) : "Nd"(port) : "memory");
	return data;
}

static inline void
outb(u_int port, u_int8_t data)
{
	__asm volatile("outb %0, %w1" : : "a"(data), "Nd"(port) : "memory");
}

static inline u_int16_t
inw(u_int port)
{
	u_int16_t data;
	__asm volatile("inw %w1, %0" : "=a"(data) : "Nd"(port) : "memory");
	return data;
}

static inline void
outw(u_int port, u_int16_t data)
{
	__asm volatile("outw %0, %w1" : : "a"(data), "Nd"(port) : "memory");
}

static inline u_int32_t
inl(u_int port)
{
	u_int32_t data;
	__asm volatile("inl %w1, %0" : "=a"(data) : "Nd"(port) : "memory");
	return data;
}

static inline void
outl(u_int port, u_int32_t data)
{
	__asm volatile("outl %0, %w1" : : "a"(data), "Nd"(port) : "memory");
}

static inline void
disable_intr(void)
{
	__asm volatile("cli" : : : "memory");
}

static inline void
enable_intr(void)
{
	__asm volatile("sti" : : : "memory");
}

static inline u_int
read_eflags(void)
{
	u_int ef;
	__asm volatile("pushfl; popl %0" : "=r"(ef) : : "memory");
	return ef;
}

static inline void
write_eflags(u_int ef)
{
	__asm volatile("pushl %0; popfl" : : "r"(ef) : "memory", "cc");
}

/* Wait for the next interrupt; used by the idle loop. */
static inline void
halt(void)
{
	__asm volatile("hlt" : : : "memory");
}

/* Atomically enable interrupts and halt: no wakeup can slip in between. */
static inline void
enable_intr_and_halt(void)
{
	__asm volatile("sti; hlt" : : : "memory");
}

static inline u_int
rcr0(void)
{
	u_int v;
	__asm volatile("movl %%cr0, %0" : "=r"(v));
	return v;
}

static inline void
lcr0(u_int v)
{
	__asm volatile("movl %0, %%cr0" : : "r"(v) : "memory");
}

static inline u_int
rcr2(void)
{
	u_int v;
	__asm volatile("movl %%cr2, %0" : "=r"(v));
	return v;
}

static inline u_int
rcr3(void)
{
	u_int v;
	__asm volatile("movl %%cr3, %0" : "=r"(v));
	return v;
}

static inline void
lcr3(u_int v)
{
	__asm volatile("movl %0, %%cr3" : : "r"(v) : "memory");
}

static inline u_int
rcr4(void)
{
	u_int v;
	__asm volatile("movl %%cr4, %0" : "=r"(v));
	return v;
}

static inline void
lcr4(u_int v)
{
	__asm volatile("movl %0, %%cr4" : : "r"(v) : "memory");
}

/* Flush the whole TLB (but for global pages) by reloading %cr3. */
static inline void
tlbflush(void)
{
	lcr3(rcr3());
}

/* Flush one page's translation. */
static inline void
invlpg(vaddr_t va)
{
	__asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline void
cpuid(u_int32_t leaf, u_int32_t *regs)
{
	__asm volatile("cpuid"
	    : "=a"(regs[0]), "=b"(regs[1]), "=c"(regs[2]), "=d"(regs[3])
	    : "a"(leaf), "c"(0));
}

static inline u_int64_t
rdtsc(void)
{
	u_int32_t lo, hi;
	__asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u_int64_t)hi << 32) | lo;
}

static inline void
breakpoint(void)
{
	__asm volatile("int $3");
}

/* The frame pointer of the caller of the current function's frame. */
static inline u_int
read_ebp(void)
{
	u_int v;
	__asm volatile("movl %%ebp, %0" : "=r"(v));
	return v;
}

#endif /* !_MACHINE_CPUFUNC_H_ */
