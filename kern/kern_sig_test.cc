/*
 * kern_sig_test.cc: in-kernel tests of signal bookkeeping and of process
 * groups, without a user process.
 *
 *  - sig_actions: setsigvec keeps the derived sets (ignore, catch,
 *    interrupt) in step with the actions; execsigs forgets handlers.
 *  - sig_post: psignal and cursig on a thread that is not running:
 *    ignored signals vanish, blocked ones wait, default-ignored ones are
 *    dropped by cursig, SIGCONT cancels stops.
 *  - sig_trapsignal: a fault's signal that is blocked or ignored is reset
 *    so that it kills.
 *  - sig_pcatch: a kernel thread in tsleep(PCATCH) is woken by psignal
 *    and gets ERESTART (EINTR once the signal interrupts system calls);
 *    a signal posted before the sleep is seen before sleeping.
 *  - pgrp_enter_leave: groups and sessions are made, joined, counted and
 *    freed as processes move (setpgid, setsid and exit's paths).
 *
 * The threads tested are made by hand (a struct proc and struct process
 * on the stack, on no queue), so their state can be set at will; only
 * sig_pcatch runs a real thread.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <machine/intr.h>

/* A thread and process that exist for the test only. */
struct fakeproc {
	struct proc	fp_p;
	struct process	fp_pr;
	struct sigacts	fp_ps;
};

static void
fake_init(struct fakeproc *fp, pid_t pid)
{
	memset(fp, 0, sizeof(*fp));
	fp->fp_p.p_p = &fp->fp_pr;
	fp->fp_p.p_tid = pid;
	fp->fp_p.p_stat = SRUN;		/* "runnable": psignal only marks */
	fp->fp_pr.ps_mainproc = &fp->fp_p;
	fp->fp_pr.ps_pid = pid;
	fp->fp_pr.ps_nice = NZERO;
	fp->fp_pr.ps_sigacts = &fp->fp_ps;
	fp->fp_pr.ps_pptr = &process0;
	siginit(&fp->fp_ps);
}

static int
set_action(struct proc *p, int sig, sig_t handler, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	return setsigvec(p, sig, &sa);
}

/* A handler address for bookkeeping only: it is never run. */
static void
fake_handler(int)
{
}

static int
test_sig_actions(void)
{
	static struct fakeproc fp;
	fake_init(&fp, 900);
	struct proc *p = &fp.fp_p;
	struct sigacts *ps = &fp.fp_ps;

	/* siginit: default-ignored signals, but SIGCONT, are ignored. */
	if (!(ps->ps_sigignore & sigmask(SIGCHLD)) ||
	    !(ps->ps_sigignore & sigmask(SIGWINCH)) ||
	    (ps->ps_sigignore & sigmask(SIGCONT)) ||
	    (ps->ps_sigignore & sigmask(SIGTERM)))
		return ktest_fail("siginit ignore set %#x", ps->ps_sigignore);

	(void)set_action(p, SIGTERM, SIG_IGN, 0);
	if (!(ps->ps_sigignore & sigmask(SIGTERM)))
		return ktest_fail("SIG_IGN not in ps_sigignore");
	(void)set_action(p, SIGTERM, SIG_DFL, SA_RESTART);
	if ((ps->ps_sigignore & sigmask(SIGTERM)) ||
	    (ps->ps_sigintr & sigmask(SIGTERM)))
		return ktest_fail("SIG_DFL/SA_RESTART: ignore %#x intr %#x",
		    ps->ps_sigignore, ps->ps_sigintr);
	(void)set_action(p, SIGUSR1, fake_handler, 0);
	if (!(ps->ps_sigcatch & sigmask(SIGUSR1)) ||
	    !(ps->ps_sigintr & sigmask(SIGUSR1)) ||
	    !(ps->ps_catchmask[SIGUSR1] & sigmask(SIGUSR1)))
		return ktest_fail("handler: catch %#x intr %#x mask %#x",
		    ps->ps_sigcatch, ps->ps_sigintr,
		    ps->ps_catchmask[SIGUSR1]);
	/* SIGCHLD caught, then exec: back to the default, ignored. */
	(void)set_action(p, SIGCHLD, fake_handler, 0);
	if (ps->ps_sigignore & sigmask(SIGCHLD))
		return ktest_fail("caught SIGCHLD still ignored");
	(void)set_action(p, SIGHUP, SIG_IGN, 0);
	execsigs(p);
	if (ps->ps_sigcatch != 0 || ps->ps_sigact[SIGUSR1] != SIG_DFL ||
	    !(ps->ps_sigignore & sigmask(SIGCHLD)))
		return ktest_fail("execsigs: catch %#x ignore %#x",
		    ps->ps_sigcatch, ps->ps_sigignore);
	if (ps->ps_sigact[SIGHUP] != SIG_IGN)
		return ktest_fail("execsigs reset an ignored signal");
	return 0;
}
KTEST_DEFINE(sig_actions, test_sig_actions, 0);

