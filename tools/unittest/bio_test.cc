/*
 * bio_test.cc: host tests of the buffer cache, kern/vfs_bio.cc.
 *
 * The cache is compiled with the host's g++ together with the code it
 * calls (vfs_vops.cc for VOP_STRATEGY, pool(9), malloc(9) over
 * uvm_stub.cc), and this file stands in for the rest of the kernel:
 *
 *  - spl(9) is a plain variable, cpl (kern_stub.cc), so the cache's
 *    splassert()s are armed and every test checks that it ends at IPL_NONE.
 *  - There is one thread.  tsleep() cannot really sleep: it runs
 *    sleep_hook, "whatever happens while we are asleep" (by default the
 *    disks finish their queued transfers, as their interrupts would),
 *    and returns 0 if that woke the sleeper.  A sleep that nothing would
 *    end panics (and the test fails) instead of hanging.
 *  - A FakeDisk is a vnode whose vop_strategy reads and writes blocks
 *    kept in a std::map and counts them.  It finishes each buf at once
 *    (biodone inside strategy, as rd(4) does) or, when deferred, queues
 *    it until complete() plays the disk interrupt, at splbio.
 *  - ticks is set by the tests; the syncer's pass, sync_aged_buffers,
 *    is called directly with the time it should believe.
 *
 * Each test starts with an empty cache of a bound it chooses
 * (bufadjust) and ends by invalidating its vnodes' buffers and freeing
 * every buffer (bufadjust(0)): a buffer left busy or on a wrong list
 * shows up there, and in the page counts.
 */
#include <gtest/gtest.h>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support.h"
#include "uvm_stub.h"

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/proc.h>
#include <sys/vnode.h>
#include <machine/cpu.h>
#include <machine/intr.h>
#include <uvm/uvm_extern.h>

/*
 * The kernel's globals and calls that vfs_bio.cc uses, for one thread
 * (ticks, hz, cpl and spl(9) are in kern_stub.cc).
 */

/* printf(9), for pool(9)'s warnings: to stderr. */
int
printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);	/* the kernel's */
	va_end(ap);
	fputs(buf, stderr);
	return n;
}

void
splassert_fail(int wantipl, int haveipl, const char *func)
{
	panic("splassert: %s: want %d have %d", func, wantipl, haveipl);
}

namespace {

std::function<void()> sleep_hook;		/* runs "while asleep" */
std::set<const volatile void *> woken;		/* wakeups since the sleep */
std::vector<std::string> sleeps;		/* each tsleep's wmesg */
int vfs_syncs;					/* vfs_sync_all calls */

} // namespace

int
tsleep(const volatile void *ident, int, const char *wmesg, int timo)
{
	EXPECT_LT(cpl, IPL_HIGH);
	sleeps.push_back(wmesg);
	woken.erase(ident);
	if (sleep_hook) {
		/* Others run at their own levels while this thread sleeps. */
		int s = cpl;
		cpl = IPL_NONE;
		sleep_hook();
		cpl = s;
	}
	if (woken.count(ident) != 0)
		return 0;
	if (timo > 0)
		return EWOULDBLOCK;
	panic("tsleep(\"%s\"): nothing will ever wake this thread", wmesg);
}

void
wakeup(const volatile void *ident)
{
	woken.insert(ident);
}

void
yield(void)
{
}

void
vfs_sync_all(int)
{
	vfs_syncs++;
}

namespace {

constexpr int BSIZE = 4096;	/* one page: one buffer per page */

/* What a never-written block of a fake disk holds. */
char
pattern(daddr_t blkno)
{
	return (char)(0x10 + blkno);
}

int fake_strategy(void *v);

constexpr struct vops
fake_vops_make()
{
	struct vops v{};

	v.vop_strategy = fake_strategy;
	return v;
}
const struct vops fake_vops = fake_vops_make();

struct FakeDisk;
std::vector<FakeDisk *> disks;	/* for the default sleep hook */

/* A vnode over a disk of blocks held in memory. */
struct FakeDisk {
	struct vnode	vn{};
	std::map<daddr_t, std::vector<char>> blocks;
	std::set<daddr_t> bad;		/* transfers here fail with EIO */
	std::deque<struct buf *> pending; /* deferred, not yet done */
	std::vector<std::string> log;	/* "R3", "W5": I/O in order */
	bool deferred = false;		/* queue instead of finishing */
	int reads = 0, writes = 0;

