/*
 * kern_proc.cc: process and thread structures: allocation, ids, the
 * global lists, proc0, and the ps-like listing.
 *
 * struct process and struct proc come from their own pools; a thread's
 * kernel stack (USPACE bytes, struct user at the bottom) from kernel_map.
 * Every thread is on allproc while it exists, or on zombproc between its
 * exit and the wait that reaps it (user processes, later).
 *
 * Thread ids: the next number not in use, counting up and wrapping at
 * PID_MAX; an id is taken (the thread put on allproc) before anything else
 * can look, so two threads never get the same one.  (OpenBSD picks ids at
 * random, to make them unguessable; counting is easier to follow.)
 * Mirrors OpenBSD's sys/kern/kern_proc.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/filedesc.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/ucred.h>
#include <sys/user.h>
#include <uvm/uvm_extern.h>
#include <machine/intr.h>
#include <machine/pmap.h>

struct proc proc0;
struct process process0;
list_head<proc, &proc::p_list> allproc;
list_head<proc, &proc::p_list> zombproc;
list_head<process, &process::ps_list> allprocess;
int nprocesses, nthreads;

static struct pool process_pool, proc_pool;
static pid_t lastpid;

extern "C" char proc0stack[];
void	endtsleep(void *);

/*
 * procinit: the pools, the lists, and proc0: the thread that has been
 * running since locore, on locore's stack.  main() is proc0.
 * => called from main() after uvm_init.
 */
void
procinit(void)
{
	allproc.init();
	zombproc.init();
	allprocess.init();
	pool_init(&process_pool, sizeof(struct process), 0, IPL_NONE, 0,
	    "processpl", nullptr);
	pool_init(&proc_pool, sizeof(struct proc), 0, IPL_NONE, 0, "procpl",
	    nullptr);
	pool_init(&ucred_pool, sizeof(struct ucred), 0, IPL_NONE, 0,
	    "ucredpl", nullptr);

	struct process *pr = &process0;
	struct proc *p = &proc0;
	pr->ps_mainproc = p;
	pr->ps_pid = 0;
	pr->ps_pptr = pr;
	pr->ps_children.init();
	pr->ps_flags = PS_SYSTEM;
	pr->ps_nice = NZERO;
	strlcpy(pr->ps_comm, "swapper", sizeof(pr->ps_comm));
	/* Root, whose threads all share one view of the file tree. */
	pr->ps_ucred = proc0cred = crget();
	pr->ps_fd = fdinit();
	allprocess.insert_head(pr);

	p->p_p = pr;
	p->p_tid = 0;
	p->p_stat = SONPROC;
	p->p_flag = P_SYSTEM;
	p->p_priority = p->p_usrpri = PUSER;
	p->p_ucred = pr->ps_ucred;
	crhold(p->p_ucred);
	p->p_addr = (struct user *)proc0stack;
	/* locore's stack: its pcb was never set up by cpu_fork. */
	p->p_addr->u_pcb.pcb_cr3 = pmap_kernel()->pm_pdirpa;
	timeout_set(&p->p_sleep_to, endtsleep, p);
	allproc.insert_head(p);
	nprocesses = nthreads = 1;
	curcpu()->ci_curproc = p;
}

/* tfind: the thread with id tid, living or zombie, or null. */
struct proc *
tfind(pid_t tid)
{
	for (struct proc *p : allproc)
		if (p->p_tid == tid)
			return p;
	for (struct proc *p : zombproc)
		if (p->p_tid == tid)
			return p;
	return nullptr;
}

/* The next unused id. */
static pid_t
allocpid(void)
{
	for (;;) {
		if (++lastpid > PID_MAX)
			lastpid = 1;
		if (tfind(lastpid) == nullptr)
			return lastpid;
	}
}

/*
 * proc_alloc: a new process with one thread, in state SIDL, child of
 * proc0's process, with a kernel stack.  flags: P_SYSTEM for kernel
 * threads.  Returns null if memory is short.
 * => process context; does not sleep (fails instead).
 */
