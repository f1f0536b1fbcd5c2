/*
 * kern_prot.cc: who a process is: its ids (getpid, getppid), its user
 * and group ids (getuid ... setegid), and its process group and session
 * (getpgid, setpgid, setsid).
 *
 * User and group ids live in the process's credentials (struct ucred,
 * kern_ucred.cc): the effective ids decide permissions, the real ones
 * say who started the program, and the saved ones let a set-user-id
 * program give up its privilege and take it back.  Credentials are
 * shared by reference (with open files, and with the thread's own
 * p_ucred), so a change is made on a private copy (crcopy) that then
 * replaces the process's and the thread's.
 *
 * Process groups and sessions are kept by kern_proc.cc; the rules of who
 * may move which process where are here, as in OpenBSD.
 *
 * Mirrors OpenBSD's sys/kern/kern_prot.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/syscallargs.h>
#include <sys/ucred.h>

/* getpid(2) */
int
sys_getpid(struct proc *p, void *v, register_t *retval)
{
	retval[0] = p->p_p->ps_pid;
	return 0;
}

/* getppid(2) */
int
sys_getppid(struct proc *p, void *v, register_t *retval)
{
	retval[0] = p->p_p->ps_pptr->ps_pid;
	return 0;
}

/* getuid(2): the real user id. */
int
sys_getuid(struct proc *p, void *v, register_t *retval)
{
	retval[0] = p->p_ucred->cr_ruid;
	return 0;
}

/* geteuid(2): the effective user id. */
int
sys_geteuid(struct proc *p, void *v, register_t *retval)
{
	retval[0] = p->p_ucred->cr_uid;
	return 0;
}

/* getgid(2): the real group id. */
int
sys_getgid(struct proc *p, void *v, register_t *retval)
{
	retval[0] = p->p_ucred->cr_rgid;
	return 0;
}

/* getegid(2): the effective group id. */
int
sys_getegid(struct proc *p, void *v, register_t *retval)
{
	retval[0] = p->p_ucred->cr_gid;
	return 0;
}

/*
 * cred_private: the process's credentials, made private so they may be
 * changed, and made the thread's too.
 * => process context, may sleep (crcopy allocates).
 */
static struct ucred *
cred_private(struct proc *p)
{
	struct process *pr = p->p_p;

	/* XXX OpenBSD also marks the process PS_SUGID for issetugid(2). */
	pr->ps_ucred = crcopy(pr->ps_ucred);
	if (p->p_ucred != pr->ps_ucred) {
		crfree(p->p_ucred);
		p->p_ucred = pr->ps_ucred;
		crhold(p->p_ucred);
	}
	return pr->ps_ucred;
}

/*
 * setuid(2), as OpenBSD's manual states it: root, or a process asking
 * for its own effective id, sets the real, effective and saved ids; any
 * other process may only set its effective id to its real or saved one.
 */
int
sys_setuid(struct proc *p, void *v, register_t *retval)
{
	struct sys_setuid_args *uap = (struct sys_setuid_args *)v;
	uid_t uid = SCARG(uap, uid);
	struct ucred *uc = p->p_p->ps_ucred;

	if (uc->cr_uid == uid && uc->cr_ruid == uid && uc->cr_svuid == uid)
		return 0;	/* nothing to change */
	if (uc->cr_uid == 0 || uid == uc->cr_uid) {
		uc = cred_private(p);
		uc->cr_ruid = uc->cr_svuid = uid;
	} else if (uid == uc->cr_ruid || uid == uc->cr_svuid)
		uc = cred_private(p);
	else
		return EPERM;
	uc->cr_uid = uid;
	return 0;
}

/* seteuid(2): the effective id, to the real or saved one (root: any). */
int
sys_seteuid(struct proc *p, void *v, register_t *retval)
{
	struct sys_seteuid_args *uap = (struct sys_seteuid_args *)v;
	uid_t euid = SCARG(uap, euid);
	struct ucred *uc = p->p_p->ps_ucred;
	int error;

	if (uc->cr_uid == euid)
		return 0;
	if (euid != uc->cr_ruid && euid != uc->cr_svuid &&
	    (error = suser_ucred(uc)) != 0)
		return error;
	cred_private(p)->cr_uid = euid;
	return 0;
}

/* setgid(2): setuid's rules, for the group ids. */
int
sys_setgid(struct proc *p, void *v, register_t *retval)
{
	struct sys_setgid_args *uap = (struct sys_setgid_args *)v;
	gid_t gid = SCARG(uap, gid);
	struct ucred *uc = p->p_p->ps_ucred;

	if (uc->cr_gid == gid && uc->cr_rgid == gid && uc->cr_svgid == gid)
		return 0;
	if (uc->cr_uid == 0 || gid == uc->cr_gid) {
		uc = cred_private(p);
		uc->cr_rgid = uc->cr_svgid = gid;
	} else if (gid == uc->cr_rgid || gid == uc->cr_svgid)
		uc = cred_private(p);
	else
		return EPERM;
	uc->cr_gid = gid;
	return 0;
}

