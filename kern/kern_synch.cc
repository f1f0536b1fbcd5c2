/*
 * kern_synch.cc: sleeping and waking, and the context switch.
 *
 * A thread that must wait for something (a disk block, a child's exit,
 * a lock) calls tsleep(ident, priority, wmesg, timo): it records ident,
 * "what I wait for", any kernel address both sides agree on, goes on one
 * of 128 sleep queues (chosen by hashing ident), and switches away.
 * Whoever makes the awaited thing happen calls wakeup(ident), which makes
 * every thread sleeping on ident runnable (wakeup_one: only the first).
 * With timo > 0 the sleep ends after timo ticks at the latest (endtsleep,
 * through timeout(9)), and tsleep returns EWOULDBLOCK.  The priority a
 * thread sleeps at is the priority it wakes up with: sleeping on the disk
 * (PRIBIO) is rewarded with a quick turn on the CPU.  A sleeper that
 * slept long gets its estcpu decayed for the seconds it slept
 * (decay_aftersleep in sched_bsd.cc).
 *
 * mi_switch() is the one place a thread gives up the CPU: it charges the
 * thread for the time it ran, picks the next one (sched_chooseproc) and
 * calls cpu_switchto().
 *
 * Everything here runs at splhigh ("the scheduler lock" on one CPU), so an
 * interrupt handler can call wakeup() at any time.
 * With PCATCH in the priority the sleep is interruptible (P_SINTR): a
 * signal posted to the thread (psignal) wakes it, and tsleep returns
 * EINTR, or ERESTART if the system call should be restarted once the
 * signal has been dealt with.  Signals are checked before the thread goes
 * to sleep and again after it wakes, so one posted just before is not
 * slept through.
 * Mirrors OpenBSD's sys/kern/kern_synch.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/syscallargs.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>
#include <sys/mutex.h>
#include <uvm/uvm_extern.h>

#define SLPQUE_TABLESIZE 128
#define SLPQUE_LOOKUP(id) ((((u_long)(id)) >> 8) & (SLPQUE_TABLESIZE - 1))

/* [S] The sleep queues; a thread is on one of them or on a run queue. */
static tailq_head<proc, &proc::p_runq> slpque[SLPQUE_TABLESIZE];

void
sleep_queue_init(void)
{
	for (int i = 0; i < SLPQUE_TABLESIZE; i++)
		slpque[i].init();
}

/*
 * sleep_setup: put the current thread on ident's sleep queue, to sleep
 * at priority, with a timeout of timo ticks if timo > 0.  From here on a
 * wakeup(ident) is not lost, even before sleep_finish() switches away.
 * => splhigh.
 */
static void
sleep_setup(const volatile void *ident, int priority, const char *wmesg,
    int timo)
{
	struct proc *p = curproc;

	splassert(IPL_HIGH);
	KASSERT(ident != nullptr);
	KASSERT(p != curcpu()->ci_schedstate.spc_idleproc);
	p->p_wchan = ident;
	p->p_wmesg = wmesg;
	p->p_slptime = 0;
	p->p_priority = priority & PRIMASK;
	p->p_flag &= ~P_TIMEOUT;
	if (priority & PCATCH)
		p->p_flag |= P_SINTR;
	slpque[SLPQUE_LOOKUP(ident)].insert_tail(p);
	if (timo > 0)
		timeout_add(&p->p_sleep_to, timo);
	p->p_stat = SSLEEP;
}

/*
 * sleep_signal_check: a signal that should end an interruptible sleep:
 * EINTR if the process asked for its system calls to be interrupted by
 * it (sigaction without SA_RESTART), ERESTART otherwise, 0 if none is
 * deliverable.  (OpenBSD's sleep_signal_check.)
 */
static int
sleep_signal_check(struct proc *p)
{
	int sig = cursig(p);

	if (sig == 0)
		return 0;
	struct sigacts *ps = p->p_p->ps_sigacts;
	if (ps != nullptr && (ps->ps_sigintr & sigmask(sig)))
		return EINTR;
	return ERESTART;
}

/*
 * sleep_finish: switch away unless already woken; return 0, or
 * EWOULDBLOCK if the timeout ended the sleep, or with catch (PCATCH)
 * EINTR/ERESTART if a signal is pending (which wins over the timeout).
 * => splhigh.
 */
static int
sleep_finish(int timo, int catch_sig)
{
	struct proc *p = curproc;
	int error = 0, error1 = 0;

	/*
	 * A signal posted before the thread got onto the sleep queue found
	 * it awake and did not wake it: look now, or it would be slept
	 * through.
	 */
	if (catch_sig && (error = sleep_signal_check(p)) != 0) {
		unsleep(p);
		catch_sig = 0;
	}
	if (p->p_wchan != nullptr)
		mi_switch();
	else if (p->p_stat == SRUN)
		remrunqueue(p);	/* woken before it could go: stay */
	p->p_stat = SONPROC;
	p->p_flag &= ~P_SINTR;
	if (p->p_flag & P_TIMEOUT) {
		p->p_flag &= ~P_TIMEOUT;
		error1 = EWOULDBLOCK;
	} else if (timo > 0)
		timeout_del(&p->p_sleep_to);
	if (catch_sig)
		error = sleep_signal_check(p);
	if (error == 0)
		error = error1;
	return error;
}

/*
 * tsleep: wait until wakeup(ident) or, with timo > 0, timo ticks, or with
 * PCATCH in priority a signal.  Returns 0 when woken, EWOULDBLOCK on the
 * timeout, EINTR or ERESTART for a signal.
 * => process context, not the idle thread; may be called at any spl below
 *    IPL_HIGH (restored on return).
 */
