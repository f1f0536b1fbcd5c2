/*
 * kern_sig.cc: signals: posting them, picking the next one to act on,
 * and acting on it; sigaction(2), sigprocmask(2) and kill(2).
 *
 * A signal goes through three steps, as in every BSD:
 *
 *  1. psignal(p, sig) posts it.  If the process ignores it, it vanishes
 *     at once; otherwise its bit goes into p->p_siglist, and if the
 *     thread sleeps interruptibly (tsleep with PCATCH sets P_SINTR) it is
 *     woken, so that its system call returns EINTR or ERESTART and the
 *     thread heads back towards user mode.  Anyone may post, an interrupt
 *     handler included.
 *  2. cursig(p), on the way back to user mode (userret) and in tsleep,
 *     names the next signal that is pending and not blocked
 *     (p->p_sigmask), silently dropping those whose action is to do
 *     nothing.
 *  3. postsig(p, sig) takes the action: the default one, which for most
 *     signals is to end the process (exit1 with the signal as its
 *     status), or the handler the process installed.
 *
 * What each signal does by default is the table sigprop[] below,
 * OpenBSD's.  A process's choices live in its struct sigacts
 * (<sys/signalvar.h>); fork copies them (sigactsinit), execve forgets
 * the handlers (execsigs), exit frees them (sigactsfree).
 *
 * XXX Not yet: running a handler in user mode (sendsig, sigreturn: a
 * later issue; sigaction refuses a function handler with EINVAL), job
 * control stops (SIGSTOP and friends are discarded), core dumps.
 *
 * Mirrors OpenBSD's sys/kern/kern_sig.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/ucred.h>
#include <sys/syscallargs.h>
#include <machine/intr.h>

/* The default action of each signal, OpenBSD's table. */
static const int sigprop_table[NSIG] = {
	0,			/* unused */
	SP_KILL,		/* SIGHUP */
	SP_KILL,		/* SIGINT */
	SP_KILL | SP_CORE,	/* SIGQUIT */
	SP_KILL | SP_CORE,	/* SIGILL */
	SP_KILL | SP_CORE,	/* SIGTRAP */
	SP_KILL | SP_CORE,	/* SIGABRT */
	SP_KILL | SP_CORE,	/* SIGEMT */
	SP_KILL | SP_CORE,	/* SIGFPE */
	SP_KILL,		/* SIGKILL */
	SP_KILL | SP_CORE,	/* SIGBUS */
	SP_KILL | SP_CORE,	/* SIGSEGV */
	SP_KILL | SP_CORE,	/* SIGSYS */
	SP_KILL,		/* SIGPIPE */
	SP_KILL,		/* SIGALRM */
	SP_KILL,		/* SIGTERM */
	SP_IGNORE,		/* SIGURG */
	SP_STOP,		/* SIGSTOP */
	SP_STOP | SP_TTYSTOP,	/* SIGTSTP */
	SP_IGNORE | SP_CONT,	/* SIGCONT */
	SP_IGNORE,		/* SIGCHLD */
	SP_STOP | SP_TTYSTOP,	/* SIGTTIN */
	SP_STOP | SP_TTYSTOP,	/* SIGTTOU */
	SP_IGNORE,		/* SIGIO */
	SP_KILL,		/* SIGXCPU */
	SP_KILL,		/* SIGXFSZ */
	SP_KILL,		/* SIGVTALRM */
	SP_KILL,		/* SIGPROF */
	SP_IGNORE,		/* SIGWINCH */
	SP_IGNORE,		/* SIGINFO */
	SP_KILL,		/* SIGUSR1 */
	SP_KILL,		/* SIGUSR2 */
	SP_IGNORE,		/* SIGTHR */
};

#define STOPSIGMASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
			    sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define CONTSIGMASK	(sigmask(SIGCONT))

struct sigacts sigacts0;		/* [K] process0's */
static struct pool sigacts_pool;
static bool sigacts_pool_ready;

