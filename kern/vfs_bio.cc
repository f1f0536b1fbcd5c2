/*
 * vfs_bio.cc: the buffer cache: disk blocks kept in memory, named by
 * (vnode, logical block), read once and written late.
 *
 * A file system asks for a block with bread(vp, lblkno, size, &bp): a
 * cached buffer for (vp, lblkno) comes back at once, otherwise the cache
 * takes a buffer, names it, and has it filled through VOP_STRATEGY
 * (specfs hands it to the driver; a file system first maps b_lblkno to
 * the disk's b_blkno with VOP_BMAP).  The caller owns the buffer
 * (B_BUSY) until it gives it back: brelse() if it only read, bwrite() to
 * write it and wait, bawrite() not to wait, or bdwrite(), the usual
 * case, to mark it dirty (B_DELWRI) and write it later, so that ten
 * changes to one inode block cost one write.  A thread that wants a busy
 * buffer sleeps on it (B_WANTED).  See buf(9), bread(9), getblk(9), and
 * OpenBSD's sys/kern/vfs_bio.c.
 *
 * Where the buffers are: bufhashtbl, every named buffer, by (vnode,
 * lblkno), for incore(); each vnode's v_cleanblkhd and v_dirtyblkhd, its
 * buffers, busy or not, for fsync and vinvalbuf; and two free lists of
 * the buffers nobody owns: CLEAN, least recently used first (a release
 * goes to the tail; B_AGE and invalid ones to the head, to go first),
 * and DIRTY, oldest release first.
 *
 * Memory.  struct buf comes from a pool(9).  Data comes in whole pages
 * of kernel_map (uvm_km), b_bufsize = round_page(b_bcount), as OpenBSD
 * has done since 4.x, rather than from malloc(9): malloc's arena,
 * kmem_map, is a quarter of RAM at most 64 MiB and one type may use 60%
 * of it, so a cache of 10% of a large machine does not fit; malloc never
 * returns its small chunks' pages; and with pages every block from 512
 * bytes to 4 KiB needs the same one page, so the memory of any old
 * buffer fits a new one.  The price is a page for a 1 KiB block.
 * Buffers are made on demand up to the bound, bcstats.maxbufpages
 * (bufcachepercent of RAM, or bufadjust()).  There getnewbuf() reuses
 * the least recently used clean buffer, or starts writing the oldest
 * dirty ones and sleeps until one comes free: biodone(), at interrupt
 * level, releases them (B_ASYNC) and wakes it, so this cannot deadlock.
 *
 * Interrupts.  biodone() runs in the disk's interrupt handler at IPL_BIO
 * and calls brelse() for B_ASYNC buffers, so every list here, the
 * vnodes' buffer lists and v_numoutput change only at splbio, and
 * nothing biodone reaches allocates or frees memory (malloc(9) and
 * uvm_km are not interrupt safe): only process context frees buffers.
 *
 * The syncer thread (sched_sync) writes each second the buffers dirty
 * for syncdelay seconds.  vwakeup, vflushbuf and vinvalbuf are in
 * OpenBSD's vfs_subr.c, but they walk a vnode's buffer lists, so they
 * are here beside them.  biodone and biowait also serve a caller that
 * owns a struct buf outright (readdisklabel, the wd test: no b_vp).
 *
 * Locking, as in <sys/buf.h>: [B] at splbio; [I] set by bufinit; [K]
 * the kernel lock (one CPU, no preemption in the kernel).
 */
#include <new>

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/specdev.h>
#include <sys/vnode.h>
#include <machine/intr.h>
#include <uvm/uvm_extern.h>

/* The cache's share of RAM, percent; a configuration may preset it. */
#ifndef BUFCACHEPERCENT
#define BUFCACHEPERCENT	10
#endif

struct bcachestats bcstats;		/* [B] */
int bufcachepercent = BUFCACHEPERCENT;	/* [I] read by bufinit */
int syncdelay = 5;			/* [K] read by the syncer each pass */

/* The bound's limits, in pages: at least 256 KiB, at most 32 MiB of KVA. */
constexpr int BUFCACHE_MINPAGES = atop(256 * 1024);
constexpr int BUFCACHE_MAXPAGES = atop(32 * 1024 * 1024);

/* The free lists; bufqueue links through b_freelist. */
typedef tailq_head<buf, &buf::b_freelist> bufqueue;
enum { BQ_CLEAN, BQ_DIRTY, BQUEUES };
static bufqueue bufqueues[BQUEUES];		/* [B] */

