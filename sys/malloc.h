/*
 * <sys/malloc.h>: malloc(9) and free(9), the kernel's general-purpose
 * memory allocator, with OpenBSD's interface.
 *
 *	p = malloc(sizeof(*p), M_DEVBUF, M_WAITOK | M_ZERO);
 *	...
 *	free(p, M_DEVBUF, sizeof(*p));
 *
 * Every allocation names a type (M_DEVBUF, M_TEMP, ...): the allocator
 * keeps statistics per type (struct kmemstats, what `vmstat -m` and ddb's
 * "show malloc" print) and can hold a type to a limit.  free() is told the
 * type again and, when the caller knows it, the size; with DIAGNOSTIC both
 * are checked against what malloc() recorded.
 *
 * The allocator is the 4.4BSD "bucket" design (McKusick and Karels,
 * "Design of a General Purpose Memory Allocator for the 4.3BSD UNIX
 * Kernel", 1988) as OpenBSD still has it in sys/kern/kern_malloc.c: one
 * free list per power of two from MINALLOCSIZE to MAXALLOCSAVE, and whole
 * pages for anything larger.  kern/kern_malloc.cc explains it in full.
 *
 * The type numbers are OpenBSD's (sys/sys/malloc.h), so that a type means
 * the same in both kernels.  Only a subset is defined; a number OpenBSD
 * uses for something this kernel does not have is left out rather than
 * reused, and the names of the left-out ones are null in memname[].
 */
#ifndef _SYS_MALLOC_H_
#define _SYS_MALLOC_H_

#include <sys/cdefs.h>
#include <sys/param.h>		/* PAGE_SIZE, for the sizes below */

#ifdef HOSTTEST
/*
 * The host unit tests link this allocator into a program that also has
 * libc's malloc() and free(), so the kernel's get other link names there,
 * as <sys/systm.h> does for printf(9).  Test files include their host
 * headers before any kernel header.
 */
#define malloc		kern_malloc
#define mallocarray	kern_mallocarray
#define free		kern_free
#endif

/* Flags to malloc(9), with OpenBSD's values. */
#define M_WAITOK	0x0001	/* may sleep until memory is available */
#define M_NOWAIT	0x0002	/* return nullptr rather than sleep */
#define M_CANFAIL	0x0004	/* M_WAITOK, but nullptr if it cannot be had */
#define M_ZERO		0x0008	/* zero the memory */

/*
 * Types of memory, with OpenBSD's numbers.  M_FREE (0) marks free memory
 * and is not a type to allocate.
 */
#define M_FREE		0	/* should be on free list */
#define M_DEVBUF	2	/* device driver memory */
#define M_PCB		4	/* protocol control blocks */
#define M_RTABLE	5	/* routing tables */
#define M_IFADDR	9	/* interface addresses */
#define M_SYSCTL	11	/* sysctl persistent buffers */
#define M_COUNTERS	12	/* per-CPU counters via counters_alloc(9) */
#define M_IOCTLOPS	14	/* ioctl data buffers */
#define M_IOV		19	/* large IOVs */
#define M_MOUNT		20	/* VFS mount structs */
#define M_NFSREQ	22	/* NFS request headers */
#define M_NFSMNT	23	/* NFS mount structures */
#define M_LOG		24	/* messages in kernel log stash */
#define M_VNODE		25	/* dynamically allocated vnodes */
#define M_CACHE		26	/* Dynamically allocated cache entries */
#define M_UFSMNT	28	/* UFS mount structures */
#define M_SHM		29	/* SVID compatible shared memory segments */
#define M_VMMAP		30	/* VM map structures */
#define M_SEM		31	/* SVID compatible semaphores */
#define M_VMPMAP	34	/* VM pmap data */
#define M_FILEDESC	39	/* open file descriptor tables */
#define M_SIGIO		40	/* sigio structures */
#define M_PROC		41	/* proc structures */
#define M_SUBPROC	42	/* proc sub-structures */
#define M_TTYS		62	/* allocated tty structures */
#define M_EXEC		63	/* argument lists & other mem used by exec */
#define M_MISCFSMNT	64	/* miscellaneous FS mount structures */
#define M_NAMEI		76	/* namei path name buffer */
#define M_VMSWAP	92	/* VM swap structures */
#define M_UVMAMAP	98	/* UVM amap and related */
#define M_UVMAOBJ	99	/* UVM aobj and related */
#define M_TEMP		127	/* miscellaneous temporary data buffers */

