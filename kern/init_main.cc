/*
 * init_main.cc: main(), where the machine-independent kernel starts.
 *
 * locore and init386() have made a machine with paging, a console, a GDT
 * and IDT, and a list of physical memory.  main() starts the subsystems
 * one after the other, in OpenBSD's order (sys/kern/init_main.c); the
 * later issues fill in the steps marked below:
 *
 *	UVM: pages, kernel_map, pmap pools	uvm_init()
 *	malloc(9)				kmeminit()
 *	copyright and version, memory lines	cpu_startup()
 *	proc0, sleep queues, run queues, idle	procinit() ...
 *	autoconfiguration: mainbus, devices	cpu_configure()
 *	clocks, softclock			initclocks()
 *	interrupts on, the scheduler's clock	spl0(), scheduler_start()
 *	the reaper thread			kthread_create(reaper)
 *	time of day from the RTC		inittodr()
 *	vnodes, name cache (buffers earlier)	vfsinit() (bufinit())
 *	pick and mount the root			setroot(), vfs_mountroot()
 *	the syncer thread			kthread_create(sched_sync)
 *	start init				fork1(start_init)
 *
 * init is process 1: fork1() from proc0 gives it an empty address space
 * and start_init() execs /sbin/init in it, which opens the console and
 * runs the shell.  proc0 then has nothing left to do and sleeps for good.
 * With a test selector on the boot command line (test=NAME) main() runs
 * the in-kernel tests instead and ends the QEMU run with their verdict;
 * test=regress boots normally but starts "init -t", which runs the user
 * regression suite and powers the machine off.  Without a root file
 * system there is no init: main() enters ddb, where the clock can be
 * watched ("show uptime") and the kernel examined.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/errno.h>
#include <sys/filedesc.h>
#include <sys/vnode.h>
#include <sys/ktest.h>
#include <sys/buf.h>
#include <sys/disklabel.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/time.h>
#include <sys/proc.h>
#include <sys/device.h>
#include <dev/rdvar.h>
#include <sys/reboot.h>
#include <ddb/db_extern.h>
#include <dev/cons.h>
#include <machine/biosvar.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <kern/exec_elf.h>

extern const char copyright[];

/*
 * What process 1 runs: /sbin/init, or "/sbin/init -t" (test=regress: the
 * user regression suite), or /sbin/ubench (test=ubench: `make bench`'s
 * user-level benchmarks); none with another test selector, which runs
 * the in-kernel tests instead.
 */
static const char *
init_program(bool *testmode)
{
	const char *sel = bootinfo.bi_ktest;

	*testmode = sel != nullptr && strcmp(sel, "regress") == 0;
	if (sel == nullptr || *testmode)
		return "/sbin/init";
	if (strcmp(sel, "ubench") == 0)
		return "/sbin/ubench";
	return nullptr;
}

/* [K] Set by main() when the root is mounted: init may exec. */
static int start_init_exec;

/*
 * start_init: the first thing process 1 does, in the kernel.  It is
 * forked early, so that it gets pid 1, but has to wait until main() has
 * mounted the root; then it takes the root as its current directory and
 * execs its program.  On return, proc_trampoline_user goes to user mode
 * with the registers execve set.
 */
static void
start_init(void *arg)
{
	struct proc *p = (struct proc *)arg;
	struct filedesc *fdp = p->p_p->ps_fd;
	static const char *const envp[] = { "PATH=/bin:/sbin", nullptr };
	const char *argv[3] = { "init", nullptr, nullptr };
	bool testmode;

	while (!start_init_exec)
		tsleep(&start_init_exec, PWAIT, "initexec", 0);
	if (fdp->fd_cdir == nullptr) {
		fdp->fd_cdir = rootvnode;
		vref(rootvnode);
	}
	const char *path = init_program(&testmode);
	if (testmode)
		argv[1] = "-t";
	if (strcmp(path, "/sbin/ubench") == 0)
		argv[0] = "ubench";
	int error = kern_execve(p, path, (char *const *)argv,
	    (char *const *)envp, UIO_SYSSPACE);
	if (error != EJUSTRETURN)
		panic("start_init: cannot exec %s: error %d", path, error);
}

/*
 * main: start the system.
 * => called by locore on proc0's stack with interrupts disabled; never
 *    returns.
 */
extern "C" __dead void
main(void *)
{
	if (bootinfo.bi_ktest != nullptr)
		ktest_arm();	/* a panic from here on ends the test run */
	printf("%s", copyright);
	uvm_init();
	kmeminit();
	cpu_startup();
	bufinit();

	procinit();
	sleep_queue_init();
	sched_init_cpu();

	initclocks();
	spl0();
	enable_intr();
	cpu_configure();
	rdattach(1);
	scheduler_start();

	/* Process 1 first, so that it is pid 1; it waits for the root. */
	bool testmode;
	struct proc *initproc = nullptr;
	if (init_program(&testmode) != nullptr) {
		if (fork1(&proc0, FORK_FORK, start_init, nullptr, nullptr,
		    &initproc) != 0)
			panic("main: cannot fork init");
		initprocess = initproc->p_p;
	}

	if (kthread_create(reaper, nullptr, nullptr, "reaper") != 0)
		panic("main: no reaper");

	/* Files: the caches, the root file system, the syncer. */
	inittodr(0);
	/*
	 * Where mmap places mappings should differ from boot to boot.
	 * XXX OpenBSD seeds arc4random(9) from the boot loader's entropy;
	 * the time of day and the cycle counter are a weak stand-in.
	 */
	uvm_map_random_seed((u_int32_t)time_second ^ (u_int32_t)rdtsc());
	vfsinit();
	setroot();
	if (rootdev != NODEV) {
		int error = vfs_mountroot();
		if (error != 0)
			printf("cannot mount root on %s%da: error %d; going on "
			    "without files\n", findblkname(major(rootdev)),
			    DISKUNIT(rootdev), error);
	}
	if (kthread_create(sched_sync, nullptr, nullptr, "syncer") != 0)
		panic("main: no syncer");

	if (boothowto & RB_KDB) {
		printf("entering ddb (boot -d); \"continue\" goes on\n");
		db_enter();
	}

	if (initproc == nullptr)
		ktest_run(bootinfo.bi_ktest);	/* does not return */

	/* Let init go; proc0 has nothing more to do. */
	if (rootvnode != nullptr) {
		start_init_exec = 1;
		wakeup(&start_init_exec);
		for (;;)
			tsleep(&proc0, PVM, "scheduler", 0);
	}

	printf("main: no root file system, no init.  Entering ddb: try \"show "
	    "uptime\", \"trace\", \"help\"; \"boot reboot\" leaves.\n");
	for (;;) {
		db_enter();
		/*
		 * After "continue": let the other threads run, looking at
		 * the console ten times a second for a key that means ddb.
		 */
		printf("main: idle; press a key for ddb\n");
		while (cncheckc() < 0)
			(void)tsleep(&proc0, PPAUSE, "console", hz / 10);
	}
}
