/*
 * <signal.h>: signals.  The numbers, sigset_t, struct sigaction and the
 * SA_* and SIG_* values are the kernel's <sys/signal.h> (OpenBSD's), so
 * each has one definition; this header adds the signal set operations
 * and the C library's functions.
 */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/signal.h>

#define sigaddset(s, n)		(*(s) |= sigmask(n), 0)
#define sigdelset(s, n)		(*(s) &= ~sigmask(n), 0)
#define sigemptyset(s)		(*(s) = 0, 0)
#define sigfillset(s)		(*(s) = ~(sigset_t)0, 0)
#define sigismember(s, n)	((*(s) & sigmask(n)) != 0)

__BEGIN_DECLS
int	kill(pid_t pid, int sig);
int	raise(int sig);
int	sigaction(int sig, const struct sigaction *act,
	    struct sigaction *oact);
void	(*signal(int sig, void (*fn)(int)))(int);
int	sigprocmask(int how, const sigset_t *set, sigset_t *oset);
void	psignal(unsigned int sig, const char *msg);
__END_DECLS

#endif /* !_SIGNAL_H_ */