/*
 * One past the highest type here.  OpenBSD's M_LAST is larger (it has
 * types above M_TEMP); ours stops at M_TEMP + 1, which also lets a type
 * fit in seven bits (kern_malloc.cc relies on that).
 */
#define M_LAST		128

/*
 * The names `vmstat -m` and ddb's "show malloc" print, indexed by type:
 * OpenBSD's INITKMEMNAMES for the types above, null for numbers left out.
 * kern_malloc.cc checks with static_assert that the lines did not slip.
 */
#define INITKMEMNAMES {							\
	"free",		/* 0 M_FREE */					\
	nullptr,							\
	"devbuf",	/* 2 M_DEVBUF */				\
	nullptr,							\
	"pcb",		/* 4 M_PCB */					\
	"rtable",	/* 5 M_RTABLE */				\
	nullptr, nullptr, nullptr,			/* 6-8 */	\
	"ifaddr",	/* 9 M_IFADDR */				\
	nullptr,							\
	"sysctl",	/* 11 M_SYSCTL */				\
	"counters",	/* 12 M_COUNTERS */				\
	nullptr,							\
	"ioctlops",	/* 14 M_IOCTLOPS */				\
	nullptr, nullptr, nullptr, nullptr,		/* 15-18 */	\
	"iov",		/* 19 M_IOV */					\
	"mount",	/* 20 M_MOUNT */				\
	nullptr,							\
	"NFS req",	/* 22 M_NFSREQ */				\
	"NFS mount",	/* 23 M_NFSMNT */				\
	"log",		/* 24 M_LOG */					\
	"vnodes",	/* 25 M_VNODE */				\
	"namecache",	/* 26 M_CACHE */				\
	nullptr,					/* 27 */	\
	"UFS mount",	/* 28 M_UFSMNT */				\
	"shm",		/* 29 M_SHM */					\
	"VM map",	/* 30 M_VMMAP */				\
	"sem",		/* 31 M_SEM */					\
	nullptr, nullptr,				/* 32-33 */	\
	"VM pmap",	/* 34 M_VMPMAP */				\
	nullptr, nullptr, nullptr, nullptr,		/* 35-38 */	\
	"file desc",	/* 39 M_FILEDESC */				\
	"sigio",	/* 40 M_SIGIO */				\
	"proc",		/* 41 M_PROC */					\
	"subproc",	/* 42 M_SUBPROC */				\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 43-47 */	\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 48-52 */	\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 53-57 */	\
	nullptr, nullptr, nullptr, nullptr,		/* 58-61 */	\
	"ttys",		/* 62 M_TTYS */					\
	"exec",		/* 63 M_EXEC */					\
	"miscfs mount",	/* 64 M_MISCFSMNT */				\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 65-69 */	\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 70-74 */	\
	nullptr,					/* 75 */	\
	"NAMEI",	/* 76 M_NAMEI */				\
	nullptr, nullptr, nullptr,			/* 77-79 */	\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 80-84 */	\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 85-89 */	\
	nullptr, nullptr,				/* 90-91 */	\
	"VM swap",	/* 92 M_VMSWAP */				\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 93-97 */	\
	"UVM amap",	/* 98 M_UVMAMAP */				\
	"UVM aobj",	/* 99 M_UVMAOBJ */				\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 100-104 */	\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 105-109 */	\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 110-114 */	\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 115-119 */	\
	nullptr, nullptr, nullptr, nullptr, nullptr,	/* 120-124 */	\
	nullptr, nullptr,				/* 125-126 */	\
	"temp",		/* 127 M_TEMP */				\
}

/*
 * Per-type statistics, OpenBSD's struct kmemstats.  [K] = changed only by
 * malloc() and free(), which today run without interruption (see the
 * locking note in kern_malloc.cc); read by the printer and the tests.
 */
struct kmemstats {
	long	ks_inuse;	/* [K] allocations of this type in use */
	long	ks_calls;	/* [K] allocations ever made */
	long	ks_memuse;	/* [K] bytes held, rounded to bucket/pages */
	u_short	ks_limblocks;	/* [K] times over ks_limit with M_WAITOK */
	u_short	ks_mapblocks;	/* [K] times kmem_map had no pages */
	long	ks_maxused;	/* [K] highest ks_memuse ever */
	long	ks_limit;	/* [K] ks_memuse allowed (set by kmeminit) */
	long	ks_size;	/* [K] bit i set: used bucket of 1 << i bytes */
	long	ks_spare;
};

