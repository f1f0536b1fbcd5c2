/*
 * extent_test.cc: host tests for extent(9), kern/subr_extent.cc.
 *
 * Each test builds an extent map, fixed (in a buffer here) or from
 * malloc(9) (the real kern_malloc.cc over the host stand-in for uvm_km),
 * and checks the list of regions it holds after each step, not only the
 * return values.  consistent() walks a map the way a student would check
 * it by hand: regions in order, inside the extent, never overlapping,
 * never adjacent when the map coalesces, and, for a fixed map, every
 * descriptor of the storage either on the free list or in use.  The
 * randomised test at the end runs thousands of operations against a
 * bitmap and a brute-force search that says where each allocation must
 * land (first fit or best fit) and when none can.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdarg>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "support.h"
#include "uvm_stub.h"

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/extent.h>

namespace {

using range = std::pair<u_long, u_long>;	/* [first, last] */
using ranges = std::vector<range>;

ranges
regions(const struct extent *ex)
{
	ranges r;

	for (struct extent_region *rp : ex->ex_regions)
		r.emplace_back(rp->er_start, rp->er_end);
	return r;
}

size_t
nfree_descriptors(struct extent *ex)
{
	size_t n = 0;

	for (struct extent_region *rp :
	    reinterpret_cast<extent_fixed *>(ex)->fex_freelist) {
		(void)rp;
		n++;
	}
	return n;
}

/* The invariants of a map; see the top of the file. */
::testing::AssertionResult
consistent(struct extent *ex)
{
	const struct extent_region *prev = nullptr;
	size_t fixed_used = 0;
	bool coalesce = (ex->ex_flags & EXF_NOCOALESCE) == 0;

	for (struct extent_region *rp : ex->ex_regions) {
		if (*rp->er_link.le_prev != rp)
			return ::testing::AssertionFailure() << "bad back link";
		if (rp->er_start > rp->er_end || rp->er_start < ex->ex_start ||
		    rp->er_end > ex->ex_end)
			return ::testing::AssertionFailure() << std::hex <<
			    "bad region " << rp->er_start << "-" << rp->er_end;
		if (prev != nullptr && prev->er_end >= rp->er_start)
			return ::testing::AssertionFailure() << std::hex <<
			    "overlap or disorder at " << rp->er_start;
		if (prev != nullptr && coalesce &&
		    prev->er_end + 1 == rp->er_start)
			return ::testing::AssertionFailure() << std::hex <<
			    "not coalesced at " << rp->er_start;
		if ((rp->er_flags & ER_ALLOC) == 0)
			fixed_used++;
		prev = rp;
	}
	if (ex->ex_flags & EXF_FIXED) {
		auto *fex = reinterpret_cast<extent_fixed *>(ex);
		size_t total = (fex->fex_storagesize -
		    extent_storage_roundup(sizeof(extent_fixed))) /
		    extent_storage_roundup(sizeof(extent_region));
		if (fixed_used + nfree_descriptors(ex) != total)
			return ::testing::AssertionFailure() <<
			    "descriptors lost: " << fixed_used << " used, " <<
			    nfree_descriptors(ex) << " free, of " << total;
	} else if (fixed_used != 0) {
		return ::testing::AssertionFailure() << "non-malloc descriptor";
	}
	return ::testing::AssertionSuccess();
}

/* Fresh malloc(9) for the tests that use it. */
void
malloc_reset()
{
	uvm_stub_reset();
	kmeminit();
}


/*
 * Most tests use one fixed map, made by make() in storage here; at the end
 * TearDown checks it (unless a test panicked it on purpose) and destroys
 * it.  Tests of malloc(9)-backed maps set ex themselves.
 */
class Extent : public ::testing::Test {
protected:
	alignas(extent_fixed) char ex_buf[EXTENT_FIXED_STORAGE_SIZE(8)];
	struct extent *ex = nullptr;
	bool ex_check = true;		/* consistent() at the end */

	/* A fixed map of [start, end] with room for n descriptors. */
	void
	make(u_long start, u_long end, int flags = EX_NOWAIT, size_t n = 8)
	{
		ex = extent_create("t", start, end, M_DEVBUF, ex_buf,
		    EXTENT_FIXED_STORAGE_SIZE(n), flags);
		ASSERT_EQ((void *)ex, (void *)ex_buf);
		EXPECT_EQ(nfree_descriptors(ex), n - regions(ex).size());
	}

