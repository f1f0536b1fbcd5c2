/*
 * subr_extent.cc: extent(9), the allocator of ranges of numbers.
 *
 * Some resources are not memory but numbers: I/O ports, the physical
 * addresses where device memory may be mapped, stretches of kernel
 * virtual space.  An extent map manages one such range, [ex_start,
 * ex_end], and answers two kinds of request: "give me size numbers
 * somewhere, aligned so, not crossing that line" (extent_alloc and
 * extent_alloc_subregion, used when the kernel chooses, e.g. where to put
 * a PCI BAR) and "these numbers are mine" (extent_alloc_region, used when
 * the hardware has chosen, e.g. the com0 ports at 0x3f8).  OpenBSD's i386
 * machdep makes two at boot, ioport_ex (0 - 0xffff) and iomem_ex (0 -
 * 0xffffffff), and bus_space_map(9) claims from them, so that two drivers
 * cannot map the same registers.  This file mirrors OpenBSD's
 * sys/kern/subr_extent.c; the manual page is extent(9).
 *
 * The map is a list of the ranges that are taken, struct extent_region,
 * sorted by address and never overlapping; the free space is the gaps
 * between them, and is never written down.  Adjacent taken ranges are
 * merged ("coalesced") into one region, so the list stays as short as the
 * map is fragmented, and a region no longer corresponds to one call: any
 * taken part of it may be freed, and freeing the middle of a region splits
 * it in two.  An extent created with EX_NOCOALESCE keeps every allocation
 * its own region, and then only whole regions can be freed.
 *
 * Region descriptors come from one of two places:
 *  - a fixed extent (extent_create with storage) lives in memory the
 *    caller supplied, usually a static array, and carves descriptors from
 *    the rest of it onto a free list.  It works before malloc(9) does,
 *    which is why the boot-time maps are fixed; it can run out of
 *    descriptors, and then (with EX_MALLOCOK) borrows from malloc(9).
 *  - any other extent gets the struct extent and every descriptor from
 *    malloc(9), with the type the creator gave.  (OpenBSD now takes
 *    descriptors from a pool(9); malloc is what it did before, and is
 *    all we need.)
 *
 * Finding space (extent_alloc_subregion) walks the gaps in address order.
 * In each it takes the lowest start that is aligned ((start - skew) a
 * multiple of alignment) and whose range does not cross a boundary line
 * (multiples of boundary from ex_start, or from 0 with EX_BOUNDZERO).
 * With EX_FAST the first gap that fits wins; otherwise the one that
 * leaves the least free space after the new range (best fit, to keep big
 * gaps for big requests), stopping early at an exact fit.
 *
 * Where we differ from OpenBSD, and why:
 *  - Nothing sleeps here, because tsleep(9) does not exist yet.  Where
 *    OpenBSD would sleep (EX_WAITOK on a fixed extent out of descriptors,
 *    EX_WAITSPACE when the space is taken) we fail as EX_NOWAIT would.
 *    malloc(9) with M_WAITOK may still sleep, once it can.  (XXX)
 *  - A region descriptor is taken before the list is searched, as in
 *    OpenBSD (taking one may sleep, and the list must not change between
 *    the search and the insertion); but a call that finds none fails
 *    only if it really needs one.  Coalescing, or freeing a whole region
 *    or one end of it, needs none, so a full fixed extent can still free.
 *  - extent_alloc_region of a range outside the extent returns EINVAL,
 *    where OpenBSD's DIAGNOSTIC kernel panics: such a range usually comes
 *    from the hardware (a BAR, a BIOS table), so it is input to check, not
 *    a broken invariant.  Other bad arguments are kernel bugs: KASSERT.
 *  - With EX_CONFLICTOK, extent_alloc_region makes the range and every
 *    region it overlaps one region, where OpenBSD trims the request
 *    piece by piece; the numbers taken afterwards are the same.
 *
 * Locking: there is none (OpenBSD has a mutex per extent).  The kernel
 * runs on one CPU and no extent is used from an interrupt handler yet, so
 * the callers' own serialisation is enough; the first extent shared with
 * an interrupt handler must bring a lock with it.  (XXX)
 */
