/*
 * kern_sysctl.cc: sysctl(2), the kernel's table of named values.
 *
 * A name is a path of integers (<sys/sysctl.h>): the first picks a
 * subsystem (CTL_KERN, CTL_HW), which looks at the rest.  Each value is
 * answered by one of a few helpers that carry the protocol: the caller's
 * old buffer must be big enough (ENOMEM otherwise), *oldlenp comes back
 * as the length of the value (which is how a caller with a null buffer
 * learns how much to allocate), and a new value is accepted only where
 * the value may be set (EPERM otherwise) and has the right size
 * (EINVAL).  A path that goes on past a value is ENOTDIR; a number that
 * names nothing is EOPNOTSUPP.
 *
 * OpenBSD's helpers copy straight to and from the user's buffers.  Here
 * sys_sysctl copies the new value in and the old one out once, and the
 * helpers work on kernel buffers: the same protocol, and the helpers can
 * be tested without a user process (kern_sysctl_test.cc).
 *
 * Writing any value needs root, as in OpenBSD.
 *
 * Mirrors OpenBSD's sys/kern/kern_sysctl.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/msgbuf.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/file.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/resource.h>
#include <sys/signal.h>
#include <sys/signalvar.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/syscallargs.h>
#include <uvm/uvm_extern.h>
#include <machine/cpu.h>
#include <machine/intr.h>
#include <machine/pmap.h>

extern const char ostype[], osrelease[], osversion[], version[];
extern int maxprocess;			/* kern_fork.cc */

char hostname[MAXHOSTNAMELEN];		/* [K] */
int hostnamelen;			/* [K] */

/*
 * The longest argument list execve takes: kern_exec.cc's EXEC_ARG_MAX
 * (OpenBSD's NCARGS).
 */
static const int argmax = 256 * 1024;

/* The most a single sysctl call moves in or out. */
#define SYSCTL_OLDMAX	(512 * 1024)
#define SYSCTL_NEWMAX	PAGE_SIZE

/*
 * The helpers.  oldp and newp are kernel buffers (null when the caller
 * gave none); *oldlenp is the room at oldp on entry and the value's
 * length on return.
 */

/* sysctl_int: an int that may be read and set. */
int
sysctl_int(void *oldp, size_t *oldlenp, void *newp, size_t newlen,
    int *valp)
{
	if (oldp != nullptr && *oldlenp < sizeof(int))
		return ENOMEM;
	if (newp != nullptr && newlen != sizeof(int))
		return EINVAL;
	*oldlenp = sizeof(int);
	if (oldp != nullptr)
		memcpy(oldp, valp, sizeof(int));
	if (newp != nullptr)
		memcpy(valp, newp, sizeof(int));
	return 0;
}

/* sysctl_rdint: an int that may only be read. */
int
sysctl_rdint(void *oldp, size_t *oldlenp, void *newp, int val)
{
	if (oldp != nullptr && *oldlenp < sizeof(int))
		return ENOMEM;
	if (newp != nullptr)
		return EPERM;
	*oldlenp = sizeof(int);
	if (oldp != nullptr)
		memcpy(oldp, &val, sizeof(int));
	return 0;
}

/* sysctl_rdquad: a 64-bit value that may only be read. */
int
sysctl_rdquad(void *oldp, size_t *oldlenp, void *newp, int64_t val)
{
	if (oldp != nullptr && *oldlenp < sizeof(int64_t))
		return ENOMEM;
	if (newp != nullptr)
		return EPERM;
	*oldlenp = sizeof(int64_t);
	if (oldp != nullptr)
		memcpy(oldp, &val, sizeof(int64_t));
	return 0;
}

/*
 * sysctl_string: a string that may be read and set, stored in str (room
 * for maxlen bytes with the NUL).  The old value's length counts the NUL.
 */
int
sysctl_string(void *oldp, size_t *oldlenp, void *newp, size_t newlen,
    char *str, size_t maxlen)
{
	size_t len = strlen(str) + 1;

	if (oldp != nullptr && *oldlenp < len)
		return ENOMEM;
	if (newp != nullptr && newlen >= maxlen)
		return EINVAL;
	if (oldp != nullptr)
		memcpy(oldp, str, len);
	*oldlenp = len;
	if (newp != nullptr) {
		memcpy(str, newp, newlen);
		str[newlen] = '\0';
	}
	return 0;
}