typedef list_head<buf, &buf::b_hash> bufhashhd;
static bufhashhd *bufhashtbl;			/* [B] chains; [I] array */
static u_long bufhash;				/* [I] buckets - 1 */

static struct pool bufpool;			/* struct buf */
static bool needbuffer;				/* [B] getnewbuf sleeps */
static int syncer_chan;				/* the syncer's pause */

static inline bufhashhd &
bufhashchain(const struct vnode *vp, daddr_t lblkno)
{
	return bufhashtbl[((u_long)vp / sizeof(struct vnode) +
	    (u_long)lblkno) & bufhash];
}

static void	allocbuf(struct buf *bp, int size);
static void	buf_start(struct buf *bp, bool read);

/*
 * bufinit: set up the cache: its pool, hash table and bound.
 * => called once from main(), after kmeminit, before any block I/O
 *    through the cache.
 */
void
bufinit(void)
{
	long pages;

	pool_init(&bufpool, sizeof(struct buf), 0, IPL_BIO, 0, "bufpl",
	    nullptr);
	for (bufqueue &q : bufqueues)
		q.init();
	if (bufcachepercent < 1 || bufcachepercent > 90)
		bufcachepercent = BUFCACHEPERCENT;
	pages = (long)uvmexp.npages * bufcachepercent / 100;
	pages = MIN(MAX(pages, (long)BUFCACHE_MINPAGES),
	    (long)BUFCACHE_MAXPAGES);
	/* One chain per page of the bound: chains of one or two. */
	for (bufhash = 64; bufhash < (u_long)pages; bufhash <<= 1)
		continue;
	bufhashtbl = (bufhashhd *)malloc(bufhash * sizeof(*bufhashtbl),
	    M_DEVBUF, M_WAITOK | M_ZERO);
	for (u_long i = 0; i < bufhash; i++)
		bufhashtbl[i].init();
	bufhash--;
	bufadjust((int)pages);
}

/* bremfree: take a buffer nobody owns off its free list.  => splbio. */
static void
bremfree(struct buf *bp)
{
	splassert(IPL_BIO);
	KASSERT((bp->b_flags & B_BUSY) == 0);
	if (bp->b_flags & B_DELWRI)
		bufqueues[BQ_DIRTY].remove(bp);
	else {
		bufqueues[BQ_CLEAN].remove(bp);
		bcstats.numcleanpages -= atop(bp->b_bufsize);
	}
}

/* buf_acquire: make bp the caller's.  => splbio; bp off the free lists. */
static void
buf_acquire(struct buf *bp)
{
	bp->b_flags |= B_BUSY;
	bp->b_proc = curproc;
}

/* buf_forget: bp stops naming a block: off its hash chain and vnode. */
static void
buf_forget(struct buf *bp)
{
	splassert(IPL_BIO);
	if (bufhashhd::onqueue(bp))
		bufhashhd::remove(bp);
	if (bp->b_vp != nullptr)
		brelvp(bp);
}

/*
 * buf_reclaim: the least recently used clean free buffer, taken off the
 * lists and nameless, or nullptr if there is none.  => splbio.
 */
static struct buf *
buf_reclaim(void)
{
	struct buf *bp = bufqueues[BQ_CLEAN].first();

	if (bp != nullptr) {
		bremfree(bp);
		buf_forget(bp);
	}
	return bp;
}

/* buf_free: give back bp and its memory.  => process context, splbio. */
static void
buf_free(struct buf *bp)
{
	splassert(IPL_BIO);
	uvm_km_free(kernel_map, (vaddr_t)bp->b_data, bp->b_bufsize);
	bcstats.numbufpages -= atop(bp->b_bufsize);
	bcstats.numbufs--;
	pool_put(&bufpool, bp);
}

/*
 * buf_memalloc: bufsize bytes (whole pages) for a buffer's data.  When
 * memory is short, clean buffers are freed, oldest first, to make room.
 * => process context, splbio.  nullptr if there is no memory and no
 *    clean buffer left to free.
 */
static void *
buf_memalloc(long bufsize)
{
	struct buf *bp;
	vaddr_t va;

	while ((va = uvm_km_kmemalloc(kernel_map, nullptr, bufsize,
	    UVM_KMF_CANFAIL)) == 0) {
		if ((bp = buf_reclaim()) == nullptr)
			return nullptr;
		buf_free(bp);
	}
	return (void *)va;
}

