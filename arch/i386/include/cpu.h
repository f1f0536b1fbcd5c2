/*
 * <machine/cpu.h>: what machine-independent code may ask of the CPU.
 *
 * The identification found by identifycpu() and a few hooks with
 * OpenBSD's names.  Kernel code outside arch/ reaches the hardware only
 * through names like these.
 */
#ifndef _MACHINE_CPU_H_
#define _MACHINE_CPU_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/sched.h>

struct proc;

/* What cpuid told us (arch/i386/i386/identcpu.cc). */
struct cpu_info {
	struct proc	*ci_curproc;	/* [S] the thread running here */
	struct schedstate_percpu ci_schedstate;	/* [S] run queues etc. */
	volatile int	ci_want_resched; /* [S] a better thread is runnable */
	char		ci_vendor[16];	/* "GenuineIntel" */
	char		ci_brand[49];	/* "QEMU Virtual CPU version 2.5+" */
	u_int32_t	ci_signature;	/* cpuid 1 %eax: family/model/step */
	u_int32_t	ci_feature_flags;	/* cpuid 1 %edx */
	u_int32_t	ci_feature_ecx;	/* cpuid 1 %ecx */
	u_int64_t	ci_tsc_freq;	/* measured against the i8253, Hz */
	bool		ci_cslimit;	/* enforces code segment limits */
};
extern struct cpu_info cpu_info_primary;
#define curcpu()	(&cpu_info_primary)

/*
 * Physical memory as init386() found it in the BIOS memory map: every
 * usable range (mem_clusters, what "real mem" counts) and the same with
 * the kernel image and page 0 cut out (avail_clusters, what the VM system
 * manages, "avail mem").  Page-aligned, [start, end).
 */
#define VM_PHYSSEG_MAX	16
struct mem_cluster {
	paddr_t	start;
	paddr_t	end;
};
extern struct mem_cluster mem_clusters[], avail_clusters[];
extern int mem_cluster_cnt, avail_cluster_cnt;
extern psize_t physmem, availmem;	/* in pages */
extern struct bootinfo bootinfo;
extern "C" int boothowto, bootdev;

/*
 * What hardclock() gets: the frame of the interrupted context.  On i386 the
 * interrupt stubs build a full trapframe, so it is that.
 */
#define clockframe		trapframe
#define CLKF_USERMODE(frame)	(((frame)->tf_cs & 3) == 3)
#define CLKF_PC(frame)		((frame)->tf_eip)

/* Spin-wait politely (the pause instruction). */
#define CPU_BUSY_CYCLE()	__asm volatile("pause" : : : "memory")

/* A free-running cycle counter, for run-time accounting (the TSC). */
static inline u_int64_t
cpu_counter(void)
{
	u_int32_t lo, hi;

	__asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u_int64_t)hi << 32) | lo;
}

__BEGIN_DECLS
void	identifycpu(struct cpu_info *);
bool	cslimit_probe(void);
extern volatile bool cslimit_probing;
void	cpu_startup(void);
void	cpu_initclocks(void);
void	delay(int usecs);
__dead void cpu_test_exit(int code);
__dead void cpu_reset(void);
__dead void cpu_powerdown(void);
__dead void cpu_halt(void);
__END_DECLS

#define DELAY(x)	delay(x)

#endif /* !_MACHINE_CPU_H_ */