	void
	TearDown() override
	{
		if (ex == nullptr)
			return;
		if (ex_check) {
			EXPECT_TRUE(consistent(ex));
		}
		extent_destroy(ex);
	}
};

TEST_F(Extent, CreateFixedAndPrint)
{
	make(0, 0xffff, EX_NOWAIT, 4);
	EXPECT_TRUE(regions(ex).empty());
	EXPECT_EQ(extent_alloc_region(ex, 0x3f8, 8, EX_NOWAIT), 0);
	EXPECT_EQ(extent_alloc_region(ex, 0x60, 5, EX_NOWAIT), 0);
	captured.clear();
	extent_print1(ex, capture_printf);
	EXPECT_EQ(captured, "extent `t' (0x0 - 0xffff), flags=1<FIXED>\n"
			   "     0x60 - 0x64\n"
			   "     0x3f8 - 0x3ff\n");
}

TEST_F(Extent, AllocRegionConflictsAndRange)
{
	make(0x100, 0x1ff);

	EXPECT_EQ(extent_alloc_region(ex, 0x140, 0x10, EX_NOWAIT), 0);
	/* Overlap at either end, inside, around: EAGAIN, no change. */
	EXPECT_EQ(extent_alloc_region(ex, 0x130, 0x11, EX_NOWAIT), EAGAIN);
	EXPECT_EQ(extent_alloc_region(ex, 0x14f, 0x10, EX_NOWAIT), EAGAIN);
	EXPECT_EQ(extent_alloc_region(ex, 0x144, 0x2, EX_NOWAIT), EAGAIN);
	EXPECT_EQ(extent_alloc_region(ex, 0x100, 0x100, EX_NOWAIT), EAGAIN);
	/* Outside the extent, or wrapping around: EINVAL. */
	EXPECT_EQ(extent_alloc_region(ex, 0xff, 2, EX_NOWAIT), EINVAL);
	EXPECT_EQ(extent_alloc_region(ex, 0x1ff, 2, EX_NOWAIT), EINVAL);
	EXPECT_EQ(extent_alloc_region(ex, ULONG_MAX, 2, EX_NOWAIT), EINVAL);
	EXPECT_EQ(regions(ex), (ranges{ { 0x140, 0x14f } }));
	EXPECT_EQ(nfree_descriptors(ex), 7u);
}

TEST_F(Extent, CoalesceAndSplit)
{
	make(0, 0xff);

	ASSERT_EQ(extent_alloc_region(ex, 0x10, 0x10, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, 0x30, 0x10, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, 0x20, 0x10, EX_NOWAIT), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 0x10, 0x3f } }));	/* 3 -> 1 */
	ASSERT_EQ(extent_alloc_region(ex, 0x40, 1, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, 0x0f, 1, EX_NOWAIT), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 0x0f, 0x40 } }));
	EXPECT_EQ(nfree_descriptors(ex), 7u);

	/* Free the middle of what was one allocation: a split. */
	EXPECT_EQ(extent_free(ex, 0x24, 4, EX_NOWAIT), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 0x0f, 0x23 }, { 0x28, 0x40 } }));
	EXPECT_EQ(extent_free(ex, 0x0f, 2, EX_NOWAIT), 0);	/* front */
	EXPECT_EQ(extent_free(ex, 0x3f, 2, EX_NOWAIT), 0);	/* back */
	EXPECT_EQ(regions(ex), (ranges{ { 0x11, 0x23 }, { 0x28, 0x3e } }));
	EXPECT_TRUE(consistent(ex));
	/* Filling the hole merges the two again. */
	EXPECT_EQ(extent_alloc_region(ex, 0x24, 4, EX_NOWAIT), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 0x11, 0x3e } }));
	EXPECT_EQ(extent_free(ex, 0x11, 0x2e, EX_NOWAIT), 0);
	EXPECT_TRUE(regions(ex).empty());
	EXPECT_EQ(nfree_descriptors(ex), 8u);
}

