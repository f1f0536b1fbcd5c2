/*
 * subr_pool_test.cc: in-kernel tests of pool(9).
 *
 * The host tests (tools/unittest/pool_test.cc) go through pool(9) in
 * detail over a stand-in for uvm_km; these run the same code on the
 * kernel's own uvm_km, with 32-bit pointers and the kernel's page
 * allocator, and check what matters most there: items come out aligned
 * and distinct, the statistics agree with what was done, a hard limit
 * makes PR_NOWAIT fail cleanly, and every page goes back when the pool
 * is drained.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <sys/pool.h>

/* Enough items for several pages of any of the sizes below. */
constexpr int NTEST = 600;

static void *items[NTEST];

/* Did the pool's counters come out as want? */
static int
check_stats(struct pool *pp, u_long nget, u_long nput, u_int nout)
{
	if (pp->pr_nget != nget || pp->pr_nput != nput || pp->pr_nout != nout)
		return ktest_fail("%s: nget %lu nput %lu nout %u, want "
		    "%lu %lu %u", pp->pr_wchan, pp->pr_nget, pp->pr_nput,
		    pp->pr_nout, nget, nput, nout);
	if (pp->pr_nitems + pp->pr_nout !=
	    (u_long)pp->pr_npages * pp->pr_itemsperpage)
		return ktest_fail("%s: %lu free + %u out in %u pages of %u",
		    pp->pr_wchan, pp->pr_nitems, pp->pr_nout, pp->pr_npages,
		    pp->pr_itemsperpage);
	return 0;
}

/*
 * Get n items of one size, mark each with its index, check the marks,
 * the alignment and the counters, put them back, and drain the pool.
 */
static int
getput(size_t size, u_int align, int n)
{
	struct pool pl;
	int err = 0;

	pool_init(&pl, size, align, 0, 0, "ktestpl", nullptr);
	for (int i = 0; i < n; i++) {
		items[i] = pool_get(&pl, PR_WAITOK);
		if (align != 0 && ((vaddr_t)items[i] & (align - 1)) != 0) {
			err = ktest_fail("size %zu: %p not aligned to %u",
			    size, items[i], align);
			n = i + 1;
			goto putback;
		}
		memset(items[i], i & 0xff, size);
	}
	for (int i = 0; i < n && err == 0; i++)
		for (size_t b = 0; b < size; b++)
			if (((u_char *)items[i])[b] != (i & 0xff)) {
				err = ktest_fail("size %zu: item %d (%p) "
				    "overwritten at %zu", size, i, items[i],
				    b);
				break;
			}
	if (err == 0)
		err = check_stats(&pl, n, 0, n);
	if (err == 0 && pl.pr_npages !=
	    (u_int)howmany(n, (int)pl.pr_itemsperpage))
		err = ktest_fail("size %zu: %u pages for %d items, %u each",
		    size, pl.pr_npages, n, pl.pr_itemsperpage);
putback:
	for (int i = 0; i < n; i++)
		pool_put(&pl, items[i]);
	if (err == 0)
		err = check_stats(&pl, n, n, 0);
	pool_reclaim(&pl);
	if (err == 0 && (pl.pr_npages != 0 ||
	    pl.pr_npagefree != pl.pr_npagealloc))
		err = ktest_fail("size %zu: %u pages kept, %lu of %lu freed",
		    size, pl.pr_npages, pl.pr_npagefree, pl.pr_npagealloc);
	pool_destroy(&pl);
	return err;
}

static int
test_pool_getput(void)
{
	static const struct {
		size_t	size;
		u_int	align;
	} cases[] = {
		{ 1, 0 }, { 12, 0 }, { 64, 0 }, { 100, 16 }, { 500, 0 },
		{ 1000, 0 }, { 2048, 0 }, { 3000, 64 }, { PAGE_SIZE, 0 },
	};

	for (const auto &c : cases) {
		int n = c.size >= 1000 ? 40 : NTEST;
		if (getput(c.size, c.align, n) != 0)
			return 1;
	}
	return 0;
}
KTEST_DEFINE(pool_getput, test_pool_getput, 0);

