/*
 * <sys/extent.h>: extent(9), the allocator of ranges of numbers.
 *
 * An extent map manages a range of numbers, [ex_start, ex_end], and
 * remembers which parts of it are taken: I/O port space (0 - 0xffff on a
 * PC), I/O memory holes below 4 GiB, kernel virtual address ranges.  It
 * hands out ranges, never memory: what a number means is the caller's
 * business.  kern/subr_extent.cc explains how it works; the interface is
 * OpenBSD's (sys/sys/extent.h, extent(9)), minus the *_with_descr
 * variants, which no code here needs yet.
 *
 *	ex = extent_create("ioport", 0, 0xffff, M_DEVBUF, storage,
 *	    sizeof(storage), EX_NOWAIT);
 *	error = extent_alloc_region(ex, 0x3f8, 8, EX_NOWAIT);	// com0
 *	error = extent_alloc(ex, 0x100, 0x100, 0, EX_NOBOUNDARY,
 *	    EX_NOWAIT, &port);					// anywhere
 *	extent_free(ex, port, 0x100, EX_NOWAIT);
 *
 * Locking legend for the structures below:
 *	[I]	immutable after extent_create()
 *	[E]	serialised by the caller: extent(9) takes no lock of its own
 *		yet (see "Locking" in kern/subr_extent.cc)
 */
#ifndef _SYS_EXTENT_H_
#define _SYS_EXTENT_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/queue.h>

/*
 * One allocated range, [er_start, er_end] inclusive: an inclusive end is
 * what lets an extent reach ULONG_MAX, whose "end + 1" would be 0.
 */
struct extent_region {
	list_entry<extent_region> er_link; /* [E] on ex_regions or a freelist */
	u_long	er_start;		/* [E] first number of the range */
	u_long	er_end;			/* [E] last number of the range */
	int	er_flags;		/* [E] ER_* */
};

/* er_flags */
constexpr int ER_ALLOC = 0x01;	/* descriptor came from malloc(9) */

using extent_region_list = list_head<extent_region, &extent_region::er_link>;

struct extent {
	const char	*ex_name;	/* [I] for extent_print() */
	extent_region_list ex_regions;	/* [E] allocated ranges, sorted,
					   never overlapping */
	u_long		ex_start;	/* [I] first number managed */
	u_long		ex_end;		/* [I] last number managed */
	int		ex_mtype;	/* [I] malloc(9) type of our memory */
	int		ex_flags;	/* [I] EXF_* */
	list_entry<extent> ex_link;	/* [E] on the list of all extents */
};

/*
 * An extent made in caller-supplied storage ("fixed"), for use before
 * malloc(9) works: the storage holds this header and then as many region
 * descriptors as fit, kept on fex_freelist.  The extent must come first,
 * so that a struct extent * of a fixed extent is its extent_fixed.
 */
struct extent_fixed {
	struct extent	fex_extent;	/* must be first */
	extent_region_list fex_freelist; /* [E] unused descriptors */
	caddr_t		fex_storage;	/* [I] the caller's storage */
	size_t		fex_storagesize; /* [I] and its size in bytes */
};

/* ex_flags, internal; EXF_BITS names them for printf's %b. */
constexpr int EXF_FIXED		= 0x01;	/* uses fixed storage */
constexpr int EXF_NOCOALESCE	= 0x02;	/* regions are never merged */
constexpr char EXF_BITS[]	= "\20\2NOCOALESCE\1FIXED";

/*
 * Flags to the extent functions, with OpenBSD's values.  Three of them
 * ask extent(9) to sleep, which it cannot do yet, for want of tsleep(9):
 * EX_WAITOK still lets malloc(9) sleep (M_WAITOK), but a fixed extent out
 * of descriptors fails at once; EX_WAITSPACE fails with EAGAIN instead of
 * waiting for a free; EX_CATCH, which only matters while asleep, is
 * accepted and has no effect.  Each place is marked XXX in subr_extent.cc.
 */
constexpr int EX_NOWAIT		= 0x0000; /* not safe to sleep */
constexpr int EX_WAITOK		= 0x0001; /* safe to sleep */
constexpr int EX_FAST		= 0x0002; /* first fit, not best fit */
constexpr int EX_CATCH		= 0x0004; /* catch signals while asleep */
constexpr int EX_NOCOALESCE	= 0x0008; /* never merge regions */
constexpr int EX_MALLOCOK	= 0x0010; /* fixed: may malloc descriptors */
constexpr int EX_WAITSPACE	= 0x0020; /* wait for space to be freed */
constexpr int EX_BOUNDZERO	= 0x0040; /* boundary lines start at 0 */
constexpr int EX_CONFLICTOK	= 0x0080; /* overlap is no error */
constexpr int EX_FILLED		= 0x0100; /* create it all taken */

/* "Don't care" values of the alignment and boundary arguments. */
constexpr u_long EX_NOALIGN	= 1;	/* any start will do */
constexpr u_long EX_NOBOUNDARY	= 0;	/* any range may cross any line */

/*
 * The storage a fixed extent with room for nregions descriptors needs,
 * for the caller to declare it:
 *
 *	static long storage[EXTENT_FIXED_STORAGE_SIZE(8) / sizeof(long)];
 *
 * Each piece is rounded up so that the next one is aligned (OpenBSD's
 * ALIGN()).  Upper case because OpenBSD spells it as a macro.
 */
constexpr size_t
extent_storage_roundup(size_t size)
{
	constexpr size_t align = alignof(extent_fixed) > alignof(extent_region)
	    ? alignof(extent_fixed) : alignof(extent_region);

	return (size + align - 1) & ~(align - 1);
}

constexpr size_t
EXTENT_FIXED_STORAGE_SIZE(size_t nregions)
{
	return extent_storage_roundup(sizeof(extent_fixed)) +
	    extent_storage_roundup(sizeof(extent_region)) * nregions;
}

__BEGIN_DECLS
struct extent *extent_create(const char *name, u_long start, u_long end,
	    int mtype, caddr_t storage, size_t storagesize, int flags);
void	extent_destroy(struct extent *ex);
[[nodiscard]] int extent_alloc_subregion(struct extent *ex, u_long substart,
	    u_long subend, u_long size, u_long alignment, u_long skew,
	    u_long boundary, int flags, u_long *result);
[[nodiscard]] int extent_alloc_region(struct extent *ex, u_long start,
	    u_long size, int flags);
int	extent_free(struct extent *ex, u_long start, u_long size, int flags);
void	extent_print(struct extent *ex);	/* kernel only */
void	extent_print_all(void);			/* kernel only */
void	extent_print1(struct extent *ex, int (*pr)(const char *, ...));
__END_DECLS

/* extent_alloc: extent_alloc_subregion() over the whole extent. */
[[nodiscard]] inline int
extent_alloc(struct extent *ex, u_long size, u_long alignment, u_long skew,
    u_long boundary, int flags, u_long *result)
{
	return extent_alloc_subregion(ex, ex->ex_start, ex->ex_end, size,
	    alignment, skew, boundary, flags, result);
}

#endif /* !_SYS_EXTENT_H_ */
