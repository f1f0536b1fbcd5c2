/*
 * <sys/signalvar.h>: the kernel's side of signals (kern/kern_sig.cc).
 *
 * A process's wishes for each signal live in its struct sigacts (one per
 * process, p->p_p->ps_sigacts): the handler or SIG_DFL/SIG_IGN, the mask
 * a handler runs under, and sets derived from them so that the hot paths
 * test a bit instead of walking the table.  What is pending and what is
 * blocked are per thread: p->p_siglist and p->p_sigmask in struct proc.
 *
 * The life of a signal, as in OpenBSD:
 *   psignal(p, sig)    posts it: sets the bit in p_siglist and wakes the
 *                      thread if it sleeps interruptibly (tsleep PCATCH);
 *   cursig(p)          on the way back to user mode (userret), the next
 *                      signal that is pending, not blocked, not ignored;
 *   postsig(p, sig)    acts on it: the default action (terminate, or
 *                      nothing) or, later, the handler.
 *
 * Mirrors OpenBSD's sys/sys/signalvar.h.  Kernel only.
 */
#ifndef _SYS_SIGNALVAR_H_
#define _SYS_SIGNALVAR_H_

#ifndef _KERNEL
#error "<sys/signalvar.h> is for the kernel"
#endif

#include <sys/types.h>
#include <sys/signal.h>

struct proc;
struct process;
struct pgrp;

/*
 * Per-process signal actions.  Protected by [K]: only the process's own
 * threads change it (sigaction, execsigs), and psignal reads it.
 */
struct sigacts {
	sig_t	ps_sigact[NSIG];	/* [K] disposition of signals */
	sigset_t ps_catchmask[NSIG];	/* [K] signals to be blocked */
	sigset_t ps_sigonstack;		/* [K] signals to take on sigstack */
	sigset_t ps_sigintr;		/* [K] signals interrupt syscalls */
	sigset_t ps_sigreset;		/* [K] signals that reset when caught */
	sigset_t ps_siginfo;		/* [K] signals that provide siginfo */
	sigset_t ps_sigignore;		/* [K] signals being ignored */
	sigset_t ps_sigcatch;		/* [K] signals being caught by user */
	int	ps_sigflags;		/* [K] SAS_* below */
};

/* ps_sigflags */
#define SAS_NOCLDSTOP	0x01	/* no SIGCHLD when children stop */
#define SAS_NOCLDWAIT	0x02	/* no zombies: children go to init */

/* Every signal; the ones a process can never block or catch. */
#define ALL_SIGS	(~(sigset_t)0)
#define SIGCANTMASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))

/*
 * Signal properties (sigprop(), from the table in kern_sig.cc): what the
 * default action of each signal is.  OpenBSD's SA_* of signalvar.h, given
 * the SP_ prefix here so they cannot be confused with sa_flags' SA_*.
 */
#define SP_KILL		0x01	/* terminates process by default */
#define SP_CORE		0x02	/* ditto and dumps core (no cores yet) */
#define SP_STOP		0x04	/* suspend process */
#define SP_TTYSTOP	0x08	/* ditto, from tty */
#define SP_IGNORE	0x10	/* ignore by default */
#define SP_CONT		0x20	/* continue if suspended */

__BEGIN_DECLS
extern struct sigacts sigacts0;		/* process0's */

int	sigprop(int sig);
void	psignal(struct proc *p, int sig);
int	cursig(struct proc *p);
void	postsig(struct proc *p, int sig);
void	trapsignal(struct proc *p, int sig, u_long trapno, int code,
	    vaddr_t addr);
void	prsignal(struct process *pr, int sig);
int	pgsignal(struct pgrp *pgrp, int sig);
void	siginit(struct sigacts *ps);
struct sigacts *sigactsinit(struct process *parent);
void	sigactsfree(struct sigacts *ps);
void	execsigs(struct proc *p);
int	setsigvec(struct proc *p, int sig, const struct sigaction *sa);
int	cansignal(struct proc *p, struct process *qr, int sig);
__END_DECLS

#endif /* !_SYS_SIGNALVAR_H_ */
