/*
 * mem_test.cc: /dev/null and /dev/zero through the character device
 * switch, as a read(2) or write(2) will reach them.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/conf.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <sys/uio.h>

/* One read or write of len bytes at buf on dev, through cdevsw. */
static int
dev_rw(dev_t dev, void *buf, size_t len, enum uio_rw rw, size_t *resid)
{
	struct iovec iov = { buf, len };
	struct uio uio = { &iov, 1, 0, len, UIO_SYSSPACE, rw, nullptr };
	const struct cdevsw *cdev = &cdevsw[major(dev)];
	int error = (rw == UIO_READ) ? (*cdev->d_read)(dev, &uio, 0) :
	    (*cdev->d_write)(dev, &uio, 0);

	*resid = uio.uio_resid;
	return error;
}

static int
test_mem_null_zero(void)
{
	char buf[1000];
	size_t resid;
	dev_t null = makedev(CMAJ_MEM, MINOR_NULL);
	dev_t zero = makedev(CMAJ_MEM, MINOR_ZERO);

	if ((*cdevsw[CMAJ_MEM].d_open)(null, 0, 0, nullptr) != 0 ||
	    (*cdevsw[CMAJ_MEM].d_open)(makedev(CMAJ_MEM, 7), 0, 0,
	    nullptr) != ENXIO)
		return ktest_fail("open: null refused or minor 7 accepted");
	memset(buf, 'x', sizeof(buf));
	if (dev_rw(null, buf, sizeof(buf), UIO_READ, &resid) != 0 ||
	    resid != sizeof(buf))
		return ktest_fail("null read moved %zu bytes",
		    sizeof(buf) - resid);
	if (dev_rw(null, buf, sizeof(buf), UIO_WRITE, &resid) != 0 ||
	    resid != 0)
		return ktest_fail("null write left %zu bytes", resid);
	if (dev_rw(zero, buf, sizeof(buf), UIO_READ, &resid) != 0 ||
	    resid != 0)
		return ktest_fail("zero read left %zu bytes", resid);
	for (size_t i = 0; i < sizeof(buf); i++)
		if (buf[i] != 0)
			return ktest_fail("zero gave 0x%x at %zu", buf[i], i);
	return 0;
}
KTEST_DEFINE(mem_null_zero, test_mem_null_zero, 0);
