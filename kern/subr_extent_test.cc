/*
 * subr_extent_test.cc: in-kernel tests of extent(9).
 *
 * The host tests (tools/unittest/extent_test.cc) go through the allocator
 * case by case and against a model; these run the same code in the
 * kernel's own build (32-bit u_long, freestanding, its malloc(9)) on the
 * kind of map the kernel really makes: an I/O port space 0 - 0xffff in
 * fixed storage, as i386 machdep creates before malloc(9) works, and a
 * map whose descriptors come from malloc(9).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <sys/malloc.h>
#include <sys/extent.h>

/*
 * The regions in order, inside the extent, apart (and, coalescing, not
 * touching); their number goes to *countp.
 */
static int
extent_check(struct extent *ex, int *countp)
{
	struct extent_region *prev = nullptr;
	int n = 0;

	for (struct extent_region *rp : ex->ex_regions) {
		if (rp->er_start > rp->er_end || rp->er_start < ex->ex_start ||
		    rp->er_end > ex->ex_end)
			return ktest_fail("bad region 0x%lx - 0x%lx",
			    rp->er_start, rp->er_end);
		if (prev != nullptr && (prev->er_end >= rp->er_start ||
		    prev->er_end + 1 == rp->er_start))
			return ktest_fail("region 0x%lx after 0x%lx",
			    rp->er_start, prev->er_end);
		prev = rp;
		n++;
	}
	*countp = n;
	return 0;
}

/* Room for the header and 8 descriptors; long-aligned, as in machdep. */
static long ioport_storage[EXTENT_FIXED_STORAGE_SIZE(8) / sizeof(long)];

/* An I/O port map: claims, conflicts, alignment, running out, reuse. */
static int
test_extent_ioport(void)
{
	static const struct { u_long port, n; } legacy[] = {
		{ 0x20, 2 },	/* pic0 */
		{ 0x40, 4 },	/* pit */
		{ 0x60, 1 },	/* pckbc data */
		{ 0x64, 1 },	/* pckbc command */
		{ 0x3f8, 8 },	/* com0 */
	};
	struct extent *ex;
	u_long port, first;
	int error, n, err = 0;

	ex = extent_create("ioport", 0, 0xffff, M_DEVBUF,
	    (caddr_t)ioport_storage, sizeof(ioport_storage), EX_NOWAIT);
	if (ex == nullptr)
		return ktest_fail("extent_create failed");
	for (const auto &l : legacy)
		if ((error = extent_alloc_region(ex, l.port, l.n,
		    EX_NOWAIT)) != 0)
			err = ktest_fail("claiming 0x%lx: %d", l.port, error);
	if ((error = extent_alloc_region(ex, 0x3fc, 4, EX_NOWAIT)) != EAGAIN)
		err = ktest_fail("claiming com0 twice: %d", error);
	if ((error = extent_alloc_region(ex, 0xfff0, 0x20, EX_NOWAIT)) !=
	    EINVAL)
		err = ktest_fail("claiming past 0xffff: %d", error);

	/* A 0x40-port block, 0x100-aligned, from the PCI I/O window. */
	error = extent_alloc_subregion(ex, 0x1000, 0xffff, 0x40, 0x100, 0,
	    EX_NOBOUNDARY, EX_NOWAIT, &port);
	if (error != 0 || port < 0x1000 || (port & 0xff) != 0)
		err = ktest_fail("aligned alloc: %d at 0x%lx", error, port);
	first = port;
	if (extent_free(ex, port, 0x40, EX_NOWAIT) != 0)
		err = ktest_fail("free of 0x%lx failed", port);

	/* 8 descriptors: 5 legacy regions, then the map runs out. */
	for (n = 0; n < 8; n++) {
		error = extent_alloc_subregion(ex, 0x1000, 0x1fff, 0x10, 0x100,
		    0, EX_NOBOUNDARY, EX_NOWAIT | EX_FAST, &port);
		if (error != 0)
			break;
	}
	if (n != 3 || error != ENOMEM)
		err = ktest_fail("%d allocations before %d, want 3, ENOMEM",
		    n, error);
	/* Free one, and the same place comes back. */
	if (extent_free(ex, 0x1100, 0x10, EX_NOWAIT) != 0)
		err = ktest_fail("free of 0x1100 failed");
	error = extent_alloc_subregion(ex, 0x1000, 0x1fff, 0x10, 0x100, 0,
	    EX_NOBOUNDARY, EX_NOWAIT | EX_FAST, &port);
	if (error != 0 || port != 0x1100 || first != 0x1000)
		err = ktest_fail("realloc: %d at 0x%lx", error, port);
	/*
	 * No descriptor is free, yet the gap [0x1010, 0x10ff] fills port
	 * by port: each claim grows a neighbour, and the last joins two
	 * regions into one (giving a descriptor back).  Then the subregion
	 * is full, which is EAGAIN, not ENOMEM.
	 */
	for (n = 0; n < 0xf0; n++)
		if ((error = extent_alloc_region(ex, 0x1010 + n, 1,
		    EX_NOWAIT)) != 0)
			break;
	if (n != 0xf0)
		err = ktest_fail("filled %d ports, then %d", n, error);
	if ((error = extent_alloc_subregion(ex, 0x1000, 0x10ff, 1, 1, 0,
	    EX_NOBOUNDARY, EX_NOWAIT, &port)) != EAGAIN)
		err = ktest_fail("full subregion: %d", error);
	if (extent_check(ex, &n) != 0)
		return 1;
	if (n != 7)
		err = ktest_fail("%d regions, want 7", n);
	extent_destroy(ex);
	return err;
}
KTEST_DEFINE(extent_ioport, test_extent_ioport, 0);

/* A map whose descriptors come from malloc(9). */
static int
test_extent_malloc(void)
{
	struct extent *ex;
	u_long va;
	int error = 0, i, n, err = 0;
	long inuse = kmemstats[M_DEVBUF].ks_inuse;

	ex = extent_create("kva", 0x10000, 0x10fffff, M_DEVBUF, nullptr, 0,
	    EX_WAITOK);
	if (ex == nullptr)
		return ktest_fail("extent_create failed");
	/* 64 page-aligned blocks of 3 pages, apart: 64 regions. */
	for (i = 0; i < 64 && error == 0; i++)
		error = extent_alloc(ex, 3 * PAGE_SIZE, 4 * PAGE_SIZE, 0,
		    EX_NOBOUNDARY, EX_WAITOK, &va);
	if (error != 0)
		err = ktest_fail("allocation %d: %d", i, error);
	if (extent_check(ex, &n) != 0)
		return 1;
	if (n != 64 || kmemstats[M_DEVBUF].ks_inuse != inuse + 65)
		err = ktest_fail("%d regions, %ld descriptors", n,
		    kmemstats[M_DEVBUF].ks_inuse - inuse);
	/* Free the middle page of each: 128 regions. */
	for (i = 0; i < 64; i++)
		if (extent_free(ex, 0x10000 + i * 4 * PAGE_SIZE + PAGE_SIZE,
		    PAGE_SIZE, EX_WAITOK) != 0)
			err = ktest_fail("free %d failed", i);
	if (extent_check(ex, &n) != 0)
		return 1;
	if (n != 128)
		err = ktest_fail("%d regions after splits, want 128", n);
	extent_destroy(ex);
	if (kmemstats[M_DEVBUF].ks_inuse != inuse)
		err = ktest_fail("%ld blocks of M_DEVBUF leaked",
		    kmemstats[M_DEVBUF].ks_inuse - inuse);
	return err;
}
KTEST_DEFINE(extent_malloc, test_extent_malloc, 0);
