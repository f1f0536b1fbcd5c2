/*
 * kern_sched.cc: the run queues and the idle thread.
 *
 * SCHED_NQS (32) queues of runnable threads; a thread of priority p
 * waits on queue p >> 2, at the tail, so threads of equal priority take
 * turns.  spc_whichqs has bit q set while queue q is not empty, which
 * makes sched_chooseproc() O(1): the lowest set bit (one find-first-set)
 * names the best non-empty queue, and its first thread runs next.  With
 * nothing runnable, the CPU's idle thread runs; it halts the CPU until an
 * interrupt makes something runnable.
 *
 * Every function here runs with the scheduler locked: at splhigh, so no
 * interrupt handler's wakeup() changes the queues under it.
 * Mirrors OpenBSD's sys/kern/kern_sched.c (one CPU, no work stealing).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/proc.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>

/* [S] The run queues of the one CPU. */
static tailq_head<proc, &proc::p_runq> sched_qs[SCHED_NQS];

/* The index of the lowest set bit of a non-zero word. */
static inline int
ffs_nonzero(u_int32_t w)
{
	return __builtin_ctz(w);
}

/*
 * sched_init_cpu: empty run queues and the idle thread.
 * => called once from main() before any thread is made runnable.
 */
void
sched_init_cpu(void)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	struct proc *idle;

	for (int i = 0; i < SCHED_NQS; i++)
		sched_qs[i].init();
	spc->spc_whichqs = 0;
	spc->spc_rrticks = hz / 10;
	if (kthread_create(sched_idle, nullptr, &idle, "idle0") != 0)
		panic("sched_init_cpu: no idle thread");
	/* The idle thread is never on a run queue: chooseproc falls back. */
	remrunqueue(idle);
	idle->p_stat = SRUN;
	idle->p_priority = idle->p_usrpri = MAXPRI;
	spc->spc_idleproc = idle;
}

/*
 * setrunqueue: put a runnable thread at the tail of its queue.
 * => scheduler locked (splhigh).
 */
void
setrunqueue(struct proc *p)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	int q = p->p_priority >> 2;

	splassert(IPL_HIGH);
	KASSERT(p != spc->spc_idleproc);
	p->p_stat = SRUN;
	sched_qs[q].insert_tail(p);
	spc->spc_whichqs |= 1U << q;
	spc->spc_nrun++;
}

/*
 * remrunqueue: take a thread off its queue.
 * => scheduler locked; p is on the queue of its p_priority.
 */
void
remrunqueue(struct proc *p)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	int q = p->p_priority >> 2;

	splassert(IPL_HIGH);
	sched_qs[q].remove(p);
	if (sched_qs[q].empty())
		spc->spc_whichqs &= ~(1U << q);
	spc->spc_nrun--;
}

/*
 * sched_chooseproc: the thread to run next, taken off its run queue; the
 * idle thread if none is runnable.  O(1).
 * => scheduler locked.
 */
struct proc *
sched_chooseproc(void)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;

	splassert(IPL_HIGH);
	if (spc->spc_whichqs == 0)
		return spc->spc_idleproc;
	struct proc *p = sched_qs[ffs_nonzero(spc->spc_whichqs)].first();
	remrunqueue(p);
	return p;
}

/*
 * sched_idle: the idle thread.  Halts until an interrupt arrives; when
 * that made a thread runnable, switches to it.  "sti; hlt" as one step:
 * an interrupt between them would be missed and the CPU would sleep with
 * work to do.
 */
void
sched_idle(void *)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;

	for (;;) {
		disable_intr();
		if (spc->spc_whichqs == 0) {
			enable_intr_and_halt();
			continue;
		}
		enable_intr();
		int s = splhigh();
		/* Not on a queue: mi_switch() just picks another. */
		curproc->p_stat = SRUN;
		mi_switch();
		splx(s);
	}
}