/* setegid(2): the effective group id, to the real or saved one. */
int
sys_setegid(struct proc *p, void *v, register_t *retval)
{
	struct sys_setegid_args *uap = (struct sys_setegid_args *)v;
	gid_t egid = SCARG(uap, egid);
	struct ucred *uc = p->p_p->ps_ucred;
	int error;

	if (uc->cr_gid == egid)
		return 0;
	if (egid != uc->cr_rgid && egid != uc->cr_svgid &&
	    (error = suser_ucred(uc)) != 0)
		return error;
	cred_private(p)->cr_gid = egid;
	return 0;
}

/* getpgid(2): the process group of pid (0: the caller). */
int
sys_getpgid(struct proc *p, void *v, register_t *retval)
{
	struct sys_getpgid_args *uap = (struct sys_getpgid_args *)v;
	pid_t pid = SCARG(uap, pid);
	struct process *targpr = p->p_p;

	if (pid != 0 && pid != targpr->ps_pid &&
	    (targpr = prfind(pid)) == nullptr)
		return ESRCH;
	if (targpr->ps_pgrp == nullptr)
		return ESRCH;	/* exited */
	retval[0] = targpr->ps_pgrp->pg_id;
	return 0;
}

/*
 * setsid(2): the caller leaves its group and session and becomes the
 * leader of a new session, in a new group, both named by its pid.  Not
 * for a process that already leads a group (its group's members would
 * be left in another session than their group id says).
 */
int
sys_setsid(struct proc *p, void *v, register_t *retval)
{
	struct process *pr = p->p_p;
	pid_t pid = pr->ps_pid;

	/* Allocate first: the checks must hold when the change is made. */
	struct session *newsess = session_alloc();
	struct pgrp *newpgrp = pgrp_alloc();

	if ((pr->ps_pgrp != nullptr && pr->ps_pgrp->pg_id == pid) ||
	    pgfind(pid) != nullptr) {
		pgrp_free(newpgrp);
		session_free(newsess);
		return EPERM;
	}
	(void)enterpgrp(pr, pid, newpgrp, newsess);
	retval[0] = pid;
	return 0;
}

/*
 * setpgid(2): put process pid (0: the caller) in group pgid (0: a group
 * named by pid).  The target must be the caller or one of its
 * descendants that has not yet called execve, in the caller's session,
 * and not a session leader; the group must exist in the caller's
 * session, or be new and named after the target.  (OpenBSD's rules.)
 */
int
sys_setpgid(struct proc *curp, void *v, register_t *retval)
{
	struct sys_setpgid_args *uap = (struct sys_setpgid_args *)v;
	struct process *curpr = curp->p_p, *targpr;
	pid_t pid = SCARG(uap, pid), pgid = SCARG(uap, pgid);
	struct pgrp *pg, *newpgrp;
	int error = 0;

	if (pgid < 0)
		return EINVAL;
	newpgrp = pgrp_alloc();	/* before the checks: it may sleep */

	if (pid != 0 && pid != curpr->ps_pid) {
		targpr = prfind(pid);
		if (targpr == nullptr || !inferior(targpr, curpr) ||
		    targpr->ps_pgrp == nullptr) {
			error = ESRCH;
			goto out;
		}
		if (targpr->ps_pgrp->pg_session !=
		    curpr->ps_pgrp->pg_session) {
			error = EPERM;
			goto out;
		}
		if (targpr->ps_flags & PS_EXEC) {
			error = EACCES;
			goto out;
		}
	} else
		targpr = curpr;
	if (SESS_LEADER(targpr)) {
		error = EPERM;
		goto out;
	}
	if (pgid == 0)
		pgid = targpr->ps_pid;

	if ((pg = pgfind(pgid)) == nullptr) {
		/* A new group can only be named after its first member. */
		if (pgid != targpr->ps_pid) {
			error = EPERM;
			goto out;
		}
		(void)enterpgrp(targpr, pgid, newpgrp, nullptr);
		newpgrp = nullptr;
	} else if (pg != targpr->ps_pgrp) {
		if (pg->pg_session != curpr->ps_pgrp->pg_session) {
			error = EPERM;
			goto out;
		}
		enterthispgrp(targpr, pg);
	}
out:
	pgrp_free(newpgrp);
	return error;
}