TEST_F(Extent, NoCoalesce)
{
	make(0, 0xff, EX_NOCOALESCE);

	ASSERT_EQ(extent_alloc_region(ex, 0x10, 0x10, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, 0x20, 0x10, EX_NOWAIT), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 0x10, 0x1f }, { 0x20, 0x2f } }));
	/* Only whole regions may be freed. */
	EXPECT_THROW(extent_free(ex, 0x10, 8, EX_NOWAIT), kernel_panic);
	EXPECT_THROW(extent_free(ex, 0x10, 0x20, EX_NOWAIT), kernel_panic);
	EXPECT_EQ(extent_free(ex, 0x20, 0x10, EX_NOWAIT), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 0x10, 0x1f } }));
}

TEST_F(Extent, FreeNotAllocatedPanics)
{
	make(0, 0xff, EX_NOWAIT, 4);

	ASSERT_EQ(extent_alloc_region(ex, 0x10, 0x10, EX_NOWAIT), 0);
	EXPECT_THROW(extent_free(ex, 0x30, 1, EX_NOWAIT), kernel_panic);
	EXPECT_THROW(extent_free(ex, 0x08, 0x10, EX_NOWAIT), kernel_panic);
	EXPECT_THROW(extent_free(ex, 0x1f, 2, EX_NOWAIT), kernel_panic);
	try {
		extent_free(ex, 0x40, 4, EX_NOWAIT);
		ADD_FAILURE() << "no panic";
	} catch (const kernel_panic &e) {
		EXPECT_NE(std::string(e.what()).find("0x40 - 0x43 not found"),
		    std::string::npos) << e.what();
	}
	/* Bad arguments are kernel bugs too. */
	u_long r;
	EXPECT_THROW((void)extent_alloc(ex, 0, 1, 0, 0, EX_NOWAIT, &r),
	    kernel_panic);
	EXPECT_THROW((void)extent_alloc(ex, 4, 3, 0, 0, EX_NOWAIT, &r),
	    kernel_panic);
	EXPECT_THROW((void)extent_alloc(ex, 8, 1, 0, 4, EX_NOWAIT, &r),
	    kernel_panic);
	EXPECT_THROW((void)extent_alloc_subregion(ex, 0x10, 0x100, 1, 1, 0, 0,
	    EX_NOWAIT, &r), kernel_panic);
	EXPECT_THROW((void)extent_alloc_subregion(ex, 0x20, 0x27, 9, 1, 0, 0,
	    EX_NOWAIT, &r), kernel_panic);
	/* Nothing of it touched the map; but the free descriptor each
	   extent_free took is lost: a panic does not clean up. */
	EXPECT_EQ(regions(ex), (ranges{ { 0x10, 0x1f } }));
	ex_check = false;
}

