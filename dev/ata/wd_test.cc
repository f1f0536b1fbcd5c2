/*
 * wd_test.cc: in-kernel tests of wd(4), wdc(4) and disksort().
 *
 * disksort runs everywhere: it sorts hand-made bufs and checks the
 * elevator's order.  wd_readwrite needs a disk made by tools/mkdisk-test
 * on the primary master (QEMU: -drive file=IMAGE,format=raw,if=ide,
 * index=0,media=disk), so it runs only by name: the host made every
 * sector s hold bytes (s * 7 + i) & 0xff, except that sector 0 ends in
 * an MBR with one partition (type 0x83 from sector 63); the test reads
 * the whole disk in requests that are not multiples of the drive's
 * multiple block or of a command, issues several reads at once so that
 * disksort and the channel queue have work, then writes a second
 * pattern, ((s * 13 + i) ^ 0x5a) & 0xff, to sectors 64-127 and reads it
 * back.  After QEMU exits, `tools/mkdisk-test verify IMAGE' checks that
 * the writes reached the image and nothing else changed.
 */
#include <sys/param.h>
#include <sys/kernel.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/device.h>
#include <sys/disklabel.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <sys/malloc.h>
#include <dev/ata/wdvar.h>
#include <machine/intr.h>


constexpr int DISK_SECTORS = 8192;	/* the 4 MiB image */
constexpr int CHUNK = 200;		/* 128 + 72: two commands, partial
					   multiple blocks */
constexpr int WSTART = 64, WEND = 128;	/* the sectors the test writes */

static inline u_int8_t
pattern1(int s, int i)
{
	return (s * 7 + i) & 0xff;
}

static inline u_int8_t
pattern2(int s, int i)
{
	return ((s * 13 + i) ^ 0x5a) & 0xff;
}

/* check_sector: does sector s at p hold the host's pattern? */
static int
check_sector(const u_int8_t *p, int s)
{
	/* Sector 0's pattern stops where the MBR's partition table begins. */
	int n = (s == 0) ? DOSPARTOFF : DEV_BSIZE;

	for (int i = 0; i < n; i++)
		if (p[i] != pattern1(s, i))
			return ktest_fail("sector %d byte %d: 0x%02x, "
			    "not 0x%02x", s, i, p[i], pattern1(s, i));
	if (s == 0 && (p[510] != 0x55 || p[511] != 0xaa))
		return ktest_fail("sector 0: no MBR signature");
	return 0;
}

