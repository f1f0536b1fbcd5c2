/*
 * <sys/wait.h>: wait4(2) and the status word it fills, OpenBSD's
 * encoding: the low 7 bits are the signal that ended the process (0 for
 * a normal exit, 0177 for stopped), bit 7 says a core was dumped, and the
 * next byte is the exit status or the stopping signal.
 */
#ifndef _SYS_WAIT_H_
#define _SYS_WAIT_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define _WSTATUS(x)	((x) & 0177)
#define _WSTOPPED	0177
#define WIFSTOPPED(x)	(((x) & 0xff) == _WSTOPPED)
#define WSTOPSIG(x)	(((x) >> 8) & 0xff)
#define WIFSIGNALED(x)	(_WSTATUS(x) != _WSTOPPED && _WSTATUS(x) != 0)
#define WTERMSIG(x)	(_WSTATUS(x))
#define WIFEXITED(x)	(_WSTATUS(x) == 0)
#define WEXITSTATUS(x)	(((x) >> 8) & 0xff)
#define WCOREDUMP(x)	((x) & 0200)

#define WNOHANG		1	/* don't hang in wait */
#define WUNTRACED	2	/* tell about stopped, untraced children */
#define WCONTINUED	8	/* report a job control continued process */

#define WAIT_ANY	(-1)
#define WAIT_MYPGRP	0

struct rusage;

__BEGIN_DECLS
pid_t	wait(int *status);
pid_t	waitpid(pid_t pid, int *status, int options);
pid_t	wait4(pid_t pid, int *status, int options, struct rusage *ru);
__END_DECLS

#endif /* !_SYS_WAIT_H_ */