#include <new>
#include <type_traits>

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/extent.h>

static_assert(std::is_standard_layout_v<extent_fixed>,
    "a struct extent * must be convertible to its extent_fixed");
static_assert(offsetof(extent_fixed, fex_extent) == 0);

/* Every extent, for extent_print_all() (ddb's "show extents"). */
static list_head<extent, &extent::ex_link> ext_list;

/* Only KASSERTs use it; constexpr keeps it quiet when they compile away. */
static constexpr bool
extent_powerof2(u_long x)
{
	return x != 0 && (x & (x - 1)) == 0;
}

static struct extent_fixed *
extent_to_fixed(struct extent *ex)
{
	KASSERT(ex->ex_flags & EXF_FIXED);
	return reinterpret_cast<struct extent_fixed *>(ex);
}

/*
 * extent_alloc_region_descriptor: a descriptor for a new region.  A fixed
 * extent takes one from its free list, or with EX_MALLOCOK from malloc(9)
 * when the list is empty; other extents always use malloc(9).
 * => returns nullptr if none can be had.  May sleep only with EX_WAITOK,
 *    and only in malloc(9).
 */
static struct extent_region *
extent_alloc_region_descriptor(struct extent *ex, int flags)
{
	struct extent_region *rp;
	void *mem;

	if (ex->ex_flags & EXF_FIXED) {
		struct extent_fixed *fex = extent_to_fixed(ex);

		rp = fex->fex_freelist.first();
		if (rp != nullptr) {
			fex->fex_freelist.remove(rp);
			return rp;
		}
		/*
		 * XXX With EX_WAITOK OpenBSD sleeps here until a region is
		 * freed; without tsleep we can only fail.
		 */
		if ((flags & EX_MALLOCOK) == 0)
			return nullptr;
	}

	mem = malloc(sizeof(*rp), ex->ex_mtype,
	    (flags & EX_WAITOK) ? M_WAITOK : M_NOWAIT);
	if (mem == nullptr)
		return nullptr;
	rp = new (mem) extent_region();
	rp->er_flags = ER_ALLOC;
	return rp;
}

/*
 * extent_free_region_descriptor: give back a descriptor that is on no
 * list: to the free list of a fixed extent if it came from there, else to
 * malloc(9).  A null rp (a call that never got one) is allowed.
 * => does not sleep.
 */
static void
extent_free_region_descriptor(struct extent *ex, struct extent_region *rp)
{
	if (rp == nullptr)
		return;
	if (rp->er_flags & ER_ALLOC) {
		free(rp, ex->ex_mtype, sizeof(*rp));
		return;
	}
	extent_to_fixed(ex)->fex_freelist.insert_head(rp);
}

/*
 * extent_create: make an extent map of [start, end], empty, or all taken
 * with EX_FILLED.  With storage, the map lives there (a fixed extent, see
 * the top of the file) and creation cannot fail; without, it comes from
 * malloc(9) with type mtype.  EX_NOCOALESCE keeps allocations apart.
 * => name must stay valid for the life of the map.  storage must be
 *    aligned for a pointer and at least sizeof(struct extent_fixed)
 *    long; EXTENT_FIXED_STORAGE_SIZE(n) says how much holds n regions.
 * => returns nullptr if malloc(9) fails.  May sleep with EX_WAITOK.
 */
