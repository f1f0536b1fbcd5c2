/*
 * <sys/wait.h>: the status word wait4(2) fills, and its options.
 *
 * The encoding is OpenBSD's (and every Unix's since V7): the low 7 bits
 * are the signal that ended the process (0 for a normal exit; 0177 for a
 * process that stopped), bit 7 says a core was dumped, and the next byte
 * is the exit status, or the signal that stopped it.  The kernel builds
 * it with W_EXITCODE and W_STOPCODE; programs take it apart with the
 * W* macros.  C-compatible: libc's <sys/wait.h> includes this one.
 * Mirrors OpenBSD's sys/sys/wait.h.
 */
#ifndef _SYS_WAIT_H_
#define _SYS_WAIT_H_

#define _WSTATUS(x)	((x) & 0177)
#define _WSTOPPED	0177		/* _WSTATUS if process is stopped */
#define _WCONTINUED	0177777		/* process has continued */
#define WIFSTOPPED(x)	(((x) & 0xff) == _WSTOPPED)
#define WSTOPSIG(x)	(int)(((unsigned)(x) >> 8) & 0xff)
#define WIFSIGNALED(x)	(_WSTATUS(x) != _WSTOPPED && _WSTATUS(x) != 0)
#define WTERMSIG(x)	(_WSTATUS(x))
#define WIFEXITED(x)	(_WSTATUS(x) == 0)
#define WEXITSTATUS(x)	(int)(((unsigned)(x) >> 8) & 0xff)
#define WIFCONTINUED(x)	(((x) & _WCONTINUED) == _WCONTINUED)
#define WCOREFLAG	0200
#define WCOREDUMP(x)	((x) & WCOREFLAG)

#define W_EXITCODE(ret, sig)	((ret) << 8 | (sig))
#define W_STOPCODE(sig)		((sig) << 8 | _WSTOPPED)

/* wait4's options. */
#define WNOHANG		0x01	/* don't hang in wait */
#define WUNTRACED	0x02	/* tell about stopped, untraced children */
#define WSTOPPED	WUNTRACED
#define WCONTINUED	0x08	/* report a job control continued process */

/* wait4's pid: any child, or any in the caller's process group. */
#define WAIT_ANY	(-1)
#define WAIT_MYPGRP	0

#endif /* !_SYS_WAIT_H_ */
