/*
 * kern_resource.cc: resource limits and resource use: getrlimit(2),
 * setrlimit(2), getrusage(2), and the helpers fork, exit and wait use.
 *
 * Limits.  Every user process has its own struct plimit (ps_limit):
 * fork gives the child a copy of the parent's (limcopy), exit frees it
 * (limfree).  Process 0 and the kernel threads may have none; they, and
 * the first process forked from them, get limit0, the boot defaults
 * (lim_startup).  The kernel enforces the soft limits where the resource
 * is taken: fork1 checks RLIMIT_NPROC, the descriptor code RLIMIT_NOFILE,
 * obreak RLIMIT_DATA.
 *
 * Use.  The clock charges the running thread one statclock tick at a
 * time, as user or system time (p_tu.tu_uticks, tu_sticks, in
 * kern_clock.cc), and mi_switch adds the cycles it ran to tu_runtime.
 * The precise figure is tu_runtime; the ticks say how to share it
 * between user and system time (calcru), as OpenBSD does.  A parent that
 * waits for a child adds the child's times to its own ps_ctu, which is
 * what RUSAGE_CHILDREN reports.
 *
 * Mirrors OpenBSD's sys/kern/kern_resource.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/resource.h>
#include <sys/signal.h>
#include <sys/syscallargs.h>
#include <sys/ucred.h>
#include <uvm/uvm_extern.h>
#include <machine/cpu.h>
#include <machine/intr.h>

struct plimit limit0;		/* [I] the boot defaults */
static bool limit0_ready;
static struct pool plimit_pool;
extern int maxprocess;		/* kern_fork.cc */

/*
 * lim_startup: the limits every process starts from: no limit on most
 * things, OpenBSD's defaults for the data and stack sizes, open files
 * and processes.
 */
void
lim_startup(struct plimit *limit)
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		limit->pl_rlimit[i].rlim_cur = limit->pl_rlimit[i].rlim_max =
		    RLIM_INFINITY;
	limit->pl_rlimit[RLIMIT_NOFILE].rlim_cur = NOFILE;
	limit->pl_rlimit[RLIMIT_NOFILE].rlim_max = NOFILE_MAX;
	limit->pl_rlimit[RLIMIT_NPROC].rlim_cur = maxprocess;
	limit->pl_rlimit[RLIMIT_NPROC].rlim_max = maxprocess;
	limit->pl_rlimit[RLIMIT_DATA].rlim_cur = MAXDSIZ;
	limit->pl_rlimit[RLIMIT_DATA].rlim_max = MAXDSIZ;
	limit->pl_rlimit[RLIMIT_STACK].rlim_cur = DFLSSIZ;
	limit->pl_rlimit[RLIMIT_STACK].rlim_max = MAXSSIZ;
	limit->pl_rlimit[RLIMIT_MEMLOCK].rlim_cur = ptoa((rlim_t)physmem) / 3;
}

/* The limits of a process that has none: limit0, made on first use. */
static struct plimit *
lim_default(void)
{
	if (!limit0_ready) {
		lim_startup(&limit0);
		pool_init(&plimit_pool, sizeof(struct plimit), 0, IPL_NONE, 0,
		    "plimitpl", nullptr);
		limit0_ready = true;
	}
	return &limit0;
}

/*
 * limcopy: a new struct plimit with the same limits as lim (limit0's if
 * lim is null), for a child being forked.
 * => process context, may sleep.
 */
struct plimit *
limcopy(struct plimit *lim)
{
	struct plimit *def = lim_default();
	struct plimit *nlim =
	    (struct plimit *)pool_get(&plimit_pool, PR_WAITOK);

	*nlim = lim != nullptr ? *lim : *def;
	return nlim;
}

/* limfree: the limits of a process that is gone. */
void
limfree(struct plimit *lim)
{
	if (lim != nullptr && lim != &limit0)
		pool_put(&plimit_pool, lim);
}

static struct rlimit *
lim_get(struct proc *p, int which)
{
	struct plimit *lim = p->p_p->ps_limit;

	KASSERT(which >= 0 && which < RLIM_NLIMITS);
	if (lim == nullptr)
		lim = lim_default();
	return &lim->pl_rlimit[which];
}

/* lim_cur, lim_max: p's soft and hard limit of resource which. */
rlim_t
lim_cur(struct proc *p, int which)
{
	return lim_get(p, which)->rlim_cur;
}

rlim_t
lim_max(struct proc *p, int which)
{
	return lim_get(p, which)->rlim_max;
}

/*
 * dosetrlimit: set p's limit of resource which to *limp.  Raising the
 * hard limit needs root; a limit beyond what the kernel can give is cut
 * to that (OpenBSD does the same).  Returns 0, EINVAL or EPERM.
 */
