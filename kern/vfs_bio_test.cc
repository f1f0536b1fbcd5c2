/*
 * vfs_bio_test.cc: in-kernel tests of the buffer cache, kern/vfs_bio.cc,
 * against a disk that answers from interrupt level.
 *
 * The host tests (tools/unittest/bio_test.cc) check the cache's
 * bookkeeping with disks that finish when told; these check the real
 * handshake.  The test vnode's strategy routine queues the buf and arms
 * a timeout(9) one tick ahead; the timeout, run by softclock after the
 * clock interrupt, raises to splbio as a disk's interrupt handler runs
 * and finishes every queued buf with biodone().  So bread really sleeps
 * in biowait, a B_ASYNC write really comes back through biodone's
 * brelse at interrupt level, and getblk really sleeps on a busy buffer.
 * The vnode is static, like the disk, its lists set up by hand (an
 * all-zero list head is empty, but say so with init()).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <sys/mount.h>
#include <sys/proc.h>
#include <sys/timeout.h>
#include <sys/vnode.h>
#include <machine/cpu.h>
#include <machine/intr.h>

constexpr int TD_BSIZE = 1024;		/* the test's block size */
constexpr int TD_NBLK = 64;		/* the disk's size in blocks */

static char td_disk[TD_NBLK * TD_BSIZE];
static bufq_head td_queue;		/* [splbio] bufs not yet done */
static struct timeout td_to;
static volatile int td_reads, td_writes;
static struct vnode td_vnode;
static int td_chan;

/* The disk's "interrupt": finish every queued buf.  => softclock. */
static void
td_intr(void *)
{
	splguard s(IPL_BIO);	/* as the disk's handler would run */
	struct buf *bp;

	while ((bp = td_queue.first()) != nullptr) {
		td_queue.remove(bp);
		char *where = td_disk + bp->b_blkno * TD_BSIZE;
		if (bp->b_blkno < 0 || bp->b_blkno * TD_BSIZE + bp->b_bcount >
		    (long)sizeof(td_disk)) {
			bp->b_flags |= B_ERROR;
			bp->b_error = EINVAL;
		} else if (bp->b_flags & B_READ) {
			memcpy(bp->b_data, where, bp->b_bcount);
			td_reads = td_reads + 1;
		} else {
			memcpy(where, bp->b_data, bp->b_bcount);
			td_writes = td_writes + 1;
		}
		bp->b_resid = 0;
		biodone(bp);
	}
}

/* VOP_STRATEGY of the test vnode: queue bp, answer a tick later. */
static int
td_strategy(void *v)
{
	struct vop_strategy_args *ap = (struct vop_strategy_args *)v;
	splguard s(IPL_BIO);

	td_queue.insert_tail(ap->a_bp);
	if (!timeout_pending(&td_to))
		timeout_add(&td_to, 1);
	return 0;
}

/* The test vnode's table: only a strategy routine. */
static constexpr struct vops
td_vops_make(void)
{
	struct vops v{};

	v.vop_strategy = td_strategy;
	return v;
}
static const struct vops td_vops = td_vops_make();

/* A fresh vnode, disk and counters; false if the cache is not set up. */
static bool
td_setup(void)
{
	struct vnode *vp = &td_vnode;

	if (bcstats.maxbufpages == 0)
		return false;		/* main() has not called bufinit */
	td_queue.init();
	timeout_set(&td_to, td_intr, nullptr);
	vp->v_op = &td_vops;
	vp->v_type = VREG;	/* b_blkno = b_lblkno: no bmap here */
	vp->v_usecount = 1;
	vp->v_cleanblkhd.init();
	vp->v_dirtyblkhd.init();
	vp->v_numoutput = 0;
	for (int i = 0; i < (int)sizeof(td_disk); i++)
		td_disk[i] = (char)(i / TD_BSIZE + 1);
	td_reads = 0;
	td_writes = 0;
	return true;
}

/* Drop every buffer of the test vnode. */
static int
td_teardown(void)
{
	if (vinvalbuf(&td_vnode, 0, nullptr, curproc, 0, 0) != 0)
		return ktest_fail("vinvalbuf failed");
	if (!td_vnode.v_cleanblkhd.empty() || !td_vnode.v_dirtyblkhd.empty())
		return ktest_fail("buffers left on the vnode");
	return 0;
}