static int
test_sig_post(void)
{
	static struct fakeproc fp;
	fake_init(&fp, 901);
	struct proc *p = &fp.fp_p;

	/* Ignored: never pending. */
	(void)set_action(p, SIGINT, SIG_IGN, 0);
	psignal(p, SIGINT);
	if (p->p_siglist != 0)
		return ktest_fail("ignored SIGINT pending: %#x", p->p_siglist);
	/* Default-ignored: ps_sigignore drops it at once, too. */
	psignal(p, SIGCHLD);
	if (p->p_siglist != 0)
		return ktest_fail("SIGCHLD pending: %#x", p->p_siglist);

	/* Blocked: pending, but not deliverable until unblocked. */
	p->p_sigmask = sigmask(SIGTERM);
	psignal(p, SIGTERM);
	if (p->p_siglist != sigmask(SIGTERM))
		return ktest_fail("blocked SIGTERM: siglist %#x", p->p_siglist);
	if (int sig = cursig(p); sig != 0)
		return ktest_fail("cursig gave blocked signal %d", sig);
	p->p_sigmask = 0;
	if (int sig = cursig(p); sig != SIGTERM)
		return ktest_fail("cursig gave %d, not SIGTERM", sig);
	if (p->p_siglist != sigmask(SIGTERM))
		return ktest_fail("cursig took SIGTERM off the list");

	/* The lowest-numbered deliverable one comes first. */
	psignal(p, SIGHUP);
	if (int sig = cursig(p); sig != SIGHUP)
		return ktest_fail("cursig gave %d, not SIGHUP", sig);
	p->p_siglist = 0;

	/* A continue cancels a pending stop; cursig drops both (no stops). */
	psignal(p, SIGTSTP);
	psignal(p, SIGCONT);
	if (p->p_siglist != sigmask(SIGCONT))
		return ktest_fail("SIGCONT left %#x", p->p_siglist);
	if (int sig = cursig(p); sig != 0 || p->p_siglist != 0)
		return ktest_fail("cursig gave %d, siglist %#x", sig,
		    p->p_siglist);

	/* SIGKILL cannot be blocked (sigprocmask keeps it out of the mask). */
	p->p_sigmask = ALL_SIGS & ~SIGCANTMASK;
	psignal(p, SIGKILL);
	if (int sig = cursig(p); sig != SIGKILL)
		return ktest_fail("cursig gave %d, not SIGKILL", sig);

	/* Process 0 (and init) take no default actions. */
	fp.fp_pr.ps_pid = 0;
	if (int sig = cursig(p); sig != 0 || p->p_siglist != 0)
		return ktest_fail("process 0: cursig gave %d", sig);
	return 0;
}
KTEST_DEFINE(sig_post, test_sig_post, 0);

static int
test_sig_trapsignal(void)
{
	static struct fakeproc fp;
	fake_init(&fp, 902);
	struct proc *p = &fp.fp_p;

	(void)set_action(p, SIGSEGV, SIG_IGN, 0);
	trapsignal(p, SIGSEGV, 14, 0, 0x1000);
	if (fp.fp_ps.ps_sigact[SIGSEGV] != SIG_DFL ||
	    cursig(p) != SIGSEGV)
		return ktest_fail("ignored SIGSEGV not reset");
	p->p_siglist = 0;
	p->p_sigmask = sigmask(SIGBUS);
	trapsignal(p, SIGBUS, 14, 0, 0x1000);
	if (p->p_sigmask != 0 || cursig(p) != SIGBUS)
		return ktest_fail("blocked SIGBUS not unblocked");
	return 0;
}
KTEST_DEFINE(sig_trapsignal, test_sig_trapsignal, 0);

/*
 * sig_pcatch: a kernel thread given signal state sleeps with PCATCH; the
 * test posts it a signal and looks at what tsleep returned.
 */
struct catcher {
	struct proc	*c_p;
	int		c_presignal;	/* psignal itself before sleeping */
	volatile int	c_error;	/* tsleep's answer, -100 until then */
	volatile int	c_asleep;
};

static int catchchan;

static void
catcher_main(void *arg)
{
	struct catcher *c = (struct catcher *)arg;
	struct proc *p = curproc;

	if (c->c_presignal)
		psignal(p, SIGUSR2);
	c->c_asleep = 1;
	/* A long timeout: only a signal should end this sleep. */
	c->c_error = tsleep(&catchchan, PWAIT | PCATCH, "catch", 10 * hz);
	p->p_siglist = 0;	/* the thread has no userret to take it */
	kthread_exit(0);
}