static int
test_wd_readwrite(void)
{
	struct device *wd = wd_cd.cd_ndevs > 0 ?
	    (struct device *)wd_cd.cd_devs[0] : nullptr;
	u_int8_t *buf;
	int error = 0;

	if (wd == nullptr)
		return ktest_fail("no wd0 (is the disk image attached?)");
	buf = (u_int8_t *)malloc(CHUNK * DEV_BSIZE, M_TEMP, M_WAITOK);

	/* 1. The whole disk, as the host wrote it. */
	for (int s = 0; s < DISK_SECTORS && error == 0; s += CHUNK) {
		int n = MIN(CHUNK, DISK_SECTORS - s);
		if ((error = wd_rw(wd, s, buf, n, false)) != 0) {
			error = ktest_fail("read %d+%d: error %d", s, n, error);
			break;
		}
		for (int i = 0; i < n && error == 0; i++)
			error = check_sector(buf + i * DEV_BSIZE, s + i);
	}
	if (error != 0)
		goto out;

	/* 2. Several reads in flight at once, out of order: the elevator. */
	{
		static const int blk[] = { 3000, 1000, 7000, 2000, 500 };
		constexpr int N = sizeof(blk) / sizeof(blk[0]);
		struct buf b[N] = {};
		for (int k = 0; k < N; k++) {
			b[k].b_dev = makedev(WD_BMAJ, DISKMINOR(0, RAW_PART));
			b[k].b_flags = B_READ;
			b[k].b_blkno = blk[k];
			b[k].b_bcount = 3 * DEV_BSIZE;
			b[k].b_data = buf + k * 3 * DEV_BSIZE;
			wdstrategy(&b[k]);
		}
		for (int k = 0; k < N; k++)
			if ((error = biowait(&b[k])) != 0)
				break;
		if (error != 0) {
			error = ktest_fail("queued read: error %d", error);
			goto out;
		}
		for (int k = 0; k < N * 3 && error == 0; k++)
			error = check_sector(buf + k * DEV_BSIZE,
			    blk[k / 3] + k % 3);
		if (error != 0)
			goto out;
	}

	/* 3. Partition a is the MBR's first partition. */
	{
		u_int8_t one[DEV_BSIZE];
		struct buf b = {};
		b.b_dev = makedev(WD_BMAJ, DISKMINOR(0, 0));
		b.b_flags = B_READ;
		b.b_blkno = 1;
		b.b_bcount = DEV_BSIZE;
		b.b_data = one;
		wdstrategy(&b);
		if ((error = biowait(&b)) != 0) {
			error = ktest_fail("wd0a read: error %d", error);
			goto out;
		}
		if ((error = check_sector(one, 63 + 1)) != 0)
			goto out;
	}

	/* 4. Past the end of the disk: refused before reaching the drive. */
	if ((error = wd_rw(wd, DISK_SECTORS - 1, buf, 2, false)) != EINVAL) {
		error = ktest_fail("read past the end: error %d, not EINVAL",
		    error);
		goto out;
	}
	error = 0;

	/* 5. Write the second pattern and read it back. */
	for (int s = WSTART; s < WEND; s++)
		for (int i = 0; i < DEV_BSIZE; i++)
			buf[(s - WSTART) * DEV_BSIZE + i] = pattern2(s, i);
	if ((error = wd_rw(wd, WSTART, buf, WEND - WSTART, true)) != 0) {
		error = ktest_fail("write: error %d", error);
		goto out;
	}
	memset(buf, 0, (WEND - WSTART) * DEV_BSIZE);
	if ((error = wd_rw(wd, WSTART, buf, WEND - WSTART, false)) != 0) {
		error = ktest_fail("read back: error %d", error);
		goto out;
	}
	for (int s = WSTART; s < WEND && error == 0; s++) {
		const u_int8_t *p = buf + (s - WSTART) * DEV_BSIZE;
		for (int i = 0; i < DEV_BSIZE; i++)
			if (p[i] != pattern2(s, i)) {
				error = ktest_fail("read back: sector %d byte "
				    "%d is 0x%02x", s, i, p[i]);
				break;
			}
	}
out:
	free(buf, M_TEMP, CHUNK * DEV_BSIZE);
	return error;
}
KTEST_DEFINE(wd_readwrite, test_wd_readwrite, KTEST_DISK);

/*
 * disksort: with the head of the queue at block 50, requests ahead of
 * it come first in ascending order, then those behind it, ascending.
 */
static int
test_disksort(void)
{
	static const daddr_t in[] = { 50, 80, 10, 60, 90, 20, 70, 5, 50 };
	static const daddr_t want[] = { 50, 50, 60, 70, 80, 90, 5, 10, 20 };
	constexpr int N = sizeof(in) / sizeof(in[0]);
	struct buf b[N] = {};
	bufq_head q;
	int i = 0, error = 0;

	int s = splbio();
	for (int k = 0; k < N; k++) {
		b[k].b_rawblkno = in[k];
		disksort(q, &b[k]);
	}
	for (struct buf *bp = q.first(); bp != nullptr; bp = q.next(bp), i++)
		if (error == 0 && (i >= N || bp->b_rawblkno != want[i]))
			error = ktest_fail("position %d: block %lld", i,
			    (long long)bp->b_rawblkno);
	while (!q.empty())
		q.remove(q.first());
	splx(s);
	if (error == 0 && i != N)
		error = ktest_fail("%d bufs on the queue, not %d", i, N);
	return error;
}
KTEST_DEFINE(disksort, test_disksort, 0);

/*
 * A drive that stops answering: the disk group boots with QEMU
 * throttling the image to 4 KiB/s, so reading 128 sectors (64 KiB) takes
 * far longer than the driver's 5 s watchdog.  The request must end with
 * EIO, in bounded time, and the kernel must go on.
 */
static int
test_wd_timeout(void)
{
	struct device *wd = wd_cd.cd_ndevs > 0 ?
	    (struct device *)wd_cd.cd_devs[0] : nullptr;

	if (wd == nullptr)
		return ktest_fail("no wd0 (is the disk image attached?)");
	u_int8_t *buf = (u_int8_t *)malloc(128 * DEV_BSIZE, M_TEMP, M_WAITOK);
	int t0 = ticks;
	int error = wd_rw(wd, 0, buf, 128, false);
	int waited = ticks - t0;
	free(buf, M_TEMP, 128 * DEV_BSIZE);
	if (error != EIO)
		return ktest_fail("slow read returned %d, not EIO", error);
	if (waited > 10 * hz)
		return ktest_fail("EIO took %d ticks", waited);
	return 0;
}
KTEST_DEFINE(wd_timeout, test_wd_timeout, KTEST_DISK);