/*
 * buf_alloc: a new buffer with bufsize bytes of data.
 * => process context, splbio.  nullptr if there is no memory.
 */
static struct buf *
buf_alloc(long bufsize)
{
	/* Count the pages first: should the allocation sleep, they are ours. */
	bcstats.numbufpages += atop(bufsize);
	void *data = buf_memalloc(bufsize);
	if (data == nullptr) {
		bcstats.numbufpages -= atop(bufsize);
		return nullptr;
	}
	struct buf *bp = new (pool_get(&bufpool, PR_WAITOK)) buf{};
	bp->b_data = data;
	bp->b_bufsize = bufsize;
	bcstats.numbufs++;
	return bp;
}

/*
 * getnewbuf: a busy buffer of size bytes that names no block: a new one
 * while the cache is under its bound, else the least recently used clean
 * one; with none clean, start writing the oldest dirty ones (enough for
 * size) and wait for a buffer to come free.
 * => process context, splbio; may sleep (slpflag, slptimeo as tsleep).
 * => nullptr only if a sleep was interrupted or timed out.
 * XXX OpenBSD leaves those writes to a thread of their own (the buf
 * daemon): a file system whose strategy needs a buffer to write one
 * (bmap reading an indirect block) recurses into getblk from here.
 */
static struct buf *
getnewbuf(int size, int slpflag, int slptimeo)
{
	long bufsize = round_page(size);
	struct buf *bp;

	splassert(IPL_BIO);
	for (;;) {
		/* The first buffer is always allowed, whatever the bound. */
		if (bcstats.numbufpages == 0 || bcstats.numbufpages +
		    atop(bufsize) <= bcstats.maxbufpages) {
			if ((bp = buf_alloc(bufsize)) != nullptr)
				break;
			if (bcstats.numbufpages == 0)
				panic("getnewbuf: no memory for a buffer");
		}
		if ((bp = buf_reclaim()) != nullptr) {
			/* Over the bound (after bufadjust): free, not reuse. */
			if (bp->b_bufsize == bufsize &&
			    bcstats.numbufpages <= bcstats.maxbufpages)
				break;
			buf_free(bp);
			continue;
		}
		for (long started = 0; started < bufsize &&
		    (bp = bufqueues[BQ_DIRTY].first()) != nullptr;) {
			bremfree(bp);
			buf_acquire(bp);
			started += bp->b_bufsize;
			bawrite(bp);	/* biodone releases it */
		}
		if (!bufqueues[BQ_CLEAN].empty())
			continue;	/* a write ended at once */
		needbuffer = true;
		if (tsleep(&needbuffer, slpflag | (PRIBIO + 1), "getnewbuf",
		    slptimeo) != 0)
			return nullptr;
	}
	bp->b_flags = 0;
	buf_acquire(bp);
	bp->b_dev = NODEV;
	bp->b_blkno = bp->b_lblkno = bp->b_rawblkno = 0;
	bp->b_bcount = size;
	bp->b_resid = 0;
	bp->b_error = 0;
	bp->b_synctime = 0;
	bp->b_iodone = nullptr;
	return bp;
}

/*
 * bufadjust: set the cache's bound to newbufpages pages and free clean
 * buffers, least recently used first, until the cache is under it.
 * Dirty and busy ones are freed later, by getnewbuf, once clean.
 * => process context (kern.bufcachepercent in OpenBSD; the host tests).
 */
void
bufadjust(int newbufpages)
{
	struct buf *bp;
	splguard s(IPL_BIO);

	bcstats.maxbufpages = newbufpages;
	while (bcstats.numbufpages > bcstats.maxbufpages &&
	    (bp = buf_reclaim()) != nullptr)
		buf_free(bp);
}

/*
 * incore: the buffer of (vp, blkno) if the cache has one, busy or not;
 * invalid buffers do not count.
 * => any context.  The answer can change as soon as splbio is left.
 */
struct buf *
incore(struct vnode *vp, daddr_t blkno)
{
	splguard s(IPL_BIO);

	for (struct buf *bp : bufhashchain(vp, blkno))
		if (bp->b_vp == vp && bp->b_lblkno == blkno &&
		    (bp->b_flags & B_INVAL) == 0)
			return bp;
	return nullptr;
}