static int
run_catcher(int presignal, int intr, int *errorp)
{
	static struct catcher c;
	static int pause;

	c.c_presignal = presignal;
	c.c_error = -100;
	c.c_asleep = 0;
	if (kthread_create(catcher_main, &c, &c.c_p, "catcher"))
		return ktest_fail("kthread_create failed");
	/* Kernel threads have no signal state; this one gets some. */
	c.c_p->p_p->ps_sigacts = sigactsinit(nullptr);
	if (intr)
		c.c_p->p_p->ps_sigacts->ps_sigintr |= sigmask(SIGUSR2);
	for (int i = 0; i < 50 && !c.c_asleep; i++)
		(void)tsleep(&pause, PWAIT, "pause", 1);
	if (!presignal) {
		(void)tsleep(&pause, PWAIT, "pause", 2);
		psignal(c.c_p, SIGUSR2);
	}
	for (int i = 0; i < 100 && c.c_error == -100; i++)
		(void)tsleep(&pause, PWAIT, "pause", 1);
	*errorp = c.c_error;
	return 0;
}

static int
test_sig_pcatch(void)
{
	int error, err;

	if ((err = run_catcher(0, 0, &error)) != 0)
		return err;
	if (error != ERESTART)
		return ktest_fail("signal while asleep: tsleep gave %d", error);
	if ((err = run_catcher(0, 1, &error)) != 0)
		return err;
	if (error != EINTR)
		return ktest_fail("interrupting signal: tsleep gave %d", error);
	if ((err = run_catcher(1, 0, &error)) != 0)
		return err;
	if (error != ERESTART)
		return ktest_fail("signal before sleep: tsleep gave %d", error);
	return 0;
}
KTEST_DEFINE(sig_pcatch, test_sig_pcatch, 0);

/* Groups and sessions as processes move between them. */
static int
test_pgrp_enter_leave(void)
{
	static struct fakeproc a, b;
	int err = 0;

	fake_init(&a, 90001);
	fake_init(&b, 90002);
	struct pgrp *pg0 = process0.ps_pgrp;
	int members0 = pg0->pg_nmembers;
	pgrp_fork(&process0, &a.fp_pr);
	if (a.fp_pr.ps_pgrp != pg0 || pg0->pg_nmembers != members0 + 1)
		return ktest_fail("fork did not join the parent's group");

	/* a: setsid.  A new session and group, both 90001. */
	if (enterpgrp(&a.fp_pr, 90001, pgrp_alloc(), session_alloc()) != 0)
		return ktest_fail("enterpgrp failed");
	struct pgrp *pga = pgfind(90001);
	if (pga == nullptr || a.fp_pr.ps_pgrp != pga ||
	    pga->pg_session->s_leader != &a.fp_pr ||
	    pga->pg_session->s_sid != 90001 || !SESS_LEADER(&a.fp_pr))
		return ktest_fail("setsid: group %p", pga);
	if (pg0->pg_nmembers != members0)
		return ktest_fail("group 0 has %d members, not %d",
		    pg0->pg_nmembers, members0);

	/* b, a's child, starts in a's group, then makes its own. */
	pgrp_fork(&a.fp_pr, &b.fp_pr);
	if (pga->pg_nmembers != 2)
		return ktest_fail("a's group has %d members", pga->pg_nmembers);
	if (enterpgrp(&b.fp_pr, 90002, pgrp_alloc(), nullptr) != 0)
		return ktest_fail("enterpgrp failed");
	struct pgrp *pgb = pgfind(90002);
	if (pgb == nullptr || pgb->pg_session != pga->pg_session ||
	    pga->pg_session->s_count != 2 || SESS_LEADER(&b.fp_pr) ||
	    pga->pg_nmembers != 1)
		return ktest_fail("b's group not in a's session");

	/* pgsignal reaches only processes on allprocess: none here. */
	if (pgsignal(pgb, SIGTERM) != 0)
		err = ktest_fail("pgsignal found processes not on allprocess");

	/* b back to a's group (setpgid): its own group goes. */
	enterthispgrp(&b.fp_pr, pga);
	if (pgfind(90002) != nullptr || pga->pg_session->s_count != 1 ||
	    pga->pg_nmembers != 2)
		return ktest_fail("b's empty group not deleted");

	/* Exits: the group goes with its last member, the session too. */
	leavepgrp(&a.fp_pr);
	if (pgfind(90001) != pga || pga->pg_session->s_leader != nullptr)
		return ktest_fail("a's leaving: group or leader wrong");
	leavepgrp(&b.fp_pr);
	if (pgfind(90001) != nullptr || b.fp_pr.ps_pgrp != nullptr)
		return ktest_fail("a's group not deleted");
	if (pg0->pg_nmembers != members0)
		return ktest_fail("group 0 has %d members, not %d",
		    pg0->pg_nmembers, members0);
	return err;
}
KTEST_DEFINE(pgrp_enter_leave, test_pgrp_enter_leave, 0);
