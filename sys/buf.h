/*
 * <sys/buf.h>: the buffer, the unit of block I/O, and the buffer cache.
 *
 * A struct buf describes one transfer between memory and a disk: which
 * device (b_dev), where on it (b_blkno, in DEV_BSIZE units, relative to
 * the partition b_dev names), how much (b_bcount bytes), to or from
 * where (b_data), and which way (B_READ, else a write).  Whoever wants
 * the transfer fills one in and hands it to the driver's strategy
 * routine (wdstrategy), which queues it and returns at once; the driver
 * finishes it later, usually from its interrupt handler, by calling
 * biodone(), which sets B_DONE and either wakes whoever sleeps in
 * biowait() or, for B_ASYNC transfers, releases the buffer itself.
 * A failed transfer carries B_ERROR and an errno in b_error; b_resid
 * says how many bytes were not moved.
 *
 * The buffer cache (kern/vfs_bio.cc, OpenBSD's sys/kern/vfs_bio.c) keeps
 * such buffers after their I/O, named by (vnode, logical block): b_vp and
 * b_lblkno.  For a disk's own vnode (a file system's metadata) the
 * logical block is the disk block; for a file's vnode it is the block
 * number within the file, which VOP_BMAP turns into b_blkno when the
 * buffer goes to the disk.  A buffer is B_BUSY while someone owns it
 * (between getblk/bread and brelse/bwrite) and otherwise sits on one of
 * the free lists, clean or dirty (B_DELWRI), the least recently used
 * first.  See buf(9), bread(9), getblk(9).
 *
 * A caller may still own a buf outright (readdisklabel, the wd test) and
 * give it to strategy without the cache: such a buf has no b_vp.
 *
 * Locking: [C] set by the owner before strategy and not touched again
 * until B_DONE; [D] the driver's, at splbio; [B] at splbio (the cache's
 * lists and b_flags).
 */
#ifndef _SYS_BUF_H_
#define _SYS_BUF_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/queue.h>

/* A disk address in DEV_BSIZE units (OpenBSD's daddr_t is 64 bits). */
#ifdef HOSTTEST
/*
 * glibc's <sys/types.h> has a daddr_t of its own, an int; in the host
 * tests ours goes by another link name, as printf does (<sys/systm.h>).
 */
#define daddr_t		kern_daddr_t
#endif
typedef int64_t		daddr_t;

#define DEV_BSHIFT	9		/* log2(DEV_BSIZE) */
#define DEV_BSIZE	(1 << DEV_BSHIFT)

#ifndef MAXBSIZE
#define MAXBSIZE	(64 * 1024)	/* the largest block the cache holds */
#endif

struct vnode;
struct proc;

struct buf {
	tailq_entry<buf> b_list;	/* [D] on the driver's queue */
	list_entry<buf>	b_hash;		/* [B] on its (vnode, lblkno) chain */
	list_entry<buf>	b_vnbufs;	/* [B] on its vnode's clean/dirty list */
	tailq_entry<buf> b_freelist;	/* [B] on a free list when not busy */
	long		b_flags;	/* [B] B_* below */
	dev_t		b_dev;		/* [C] the device (and partition) */
	daddr_t		b_blkno;	/* [C] block, partition relative */
	daddr_t		b_rawblkno;	/* [D] absolute block, disksort's key */
	daddr_t		b_lblkno;	/* [B] logical block within b_vp */
	long		b_bcount;	/* [C] bytes to move (valid bytes) */
	long		b_bufsize;	/* [B] bytes allocated at b_data */
	long		b_resid;	/* [D] bytes not moved */
	void		*b_data;	/* [C] the memory (kernel virtual) */
	int		b_error;	/* [D] errno when B_ERROR */
	struct vnode	*b_vp;		/* [B] the vnode it caches, or null */
	int		b_synctime;	/* [B] when it became dirty (ticks) */
	struct proc	*b_proc;	/* [C] who owns it (B_BUSY) */
	void		(*b_iodone)(struct buf *); /* [C] B_CALL: at biodone */
};