	FakeDisk()
	{
		vn.v_op = &fake_vops;
		vn.v_type = VREG;
		vn.v_usecount = 1;
		vn.v_data = this;
		vn.v_cleanblkhd.init();
		vn.v_dirtyblkhd.init();
		disks.push_back(this);
	}
	~FakeDisk()
	{
		std::erase(disks, this);
	}
	FakeDisk(const FakeDisk &) = delete;

	/* The transfer itself.  => splbio. */
	void
	io(struct buf *bp)
	{
		daddr_t b = bp->b_blkno;
		bool rd = bp->b_flags & B_READ;

		log.push_back((rd ? "R" : "W") + std::to_string(b));
		bp->b_resid = 0;
		if (bad.count(b) != 0) {
			bp->b_flags |= B_ERROR;	/* no b_error: EIO */
			bp->b_resid = bp->b_bcount;
		} else if (rd) {
			reads++;
			char *d = (char *)bp->b_data;
			memset(d, pattern(b), bp->b_bcount);
			auto it = blocks.find(b);
			if (it != blocks.end())
				memcpy(d, it->second.data(), std::min(
				    (size_t)bp->b_bcount, it->second.size()));
		} else {
			writes++;
			const char *d = (const char *)bp->b_data;
			blocks[b].assign(d, d + bp->b_bcount);
		}
	}

	/* The disk interrupt: finish the first n queued bufs (-1: all). */
	void
	complete(int n = -1)
	{
		int s = splbio();

		while (n-- != 0 && !pending.empty()) {
			struct buf *bp = pending.front();
			pending.pop_front();
			io(bp);
			biodone(bp);
		}
		splx(s);
	}

	/* The byte at the start of block b on the disk. */
	char
	first_byte(daddr_t b)
	{
		auto it = blocks.find(b);
		return it == blocks.end() ? pattern(b) : it->second[0];
	}
};

int
fake_strategy(void *v)
{
	struct vop_strategy_args *ap = (struct vop_strategy_args *)v;
	FakeDisk *d = (FakeDisk *)ap->a_vp->v_data;
	struct buf *bp = ap->a_bp;

	EXPECT_EQ(bp->b_flags & B_DONE, 0);
	if (d->deferred) {
		d->pending.push_back(bp);
		return 0;
	}
	int s = splbio();
	d->io(bp);
	biodone(bp);
	splx(s);
	return 0;
}

void
complete_all_disks()
{
	for (FakeDisk *d : disks)
		d->complete();
}

/* Is every byte of bp's data c? */
bool
filled(const struct buf *bp, char c)
{
	const char *d = (const char *)bp->b_data;

	for (long i = 0; i < bp->b_bcount; i++)
		if (d[i] != c)
			return false;
	return true;
}

/* A new block: getblk, fill with c. */
struct buf *
newblk(FakeDisk &d, daddr_t b, char c, int size = BSIZE)
{
	struct buf *bp = getblk(&d.vn, b, size, 0, 0);

	memset(bp->b_data, c, size);
	return bp;
}

int64_t bufinit_bound;		/* the bound bufinit chose */

class Bio : public ::testing::Test {
protected:
	FakeDisk disk;

	static void
	SetUpTestSuite()
	{
		static bool done;

		if (done)
			return;
		uvm_stub_reset();
		kmeminit();
		uvmexp.npages = 50000;		/* a 200 MiB machine */
		bufinit();
		bufinit_bound = bcstats.maxbufpages;
		uvmexp.npages = 0;
		done = true;
	}