struct extent *
extent_create(const char *name, u_long start, u_long end, int mtype,
    caddr_t storage, size_t storagesize, int flags)
{
	struct extent *ex;
	struct extent_region *rp;
	bool fixed = storage != nullptr;

	KASSERT(name != nullptr);
	KASSERT(start <= end);
	KASSERT(!fixed || storagesize >= sizeof(struct extent_fixed));
	KASSERT(!fixed ||
	    (uintptr_t)storage % alignof(struct extent_fixed) == 0);
	KASSERT(fixed || storagesize == 0);

	if (fixed) {
		struct extent_fixed *fex;
		size_t off, step = extent_storage_roundup(sizeof(*rp));

		fex = new (storage) extent_fixed();
		fex->fex_storage = storage;
		fex->fex_storagesize = storagesize;
		/*
		 * Every descriptor starts on the free list; they are
		 * aligned because the header and each of them is rounded
		 * up to the alignment of both.
		 */
		for (off = extent_storage_roundup(sizeof(*fex));
		    off + step <= storagesize; off += step)
			fex->fex_freelist.insert_head(
			    new (storage + off) extent_region());
		ex = &fex->fex_extent;
	} else {
		void *mem = malloc(sizeof(*ex), mtype,
		    (flags & EX_WAITOK) ? M_WAITOK : M_NOWAIT);
		if (mem == nullptr)
			return nullptr;
		ex = new (mem) extent();
	}

	ex->ex_name = name;
	ex->ex_start = start;
	ex->ex_end = end;
	ex->ex_mtype = mtype;
	ex->ex_flags = (fixed ? EXF_FIXED : 0) |
	    ((flags & EX_NOCOALESCE) ? EXF_NOCOALESCE : 0);

	if (flags & EX_FILLED) {
		rp = extent_alloc_region_descriptor(ex, flags);
		if (rp == nullptr) {
			if (!fixed)
				free(ex, mtype, sizeof(*ex));
			return nullptr;
		}
		rp->er_start = start;
		rp->er_end = end;
		ex->ex_regions.insert_head(rp);
	}
	ext_list.insert_head(ex);
	return ex;
}

/*
 * extent_destroy: forget the map and everything allocated in it, and
 * free what malloc(9) gave it.  The storage of a fixed extent is the
 * caller's again afterwards.
 * => does not sleep.
 */
void
extent_destroy(struct extent *ex)
{
	KASSERT(ex != nullptr);

	for (struct extent_region *rp : ex->ex_regions.foreach_safe()) {
		extent_region_list::remove(rp);
		extent_free_region_descriptor(ex, rp);
	}
	ext_list.remove(ex);
	if ((ex->ex_flags & EXF_FIXED) == 0)
		free(ex, ex->ex_mtype, sizeof(*ex));
}

/*
 * extent_align: the smallest number >= start that is skew modulo align
 * (a power of two), in *result.  Returns false if there is none up to
 * ULONG_MAX: then the sum wraps around and comes out below start.
 */
static bool
extent_align(u_long start, u_long align, u_long skew, u_long *result)
{
	u_long r = ((start - skew + (align - 1)) & -align) + skew;

	if (r < start)
		return false;
	*result = r;
	return true;
}

/*
 * extent_fit: the lowest start in the gap [lo, hi] for a range of size
 * numbers that is aligned and crosses no boundary line, in *result.
 * Lines lie at base + k * boundary; a range may begin on one, but not
 * contain one past its first number.
 *
 * If the first aligned start crosses a line, the next candidate is the
 * first aligned start at or after that line.  If that one crosses too,
 * no later one can fit: alignment and boundary are powers of two, so
 * each candidate sits at the same offset past its line (alignment <
 * boundary) or at the same offset from the lines (alignment >= boundary).
 * Two tries decide, however large the gap.
 */
static bool
extent_fit(u_long lo, u_long hi, u_long size, u_long alignment, u_long skew,
    u_long boundary, u_long base, u_long *result)
{
	u_long start, line;

	if (!extent_align(lo, alignment, skew, &start))
		return false;
	for (int tries = 0; tries < 2; tries++) {
		if (start > hi || hi - start < size - 1)
			return false;
		/* No line above start within u_long: nothing to cross. */
		if (boundary == 0 || start == ~0UL ||
		    !extent_align(start + 1, boundary, base, &line) ||
		    start + (size - 1) < line) {
			*result = start;
			return true;
		}
		if (!extent_align(line, alignment, skew, &start))
			return false;
	}
	return false;
}

