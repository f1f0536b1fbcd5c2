/*
 * <sys/buf.h>: the buffer, the unit of block I/O.
 *
 * A struct buf describes one transfer between memory and a disk: which
 * device (b_dev), where on it (b_blkno, in DEV_BSIZE units, relative to
 * the partition b_dev names), how much (b_bcount bytes), to or from
 * where (b_data), and which way (B_READ, else a write).  Whoever wants
 * the transfer fills one in and hands it to the driver's strategy
 * routine (wdstrategy), which queues it and returns at once; the driver
 * finishes it later, usually from its interrupt handler, by calling
 * biodone(), which sets B_DONE and wakes whoever sleeps in biowait().
 * A failed transfer carries B_ERROR and an errno in b_error; b_resid
 * says how many bytes were not moved.
 *
 * This is the bottom half of OpenBSD's buffer cache (sys/sys/buf.h,
 * sys/kern/vfs_bio.c: biowait, biodone) without the cache: no bread(),
 * no getblk(), no hash; a caller owns its buf outright.
 *
 * Locking: [C] set by the caller before strategy and not touched again
 * until B_DONE; [D] the driver's, at splbio; [B] b_flags: at splbio.
 */
#ifndef _SYS_BUF_H_
#define _SYS_BUF_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/queue.h>

/* A disk address in DEV_BSIZE units (OpenBSD's daddr_t is 64 bits). */
typedef int64_t		daddr_t;

#define DEV_BSHIFT	9		/* log2(DEV_BSIZE) */
#define DEV_BSIZE	(1 << DEV_BSHIFT)

struct buf {
	tailq_entry<buf> b_list;	/* [D] on the driver's queue */
	long		b_flags;	/* [B] B_* below */
	dev_t		b_dev;		/* [C] the device (and partition) */
	daddr_t		b_blkno;	/* [C] block, partition relative */
	daddr_t		b_rawblkno;	/* [D] absolute block, disksort's key */
	long		b_bcount;	/* [C] bytes to move */
	long		b_resid;	/* [D] bytes not moved */
	void		*b_data;	/* [C] the memory (kernel virtual) */
	int		b_error;	/* [D] errno when B_ERROR */
};

/* b_flags, with OpenBSD's values. */
#define B_WRITE		0x00000000	/* not B_READ */
#define B_DONE		0x00000100	/* the transfer has ended */
#define B_ERROR		0x00000400	/* ... and failed; see b_error */
#define B_READ		0x00008000	/* a read (disk to memory) */

typedef tailq_head<buf, &buf::b_list> bufq_head;

__BEGIN_DECLS
void	biodone(struct buf *bp);
int	biowait(struct buf *bp);
void	disksort(bufq_head &q, struct buf *bp);
__END_DECLS

#endif /* !_SYS_BUF_H_ */