/* sysctl_rdstring: a string that may only be read. */
int
sysctl_rdstring(void *oldp, size_t *oldlenp, void *newp, const char *str)
{
	size_t len = strlen(str) + 1;

	if (oldp != nullptr && *oldlenp < len)
		return ENOMEM;
	if (newp != nullptr)
		return EPERM;
	if (oldp != nullptr)
		memcpy(oldp, str, len);
	*oldlenp = len;
	return 0;
}

/* sysctl_rdstruct: a structure that may only be read. */
int
sysctl_rdstruct(void *oldp, size_t *oldlenp, void *newp, const void *sp,
    size_t len)
{
	if (oldp != nullptr && *oldlenp < len)
		return ENOMEM;
	if (newp != nullptr)
		return EPERM;
	if (oldp != nullptr)
		memcpy(oldp, sp, len);
	*oldlenp = len;
	return 0;
}

/*
 * fill_kproc: describe thread p (and its process) for ps(1), as
 * OpenBSD's FILL_KPROC does; fields with no counterpart here stay zero.
 * => [K]; the scheduler's numbers are read under splhigh.
 */
void
fill_kproc(struct proc *p, struct kinfo_proc *ki)
{
	struct process *pr = p->p_p;
	struct ucred *uc = pr->ps_ucred;
	struct pgrp *pg = pr->ps_pgrp;
	bool zombie = (pr->ps_flags & PS_ZOMBIE) != 0;
	struct tusage tu = {};

	memset(ki, 0, sizeof(*ki));
	ki->p_paddr = (u_int64_t)(uintptr_t)p;
	ki->p_addr = (u_int64_t)(uintptr_t)p->p_addr;
	ki->p_fd = (u_int64_t)(uintptr_t)pr->ps_fd;
	ki->p_limit = (u_int64_t)(uintptr_t)pr->ps_limit;
	ki->p_vmspace = (u_int64_t)(uintptr_t)pr->ps_vmspace;
	ki->p_sigacts = (u_int64_t)(uintptr_t)pr->ps_sigacts;
	ki->p_flag = p->p_flag | pr->ps_flags;
	ki->p_psflags = pr->ps_flags;

	ki->p_pid = pr->ps_pid;
	ki->p_ppid = pr->ps_pptr != nullptr ? pr->ps_pptr->ps_pid : 0;
	if (pg != nullptr) {
		struct session *sess = pg->pg_session;
		ki->p_sess = (u_int64_t)(uintptr_t)sess;
		ki->p__pgid = pg->pg_id;
		ki->p_sid = sess->s_sid;
		ki->p_jobc = (int16_t)pg->pg_jobc;
		if (sess->s_leader == pr)
			ki->p_eflag |= EPROC_SLEADER;
	}
	ki->p_tpgid = -1;	/* XXX no controlling terminals yet */
	ki->p_tdev = (u_int32_t)NODEV;
	ki->p_tid = p->p_tid;
	if (uc != nullptr) {
		ki->p_uid = uc->cr_uid;
		ki->p_ruid = uc->cr_ruid;
		ki->p_svuid = uc->cr_svuid;
		ki->p_gid = uc->cr_gid;
		ki->p_rgid = uc->cr_rgid;
		ki->p_svgid = uc->cr_svgid;
		ki->p_ngroups = uc->cr_ngroups;
		for (int i = 0; i < uc->cr_ngroups && i < KI_NGROUPS; i++)
			ki->p_groups[i] = uc->cr_groups[i];
	}

	int s = splhigh();
	ki->p_stat = zombie ? SZOMB : p->p_stat;
	ki->p_priority = p->p_priority;
	ki->p_usrpri = p->p_usrpri;
	ki->p_nice = (u_int8_t)pr->ps_nice;
	ki->p_estcpu = p->p_estcpu;
	ki->p_cpticks = (int32_t)p->p_cpticks;
	ki->p_pctcpu = p->p_pctcpu;
	ki->p_slptime = p->p_slptime;
	if (!zombie && p->p_wchan != nullptr) {
		ki->p_wchan = (u_int64_t)(uintptr_t)p->p_wchan;
		if (p->p_wmesg != nullptr)
			strlcpy(ki->p_wmesg, p->p_wmesg, sizeof(ki->p_wmesg));
	}
	ki->p_siglist = (int32_t)p->p_siglist;
	ki->p_sigmask = p->p_sigmask;
	ki->p_cpuid = p->p_stat == SONPROC ? 0 : KI_NOCPU;
	splx(s);

	tuagg(p, &tu);
	u_int64_t rt = cycles_to_nsec(tu.tu_runtime) / 1000;
	ki->p_rtime_sec = (u_int32_t)(rt / 1000000);
	ki->p_rtime_usec = (u_int32_t)(rt % 1000000);
	ki->p_uticks = tu.tu_uticks;
	ki->p_sticks = tu.tu_sticks;
	ki->p_iticks = tu.tu_iticks;
	ki->p_xstat = (u_int16_t)p->p_xstat;
	strlcpy(ki->p_comm, pr->ps_comm, sizeof(ki->p_comm));
	strlcpy(ki->p_emul, "native", sizeof(ki->p_emul));

	if (struct sigacts *ps = pr->ps_sigacts) {
		ki->p_sigignore = ps->ps_sigignore;
		ki->p_sigcatch = ps->ps_sigcatch;
	}
	if (pr->ps_limit != nullptr)
		ki->p_rlim_rss_cur =
		    pr->ps_limit->pl_rlimit[RLIMIT_RSS].rlim_cur;
	if (struct vmspace *vm = pr->ps_vmspace; vm != nullptr && !zombie) {
		ki->p_vm_rssize = (int32_t)pmap_resident_count(vm->vm_map.pmap);
		ki->p_vm_tsize = (int32_t)vm->vm_tsize;
		ki->p_vm_dsize = (int32_t)vm->vm_dsize;
		ki->p_vm_ssize = (int32_t)vm->vm_ssize;
		ki->p_vm_map_size = ptoa((u_int64_t)(vm->vm_tsize +
		    vm->vm_dsize + vm->vm_ssize));
	}
	if (!zombie) {
		/* The times, as OpenBSD's struct user would give them. */
		struct timeval ut, st;
		calcru(&tu, &ut, &st, nullptr);
		ki->p_uvalid = 1;
		ki->p_ustart_sec = (u_int32_t)pr->ps_start;
		ki->p_uutime_sec = (u_int32_t)ut.tv_sec;
		ki->p_uutime_usec = (u_int32_t)ut.tv_usec;
		ki->p_ustime_sec = (u_int32_t)st.tv_sec;
		ki->p_ustime_usec = (u_int32_t)st.tv_usec;
		calcru(&pr->ps_ctu, &ut, &st, nullptr);
		u_int64_t cus = (u_int64_t)(ut.tv_sec + st.tv_sec) * 1000000 +
		    ut.tv_usec + st.tv_usec;
		ki->p_uctime_sec = (u_int32_t)(cus / 1000000);
		ki->p_uctime_usec = (u_int32_t)(cus % 1000000);
	}
}