int
dosetrlimit(struct proc *p, u_int which, struct rlimit *limp)
{
	if (which >= RLIM_NLIMITS || limp->rlim_cur > limp->rlim_max)
		return EINVAL;
	struct rlimit *alimp = lim_get(p, which);
	if (limp->rlim_max > alimp->rlim_max &&
	    suser_ucred(p->p_ucred) != 0)
		return EPERM;

	rlim_t maxlim;
	switch (which) {
	case RLIMIT_DATA:
		maxlim = MAXDSIZ;
		break;
	case RLIMIT_STACK:
		/*
		 * XXX exec maps the whole MAXSSIZ stack region; OpenBSD
		 * changes the protection of its unused part here.  The
		 * limit is recorded, not enforced.
		 */
		maxlim = MAXSSIZ;
		break;
	case RLIMIT_NOFILE:
		maxlim = NOFILE_MAX;
		break;
	case RLIMIT_NPROC:
		maxlim = maxprocess;
		break;
	default:
		maxlim = RLIM_INFINITY;
		break;
	}
	if (limp->rlim_max > maxlim)
		limp->rlim_max = maxlim;
	if (limp->rlim_cur > limp->rlim_max)
		limp->rlim_cur = limp->rlim_max;

	/* Process 0 and kernel threads share limit0: give p its own. */
	if (p->p_p->ps_limit == nullptr)
		p->p_p->ps_limit = limcopy(nullptr);
	p->p_p->ps_limit->pl_rlimit[which] = *limp;
	return 0;
}

/* getrlimit(2) */
int
sys_getrlimit(struct proc *p, void *v, register_t *retval)
{
	struct sys_getrlimit_args *uap = (struct sys_getrlimit_args *)v;
	int which = SCARG(uap, which);

	if (which < 0 || which >= RLIM_NLIMITS)
		return EINVAL;
	struct rlimit alim = *lim_get(p, which);
	return copyout(&alim, SCARG(uap, rlp), sizeof(alim));
}

/* setrlimit(2) */
int
sys_setrlimit(struct proc *p, void *v, register_t *retval)
{
	struct sys_setrlimit_args *uap = (struct sys_setrlimit_args *)v;
	struct rlimit alim;
	int error;

	if ((error = copyin(SCARG(uap, rlp), &alim, sizeof(alim))) != 0)
		return error;
	return dosetrlimit(p, (u_int)SCARG(uap, which), &alim);
}

/*
 * cycles_to_nsec: a count of cpu_counter() cycles in nanoseconds.  With
 * no cycle counter measured (no TSC) there are no cycles to count.
 */
u_int64_t
cycles_to_nsec(u_int64_t cycles)
{
	u_int64_t freq = curcpu()->ci_tsc_freq;

	if (freq == 0)
		return 0;
	/* In two steps, so that cycles * 10^9 cannot overflow. */
	return cycles / freq * 1000000000ULL +
	    cycles % freq * 1000000000ULL / freq;
}

/*
 * tuagg: add thread p's times to *tu, counting, if p is running now, the
 * cycles since mi_switch last charged it.
 */
void
tuagg(struct proc *p, struct tusage *tu)
{
	int s = splhigh();

	tu->tu_runtime += p->p_tu.tu_runtime;
	if (p == curproc)
		tu->tu_runtime += cpu_counter() -
		    curcpu()->ci_schedstate.spc_runtime;
	tu->tu_uticks += p->p_tu.tu_uticks;
	tu->tu_sticks += p->p_tu.tu_sticks;
	tu->tu_iticks += p->p_tu.tu_iticks;
	splx(s);
}

static void
nsec_to_timeval(u_int64_t ns, struct timeval *tv)
{
	tv->tv_sec = (time_t)(ns / 1000000000ULL);
	tv->tv_usec = (long)(ns % 1000000000ULL / 1000);
}

/*
 * calcru: share the run time in *tu out as user, system and interrupt
 * time, in proportion to the statclock ticks each got.  (ip may be
 * null.)  Without a cycle counter the ticks themselves are the time.
 */
void
calcru(struct tusage *tu, struct timeval *up, struct timeval *sp,
    struct timeval *ip)
{
	u_int64_t ut = tu->tu_uticks, st = tu->tu_sticks, it = tu->tu_iticks;
	u_int64_t tot = ut + st + it;
	u_int64_t rt = cycles_to_nsec(tu->tu_runtime);

	if (rt == 0)
		rt = tot * (u_int64_t)tick * 1000;
	if (tot == 0) {
		/* No ticks to share the time out by: split it evenly. */
		ut = st = rt / 2;
		it = 0;
	} else {
		/* rt fits in 50 bits for years of run time: no overflow. */
		ut = rt * ut / tot;
		st = rt * st / tot;
		it = rt - ut - st;
	}
	nsec_to_timeval(ut, up);
	nsec_to_timeval(st, sp);
	if (ip != nullptr)
		nsec_to_timeval(it, ip);
}

/* tutorusage: a struct rusage with the times of *tu (and nothing else). */
void
tutorusage(struct tusage *tu, struct rusage *ru)
{
	memset(ru, 0, sizeof(*ru));
	calcru(tu, &ru->ru_utime, &ru->ru_stime, nullptr);
}

/*
 * getrusage(2): RUSAGE_SELF the process (its one thread), RUSAGE_THREAD
 * the calling thread, RUSAGE_CHILDREN its children that it waited for.
 */
int
sys_getrusage(struct proc *p, void *v, register_t *retval)
{
	struct sys_getrusage_args *uap = (struct sys_getrusage_args *)v;
	struct tusage tu;
	struct rusage ru;

	memset(&tu, 0, sizeof(tu));
	switch (SCARG(uap, who)) {
	case RUSAGE_SELF:
	case RUSAGE_THREAD:
		/* One thread per process: both are p's times. */
		tuagg(p, &tu);
		break;
	case RUSAGE_CHILDREN:
		tu = p->p_p->ps_ctu;
		break;
	default:
		return EINVAL;
	}
	tutorusage(&tu, &ru);
	return copyout(&ru, SCARG(uap, rusage), sizeof(ru));
}
