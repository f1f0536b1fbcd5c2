/*
 * mem.cc: the memory devices, mem(4): /dev/null and /dev/zero.
 *
 * Character major 2, as on OpenBSD/i386.  Minor 2 is null: reads end at
 * once (end of file), writes succeed and go nowhere.  Minor 12 is zero:
 * reads give zeroes, writes go nowhere.  /dev/mem and /dev/kmem (minors
 * 0 and 1), windows onto physical and kernel memory, are left out: a
 * teaching kernel has no need to let programs read it raw.
 * Mirrors OpenBSD's arch/i386/i386/mem.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/conf.h>
#include <sys/errno.h>
#include <sys/uio.h>

int
mmopen(dev_t dev, int, int, struct proc *)
{
	switch (minor(dev)) {
	case MINOR_NULL:
	case MINOR_ZERO:
		return 0;
	default:
		return ENXIO;
	}
}

int
mmclose(dev_t, int, int, struct proc *)
{
	return 0;
}

/*
 * mmrw: read or write a memory device.
 * => process context; does not sleep.
 */
int
mmrw(dev_t dev, struct uio *uio, int)
{
	static const char zeroes[512] = {};

	switch (minor(dev)) {
	case MINOR_NULL:
		if (uio->uio_rw == UIO_WRITE) {
			uio->uio_offset += uio->uio_resid;
			uio->uio_resid = 0;
		}
		return 0;	/* a read moves nothing: end of file */
	case MINOR_ZERO:
		if (uio->uio_rw == UIO_WRITE) {
			uio->uio_offset += uio->uio_resid;
			uio->uio_resid = 0;
			return 0;
		}
		while (uio->uio_resid > 0) {
			int error = uiomove((void *)zeroes,
			    MIN(uio->uio_resid, sizeof(zeroes)), uio);
			if (error != 0)
				return error;
		}
		return 0;
	default:
		return ENXIO;
	}
}