/* Does process pr belong in the KERN_PROC table asked for by op, arg? */
static bool
doproc_match(struct process *pr, int op, int arg)
{
	struct pgrp *pg = pr->ps_pgrp;

	switch (op) {
	case KERN_PROC_ALL:
		return !(pr->ps_flags & PS_SYSTEM);
	case KERN_PROC_KTHREAD:
		return true;
	case KERN_PROC_PID:
		return pr->ps_pid == arg;
	case KERN_PROC_PGRP:
		return pg != nullptr && pg->pg_id == arg;
	case KERN_PROC_SESSION:
		return pg != nullptr && pg->pg_session->s_sid == arg;
	case KERN_PROC_UID:
		return pr->ps_ucred->cr_uid == (uid_t)arg;
	case KERN_PROC_RUID:
		return pr->ps_ucred->cr_ruid == (uid_t)arg;
	case KERN_PROC_TTY:
		return false;	/* XXX no controlling terminals yet */
	default:
		return false;
	}
}

/*
 * sysctl_doproc: KERN_PROC: name is { op, arg, elem_size, elem_count }:
 * up to elem_count entries of elem_size bytes (the first elem_size
 * bytes of a struct kinfo_proc) for the processes op and arg select.
 * With no buffer, the size a buffer needs, with room to spare.
 */
static int
sysctl_doproc(int *name, u_int namelen, char *where, size_t *sizep)
{
	if (namelen != 4)
		return EINVAL;
	int op = name[0] & ~KERN_PROC_SHOW_THREADS, arg = name[1];
	int elem_size = name[2], elem_count = name[3];
	if (elem_size <= 0 || elem_count < 0 ||
	    (size_t)elem_size > sizeof(struct kinfo_proc))
		return EINVAL;
	if (op < KERN_PROC_ALL || op > KERN_PROC_KTHREAD)
		return EINVAL;

	size_t buflen = where != nullptr ? *sizep : 0, needed = 0;
	char *dp = where;
	struct kinfo_proc ki;
	for (struct process *pr : allprocess) {
		if (!doproc_match(pr, op, arg))
			continue;
		if (buflen >= (size_t)elem_size && elem_count > 0) {
			fill_kproc(pr->ps_mainproc, &ki);
			memcpy(dp, &ki, elem_size);
			dp += elem_size;
			buflen -= elem_size;
			elem_count--;
		}
		needed += elem_size;
	}
	if (where != nullptr) {
		*sizep = dp - where;
		if (needed > *sizep)
			return ENOMEM;
	} else
		*sizep = needed + KERN_PROCSLOP;
	return 0;
}

