/*
 * kern_exit.cc: the end of a process: exit(2), exit1(), the reaper, and
 * wait4(2), which collects what is left.
 *
 * A process ends in three steps, by three different threads:
 *  1. exit1(), run by the dying thread itself: it gives back what it can
 *     while still running: its open files, its address space (after
 *     switching to the kernel's page tables: it is still using its own),
 *     its program's vnode; its children go to init.  It cannot free its
 *     kernel stack, since it is standing on it, so it puts itself on the
 *     deadproc list as SDEAD and switches away for the last time.
 *  2. The reaper thread frees the kernel stack.  A kernel thread is then
 *     gone entirely.  A user process becomes a zombie (PS_ZOMBIE, its
 *     thread SZOMB on zombproc): just the structures that hold its exit
 *     status and times, for its parent, who is woken.
 *  3. The parent's wait4() finds the zombie, copies out the status and
 *     frees the rest (proc_free).  Children of a process that exits first
 *     are inherited by init, which waits for everything.
 * Mirrors OpenBSD's sys/kern/kern_exit.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/filedesc.h>
#include <sys/proc.h>
#include <sys/resource.h>
#include <sys/signalvar.h>
#include <sys/syscallargs.h>
#include <sys/vnode.h>
#include <sys/wait.h>
#include <machine/intr.h>
#include <machine/pmap.h>
#include <uvm/uvm_extern.h>

/* [S] Dead threads waiting for the reaper, linked through p_runq. */
static tailq_head<proc, &proc::p_runq> deadproc;
static bool deadproc_ready;

struct process *initprocess;	/* [I] pid 1, set by main() */

/*
 * vfork_release: a vforked child is done with its parent's address space
 * (it exec'd or is exiting): wake the parent sleeping in fork1.
 */
void
vfork_release(struct process *pr)
{
	if (pr->ps_flags & PS_PPWAIT) {
		pr->ps_flags &= ~PS_PPWAIT;
		wakeup(pr->ps_pptr);
	}
}

/* exit(2) */
int
sys_exit(struct proc *p, void *v, register_t *)
{
	struct sys_exit_args *uap = (struct sys_exit_args *)v;

	exit1(p, SCARG(uap, rval), 0, EXIT_NORMAL);
	/* NOTREACHED */
}

/*
 * exit1: the calling thread's process ends with exit code xexit (the
 * low 8 bits count) or because of signal xsig.
 * => process context; never returns.
 */
void
exit1(struct proc *p, int xexit, int xsig, int flags)
{
	struct process *pr = p->p_p;

	if (pr == initprocess)
		panic("init died (signal %d, exit %d)", xsig, xexit);
	KASSERT(!(p->p_flag & P_WEXIT));
	p->p_flag |= P_WEXIT;
	pr->ps_flags |= PS_EXITING;
	pr->ps_xexit = xexit;
	pr->ps_xsig = xsig;
	p->p_xstat = W_EXITCODE(xexit, xsig);
	p->p_siglist = 0;

	if (!(pr->ps_flags & PS_SYSTEM)) {
		/* Close every descriptor: pipes see EOF, files are synced. */
		fdfree(pr->ps_fd);
		pr->ps_fd = nullptr;
		if (pr->ps_textvp != nullptr) {
			vrele(pr->ps_textvp);
			pr->ps_textvp = nullptr;
		}

		/* Off our own page tables, then free them with the rest. */
		struct vmspace *vm = pr->ps_vmspace;
		pr->ps_vmspace = nullptr;
		pmap_activate(p);
		uvmspace_free(vm);
		vfork_release(pr);

		/* Orphans go to init, which reaps the zombies among them. */
		struct process *qr;
		while ((qr = pr->ps_children.first()) != nullptr) {
			proc_reparent(qr, initprocess);
			if (qr->ps_flags & PS_ZOMBIE)
				wakeup(initprocess);
		}
	}

	/* The thread is over: the reaper frees its stack. */
	splhigh();
	if (!deadproc_ready) {
		deadproc.init();
		deadproc_ready = true;
	}
	p->p_stat = SDEAD;
	deadproc.insert_tail(p);
	wakeup(&deadproc);
	mi_switch();
	panic("exit1: dead thread %d ran again", p->p_tid);
}

