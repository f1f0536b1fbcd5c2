/*
 * <sys/sysctl.h>: the names sysctl(2) answers to, and what it returns.
 *
 * sysctl names a kernel value with a path of integers, the way a file
 * name is a path of components: { CTL_KERN, KERN_HOSTNAME } is the host
 * name, { CTL_HW, HW_PHYSMEM } the memory size, { CTL_KERN, KERN_PROC,
 * KERN_PROC_ALL, 0, sizeof(struct kinfo_proc), n } a table of every
 * process, which is how ps(1) learns what runs.  The caller passes a
 * buffer for the old value (and its length, which comes back as the
 * length used) and optionally a new value to set.  Asking with a null
 * buffer returns the length a buffer needs.
 *
 * The numbers are OpenBSD's (sys/sys/sysctl.h), and so is the shape of
 * struct kinfo_proc, reduced to the fields this kernel can fill and ps
 * needs, with OpenBSD's names and types.  C-compatible: user programs
 * read it through libc's <sys/sysctl.h>.
 */
#ifndef _SYS_SYSCTL_H_
#define _SYS_SYSCTL_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define CTL_MAXNAME	12	/* largest number of components */

/* Top level. */
#define CTL_UNSPEC	0	/* unused */
#define CTL_KERN	1	/* "high kernel": proc, limits */
#define CTL_VM		2	/* virtual memory */
#define CTL_FS		3	/* file system, mount type is next */
#define CTL_NET		4	/* network, see socket.h */
#define CTL_DEBUG	5	/* debugging parameters */
#define CTL_HW		6	/* generic CPU, I/O */
#define CTL_MACHDEP	7	/* machine dependent */
#define CTL_DDB		9	/* DDB user interface */
#define CTL_VFS		10	/* VFS sysctl's */
#define CTL_MAXID	11	/* number of valid top-level ids */

/* CTL_KERN */
#define KERN_OSTYPE	1	/* string: system version */
#define KERN_OSRELEASE	2	/* string: system release */
#define KERN_OSREV	3	/* int: system revision */
#define KERN_VERSION	4	/* string: compile time info */
#define KERN_MAXVNODES	5	/* int: max vnodes */
#define KERN_MAXPROC	6	/* int: max processes */
#define KERN_MAXFILES	7	/* int: max open files */
#define KERN_ARGMAX	8	/* int: max arguments to exec */
#define KERN_SECURELVL	9	/* int: system security level */
#define KERN_HOSTNAME	10	/* string: hostname */
#define KERN_HOSTID	11	/* int: host identifier */
#define KERN_CLOCKRATE	12	/* struct: struct clockinfo */
#define KERN_BOOTTIME	21	/* struct: time kernel was booted */
#define KERN_DOMAINNAME	22	/* string: (YP) domainname */
#define KERN_OSVERSION	27	/* string: kernel build version */
#define KERN_MSGBUFSIZE	38	/* int: size of the message buffer */
#define KERN_NPROCS	47	/* int: number of processes */
#define KERN_MSGBUF	48	/* struct: the message buffer */
#define KERN_PROC	66	/* struct: process entries */

/* KERN_PROC's third component: which processes. */
#define KERN_PROC_ALL		0	/* everything but kernel threads */
#define KERN_PROC_PID		1	/* by process id */
#define KERN_PROC_PGRP		2	/* by process group id */
#define KERN_PROC_SESSION	3	/* by session of pid */
#define KERN_PROC_TTY		4	/* by controlling tty */
#define KERN_PROC_UID		5	/* by effective uid */
#define KERN_PROC_RUID		6	/* by real uid */
#define KERN_PROC_KTHREAD	7	/* also return kernel threads */
#define KERN_PROC_SHOW_THREADS	0x40000000 /* (one thread each here) */