/*
 * getblk: the buffer of (vp, blkno), size bytes, busy and the caller's:
 * a cached one (B_CACHE), resized if need be (allocbuf), or a new one
 * with neither B_DONE nor B_DELWRI, to be filled (bread reads it).
 * => process context, may sleep (on a busy buffer, for a free one) at
 *    PRIBIO + 1 | slpflag, up to slptimeo ticks (0: no limit).
 * => nullptr only if such a sleep was interrupted or timed out.
 */
struct buf *
getblk(struct vnode *vp, daddr_t blkno, int size, int slpflag, int slptimeo)
{
	struct buf *bp;

	KASSERT(size > 0 && size <= MAXBSIZE);
	splguard s(IPL_BIO);
	for (;;) {
		if ((bp = incore(vp, blkno)) != nullptr) {
			if (bp->b_flags & B_BUSY) {
				bp->b_flags |= B_WANTED;
				bcstats.busymapped++;
				if (tsleep(bp, slpflag | (PRIBIO + 1), "getblk",
				    slptimeo) != 0)
					return nullptr;
				continue;	/* it may be gone by now */
			}
			bremfree(bp);
			buf_acquire(bp);
			bp->b_flags |= B_CACHE;
			bcstats.cachehits++;
			if (bp->b_bcount != size)
				allocbuf(bp, size);
			return bp;
		}
		if ((bp = getnewbuf(size, slpflag, slptimeo)) == nullptr)
			return nullptr;
		if (incore(vp, blkno) == nullptr)
			break;
		/* Another thread made the block while getnewbuf slept. */
		bp->b_flags |= B_INVAL;
		brelse(bp);
	}
	bcstats.cachemisses++;
	bp->b_blkno = bp->b_lblkno = blkno;
	bgetvp(vp, bp);
	bufhashchain(vp, blkno).insert_head(bp);
	return bp;
}

/*
 * geteblk: a busy buffer of size bytes that names no block, as scratch
 * memory; brelse gives it back (it is B_INVAL, so it is reused first).
 * => process context, may sleep.
 */
struct buf *
geteblk(size_t size)
{
	splguard s(IPL_BIO);
	struct buf *bp = getnewbuf((int)size, 0, 0);

	KASSERT(bp != nullptr);		/* no PCATCH, no timeout */
	bp->b_flags |= B_INVAL;
	return bp;
}

/*
 * allocbuf: resize busy bp to size bytes, keeping the first bytes.  A
 * smaller buffer stays valid.  A larger one holds the old bytes and then
 * zeros, which are not the disk's, so it loses B_DONE and B_CACHE and
 * bread reads it whole; a dirty one is written first, at its old size,
 * so that this read brings its changes back.
 * => process context, splbio, may sleep (the write).
 */
static void
allocbuf(struct buf *bp, int size)
{
	long newbufsize = round_page(size);

	splassert(IPL_BIO);
	if (size > bp->b_bcount) {
		if (bp->b_flags & B_DELWRI) {
			buf_start(bp, false);
			(void)biowait(bp);	/* XXX a failure loses them */
		}
		bp->b_flags &= ~(B_DONE | B_CACHE);
	}
	if (newbufsize != bp->b_bufsize) {
		void *data = buf_memalloc(newbufsize);
		if (data == nullptr)
			panic("allocbuf: no memory for %ld bytes", newbufsize);
		memcpy(data, bp->b_data, MIN((long)size, bp->b_bcount));
		uvm_km_free(kernel_map, (vaddr_t)bp->b_data, bp->b_bufsize);
		long delta = atop(newbufsize) - atop(bp->b_bufsize);
		bcstats.numbufpages += delta;
		if (bp->b_flags & B_DELWRI)
			bcstats.numdirtypages += delta;
		bp->b_data = data;
		bp->b_bufsize = newbufsize;
	}
	if (size > bp->b_bcount)
		memset((char *)bp->b_data + bp->b_bcount, 0,
		    size - bp->b_bcount);
	bp->b_bcount = size;
}

/*
 * buf_start: start reading or writing busy bp, which names a block of a
 * vnode, through VOP_STRATEGY.  A write counts in v_numoutput until
 * biodone, and a delayed write stops being one: to the clean list.
 * A strategy routine finishes the buf with biodone even when it fails
 * (specfs's does); one that cannot start (no vop_strategy: EOPNOTSUPP)
 * does not, and the buf is finished here with the error.
 * => process context.  With B_ASYNC bp is biodone's from here on.
 */