/* sigprop: the SP_* properties of signal sig. */
int
sigprop(int sig)
{
	return (sig > 0 && sig < NSIG) ? sigprop_table[sig] : 0;
}

/*
 * siginit: signal state for process 0, which every other process
 * inherits: every action the default, and the signals whose default is
 * to do nothing marked ignored (except SIGCONT, which must still wake a
 * stopped process).
 */
void
siginit(struct sigacts *ps)
{
	memset(ps, 0, sizeof(*ps));
	for (int i = 1; i < NSIG; i++)
		if ((sigprop_table[i] & SP_IGNORE) && i != SIGCONT)
			ps->ps_sigignore |= sigmask(i);
	ps->ps_sigflags = SAS_NOCLDWAIT | SAS_NOCLDSTOP;
	if (!sigacts_pool_ready) {
		pool_init(&sigacts_pool, sizeof(struct sigacts), 0, IPL_NONE,
		    0, "sigapl", nullptr);
		sigacts_pool_ready = true;
	}
}

/*
 * sigactsinit: a copy of parent's signal actions, for a new process
 * (fork1).  A parent without any (a kernel thread) gives fresh defaults.
 * => process context, may sleep.
 */
struct sigacts *
sigactsinit(struct process *parent)
{
	struct sigacts *ps;

	KASSERT(sigacts_pool_ready);
	ps = (struct sigacts *)pool_get(&sigacts_pool, PR_WAITOK);
	if (parent != nullptr && parent->ps_sigacts != nullptr)
		*ps = *parent->ps_sigacts;
	else
		siginit(ps);
	return ps;
}

/* sigactsfree: an exited process's signal actions go back to the pool. */
void
sigactsfree(struct sigacts *ps)
{
	if (ps != nullptr && ps != &sigacts0)
		pool_put(&sigacts_pool, ps);
}

/*
 * setsigvec: install sa as the action for sig, and recompute the sets
 * that psignal and cursig test.  The caller has checked sig and the
 * handler.  (OpenBSD's setsigvec.)
 */
int
setsigvec(struct proc *p, int sig, const struct sigaction *sa)
{
	struct sigacts *ps = p->p_p->ps_sigacts;
	sigset_t bit = sigmask(sig);
	sigset_t mask = sa->sa_mask;
	int s = splhigh();	/* psignal may look from an interrupt */

	ps->ps_sigact[sig] = sa->sa_handler;
	if ((sa->sa_flags & SA_NODEFER) == 0)
		mask |= bit;
	ps->ps_catchmask[sig] = mask & ~SIGCANTMASK;
	if (sig == SIGCHLD) {
		if (sa->sa_flags & SA_NOCLDSTOP)
			ps->ps_sigflags |= SAS_NOCLDSTOP;
		else
			ps->ps_sigflags &= ~SAS_NOCLDSTOP;
		/*
		 * Ignoring SIGCHLD (or SA_NOCLDWAIT) means "no zombies":
		 * exit1 gives such a process's children to init, which
		 * reaps them.  Never for init itself.
		 */
		if (p->p_p != initprocess && ((sa->sa_flags & SA_NOCLDWAIT) ||
		    sa->sa_handler == SIG_IGN))
			ps->ps_sigflags |= SAS_NOCLDWAIT;
		else
			ps->ps_sigflags &= ~SAS_NOCLDWAIT;
	}
	if (sa->sa_flags & SA_RESETHAND)
		ps->ps_sigreset |= bit;
	else
		ps->ps_sigreset &= ~bit;
	if (sa->sa_flags & SA_SIGINFO)
		ps->ps_siginfo |= bit;
	else
		ps->ps_siginfo &= ~bit;
	if ((sa->sa_flags & SA_RESTART) == 0)
		ps->ps_sigintr |= bit;
	else
		ps->ps_sigintr &= ~bit;
	if (sa->sa_flags & SA_ONSTACK)
		ps->ps_sigonstack |= bit;
	else
		ps->ps_sigonstack &= ~bit;
	/*
	 * Ignored: SIG_IGN, or SIG_DFL where the default is to do nothing.
	 * A pending one is dropped now.  SIGCONT is never marked: it must
	 * still continue a stopped process.
	 */
	if (sa->sa_handler == SIG_IGN ||
	    ((sigprop_table[sig] & SP_IGNORE) && sa->sa_handler == SIG_DFL)) {
		p->p_siglist &= ~bit;
		if (sig != SIGCONT)
			ps->ps_sigignore |= bit;
		ps->ps_sigcatch &= ~bit;
	} else {
		ps->ps_sigignore &= ~bit;
		if (sa->sa_handler == SIG_DFL)
			ps->ps_sigcatch &= ~bit;
		else
			ps->ps_sigcatch |= bit;
	}
	splx(s);
	return 0;
}