/*
 * extent_insert_and_optimize: put [start, end] into the list after
 * "after" (at the head if nullptr), merging it with the neighbours it
 * touches unless the extent forbids it.  rp is the descriptor to use if
 * no merge happens; it is given back if a merge does.
 * => the range is free and lies between after and its successor.
 * => returns ENOMEM (and changes nothing) if rp is nullptr and no merge
 *    is possible, else 0.  Does not sleep.
 */
static int
extent_insert_and_optimize(struct extent *ex, u_long start, u_long end,
    struct extent_region *after, struct extent_region *rp)
{
	struct extent_region *next;
	bool joins_prev, joins_next;

	next = after != nullptr ? extent_region_list::next(after) :
	    ex->ex_regions.first();
	/* after->er_end < start and end < next->er_start: no overflow. */
	joins_prev = after != nullptr && after->er_end + 1 == start;
	joins_next = next != nullptr && end + 1 == next->er_start;

	if ((ex->ex_flags & EXF_NOCOALESCE) == 0 &&
	    (joins_prev || joins_next)) {
		if (joins_prev && joins_next) {
			/* We fill the gap exactly: three become one. */
			after->er_end = next->er_end;
			extent_region_list::remove(next);
			extent_free_region_descriptor(ex, next);
		} else if (joins_prev) {
			after->er_end = end;
		} else {
			next->er_start = start;
		}
		extent_free_region_descriptor(ex, rp);
		return 0;
	}

	if (rp == nullptr)
		return ENOMEM;
	rp->er_start = start;
	rp->er_end = end;
	if (after == nullptr)
		ex->ex_regions.insert_head(rp);
	else
		extent_region_list::insert_after(after, rp);
	return 0;
}

/*
 * extent_alloc_subregion: find and take size numbers within [substart,
 * subend]: the start is skew modulo alignment, the range crosses no
 * boundary line (boundary 0 = none), the choice is first fit with EX_FAST
 * and best fit otherwise (see the top of the file).  The start goes to
 * *result.
 * => alignment and a non-zero boundary are powers of two, boundary >=
 *    size; the subregion lies in the extent and holds size numbers.
 * => returns 0; EAGAIN if no space fits (nothing changed); ENOMEM if a
 *    descriptor was needed and none could be had.  May sleep only with
 *    EX_WAITOK, in malloc(9).  XXX EX_WAITSPACE does not wait.
 */
int
extent_alloc_subregion(struct extent *ex, u_long substart, u_long subend,
    u_long size, u_long alignment, u_long skew, u_long boundary, int flags,
    u_long *result)
{
	struct extent_region *rp, *myrp, *last, *bestlast = nullptr;
	u_long lo, hi, runend, start, ovh, beststart = 0, bestovh = 0;
	u_long base = (flags & EX_BOUNDZERO) ? 0 : ex->ex_start;
	bool found = false;
	int error;

	KASSERT(result != nullptr);
	KASSERT(ex->ex_start <= substart && substart <= subend &&
	    subend <= ex->ex_end);
	KASSERT(size >= 1 && size - 1 <= subend - substart);
	KASSERT(extent_powerof2(alignment));
	KASSERT(boundary == 0 ||
	    (extent_powerof2(boundary) && boundary >= size));
	KASSERT((flags & (EX_CONFLICTOK | EX_WAITSPACE)) !=
	    (EX_CONFLICTOK | EX_WAITSPACE));

	/* Before the search: malloc(9) may sleep, the search must not. */
	myrp = extent_alloc_region_descriptor(ex, flags);

	/*
	 * Walk the gaps that meet [substart, subend], in address order.
	 * lo is where the next gap may begin, last the region before it.
	 */
	lo = substart;
	last = nullptr;
	for (rp = ex->ex_regions.first();; rp = extent_region_list::next(rp)) {
		if (rp != nullptr && rp->er_end < lo) {
			last = rp;		/* wholly before substart */
			continue;
		}
		if (rp == nullptr || rp->er_start > lo) {
			/* A gap [lo, runend]; only its part up to subend. */
			runend = rp != nullptr ? rp->er_start - 1 : ex->ex_end;
			hi = runend < subend ? runend : subend;
			if (extent_fit(lo, hi, size, alignment, skew, boundary,
			    base, &start)) {
				ovh = runend - (start + (size - 1));
				if (!found || ovh < bestovh) {
					found = true;
					beststart = start;
					bestovh = ovh;
					bestlast = last;
				}
				if ((flags & EX_FAST) || ovh == 0)
					break;
			}
		}
		if (rp == nullptr || rp->er_end >= subend)
			break;
		lo = rp->er_end + 1;	/* er_end < subend: no overflow */
		last = rp;
	}

	if (!found) {
		/* XXX EX_WAITSPACE: OpenBSD sleeps until extent_free. */
		extent_free_region_descriptor(ex, myrp);
		return EAGAIN;
	}
	error = extent_insert_and_optimize(ex, beststart,
	    beststart + (size - 1), bestlast, myrp);
	if (error == 0)
		*result = beststart;
	return error;
}

