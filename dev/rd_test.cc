/*
 * rd_test.cc: the ramdisk through the block device switch: the image the
 * host made (tools/mkdisk-test, loaded with -initrd) reads back with its
 * pattern, and writes read back.  Needs the image: run by name.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <dev/rdvar.h>

/* One transfer through bdevsw, as the buffer cache will do it. */
static int
rd_io(daddr_t blkno, void *data, long len, bool read)
{
	struct buf b = {};

	b.b_flags = read ? B_READ : B_WRITE;
	b.b_dev = makedev(RD_BMAJ, 0);
	b.b_blkno = blkno;
	b.b_bcount = len;
	b.b_data = data;
	(*bdevsw[RD_BMAJ].d_strategy)(&b);
	return biowait(&b);
}

static int
test_rd_readwrite(void)
{
	static u_char buf[DEV_BSIZE];
	dev_t dev = makedev(RD_BMAJ, 0);

	if ((*bdevsw[RD_BMAJ].d_open)(dev, 0, 0, nullptr) != 0)
		return ktest_fail("no rd image (boot with -initrd)");
	int64_t nsect = (*bdevsw[RD_BMAJ].d_psize)(dev);
	/* Sector 0 holds an MBR; the others tools/mkdisk-test's pattern. */
	for (int64_t s = 1; s < nsect; s++) {
		if (rd_io(s, buf, DEV_BSIZE, true) != 0)
			return ktest_fail("read of sector %lld failed",
			    (long long)s);
		for (int i = 0; i < DEV_BSIZE; i++)
			if (buf[i] != ((s * 7 + i) & 0xff))
				return ktest_fail("sector %lld byte %d: 0x%x",
				    (long long)s, i, buf[i]);
	}
	for (int64_t s = 64; s < 128; s++) {
		for (int i = 0; i < DEV_BSIZE; i++)
			buf[i] = ((s * 13 + i) ^ 0x5a) & 0xff;
		if (rd_io(s, buf, DEV_BSIZE, false) != 0)
			return ktest_fail("write of sector %lld failed",
			    (long long)s);
	}
	for (int64_t s = 64; s < 128; s++) {
		if (rd_io(s, buf, DEV_BSIZE, true) != 0)
			return ktest_fail("reread of %lld failed", (long long)s);
		for (int i = 0; i < DEV_BSIZE; i++)
			if (buf[i] != (((s * 13 + i) ^ 0x5a) & 0xff))
				return ktest_fail("sector %lld did not keep its "
				    "write", (long long)s);
	}
	if (rd_io(nsect, buf, DEV_BSIZE, true) != EINVAL)
		return ktest_fail("a read past the end did not fail");
	return 0;
}
KTEST_DEFINE(rd_readwrite, test_rd_readwrite, KTEST_DISK);