/*
 * reaper: the thread that finishes dead threads: frees their kernel
 * stacks, then either frees a kernel thread entirely or makes a user
 * process a zombie for its parent's wait4().
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

		struct process *pr = p->p_p;
		proc_free_stack(p);
		if (pr->ps_flags & PS_SYSTEM) {
			proc_free(p);
			continue;
		}
		allproc.remove(p);
		zombproc.insert_head(p);
		p->p_stat = SZOMB;
		pr->ps_flags |= PS_ZOMBIE;
		struct process *parent = pr->ps_pptr;
		prsignal(parent, SIGCHLD);
		wakeup(parent);
	}
}

/* Does process qr match wait4's pid argument, as seen from pr? */
static bool
wait_matches(struct process *pr, struct process *qr, pid_t pid)
{
	if (pid > 0)
		return qr->ps_pid == pid;
	if (pid == 0)
		return qr->ps_pgrp == pr->ps_pgrp;
	if (pid < WAIT_ANY)
		return qr->ps_pgrp != nullptr && qr->ps_pgrp->pg_id == -pid;
	return true;
}

/*
 * dowait4: wait for a child that matches pid to exit (or, with WNOHANG,
 * only look).  *statusp gets its wait status, *rusage (if not null) its
 * resource use; retval[0] its pid, or 0 if WNOHANG found none yet.
 * Returns 0, ECHILD (no such child at all) or EINTR/ERESTART.
 */
int
dowait4(struct proc *q, pid_t pid, int *statusp, int options,
    struct rusage *rusage, register_t *retval)
{
	struct process *pr = q->p_p;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return EINVAL;
	for (;;) {
		int nfound = 0;
		for (struct process *qr : pr->ps_children) {
			if (!wait_matches(pr, qr, pid))
				continue;
			nfound++;
			if (!(qr->ps_flags & PS_ZOMBIE))
				continue;
			struct proc *p = qr->ps_mainproc;
			retval[0] = qr->ps_pid;
			*statusp = p->p_xstat;
			/* The child's times count as ours once waited for. */
			pr->ps_ctu.tu_runtime += p->p_tu.tu_runtime +
			    qr->ps_ctu.tu_runtime;
			pr->ps_ctu.tu_uticks += p->p_tu.tu_uticks +
			    qr->ps_ctu.tu_uticks;
			pr->ps_ctu.tu_sticks += p->p_tu.tu_sticks +
			    qr->ps_ctu.tu_sticks;
			pr->ps_ctu.tu_iticks += p->p_tu.tu_iticks +
			    qr->ps_ctu.tu_iticks;
			if (rusage != nullptr)
				tutorusage(&p->p_tu, rusage);
			proc_free(p);
			return 0;
		}
		if (nfound == 0)
			return ECHILD;
		if (options & WNOHANG) {
			retval[0] = 0;
			return 0;
		}
		int error = tsleep(pr, PWAIT | PCATCH, "wait", 0);
		if (error != 0)
			return error;
	}
}

/* wait4(2) */
int
sys_wait4(struct proc *q, void *v, register_t *retval)
{
	struct sys_wait4_args *uap = (struct sys_wait4_args *)v;
	struct rusage ru;
	int status = 0, error;

	error = dowait4(q, SCARG(uap, pid), &status, SCARG(uap, options),
	    SCARG(uap, rusage) != nullptr ? &ru : nullptr, retval);
	if (error != 0 || retval[0] == 0)
		return error;
	if (SCARG(uap, status) != nullptr &&
	    (error = copyout(&status, SCARG(uap, status), sizeof(status))))
		return error;
	if (SCARG(uap, rusage) != nullptr)
		error = copyout(&ru, SCARG(uap, rusage), sizeof(ru));
	return error;
}
