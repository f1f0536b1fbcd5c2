/*
 * uvm_meter.cc: the load average.
 *
 * schedcpu() calls uvm_meter() once a second; every 5 seconds it samples
 * the number of runnable threads (the running one included, the idle
 * thread not) and folds it into three exponentially decaying averages,
 * over 1, 5 and 15 minutes:
 *
 *	avg = avg * e^(-5/60T) + nrun * (1 - e^(-5/60T))	T = 1, 5, 15
 *
 * in fixed point with FSHIFT (11) fraction bits.  The 1-minute average is
 * what the scheduler's decay formula uses (sched_bsd.cc), and what
 * uptime(1) and ddb's "show uptime" print.  Mirrors OpenBSD's
 * sys/uvm/uvm_meter.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <uvm/uvm_extern.h>
#include <machine/cpu.h>

struct loadavg averunnable = { { 0, 0, 0 }, FSCALE };	/* [S] */

/* e^(-1/12), e^(-1/60), e^(-1/180) in FSCALE units. */
static const u_int32_t cexp[3] = {
	(u_int32_t)(0.9200444146293232 * FSCALE),
	(u_int32_t)(0.9834714538216174 * FSCALE),
	(u_int32_t)(0.9944598480048967 * FSCALE),
};

static int meter_seconds;

/* uvm_loadav: fold the current number of runnable threads in. */
static void
uvm_loadav(struct loadavg *avg)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	u_int32_t nrun = spc->spc_nrun;

	if (curproc != spc->spc_idleproc)
		nrun++;			/* the running thread */
	for (int i = 0; i < 3; i++)
		avg->ldavg[i] = (cexp[i] * avg->ldavg[i] +
		    nrun * FSCALE * (FSCALE - cexp[i])) >> FSHIFT;
}

/*
 * uvm_meter: once a second, from schedcpu.
 * => scheduler locked.
 */
void
uvm_meter(void)
{
	if (++meter_seconds % 5 == 0)
		uvm_loadav(&averunnable);
}