TEST_F(Extent, Alignment)
{
	make(3, 0x1000);
	u_long r;

	ASSERT_EQ(extent_alloc(ex, 1, EX_NOALIGN, 0, 0, EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, 3u);
	ASSERT_EQ(extent_alloc(ex, 8, 0x10, 0, 0, EX_NOWAIT | EX_FAST, &r), 0);
	EXPECT_EQ(r, 0x10u);
	ASSERT_EQ(extent_alloc(ex, 8, 0x10, 0, 0, EX_NOWAIT | EX_FAST, &r), 0);
	EXPECT_EQ(r, 0x20u);
	/* With a skew the start is skew past a multiple of alignment;
	   0x16 itself is taken. */
	ASSERT_EQ(extent_alloc(ex, 4, 0x100, 0x16, 0, EX_NOWAIT | EX_FAST,
	    &r), 0);
	EXPECT_EQ(r, 0x116u);
	ASSERT_EQ(extent_alloc(ex, 4, 0x400, 0x3ff, 0, EX_NOWAIT | EX_FAST,
	    &r), 0);
	EXPECT_EQ(r, 0x3ffu);
	/* The top: 0x1000 is aligned, but 2 units do not fit there. */
	EXPECT_EQ(extent_alloc_subregion(ex, 0xf00, 0x1000, 2, 0x1000, 0, 0,
	    EX_NOWAIT, &r), EAGAIN);
	ASSERT_EQ(extent_alloc_subregion(ex, 0xf00, 0x1000, 1, 0x1000, 0, 0,
	    EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, 0x1000u);
}

TEST_F(Extent, Boundary)
{
	make(0x10, 0xfff);
	u_long r;

	ASSERT_EQ(extent_alloc_region(ex, 0x10, 0xd0, EX_NOWAIT), 0);
	/* Lines from ex_start: 0x110, 0x210, ...; 0xe0 + 0x80 crosses. */
	ASSERT_EQ(extent_alloc(ex, 0x80, 1, 0, 0x100, EX_NOWAIT | EX_FAST,
	    &r), 0);
	EXPECT_EQ(r, 0x110u);
	/* From 0 (EX_BOUNDZERO): 0x100, 0x200; 0x190 + 0x80 crosses. */
	ASSERT_EQ(extent_alloc(ex, 0x80, 0x10, 0, 0x100,
	    EX_NOWAIT | EX_FAST | EX_BOUNDZERO, &r), 0);
	EXPECT_EQ(r, 0x200u);
	/* Ending just before a line is fine; beginning on one too. */
	ASSERT_EQ(extent_alloc_subregion(ex, 0xf0, 0xfff, 0x10, 1, 0, 0x100,
	    EX_NOWAIT | EX_FAST | EX_BOUNDZERO, &r), 0);
	EXPECT_EQ(r, 0xf0u);
	ASSERT_EQ(extent_alloc_region(ex, 0x280, 0x90, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_subregion(ex, 0x300, 0xfff, 0x10, 1, 0, 0x100,
	    EX_NOWAIT | EX_FAST, &r), 0);
	EXPECT_EQ(r, 0x310u);
	/* Alignment beyond the boundary: every candidate crosses. */
	EXPECT_EQ(extent_alloc(ex, 0x20, 0x200, 0x1f8, 0x20,
	    EX_NOWAIT | EX_BOUNDZERO, &r), EAGAIN);
}

TEST_F(Extent, SubregionLimits)
{
	make(0, 0xffff);
	u_long r;

	ASSERT_EQ(extent_alloc_region(ex, 0x1000, 0x100, EX_NOWAIT), 0);
	/* Only 0x10 free numbers in [0xff0, 0x10ff]. */
	ASSERT_EQ(extent_alloc_subregion(ex, 0xff0, 0x10ff, 0x10, 1, 0, 0,
	    EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, 0xff0u);
	EXPECT_EQ(extent_alloc_subregion(ex, 0xff0, 0x10ff, 1, 1, 0, 0,
	    EX_NOWAIT, &r), EAGAIN);
	/* The subregion's end is a hard limit even inside a free gap. */
	ASSERT_EQ(extent_alloc_subregion(ex, 0x2000, 0x200f, 0x10, 1, 0, 0,
	    EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, 0x2000u);
	EXPECT_EQ(extent_alloc_subregion(ex, 0x2008, 0x2017, 0x10, 1, 0, 0,
	    EX_NOWAIT, &r), EAGAIN);
	EXPECT_EQ(regions(ex), (ranges{ { 0xff0, 0x10ff },
	    { 0x2000, 0x200f } }));
}

TEST_F(Extent, FirstFitAndBestFit)
{
	make(0, 0x3ff);
	u_long r;

	/* Free gaps: [0x000,0x0ff] (0x100), [0x180,0x19f] (0x20),
	   [0x1c0,0x1cf] (0x10), [0x200,0x3ff] (0x200). */
	ASSERT_EQ(extent_alloc_region(ex, 0x100, 0x80, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, 0x1a0, 0x20, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, 0x1d0, 0x30, EX_NOWAIT), 0);
	/* First fit: the lowest gap that holds it. */
	ASSERT_EQ(extent_alloc(ex, 0x10, 1, 0, 0, EX_FAST, &r), 0);
	EXPECT_EQ(r, 0u);
	/* Best fit: the exact gap, although lower ones would do. */
	ASSERT_EQ(extent_alloc(ex, 0x10, 1, 0, 0, EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, 0x1c0u);
	/* No exact fit: the gap with the least left over. */
	ASSERT_EQ(extent_alloc(ex, 0x18, 1, 0, 0, EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, 0x180u);
	EXPECT_EQ(regions(ex), (ranges{ { 0x0, 0xf }, { 0x100, 0x197 },
	    { 0x1a0, 0x1ff } }));
}

TEST_F(Extent, ExhaustionAndWholeRange)
{
	make(0x1000, 0x1fff, EX_NOWAIT, 4);
	u_long r;
	int n = 0;

	while (extent_alloc(ex, 0x100, 0x100, 0, 0, EX_NOWAIT, &r) == 0)
		n++;
	EXPECT_EQ(n, 16);
	EXPECT_EQ(extent_alloc(ex, 1, 1, 0, 0, EX_NOWAIT, &r), EAGAIN);
	EXPECT_EQ(extent_alloc_region(ex, 0x1800, 1, EX_NOWAIT), EAGAIN);
	EXPECT_EQ(regions(ex), (ranges{ { 0x1000, 0x1fff } }));
	EXPECT_TRUE(consistent(ex));
	/* Give it all back in one call, then take it all in one. */
	EXPECT_EQ(extent_free(ex, 0x1000, 0x1000, EX_NOWAIT), 0);
	EXPECT_TRUE(regions(ex).empty());
	ASSERT_EQ(extent_alloc(ex, 0x1000, 1, 0, 0, EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, 0x1000u);
	EXPECT_EQ(extent_free(ex, 0x1000, 0x1000, EX_NOWAIT), 0);
	EXPECT_EQ(extent_alloc_region(ex, 0x1000, 0x1000, EX_NOWAIT), 0);
	EXPECT_TRUE(consistent(ex));
	extent_destroy(ex);

	/* EX_FILLED: born taken. */
	make(0, 0xff, EX_FILLED);
	EXPECT_EQ(regions(ex), (ranges{ { 0, 0xff } }));
	EXPECT_EQ(extent_free(ex, 0x40, 0x40, EX_NOWAIT), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 0, 0x3f }, { 0x80, 0xff } }));
}

TEST_F(Extent, FixedOutOfDescriptors)
{
	make(0, 0xff, EX_NOWAIT, 2);
	u_long r;

	ASSERT_EQ(extent_alloc_region(ex, 0x00, 0x20, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, 0x40, 0x10, EX_NOWAIT), 0);
	EXPECT_EQ(nfree_descriptors(ex), 0u);
	/* A third region needs a descriptor; EX_WAITOK cannot wait. */
	EXPECT_EQ(extent_alloc_region(ex, 0x80, 1, EX_NOWAIT), ENOMEM);
	EXPECT_EQ(extent_alloc_region(ex, 0x80, 1, EX_WAITOK), ENOMEM);
	EXPECT_EQ(extent_alloc_subregion(ex, 0x60, 0xff, 1, 1, 0, 0,
	    EX_NOWAIT, &r), ENOMEM);
	/* Growing a region or freeing an end needs none. */
	EXPECT_EQ(extent_alloc_region(ex, 0x20, 0x10, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc(ex, 0x10, 1, 0, 0, EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, 0x30u);			/* the exact gap, coalesced */
	EXPECT_EQ(regions(ex), (ranges{ { 0x00, 0x4f } }));
	ASSERT_EQ(extent_alloc_region(ex, 0x60, 0x10, EX_NOWAIT), 0);
	EXPECT_EQ(extent_free(ex, 0x00, 8, EX_NOWAIT), 0);
	/* A split does, and fails cleanly. */
	EXPECT_EQ(extent_free(ex, 0x20, 8, EX_NOWAIT), ENOMEM);
	EXPECT_EQ(regions(ex), (ranges{ { 0x08, 0x4f }, { 0x60, 0x6f } }));
	EXPECT_TRUE(consistent(ex));

	/* With EX_MALLOCOK the extent borrows from malloc(9). */
	malloc_reset();
	long inuse = kmemstats[M_DEVBUF].ks_inuse;
	EXPECT_EQ(extent_free(ex, 0x20, 8, EX_MALLOCOK), 0);
	EXPECT_EQ(extent_alloc_region(ex, 0x80, 1, EX_MALLOCOK), 0);
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_inuse, inuse + 2);
	EXPECT_EQ(regions(ex), (ranges{ { 0x08, 0x1f }, { 0x28, 0x4f },
	    { 0x60, 0x6f }, { 0x80, 0x80 } }));
	EXPECT_TRUE(consistent(ex));
	EXPECT_EQ(extent_free(ex, 0x80, 1, EX_NOWAIT), 0);
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_inuse, inuse + 1);
	extent_destroy(ex);
	ex = nullptr;
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_inuse, inuse);
}

TEST_F(Extent, EdgesOfTheNumberRange)
{
	make(0, ULONG_MAX);
	u_long r;

	ASSERT_EQ(extent_alloc_region(ex, ULONG_MAX, 1, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, 0, 1, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, ULONG_MAX - 0xf, 0xf, EX_NOWAIT),
	    0);
	EXPECT_EQ(regions(ex), (ranges{ { 0, 0 },
	    { ULONG_MAX - 0xf, ULONG_MAX } }));
	/* Leave [ULONG_MAX - 0x2f, ULONG_MAX - 0x10] the only space up
	   there; aligning within it must not wrap around to 0. */
	ASSERT_EQ(extent_alloc_region(ex, 1, ULONG_MAX - 0x30, EX_NOWAIT), 0);
	EXPECT_EQ(extent_alloc(ex, 0x10, 0x40, 0, 0, EX_NOWAIT, &r), EAGAIN);
	EXPECT_EQ(extent_alloc(ex, 0x21, 0x1, 0, 0, EX_NOWAIT, &r), EAGAIN);
	ASSERT_EQ(extent_alloc(ex, 0x10, 0x10, 0, 0x10, EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, ULONG_MAX - 0x2f);
	ASSERT_EQ(extent_alloc(ex, 0x10, 0x10, 0, 0x10, EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, ULONG_MAX - 0x1f);
	EXPECT_EQ(regions(ex), (ranges{ { 0, ULONG_MAX } }));
	EXPECT_EQ(extent_alloc(ex, 1, 1, 0, 0, EX_NOWAIT, &r), EAGAIN);
	/* Free at the very top and the very bottom. */
	EXPECT_EQ(extent_free(ex, ULONG_MAX, 1, EX_NOWAIT), 0);
	EXPECT_EQ(extent_free(ex, 0, 2, EX_NOWAIT), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 2, ULONG_MAX - 1 } }));
	ASSERT_EQ(extent_alloc(ex, 1, 1, 0, 0, EX_FAST, &r), 0);
	EXPECT_EQ(r, 0u);
	ASSERT_EQ(extent_alloc_subregion(ex, 2, ULONG_MAX, 1, 1, 0, 0x1000,
	    EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, ULONG_MAX);
	/* No boundary line above the top: nothing to cross. */
	EXPECT_EQ(extent_free(ex, ULONG_MAX - 7, 8, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc(ex, 8, 1, 0, 0x1000, EX_NOWAIT, &r), 0);
	EXPECT_EQ(r, ULONG_MAX - 7);
	EXPECT_EQ(regions(ex), (ranges{ { 0, 0 }, { 2, ULONG_MAX } }));
}

TEST_F(Extent, ConflictOk)
{
	make(0, 0xff);

	ASSERT_EQ(extent_alloc_region(ex, 0x10, 0x10, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, 0x30, 0x10, EX_NOWAIT), 0);
	ASSERT_EQ(extent_alloc_region(ex, 0x60, 0x10, EX_NOWAIT), 0);
	EXPECT_EQ(extent_alloc_region(ex, 0x18, 0x20, EX_CONFLICTOK), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 0x10, 0x3f }, { 0x60, 0x6f } }));
	EXPECT_EQ(extent_alloc_region(ex, 0x40, 0x20, EX_CONFLICTOK), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 0x10, 0x6f } }));
	EXPECT_EQ(nfree_descriptors(ex), 7u);
	/* Free over free space and parts of regions. */
	EXPECT_EQ(extent_free(ex, 0x20, 0x10, EX_NOWAIT), 0);
	EXPECT_EQ(extent_free(ex, 0x08, 0x10, EX_CONFLICTOK), 0);
	EXPECT_EQ(extent_free(ex, 0x2c, 0x8, EX_CONFLICTOK), 0);
	EXPECT_EQ(extent_free(ex, 0x68, 0x20, EX_CONFLICTOK), 0);
	EXPECT_EQ(regions(ex), (ranges{ { 0x18, 0x1f }, { 0x34, 0x67 } }));
	EXPECT_EQ(extent_free(ex, 0, 0x100, EX_CONFLICTOK), 0);
	EXPECT_TRUE(regions(ex).empty());
}