/* Is every byte of the block at p the value v? */
static bool
filled(const void *p, int v)
{
	const char *c = (const char *)p;

	for (int i = 0; i < TD_BSIZE; i++)
		if (c[i] != (char)v)
			return false;
	return true;
}

/* Sleep, a tick at a time, until (vp, blkno) is cached and not busy. */
static bool
wait_unbusy(daddr_t blkno)
{
	for (int i = 0; i < 10 * hz; i++) {
		struct buf *bp = incore(&td_vnode, blkno);
		if (bp != nullptr && (bp->b_flags & B_BUSY) == 0)
			return true;
		tsleep(&td_chan, PRIBIO, "tdwait", 1);
	}
	return false;
}

/* bread sleeps in biowait until the interrupt; the second is a hit. */
static int
test_bio_read_sleep(void)
{
	struct buf *bp;

	if (!td_setup())
		return ktest_fail("bufinit has not run");
	int64_t hits = bcstats.cachehits;
	int t0 = ticks;
	if (bread(&td_vnode, 3, TD_BSIZE, &bp) != 0)
		return ktest_fail("bread failed");
	if (ticks == t0 || td_reads != 1)
		return ktest_fail("no sleep or no read: %d ticks, %d reads",
		    ticks - t0, td_reads);
	if (!filled(bp->b_data, 4))
		return ktest_fail("wrong data");
	brelse(bp);
	if (bread(&td_vnode, 3, TD_BSIZE, &bp) != 0 || td_reads != 1 ||
	    bcstats.cachehits != hits + 1 || !filled(bp->b_data, 4))
		return ktest_fail("no hit: %d reads", td_reads);
	brelse(bp);
	/* Past the end of the disk: the error comes back, not the block. */
	if (bread(&td_vnode, TD_NBLK, TD_BSIZE, &bp) != EINVAL)
		return ktest_fail("no EINVAL past the end");
	brelse(bp);
	if (incore(&td_vnode, TD_NBLK) != nullptr)
		return ktest_fail("a failed read stayed in the cache");
	return td_teardown();
}
KTEST_DEFINE(bio_read_sleep, test_bio_read_sleep, 0);

/*
 * bawrite returns with the write in flight; biodone, at interrupt level,
 * releases the buffer; getblk on it meanwhile sleeps until then.
 */
static int
test_bio_async_write(void)
{
	if (!td_setup())
		return ktest_fail("bufinit has not run");
	struct buf *bp = getblk(&td_vnode, 5, TD_BSIZE, 0, 0);
	memset(bp->b_data, 0x5a, TD_BSIZE);
	int64_t waits = bcstats.busymapped;
	/*
	 * At splbio the disk's answer (softclock, below IPL_BIO) cannot
	 * come before getblk sleeps: bp is surely in flight until then.
	 */
	int s = splbio();
	bawrite(bp);
	if (!(bp->b_flags & B_BUSY) || td_vnode.v_numoutput != 1) {
		splx(s);
		return ktest_fail("write not in flight: flags %lx, "
		    "numoutput %u", bp->b_flags, td_vnode.v_numoutput);
	}
	struct buf *bp2 = getblk(&td_vnode, 5, TD_BSIZE, 0, 0);
	splx(s);
	if (bp2 != bp || bcstats.busymapped != waits + 1 || td_writes != 1)
		return ktest_fail("getblk did not wait for the write");
	if (td_vnode.v_numoutput != 0 || !(bp2->b_flags & B_DONE) ||
	    !filled(td_disk + 5 * TD_BSIZE, 0x5a))
		return ktest_fail("write not finished");
	brelse(bp2);

	/* Now without a waiter: brelse from biodone alone. */
	bp = getblk(&td_vnode, 6, TD_BSIZE, 0, 0);
	memset(bp->b_data, 0x66, TD_BSIZE);
	bawrite(bp);
	vflushbuf(&td_vnode, 1);	/* waits for v_numoutput */
	if (td_vnode.v_numoutput != 0 || td_writes != 2 ||
	    !filled(td_disk + 6 * TD_BSIZE, 0x66))
		return ktest_fail("vflushbuf did not wait");
	if (bp->b_flags & B_BUSY)
		return ktest_fail("biodone did not release the async buffer");
	return td_teardown();
}
KTEST_DEFINE(bio_async_write, test_bio_async_write, 0);