static void
buf_start(struct buf *bp, bool read)
{
	KASSERT(bp->b_flags & B_BUSY);
	KASSERT(bp->b_vp != nullptr);
	int s = splbio();
	bp->b_flags &= ~(B_READ | B_DONE | B_ERROR);
	bp->b_error = 0;
	if (read) {
		bp->b_flags |= B_READ;
		bcstats.numreads++;
	} else {
		if (bp->b_flags & B_DELWRI) {
			bp->b_flags &= ~B_DELWRI;
			bcstats.numdirtypages -= atop(bp->b_bufsize);
			reassignbuf(bp);
		}
		bp->b_vp->v_numoutput++;	/* biodone's vwakeup undoes */
		bcstats.numwrites++;
	}
	splx(s);
	int error = VOP_STRATEGY(bp->b_vp, bp);
	/*
	 * An async bp the strategy finished may be on a free list already;
	 * nobody can reuse it before this thread sleeps, so B_DONE holds.
	 */
	splguard g(IPL_BIO);
	if (error != 0 && (bp->b_flags & B_DONE) == 0) {
		bp->b_flags |= B_ERROR;
		bp->b_error = error;
		biodone(bp);
	}
}

/*
 * bread: the block (vp, blkno) of size bytes, read unless cached.  *bpp
 * is set even on error, busy: the caller brelses it (which then drops
 * it from the cache).
 * => process context, may sleep.  0, or the read's errno (EIO if none).
 */
int
bread(struct vnode *vp, daddr_t blkno, int size, struct buf **bpp)
{
	return breadn(vp, blkno, size, nullptr, nullptr, 0, bpp);
}

/*
 * breadn: bread, and start reading the nrablks blocks rablks[] (sizes
 * rasizes[]) that are not in the cache, without waiting for them: they
 * are released by biodone and found in the cache later.
 * => process context, may sleep.  Returns as bread.
 */
int
breadn(struct vnode *vp, daddr_t blkno, int size, daddr_t rablks[],
    int rasizes[], int nrablks, struct buf **bpp)
{
	struct buf *bp = getblk(vp, blkno, size, 0, 0);
	bool reading = (bp->b_flags & (B_DONE | B_DELWRI)) == 0;

	*bpp = bp;
	if (reading)
		buf_start(bp, true);	/* first: the one we wait for */
	for (int i = 0; i < nrablks; i++) {
		if (incore(vp, rablks[i]) != nullptr)
			continue;
		struct buf *rabp = getblk(vp, rablks[i], rasizes[i], 0, 0);
		if (rabp->b_flags & (B_DONE | B_DELWRI)) {
			brelse(rabp);	/* read while getblk slept */
			continue;
		}
		rabp->b_flags |= B_ASYNC;
		buf_start(rabp, true);
	}
	return reading ? biowait(bp) : 0;
}

/*
 * bwrite: write busy bp to its disk.  Without B_ASYNC, wait for the
 * write and release bp; with it, return at once and let biodone release.
 * => process context, may sleep (not with B_ASYNC).
 * => returns 0 or the write's errno (always 0 with B_ASYNC); either way
 *    bp is no longer the caller's.
 */
int
bwrite(struct buf *bp)
{
	bool async = bp->b_flags & B_ASYNC;

	buf_start(bp, false);
	if (async)
		return 0;
	int error = biowait(bp);
	brelse(bp);
	return error;
}

/* bawrite: bwrite without waiting.  => as bwrite; does not sleep. */
void
bawrite(struct buf *bp)
{
	bp->b_flags |= B_ASYNC;
	(void)bwrite(bp);
}

/*
 * bdwrite: delayed write: bp's contents are newer than the disk's; mark
 * it dirty and release it.  The syncer writes it once it has waited
 * syncdelay seconds; so does getnewbuf, if it needs the buffer first.
 * => process context, does not sleep; bp is busy and names a block.
 */
void
bdwrite(struct buf *bp)
{
	KASSERT(bp->b_flags & B_BUSY);
	KASSERT(bp->b_vp != nullptr);
	splguard s(IPL_BIO);
	if ((bp->b_flags & B_DELWRI) == 0) {
		bp->b_flags |= B_DELWRI;
		bp->b_synctime = ticks;
		bcstats.numdirtypages += atop(bp->b_bufsize);
		bcstats.delwri++;
		reassignbuf(bp);
	}
	bp->b_flags |= B_DONE;		/* its contents are valid */
	brelse(bp);
}