int
tsleep(const volatile void *ident, int priority, const char *wmesg, int timo)
{
	int s = splhigh();

	sleep_setup(ident, priority, wmesg, timo);
	int error = sleep_finish(timo, priority & PCATCH);
	splx(s);
	return error;
}

/*
 * msleep: tsleep, releasing the mutex mtx while asleep: the caller
 * checked a condition under mtx, and a wakeup sent between its release
 * and the sleep must not be lost, so the thread is on the sleep queue
 * before mtx is let go.  mtx is held again on return.
 * => mtx held, at its IPL.
 */
int
msleep(const volatile void *ident, struct mutex *mtx, int priority,
    const char *wmesg, int timo)
{
	MUTEX_ASSERT_LOCKED(mtx);
	int s = splhigh();
	sleep_setup(ident, priority, wmesg, timo);
	int outer = mtx->mtx_oldipl;	/* the level before mtx_enter */
	mtx_leave(mtx);
	(void)splhigh();
	int error = sleep_finish(timo, priority & PCATCH);
	splx(outer);
	mtx_enter(mtx);
	(void)s;
	return error;
}

/* unsleep: take a sleeping thread off its sleep queue. */
void
unsleep(struct proc *p)
{
	splassert(IPL_HIGH);
	if (p->p_wchan != nullptr) {
		slpque[SLPQUE_LOOKUP(p->p_wchan)].remove(p);
		p->p_wchan = nullptr;
	}
}

/*
 * endtsleep: a sleep's timeout expired: wake the thread and tell tsleep.
 * => called by softclock through p_sleep_to.
 */
void
endtsleep(void *arg)
{
	struct proc *p = (struct proc *)arg;
	int s = splhigh();

	if (p->p_wchan != nullptr) {
		p->p_flag |= P_TIMEOUT;
		unsleep(p);
		if (p->p_stat == SSLEEP)
			setrunnable(p);
	}
	splx(s);
}

/*
 * setrunnable: a sleeping thread may run again.  If it slept a long
 * time its estcpu decays for that time first; if it is better than the
 * running thread, the running one is asked to give way.
 * => scheduler locked.
 */
void
setrunnable(struct proc *p)
{
	splassert(IPL_HIGH);
	if (p->p_slptime > 1) {
		p->p_estcpu = decay_aftersleep(p->p_estcpu, p->p_slptime);
		resetpriority(p);
	}
	p->p_slptime = 0;
	setrunqueue(p);
	if (p->p_priority < curproc->p_priority)
		need_resched();
}

/*
 * wakeup_n: make up to n threads sleeping on ident runnable, in the
 * order they went to sleep.  wakeup() wakes them all.
 * => any context, interrupt handlers included.
 */
void
wakeup_n(const volatile void *ident, int n)
{
	int s = splhigh();
	auto &q = slpque[SLPQUE_LOOKUP(ident)];

	for (struct proc *p = q.first(), *next; p != nullptr && n != 0;
	    p = next) {
		next = q.next(p);
		if (p->p_wchan != ident)
			continue;	/* another channel in the same bucket */
		q.remove(p);
		p->p_wchan = nullptr;
		if (p->p_stat == SSLEEP)
			setrunnable(p);
		n--;
	}
	splx(s);
}

void
wakeup(const volatile void *ident)
{
	wakeup_n(ident, -1);
}

/*
 * yield: give the CPU to an equal or better thread, if there is one.
 * The thread's priority drops back to its user priority (what userret
 * does for a process returning to user mode).
 */
void
yield(void)
{
	struct proc *p = curproc;
	int s = splhigh();

	p->p_priority = p->p_usrpri;
	setrunqueue(p);
	mi_switch();
	splx(s);
}

/*
 * sched_yield(2): let another runnable process of the same or better
 * priority run first.
 */
int
sys_sched_yield(struct proc *p, void *, register_t *)
{
	yield();
	return 0;
}

/*
 * mi_switch: stop running the current thread (already put on a run or
 * sleep queue, or dead) and run the best runnable one.  Returns when this
 * thread is chosen again.
 * => scheduler locked (splhigh).
 */
void
mi_switch(void)
{
	struct cpu_info *ci = curcpu();
	struct schedstate_percpu *spc = &ci->ci_schedstate;
	struct proc *p = curproc;

	splassert(IPL_HIGH);
	/* Charge the thread for the cycles since it was switched to. */
	u_int64_t now = cpu_counter();
	p->p_tu.tu_runtime += now - spc->spc_runtime;
	spc->spc_runtime = now;

	spc->spc_schedflags &= ~(SPCF_SEENRR | SPCF_SHOULDYIELD);
	ci->ci_want_resched = 0;

	struct proc *nextproc = sched_chooseproc();
	if (nextproc != p) {
		uvmexp.swtch++;
		nextproc->p_stat = SONPROC;
		cpu_switchto(p->p_stat == SDEAD ? nullptr : p, nextproc);
		/* Back: someone switched to p. */
	}
	p->p_stat = SONPROC;
}

/*
 * proc_trampoline_mi: a new thread's first C++ code, from swtch.asm: it
 * arrives holding the scheduler lock of the mi_switch that switched to
 * it; drop it.
 */
extern "C" void
proc_trampoline_mi(void)
{
	curproc->p_stat = SONPROC;
	spl0();
}
