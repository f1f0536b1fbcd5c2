/*
 * sched_test.cc: threads, the scheduler's fairness and priorities, sleep
 * and wakeup.  The fairness tests run CPU-bound threads for 10 seconds of
 * (emulated) time and compare the statclock ticks each one was charged.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <sys/mutex.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <uvm/uvm_extern.h>
#include <machine/cpu.h>
#include <machine/intr.h>

/* Sleep n ticks (the caller is proc0, running the tests). */
static void
pause_ticks(int n)
{
	static int nothing;
	(void)tsleep(&nothing, PWAIT, "pause", n);
}

/* Wait until only base threads are left (the rest exited and reaped). */
static bool
wait_threads(int base, int maxticks)
{
	for (int i = 0; i < maxticks && nthreads > base; i++)
		pause_ticks(1);
	return nthreads == base;
}

struct hog {
	volatile bool	h_stop;
	struct proc	*h_p;
};

/* A CPU-bound thread: spins, offering the CPU at each sched_pause. */
static void
hog_main(void *arg)
{
	struct hog *h = (struct hog *)arg;

	while (!h->h_stop)
		sched_pause();
}

/*
 * Run n hogs with the given nice values for secs seconds; return each
 * one's share of the ticks they got, in percent.
 */
static int
run_hogs(int n, const int *nice, int secs, int *share)
{
	static struct hog hogs[8];
	u_int64_t start[8], used[8], total = 0;
	int base = nthreads;

	for (int i = 0; i < n; i++) {
		hogs[i].h_stop = false;
		if (kthread_create(hog_main, &hogs[i], &hogs[i].h_p, "hog"))
			return ktest_fail("kthread_create failed");
		hogs[i].h_p->p_p->ps_nice = NZERO + nice[i];
		start[i] = hogs[i].h_p->p_tu.tu_sticks;
	}
	pause_ticks(secs * hz);
	for (int i = 0; i < n; i++) {
		used[i] = hogs[i].h_p->p_tu.tu_sticks - start[i];
		total += used[i];
	}
	printf("  nice  ticks  share  estcpu  usrpri\n");
	for (int i = 0; i < n; i++) {
		share[i] = total ? (int)(used[i] * 100 / total) : 0;
		printf("  %4d  %5llu  %4d%%  %6u  %6d\n", nice[i],
		    (unsigned long long)used[i], share[i],
		    hogs[i].h_p->p_estcpu, hogs[i].h_p->p_usrpri);
	}
	for (int i = 0; i < n; i++)
		hogs[i].h_stop = true;
	if (!wait_threads(base, 5 * hz))
		return ktest_fail("hogs did not exit");
	if (total < (u_int64_t)secs * hz * 8 / 10)
		return ktest_fail("hogs got only %llu of %d ticks",
		    (unsigned long long)total, secs * hz);
	return 0;
}

static int
test_sched_fair(void)
{
	const int nice[4] = { 0, 0, 0, 0 };
	int share[4];

	if (int err = run_hogs(4, nice, 10, share); err != 0)
		return err;
	for (int i = 0; i < 4; i++)
		if (share[i] < 20 || share[i] > 30)
			return ktest_fail("hog %d got %d%%, not 25%% +- 5%%", i,
			    share[i]);
	return 0;
}
KTEST_DEFINE(sched_fair, test_sched_fair, 0);

/*
 * nice -10, 0 and +10 side by side: the formula gives the nicer thread a
 * priority 20 worse per 10 nice levels, so shares must fall with nice.
 */
static int
test_sched_nice(void)
{
	const int nice[3] = { -10, 0, 10 };
	int share[3];

	if (int err = run_hogs(3, nice, 10, share); err != 0)
		return err;
	if (!(share[0] > share[1] + 5 && share[1] > share[2] + 5))
		return ktest_fail("shares %d%% %d%% %d%% do not fall with nice",
		    share[0], share[1], share[2]);
	return 0;
}
KTEST_DEFINE(sched_nice, test_sched_nice, 0);

struct iothread {
	volatile int	io_maxlate;	/* worst ticks from wakeup to run */
	volatile int	io_better;	/* wakeups with a better usrpri */
	volatile int	io_worse;	/* wakeups with a worse one */
	volatile bool	io_done;
	struct proc	*io_p;
	struct proc	*io_hog;
};

#define IO_ROUNDS	100

/*
 * Sleeps 2 ticks, IO_ROUNDS times, noting how late it ran after each
 * wakeup and how its user priority compares with the hog's.
 */
static void
io_main(void *arg)
{
	struct iothread *io = (struct iothread *)arg;
	static int chan;

	for (int i = 0; i < IO_ROUNDS; i++) {
		int due = ticks + 2;
		(void)tsleep(&chan, PRIBIO, "io", 2);
		if (ticks - due > io->io_maxlate)
			io->io_maxlate = ticks - due;
		if (io->io_p->p_usrpri < io->io_hog->p_usrpri)
			io->io_better = io->io_better + 1;
		else if (io->io_p->p_usrpri > io->io_hog->p_usrpri)
			io->io_worse = io->io_worse + 1;
	}
	io->io_done = true;
	while (io->io_p->p_p->ps_nice == NZERO)	/* wait to be told */
		(void)tsleep(&chan, PRIBIO, "iowait", 1);
}