/* CTL_HW */
#define HW_MACHINE	1	/* string: machine class */
#define HW_MODEL	2	/* string: specific machine model */
#define HW_NCPU		3	/* int: number of cpus */
#define HW_BYTEORDER	4	/* int: machine byte order */
#define HW_PHYSMEM	5	/* int: total memory (bytes, capped) */
#define HW_USERMEM	6	/* int: non-kernel memory (capped) */
#define HW_PAGESIZE	7	/* int: software page size */
#define HW_DISKNAMES	8	/* strings: disk drive names */
#define HW_CPUSPEED	12	/* int: cpu speed in MHz */
#define HW_PHYSMEM64	19	/* quad: total memory */
#define HW_USERMEM64	20	/* quad: non-kernel memory */
#define HW_NCPUFOUND	21	/* int: number of cpus found */
#define HW_NCPUONLINE	25	/* int: number of cpus being used */

/* KERN_CLOCKRATE: the clock's rates. */
struct clockinfo {
	int	hz;		/* clock frequency */
	int	tick;		/* micro-seconds per hz tick */
	int	stathz;		/* statistics clock frequency */
	int	profhz;		/* profiling clock frequency */
};

/*
 * KERN_PROC: what ps(1) learns about one process: OpenBSD's struct
 * kinfo_proc, field for field, so that a program written for OpenBSD
 * reads it unchanged.  Every field is a fixed-size integer, for the same
 * layout in any program.  The fields this kernel has no value for (file
 * and trace pointers, logins, resource use but the times, ...) are zero;
 * the ones ps shows are filled: ids, credentials, state, priorities,
 * CPU use, start time, wait message, command name, sizes.  New fields
 * go at the end only: the caller says the size it knows (the fifth name
 * component) and gets that much of each entry.
 */
#define KI_NGROUPS	16
#define KI_MAXCOMLEN	24	/* extra for 8 byte alignment */
#define KI_WMESGLEN	8
#define KI_MAXLOGNAME	32
#define KI_EMULNAMELEN	8

#define KI_NOCPU	(~(u_int64_t)0)

/* p_eflag */
#define EPROC_CTTY	0x01	/* controlling tty vnode active */
#define EPROC_SLEADER	0x02	/* session leader */

struct kinfo_proc {
	u_int64_t p_forw;		/* PTR: linked run/sleep queue. */
	u_int64_t p_back;
	u_int64_t p_paddr;		/* PTR: address of proc */
	u_int64_t p_addr;		/* PTR: Kernel virtual addr of u-area */
	u_int64_t p_fd;			/* PTR: Ptr to open files structure. */
	u_int64_t p_stats;		/* PTR: Accounting/statistics */
	u_int64_t p_limit;		/* PTR: Process limits. */
	u_int64_t p_vmspace;		/* PTR: Address space. */
	u_int64_t p_sigacts;		/* PTR: Signal actions, state */
	u_int64_t p_sess;		/* PTR: session pointer */
	u_int64_t p_tsess;		/* PTR: tty session pointer */
	u_int64_t p_ru;			/* PTR: Exit information. XXX */

	int32_t	p_eflag;		/* LONG: extra kinfo_proc flags */
	int32_t	p_exitsig;		/* unused, always zero. */
	int32_t	p_flag;			/* INT: P_* and PS_* flags. */

	int32_t	p_pid;			/* PID_T: Process identifier. */
	int32_t	p_ppid;			/* PID_T: Parent process id */
	int32_t	p_sid;			/* PID_T: session id */
	int32_t	p__pgid;		/* PID_T: process group id */
	int32_t	p_tpgid;		/* PID_T: tty process group id */

	u_int32_t p_uid;		/* UID_T: effective user id */
	u_int32_t p_ruid;		/* UID_T: real user id */
	u_int32_t p_gid;		/* GID_T: effective group id */
	u_int32_t p_rgid;		/* GID_T: real group id */

	u_int32_t p_groups[KI_NGROUPS];	/* GID_T: groups */
	int16_t	p_ngroups;		/* SHORT: number of groups */

	int16_t	p_jobc;			/* SHORT: job control counter */
	u_int32_t p_tdev;		/* DEV_T: controlling tty dev */

