/*
 * exec_i386.cc: load the kernel and start it, the way OpenBSD's boot(8)
 * starts an OpenBSD/i386 kernel (libsa/exec_i386.c).
 *
 * run_loadfile() first has loadfile() only count where the ELF file's
 * segments and symbols would go, and refuses a kernel that would not fit
 * in free RAM above 1 MiB (below is boot(8) itself and the BIOS).  Then it
 * loads it for real and builds the kernel's arguments:
 *
 *   start(howto, bootdev, bootapiver, esym, extmem, cnvmem, argc, argv)
 *
 *   howto	boot flags, RB_* of <sys/reboot.h>: -s RB_SINGLE, -d RB_KDB
 *   bootdev	MAKEBOOTDEV(0 = wd, 0, 0, unit, partition 0 = 'a')
 *   bootapiver	BOOTARG_APIVER: a bootarg list follows, sizes in bytes
 *   esym	physical end of the symbols loaded after the kernel, or 0
 *   extmem	KiB of RAM from 1 MiB, cnvmem KiB below 640 KiB
 *   argc	bytes of the bootarg list, argv its physical address
 *
 * The bootarg list (<machine/biosvar.h>, built with the kernel's own
 * bootarg.cc) holds the same records multiboot.cc makes for GRUB: the
 * memory map (BOOTARG_MEMMAP), the console (BOOTARG_CONSDEV: com0 at
 * CONADDR, CONSPEED baud) and, if `test=' was given, BOOTARG_KTEST.
 * startprog() (srt0.asm) pushes the arguments and calls the entry point
 * in 32-bit protected mode with paging off, interrupts off, and our flat
 * code and data segments, which is what locore expects.
 */
#include <sys/param.h>
#include <sys/reboot.h>
#include <machine/biosvar.h>
#include <dev/ic/comvar.h>
#include "boot.h"
#include "loadfile.h"

#define KERNEL_MINADDR	0x100000	/* below: boot(8), BIOS, VGA */

/* The list the kernel reads; below 1 MiB, where its locore can copy it. */
static char bootargbuf[BOOTARG_LEN] __attribute__((__aligned__(4)));
static u_int32_t startargs[8];

/*
 * run_loadfile: load the ELF kernel at path (a path in the boot
 * partition) and start it with the boot flags howto and, if ktest is not
 * null, the test selector.
 * => returns only on failure, with an errno (ENOENT, ENOEXEC, ENOMEM for
 *    a kernel that does not fit, EIO); the message is printed.
 */
int
run_loadfile(const char *path, int howto, const char *ktest)
{
	u_long marks[MARK_MAX] = {};
	struct bootarg_builder bb;

	/* Where would it go? */
	if (loadfile(path, marks, LOAD_ALL | COUNT_ONLY) != 0) {
		printf("%s\n", strerror(errno));
		return errno;
	}
	if (marks[MARK_START] < KERNEL_MINADDR ||
	    !mem_usable(marks[MARK_START], marks[MARK_END] -
	    marks[MARK_START])) {
		printf("kernel at 0x%lx-0x%lx does not fit in free memory\n",
		    marks[MARK_START], marks[MARK_END]);
		return ENOMEM;
	}
	marks[MARK_START] = 0;			/* load at physical addresses */
	if (loadfile(path, marks, LOAD_ALL) != 0) {
		printf("\nload failed: %s\n", strerror(errno));
		return errno;
	}

	bootarg_init(&bb, bootargbuf, sizeof(bootargbuf));
	int nmap = 0;
	while (bios_memmap[nmap].type != BIOS_MAP_END)
		nmap++;
	bootarg_add(&bb, BOOTARG_MEMMAP, bios_memmap,
	    (nmap + 1) * sizeof(bios_memmap_t));
	bios_consdev_t cd = { (8 << 8) | 0, CONSPEED, CONADDR, 0 };
	bootarg_add(&bb, BOOTARG_CONSDEV, &cd, sizeof(cd));
	if (ktest != nullptr)
		bootarg_add(&bb, BOOTARG_KTEST, ktest, strlen(ktest) + 1);
	bootarg_end(&bb);
	if (bb.bb_overflow) {
		printf("boot arguments do not fit in %d bytes\n", BOOTARG_LEN);
		return ENOMEM;
	}

	/*
	 * OpenBSD masks the entry point to 28 bits: a kernel whose ELF
	 * entry is a KERNBASE (0xd0000000) address is then entered at the
	 * physical address it was loaded at.  Ours is physical already.
	 */
	u_int32_t entry = marks[MARK_ENTRY] & 0x0fffffff;
	startargs[0] = howto;
	startargs[1] = MAKEBOOTDEV(0, 0, 0, bootdisk.di_drive & 0x7f, 0);
	startargs[2] = BOOTARG_APIVER;
	startargs[3] = marks[MARK_SYM] != 0 ? marks[MARK_END] : 0;
	startargs[4] = extmem;
	startargs[5] = cnvmem;
	startargs[6] = bb.bb_used;
	startargs[7] = (u_int32_t)(uintptr_t)bootargbuf;
	printf("entry point at 0x%x\n", entry);
	startprog(entry, 8, startargs);
}