/*
 * execsigs: a new program cannot have the old one's handlers: caught
 * signals go back to their default (and those ignored by default to
 * ignored).  Ignored and blocked signals stay so, as POSIX asks.
 */
void
execsigs(struct proc *p)
{
	struct sigacts *ps = p->p_p->ps_sigacts;

	if (ps == nullptr)
		return;
	while (ps->ps_sigcatch != 0) {
		int nc = __builtin_ffs((int)ps->ps_sigcatch);
		sigset_t mask = sigmask(nc);
		ps->ps_sigcatch &= ~mask;
		if (sigprop_table[nc] & SP_IGNORE) {
			if (nc != SIGCONT)
				ps->ps_sigignore |= mask;
			p->p_siglist &= ~mask;
		}
		ps->ps_sigact[nc] = SIG_DFL;
	}
	ps->ps_sigflags &= ~SAS_NOCLDWAIT;
	if (ps->ps_sigact[SIGCHLD] == SIG_IGN) {
		ps->ps_sigact[SIGCHLD] = SIG_DFL;
		/* Still ignored: SIGCHLD's default is to do nothing. */
	}
}

/*
 * psignal: post signal sig to thread p.
 * => any context (interrupt handlers too); does not sleep.
 */
void
psignal(struct proc *p, int sig)
{
	if (sig <= 0 || sig >= NSIG)
		panic("psignal: signal number %d", sig);

	struct process *pr = p->p_p;
	struct sigacts *ps = pr->ps_sigacts;
	sigset_t mask = sigmask(sig);
	int prop = sigprop_table[sig];

	/* A process without signal state (a kernel thread) takes none. */
	if (ps == nullptr || p->p_stat == SZOMB || p->p_stat == SDEAD ||
	    (pr->ps_flags & PS_EXITING))
		return;
	int s = splhigh();
	if (ps->ps_sigignore & mask) {
		splx(s);
		return;
	}
	/* A killing signal restores a niced process's priority, as BSD. */
	bool held = (p->p_sigmask & mask) != 0;
	if (!held && !(ps->ps_sigcatch & mask) && (prop & SP_KILL) &&
	    pr->ps_nice > NZERO)
		pr->ps_nice = NZERO;
	/* A continue cancels pending stops, and a stop a pending continue. */
	if (prop & SP_CONT)
		p->p_siglist &= ~STOPSIGMASK;
	if (prop & SP_STOP)
		p->p_siglist &= ~CONTSIGMASK;
	p->p_siglist |= mask;

	/*
	 * Blocked: it waits in p_siglist.  (A stopped process would still
	 * be continued by SIGCONT; there are no stops yet.)
	 */
	if (held)
		goto out;

	switch (p->p_stat) {
	case SSLEEP:
		/* An uninterruptible sleep finishes first. */
		if ((p->p_flag & P_SINTR) == 0)
			goto out;
		/*
		 * XXX Stop signals would stop the process here; they are
		 * discarded by cursig until job control exists, so there is
		 * no need to wake the sleeper for one with the default
		 * action.
		 */
		if ((prop & SP_STOP) && ps->ps_sigact[sig] == SIG_DFL)
			goto out;
		/* A default SIGCONT to a running process: nothing to do. */
		if ((prop & SP_CONT) && ps->ps_sigact[sig] == SIG_DFL) {
			p->p_siglist &= ~mask;
			goto out;
		}
		/* Wake it, at least at user priority, to act soon. */
		unsleep(p);
		if (p->p_priority > PUSER)
			p->p_priority = PUSER;
		setrunnable(p);
		break;
	case SSTOP:
		/* XXX No stops yet; SIGKILL and SIGCONT would run it here. */
		break;
	default:
		/*
		 * Running (posted from an interrupt or by itself), runnable,
		 * or being created: it looks at p_siglist on its way back to
		 * user mode (userret, and intr_userret after an interrupt).
		 */
		break;
	}
out:
	splx(s);
}