/*
 * brelse: the owner gives bp back.  A dirty buffer goes to the tail of
 * the dirty list, a clean one to the tail of the clean list (the head
 * with B_AGE).  One whose contents are worthless (B_INVAL, B_ERROR,
 * B_NOCACHE) forgets its block, dirty or not, and goes to the head of
 * the clean list.  Whoever waits for bp or for any buffer is woken.
 * => any context, interrupts (biodone) included; does not sleep.
 */
void
brelse(struct buf *bp)
{
	splguard s(IPL_BIO);

	KASSERT(bp->b_flags & B_BUSY);
	if (bp->b_flags & (B_INVAL | B_ERROR | B_NOCACHE)) {
		if (bp->b_flags & B_DELWRI) {
			bp->b_flags &= ~B_DELWRI;
			bcstats.numdirtypages -= atop(bp->b_bufsize);
		}
		bp->b_flags |= B_INVAL;
		bp->b_flags &= ~(B_ERROR | B_DONE | B_CACHE);
		buf_forget(bp);
		bufqueues[BQ_CLEAN].insert_head(bp);
	} else if (bp->b_flags & B_DELWRI)
		bufqueues[BQ_DIRTY].insert_tail(bp);
	else if (bp->b_flags & B_AGE)
		bufqueues[BQ_CLEAN].insert_head(bp);
	else
		bufqueues[BQ_CLEAN].insert_tail(bp);
	if ((bp->b_flags & B_DELWRI) == 0)
		bcstats.numcleanpages += atop(bp->b_bufsize);

	if (needbuffer) {
		needbuffer = false;
		wakeup(&needbuffer);
	}
	if (bp->b_flags & B_WANTED)
		wakeup(bp);
	bp->b_flags &= ~(B_WANTED | B_BUSY | B_ASYNC | B_AGE | B_NOCACHE);
	bp->b_proc = nullptr;
}

/*
 * bgetvp: bp now caches a block of vp: onto vp's clean list.  A device
 * vnode's buffers name its device in b_dev.
 * => any context; bp has no vnode.  XXX OpenBSD also holds vp (vhold)
 *    so it is not recycled under its buffers; our vclean does vinvalbuf.
 */
void
bgetvp(struct vnode *vp, struct buf *bp)
{
	splguard s(IPL_BIO);

	KASSERT(bp->b_vp == nullptr);
	bp->b_vp = vp;
	if ((vp->v_type == VBLK || vp->v_type == VCHR) &&
	    vp->v_specinfo != nullptr)
		bp->b_dev = vp->v_rdev;
	else
		bp->b_dev = NODEV;
	vp->v_cleanblkhd.insert_head(bp);
}

/* brelvp: bp leaves its vnode.  => any context; bp has a vnode. */
void
brelvp(struct buf *bp)
{
	splguard s(IPL_BIO);

	KASSERT(bp->b_vp != nullptr);
	if (buflists::onqueue(bp))
		buflists::remove(bp);
	bp->b_vp = nullptr;
}

/*
 * reassignbuf: move bp to its vnode's dirty or clean list, as B_DELWRI
 * says.  => any context; bp has a vnode.
 */
void
reassignbuf(struct buf *bp)
{
	splguard s(IPL_BIO);
	struct vnode *vp = bp->b_vp;

	KASSERT(vp != nullptr);
	if (buflists::onqueue(bp))
		buflists::remove(bp);
	if (bp->b_flags & B_DELWRI)
		vp->v_dirtyblkhd.insert_head(bp);
	else
		vp->v_cleanblkhd.insert_head(bp);
}

/*
 * vwakeup: a write of vp's has ended; wake vwaitforio when none is left.
 * It only reads v_flag, which process context changes without splbio.
 * (OpenBSD keeps VBIOWAIT apart, in v_bioflag.)  => splbio (biodone).
 */
void
vwakeup(struct vnode *vp)
{
	splassert(IPL_BIO);
	KASSERT(vp->v_numoutput > 0);
	if (--vp->v_numoutput == 0 && (vp->v_flag & VBIOWAIT))
		wakeup(&vp->v_numoutput);
}