/*
 * What each page of kmem_map holds, one record per page.  A page that
 * belongs to a bucket has ku_indx = that bucket's index and counts its
 * free chunks; the first page of a large (page-backed) allocation has
 * ku_indx = BUCKETINDX(size) and the number of pages.  Other pages
 * (unused ones, and all but the first of a multi-page block) have
 * ku_indx = 0.  [K]
 */
struct kmemusage {
	short	ku_indx;		/* [K] bucket index, 0 = none */
	union {
		u_short	ku_freecnt;	/* [K] small: free chunks here */
		u_short	ku_pagecnt;	/* [K] large: pages allocated */
	};
};

/*
 * One bucket: the free chunks of one power-of-two size and its counters,
 * 4.4BSD's struct kmembuckets.  The free list is a FIFO (freed chunks go
 * to the tail, malloc takes from the head), so a chunk rests on the list
 * as long as possible before it is reused; that gives the DIAGNOSTIC
 * checks the best chance to see a write through a stale pointer.  [K]
 */
struct kmembuckets {
	caddr_t		kb_next;	/* [K] first free chunk */
	caddr_t		kb_last;	/* [K] last free chunk */
	u_int64_t	kb_calls;	/* [K] allocations of this size */
	u_int64_t	kb_total;	/* [K] chunks carved, in use + free */
	u_int64_t	kb_totalfree;	/* [K] chunks on the free list */
	u_int64_t	kb_elmpercl;	/* [I] chunks per page-cluster */
	u_int64_t	kb_highwat;	/* [I] free chunks worth keeping */
	u_int64_t	kb_couldfree;	/* [K] times a whole cluster was free */
};

/*
 * Sizes.  2^MINBUCKET is the smallest chunk; it must hold the free-list
 * link.  Chunks up to MAXALLOCSAVE come from the buckets and stay there
 * when freed (fast, but their pages are never given back); anything
 * larger is whole pages from kmem_map, returned on free.  MAXALLOCSAVE is
 * OpenBSD's 2 * PAGE_SIZE, so MAXBUCKET, the largest bucket with a free
 * list, is 8 KiB.  The bucket array has OpenBSD's MINBUCKET + 16 slots:
 * the slots above MAXBUCKET only count page-backed allocations by size.
 */
#define MINBUCKET	4		/* 4 => min allocation of 16 bytes */
#define MINALLOCSIZE	(1 << MINBUCKET)
#define MAXALLOCSAVE	(2 * PAGE_SIZE)
#define MAXBUCKET	(PAGE_SHIFT + 1)	/* log2(MAXALLOCSAVE) */
#define NBUCKETS	(MINBUCKET + 16)
#define MALLOC_MAX	(65535 * PAGE_SIZE)	/* ku_pagecnt is a u_short */

/*
 * The bucket index of a size: the smallest i >= MINBUCKET with
 * size <= 2^i, and NBUCKETS - 1 for anything above 2^(NBUCKETS - 1).
 * (Upper case because it was a macro in 4.4BSD and is still spelled so
 * in OpenBSD, where it is now a function too.)
 */
constexpr long
BUCKETINDX(size_t size)
{
	long indx = MINBUCKET;

	while (indx < NBUCKETS - 1 && size > ((size_t)1 << indx))
		indx++;
	return indx;
}

extern struct kmemstats kmemstats[M_LAST];	/* per type */
extern struct kmembuckets bucket[NBUCKETS];	/* per size */
extern struct kmemusage *kmemusage;		/* per page of kmem_map */
extern char *kmembase, *kmemlimit;		/* [I] kmem_map's range */
extern u_int nkmempages;			/* [I] its size in pages */
extern const char *const memname[M_LAST];	/* names, null = unused */

__BEGIN_DECLS
void	kmeminit(void);
void	*malloc(size_t size, int type, int flags);
void	*mallocarray(size_t nmemb, size_t size, int type, int flags);
void	free(void *addr, int type, size_t freedsize);
void	malloc_printit(int (*pr)(const char *, ...));
__END_DECLS

#endif /* !_SYS_MALLOC_H_ */