/* prsignal: post sig to process pr (its one thread). */
void
prsignal(struct process *pr, int sig)
{
	psignal(pr->ps_mainproc, sig);
}

/*
 * cursig: the next signal p should act on, or 0: pending, not blocked,
 * and with an action that does something.  Signals whose action turns
 * out to be nothing are taken off p_siglist on the way; the one returned
 * stays there for postsig.  SIGKILL cannot be blocked (sigprocmask
 * never lets it into p_sigmask) or ignored (sigaction refuses).
 * => process context, p == curproc or p's state cannot change under us.
 */
int
cursig(struct proc *p)
{
	struct process *pr = p->p_p;
	struct sigacts *ps = pr->ps_sigacts;

	if (ps == nullptr)
		return 0;
	int s = splhigh();
	for (;;) {
		sigset_t pending = p->p_siglist & ~p->p_sigmask;
		if (pending == 0) {
			splx(s);
			return 0;
		}
		int sig = __builtin_ffs((int)pending);
		sigset_t mask = sigmask(sig);
		int prop = sigprop_table[sig];

		if (ps->ps_sigignore & mask) {
			p->p_siglist &= ~mask;
			continue;
		}
		sig_t action = ps->ps_sigact[sig];
		if (action == SIG_IGN) {
			p->p_siglist &= ~mask;
			continue;
		}
		if (action != SIG_DFL) {
			splx(s);
			return sig;	/* caught: the handler will run */
		}
		/*
		 * The default action.  Process 0 and init take none: the
		 * system must not lose them to a stray signal.
		 */
		if (pr->ps_pid == 0 || pr == initprocess ||
		    (prop & (SP_STOP | SP_IGNORE))) {
			/* XXX SP_STOP: no job control yet; the stop is lost. */
			p->p_siglist &= ~mask;
			continue;
		}
		splx(s);
		return sig;
	}
}

/*
 * postsig: act on signal sig, which cursig returned for p == curproc:
 * take it off the pending list and do what the process asked for.  The
 * default action of the signals cursig lets through is to end the
 * process, and exit1 does not return.
 */
void
postsig(struct proc *p, int sig)
{
	struct sigacts *ps = p->p_p->ps_sigacts;
	sigset_t mask = sigmask(sig);

	KASSERT(sig > 0 && sig < NSIG);
	p->p_siglist &= ~mask;
	sig_t action = ps->ps_sigact[sig];
	if (action == SIG_DFL) {
		/* XXX SP_CORE signals would dump core first (none yet). */
		exit1(p, 0, sig, EXIT_NORMAL);
		/* NOTREACHED */
	}
	if (action == SIG_IGN)
		return;	/* changed since cursig looked: nothing to do */
	/*
	 * XXX A handler: sendsig would build a signal frame on the user
	 * stack and point the trapframe at the handler.  sigaction does not
	 * accept handlers yet, so none can be installed; should one appear,
	 * the process dies of the signal rather than run without it.
	 */
	exit1(p, 0, sig, EXIT_NORMAL);
}

/*
 * trapsignal: a fault of the process's own making (a bad address, an
 * illegal instruction) becomes a signal.  If the process ignores or
 * blocks it, it would fault again at once, forever: as OpenBSD does, the
 * signal is reset to its default and unblocked, so that it kills.
 * trapno, code and addr describe the fault for siginfo (XXX not kept
 * yet).
 * => p == curproc, from trap().
 */
