/*
 * <sys/proc.h>: processes and threads.
 *
 * As in OpenBSD, what a program owns and what runs are two structures:
 *
 *  - struct process: the resources threads share: the address space,
 *    the open files, credentials, limits, the parent and children, the
 *    process group and session.  (Address spaces, files and credentials
 *    arrive with the user-space and files issues; their pointers are
 *    here so the shape is right from the start.)
 *  - struct proc: one thread of control: its state, its priority and the
 *    numbers the scheduler keeps, what it sleeps on, its kernel stack
 *    (p_addr: struct user, with the pcb) and its run or sleep queue link.
 *
 * Kernel threads (kthread_create) are processes with one thread and no
 * user space.  proc0 is built by hand at boot: main() runs as it.
 *
 * Locking legend: [I] immutable after creation, [S] the scheduler
 * (splhigh), [K] kernel lock (nothing: one CPU, no kernel preemption),
 * [o] only the thread itself.
 */
#ifndef _SYS_PROC_H_
#define _SYS_PROC_H_

#include <sys/param.h>
#include <sys/queue.h>
#include <sys/sched.h>
#include <sys/timeout.h>
#include <machine/cpu.h>
#include <machine/proc.h>

struct user;
struct vmspace;
struct filedesc;
struct ucred;
struct plimit;
struct pgrp;
struct sigacts;

/* Accumulated run time, as OpenBSD's struct tusage. */
struct tusage {
	u_int64_t	tu_runtime;	/* [S] cycles spent running */
	u_int64_t	tu_uticks;	/* [S] statclock ticks in user mode */
	u_int64_t	tu_sticks;	/* [S] ... in the kernel */
	u_int64_t	tu_iticks;	/* [S] ... in interrupts */
};

struct process {
	struct proc	*ps_mainproc;	/* [I] the first thread */
	pid_t		ps_pid;		/* [I] process id */
	struct process	*ps_pptr;	/* [K] parent */
	list_entry<process> ps_list;	/* [K] on allprocess */
	list_entry<process> ps_sibling;	/* [K] on the parent's children */
	list_head<process, &process::ps_sibling> ps_children; /* [K] */
	struct vmspace	*ps_vmspace;	/* [I] address space (user-space) */
	struct filedesc	*ps_fd;		/* [K] open files (files issue) */
	struct ucred	*ps_ucred;	/* [K] credentials */
	struct plimit	*ps_limit;	/* [K] resource limits */
	struct pgrp	*ps_pgrp;	/* [K] process group and session */
	int		ps_flags;	/* [K] PS_* */
	int		ps_nice;	/* [S] nice value, NZERO based */
	char		ps_comm[MAXCOMLEN + 1];	/* [I] command name */
	struct sigacts	*ps_sigacts;	/* [K] signal actions (kern_sig.cc) */
	struct tusage	ps_ctu;		/* [K] times of waited-for children */
	u_int64_t	ps_start;	/* [I] time_second when forked */
	int		ps_xexit;	/* [K] exit code, for wait4 */
	int		ps_xsig;	/* [K] signal that killed it, or 0 */
	struct vnode	*ps_textvp;	/* [K] the program's file, referenced */
};

/* ps_flags */
#define PS_CONTROLT	0x00000002	/* has a controlling terminal */
#define PS_EXEC		0x00000004	/* has called execve */
#define PS_EXITING	0x00000008	/* in exit1() */
#define PS_PPWAIT	0x00000010	/* vfork: the parent waits for exec/exit */
#define PS_ZOMBIE	0x00040000	/* exited, waiting for its parent */
#define PS_NOZOMBIE	0x00080000	/* the parent ignores SIGCHLD: no zombie */
#define PS_SYSTEM	0x00010000	/* a kernel thread's process */