/* A hard limit: PR_NOWAIT fails at it, counted, and recovers after. */
static int
test_pool_hardlimit(void)
{
	struct pool pl;
	void *extra;
	int err = 0;

	pool_init(&pl, 48, 0, 0, 0, "ktestlim", nullptr);
	if (pool_sethardlimit(&pl, 20, nullptr, 0) != 0)
		err = ktest_fail("pool_sethardlimit failed");
	for (int i = 0; i < 20; i++)
		if ((items[i] = pool_get(&pl, PR_NOWAIT)) == nullptr &&
		    err == 0)
			err = ktest_fail("item %d under the limit failed", i);
	if (err == 0 && (extra = pool_get(&pl, PR_NOWAIT)) != nullptr) {
		err = ktest_fail("got %p beyond the hard limit", extra);
		pool_put(&pl, extra);
	}
	if (err == 0 && pool_get(&pl, PR_WAITOK | PR_LIMITFAIL) != nullptr)
		err = ktest_fail("PR_LIMITFAIL got an item at the limit");
	if (err == 0 && pl.pr_nfail != 2)
		err = ktest_fail("pr_nfail %lu, want 2", pl.pr_nfail);
	if (err == 0 && pool_sethardlimit(&pl, 10, nullptr, 0) != EINVAL)
		err = ktest_fail("lowered the limit below pr_nout");
	if (err == 0) {
		pool_put(&pl, items[19]);
		items[19] = pool_get(&pl, PR_NOWAIT);
		if (items[19] == nullptr)
			err = ktest_fail("no item after a put at the limit");
	}
	if (err == 0)
		err = check_stats(&pl, 21, 1, 20);
	for (int i = 0; i < 20; i++)
		if (items[i] != nullptr)
			pool_put(&pl, items[i]);
	pool_destroy(&pl);
	return err;
}
KTEST_DEFINE(pool_hardlimit, test_pool_hardlimit, 0);

/*
 * The water marks: hiwat 0 gives every idle page back at once, and a low
 * water mark keeps pages however many items are put back.
 */
static int
test_pool_watermarks(void)
{
	struct pool pl;
	int err = 0;
	u_int ipp;

	pool_init(&pl, 200, 0, 0, 0, "ktestwat", nullptr);
	ipp = pl.pr_itemsperpage;
	pool_sethiwat(&pl, 0);
	for (u_int i = 0; i < 3 * ipp; i++)
		items[i] = pool_get(&pl, PR_WAITOK | PR_ZERO);
	for (u_int i = 0; i < 200 && err == 0; i++)
		if (((u_char *)items[0])[i] != 0)
			err = ktest_fail("PR_ZERO item not zero at %u", i);
	for (u_int i = 0; i < 3 * ipp; i++)
		pool_put(&pl, items[i]);
	if (err == 0 && (pl.pr_npages != 0 || pl.pr_npagefree != 3))
		err = ktest_fail("hiwat 0: %u pages held, %lu freed",
		    pl.pr_npages, pl.pr_npagefree);
	pool_setlowat(&pl, 2 * ipp);
	if (err == 0 && pl.pr_npages != 2)
		err = ktest_fail("lowat: %u pages, want 2", pl.pr_npages);
	items[0] = pool_get(&pl, PR_WAITOK);
	pool_put(&pl, items[0]);
	if (err == 0 && pl.pr_nitems < 2 * ipp)
		err = ktest_fail("lowat: %lu free items, want %u",
		    pl.pr_nitems, 2 * ipp);
	pool_setlowat(&pl, 0);
	pool_reclaim(&pl);
	if (err == 0 && pl.pr_npages != 0)
		err = ktest_fail("reclaim left %u pages", pl.pr_npages);
	pool_destroy(&pl);
	return err;
}
KTEST_DEFINE(pool_watermarks, test_pool_watermarks, 0);
