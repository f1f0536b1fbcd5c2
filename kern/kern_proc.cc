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
#include <sys/resource.h>
#include <sys/signalvar.h>
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
	siginit(&sigacts0);
	pr->ps_sigacts = &sigacts0;
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
	pgrp_init();		/* session 0, group 0: process0's */
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

/* prfind: the process with id pid, living or zombie, or null. */
struct process *
prfind(pid_t pid)
{
	for (struct process *pr : allprocess)
		if (pr->ps_pid == pid)
			return pr;
	return nullptr;
}

/*
 * The next unused id: not a thread's, not a process's (a zombie keeps
 * its pid until it is waited for), and not a process group's, so that a
 * new process can always become a group leader (setsid, setpgid).
 */
static pid_t
allocpid(void)
{
	for (;;) {
		if (++lastpid > PID_MAX)
			lastpid = 2;	/* 1 is init's, for ever */
		if (lastpid == 1)
			continue;
		if (tfind(lastpid) == nullptr && prfind(lastpid) == nullptr &&
		    pgfind(lastpid) == nullptr)
			return lastpid;
	}
}

/* proc_reparent: child's parent becomes newparent. */
void
proc_reparent(struct process *child, struct process *newparent)
{
	if (child->ps_pptr == newparent)
		return;
	child->ps_pptr->ps_children.remove(child);
	newparent->ps_children.insert_head(child);
	child->ps_pptr = newparent;
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
 * proc_free_stack: free the kernel stack of a thread that has exited and
 * is no longer running on it.
 * => called by the reaper, never by the thread itself.
 */
void
proc_free_stack(struct proc *p)
{
	KASSERT(p != curproc && p->p_stat == SDEAD);
	uvm_km_free(kernel_map, (vaddr_t)p->p_addr, USPACE);
	p->p_addr = nullptr;
}

/*
 * proc_free: the end of a process whose only thread has exited: off the
 * lists, and whatever it still holds freed.  For a kernel thread, the
 * reaper calls it; for a user process, the parent's wait4().
 */
void
proc_free(struct proc *p)
{
	struct process *pr = p->p_p;

	KASSERT(p != curproc && p->p_addr == nullptr);
	if (p->p_stat == SZOMB)
		zombproc.remove(p);
	else
		allproc.remove(p);
	pr->ps_pptr->ps_children.remove(pr);
	allprocess.remove(pr);
	if (pr->ps_pgrp != nullptr)
		leavepgrp(pr);
	crfree(p->p_ucred);
	crfree(pr->ps_ucred);
	if (pr->ps_fd != nullptr)
		fdfree(pr->ps_fd);
	if (pr->ps_sigacts != nullptr)
		sigactsfree(pr->ps_sigacts);
	if (pr->ps_limit != nullptr)
		limfree(pr->ps_limit);
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

/*
 * Process groups and sessions (OpenBSD keeps these in kern_proc.c too).
 *
 * Every process points at its group (ps_pgrp) and every group at its
 * session; a group counts its members (pg_nmembers) and a session its
 * groups (s_count), so each is freed when the last user leaves.  Groups
 * are found by id on one list (pgrplist: OpenBSD hashes them; a list is
 * enough for the few dozen processes of this system), and a group's
 * members are found by walking allprocess for ps_pgrp (OpenBSD links
 * them on pg_members).  Group and session ids are process ids: a group
 * is named after the process that made it, and an id stays taken while
 * a group of that name exists (setpgid checks, allocpid should too:
 * XXX it only checks threads).
 * => all of it [K]: process context, one CPU, no kernel preemption.
 */
static list_head<pgrp, &pgrp::pg_hash> pgrplist;	/* [K] */
static struct pool pgrp_pool, session_pool;
static struct session session0;
static struct pgrp pgrp0;

/*
 * pgrp_init: the pools, and session 0 with group 0 holding process0 (so
 * the kernel threads, which start in process0's group, have one too).
 * => called from procinit's caller once process0 exists.
 */
void
pgrp_init(void)
{
	pool_init(&pgrp_pool, sizeof(struct pgrp), 0, IPL_NONE, 0, "pgrppl",
	    nullptr);
	pool_init(&session_pool, sizeof(struct session), 0, IPL_NONE, 0,
	    "sessionpl", nullptr);
	pgrplist.init();
	session0.s_count = 1;
	session0.s_leader = &process0;
	session0.s_sid = 0;
	pgrp0.pg_session = &session0;
	pgrp0.pg_id = 0;
	pgrp0.pg_nmembers = 1;
	pgrplist.insert_head(&pgrp0);
	process0.ps_pgrp = &pgrp0;
}

/* pgrp_alloc, session_alloc: memory for a new group or session. */
struct pgrp *
pgrp_alloc(void)
{
	return (struct pgrp *)pool_get(&pgrp_pool, PR_WAITOK | PR_ZERO);
}

struct session *
session_alloc(void)
{
	return (struct session *)pool_get(&session_pool, PR_WAITOK | PR_ZERO);
}

/* pgrp_free, session_free: give back one that was not used (or is done). */
void
pgrp_free(struct pgrp *pg)
{
	if (pg != nullptr && pg != &pgrp0)
		pool_put(&pgrp_pool, pg);
}

void
session_free(struct session *sess)
{
	if (sess != nullptr && sess != &session0)
		pool_put(&session_pool, sess);
}

/* pgfind: the process group with id pgid, or null. */
struct pgrp *
pgfind(pid_t pgid)
{
	for (struct pgrp *pg : pgrplist)
		if (pg->pg_id == pgid)
			return pg;
	return nullptr;
}

/*
 * inferior: is pr parent itself or one of its descendants?  (Walks up
 * the parents to process 0, whose parent is itself.)
 */
int
inferior(struct process *pr, struct process *parent)
{
	for (; pr != parent; pr = pr->ps_pptr)
		if (pr->ps_pid == 0)
			return 0;
	return 1;
}

/* Join pg, leaving the group pr was in. */
static void
pgrp_move(struct process *pr, struct pgrp *pg)
{
	struct pgrp *old = pr->ps_pgrp;

	pg->pg_nmembers++;
	pr->ps_pgrp = pg;
	if (old != nullptr && --old->pg_nmembers == 0)
		pgdelete(old);
}

/*
 * enterpgrp: put pr in a new process group pgid, using newpgrp (memory
 * the caller got beforehand, so that nothing can change while this
 * sleeps for it).  With newsess, the group starts a new session too,
 * led by pr (setsid); otherwise it is in pr's session.  Both are the
 * callee's from here on.  Returns 0.
 * => pgid names no existing group; newsess only if pgid == pr's pid.
 */
int
enterpgrp(struct process *pr, pid_t pgid, struct pgrp *newpgrp,
    struct session *newsess)
{
	KASSERT(pgfind(pgid) == nullptr);
	KASSERT(newsess == nullptr || pgid == pr->ps_pid);
	if (newsess != nullptr) {
		newsess->s_count = 1;
		newsess->s_leader = pr;
		newsess->s_sid = pr->ps_pid;
		newsess->s_ttyvp = nullptr;
		newsess->s_ttyp = nullptr;
		/* A new session has no controlling terminal yet. */
		pr->ps_flags &= ~PS_CONTROLT;
		newpgrp->pg_session = newsess;
	} else {
		KASSERT(pr->ps_pgrp != nullptr);
		newpgrp->pg_session = pr->ps_pgrp->pg_session;
		newpgrp->pg_session->s_count++;
	}
	newpgrp->pg_id = pgid;
	newpgrp->pg_nmembers = 0;
	newpgrp->pg_jobc = 0;
	pgrplist.insert_head(newpgrp);
	pgrp_move(pr, newpgrp);
	return 0;
}

/*
 * enterthispgrp: move pr into the existing group pg of its own session.
 */
void
enterthispgrp(struct process *pr, struct pgrp *pg)
{
	KASSERT(pr->ps_pgrp == nullptr ||
	    pg->pg_session == pr->ps_pgrp->pg_session);
	if (pr->ps_pgrp != pg)
		pgrp_move(pr, pg);
}

/*
 * leavepgrp: pr leaves its group for good (it is exiting); the group
 * goes when it was the last member.  A session leader that leaves
 * leaves its session leaderless, as OpenBSD's exit1 does.
 */
void
leavepgrp(struct process *pr)
{
	struct pgrp *pg = pr->ps_pgrp;

	if (pg == nullptr)
		return;
	if (pg->pg_session->s_leader == pr)
		pg->pg_session->s_leader = nullptr;
	pr->ps_pgrp = nullptr;
	if (--pg->pg_nmembers == 0)
		pgdelete(pg);
}

/*
 * pgdelete: free a group that has no members left, and its session if
 * it was the session's last group.
 */
void
pgdelete(struct pgrp *pg)
{
	KASSERT(pg->pg_nmembers == 0);
	pgrplist.remove(pg);
	struct session *sess = pg->pg_session;
	if (--sess->s_count == 0)
		session_free(sess);
	pgrp_free(pg);
}

/*
 * pgrp_fork: a new process starts in its parent's group (fork1 and
 * kthread creation call this).
 */
void
pgrp_fork(struct process *parent, struct process *child)
{
	struct pgrp *pg = parent->ps_pgrp;

	child->ps_pgrp = pg;
	if (pg != nullptr)
		pg->pg_nmembers++;
}