/*
 * extent_alloc_region: take exactly [start, start + size - 1].  With
 * EX_CONFLICTOK, numbers already taken are no error: the range and the
 * regions it overlaps become one taken region.
 * => size >= 1.
 * => returns 0; EINVAL if the range does not lie in the extent; EAGAIN if
 *    part of it is taken (without EX_CONFLICTOK); ENOMEM if a descriptor
 *    was needed and none could be had.  Nothing changes on error.  May
 *    sleep only with EX_WAITOK, in malloc(9).  XXX EX_WAITSPACE does not
 *    wait.
 */
int
extent_alloc_region(struct extent *ex, u_long start, u_long size, int flags)
{
	struct extent_region *rp, *myrp, *last;
	u_long end = start + (size - 1);

	KASSERT(size >= 1);
	KASSERT((flags & (EX_CONFLICTOK | EX_WAITSPACE)) !=
	    (EX_CONFLICTOK | EX_WAITSPACE));
	if (end < start || start < ex->ex_start || end > ex->ex_end)
		return EINVAL;

	myrp = extent_alloc_region_descriptor(ex, flags);

	/* Find the first region that ends at or after start. */
	last = nullptr;
	for (rp = ex->ex_regions.first(); rp != nullptr && rp->er_end < start;
	    rp = extent_region_list::next(rp))
		last = rp;

	if (rp != nullptr && rp->er_start <= end) {
		if ((flags & EX_CONFLICTOK) == 0) {
			/* XXX EX_WAITSPACE: OpenBSD sleeps until a free. */
			extent_free_region_descriptor(ex, myrp);
			return EAGAIN;
		}
		/*
		 * Swallow every region that overlaps the range; the first
		 * one's descriptor stands in if we got none.
		 */
		if (rp->er_start < start)
			start = rp->er_start;
		for (struct extent_region *np;
		    rp != nullptr && rp->er_start <= end; rp = np) {
			np = extent_region_list::next(rp);
			if (rp->er_end > end)
				end = rp->er_end;
			extent_region_list::remove(rp);
			if (myrp == nullptr)
				myrp = rp;
			else
				extent_free_region_descriptor(ex, rp);
		}
	}
	return extent_insert_and_optimize(ex, start, end, last, myrp);
}

/*
 * extent_free: give back [start, start + size - 1], which must lie in
 * one taken region (be that region, without coalescing).  Freeing the
 * middle of a region splits it and needs a new descriptor.  With
 * EX_CONFLICTOK the range may also cover free numbers and several
 * regions; whatever of it is taken is freed.
 * => returns 0, or ENOMEM if a split needed a descriptor and none could
 *    be had (nothing changed).  May sleep only with EX_WAITOK, in
 *    malloc(9).
 * => panics if the range is not taken (without EX_CONFLICTOK): freeing
 *    what one does not hold is a kernel bug, as in OpenBSD.
 */