void
trapsignal(struct proc *p, int sig, u_long trapno, int code, vaddr_t addr)
{
	struct sigacts *ps = p->p_p->ps_sigacts;
	sigset_t mask = sigmask(sig);

	if (ps != nullptr &&
	    ((ps->ps_sigignore & mask) || (p->p_sigmask & mask) ||
	    ps->ps_sigact[sig] == SIG_IGN)) {
		int s = splhigh();
		ps->ps_sigact[sig] = SIG_DFL;
		ps->ps_sigignore &= ~mask;
		ps->ps_sigcatch &= ~mask;
		p->p_sigmask &= ~mask;
		splx(s);
	}
	psignal(p, sig);
}

/*
 * cansignal: may p send sig to process qr?  Root may signal anyone, a
 * process itself, anyone in its session SIGCONT; otherwise the real or
 * effective user ids must match the target's real or saved ones.
 */
int
cansignal(struct proc *p, struct process *qr, int sig)
{
	struct ucred *uc = p->p_ucred;
	struct ucred *quc = qr->ps_ucred;

	if (uc->cr_uid == 0)
		return 1;
	if (p->p_p == qr)
		return 1;
	if (sig == SIGCONT && qr->ps_pgrp != nullptr &&
	    p->p_p->ps_pgrp != nullptr &&
	    qr->ps_pgrp->pg_session == p->p_p->ps_pgrp->pg_session)
		return 1;
	if (uc->cr_ruid == quc->cr_ruid || uc->cr_ruid == quc->cr_svuid ||
	    uc->cr_uid == quc->cr_ruid || uc->cr_uid == quc->cr_svuid)
		return 1;
	return 0;
}

/* Signals go to user processes only, living ones. */
static bool
signalable(struct process *pr)
{
	return (pr->ps_flags & (PS_SYSTEM | PS_EXITING | PS_ZOMBIE)) == 0;
}

/*
 * pgsignal: post sig to every member of process group pg.  Returns how
 * many were signalled.
 */
int
pgsignal(struct pgrp *pg, int sig)
{
	int n = 0;

	if (pg == nullptr)
		return 0;
	for (struct process *pr : allprocess)
		if (pr->ps_pgrp == pg && signalable(pr)) {
			prsignal(pr, sig);
			n++;
		}
	return n;
}

/*
 * killpg1: kill(2) for a group (pgid, 0 for the caller's own) or, with
 * all, every process but the system's, init and the caller.  ESRCH if
 * there was no one the caller may signal.
 */
static int
killpg1(struct proc *cp, int sig, pid_t pgid, int all)
{
	struct pgrp *pg = nullptr;
	int nfound = 0;

	if (!all) {
		pg = pgid == 0 ? cp->p_p->ps_pgrp : pgfind(pgid);
		if (pg == nullptr)
			return ESRCH;
	}
	for (struct process *pr : allprocess) {
		if (pr->ps_pid == 0 || pr == initprocess || !signalable(pr))
			continue;
		if (all ? pr == cp->p_p : pr->ps_pgrp != pg)
			continue;
		if (!cansignal(cp, pr, sig))
			continue;
		nfound++;
		if (sig != 0)
			prsignal(pr, sig);
	}
	return nfound ? 0 : ESRCH;
}

/*
 * kill(2): pid > 0 one process, 0 the caller's group, -1 everyone the
 * caller may signal, < -1 the group -pid.  sig 0 only checks.
 */