TEST_F(Extent, MallocBacked)
{
	malloc_reset();
	long inuse = kmemstats[M_DEVBUF].ks_inuse;
	u_long r;

	ex = extent_create("kva", 0x1000, 0xfffff, M_DEVBUF, nullptr, 0,
	    EX_WAITOK);
	ASSERT_NE(ex, nullptr);
	EXPECT_EQ(ex->ex_flags & EXF_FIXED, 0);
	for (int i = 0; i < 100; i++)
		ASSERT_EQ(extent_alloc(ex, 0x10, 0x20, 0, 0, EX_WAITOK, &r), 0);
	EXPECT_EQ(regions(ex).size(), 100u);	/* 0x10 gaps between */
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_inuse, inuse + 101);
	EXPECT_TRUE(consistent(ex));

	/* Out of memory with EX_NOWAIT: ENOMEM, the map intact. */
	uvm_stub_set_limit(uvm_stub_pages_in_use());
	int error = 0;
	for (int i = 0; i < 10000 && error == 0; i++)
		error = extent_alloc(ex, 0x10, 0x20, 0, 0, EX_NOWAIT, &r);
	EXPECT_EQ(error, ENOMEM);
	EXPECT_TRUE(consistent(ex));
	size_t n = regions(ex).size();
	EXPECT_EQ(extent_free(ex, 0x1004, 1, EX_NOWAIT), ENOMEM);
	EXPECT_EQ(regions(ex).size(), n);
	EXPECT_TRUE(consistent(ex));
	extent_destroy(ex);
	ex = nullptr;
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_inuse, inuse);
}