/* The time of the boot: the time of day less the time since. */
static void
getboottime(struct timeval *tv)
{
	struct timespec now, up;
	int s = splhigh();	/* both of one instant */

	nanotime(&now);
	getnanouptime(&up);
	splx(s);
	tv->tv_sec = now.tv_sec - up.tv_sec;
	tv->tv_usec = 0;
}

/* CTL_KERN */
static int
kern_sysctl(int *name, u_int namelen, void *oldp, size_t *oldlenp,
    void *newp, size_t newlen, struct proc *p)
{
	/* All names at this level are values, except KERN_PROC's table. */
	if (namelen != 1 && name[0] != KERN_PROC)
		return ENOTDIR;

	switch (name[0]) {
	case KERN_OSTYPE:
		return sysctl_rdstring(oldp, oldlenp, newp, ostype);
	case KERN_OSRELEASE:
		return sysctl_rdstring(oldp, oldlenp, newp, osrelease);
	case KERN_VERSION:
		return sysctl_rdstring(oldp, oldlenp, newp, version);
	case KERN_OSVERSION:
		return sysctl_rdstring(oldp, oldlenp, newp, osversion);
	case KERN_MSGBUFSIZE:
		return sysctl_rdint(oldp, oldlenp, newp, msgbufp->msg_bufs);
	case KERN_MSGBUF:
		/* The header and the ring, for dmesg(8) to untangle. */
		return sysctl_rdstruct(oldp, oldlenp, newp, msgbufp,
		    offsetof(struct msgbuf, msg_bufc) + msgbufp->msg_bufs);
	case KERN_HOSTNAME: {
		int error = sysctl_string(oldp, oldlenp, newp, newlen,
		    hostname, sizeof(hostname));
		if (error == 0 && newp != nullptr)
			hostnamelen = (int)strlen(hostname);
		return error;
	}
	case KERN_MAXPROC:
		return sysctl_rdint(oldp, oldlenp, newp, maxprocess);
	case KERN_MAXFILES:
		return sysctl_rdint(oldp, oldlenp, newp, maxfiles);
	case KERN_NPROCS:
		return sysctl_rdint(oldp, oldlenp, newp, nprocesses);
	case KERN_ARGMAX:
		return sysctl_rdint(oldp, oldlenp, newp, argmax);
	case KERN_CLOCKRATE: {
		struct clockinfo ci = { hz, tick, hz, hz };
		return sysctl_rdstruct(oldp, oldlenp, newp, &ci, sizeof(ci));
	}
	case KERN_BOOTTIME: {
		struct timeval bt;
		getboottime(&bt);
		return sysctl_rdstruct(oldp, oldlenp, newp, &bt, sizeof(bt));
	}
	case KERN_PROC:
		if (newp != nullptr)
			return EPERM;
		return sysctl_doproc(name + 1, namelen - 1, (char *)oldp,
		    oldlenp);
	default:
		return EOPNOTSUPP;
	}
}

