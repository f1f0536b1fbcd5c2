/*
 * conf.cc: the device switch tables, bdevsw[] and cdevsw[], indexed by
 * major number, with OpenBSD/i386's numbers.  Entries for drivers this
 * kernel does not have are empty (every function pointer null): opening
 * such a device gives ENXIO.  A new driver gets its entry here.
 * Mirrors OpenBSD's arch/i386/i386/conf.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/conf.h>
#include <dev/ata/wdvar.h>
#include <dev/rdvar.h>

/* Block devices; the empty entries are drivers this kernel lacks. */
#define bdev_notdef() { nullptr, nullptr, nullptr, nullptr, nullptr, 0 }
const struct bdevsw bdevsw[] = {
	{ wdopen, wdclose, wdstrategy, nullptr, wdsize, D_DISK },	/*  0: wd */
	bdev_notdef(),						/*  1: swap */
	bdev_notdef(),						/*  2: fd */
	bdev_notdef(),						/*  3: wt */
	bdev_notdef(),						/*  4: sd */
	bdev_notdef(),						/*  5: st */
	bdev_notdef(),						/*  6: cd */
	bdev_notdef(),						/*  7 */
	bdev_notdef(),						/*  8 */
	bdev_notdef(),						/*  9 */
	bdev_notdef(),						/* 10 */
	bdev_notdef(),						/* 11 */
	bdev_notdef(),						/* 12 */
	bdev_notdef(),						/* 13 */
	bdev_notdef(),						/* 14: vnd */
	bdev_notdef(),						/* 15 */
	bdev_notdef(),						/* 16 */
	{ rdopen, rdclose, rdstrategy, nullptr, rdsize, D_DISK },	/* 17: rd */
};
const int nblkdev = sizeof(bdevsw) / sizeof(bdevsw[0]);

/* Character devices. */
const struct cdevsw cdevsw[] = {
	{ cnopen, cnclose, cnread, cnwrite, cnioctl, D_TTY },	/*  0: cons */
	{ nullptr, nullptr, nullptr, nullptr, nullptr, 0 },	/*  1: ctty */
	{ mmopen, mmclose, mmrw, mmrw, nullptr, 0 },		/*  2: mem */
};
const int nchrdev = sizeof(cdevsw) / sizeof(cdevsw[0]);

/* Names of the block devices, for "root on wd0a" (OpenBSD's nam2blk). */
const struct nam2blk nam2blk[] = {
	{ "wd", 0 },
	{ "rd", 17 },
	{ nullptr, -1 },
};

/* findblkname: the name of block major maj, or null. */
const char *
findblkname(int maj)
{
	for (int i = 0; nam2blk[i].name != nullptr; i++)
		if (nam2blk[i].maj == maj)
			return nam2blk[i].name;
	return nullptr;
}
