/*
 * <sys/signal.h>: signal numbers, signal sets and struct sigaction.
 *
 * A signal is a small integer, 1 to NSIG - 1, that one process (kill(2)),
 * the kernel (a fault, a child's exit, the terminal) or the process itself
 * posts to a process.  Each process says, per signal, what it wants done
 * (struct sigaction: the default action, ignore it, or run a handler) and
 * which signals it holds back for now (its mask, sigprocmask(2)).  A set
 * of signals is one bit per signal in an unsigned int: signal n is bit
 * n - 1, so sigmask(n) is the set holding only n.
 *
 * The numbers, the flags and the layout of struct sigaction are
 * OpenBSD's (sys/sys/signal.h), so a program and OpenBSD's manual pages
 * agree with this kernel.  User programs read this header through libc's
 * <signal.h>, in C or C++; what only the kernel needs lives in
 * <sys/signalvar.h>.
 */
#ifndef _SYS_SIGNAL_H_
#define _SYS_SIGNAL_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define NSIG		33	/* counting 0: signals are 1 to NSIG - 1 */

#define SIGHUP		1	/* hangup */
#define SIGINT		2	/* interrupt */
#define SIGQUIT		3	/* quit */
#define SIGILL		4	/* illegal instruction */
#define SIGTRAP		5	/* trace trap */
#define SIGABRT		6	/* abort() */
#define SIGIOT		SIGABRT	/* compatibility */
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

/*
 * The special "handlers".  They are casts of small integers, never
 * called: the kernel compares a handler with them before it would run it.
 */
#define SIG_DFL		((void (*)(int))0)	/* the default action */
#define SIG_IGN		((void (*)(int))1)	/* discard the signal */
#define SIG_ERR		((void (*)(int))-1)	/* signal(3)'s failure */
#define SIG_HOLD	((void (*)(int))3)	/* (sigset(3); unused) */

typedef unsigned int	sigset_t;	/* one bit per signal */
typedef int		sig_atomic_t;	/* read or written in one go */
typedef void		(*sig_t)(int);	/* a handler, as BSD names it */

/* The set holding only signal n. */
#define sigmask(n)	(1U << ((n) - 1))

/* A value passed with a signal (sigqueue(3), siginfo); kept for its shape. */
union sigval {
	int	sival_int;	/* integer value */
	void	*sival_ptr;	/* pointer value */
};

/*
 * XXX siginfo_t (<sys/siginfo.h>) comes with signal delivery to handlers;
 * until then only a pointer to one can be named.
 */
struct __siginfo;
typedef struct __siginfo siginfo_t;

/* What a process wants done with one signal: sigaction(2). */
struct sigaction {
	union {		/* signal handler, SIG_DFL or SIG_IGN */
		void	(*__sa_handler)(int);
		void	(*__sa_sigaction)(int, siginfo_t *, void *);
	} __sigaction_u;
	sigset_t sa_mask;	/* signals to block while it runs */
	int	sa_flags;	/* SA_* below */
};
#define sa_handler	__sigaction_u.__sa_handler
#define sa_sigaction	__sigaction_u.__sa_sigaction

/* sa_flags */
#define SA_ONSTACK	0x0001	/* take signal on signal stack */
#define SA_RESTART	0x0002	/* restart system call on signal return */
#define SA_RESETHAND	0x0004	/* reset to SIG_DFL when taking signal */
#define SA_NOCLDSTOP	0x0008	/* do not generate SIGCHLD on child stop */
#define SA_NODEFER	0x0010	/* don't mask the signal we're delivering */
#define SA_NOCLDWAIT	0x0020	/* don't create zombies (assign to pid 1) */
#define SA_SIGINFO	0x0040	/* generate siginfo_t */

/* sigprocmask(2)'s "how" */
#define SIG_BLOCK	1	/* block specified signal set */
#define SIG_UNBLOCK	2	/* unblock specified signal set */
#define SIG_SETMASK	3	/* set specified signal set */

/* The machine's saved registers for sigreturn(2) (<machine/signal.h>). */
struct sigcontext;

#ifdef _KERNEL
/*
 * XXX The generated <sys/syscallargs.h>, which the system call table
 * includes after this header, names two types that have no header of
 * their own yet: clockid_t (OpenBSD's <sys/types.h>) and fd_set
 * (<sys/select.h>).  Until they do, they are declared here; repeating a
 * typedef of the same type is legal, so the real ones may come in
 * beside these, which should then be deleted.
 */
typedef int32_t		clockid_t;
struct fd_set;
typedef struct fd_set	fd_set;
#endif /* _KERNEL */

#endif /* !_SYS_SIGNAL_H_ */