/*
 * The randomised test.  The model is a bitmap of the extent's numbers;
 * expect() searches it by brute force for where extent_alloc_subregion
 * must put a request: the lowest fitting start for first fit, or for
 * best fit the lowest fitting start of the free run that leaves least
 * over after it (ties to the lower address).
 */
struct model {
	u_long m_start;
	std::vector<bool> m_used;

	bool
	used(u_long n) const
	{
		return m_used[n - m_start];
	}

	/* Is [s, s + size - 1] aligned and clear of every line? */
	static bool
	placed(u_long s, u_long size, u_long align, u_long skew, u_long bound,
	    u_long base)
	{
		if ((s - skew) % align != 0)
			return false;
		for (u_long n = s + 1; bound != 0 && n < s + size; n++)
			if ((n - base) % bound == 0)
				return false;
		return true;
	}

	/* Where the allocation must go; false if nowhere. */
	bool
	expect(u_long sub0, u_long sub1, u_long size, u_long align,
	    u_long skew, u_long bound, int flags, u_long *result) const
	{
		u_long base = (flags & EX_BOUNDZERO) ? 0 : m_start;
		u_long end = m_start + m_used.size() - 1;
		u_long bestovh = 0;
		bool found = false;

		for (u_long s = sub0; s + size - 1 <= sub1; s++) {
			if (used(s))
				continue;
			/* The free run from s, and s's chance in it. */
			u_long runend = s;
			while (runend < end && !used(runend + 1))
				runend++;
			u_long last = std::min(runend, sub1);
			for (u_long t = s; t + size - 1 <= last; t++) {
				if (!placed(t, size, align, skew, bound, base))
					continue;
				if (flags & EX_FAST) {
					*result = t;
					return true;
				}
				u_long ovh = runend - (t + size - 1);
				if (!found || ovh < bestovh) {
					found = true;
					bestovh = ovh;
					*result = t;
				}
				break;		/* only the lowest in a run */
			}
			s = runend;
		}
		return found;
	}