/* CTL_HW */
static int
hw_sysctl(int *name, u_int namelen, void *oldp, size_t *oldlenp,
    void *newp, size_t newlen, struct proc *p)
{
	struct cpu_info *ci = curcpu();

	if (namelen != 1)
		return ENOTDIR;	/* all names at this level are values */

	u_int64_t physbytes = ptoa((u_int64_t)physmem);
	u_int64_t userbytes = ptoa((u_int64_t)(physmem - uvmexp.wired));
	switch (name[0]) {
	case HW_MACHINE:
		return sysctl_rdstring(oldp, oldlenp, newp, MACHINE);
	case HW_MODEL: {
		const char *model = ci->ci_brand;
		while (*model == ' ')
			model++;
		if (*model == '\0')
			model = ci->ci_vendor;
		return sysctl_rdstring(oldp, oldlenp, newp, model);
	}
	case HW_NCPU:
	case HW_NCPUFOUND:
	case HW_NCPUONLINE:
		return sysctl_rdint(oldp, oldlenp, newp, 1);
	case HW_BYTEORDER:
		return sysctl_rdint(oldp, oldlenp, newp, 1234);
	case HW_PHYSMEM:	/* an int: capped, as the 64-bit one is not */
		return sysctl_rdint(oldp, oldlenp, newp,
		    (int)MIN(physbytes, (u_int64_t)0x7fffffff));
	case HW_USERMEM:
		return sysctl_rdint(oldp, oldlenp, newp,
		    (int)MIN(userbytes, (u_int64_t)0x7fffffff));
	case HW_PHYSMEM64:
		return sysctl_rdquad(oldp, oldlenp, newp, (int64_t)physbytes);
	case HW_USERMEM64:
		return sysctl_rdquad(oldp, oldlenp, newp, (int64_t)userbytes);
	case HW_PAGESIZE:
		return sysctl_rdint(oldp, oldlenp, newp, PAGE_SIZE);
	case HW_CPUSPEED:
		if (ci->ci_tsc_freq == 0)
			return EOPNOTSUPP;
		return sysctl_rdint(oldp, oldlenp, newp,
		    (int)(ci->ci_tsc_freq / 1000000));
	default:
		return EOPNOTSUPP;
	}
}

/*
 * kernel_sysctl: answer name[0 .. namelen) with kernel buffers: the
 * dispatch sys_sysctl uses once it has copied the name and the new value
 * in.  Exposed for the in-kernel tests.
 */
int
kernel_sysctl(int *name, u_int namelen, void *oldp, size_t *oldlenp,
    void *newp, size_t newlen, struct proc *p)
{
	if (namelen < 2 || namelen > CTL_MAXNAME)
		return EINVAL;
	switch (name[0]) {
	case CTL_KERN:
		return kern_sysctl(name + 1, namelen - 1, oldp, oldlenp, newp,
		    newlen, p);
	case CTL_HW:
		return hw_sysctl(name + 1, namelen - 1, oldp, oldlenp, newp,
		    newlen, p);
	case CTL_MACHDEP:
		return cpu_sysctl(name + 1, namelen - 1, oldp, oldlenp, newp,
		    newlen, p);
	default:
		return EOPNOTSUPP;
	}
}

/*
 * sysctl(2): copy the name, the old length and the new value in, answer
 * with kernel buffers, and copy the old value and its length out.
 */
int
sys_sysctl(struct proc *p, void *v, register_t *retval)
{
	struct sys_sysctl_args *uap = (struct sys_sysctl_args *)v;
	int name[CTL_MAXNAME];
	u_int namelen = SCARG(uap, namelen);
	void *uold = SCARG(uap, oldp), *unew = SCARG(uap, newp);
	size_t newlen = SCARG(uap, newlen), oldlen = 0, room = 0;
	void *kold = nullptr, *knew = nullptr;
	int error;

	if (unew != nullptr && (error = suser_ucred(p->p_ucred)) != 0)
		return error;
	if (namelen < 2 || namelen > CTL_MAXNAME)
		return EINVAL;
	if ((error = copyin(SCARG(uap, name), name, namelen * sizeof(int))))
		return error;
	if (SCARG(uap, oldlenp) != nullptr &&
	    (error = copyin(SCARG(uap, oldlenp), &oldlen, sizeof(oldlen))))
		return error;

	if (unew != nullptr) {
		if (newlen > SYSCTL_NEWMAX)
			return EINVAL;
		knew = malloc(newlen + 1, M_TEMP, M_WAITOK | M_ZERO);
		if ((error = copyin(unew, knew, newlen)) != 0)
			goto out;
	}
	if (uold != nullptr) {
		room = oldlen = MIN(oldlen, (size_t)SYSCTL_OLDMAX);
		kold = malloc(room + 1, M_TEMP, M_WAITOK | M_ZERO);
	}
	error = kernel_sysctl(name, namelen, kold, &oldlen, knew, newlen, p);
	if (error != 0)
		goto out;
	if (kold != nullptr) {
		KASSERT(oldlen <= room);
		if ((error = copyout(kold, uold, oldlen)) != 0)
			goto out;
	}
	if (SCARG(uap, oldlenp) != nullptr)
		error = copyout(&oldlen, SCARG(uap, oldlenp), sizeof(oldlen));
out:
	if (kold != nullptr)
		free(kold, M_TEMP, room + 1);
	if (knew != nullptr)
		free(knew, M_TEMP, newlen + 1);
	return error;
}