int
extent_free(struct extent *ex, u_long start, u_long size, int flags)
{
	struct extent_region *rp, *nrp = nullptr;
	u_long end = start + (size - 1);
	bool coalesce = (ex->ex_flags & EXF_NOCOALESCE) == 0;

	KASSERT(size >= 1 && end >= start);
	KASSERT(ex->ex_start <= start && end <= ex->ex_end);

	/* Only a split needs one; take it now, as in extent_alloc. */
	if (coalesce)
		nrp = extent_alloc_region_descriptor(ex, flags);

	for (rp = ex->ex_regions.first(); rp != nullptr && rp->er_end < start;
	    rp = extent_region_list::next(rp))
		;
	if (rp != nullptr && rp->er_start <= start && end <= rp->er_end &&
	    (coalesce || (rp->er_start == start && rp->er_end == end))) {
		if (rp->er_start == start && rp->er_end == end) {
			extent_region_list::remove(rp);
			extent_free_region_descriptor(ex, rp);
		} else if (rp->er_start == start) {
			rp->er_start = end + 1;
		} else if (rp->er_end == end) {
			rp->er_end = start - 1;
		} else {
			if (nrp == nullptr)
				return ENOMEM;
			nrp->er_start = end + 1;
			nrp->er_end = rp->er_end;
			rp->er_end = start - 1;
			extent_region_list::insert_after(rp, nrp);
			nrp = nullptr;
		}
		extent_free_region_descriptor(ex, nrp);
		return 0;
	}

	if ((flags & EX_CONFLICTOK) == 0)
		panic("extent_free: extent `%s', region 0x%lx - 0x%lx "
		    "not found", ex->ex_name, start, end);

	/*
	 * EX_CONFLICTOK, and no region that may be cut holds the whole
	 * range: drop the regions inside it, trim those that stick out at
	 * one end.  A non-coalescing extent only ever frees whole regions,
	 * so there the ones that stick out stay as they are.
	 */
	for (struct extent_region *np; rp != nullptr && rp->er_start <= end;
	    rp = np) {
		np = extent_region_list::next(rp);
		if (start <= rp->er_start && rp->er_end <= end) {
			extent_region_list::remove(rp);
			extent_free_region_descriptor(ex, rp);
		} else if (!coalesce) {
			continue;
		} else if (rp->er_start < start) {
			rp->er_end = start - 1;
		} else {
			rp->er_start = end + 1;
		}
	}
	extent_free_region_descriptor(ex, nrp);
	return 0;
}

/*
 * extent_print1: print the map through pr, OpenBSD's format:
 *
 *	extent `ioport' (0x0 - 0xffff), flags=1<FIXED>
 *	     0x60 - 0x64
 *	     0x3f8 - 0x3ff
 *
 * => does not sleep; the caller keeps the map still while it prints.
 */
void
extent_print1(struct extent *ex, int (*pr)(const char *, ...))
{
	(*pr)("extent `%s' (0x%lx - 0x%lx), flags=%b\n", ex->ex_name,
	    ex->ex_start, ex->ex_end, ex->ex_flags, EXF_BITS);
	for (struct extent_region *rp : ex->ex_regions)
		(*pr)("     0x%lx - 0x%lx\n", rp->er_start, rp->er_end);
}

#ifdef _KERNEL
/*
 * The console half, kernel only (the host tests have no printf(9) and
 * call extent_print1 with a printer of their own).
 */
void
extent_print(struct extent *ex)
{
	extent_print1(ex, printf);
}

/* Every extent map there is; for ddb. */
void
extent_print_all(void)
{
	for (struct extent *ex : ext_list)
		extent_print1(ex, printf);
}
#endif