	void
	SetUp() override
	{
		ASSERT_EQ(bcstats.numbufs, 0);
		bufadjust(8);
		bcstats.cachehits = bcstats.cachemisses = 0;
		bcstats.numreads = bcstats.numwrites = 0;
		bcstats.delwri = bcstats.busymapped = 0;
		sleep_hook = complete_all_disks;
		sleeps.clear();
		ticks = 1000;
		syncdelay = 5;
	}

	void
	TearDown() override
	{
		EXPECT_EQ(cpl, IPL_NONE);
		disk.complete();
		EXPECT_EQ(disk.vn.v_numoutput, 0u);
		EXPECT_EQ(vinvalbuf(&disk.vn, 0, nullptr, nullptr, 0, 0), 0);
		EXPECT_TRUE(disk.vn.v_cleanblkhd.empty());
		EXPECT_TRUE(disk.vn.v_dirtyblkhd.empty());
		EXPECT_EQ(bcstats.numdirtypages, 0);
		EXPECT_EQ(bcstats.numcleanpages, bcstats.numbufpages);
		bufadjust(0);
		EXPECT_EQ(bcstats.numbufs, 0);
		EXPECT_EQ(bcstats.numbufpages, 0);
		EXPECT_EQ(bcstats.numcleanpages, 0);
	}

	bool
	cached(daddr_t b)
	{
		return incore(&disk.vn, b) != nullptr;
	}