static int
test_sched_iobound(void)
{
	static struct hog h;
	static struct iothread io;
	int base = nthreads, err = 0;

	h.h_stop = false;
	io.io_maxlate = 0;
	io.io_better = 0;
	io.io_worse = 0;
	io.io_done = false;
	if (kthread_create(hog_main, &h, &h.h_p, "hog"))
		return ktest_fail("kthread_create failed");
	io.io_hog = h.h_p;
	if (kthread_create(io_main, &io, &io.io_p, "io"))
		return ktest_fail("kthread_create failed");
	for (int i = 0; i < 10 * hz && !io.io_done; i++)
		pause_ticks(1);
	printf("  io: late <= %d ticks; usrpri better than the hog's at %d "
	    "of %d wakeups, worse at %d\n", io.io_maxlate, io.io_better,
	    IO_ROUNDS, io.io_worse);
	/*
	 * Once a second schedcpu decays estcpu; with a load average still
	 * near 0 that leaves nothing, and for a moment both are equal.
	 * So: never worse, and better most of the time.
	 */
	if (!io.io_done)
		err = ktest_fail("io thread did not finish");
	else if (io.io_maxlate > hz / 10)
		err = ktest_fail("io thread ran %d ticks after its wakeup",
		    io.io_maxlate);
	else if (io.io_worse > 0 || io.io_better < IO_ROUNDS / 2)
		err = ktest_fail("io usrpri better %d, worse %d of %d times",
		    io.io_better, io.io_worse, IO_ROUNDS);
	io.io_p->p_p->ps_nice = NZERO + 1;	/* tell it to exit */
	h.h_stop = true;
	if (!wait_threads(base, 5 * hz) && err == 0)
		err = ktest_fail("threads did not exit");
	return err;
}
KTEST_DEFINE(sched_iobound, test_sched_iobound, 0);

/* tsleep with a timeout returns EWOULDBLOCK within a tick of it. */
static int
test_tsleep_timeout(void)
{
	static int chan;

	static const int timos[] = { 1, 5, 17 };

	for (int timo : timos) {
		int t0 = ticks;
		int error = tsleep(&chan, PWAIT, "timo", timo);
		int slept = ticks - t0;
		if (error != EWOULDBLOCK)
			return ktest_fail("tsleep returned %d", error);
		if (slept < timo || slept > timo + 1)
			return ktest_fail("timeout %d slept %d ticks", timo,
			    slept);
	}
	return 0;
}
KTEST_DEFINE(tsleep_timeout, test_tsleep_timeout, 0);

static volatile int woke_a, woke_b;
static int chan_a[2];

/* The channel that shares chan_a's sleep queue bucket. */
static const volatile void *
chan_b(void)
{
	return (const volatile void *)((uintptr_t)&chan_a[0] + 128 * 256);
}

static void
sleeper_a(void *)
{
	(void)tsleep(&chan_a[0], PWAIT, "chan_a", 0);
	woke_a = woke_a + 1;
}

static void
sleeper_b(void *)
{
	(void)tsleep(chan_b(), PWAIT, "chan_b", 0);
	woke_b = woke_b + 1;
}

/*
 * wakeup wakes every sleeper on its channel and none on another channel
 * in the same bucket; wakeup_one wakes exactly one.
 */
static int
test_wakeup(void)
{
	int base = nthreads, err = 0;

	woke_a = 0;
	woke_b = 0;
	for (int i = 0; i < 3; i++)
		if (kthread_create(sleeper_a, nullptr, nullptr, "sleep_a") ||
		    kthread_create(sleeper_b, nullptr, nullptr, "sleep_b"))
			return ktest_fail("kthread_create failed");
	pause_ticks(2);			/* let them all fall asleep */
	wakeup(&chan_a[0]);
	pause_ticks(2);
	if (woke_a != 3 || woke_b != 0)
		err = ktest_fail("wakeup(a): %d a, %d b woke", woke_a, woke_b);
	wakeup_one(chan_b());
	pause_ticks(2);
	if (!err && woke_b != 1)
		err = ktest_fail("wakeup_one woke %d", woke_b);
	wakeup(chan_b());
	if (!wait_threads(base, hz) && !err)
		err = ktest_fail("sleepers did not exit");
	return err;
}
KTEST_DEFINE(wakeup, test_wakeup, 0);

static volatile int nran;

static void
noop_main(void *)
{
	nran = nran + 1;
}

/* Create n threads in batches of 100 and wait for all to be reaped. */
static bool
churn(int n)
{
	int base = nthreads;

	for (int done = 0; done < n; done += 100) {
		for (int i = 0; i < 100; i++)
			if (kthread_create(noop_main, nullptr, nullptr, "noop"))
				return false;
		if (!wait_threads(base, 2 * hz))
			return false;
	}
	return true;
}

/*
 * 1000 threads created, run and reaped leave nothing behind.  A first
 * round warms the pools and the kernel page tables, which keep what they
 * grew; the second round must then end where it started.
 */