/* b_flags, with OpenBSD's values. */
#define B_WRITE		0x00000000	/* not B_READ */
#define B_AGE		0x00000001	/* to the front of the clean list */
#define B_NEEDCOMMIT	0x00000002	/* (NFS; unused) */
#define B_ASYNC		0x00000004	/* nobody waits: biodone releases */
#define B_BAD		0x00000008	/* (bad block revectoring; unused) */
#define B_BUSY		0x00000010	/* owned: off the free lists */
#define B_CACHE		0x00000020	/* b_data holds the block's contents */
#define B_CALL		0x00000040	/* call b_iodone from biodone */
#define B_DELWRI	0x00000080	/* dirty: write before reuse */
#define B_DONE		0x00000100	/* the transfer has ended */
#define B_EINTR		0x00000200	/* (unused) */
#define B_ERROR		0x00000400	/* ... and failed; see b_error */
#define B_INVAL		0x00000800	/* contents are meaningless: reuse */
#define B_NOCACHE	0x00001000	/* do not keep after release */
#define B_PHYS		0x00002000	/* (raw I/O; unused) */
#define B_RAW		0x00004000	/* (unused) */
#define B_READ		0x00008000	/* a read (disk to memory) */
#define B_WANTED	0x00010000	/* someone sleeps until not busy */
#define B_WRITEINPROG	0x00020000	/* a write is on its way */

#define BUF_FLAGBITS \
    "\20\001AGE\003ASYNC\005BUSY\006CACHE\007CALL\010DELWRI\011DONE" \
    "\013ERROR\014INVAL\015NOCACHE\020READ\021WANTED\022WRITEINPROG"

typedef tailq_head<buf, &buf::b_list> bufq_head;
typedef list_head<buf, &buf::b_vnbufs> buflists;

/*
 * What the cache counts, for `show bcstats` in ddb and the benchmarks
 * (OpenBSD's struct bcachestats, in part).
 */
struct bcachestats {
	int64_t	numbufs;	/* buffers allocated */
	int64_t	numbufpages;	/* bytes of data they hold, in pages */
	int64_t	maxbufpages;	/* the bound on numbufpages */
	int64_t	numdirtypages;	/* of which dirty (B_DELWRI) */
	int64_t	numcleanpages;	/* of which clean and free */
	int64_t	cachehits;	/* getblk found the block */
	int64_t	cachemisses;	/* getblk had to make a buffer */
	int64_t	numreads;	/* reads sent to disks */
	int64_t	numwrites;	/* writes sent to disks */
	int64_t	delwri;		/* delayed writes (bdwrite) */
	int64_t	busymapped;	/* waits for a busy buffer */
};

extern struct bcachestats bcstats;
extern int bufcachepercent;	/* [I] the cache's share of RAM, percent */
extern int syncdelay;		/* seconds a dirty buffer may wait */

__BEGIN_DECLS
/* kern/vfs_bio.cc: the cache. */
void	bufinit(void);
[[nodiscard]] int bread(struct vnode *vp, daddr_t blkno, int size,
	    struct buf **bpp);
[[nodiscard]] int breadn(struct vnode *vp, daddr_t blkno, int size,
	    daddr_t rablks[], int rasizes[], int nrablks, struct buf **bpp);
int	bwrite(struct buf *bp);
void	bdwrite(struct buf *bp);
void	bawrite(struct buf *bp);
void	brelse(struct buf *bp);
struct buf *getblk(struct vnode *vp, daddr_t blkno, int size, int slpflag,
	    int slptimeo);
struct buf *geteblk(size_t size);
struct buf *incore(struct vnode *vp, daddr_t blkno);
void	buf_flush_all(int waitfor);	/* sync(2)'s part: every dirty buf */
void	bcstats_print(int (*pr)(const char *, ...));
void	biodone(struct buf *bp);
int	biowait(struct buf *bp);
void	bgetvp(struct vnode *vp, struct buf *bp);
void	brelvp(struct buf *bp);
void	reassignbuf(struct buf *bp);
void	bufadjust(int newbufpages);	/* set the bound, in pages */
void	sched_sync(void *);		/* the syncer thread */
void	sync_aged_buffers(int now);	/* one pass of it (and the tests) */

/* kern/subr_disk.cc */
void	disksort(bufq_head &q, struct buf *bp);
__END_DECLS

#endif /* !_SYS_BUF_H_ */