/* Delayed writes wait in the cache; sync (MNT_WAIT) writes them all. */
static int
test_bio_delwri(void)
{
	if (!td_setup())
		return ktest_fail("bufinit has not run");
	for (int i = 0; i < 4; i++) {
		struct buf *bp = getblk(&td_vnode, 20 + i, TD_BSIZE, 0, 0);
		memset(bp->b_data, 0x70 + i, TD_BSIZE);
		bdwrite(bp);
	}
	if (td_writes != 0 || td_vnode.v_dirtyblkhd.empty())
		return ktest_fail("bdwrite wrote");
	buf_flush_all(MNT_WAIT);
	if (td_writes != 4 || !td_vnode.v_dirtyblkhd.empty() ||
	    td_vnode.v_numoutput != 0)
		return ktest_fail("after sync: %d writes", td_writes);
	for (int i = 0; i < 4; i++)
		if (!filled(td_disk + (20 + i) * TD_BSIZE, 0x70 + i))
			return ktest_fail("block %d not on the disk", 20 + i);

	/* vinvalbuf(V_SAVE) writes before it forgets. */
	struct buf *bp = getblk(&td_vnode, 30, TD_BSIZE, 0, 0);
	memset(bp->b_data, 0x33, TD_BSIZE);
	bdwrite(bp);
	if (vinvalbuf(&td_vnode, V_SAVE, nullptr, curproc, 0, 0) != 0 ||
	    td_writes != 5 || !filled(td_disk + 30 * TD_BSIZE, 0x33))
		return ktest_fail("vinvalbuf(V_SAVE) did not write");
	return td_teardown();
}
KTEST_DEFINE(bio_delwri, test_bio_delwri, 0);

/* breadn starts the read-aheads; biodone puts them in the cache. */
static int
test_bio_breadn(void)
{
	daddr_t ra[3] = { 11, 12, 13 };
	int rasize[3] = { TD_BSIZE, TD_BSIZE, TD_BSIZE };
	struct buf *bp;

	if (!td_setup())
		return ktest_fail("bufinit has not run");
	if (breadn(&td_vnode, 10, TD_BSIZE, ra, rasize, 3, &bp) != 0 ||
	    !filled(bp->b_data, 11))
		return ktest_fail("breadn failed");
	brelse(bp);
	for (daddr_t b : ra)
		if (!wait_unbusy(b))
			return ktest_fail("read-ahead of %lld never ended",
			    (long long)b);
	if (td_reads != 4)
		return ktest_fail("%d reads, not 4", td_reads);
	for (daddr_t b : ra) {
		if (bread(&td_vnode, b, TD_BSIZE, &bp) != 0 ||
		    !filled(bp->b_data, (int)b + 1))
			return ktest_fail("block %lld wrong", (long long)b);
		brelse(bp);
	}
	if (td_reads != 4)
		return ktest_fail("read-ahead blocks were read again");
	return td_teardown();
}
KTEST_DEFINE(bio_breadn, test_bio_breadn, 0);

/*
 * Benchmark: getblk + brelse of a block in the cache, in TSC cycles
 * (under `make bench`, QEMU's -icount makes the TSC count instructions).
 */
static int
bench_bio_getblk_hit(void)
{
	const int rounds = 10000;
	struct buf *bp;

	if (!td_setup())
		return ktest_fail("bufinit has not run");
	if (bread(&td_vnode, 1, TD_BSIZE, &bp) != 0)
		return ktest_fail("bread failed");
	brelse(bp);
	u_int64_t t0 = cpu_counter();
	for (int i = 0; i < rounds; i++)
		brelse(getblk(&td_vnode, 1, TD_BSIZE, 0, 0));
	u_int64_t t1 = cpu_counter();
	printf("RESULT bio_getblk_hit %llu cycles/op\n",
	    (unsigned long long)((t1 - t0) / rounds));
	return td_teardown();
}
KTEST_DEFINE(bio_getblk_hit, bench_bio_getblk_hit, KTEST_BENCH);