/*
 * vwaitforio: sleep until no write of vp's buffers is in progress.  Any
 * thread still asleep when the count is seen at 0 set VBIOWAIT before,
 * and the vwakeup that got it there woke it: clearing it is safe.
 * => process context, may sleep.
 */
static void
vwaitforio(struct vnode *vp)
{
	splguard s(IPL_BIO);

	while (vp->v_numoutput > 0) {
		vp->v_flag |= VBIOWAIT;
		tsleep(&vp->v_numoutput, PRIBIO + 1, "vwaitforio", 0);
	}
	vp->v_flag &= ~VBIOWAIT;
}

/*
 * buf_write_batch: write the buffers of batch, which the caller took
 * busy off the free lists: it walks a list first and writes after, as
 * a write may sleep and the list change under a walk that sleeps.
 * Without wait they are started with bawrite; with it, each write is
 * started, then all are waited for.
 * => process context, may sleep.
 */
static void
buf_write_batch(bufqueue &batch, bool wait)
{
	bufqueue started;
	struct buf *bp;

	while ((bp = batch.first()) != nullptr) {
		batch.remove(bp);
		if (!wait) {
			bawrite(bp);
			continue;
		}
		/* Not B_ASYNC: biodone leaves bp to us, on `started'. */
		started.insert_tail(bp);
		buf_start(bp, false);
	}
	while ((bp = started.first()) != nullptr) {
		started.remove(bp);
		(void)biowait(bp);	/* XXX sync(2) cannot say which failed */
		brelse(bp);
	}
}

/*
 * vflushbuf: start writing every dirty buffer of vp that nobody owns;
 * with sync, also wait for all of vp's writes and for its busy dirty
 * buffers, and write again what was dirtied meanwhile, until vp has no
 * dirty buffer.
 * => process context, may sleep.
 */
void
vflushbuf(struct vnode *vp, int sync)
{
	bufqueue batch;
	splguard s(IPL_BIO);

	for (;;) {
		for (struct buf *bp : vp->v_dirtyblkhd) {
			if (bp->b_flags & B_BUSY)
				continue;
			bremfree(bp);
			buf_acquire(bp);
			batch.insert_tail(bp);
		}
		buf_write_batch(batch, false);
		if (!sync)
			return;
		vwaitforio(vp);
		struct buf *bp = vp->v_dirtyblkhd.first();
		if (bp == nullptr)
			return;
		if (bp->b_flags & B_BUSY) {
			bp->b_flags |= B_WANTED;
			tsleep(bp, PRIBIO + 1, "vflushbuf", 0);
		}
	}
}

/*
 * vinvalbuf: empty the cache of vp's buffers (before vp is recycled, a
 * device closed).  With V_SAVE the dirty ones are written first (OpenBSD
 * calls VOP_FSYNC; for the buffers that is vflushbuf); without, their
 * changes are lost.  Busy buffers are waited for.
 * => process context, may sleep at PRIBIO + 1 | slpflag, each sleep up
 *    to slptimeo ticks; returns 0 or that sleep's error.
 */
int
vinvalbuf(struct vnode *vp, int flags, struct ucred *, struct proc *,
    int slpflag, int slptimeo)
{
	struct buf *bp;
	splguard s(IPL_BIO);

	if (flags & V_SAVE)
		vflushbuf(vp, 1);
	while ((bp = vp->v_cleanblkhd.first()) != nullptr ||
	    (bp = vp->v_dirtyblkhd.first()) != nullptr) {
		if (bp->b_flags & B_BUSY) {
			bp->b_flags |= B_WANTED;
			int error = tsleep(bp, slpflag | (PRIBIO + 1),
			    "vinvalbuf", slptimeo);
			if (error != 0)
				return error;
			continue;
		}
		bremfree(bp);
		buf_acquire(bp);
		bp->b_flags |= B_INVAL;
		brelse(bp);		/* off vp's lists */
	}
	return 0;
}

/*
 * buf_take_dirty: move to batch, busy, the dirty free buffers: all, or
 * with aged those dirty since `before' (ticks) or earlier.  => splbio.
 */
static void
buf_take_dirty(bufqueue &batch, bool aged, int before)
{
	splassert(IPL_BIO);
	for (struct buf *bp : bufqueues[BQ_DIRTY].foreach_safe()) {
		if (aged && bp->b_synctime - before > 0)
			continue;
		bremfree(bp);
		buf_acquire(bp);
		batch.insert_tail(bp);
	}
}

