/*
 * subr_disk.cc: what every disk driver shares: the elevator that orders
 * its queue (disksort) and the reading of the partition table
 * (readdisklabel).
 *
 * disksort is the one-way elevator of 4.3BSD, as OpenBSD had it before
 * bufq(9): the head of the queue is the request the disk is serving, and
 * behind it the queue holds two ascending runs of block numbers, the
 * first for blocks ahead of the heads, the second for blocks the heads
 * have already passed, to be served on the next sweep.  A new request
 * joins the first run if it lies ahead of the active one and the second
 * otherwise, so the heads sweep one way, jump back once, and no request
 * can be starved by a stream of requests just ahead of the heads.
 *
 * The end of a transfer, biodone and biowait, is the buffer cache's
 * (kern/vfs_bio.cc), as in OpenBSD's sys/kern/vfs_bio.c.
 *
 * readdisklabel reads the MBR through the driver's strategy routine and
 * turns it into partitions, as OpenBSD's readdoslabel() does when the
 * disk carries no OpenBSD label (sys/kern/subr_disk.c).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/disklabel.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <machine/intr.h>

/*
 * disksort: put bp on q in elevator order (see the top of the file).
 * => called at splbio; bp->b_rawblkno is set (the absolute block).
 * => q's first element, if any, is the request being served; bp never
 *    goes before it.
 */
void
disksort(bufq_head &q, struct buf *bp)
{
	struct buf *bq = q.first(), *nq;

	splassert(IPL_BIO);
	if (bq == nullptr) {
		q.insert_tail(bp);
		return;
	}
	if (bp->b_rawblkno >= bq->b_rawblkno) {
		/*
		 * Ahead of the heads: into the first run, before the first
		 * larger block, or at its end (where the blocks drop).
		 */
		for (; (nq = q.next(bq)) != nullptr; bq = nq)
			if (nq->b_rawblkno < bq->b_rawblkno ||
			    bp->b_rawblkno < nq->b_rawblkno)
				break;
		q.insert_after(bq, bp);
		return;
	}
	/* Behind the heads: skip the first run, then sort into the second. */
	while ((nq = q.next(bq)) != nullptr && nq->b_rawblkno >= bq->b_rawblkno)
		bq = nq;
	while ((nq = q.next(bq)) != nullptr && nq->b_rawblkno <= bp->b_rawblkno)
		bq = nq;
	q.insert_after(bq, bp);
}

static inline u_int32_t
le32(const u_int8_t *p)
{
	return p[0] | (p[1] << 8) | (p[2] << 16) | ((u_int32_t)p[3] << 24);
}

/*
 * readdisklabel: read the MBR of dev's disk with strat and fill lp's
 * partitions: the MBR's first used entry becomes 'a', the next ones 'b',
 * 'd', 'e'; 'c' is the whole disk (lp->d_secperunit, set by the caller).
 * => process context, may sleep (in biowait), unless strat completes
 *    the buf before it returns (a driver polling at boot).
 * => returns 0, an errno from the read, or EINVAL if sector 0 holds no
 *    MBR; 'c' is set up in every case.
 */
int
readdisklabel(dev_t dev, void (*strat)(struct buf *), struct disklabel *lp)
{
	static const int letters[NDOSPART] = { 0, 1, 3, 4 };
	struct partition *pp = lp->d_partitions;
	int error, n = 0;

	memset(pp, 0, sizeof(lp->d_partitions));
	pp[RAW_PART].p_size = lp->d_secperunit;
	lp->d_npartitions = RAW_PART + 1;

	struct buf *bp = (struct buf *)malloc(sizeof(*bp), M_DEVBUF,
	    M_WAITOK | M_ZERO);
	u_int8_t *mbr = (u_int8_t *)malloc(DEV_BSIZE, M_DEVBUF, M_WAITOK);
	bp->b_dev = makedev(major(dev), DISKMINOR(DISKUNIT(dev), RAW_PART));
	bp->b_blkno = DOSBBSECTOR;
	bp->b_bcount = DEV_BSIZE;
	bp->b_data = mbr;
	bp->b_flags = B_READ;
	(*strat)(bp);
	error = biowait(bp);
	if (error != 0)
		goto out;
	if ((mbr[DOSMBR_SIGNATURE_OFF] | mbr[DOSMBR_SIGNATURE_OFF + 1] << 8) !=
	    DOSMBR_SIGNATURE) {
		error = EINVAL;
		goto out;
	}
	for (int i = 0; i < NDOSPART; i++) {
		/* Byte by byte: the entries are not 4-byte aligned. */
		const u_int8_t *dp = mbr + DOSPARTOFF + i * 16;
		u_int32_t start = le32(dp + 8), size = le32(dp + 12);
		if (dp[4] == 0 || size == 0)
			continue;
		struct partition *p = &pp[letters[n++]];
		p->p_offset = start;
		p->p_size = size;
		p->p_fstype = dp[4];
		if (letters[n - 1] + 1 > lp->d_npartitions)
			lp->d_npartitions = letters[n - 1] + 1;
	}
out:
	free(mbr, M_DEVBUF, DEV_BSIZE);
	free(bp, M_DEVBUF, sizeof(*bp));
	return error;
}

/*
 * setroot: choose the root device: partition a of the first disk there
 * is, wd0 before rd0 (OpenBSD asks the boot loader which disk it came
 * from; with one disk the answer is the same), and say so as OpenBSD
 * does: "root on wd0a".  No disk leaves rootdev NODEV: the kernel then
 * runs without files (the in-kernel tests, ddb).
 * => process context, after autoconfiguration.
 */
void
setroot(void)
{
	rootdev = NODEV;
	for (int i = 0; nam2blk[i].name != nullptr; i++) {
		int maj = nam2blk[i].maj;
		dev_t dev = makedev(maj, DISKMINOR(0, 0));
		if (maj >= nblkdev || bdevsw[maj].d_psize == nullptr ||
		    bdevsw[maj].d_psize(dev) <= 0)
			continue;
		rootdev = dev;
		printf("root on %s0a\n", nam2blk[i].name);
		return;
	}
	printf("no root device\n");
}