static int
test_kthread_noleak(void)
{
	nran = 0;
	if (!churn(1000))
		return ktest_fail("first round failed");
	pool_reclaim_all();
	int free0 = uvmexp.free, ent0 = uvmexp.kmapent;
	if (!churn(1000))
		return ktest_fail("second round failed");
	pool_reclaim_all();
	if (nran != 2000)
		return ktest_fail("%d of 2000 threads ran", nran);
	if (uvmexp.free != free0 || uvmexp.kmapent != ent0)
		return ktest_fail("free %d (was %d), map entries %d (was %d)",
		    uvmexp.free, free0, uvmexp.kmapent, ent0);
	return 0;
}
KTEST_DEFINE(kthread_noleak, test_kthread_noleak, 0);

/* The ps listing shows proc0, the idle thread and the reaper. */
static int
test_ps_listing(void)
{
	bool idle = false, reaper = false;

	for (struct proc *p : allproc) {
		idle |= strcmp(p->p_p->ps_comm, "idle0") == 0;
		reaper |= strcmp(p->p_p->ps_comm, "reaper") == 0;
	}
	if (!idle || !reaper)
		return ktest_fail("idle0 %d, reaper %d", idle, reaper);
	proc_printit_all(printf);
	return 0;
}
KTEST_DEFINE(ps_listing, test_ps_listing, 0);

/*
 * Benchmark: sched_chooseproc + setrunqueue with 1 and with 1000
 * runnable threads: O(1) means the two figures are the same.
 */
static int
bench_chooseproc(void)
{
	int base = nthreads;

	static const int nruns[] = { 1, 1000 };

	for (int nrun : nruns) {
		for (int i = 0; i < nrun; i++)
			if (kthread_create(noop_main, nullptr, nullptr, "noop"))
				return ktest_fail("kthread_create failed");
		int s = splhigh();
		u_int64_t t0 = cpu_counter();
		for (int i = 0; i < 10000; i++)
			setrunqueue(sched_chooseproc());
		u_int64_t t1 = cpu_counter();
		splx(s);
		printf("RESULT chooseproc_%d %llu cycles/op\n", nrun,
		    (unsigned long long)((t1 - t0) / 10000));
		if (!wait_threads(base, 10 * hz))
			return ktest_fail("threads did not exit");
	}
	return 0;
}
KTEST_DEFINE(bench_chooseproc, bench_chooseproc, KTEST_BENCH);

static volatile bool pingpong_stop;

static void
yielder_main(void *)
{
	while (!pingpong_stop)
		yield();
}

/* Benchmark: a context switch, two threads yielding to each other. */
static int
bench_context_switch(void)
{
	int base = nthreads;

	pingpong_stop = false;
	if (kthread_create(yielder_main, nullptr, nullptr, "yield_a") ||
	    kthread_create(yielder_main, nullptr, nullptr, "yield_b"))
		return ktest_fail("kthread_create failed");
	pause_ticks(1);
	int sw0 = uvmexp.swtch;
	u_int64_t t0 = cpu_counter();
	pause_ticks(hz);
	u_int64_t t1 = cpu_counter();
	int sw1 = uvmexp.swtch;
	pingpong_stop = true;
	if (!wait_threads(base, hz))
		return ktest_fail("threads did not exit");
	if (sw1 - sw0 < 100)
		return ktest_fail("only %d switches", sw1 - sw0);
	printf("RESULT context_switch %llu cycles/op\n",
	    (unsigned long long)((t1 - t0) / (u_int64_t)(sw1 - sw0)));
	return 0;
}
KTEST_DEFINE(bench_context_switch, bench_context_switch, KTEST_BENCH);

static struct mutex msleep_mtx = MUTEX_INITIALIZER(IPL_VM);
static volatile int msleep_flag, msleep_got;

static void
msleep_waiter(void *)
{
	mtx_enter(&msleep_mtx);
	while (!msleep_flag)
		(void)msleep(&msleep_flag, &msleep_mtx, PWAIT, "mslp", 0);
	MUTEX_ASSERT_LOCKED(&msleep_mtx);
	msleep_got = 1;
	mtx_leave(&msleep_mtx);
}

/* msleep lets go of its mutex while asleep and holds it again after. */
static int
test_msleep(void)
{
	struct proc *w;
	int base = nthreads;

	msleep_flag = 0;
	msleep_got = 0;
	if (kthread_create(msleep_waiter, nullptr, &w, "msleep"))
		return ktest_fail("kthread_create failed");
	pause_ticks(2);
	if (w->p_stat != SSLEEP || msleep_mtx.mtx_owner != nullptr)
		return ktest_fail("waiter state %d, mutex owner %p", w->p_stat,
		    msleep_mtx.mtx_owner);
	mtx_enter(&msleep_mtx);
	msleep_flag = 1;
	wakeup(&msleep_flag);
	mtx_leave(&msleep_mtx);
	if (!wait_threads(base, hz) || !msleep_got)
		return ktest_fail("waiter did not finish");
	return 0;
}
KTEST_DEFINE(msleep, test_msleep, 0);
