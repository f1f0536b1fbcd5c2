/*
 * <sys/sched.h>: the scheduler's per-CPU state and constants, as in
 * OpenBSD.
 *
 * Runnable threads wait on 32 run queues; a thread with priority p (0 is
 * best, 127 worst) waits on queue p >> 2 (SCHED_PPQ priorities per queue).
 * spc_whichqs has bit q set when queue q is not empty, so the best
 * runnable thread is the first one on the queue of the lowest set bit:
 * found with one find-first-set instruction, whatever the number of
 * threads.
 *
 * Locking: [S] the scheduler: splhigh (one CPU).
 */
#ifndef _SYS_SCHED_H_
#define _SYS_SCHED_H_

#include <sys/types.h>
#include <sys/queue.h>

struct proc;

#define SCHED_NQS	32			/* number of run queues */
#define SCHED_PPQ	(128 / SCHED_NQS)	/* priorities per queue */
#define ESTCPULIM(e)	((e) < NICE_WEIGHT * PRIO_MAX - SCHED_PPQ ? (e) : \
			    NICE_WEIGHT * PRIO_MAX - SCHED_PPQ)

/* Priorities (p_priority): lower is better. */
#define PSWP		0
#define PVM		4
#define PINOD		8
#define PRIBIO		16
#define PVFS		20
#define PZERO		22		/* no signals below this */
#define PSOCK		24
#define PWAIT		32
#define PLOCK		36
#define PPAUSE		40
#define PUSER		50		/* user priorities start here */
#define MAXPRI		127
#define PRIMASK		0x0ff
#define PCATCH		0x100		/* tsleep: signals may interrupt */

#define NZERO		20		/* default nice value */
#define PRIO_MIN	(-20)
#define PRIO_MAX	20
#define NICE_WEIGHT	2		/* priorities per nice level */

/* Load averages: fixed point with FSHIFT fraction bits. */
#define FSHIFT		11
#define FSCALE		(1 << FSHIFT)
struct loadavg {
	u_int32_t	ldavg[3];	/* 1, 5, 15 minutes, FSCALE units */
	long		fscale;
};
extern struct loadavg averunnable;	/* [S] */

/* spc_schedflags */
#define SPCF_SEENRR	0x0001		/* a round-robin tick has passed */
#define SPCF_SHOULDYIELD 0x0002		/* two have: time to yield */

struct schedstate_percpu {
	u_int32_t	spc_whichqs;	/* [S] bit q: queue q not empty */
	u_int		spc_schedflags;	/* [S] SPCF_* */
	int		spc_rrticks;	/* [S] ticks to the next roundrobin */
	u_int		spc_schedticks;	/* [S] statclock ticks, for schedclock */
	u_int64_t	spc_runtime;	/* [S] cycle counter at last switch */
	int		spc_nrun;	/* [S] threads on the run queues */
	struct proc	*spc_idleproc;	/* [I] runs when nothing else can */
	u_int64_t	spc_cp_time[2];	/* [S] ticks busy, idle */
};

#endif /* !_SYS_SCHED_H_ */