int
sys_kill(struct proc *cp, void *v, register_t *retval)
{
	struct sys_kill_args *uap = (struct sys_kill_args *)v;
	int pid = SCARG(uap, pid);
	int sig = SCARG(uap, signum);

	if ((u_int)sig >= NSIG)
		return EINVAL;
	if (pid > 0) {
		struct process *pr = prfind(pid);
		if (pr == nullptr)
			return ESRCH;
		if (pr->ps_flags & PS_SYSTEM)
			return EPERM;
		if (!cansignal(cp, pr, sig))
			return EPERM;
		/* A zombie still exists (kill succeeds) but takes nothing. */
		if (sig != 0 && signalable(pr))
			prsignal(pr, sig);
		return 0;
	}
	if (pid == -1)
		return killpg1(cp, sig, 0, 1);
	if (pid == 0)
		return killpg1(cp, sig, 0, 0);
	return killpg1(cp, sig, -pid, 0);
}

/*
 * sigaction(2): report the action for signum in *osa, then install *nsa.
 * SIGKILL and SIGSTOP cannot be changed.
 */
int
sys_sigaction(struct proc *p, void *v, register_t *retval)
{
	struct sys_sigaction_args *uap = (struct sys_sigaction_args *)v;
	struct sigacts *ps = p->p_p->ps_sigacts;
	int sig = SCARG(uap, signum);
	const struct sigaction *nsa = SCARG(uap, nsa);
	struct sigaction *osa = SCARG(uap, osa);
	struct sigaction vec;
	int error;

	if (sig <= 0 || sig >= NSIG ||
	    (nsa != nullptr && (sig == SIGKILL || sig == SIGSTOP)))
		return EINVAL;
	if (osa != nullptr) {
		sigset_t bit = sigmask(sig);
		memset(&vec, 0, sizeof(vec));
		vec.sa_handler = ps->ps_sigact[sig];
		vec.sa_mask = ps->ps_catchmask[sig];
		if (ps->ps_sigonstack & bit)
			vec.sa_flags |= SA_ONSTACK;
		if ((ps->ps_sigintr & bit) == 0)
			vec.sa_flags |= SA_RESTART;
		if (ps->ps_sigreset & bit)
			vec.sa_flags |= SA_RESETHAND;
		if (ps->ps_siginfo & bit)
			vec.sa_flags |= SA_SIGINFO;
		if (sig == SIGCHLD) {
			if (ps->ps_sigflags & SAS_NOCLDSTOP)
				vec.sa_flags |= SA_NOCLDSTOP;
			if (ps->ps_sigflags & SAS_NOCLDWAIT)
				vec.sa_flags |= SA_NOCLDWAIT;
		}
		if ((vec.sa_mask & bit) == 0)
			vec.sa_flags |= SA_NODEFER;
		vec.sa_mask &= ~bit;
		if ((error = copyout(&vec, osa, sizeof(vec))) != 0)
			return error;
	}
	if (nsa != nullptr) {
		if ((error = copyin(nsa, &vec, sizeof(vec))) != 0)
			return error;
		/*
		 * XXX Handlers need sendsig and sigreturn, a later issue:
		 * until then only SIG_DFL and SIG_IGN are accepted.
		 */
		if (vec.sa_handler != SIG_DFL && vec.sa_handler != SIG_IGN)
			return EINVAL;
		return setsigvec(p, sig, &vec);
	}
	return 0;
}

/*
 * sigprocmask(2): change the blocked set.  The new mask comes by value
 * and the old one goes back as the return value (OpenBSD's convention;
 * libc's sigprocmask(3) turns that into pointers).  SIGKILL and SIGSTOP
 * cannot be blocked.
 */
int
sys_sigprocmask(struct proc *p, void *v, register_t *retval)
{
	struct sys_sigprocmask_args *uap = (struct sys_sigprocmask_args *)v;
	sigset_t mask = SCARG(uap, mask);
	int error = 0;

	retval[0] = (register_t)p->p_sigmask;
	int s = splhigh();
	switch (SCARG(uap, how)) {
	case SIG_BLOCK:
		p->p_sigmask |= mask & ~SIGCANTMASK;
		break;
	case SIG_UNBLOCK:
		p->p_sigmask &= ~mask;
		break;
	case SIG_SETMASK:
		p->p_sigmask = mask & ~SIGCANTMASK;
		break;
	default:
		error = EINVAL;
		break;
	}
	splx(s);
	return error;
}
