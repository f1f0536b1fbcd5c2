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

/* Block devices.  0: wd, 17: rd (to come with their drivers). */
const struct bdevsw bdevsw[] = {
	{ nullptr, nullptr, nullptr, nullptr, nullptr, 0 },	/*  0: wd */
};
const int nblkdev = sizeof(bdevsw) / sizeof(bdevsw[0]);

/* Character devices. */
const struct cdevsw cdevsw[] = {
	{ nullptr, nullptr, nullptr, nullptr, nullptr, D_TTY },	/*  0: cons */
	{ nullptr, nullptr, nullptr, nullptr, nullptr, 0 },	/*  1: ctty */
	{ mmopen, mmclose, mmrw, mmrw, nullptr, 0 },		/*  2: mem */
};
const int nchrdev = sizeof(cdevsw) / sizeof(cdevsw[0]);