struct proc {
	tailq_entry<proc> p_runq;	/* [S] run queue or sleep queue */
	list_entry<proc> p_list;	/* [K] on allproc or zombproc */
	struct process	*p_p;		/* [I] the process */
	pid_t		p_tid;		/* [I] thread id */
	char		p_stat;		/* [S] SIDL, SRUN, ... */
	u_char		p_priority;	/* [S] current priority, 0 best */
	u_char		p_usrpri;	/* [S] priority from estcpu and nice */
	u_int		p_estcpu;	/* [S] recent CPU use, decays */
	u_int		p_slptime;	/* [S] seconds asleep (or runnable) */
	u_int		p_cpticks;	/* [S] statclock ticks this second */
	u_int		p_pctcpu;	/* [S] %cpu, FSCALE units, decaying */
	int		p_flag;		/* [S] P_* */
	const volatile void *p_wchan;	/* [S] what it sleeps on */
	const char	*p_wmesg;	/* [S] why, for ps */
	struct timeout	p_sleep_to;	/* [S] tsleep's timeout */
	struct tusage	p_tu;		/* [S] run time */
	struct user	*p_addr;	/* [I] kernel stack, with the pcb */
	void		(*p_func)(void *); /* [I] kernel thread body */
	void		*p_arg;		/* [I] its argument */
	struct ucred	*p_ucred;	/* [o] credentials (the process's) */
	int		p_xstat;	/* [o] exit status */
	u_int32_t	p_siglist;	/* [S] signals pending (kern_sig.cc) */
	u_int32_t	p_sigmask;	/* [o] signals blocked */
	struct mdproc	p_md;		/* [o] machine-dependent (user regs) */
};

/* p_stat values, OpenBSD's. */
#define SIDL	1		/* being created */
#define SRUN	2		/* runnable (on a run queue) */
#define SSLEEP	3		/* sleeping on p_wchan */
#define SSTOP	4		/* stopped */
#define SZOMB	5		/* exited, not yet waited for */
#define SDEAD	6		/* exited thread, waiting for the reaper */
#define SONPROC	7		/* running on a CPU */

/* p_flag */
#define P_SINTR		0x00000080	/* sleep is interruptible */
#define P_SYSTEM	0x00000200	/* kernel thread */
#define P_TIMEOUT	0x00000400	/* tsleep timed out */
#define P_WEXIT		0x00002000	/* working on exiting */

#define PID_MAX		99999
#define NO_PID		(PID_MAX + 1)

extern struct proc proc0;
extern struct process process0;
extern list_head<proc, &proc::p_list> allproc;	/* [K] */
extern list_head<proc, &proc::p_list> zombproc;	/* [K] */
extern int nprocesses, nthreads;		/* [K] */

#define curproc		(curcpu()->ci_curproc)

__BEGIN_DECLS
/* kern_proc.cc */
void	procinit(void);
struct proc *proc_alloc(const char *name, int flags);
void	proc_free(struct proc *);
void	proc_free_stack(struct proc *);
struct proc *tfind(pid_t tid);
void	proc_printit_all(int (*pr)(const char *, ...));
const char *proc_statname(int stat);

/* kern_fork.cc, kern_exit.cc: the life of a user process */
#define FORK_FORK	0x00000001	/* fork(2) */
#define FORK_VFORK	0x00000002	/* vfork(2): the same as fork here */
int	fork1(struct proc *parent, int flags, void (*func)(void *),
	    void *arg, register_t *retval, struct proc **rnewprocp);
void	child_return(void *);
void	userret(struct proc *);
#define EXIT_NORMAL	0x00000001
__dead void exit1(struct proc *, int xexit, int xsig, int flags);
struct process *prfind(pid_t pid);
struct rusage;
int	dowait4(struct proc *, pid_t pid, int *statusp, int options,
	    struct rusage *, register_t *retval);
void	proc_reparent(struct process *child, struct process *newparent);
void	vfork_release(struct process *);
extern struct process *initprocess;	/* [I] pid 1 */

/* kern_kthread.cc */
[[nodiscard]] int kthread_create(void (*func)(void *), void *arg,
	    struct proc **newpp, const char *name);
__dead void kthread_exit(int ecode);
void	reaper(void *);

/* kern_synch.cc */
int	tsleep(const volatile void *ident, int priority, const char *wmesg,
	    int timo);
struct mutex;
int	msleep(const volatile void *ident, struct mutex *mtx, int priority,
	    const char *wmesg, int timo);
