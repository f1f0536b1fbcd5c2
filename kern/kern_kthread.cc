/*
 * kern_kthread.cc: kernel threads.
 *
 * kthread_create(func, arg, &p, name) makes a process with one thread
 * that runs func(arg) in the kernel, forked (in spirit) from proc0: its
 * parent is proc0's process and it shares the kernel's address space.  It
 * is made runnable at once.  When func returns, or calls kthread_exit(),
 * the thread ends through exit1() like any process, and the reaper
 * (kern_exit.cc) frees it.  Mirrors OpenBSD's sys/kern/kern_kthread.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <machine/intr.h>

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
 * kthread_exit: the end of the calling kernel thread: exit1() hands it
 * to the reaper (kern_exit.cc), which frees it.
 * => never returns.
 */
void
kthread_exit(int ecode)
{
	KASSERT(curproc != &proc0);
	exit1(curproc, ecode, 0, EXIT_NORMAL);
}