struct proc *
proc_alloc(const char *name, int flags)
{
	struct process *pr = (struct process *)pool_get(&process_pool,
	    PR_NOWAIT | PR_ZERO);
	struct proc *p = (struct proc *)pool_get(&proc_pool,
	    PR_NOWAIT | PR_ZERO);
	vaddr_t stack = uvm_km_kmemalloc(kernel_map, nullptr, USPACE,
	    UVM_KMF_NOWAIT | UVM_KMF_ZERO);

	if (pr == nullptr || p == nullptr || stack == 0)
		goto fail;

	pr->ps_mainproc = p;
	pr->ps_pid = p->p_tid = allocpid();
	pr->ps_pptr = &process0;
	pr->ps_children.init();
	pr->ps_flags = (flags & P_SYSTEM) ? PS_SYSTEM : 0;
	pr->ps_nice = NZERO;
	strlcpy(pr->ps_comm, name, sizeof(pr->ps_comm));
	pr->ps_ucred = proc0cred;
	crhold(proc0cred);
	pr->ps_fd = fdshare(process0.ps_fd);
	process0.ps_children.insert_head(pr);
	allprocess.insert_head(pr);

	p->p_p = pr;
	p->p_stat = SIDL;
	p->p_flag = flags;
	p->p_addr = (struct user *)stack;
	p->p_ucred = pr->ps_ucred;
	crhold(p->p_ucred);
	p->p_priority = p->p_usrpri = PUSER;
	timeout_set(&p->p_sleep_to, endtsleep, p);
	allproc.insert_head(p);
	nprocesses++;
	nthreads++;
	return p;

fail:
	if (stack != 0)
		uvm_km_free(kernel_map, stack, USPACE);
	if (p != nullptr)
		pool_put(&proc_pool, p);
	if (pr != nullptr)
		pool_put(&process_pool, pr);
	return nullptr;
}

/*
 * proc_free: the end of a thread that has exited and is no longer
 * running: off the lists, stack and structures freed.
 * => called by the reaper, never by the thread itself (it is on that
 *    stack until its last switch).
 */
void
proc_free(struct proc *p)
{
	struct process *pr = p->p_p;

	KASSERT(p != curproc && p->p_stat == SDEAD);
	allproc.remove(p);
	pr->ps_pptr->ps_children.remove(pr);
	allprocess.remove(pr);
	uvm_km_free(kernel_map, (vaddr_t)p->p_addr, USPACE);
	crfree(p->p_ucred);
	crfree(pr->ps_ucred);
	fdfree(pr->ps_fd);
	pool_put(&proc_pool, p);
	pool_put(&process_pool, pr);
	nprocesses--;
	nthreads--;
}

const char *
proc_statname(int stat)
{
	static const char *const names[] = { "?", "IDL", "RUN", "SLEEP",
	    "STOP", "ZOMB", "DEAD", "ONPROC" };
	return (stat >= 0 && stat < 8) ? names[stat] : "?";
}

/*
 * proc_printit_all: one line per thread, as ps(1) and ddb's "ps":
 * id, parent, state, priority, estcpu, nice, wait channel, name.
 */
void
proc_printit_all(int (*pr)(const char *, ...))
{
	(*pr)("   PID  PPID STAT   PRI ESTCPU NICE WCHAN      COMMAND\n");
	for (struct proc *p : allproc) {
		(*pr)("%6d %5d %-6s %3d %6u %4d %-10s %s%s\n", p->p_tid,
		    p->p_p->ps_pptr->ps_pid, proc_statname(p->p_stat),
		    p->p_priority, p->p_estcpu, p->p_p->ps_nice - NZERO,
		    p->p_wchan != nullptr ? p->p_wmesg : "",
		    p->p_p->ps_comm, p == curproc ? " *" : "");
	}
}