void	wakeup(const volatile void *ident);
void	wakeup_n(const volatile void *ident, int n);
#define wakeup_one(c)	wakeup_n((c), 1)
void	mi_switch(void);
void	setrunnable(struct proc *);
void	unsleep(struct proc *);
void	yield(void);
void	sleep_queue_init(void);

/* kern_sched.cc */
void	sched_init_cpu(void);
void	setrunqueue(struct proc *);
void	remrunqueue(struct proc *);
struct proc *sched_chooseproc(void);
void	sched_idle(void *);

/* sched_bsd.cc */
void	schedcpu(void *);
void	schedclock(struct proc *);
void	roundrobin(void);
void	resetpriority(struct proc *);
void	need_resched(void);
void	scheduler_start(void);
u_int	decay_aftersleep(u_int estcpu, u_int slptime);

/* arch: vm_machdep.cc, swtch.asm */
void	cpu_fork(struct proc *child, void (*func)(void *), void *arg);
void	cpu_switchto(struct proc *old, struct proc *newp);
__END_DECLS

/*
 * sched_pause: a point in a long kernel loop where the thread offers the
 * CPU if its time slice is used up or a better thread waits, as OpenBSD's
 * sched_pause(yield).  Kernel code is never preempted otherwise.
 */
static inline void
sched_pause(void)
{
	struct cpu_info *ci = curcpu();

	if ((ci->ci_schedstate.spc_schedflags & SPCF_SHOULDYIELD) ||
	    ci->ci_want_resched)
		yield();
}

/*
 * Process groups, sessions and signal bookkeeping (kern_prot.cc,
 * kern_sig.cc) go below.
 */

/*
 * A session is a login's worth of processes, usually with one
 * controlling terminal; it is made by setsid(2), whose caller becomes
 * its leader.  A process group is a job within a session: the processes
 * a shell started for one pipeline, which the terminal signals together
 * (^C) and which kill(2) can name with a negative pid.  Every process is
 * in exactly one group (ps_pgrp), which holds a count of its members and
 * is freed with the last one; the session is freed with its last group.
 * Process 0 and the kernel threads are in group 0 of session 0, made at
 * boot (pgrp_init).  Mirrors OpenBSD's struct session and struct pgrp.
 * Protected by [K].
 */
struct session {
	int		s_count;	/* [K] process groups in the session */
	struct process	*s_leader;	/* [K] session leader, null once gone */
	pid_t		s_sid;		/* [I] session id: the leader's pid */
	struct vnode	*s_ttyvp;	/* [K] controlling terminal's vnode */
	struct tty	*s_ttyp;	/* [K] its tty (tty issue) */
};

struct pgrp {
	list_entry<pgrp> pg_hash;	/* [K] on the list pgfind searches */
	struct session	*pg_session;	/* [I] the session it belongs to */
	pid_t		pg_id;		/* [I] group id: its maker's pid */
	int		pg_nmembers;	/* [K] processes whose ps_pgrp it is */
	int		pg_jobc;	/* [K] XXX job control: unused yet */
};

/* Is pr the leader of its session? */
#define SESS_LEADER(pr)	((pr)->ps_pgrp != nullptr && \
			    (pr)->ps_pgrp->pg_session->s_leader == (pr))

extern list_head<process, &process::ps_list> allprocess;	/* [K] */

__BEGIN_DECLS
/* kern_proc.cc: process groups and sessions */
void	pgrp_init(void);
struct pgrp *pgfind(pid_t pgid);
[[nodiscard]] int enterpgrp(struct process *pr, pid_t pgid,
	    struct pgrp *newpgrp, struct session *newsess);
void	enterthispgrp(struct process *pr, struct pgrp *pgrp);
void	leavepgrp(struct process *pr);
void	pgdelete(struct pgrp *pgrp);
void	pgrp_fork(struct process *parent, struct process *child);
struct pgrp *pgrp_alloc(void);
void	pgrp_free(struct pgrp *pgrp);
struct session *session_alloc(void);
void	session_free(struct session *sess);
int	inferior(struct process *pr, struct process *parent);
__END_DECLS

#endif /* !_SYS_PROC_H_ */
