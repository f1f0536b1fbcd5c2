/*
 * kern_fork.cc: fork(2) and vfork(2), and fork1(), the kernel's way of
 * making a user process.
 *
 * A child is a copy of its parent at the moment of the call:
 *  - its address space is uvmspace_fork() of the parent's: the pages are
 *    not copied but shared copy-on-write, so fork costs page tables and
 *    map entries, not memory;
 *  - its descriptor table is a copy whose entries share the parent's open
 *    files (and so their offsets): fdcopy();
 *  - credentials, signal actions, limits, the process group and the
 *    current directory are inherited;
 *  - its kernel stack starts with a copy of the parent's trapframe
 *    (cpu_fork), so it returns from the same system call, with 0 where
 *    the parent gets the child's pid.
 *
 * vfork(2) is OpenBSD's: the child borrows its parent's address space
 * (no copy, not even of page tables) and the parent sleeps until the
 * child gives it back by execve or _exit (PS_PPWAIT).  libc's vfork stub
 * keeps its return address in a register, since the child runs on the
 * parent's very stack.
 *
 * fork1() is also how main() starts init: proc0 has no user space, so the
 * child gets a fresh one and a zeroed trapframe that execve fills in.
 * Mirrors OpenBSD's sys/kern/kern_fork.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/filedesc.h>
#include <sys/kernel.h>
#include <sys/proc.h>
#include <sys/resource.h>
#include <sys/signalvar.h>
#include <sys/syscallargs.h>
#include <sys/ucred.h>
#include <sys/vnode.h>
#include <machine/intr.h>
#include <machine/pmap.h>
#include <uvm/uvm_extern.h>

/*
 * The most processes at once, and how many of them one user may have.
 * The last few slots are root's, so that root can still log in and kill
 * a runaway.  The numbers are small because every process costs a kernel
 * stack, a page directory and page tables, and the system must run in
 * 8 MiB.
 */
#define NPROCESS		64	/* OpenBSD: 30 + 16 * maxusers */
int	maxprocess = NPROCESS;
#define NPROC_ROOTRESERVE	5

/* Count of the processes each user has, for RLIMIT_NPROC. */
static int
uid_nprocs(uid_t uid)
{
	int n = 0;

	for (struct proc *p : allproc)
		if (!(p->p_flag & P_SYSTEM) && p->p_ucred->cr_ruid == uid)
			n++;
	return n;
}

/*
 * fork1: make a child of parent's process that starts by running
 * func(arg) in the kernel (child_return, or start_init) and then goes
 * to user mode.  retval gets the child's pid for the parent; *rnewprocp
 * (if not null) the child thread.
 * Returns 0, or EAGAIN when the process table (or the user's share of
 * it) is full or memory is short.
 * => process context; may sleep.
 */
int
fork1(struct proc *curp, int flags, void (*func)(void *), void *arg,
    register_t *retval, struct proc **rnewprocp)
{
	struct process *parent = curp->p_p;
	struct ucred *cred = parent->ps_ucred;
	uid_t uid = cred->cr_ruid;

	/* Room in the process table, and in this user's share? */
	if ((nprocesses >= maxprocess - NPROC_ROOTRESERVE && uid != 0) ||
	    nprocesses >= maxprocess)
		return EAGAIN;
	if (uid != 0 && parent->ps_limit != nullptr &&
	    (rlim_t)uid_nprocs(uid) >= lim_cur(curp, RLIMIT_NPROC))
		return EAGAIN;

	/*
	 * An address space: the parent's, copy-on-write, or for vfork the
	 * parent's itself; init's is new.
	 */
	struct vmspace *vm;
	if (parent->ps_vmspace == nullptr)
		vm = uvmspace_alloc(VM_MIN_ADDRESS, VM_MAXUSER_ADDRESS);
	else if (flags & FORK_VFORK) {
		vm = parent->ps_vmspace;
		uvmspace_addref(vm);
	} else
		vm = uvmspace_fork(parent->ps_vmspace);
	if (vm == nullptr)
		return EAGAIN;

	struct proc *p = proc_alloc(parent->ps_comm, 0);
	if (p == nullptr) {
		uvmspace_free(vm);
		return EAGAIN;
	}
	struct process *pr = p->p_p;

	/* The only user process proc0 forks is init: pid 1, as always. */
	if (parent == &process0) {
		KASSERT(prfind(1) == nullptr);
		pr->ps_pid = p->p_tid = 1;
	}

	/* proc_alloc made it a child of process0, root's, sharing fd0. */
	proc_reparent(pr, parent);
	fdfree(pr->ps_fd);
	pr->ps_fd = fdcopy(parent->ps_fd);
	crfree(pr->ps_ucred);
	crfree(p->p_ucred);
	pr->ps_ucred = p->p_ucred = cred;
	crhold(cred);
	crhold(cred);
	pr->ps_vmspace = vm;
	pr->ps_sigacts = sigactsinit(parent);
	pr->ps_limit = limcopy(parent->ps_limit);
	pgrp_fork(parent, pr);
	pr->ps_nice = parent->ps_nice;
	pr->ps_start = time_second;
	if ((pr->ps_textvp = parent->ps_textvp) != nullptr)
		vref(pr->ps_textvp);
	if (parent->ps_flags & PS_CONTROLT)
		pr->ps_flags |= PS_CONTROLT;
	p->p_sigmask = curp->p_sigmask;
	/* The child inherits its parent's CPU use, as in OpenBSD. */
	p->p_estcpu = curp->p_estcpu;
	p->p_usrpri = curp->p_usrpri;
	p->p_priority = p->p_usrpri;

	cpu_fork(p, func, arg != nullptr ? arg : p);
	pmap_activate(p);
	if (rnewprocp != nullptr)
		*rnewprocp = p;
	if (retval != nullptr) {
		retval[0] = pr->ps_pid;
		retval[1] = 0;
	}

	if (flags & FORK_VFORK)
		pr->ps_flags |= PS_PPWAIT;

	int s = splhigh();
	setrunqueue(p);
	splx(s);

	/* vfork: our memory is the child's until it execs or exits. */
	while (pr->ps_flags & PS_PPWAIT)
		tsleep(parent, PWAIT, "ppwait", 0);
	return 0;
}

/*
 * fork(2): the parent returns the child's pid; the child returns 0 from
 * child_return().
 */
int
sys_fork(struct proc *p, void *, register_t *retval)
{
	return fork1(p, FORK_FORK, child_return, nullptr, retval, nullptr);
}

/* vfork(2): fork(2), see above. */
int
sys_vfork(struct proc *p, void *, register_t *retval)
{
	return fork1(p, FORK_VFORK, child_return, nullptr, retval, nullptr);
}
