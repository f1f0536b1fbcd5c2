/*
 * kern_kthread.cc: kernel threads, and the reaper that frees dead ones.
 *
 * kthread_create(func, arg, &p, name) makes a process with one thread
 * that runs func(arg) in the kernel, forked (in spirit) from proc0: its
 * parent is proc0's process and it shares the kernel's address space.  It
 * is made runnable at once.  When func returns, or calls kthread_exit(),
 * the thread is dead: it can no longer run, but it is still standing on
 * its own kernel stack, so it cannot free that stack itself.  It puts
 * itself on the deadproc list and switches away for the last time; the
 * reaper thread later frees the stack and the structures.
 * Mirrors OpenBSD's sys/kern/kern_kthread.c and the reaper in
 * kern_exit.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <machine/intr.h>

/* [S] Dead threads waiting for the reaper, linked through p_runq. */
static tailq_head<proc, &proc::p_runq> deadproc;
static bool deadproc_ready;

/*
 * kthread_create: start a kernel thread running func(arg), named name.
 * *newpp (if not null) gets the thread.  Returns 0 or ENOMEM.
 * => process context; does not sleep.
 */
int
kthread_create(void (*func)(void *), void *arg, struct proc **newpp,
    const char *name)
{
	struct proc *p = proc_alloc(name, P_SYSTEM);

	if (p == nullptr)
		return ENOMEM;
	p->p_func = func;
	p->p_arg = arg;
	cpu_fork(p, func, arg);
	if (newpp != nullptr)
		*newpp = p;

	int s = splhigh();
	setrunqueue(p);
	splx(s);
	return 0;
}

/*
 * kthread_exit: the end of the calling kernel thread.
 * => never returns.
 */
void
kthread_exit(int ecode)
{
	struct proc *p = curproc;

	KASSERT(p != &proc0);
	splhigh();
	if (!deadproc_ready) {
		deadproc.init();
		deadproc_ready = true;
	}
	p->p_xstat = ecode;
	p->p_stat = SDEAD;
	deadproc.insert_tail(p);
	wakeup(&deadproc);
	mi_switch();
	panic("kthread_exit: dead thread %d ran again", p->p_tid);
}

/*
 * reaper: the thread that frees dead threads (their stacks, their proc
 * and process structures).
 */
void
reaper(void *)
{
	for (;;) {
		int s = splhigh();
		if (!deadproc_ready) {
			deadproc.init();
			deadproc_ready = true;
		}
		struct proc *p = deadproc.first();
		if (p == nullptr) {
			splx(s);
			tsleep(&deadproc, PVM, "reaper", 0);
			continue;
		}
		deadproc.remove(p);
		splx(s);
		proc_free(p);
	}
}
