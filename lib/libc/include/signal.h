/*
 * <signal.h>: signals, OpenBSD's numbers and struct sigaction.
 *
 * XXX These belong in the kernel's <sys/signal.h>, which does not exist
 * yet; when it does (C-compatible), this header should include it and
 * keep only the libc prototypes, so the numbers have one definition.
 */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define SIGHUP		1	/* hangup */
#define SIGINT		2	/* interrupt */
#define SIGQUIT		3	/* quit */
#define SIGILL		4	/* illegal instruction */
#define SIGTRAP		5	/* trace trap */
#define SIGABRT		6	/* abort() */
#define SIGIOT		SIGABRT
#define SIGEMT		7	/* EMT instruction */
#define SIGFPE		8	/* floating point exception */
#define SIGKILL		9	/* kill (cannot be caught or ignored) */
#define SIGBUS		10	/* bus error */
#define SIGSEGV		11	/* segmentation violation */
#define SIGSYS		12	/* bad argument to system call */
#define SIGPIPE		13	/* write on a pipe with no one to read it */
#define SIGALRM		14	/* alarm clock */
#define SIGTERM		15	/* software termination signal from kill */
#define SIGURG		16	/* urgent condition on IO channel */
#define SIGSTOP		17	/* sendable stop signal not from tty */
#define SIGTSTP		18	/* stop signal from tty */
#define SIGCONT		19	/* continue a stopped process */
#define SIGCHLD		20	/* to parent on child stop or exit */
#define SIGTTIN		21	/* to readers pgrp upon background tty read */
#define SIGTTOU		22	/* like TTIN for output */
#define SIGIO		23	/* input/output possible signal */
#define SIGXCPU		24	/* exceeded CPU time limit */
#define SIGXFSZ		25	/* exceeded file size limit */
#define SIGVTALRM	26	/* virtual time alarm */
#define SIGPROF		27	/* profiling time alarm */
#define SIGWINCH	28	/* window size changes */
#define SIGINFO		29	/* information request */
#define SIGUSR1		30	/* user defined signal 1 */
#define SIGUSR2		31	/* user defined signal 2 */
#define SIGTHR		32	/* thread library AST */
#define NSIG		33	/* counting 0 */

typedef unsigned int	sigset_t;
typedef int		sig_atomic_t;
typedef void		(*sig_t)(int);

#define SIG_DFL		((void (*)(int))0)
#define SIG_IGN		((void (*)(int))1)
#define SIG_ERR		((void (*)(int))-1)

struct sigaction {
	void	(*sa_handler)(int);	/* signal handler, SIG_DFL, SIG_IGN */
	sigset_t sa_mask;		/* signals to block while it runs */
	int	sa_flags;		/* SA_* below */
};

#define SA_ONSTACK	0x0001	/* take signal on signal stack */
#define SA_RESTART	0x0002	/* restart system on signal return */
#define SA_RESETHAND	0x0004	/* reset to SIG_DFL when taking signal */
#define SA_NOCLDSTOP	0x0008	/* do not generate SIGCHLD on child stop */
#define SA_NODEFER	0x0010	/* don't mask the signal we're delivering */
#define SA_NOCLDWAIT	0x0020	/* don't create zombies */
#define SA_SIGINFO	0x0040	/* generate siginfo_t */

#define SIG_BLOCK	1	/* block specified signal set */
#define SIG_UNBLOCK	2	/* unblock specified signal set */
#define SIG_SETMASK	3	/* set specified signal set */

#define sigaddset(s, n)		(*(s) |= 1U << ((n) - 1), 0)
#define sigdelset(s, n)		(*(s) &= ~(1U << ((n) - 1)), 0)
#define sigemptyset(s)		(*(s) = 0, 0)
#define sigfillset(s)		(*(s) = ~(sigset_t)0, 0)
#define sigismember(s, n)	((*(s) & (1U << ((n) - 1))) != 0)

__BEGIN_DECLS
int	kill(pid_t pid, int sig);
int	raise(int sig);
int	sigaction(int sig, const struct sigaction *act,
	    struct sigaction *oact);
void	(*signal(int sig, void (*fn)(int)))(int);
int	sigprocmask(int how, const sigset_t *set, sigset_t *oset);
__END_DECLS

#endif /* !_SIGNAL_H_ */
