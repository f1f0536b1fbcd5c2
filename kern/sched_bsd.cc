/*
 * sched_bsd.cc: the 4.4BSD scheduler's priorities: who deserves the CPU.
 *
 * Every thread has p_estcpu, an estimate of its recent CPU use:
 *  - schedclock(), every 4th statclock tick the thread is running, adds
 *    one (up to ESTCPULIM, 36);
 *  - schedcpu(), once a second, multiplies every thread's estcpu by
 *    decay = (2 * load) / (2 * load + 1), where load is the 1-minute load
 *    average: with one runnable thread estcpu loses 1/3 each second, with
 *    more it is forgotten more slowly (90% forgotten in 5 * load seconds);
 *  - a thread waking from a long sleep is decayed for the seconds it
 *    slept (decay_aftersleep).
 * From it resetpriority() computes the thread's user priority:
 *
 *	p_usrpri = min(PUSER + p_estcpu + NICE_WEIGHT * (nice - NZERO), MAXPRI)
 *
 * so a thread that has used much CPU, or is nice, gets a worse (higher)
 * number, sits on a later run queue, and runs only when better threads
 * wait.  Threads that sleep a lot keep a low estcpu and win the CPU as
 * soon as they wake.  roundrobin(), every hz/10 ticks, ends time slices:
 * after two rounds the running thread should yield to its equals.
 *
 * The load average is the exponentially decaying average of the number
 * of runnable threads, sampled every 5 seconds (uvm/uvm_meter.cc).
 * Mirrors OpenBSD's sys/kern/sched_bsd.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/proc.h>
#include <machine/cpu.h>
#include <machine/intr.h>
#include <uvm/uvm_extern.h>

static struct timeout schedcpu_to;

/* 2 * load, the factor the decay formula uses (FSCALE units). */
static inline u_int32_t
loadfactor(u_int32_t loadav)
{
	return 2 * loadav;
}

/* estcpu * decay, decay = loadfac / (loadfac + 1). */
static inline u_int
decay_cpu(u_int32_t loadfac, u_int estcpu)
{
	return (u_int)(((u_int64_t)loadfac * estcpu) / (loadfac + FSCALE));
}

/*
 * resetpriority: p_usrpri from estcpu and nice, by the formula above.
 * => scheduler locked.
 */
void
resetpriority(struct proc *p)
{
	int newpri = PUSER + p->p_estcpu +
	    NICE_WEIGHT * (p->p_p->ps_nice - NZERO);

	p->p_usrpri = (u_char)MIN(MAX(newpri, 0), MAXPRI);
}

/*
 * decay_aftersleep: estcpu after slptime seconds asleep, as schedcpu
 * would have left it had it decayed the thread every second.  After more
 * than 5 * load seconds nothing is left.
 */
u_int
decay_aftersleep(u_int estcpu, u_int slptime)
{
	u_int32_t loadfac = loadfactor(averunnable.ldavg[0]);

	if (slptime > 5 * (loadfac >> FSHIFT))
		return 0;
	for (u_int i = 1; i < slptime && estcpu != 0; i++)
		estcpu = decay_cpu(loadfac, estcpu);
	return estcpu;
}

/*
 * schedclock: the running thread used a share of the CPU: raise its
 * estcpu and recompute its priority.  Called every 4th statclock tick.
 * => IPL_CLOCK.
 */
void
schedclock(struct proc *p)
{
	int s = splhigh();

	p->p_estcpu = ESTCPULIM(p->p_estcpu + 1);
	resetpriority(p);
	if (p->p_priority >= PUSER)
		p->p_priority = p->p_usrpri;
	splx(s);
}

/*
 * schedcpu: once a second, age every thread: sleep time, %cpu, estcpu
 * decay, priorities.  Runs from a timeout (softclock).
 */
void
schedcpu(void *)
{
	u_int32_t loadfac = loadfactor(averunnable.ldavg[0]);
	struct proc *idle = curcpu()->ci_schedstate.spc_idleproc;
	int s = splhigh();

	uvm_meter();
	for (struct proc *p : allproc) {
		if (p == idle)
			continue;
		if (p->p_stat == SSLEEP || p->p_stat == SSTOP)
			p->p_slptime++;
		/* %cpu decays by exp(-1/20) a second (ccpu in OpenBSD). */
		p->p_pctcpu = (p->p_pctcpu * 1948 >> FSHIFT) +
		    ((p->p_cpticks * FSCALE / hz) * (FSCALE - 1948) >> FSHIFT);
		p->p_cpticks = 0;
		if (p->p_slptime > 1)
			continue;	/* decayed when it wakes instead */
		p->p_estcpu = decay_cpu(loadfac, p->p_estcpu);
		resetpriority(p);
		if (p->p_priority >= PUSER) {
			if (p->p_stat == SRUN && p->p_priority != p->p_usrpri) {
				remrunqueue(p);
				p->p_priority = p->p_usrpri;
				setrunqueue(p);
			} else
				p->p_priority = p->p_usrpri;
		}
	}
	splx(s);
	timeout_add(&schedcpu_to, hz);
}

/*
 * roundrobin: every hz/10 ticks.  A thread that has run through two of
 * these without switching should yield (SPCF_SHOULDYIELD).
 * => IPL_CLOCK, from hardclock.
 */
void
roundrobin(void)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;

	if (curproc != spc->spc_idleproc) {
		if (spc->spc_schedflags & SPCF_SEENRR) {
			spc->spc_schedflags |= SPCF_SHOULDYIELD;
			need_resched();
		} else
			spc->spc_schedflags |= SPCF_SEENRR;
	}
}

/*
 * need_resched: ask the running thread to give way at its next chance
 * (sched_pause in the kernel; the AST on the way to user mode, later).
 */
void
need_resched(void)
{
	curcpu()->ci_want_resched = 1;
}

/* scheduler_start: begin the once-a-second schedcpu. */
void
scheduler_start(void)
{
	timeout_set(&schedcpu_to, schedcpu, nullptr);
	timeout_add(&schedcpu_to, hz);
}
