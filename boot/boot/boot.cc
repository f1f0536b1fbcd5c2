/*
 * boot.cc: boot(8), the second-stage loader: boot_main().
 *
 * srt0.asm gets here in 32-bit protected mode with the BIOS drive we
 * were loaded from and the first sector of our partition (both from
 * biosboot).  In order, as OpenBSD's boot(8) (sys/stand/boot/boot.c and
 * arch/i386/stand/boot/boot.c):
 *
 *   1. the heap for libsa's alloc(), the consoles;
 *   2. probe the machine: open the A20 gate, ask the BIOS for the memory
 *      map, find out how to read the disk; one line each, OpenBSD's:
 *	    probing: pc0 com0 mem[639K 255M a20=on]
 *	    disk: hd0+
 *	    >> TeachBSD/i386 BOOT 1.0
 *   3. libsa's files now come from the ext2 file system on the boot
 *      partition (sa_dev, sa_fs);
 *   4. run /etc/boot.conf, if there is one (cmd.cc);
 *   5. prompt (`boot>'), with a timeout the first time, for ever: a
 *      successful `boot' never comes back.
 */
#include <sys/param.h>
#include "boot.h"
#include "ext2fs.h"

static const char version[] = "1.0";

/* alloc()'s memory: files, their buffers, boot.conf. */
static char heap[HEAP_SIZE] __attribute__((__aligned__(8)));

/*
 * boot_main: called by srt0.asm, once.
 * => drive: BIOS drive number; poffset: first sector of our partition.
 */
extern "C" void
boot_main(int drive, u_int32_t poffset)
{
	alloc_init(heap, sizeof(heap));
	cninit();

	a20_on = gateA20();
	memprobe();
	printf("\nprobing: pc0 com0 mem[%uK %uM a20=%s]\n", cnvmem,
	    extmem / 1024, a20_on ? "on" : "off");
	if (!a20_on)
		printf("warning: the A20 gate stays shut: "
		    "odd megabytes alias even ones\n");
	if (diskprobe(drive, poffset) != 0) {
		printf("disk: hd%d: the BIOS offers no way to read it\n",
		    drive & 0x7f);
		for (;;)
			;
	}
	printf("disk: hd%d%s\n", drive & 0x7f, bootdisk.di_lba ? "+" : "");
	printf(">> TeachBSD/i386 BOOT %s\n", version);

	sa_dev = &biosdevsw;
	sa_devdata = &bootdisk;
	sa_fs = &ext2fs_ops;

	(void)read_conf();
	for (;;)
		boot_prompt();
}