	/* bread and brelse; the first byte read. */
	char
	touch(daddr_t b)
	{
		struct buf *bp;

		EXPECT_EQ(bread(&disk.vn, b, BSIZE, &bp), 0);
		char c = *(char *)bp->b_data;
		brelse(bp);
		return c;
	}
};

TEST_F(Bio, HitAndMissAreCounted)
{
	struct buf *bp;

	ASSERT_EQ(bread(&disk.vn, 1, BSIZE, &bp), 0);
	EXPECT_TRUE(filled(bp, pattern(1)));
	EXPECT_TRUE(bp->b_flags & B_BUSY);
	EXPECT_EQ(bp->b_vp, &disk.vn);
	brelse(bp);
	ASSERT_EQ(bread(&disk.vn, 1, BSIZE, &bp), 0);
	EXPECT_TRUE(bp->b_flags & B_CACHE);
	brelse(bp);
	EXPECT_EQ(disk.reads, 1);
	EXPECT_EQ(bcstats.cachemisses, 1);
	EXPECT_EQ(bcstats.cachehits, 1);
	EXPECT_EQ(bcstats.numreads, 1);
	EXPECT_EQ(bcstats.numbufs, 1);

	captured.clear();
	bcstats_print(capture_printf);
	EXPECT_NE(captured.find("hits 1, misses 1"), std::string::npos)
	    << captured;
}

TEST_F(Bio, EvictsLeastRecentlyUsedAtTheBound)
{
	bufadjust(4);
	for (daddr_t b = 0; b < 4; b++)
		touch(b);
	EXPECT_EQ(bcstats.numbufs, 4);
	touch(0);		/* LRU order now 1 2 3 0 */
	touch(4);
	EXPECT_FALSE(cached(1));
	EXPECT_TRUE(cached(0) && cached(2) && cached(3) && cached(4));
	touch(5);
	EXPECT_FALSE(cached(2));
	EXPECT_EQ(bcstats.numbufs, 4);
	EXPECT_EQ(bcstats.numbufpages, 4);

	/* B_AGE: to the head, so the next to go, young as it is. */
	struct buf *bp;
	ASSERT_EQ(bread(&disk.vn, 5, BSIZE, &bp), 0);
	bp->b_flags |= B_AGE;
	brelse(bp);
	touch(6);
	EXPECT_FALSE(cached(5));
	EXPECT_TRUE(cached(3));
	EXPECT_EQ(disk.reads, 7);
}

TEST_F(Bio, DirtyBuffersAreWrittenBeforeReuse)
{
	bufadjust(4);
	for (daddr_t b = 0; b < 4; b++)
		bdwrite(newblk(disk, b, (char)('a' + b)));
	EXPECT_EQ(disk.writes, 0);
	EXPECT_EQ(bcstats.delwri, 4);
	EXPECT_EQ(bcstats.numdirtypages, 4);
	EXPECT_EQ(touch(7), pattern(7));	/* needs a buffer */
	/* The oldest dirty one went to disk, then served block 7. */
	EXPECT_EQ(disk.log, (std::vector<std::string>{ "W0", "R7" }));
	EXPECT_EQ(disk.first_byte(0), 'a');
	EXPECT_FALSE(cached(0));
	EXPECT_EQ(bcstats.numdirtypages, 3);
	EXPECT_EQ(bcstats.numbufs, 4);
	EXPECT_EQ(touch(0), 'a');		/* back from the disk */
}

TEST_F(Bio, AtTheBoundWaitsForAWriteToEnd)
{
	bufadjust(2);
	disk.deferred = true;
	bdwrite(newblk(disk, 0, 'x'));
	bdwrite(newblk(disk, 1, 'y'));
	/* getblk starts writing block 0 and sleeps until biodone frees it. */
	struct buf *bp = getblk(&disk.vn, 9, BSIZE, 0, 0);
	ASSERT_NE(bp, nullptr);
	EXPECT_EQ(sleeps, (std::vector<std::string>{ "getnewbuf" }));
	EXPECT_EQ(disk.first_byte(0), 'x');
	EXPECT_EQ(bcstats.numbufs, 2);
	brelse(bp);

	/* With a timeout, a sleep that nothing ends gives up. */
	bp = getblk(&disk.vn, 10, BSIZE, 0, 0);	/* reuses block 9's */
	struct buf *bp1 = getblk(&disk.vn, 1, BSIZE, 0, 0);
	sleep_hook = nullptr;
	EXPECT_EQ(getblk(&disk.vn, 11, BSIZE, 0, hz), nullptr);
	EXPECT_EQ(getblk(&disk.vn, 1, BSIZE, 0, hz), nullptr);	/* busy */
	EXPECT_THROW(getblk(&disk.vn, 11, BSIZE, 0, 0), kernel_panic);
	EXPECT_EQ(cpl, IPL_NONE);	/* splguard unwound with the panic */
	sleep_hook = complete_all_disks;
	brelse(bp);
	brelse(bp1);
}

TEST_F(Bio, SyncerWritesAgedBuffers)
{
	bdwrite(newblk(disk, 1, 'p'));			/* dirty at 1000 */
	ticks = 1000 + 3 * hz;
	bdwrite(newblk(disk, 2, 'q'));			/* dirty at 1300 */
	/* Dirtied again: still as old as its first change. */
	bdwrite(getblk(&disk.vn, 1, BSIZE, 0, 0));
	sync_aged_buffers(1000 + 5 * hz - 1);
	EXPECT_EQ(disk.writes, 0);
	sync_aged_buffers(1000 + 5 * hz);
	EXPECT_EQ(disk.log, (std::vector<std::string>{ "W1" }));
	EXPECT_TRUE(cached(1));
	EXPECT_FALSE(incore(&disk.vn, 1)->b_flags & B_DELWRI);
	sync_aged_buffers(1000 + 8 * hz);
	EXPECT_EQ(disk.log, (std::vector<std::string>{ "W1", "W2" }));
	EXPECT_EQ(disk.first_byte(2), 'q');
	EXPECT_EQ(bcstats.numdirtypages, 0);

	/* A shorter syncdelay writes younger buffers. */
	syncdelay = 1;
	ticks = 5000;
	bdwrite(newblk(disk, 3, 'r'));
	sync_aged_buffers(5000 + hz);
	EXPECT_EQ(disk.writes, 3);
}

TEST_F(Bio, BreadnStartsTheReadAheads)
{
	touch(2);				/* cached: not read again */
	disk.deferred = true;
	daddr_t ra[3] = { 1, 2, 3 };
	int rasizes[3] = { BSIZE, BSIZE, BSIZE };
	struct buf *bp;
	ASSERT_EQ(breadn(&disk.vn, 0, BSIZE, ra, rasizes, 3, &bp), 0);
	EXPECT_TRUE(filled(bp, pattern(0)));
	brelse(bp);
	/* The block waited for first, then the read-aheads, asynchronously. */
	EXPECT_EQ(disk.log,
	    (std::vector<std::string>{ "R2", "R0", "R1", "R3" }));
	EXPECT_EQ(sleeps, (std::vector<std::string>{ "biowait" }));
	/* biodone released them: in the cache, nobody's. */
	for (daddr_t b : { 1, 3 }) {
		struct buf *rabp = incore(&disk.vn, b);
		ASSERT_NE(rabp, nullptr);
		EXPECT_EQ(rabp->b_flags & (B_BUSY | B_ASYNC), 0);
		EXPECT_TRUE(rabp->b_flags & B_DONE);
	}
	disk.deferred = false;
	EXPECT_EQ(touch(3), pattern(3));
	EXPECT_EQ(disk.reads, 4);
}

TEST_F(Bio, ErrorsComeBackAndAreNotCached)
{
	struct buf *bp;

	disk.bad.insert(7);
	EXPECT_EQ(bread(&disk.vn, 7, BSIZE, &bp), EIO);
	EXPECT_TRUE(bp->b_flags & B_ERROR);
	brelse(bp);
	EXPECT_FALSE(cached(7));
	disk.bad.clear();
	EXPECT_EQ(touch(7), pattern(7));
	EXPECT_EQ(disk.reads, 1);	/* the failed one counted none */
	EXPECT_EQ(bcstats.numreads, 2);

	/* A failed write: bwrite says so; the buffer is dropped. */
	disk.bad.insert(8);
	EXPECT_EQ(bwrite(newblk(disk, 8, 'w')), EIO);
	EXPECT_FALSE(cached(8));
	/* And an async one, released by biodone. */
	disk.deferred = true;
	bawrite(newblk(disk, 8, 'w'));
	EXPECT_TRUE(cached(8));
	disk.complete();
	EXPECT_FALSE(cached(8));
	EXPECT_EQ(disk.vn.v_numoutput, 0u);
}

TEST_F(Bio, StrategyWithoutATableEntryFailsTheBuf)
{
	FakeDisk nostrat;
	struct vops empty{};
	nostrat.vn.v_op = &empty;
	struct buf *bp;

	EXPECT_EQ(bread(&nostrat.vn, 1, BSIZE, &bp), EOPNOTSUPP);
	brelse(bp);
	EXPECT_EQ(vinvalbuf(&nostrat.vn, 0, nullptr, nullptr, 0, 0), 0);
}

TEST_F(Bio, VinvalbufWithSaveWritesFirst)
{
	bdwrite(newblk(disk, 1, 's'));
	bdwrite(newblk(disk, 2, 't'));
	touch(3);
	disk.deferred = true;		/* vinvalbuf must wait for them */
	EXPECT_EQ(vinvalbuf(&disk.vn, V_SAVE, nullptr, nullptr, 0, 0), 0);
	EXPECT_EQ(disk.writes, 2);
	EXPECT_EQ(disk.first_byte(1), 's');
	EXPECT_EQ(disk.first_byte(2), 't');
	EXPECT_FALSE(cached(1) || cached(2) || cached(3));
	EXPECT_TRUE(disk.vn.v_cleanblkhd.empty());
	EXPECT_TRUE(disk.vn.v_dirtyblkhd.empty());
	EXPECT_EQ(bcstats.numdirtypages, 0);
}

TEST_F(Bio, VinvalbufWithoutSaveDropsChanges)
{
	bdwrite(newblk(disk, 1, 's'));
	EXPECT_EQ(vinvalbuf(&disk.vn, 0, nullptr, nullptr, 0, 0), 0);
	EXPECT_EQ(disk.writes, 0);
	EXPECT_FALSE(cached(1));
	EXPECT_EQ(bcstats.numdirtypages, 0);
	EXPECT_EQ(touch(1), pattern(1));	/* the disk's old contents */
}

TEST_F(Bio, VinvalbufWaitsForBusyBuffers)
{
	disk.deferred = true;
	bawrite(newblk(disk, 4, 'b'));		/* busy until biodone */
	EXPECT_EQ(disk.vn.v_numoutput, 1u);
	EXPECT_EQ(vinvalbuf(&disk.vn, 0, nullptr, nullptr, 0, 0), 0);
	EXPECT_EQ(sleeps, (std::vector<std::string>{ "vinvalbuf" }));
	EXPECT_EQ(disk.first_byte(4), 'b');
	EXPECT_FALSE(cached(4));
}

TEST_F(Bio, GetblkWaitsForABusyBuffer)
{
	disk.deferred = true;
	struct buf *bp = newblk(disk, 5, 'c');
	bawrite(bp);
	struct buf *bp2 = getblk(&disk.vn, 5, BSIZE, 0, 0);
	EXPECT_EQ(bp2, bp);
	EXPECT_EQ(bcstats.busymapped, 1);
	EXPECT_EQ(sleeps, (std::vector<std::string>{ "getblk" }));
	EXPECT_TRUE(filled(bp2, 'c'));
	EXPECT_EQ(bcstats.cachehits, 1);
	brelse(bp2);
}

TEST_F(Bio, GetblkResizes)
{
	struct buf *bp;

	ASSERT_EQ(bread(&disk.vn, 1, 1024, &bp), 0);
	memset(bp->b_data, 'k', 512);
	brelse(bp);
	/* Smaller: the same buffer, still valid, its first bytes kept. */
	bp = getblk(&disk.vn, 1, 512, 0, 0);
	EXPECT_EQ(bp->b_bcount, 512);
	EXPECT_TRUE(bp->b_flags & B_DONE);
	EXPECT_TRUE(filled(bp, 'k'));
	brelse(bp);
	/* Larger: no longer valid, so bread reads it whole. */
	ASSERT_EQ(bread(&disk.vn, 1, 2048, &bp), 0);
	EXPECT_EQ(bp->b_bcount, 2048);
	EXPECT_EQ(disk.reads, 2);
	EXPECT_TRUE(filled(bp, pattern(1)));
	brelse(bp);

	/* A dirty buffer grown past its page: written first, then reread. */
	bdwrite(newblk(disk, 2, 'd', 1024));
	ASSERT_EQ(bread(&disk.vn, 2, 2 * BSIZE, &bp), 0);
	EXPECT_EQ(disk.log.back(), "R2");
	EXPECT_EQ(disk.writes, 1);
	EXPECT_EQ(bp->b_bufsize, 2 * BSIZE);
	EXPECT_EQ(bcstats.numbufpages, 3);
	EXPECT_EQ(((char *)bp->b_data)[1023], 'd');
	EXPECT_EQ(((char *)bp->b_data)[1024], pattern(2));
	EXPECT_EQ(bcstats.numdirtypages, 0);
	brelse(bp);
}

TEST_F(Bio, GeteblkNamesNoBlockAndIsReusedFirst)
{
	bufadjust(2);
	touch(1);
	struct buf *bp = geteblk(1024);
	EXPECT_EQ(bp->b_vp, nullptr);
	EXPECT_EQ(bp->b_flags & (B_BUSY | B_INVAL), B_BUSY | B_INVAL);
	EXPECT_EQ(bp->b_bcount, 1024);
	brelse(bp);
	touch(2);			/* takes the geteblk buffer, not 1's */
	EXPECT_TRUE(cached(1));
	EXPECT_EQ(bcstats.numbufs, 2);
}

TEST_F(Bio, FlushAllStartsOrWaits)
{
	disk.deferred = true;
	for (daddr_t b = 0; b < 3; b++)
		bdwrite(newblk(disk, b, 'f'));
	buf_flush_all(MNT_NOWAIT);
	EXPECT_TRUE(sleeps.empty());
	EXPECT_EQ(disk.pending.size(), 3u);
	EXPECT_EQ(disk.vn.v_numoutput, 3u);
	disk.complete();
	EXPECT_EQ(disk.writes, 3);
	EXPECT_EQ(bcstats.numdirtypages, 0);

	for (daddr_t b = 3; b < 6; b++)
		bdwrite(newblk(disk, b, 'g'));
	buf_flush_all(MNT_WAIT);
	EXPECT_EQ(disk.writes, 6);
	EXPECT_EQ(disk.vn.v_numoutput, 0u);
	EXPECT_FALSE(sleeps.empty());
	EXPECT_TRUE(disk.vn.v_dirtyblkhd.empty());
}

TEST_F(Bio, VflushbufSyncWaitsForItsWrites)
{
	disk.deferred = true;
	bdwrite(newblk(disk, 1, 'v'));
	bdwrite(newblk(disk, 2, 'v'));
	vflushbuf(&disk.vn, 0);
	EXPECT_EQ(disk.pending.size(), 2u);
	disk.complete();
	bdwrite(newblk(disk, 3, 'v'));
	vflushbuf(&disk.vn, 1);
	EXPECT_EQ(disk.writes, 3);
	EXPECT_EQ(disk.vn.v_numoutput, 0u);
	EXPECT_TRUE(disk.vn.v_dirtyblkhd.empty());
	EXPECT_FALSE(disk.vn.v_flag & VBIOWAIT);
}

/* A caller that owns its buf outright: no vnode, no cache. */
TEST_F(Bio, BiowaitOnAnOwnedBuf)
{
	struct buf b = {};
	char data[DEV_BSIZE];

	b.b_flags = B_READ;
	b.b_data = data;
	b.b_bcount = sizeof(data);
	sleep_hook = [&] { biodone(&b); };	/* the driver's interrupt */
	EXPECT_EQ(biowait(&b), 0);
	EXPECT_TRUE(b.b_flags & B_DONE);

	b.b_flags = B_WRITE;			/* writes: no v_numoutput */
	sleep_hook = [&] {
		b.b_flags |= B_ERROR;
		b.b_error = ENXIO;
		biodone(&b);
	};
	EXPECT_EQ(biowait(&b), ENXIO);
	b.b_flags = B_READ | B_ERROR | B_DONE;
	b.b_error = 0;
	EXPECT_EQ(biowait(&b), EIO);		/* done already: no sleep */
	EXPECT_EQ(sleeps.size(), 2u);
	EXPECT_EQ(bcstats.numbufs, 0);
}

TEST_F(Bio, BcallHandsTheBufToIodone)
{
	static struct buf *called;
	struct buf *bp = newblk(disk, 1, 'i');

	called = nullptr;
	bp->b_flags |= B_CALL | B_ASYNC;
	bp->b_iodone = [](struct buf *b) { called = b; };
	EXPECT_EQ(bwrite(bp), 0);
	ASSERT_EQ(called, bp);
	EXPECT_EQ(bp->b_flags & (B_CALL | B_DONE), B_DONE);
	EXPECT_TRUE(bp->b_flags & B_BUSY);	/* iodone's to release */
	bp->b_flags &= ~B_ASYNC;
	brelse(bp);
}

TEST_F(Bio, BufadjustShrinksTheCache)
{
	for (daddr_t b = 0; b < 8; b++)
		touch(b);
	EXPECT_EQ(bcstats.numbufpages, 8);
	bufadjust(2);
	EXPECT_EQ(bcstats.numbufpages, 2);
	EXPECT_TRUE(cached(6) && cached(7));
	EXPECT_FALSE(cached(5));
	/* Dirty ones wait until they are clean; getblk then frees them. */
	bufadjust(8);
	for (daddr_t b = 0; b < 6; b++)
		bdwrite(newblk(disk, b, 'z'));
	bufadjust(1);
	EXPECT_EQ(bcstats.numbufpages, 6);
	touch(20);
	EXPECT_EQ(bcstats.numbufpages, 1);
	EXPECT_EQ(disk.writes, 6);
}

TEST_F(Bio, BufinitBoundFollowsMemory)
{
	/* 10% of 50000 pages; the host has no KVA to run short of. */
	EXPECT_EQ(bufcachepercent, 10);
	EXPECT_EQ(bufinit_bound, 5000);
}

} // namespace