	u_int32_t p_estcpu;		/* U_INT: Time averaged p_cpticks. */
	u_int32_t p_rtime_sec;		/* STRUCT TIMEVAL: Real time. */
	u_int32_t p_rtime_usec;		/* STRUCT TIMEVAL: Real time. */
	int32_t	p_cpticks;		/* INT: Ticks of cpu time. */
	u_int32_t p_pctcpu;		/* FIXPT_T: %cpu for this process */
	u_int32_t p_swtime;		/* unused, always zero */
	u_int32_t p_slptime;		/* U_INT: Time since last blocked. */
	int32_t	p_schedflags;		/* INT: PSCHED_* flags */

	u_int64_t p_uticks;		/* U_QUAD_T: Statclock hits in user. */
	u_int64_t p_sticks;		/* U_QUAD_T: Statclock hits in sys. */
	u_int64_t p_iticks;		/* U_QUAD_T: Statclock hits in intr. */

	u_int64_t p_tracep;		/* PTR: Trace to vnode or file */
	int32_t	p_traceflag;		/* INT: Kernel trace points. */

	int32_t	p_holdcnt;		/* INT: If non-zero, don't swap. */

	int32_t	p_siglist;		/* INT: Signals pending. */
	u_int32_t p_sigmask;		/* SIGSET_T: Current signal mask. */
	u_int32_t p_sigignore;		/* SIGSET_T: Signals being ignored. */
	u_int32_t p_sigcatch;		/* SIGSET_T: Signals being caught. */

	int8_t	p_stat;			/* CHAR: S* process status. */
	u_int8_t p_priority;		/* U_CHAR: Process priority. */
	u_int8_t p_usrpri;		/* U_CHAR: User-priority. */
	u_int8_t p_nice;		/* U_CHAR: Process "nice" value. */

	u_int16_t p_xstat;		/* U_SHORT: Exit status for wait. */
	u_int16_t p_spare;		/* U_SHORT: unused */

	char	p_comm[KI_MAXCOMLEN];

	char	p_wmesg[KI_WMESGLEN];	/* wchan message */
	u_int64_t p_wchan;		/* PTR: sleep address. */

	char	p_login[KI_MAXLOGNAME];	/* setlogin() name */

	int32_t	p_vm_rssize;		/* SEGSZ_T: resident set size, pages */
	int32_t	p_vm_tsize;		/* SEGSZ_T: text size (pages) */
	int32_t	p_vm_dsize;		/* SEGSZ_T: data size (pages) */
	int32_t	p_vm_ssize;		/* SEGSZ_T: stack size (pages) */

	int64_t	p_uvalid;		/* CHAR: the p_u* members are valid */
	u_int32_t p_ustart_sec;		/* STRUCT TIMEVAL: starting time. */
	u_int32_t p_ustart_usec;	/* STRUCT TIMEVAL: starting time. */

	u_int32_t p_uutime_sec;		/* STRUCT TIMEVAL: user time. */
	u_int32_t p_uutime_usec;	/* STRUCT TIMEVAL: user time. */
	u_int32_t p_ustime_sec;		/* STRUCT TIMEVAL: system time. */
	u_int32_t p_ustime_usec;	/* STRUCT TIMEVAL: system time. */

	u_int64_t p_uru_maxrss;		/* LONG: max resident set size. */
	u_int64_t p_uru_ixrss;		/* LONG: integral shared memory size. */
	u_int64_t p_uru_idrss;		/* LONG: integral unshared data ". */
	u_int64_t p_uru_isrss;		/* LONG: integral unshared stack ". */
	u_int64_t p_uru_minflt;		/* LONG: page reclaims. */
	u_int64_t p_uru_majflt;		/* LONG: page faults. */
	u_int64_t p_uru_nswap;		/* LONG: swaps. */
	u_int64_t p_uru_inblock;	/* LONG: block input operations. */
	u_int64_t p_uru_oublock;	/* LONG: block output operations. */
	u_int64_t p_uru_msgsnd;		/* LONG: messages sent. */
	u_int64_t p_uru_msgrcv;		/* LONG: messages received. */
	u_int64_t p_uru_nsignals;	/* LONG: signals received. */
	u_int64_t p_uru_nvcsw;		/* LONG: voluntary context switches. */
	u_int64_t p_uru_nivcsw;		/* LONG: involuntary ". */