	/* The maximal taken runs: what a coalescing map must list. */
	ranges
	runs() const
	{
		ranges r;

		for (u_long i = 0; i < m_used.size(); i++) {
			if (!m_used[i])
				continue;
			if (!r.empty() && r.back().second == m_start + i - 1)
				r.back().second++;
			else
				r.emplace_back(m_start + i, m_start + i);
		}
		return r;
	}

	void
	set(u_long s, u_long size, bool v)
	{
		for (u_long n = s; n < s + size; n++)
			m_used[n - m_start] = v;
	}
};

TEST_F(Extent, RandomAgainstModel)
{
	constexpr u_long START = 1000, LEN = 1024;
	std::mt19937 rng(12345);
	model m{ START, std::vector<bool>(LEN) };
	u_long r, want;
	int allocs = 0, frees = 0, fails = 0;

	malloc_reset();
	long inuse = kmemstats[M_TEMP].ks_inuse;
	ex = extent_create("rand", START, START + LEN - 1, M_TEMP, nullptr, 0,
	    EX_NOWAIT);
	ASSERT_NE(ex, nullptr);
	auto rnd = [&](u_long n) { return (u_long)(rng() % n); };

	for (int op = 0; op < 6000; op++) {
		SCOPED_TRACE(op);
		int kind = rnd(10);
		if (kind < 5) {
			u_long size = 1 + rnd(rnd(2) ? 8 : 64);
			u_long align = 1UL << rnd(6), skew = rnd(align);
			u_long bound = 0;
			if (rnd(3) == 0)
				bound = std::max<u_long>(std::bit_ceil(size),
				    1UL << rnd(8));
			u_long sub0 = START + rnd(LEN - size + 1);
			u_long sub1 = sub0 + size - 1 + rnd(START + LEN - sub0 -
			    size + 1);
			if (rnd(2))
				sub0 = START, sub1 = START + LEN - 1;
			int flags = EX_NOWAIT | (rnd(2) ? EX_FAST : 0) |
			    (rnd(2) ? EX_BOUNDZERO : 0);
			bool ok = m.expect(sub0, sub1, size, align, skew, bound,
			    flags, &want);
			int error = extent_alloc_subregion(ex, sub0, sub1, size,
			    align, skew, bound, flags, &r);
			ASSERT_EQ(error, ok ? 0 : EAGAIN) << size << " " <<
			    align << " " << bound;
			if (ok) {
				ASSERT_EQ(r, want);
				m.set(r, size, true);
				allocs++;
			} else {
				fails++;
			}
		} else if (kind < 7) {
			u_long s = START - 2 + rnd(LEN + 4), size = 1 + rnd(16);
			int flags = rnd(4) == 0 ? EX_CONFLICTOK : EX_NOWAIT;
			int want_error = 0;
			if (s < START || s + size > START + LEN)
				want_error = EINVAL;
			else if (!(flags & EX_CONFLICTOK))
				for (u_long n = s; n < s + size; n++)
					if (m.used(n))
						want_error = EAGAIN;
			ASSERT_EQ(extent_alloc_region(ex, s, size, flags),
			    want_error);
			if (want_error == 0)
				m.set(s, size, true);
		} else {
			/* Free a random piece of a random taken run. */
			ranges runs = m.runs();
			if (runs.empty())
				continue;
			range run = runs[rnd(runs.size())];
			u_long s = run.first + rnd(run.second - run.first + 1);
			u_long size = 1 + rnd(run.second - s + 1);
			int flags = EX_NOWAIT;
			if (rnd(8) == 0) {		/* spill over the run */
				s = std::max(START, s - 3);
				size = std::min(size + 6, START + LEN - s);
				flags = EX_CONFLICTOK;
			}
			ASSERT_EQ(extent_free(ex, s, size, flags), 0);
			m.set(s, size, false);
			frees++;
		}
		ASSERT_TRUE(consistent(ex));
		ASSERT_EQ(regions(ex), m.runs());
	}
	EXPECT_GT(allocs, 500);
	EXPECT_GT(frees, 500);
	EXPECT_GT(fails, 50);
	EXPECT_EQ((size_t)(kmemstats[M_TEMP].ks_inuse - inuse),
	    regions(ex).size() + 1);
	extent_destroy(ex);
	ex = nullptr;
	EXPECT_EQ(kmemstats[M_TEMP].ks_inuse, inuse);
}

} // namespace
