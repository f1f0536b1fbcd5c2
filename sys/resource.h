/*
 * <sys/resource.h>: resource use and resource limits: getrusage(2),
 * getrlimit(2)/setrlimit(2) and the priorities of getpriority(2).
 *
 * Each process has a soft (rlim_cur) and a hard (rlim_max) limit for
 * each resource: the kernel enforces the soft one, a process may move
 * its soft limit up to the hard one and lower the hard one, and only
 * root may raise a hard limit.  The limits live in a struct plimit per
 * process (ps_limit); fork gives the child a copy (limcopy), so
 * children inherit them.
 *
 * The numbers and structures are OpenBSD's (sys/sys/resource.h; struct
 * plimit is from its sys/resourcevar.h, here in the _KERNEL part).  User
 * programs read this header through libc, in C or C++.
 */
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/time.h>

/* getpriority(2)/setpriority(2): what "who" names. */
#define PRIO_PROCESS	0
#define PRIO_PGRP	1
#define PRIO_USER	2
#ifndef PRIO_MIN		/* also in the kernel's <sys/sched.h> */
#define PRIO_MIN	(-20)
#define PRIO_MAX	20
#endif

/* getrusage(2): whose use. */
#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)	/* the waited-for children, all of them */
#define RUSAGE_THREAD	1

struct rusage {
	struct timeval ru_utime;	/* user time used */
	struct timeval ru_stime;	/* system time used */
	long	ru_maxrss;		/* max resident set size */
	long	ru_ixrss;		/* integral shared text memory size */
	long	ru_idrss;		/* integral unshared data " */
	long	ru_isrss;		/* integral unshared stack " */
	long	ru_minflt;		/* page reclaims */
	long	ru_majflt;		/* page faults */
	long	ru_nswap;		/* swaps */
	long	ru_inblock;		/* block input operations */
	long	ru_oublock;		/* block output operations */
	long	ru_msgsnd;		/* messages sent */
	long	ru_msgrcv;		/* messages received */
	long	ru_nsignals;		/* signals received */
	long	ru_nvcsw;		/* voluntary context switches */
	long	ru_nivcsw;		/* involuntary " */
};

/* Resource limits. */
#define RLIMIT_CPU	0	/* cpu time in seconds */
#define RLIMIT_FSIZE	1	/* maximum file size */
#define RLIMIT_DATA	2	/* data size */
#define RLIMIT_STACK	3	/* stack size */
#define RLIMIT_CORE	4	/* core file size */
#define RLIMIT_RSS	5	/* resident set size */
#define RLIMIT_MEMLOCK	6	/* locked-in-memory address space */
#define RLIMIT_NPROC	7	/* number of processes */
#define RLIMIT_NOFILE	8	/* number of open files */
#define RLIM_NLIMITS	9	/* number of resource limits */

typedef u_int64_t	rlim_t;
#define RLIM_INFINITY	(((rlim_t)1 << 63) - 1)	/* no limit */
#define RLIM_SAVED_MAX	RLIM_INFINITY
#define RLIM_SAVED_CUR	RLIM_INFINITY

struct rlimit {
	rlim_t	rlim_cur;		/* current (soft) limit */
	rlim_t	rlim_max;		/* maximum value for rlim_cur */
};

#ifndef _KERNEL
__BEGIN_DECLS
int	getrlimit(int resource, struct rlimit *rlp);
int	setrlimit(int resource, const struct rlimit *rlp);
int	getrusage(int who, struct rusage *rusage);
__END_DECLS
#else /* _KERNEL */
/*
 * A process's limits (OpenBSD's struct plimit, <sys/resourcevar.h>).
 * Each process has its own copy, changed only by the process itself
 * (setrlimit), so no lock is needed: [o].
 */
struct plimit {
	struct rlimit	pl_rlimit[RLIM_NLIMITS];	/* [o] */
};

/*
 * The open file limits: the soft one is OpenBSD's OPEN_MAX; the hard one
 * is the most a descriptor table grows to (<sys/filedesc.h> says the
 * same).
 */
#define NOFILE		64		/* default soft RLIMIT_NOFILE */
#ifndef NOFILE_MAX
#define NOFILE_MAX	128		/* hard RLIMIT_NOFILE, at most */
#endif

struct proc;
struct process;
struct tusage;

__BEGIN_DECLS
/* kern_resource.cc */
extern struct plimit limit0;
void	lim_startup(struct plimit *limit);
struct plimit *limcopy(struct plimit *lim);
void	limfree(struct plimit *lim);
rlim_t	lim_cur(struct proc *p, int which);
rlim_t	lim_max(struct proc *p, int which);
[[nodiscard]] int dosetrlimit(struct proc *p, u_int which,
	    struct rlimit *limp);
void	tuagg(struct proc *p, struct tusage *tu);
void	calcru(struct tusage *tu, struct timeval *up, struct timeval *sp,
	    struct timeval *ip);
void	tutorusage(struct tusage *tu, struct rusage *ru);
u_int64_t cycles_to_nsec(u_int64_t cycles);
__END_DECLS
#endif /* _KERNEL */

#endif /* !_SYS_RESOURCE_H_ */
