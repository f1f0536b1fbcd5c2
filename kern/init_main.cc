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
 *	start init				(the user-space issue)
 *
 * Until there is an init to start, main() ends by entering ddb, where the
 * clock can be watched ("show uptime") and the kernel examined.  With a
 * test selector on the boot command line it runs the in-kernel tests
 * instead and ends the QEMU run with their verdict.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
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

extern const char copyright[];

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

	if (bootinfo.bi_ktest != nullptr)
		ktest_run(bootinfo.bi_ktest);	/* does not return */

	printf("main: no init to start yet.  Entering ddb: try \"show "
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