	u_int32_t p_uctime_sec;		/* STRUCT TIMEVAL: child u+s time. */
	u_int32_t p_uctime_usec;	/* STRUCT TIMEVAL: child u+s time. */
	u_int32_t p_psflags;		/* UINT: PS_* flags on the process. */
	u_int32_t p_acflag;		/* UINT: Accounting flags. */
	u_int32_t p_svuid;		/* UID_T: saved user id */
	u_int32_t p_svgid;		/* GID_T: saved group id */
	char	p_emul[KI_EMULNAMELEN];	/* syscall emulation name */
	u_int64_t p_rlim_rss_cur;	/* RLIM_T: soft limit for rss */
	u_int64_t p_cpuid;		/* LONG: CPU id */
	u_int64_t p_vm_map_size;	/* VSIZE_T: virtual size */
	int32_t	p_tid;			/* PID_T: Thread identifier. */
	u_int32_t p_rtableid;		/* U_INT: Routing table identifier. */
	u_int64_t p_pledge;		/* U_INT64_T: Pledge flags. */
	char	p_name[KI_MAXCOMLEN];	/* thread name */
};

/*
 * CTL_MACHDEP names (i386: OpenBSD keeps them in <machine/cpu.h>).
 * CPU_BOOTTSC and CPU_CSLIMIT are ours: the TSC when the kernel started,
 * for make bench, and whether the CPU enforces the code segment limit.
 */
#define CPU_CPUVENDOR	6	/* string: cpuid vendor */
#define CPU_CPUID	7	/* int: cpuid signature */
#define CPU_CPUFEATURE	8	/* int: cpuid features */
#define CPU_TSCFREQ	16	/* quad: TSC frequency, Hz */
#define CPU_BOOTTSC	20	/* quad: the TSC at kernel entry */
#define CPU_CSLIMIT	21	/* int: code segment limit enforced (W^X) */

#ifdef _KERNEL
#define MAXHOSTNAMELEN	256	/* the longest host name, with its NUL */

/*
 * KERN_PROC with a null buffer answers with the size of the table plus
 * this much, so a process or two forked meanwhile still fit.
 */
#define KERN_PROCSLOP	(5 * sizeof(struct kinfo_proc))

extern char hostname[MAXHOSTNAMELEN];	/* [K] KERN_HOSTNAME */
extern int hostnamelen;			/* [K] its length */

__BEGIN_DECLS
/* kern_sysctl.cc: the helpers each sysctl node is written with */
[[nodiscard]] int sysctl_int(void *oldp, size_t *oldlenp, void *newp,
	    size_t newlen, int *valp);
[[nodiscard]] int sysctl_rdint(void *oldp, size_t *oldlenp, void *newp,
	    int val);
[[nodiscard]] int sysctl_rdquad(void *oldp, size_t *oldlenp, void *newp,
	    int64_t val);
[[nodiscard]] int sysctl_string(void *oldp, size_t *oldlenp, void *newp,
	    size_t newlen, char *str, size_t maxlen);
[[nodiscard]] int sysctl_rdstring(void *oldp, size_t *oldlenp, void *newp,
	    const char *str);
[[nodiscard]] int sysctl_rdstruct(void *oldp, size_t *oldlenp, void *newp,
	    const void *sp, size_t len);
struct proc;
void	fill_kproc(struct proc *p, struct kinfo_proc *ki);
[[nodiscard]] int kernel_sysctl(int *name, u_int namelen, void *oldp,
	    size_t *oldlenp, void *newp, size_t newlen, struct proc *p);
/* arch/i386/i386/machdep.cc: machdep.* */
[[nodiscard]] int cpu_sysctl(int *name, u_int namelen, void *oldp,
	    size_t *oldlenp, void *newp, size_t newlen, struct proc *p);
__END_DECLS
#endif /* _KERNEL */

#endif /* !_SYS_SYSCTL_H_ */