/*
 * buf_flush_all: sync(2)'s part: start writing every dirty buffer that
 * nobody owns; with MNT_WAIT, wait until those writes have ended.
 * => process context, may sleep.
 */
void
buf_flush_all(int waitfor)
{
	bufqueue batch;
	splguard s(IPL_BIO);

	buf_take_dirty(batch, false, 0);
	buf_write_batch(batch, waitfor == MNT_WAIT);
}

/*
 * sync_aged_buffers: one pass of the syncer: start writing the dirty
 * free buffers dirtied syncdelay seconds or more before now (ticks).
 * => process context, may sleep.
 */
void
sync_aged_buffers(int now)
{
	bufqueue batch;
	splguard s(IPL_BIO);

	buf_take_dirty(batch, true, now - syncdelay * hz);
	buf_write_batch(batch, false);
}

/*
 * sched_sync: the syncer thread.  Once a second it writes the buffers
 * that have been dirty for syncdelay seconds; every syncdelay seconds it
 * first has each file system push its dirty inodes into buffers
 * (vfs_sync_all(MNT_LAZY)), which the following passes write.
 * => a kernel thread (kthread_create in main); never returns.
 */
void
sched_sync(void *)
{
	int lastfs = ticks;

	for (;;) {
		int start = ticks;
		if (start - lastfs >= MAX(syncdelay, 1) * hz) {
			vfs_sync_all(MNT_LAZY);
			lastfs = start;
		}
		sync_aged_buffers(ticks);
		int left = hz - (ticks - start);
		if (left > 0)
			(void)tsleep(&syncer_chan, PPAUSE, "syncer", left);
		else
			yield();
	}
}

/*
 * biodone: the driver has finished bp (B_ERROR, b_error if it failed).
 * A write is one fewer in progress on its vnode.  A B_CALL buf goes to
 * b_iodone, which owns it from there; a B_ASYNC one is released; else
 * biowait is woken.
 * => any context, usually the disk's interrupt handler at IPL_BIO.
 */
void
biodone(struct buf *bp)
{
	splguard s(IPL_BIO);

	KASSERT((bp->b_flags & B_DONE) == 0);
	bp->b_flags |= B_DONE;
	if ((bp->b_flags & B_READ) == 0 && bp->b_vp != nullptr)
		vwakeup(bp->b_vp);
	if (bp->b_flags & B_CALL) {
		bp->b_flags &= ~B_CALL;
		(*bp->b_iodone)(bp);
	} else if (bp->b_flags & B_ASYNC)
		brelse(bp);
	else {
		bp->b_flags &= ~B_WANTED;
		wakeup(bp);
	}
}

/*
 * biowait: sleep until bp is done.
 * => process context, may sleep; bp was given to a strategy routine
 *    without B_ASYNC (a buf from the cache or one the caller owns).
 * => returns 0, or bp's errno (EIO if the driver gave none).
 */
int
biowait(struct buf *bp)
{
	splguard s(IPL_BIO);

	KASSERT((bp->b_flags & B_ASYNC) == 0);
	/*
	 * The check and the sleep happen at splbio, so the interrupt that
	 * calls biodone cannot slip in between them and be missed.
	 */
	while ((bp->b_flags & B_DONE) == 0)
		tsleep(bp, PRIBIO, "biowait", 0);
	if (bp->b_flags & B_ERROR)
		return bp->b_error != 0 ? bp->b_error : EIO;
	return 0;
}

/* bcstats_print: ddb's "show bcstats".  pr is printf-like. */
void
bcstats_print(int (*pr)(const char *, ...))
{
	const struct bcachestats &b = bcstats;

	pr("buffers %lld, pages %lld of at most %lld: dirty %lld, "
	    "clean and free %lld\n", (long long)b.numbufs,
	    (long long)b.numbufpages, (long long)b.maxbufpages,
	    (long long)b.numdirtypages, (long long)b.numcleanpages);
	pr("getblk: hits %lld, misses %lld, waits for a busy buffer %lld\n",
	    (long long)b.cachehits, (long long)b.cachemisses,
	    (long long)b.busymapped);
	pr("disk reads %lld, writes %lld; delayed writes %lld\n",
	    (long long)b.numreads, (long long)b.numwrites,
	    (long long)b.delwri);
}
