/*
 * pool_test.cc: host tests of pool(9) (kern/subr_pool.cc).
 *
 * The pool code runs unchanged over uvm_stub.cc, which hands out real
 * page-aligned 4 KiB pages from a host block and can be told to run dry
 * (uvm_stub_set_limit), so these tests drive the real bookkeeping: the
 * page lists, in-page and off-page headers, the water marks, the
 * statistics and the DIAGNOSTIC checks (double put, foreign pointers,
 * poison).  After every test all pages must be back with the stub: the
 * fixture checks it, which also proves that phpool keeps no idle page.
 *
 * check_pool() walks a pool's lists and recounts everything, so a
 * statistic that drifts from the truth fails wherever it is called; the
 * randomised test at the end calls it often while running long mixed
 * sequences against a std::map of the items that are out.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

/*
 * What pool(9) prints to the console, gathered with the host's vsnprintf (which
 * <sys/systm.h> renames once it is included).
 */
static std::string console;

static int
host_vcapture(std::string &out, const char *fmt, va_list ap)
{
	char buf[512];
	int n = std::vsnprintf(buf, sizeof(buf), fmt, ap);

	out += buf;
	return n;
}


#include "support.h"
#include "uvm_stub.h"

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/pool.h>
#include <uvm/uvm_extern.h>

/*
 * The hard-limit warning reads the clock and prints, and neither the
 * clock nor the console is part of the host tests.  Weak stand-ins: if
 * the host tests gain real ones, those win and these step aside.
 */
__attribute__((weak)) int hz = 100;
__attribute__((weak)) volatile int ticks;

extern "C" __attribute__((weak)) int
printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = host_vcapture(console, fmt, ap);
	va_end(ap);
	return n;
}

namespace {

/*
 * A pool that is cleaned up however the test ends.  A test that stops
 * early (a failed ASSERT) may leave items out; the pool is then only
 * taken off the global list, so the list stays sound for the tests after.
 */
struct tpool {
	struct pool tp_pool;

	tpool(size_t size, u_int align, const char *wchan,
	    struct pool_allocator *pa = nullptr)
	{
		pool_init(&tp_pool, size, align, 0, 0, wchan, pa);
	}
	~tpool()
	{
		if (!pool_list::onqueue(&tp_pool))
			return;
		try {
			if (tp_pool.pr_nout == 0)
				pool_destroy(&tp_pool);
			else
				pool_head.remove(&tp_pool);
		} catch (const kernel_panic &) {
		}
	}
	struct pool *
	get()
	{
		return &tp_pool;
	}
};

/* Recount everything pool(9) keeps count of, from the page lists. */
void
check_pool(struct pool *pp)
{
	pool_pagelist *lists[] = { &pp->pr_emptypages, &pp->pr_partpages,
	    &pp->pr_fullpages };
	u_long npages = 0, nidle = 0, nfree = 0, nout = 0, nhashed = 0;
	u_int ipp = pp->pr_itemsperpage;

	for (int l = 0; l < 3; l++)
		for (struct pool_page_header *ph : *lists[l]) {
			u_int n = 0;
			for (struct pool_item *pi = ph->ph_items;
			    pi != nullptr && n <= ipp; pi = pi->pi_next)
				n++;
			EXPECT_EQ(ph->ph_pool, pp);
			EXPECT_EQ((vaddr_t)ph->ph_page & ~pp->pr_pgmask, 0u);
			EXPECT_EQ(n + ph->ph_nmissing, ipp);
			/* On the list its count says: empty, partial, full. */
			int want = ph->ph_nmissing == 0 ? 0 :
			    ph->ph_nmissing == ipp ? 2 : 1;
			EXPECT_EQ(l, want);
			if (pp->pr_roflags & PR_PHINPAGE) {
				EXPECT_EQ((caddr_t)ph,
				    ph->ph_page + pp->pr_phoffset);
			}
			npages++;
			nidle += l == 0;
			nfree += n;
			nout += ph->ph_nmissing;
		}
	for (auto &bucket : pp->pr_phhash)
		for (auto *ph = bucket.first(); ph; ph = bucket.next(ph))
			nhashed++;
	EXPECT_EQ(pp->pr_npages, npages);
	EXPECT_EQ(pp->pr_nitems, nfree);
	EXPECT_EQ(pp->pr_nout, nout);
	EXPECT_EQ(pp->pr_nget - pp->pr_nput, nout);
	EXPECT_EQ(pp->pr_npagealloc - pp->pr_npagefree, npages);
	EXPECT_LE(pp->pr_npages, pp->pr_hiwat);
	EXPECT_EQ(pp->pr_nidle, nidle);
	EXPECT_EQ(nhashed, (pp->pr_roflags & PR_PHINPAGE) ? 0 : npages);
}

/* Does f panic, with a message that contains want? */
template <typename F>
::testing::AssertionResult
panics_with(F f, const char *want)
{
	std::string msg = "(no panic)";

	try {
		f();
	} catch (const kernel_panic &e) {
		msg = e.what();
	}
	if (msg.find(want) != std::string::npos)
		return ::testing::AssertionSuccess();
	return ::testing::AssertionFailure() << msg << ": wanted \"" <<
	    want << "\"";
}

/* Every test starts with all stub pages free and must give them back. */
class Pool : public ::testing::Test {
protected:
	void
	SetUp() override
	{
		uvm_stub_reset();
	}
	void
	TearDown() override
	{
		EXPECT_EQ(uvm_stub_pages_in_use(), 0u);
		uvm_stub_reset();
	}
};

/*
 * Items of every size from 1 byte to a page, with every alignment: each
 * is aligned, inside one page, and overlaps no other (a byte pattern
 * written into every item survives until all are checked).
 */
TEST_F(Pool, SizesAndAlignments)
{
	const size_t sizes[] = { 1, 2, 3, 5, 8, 12, 16, 17, 24, 31, 32, 33,
	    48, 63, 64, 65, 100, 127, 128, 200, 255, 256, 257, 300, 500, 511,
	    512, 513, 700, 1000, 1024, 1025, 1365, 1500, 2000, 2047, 2048,
	    2049, 3000, 4000, 4095, 4096 };
	const u_int aligns[] = { 0, 1, 2, 4, 8, 16, 32, 64, 128, 512, 4096 };

	for (size_t size : sizes)
		for (u_int align : aligns) {
			size_t a = std::max<size_t>(align,
			    alignof(struct pool_item));
			if (((std::max(size, sizeof(struct pool_item)) + a -
			    1) & ~(a - 1)) > PAGE_SIZE)
				continue;
			SCOPED_TRACE("size " + std::to_string(size) +
			    " align " + std::to_string(align));
			tpool tp(size, align, "sizes");
			struct pool *pp = tp.get();
			ASSERT_GE(pp->pr_size, size);
			ASSERT_EQ(pp->pr_size % a, 0u);
			ASSERT_GE(pp->pr_itemsperpage, 1u);
			ASSERT_LE(pp->pr_itemsperpage * pp->pr_size, PAGE_SIZE);
			if (pp->pr_roflags & PR_PHINPAGE) {
				ASSERT_LE(pp->pr_itemsperpage * pp->pr_size,
				    pp->pr_phoffset);
			}

			size_t n = 2 * pp->pr_itemsperpage + 1;
			std::vector<unsigned char *> v;
			for (size_t i = 0; i < n; i++) {
				auto *p = (unsigned char *)pool_get(pp,
				    PR_NOWAIT);
				ASSERT_NE(p, nullptr);
				ASSERT_EQ((uintptr_t)p % a, 0u);
				ASSERT_EQ((uintptr_t)p / PAGE_SIZE,
				    ((uintptr_t)p + size - 1) / PAGE_SIZE);
				memset(p, (int)(i * 31 + 7), size);
				v.push_back(p);
			}
			for (size_t i = 0; i < n; i++)
				for (size_t b = 0; b < size; b++)
					ASSERT_EQ(v[i][b],
					    (unsigned char)(i * 31 + 7));
			std::vector<unsigned char *> s = v;
			std::sort(s.begin(), s.end());
			for (size_t i = 1; i < n; i++)
				ASSERT_GE((size_t)(s[i] - s[i - 1]), size);
			EXPECT_EQ(pp->pr_npages, 3u);
			check_pool(pp);
			for (unsigned char *p : v)
				pool_put(pp, p);
			check_pool(pp);
		}
}

/* Where the header goes: in the page when it is cheap, else off it. */
TEST_F(Pool, HeaderPlacement)
{
	const struct {
		size_t	size;
		bool	inpage;
		u_int	ipp;
	} cases[] = {
		{ 64, true, (PAGE_SIZE - sizeof(pool_page_header)) / 64 },
		{ 1000, true, 4 },	/* it fits in the slack: free */
		{ 2048, false, 2 },	/* it would cost an item */
		{ 4096, false, 1 },
	};

	for (const auto &c : cases) {
		tpool tp(c.size, 0, "placement");
		struct pool *pp = tp.get();
		EXPECT_EQ((pp->pr_roflags & PR_PHINPAGE) != 0, c.inpage);
		EXPECT_EQ(pp->pr_itemsperpage, c.ipp);
		void *a = pool_get(pp, PR_WAITOK);
		EXPECT_EQ((uintptr_t)a % PAGE_SIZE, 0u);
		check_pool(pp);
		pool_put(pp, a);
	}
	struct pool big;
	EXPECT_TRUE(panics_with([&] { pool_init(&big, PAGE_SIZE + 1, 0, 0, 0,
	    "big", nullptr); }, "larger than a page"));
	EXPECT_FALSE(pool_list::onqueue(&big));
}

/* The counters after a known sequence of gets and puts. */
TEST_F(Pool, Statistics)
{
	tpool tp(64, 0, "stats");
	struct pool *pp = tp.get();
	u_int ipp = pp->pr_itemsperpage;
	std::vector<void *> v;

	for (int i = 0; i < 10; i++)
		v.push_back(pool_get(pp, PR_WAITOK));
	EXPECT_EQ(pp->pr_nget, 10u);
	EXPECT_EQ(pp->pr_nout, 10u);
	EXPECT_EQ(pp->pr_npages, 1u);
	EXPECT_EQ(pp->pr_npagealloc, 1u);
	EXPECT_EQ(pp->pr_nitems, ipp - 10);
	EXPECT_EQ(pp->pr_nidle, 0u);
	for (int i = 0; i < 4; i++) {
		pool_put(pp, v.back());
		v.pop_back();
	}
	EXPECT_EQ(pp->pr_nput, 4u);
	EXPECT_EQ(pp->pr_nout, 6u);
	for (u_int i = 0; i < ipp; i++)
		v.push_back(pool_get(pp, PR_NOWAIT));
	EXPECT_EQ(pp->pr_npages, 2u);
	EXPECT_EQ(pp->pr_hiwat, 2u);
	EXPECT_EQ(pp->pr_nout, ipp + 6);
	EXPECT_EQ(pp->pr_nfail, 0u);
	check_pool(pp);
	for (void *p : v)
		pool_put(pp, p);
	/* Both pages idle, and kept: the default keeps 8. */
	EXPECT_EQ(pp->pr_nidle, 2u);
	EXPECT_EQ(pp->pr_npagefree, 0u);
	check_pool(pp);
	EXPECT_EQ(pool_reclaim(pp), 1);
	EXPECT_EQ(pp->pr_npages, 0u);
	EXPECT_EQ(pp->pr_npagefree, 2u);
	EXPECT_EQ(pp->pr_hiwat, 2u);
	EXPECT_EQ(pool_reclaim(pp), 0);
	check_pool(pp);
}

/*
 * Reuse: a freed item is the next one out (PR_ZERO zeroes it, as it does
 * a fresh one), and a partial page is filled before an idle one is
 * touched, so idle pages stay idle and can go.
 */
TEST_F(Pool, PageReuse)
{
	tpool tp(100, 0, "reuse");
	struct pool *pp = tp.get();
	u_int ipp = pp->pr_itemsperpage;
	std::vector<char *> v;

	auto zeroed = [pp](void *v) {
		auto *c = (unsigned char *)v;
		return (u_int)std::count(c, c + pp->pr_size, 0) == pp->pr_size;
	};
	void *a = pool_get(pp, PR_WAITOK | PR_ZERO);
	EXPECT_TRUE(zeroed(a));
	memset(a, 0x5a, 100);
	pool_put(pp, a);
	EXPECT_EQ(pool_get(pp, PR_WAITOK | PR_ZERO), a);
	EXPECT_TRUE(zeroed(a));
	pool_put(pp, a);
	for (u_int i = 0; i < 2 * ipp; i++)
		v.push_back((char *)pool_get(pp, PR_WAITOK));
	ASSERT_EQ(pp->pr_npages, 2u);
	/* Empty the first page entirely and free one item of the second. */
	char *page2 = (char *)((vaddr_t)v.back() & pp->pr_pgmask);
	for (u_int i = 0; i < 2 * ipp; i++)
		if ((char *)((vaddr_t)v[i] & pp->pr_pgmask) != page2 ||
		    i == 2 * ipp - 1)
			pool_put(pp, v[i]);
	EXPECT_EQ(pp->pr_nidle, 1u);
	EXPECT_EQ(pool_get(pp, PR_WAITOK), v.back());
	EXPECT_EQ(pp->pr_nidle, 1u);
	EXPECT_EQ(pp->pr_npagealloc, 2u);
	check_pool(pp);
	for (u_int i = 0; i < 2 * ipp; i++)
		if ((char *)((vaddr_t)v[i] & pp->pr_pgmask) == page2)
			pool_put(pp, v[i]);
}

/*
 * The water marks.  pool_sethiwat: idle pages beyond the mark go back at
 * once.  pool_setlowat: free items are kept ready, refilled after gets,
 * and kept however many pages are idle.
 */
TEST_F(Pool, WaterMarks)
{
	tpool tp(128, 0, "marks");
	struct pool *pp = tp.get();
	u_int ipp = pp->pr_itemsperpage;
	std::vector<void *> v;

	pool_sethiwat(pp, 2 * ipp);
	EXPECT_EQ(pp->pr_maxpages, 2u);
	for (u_int i = 0; i < 5 * ipp; i++)
		v.push_back(pool_get(pp, PR_WAITOK));
	EXPECT_EQ(uvm_stub_pages_in_use(), 5u);
	for (void *p : v)
		pool_put(pp, p);
	v.clear();
	EXPECT_EQ(pp->pr_nidle, 2u);
	EXPECT_EQ(pp->pr_npagefree, 3u);
	EXPECT_EQ(uvm_stub_pages_in_use(), 2u);
	pool_sethiwat(pp, 0);		/* lowering the mark trims now */
	EXPECT_EQ(pp->pr_npages, 0u);
	check_pool(pp);

	pool_setlowat(pp, 3 * ipp);
	EXPECT_EQ(pp->pr_minpages, 3u);
	EXPECT_EQ(pp->pr_npages, 3u);
	EXPECT_EQ(pp->pr_nitems, 3u * ipp);
	/* A get leaves fewer than the mark: a page is added behind it. */
	v.push_back(pool_get(pp, PR_WAITOK));
	EXPECT_EQ(pp->pr_npages, 4u);
	for (u_int i = 0; i < 2 * ipp; i++)
		v.push_back(pool_get(pp, PR_WAITOK));
	EXPECT_GE(pp->pr_nitems, 3u * ipp);
	check_pool(pp);
	for (void *p : v)
		pool_put(pp, p);
	/* hiwat 0 frees idle pages, but not below the low water mark. */
	EXPECT_EQ(pp->pr_npages, 3u);
	EXPECT_EQ(pool_reclaim(pp), 0);
	pool_setlowat(pp, 0);
	EXPECT_EQ(pool_reclaim(pp), 1);
	EXPECT_EQ(pp->pr_npages, 0u);
	check_pool(pp);
}

/* PR_NOWAIT with no memory: nullptr, counted, and the pool intact. */
TEST_F(Pool, ExhaustNowait)
{
	tpool tp(48, 0, "exhaust");
	struct pool *pp = tp.get();
	std::vector<void *> v;
	void *p;

	uvm_stub_set_limit(4);
	while ((p = pool_get(pp, PR_NOWAIT)) != nullptr)
		v.push_back(p);
	EXPECT_EQ(v.size(), 4u * pp->pr_itemsperpage);
	EXPECT_EQ(pp->pr_nfail, 1u);
	EXPECT_EQ(pool_get(pp, PR_NOWAIT | PR_ZERO), nullptr);
	EXPECT_EQ(pp->pr_nfail, 2u);
	EXPECT_EQ(pp->pr_nget, v.size());
	check_pool(pp);
	pool_put(pp, v.back());
	v.back() = pool_get(pp, PR_NOWAIT);
	EXPECT_NE(v.back(), nullptr);

	/* PR_WAITOK cannot wait yet: it panics, naming the pool. */
	EXPECT_TRUE(panics_with([&] { pool_get(pp, PR_WAITOK); },
	    "pool_get: exhaust: out of memory"));
	check_pool(pp);
	for (void *q : v)
		pool_put(pp, q);
	pool_sethiwat(pp, 0);

	/* An off-page pool that gets a page but no header returns it. */
	tpool to(2048, 0, "offpage");
	ASSERT_FALSE(to.get()->pr_roflags & PR_PHINPAGE);
	uvm_stub_set_limit(1);
	EXPECT_EQ(pool_get(to.get(), PR_NOWAIT), nullptr);
	EXPECT_EQ(to.get()->pr_nfail, 1u);
	EXPECT_EQ(uvm_stub_pages_in_use(), 0u);
	check_pool(to.get());
}

/* pool_sethardlimit: at most n items out, however much memory. */
TEST_F(Pool, HardLimit)
{
	tpool tp(32, 0, "limited");
	struct pool *pp = tp.get();
	std::vector<void *> v;

	/* Is the printf above the one pool(9) calls? */
	console.clear();
	printf("probe\n");
	bool own_console = console == "probe\n";

	EXPECT_EQ(pool_sethardlimit(pp, 10, "limited: limit reached", 1), 0);
	for (int i = 0; i < 10; i++)
		v.push_back(pool_get(pp, PR_NOWAIT));
	EXPECT_EQ(std::count(v.begin(), v.end(), nullptr), 0);
	console.clear();
	ticks = 1000;
	EXPECT_EQ(pool_get(pp, PR_NOWAIT), nullptr);
	EXPECT_EQ(pool_get(pp, PR_WAITOK | PR_LIMITFAIL), nullptr);
	EXPECT_EQ(pp->pr_nfail, 2u);
	if (own_console) {
		EXPECT_EQ(console, "limited: limit reached\n");
	}
	ticks = ticks + hz;	/* a second later: warned again */
	EXPECT_EQ(pool_get(pp, PR_NOWAIT), nullptr);
	if (own_console) {
		EXPECT_EQ(console, "limited: limit reached\n"
		    "limited: limit reached\n");
	}
	EXPECT_TRUE(panics_with([&] { pool_get(pp, PR_WAITOK); },
	    "hard limit"));

	EXPECT_EQ(pool_sethardlimit(pp, 5, nullptr, 0), EINVAL);
	EXPECT_EQ(pp->pr_hardlimit, 10u);
	pool_put(pp, v.back());
	v.back() = pool_get(pp, PR_NOWAIT);
	EXPECT_NE(v.back(), nullptr);
	EXPECT_EQ(pp->pr_nget, 11u);
	check_pool(pp);
	for (void *p : v)
		pool_put(pp, p);
}

/* A second pool_put of an item panics and changes nothing. */
TEST_F(Pool, DoublePut)
{
	for (size_t size : { 32, 3000 }) {
		tpool tp(size, 0, "double");
		struct pool *pp = tp.get();
		void *a = pool_get(pp, PR_WAITOK);
		void *b = pool_get(pp, PR_WAITOK);

		pool_put(pp, a);
		EXPECT_TRUE(panics_with([&] { pool_put(pp, a); },
		    "double pool_put"));
		EXPECT_EQ(pp->pr_nput, 1u);
		EXPECT_EQ(pp->pr_nout, 1u);
		check_pool(pp);
		/* Also when the page is entirely free again. */
		pool_put(pp, b);
		EXPECT_TRUE(panics_with([&] { pool_put(pp, b); },
		    "double pool_put"));
		check_pool(pp);
	}
}

/* Addresses that are not items of the pool are refused. */
TEST_F(Pool, ForeignPointer)
{
	tpool ta(32, 0, "pool_a"), tb(32, 0, "pool_b"), tc(2048, 0, "pool_c");
	struct pool *pa = ta.get(), *pb = tb.get(), *pc = tc.get();
	auto *a = (char *)pool_get(pa, PR_WAITOK);
	auto *b = (char *)pool_get(pb, PR_WAITOK);
	auto *c = (char *)pool_get(pc, PR_WAITOK);
	vaddr_t va = uvm_km_kmemalloc(kernel_map, nullptr, PAGE_SIZE, 0);

	EXPECT_TRUE(panics_with([&] { pool_put(pa, b); },
	    "belongs to pool pool_b"));
	EXPECT_TRUE(panics_with([&] { pool_put(pa, a + 4); }, "not an item"));
	/* The header at the end of the page is not an item. */
	EXPECT_TRUE(panics_with([&] { pool_put(pa, a + pa->pr_phoffset); },
	    "not an item"));
	/* A page of an off-page pool holds no header to mistake. */
	EXPECT_TRUE(panics_with([&] { pool_put(pa, c); }, "not an item"));
	EXPECT_TRUE(panics_with([&] { pool_put(pc, a); },
	    "not in a page of this pool"));
	EXPECT_TRUE(panics_with([&] { pool_put(pc, c + 1024); },
	    "not an item"));
	/* A page from uvm_km that no pool owns. */
	EXPECT_TRUE(panics_with([&] { pool_put(pa, (void *)(va + 64)); },
	    "not an item"));
	uvm_km_free(kernel_map, va, PAGE_SIZE);

	for (struct pool *pp : { pa, pb, pc }) {
		EXPECT_EQ(pp->pr_nout, 1u);
		EXPECT_EQ(pp->pr_nput, 0u);
		check_pool(pp);
	}
	pool_put(pa, a);
	pool_put(pb, b);
	pool_put(pc, c);
}

/* pool_destroy with items out panics; so does a second pool_init. */
TEST_F(Pool, DestroyAndList)
{
	tpool tp(24, 0, "listed");
	struct pool *pp = tp.get();

	EXPECT_EQ(pool_head.last(), pp);
	bool phpool_seen = false;
	for (struct pool *p : pool_head)
		if (strcmp(p->pr_wchan, "phpool") == 0)
			phpool_seen = true;
	EXPECT_TRUE(phpool_seen);
	EXPECT_TRUE(panics_with([&] { pool_init(pp, 24, 0, 0, 0, "listed",
	    nullptr); }, "already initialised"));

	void *a = pool_get(pp, PR_WAITOK);
	EXPECT_TRUE(panics_with([&] { pool_destroy(pp); },
	    "1 items still out"));
	EXPECT_TRUE(pool_list::onqueue(pp));
	pool_put(pp, a);
	pool_destroy(pp);
	EXPECT_FALSE(pool_list::onqueue(pp));
	for (struct pool *p : pool_head)
		EXPECT_NE(p, pp);
	EXPECT_EQ(uvm_stub_pages_in_use(), 0u);
}

/* Freed items are poisoned; a write after pool_put is caught by get. */
TEST_F(Pool, UseAfterFree)
{
	tpool tp(64, 0, "uaf");
	struct pool *pp = tp.get();
	auto *a = (unsigned char *)pool_get(pp, PR_WAITOK);
	auto *b = (unsigned char *)pool_get(pp, PR_WAITOK);
	const size_t link = sizeof(struct pool_item);

	pool_put(pp, a);
	/* Past the link: OpenBSD's poison word, 0xdeafbeef. */
	uint32_t w;
	memcpy(&w, a + link, sizeof(w));
	EXPECT_EQ(w, 0xdeafbeefU);
	memcpy(&w, a + pp->pr_size - 4, sizeof(w));
	EXPECT_EQ(w, 0xdeafbeefU);

	a[40] = 1;		/* the use after free */
	EXPECT_TRUE(panics_with([&] { pool_get(pp, PR_NOWAIT); },
	    "modified after free: offset 40"));
	/* Nothing was handed out. */
	EXPECT_EQ(pp->pr_nget, 2u);
	check_pool(pp);
	a[40] = 0xef;		/* repair: the poison's low byte */
	EXPECT_EQ(pool_get(pp, PR_NOWAIT), a);

	/* Overwriting the magic. */
	pool_put(pp, a);
	struct pool_item *pi = (struct pool_item *)a;
	pi->pi_magic ^= 1;
	EXPECT_TRUE(panics_with([&] { pool_get(pp, PR_NOWAIT); },
	    "free list modified"));
	pi->pi_magic ^= 1;

	/* Overwriting only the link: caught before it is followed. */
	struct pool_item *saved = pi->pi_next;
	pi->pi_next = (struct pool_item *)(b + 8);
	EXPECT_TRUE(panics_with([&] { pool_get(pp, PR_NOWAIT); },
	    "free list corrupt"));
	pi->pi_next = saved;
	check_pool(pp);
	pool_put(pp, b);
}

/*
 * A custom page allocator: pages of any power-of-two size from a private
 * arena.  The pool_allocator is the arena's first member, so pa_alloc
 * finds its arena through pp->pr_alloc.
 */
constexpr int ARENA_PAGES = 8;

struct arena {
	struct pool_allocator ar_pa;
	char	*ar_base;
	bool	ar_used[ARENA_PAGES];
	int	ar_nalloc, ar_nfree;
};

void *
arena_alloc(struct pool *pp, int, int *slowdown)
{
	auto *ar = (struct arena *)pp->pr_alloc;

	*slowdown = 0;
	for (int i = 0; i < ARENA_PAGES; i++)
		if (!ar->ar_used[i]) {
			ar->ar_used[i] = true;
			ar->ar_nalloc++;
			return ar->ar_base + i * ar->ar_pa.pa_pagesz;
		}
	return nullptr;
}

void
arena_free(struct pool *pp, void *v)
{
	auto *ar = (struct arena *)pp->pr_alloc;
	size_t i = ((char *)v - ar->ar_base) / ar->ar_pa.pa_pagesz;

	ASSERT_TRUE(i < ARENA_PAGES && ar->ar_used[i]);
	ar->ar_used[i] = false;
	ar->ar_nfree++;
}

TEST_F(Pool, CustomAllocator)
{
	/* Small pages, and pages for items bigger than PAGE_SIZE. */
	for (size_t pgsz : { 1024, 16384 }) {
		SCOPED_TRACE("page size " + std::to_string(pgsz));
		size_t size = pgsz == 1024 ? 48 : 5000;
		std::vector<char> mem((ARENA_PAGES + 1) * pgsz);
		struct arena ar = { { arena_alloc, arena_free, pgsz },
		    (char *)(((uintptr_t)mem.data() + pgsz - 1) & ~(pgsz - 1)),
		    {}, 0, 0 };
		tpool tp(size, 0, "arena", &ar.ar_pa);
		struct pool *pp = tp.get();
		std::vector<void *> v;
		void *p;

		EXPECT_EQ(pp->pr_pgsize, pgsz);
		while ((p = pool_get(pp, PR_NOWAIT)) != nullptr) {
			EXPECT_TRUE((char *)p >= ar.ar_base && (char *)p +
			    size <= ar.ar_base + ARENA_PAGES * pgsz);
			memset(p, 0x11, size);
			v.push_back(p);
		}
		EXPECT_EQ(v.size(), ARENA_PAGES * pp->pr_itemsperpage);
		EXPECT_EQ(ar.ar_nalloc, ARENA_PAGES);
		EXPECT_EQ(pp->pr_nfail, 1u);
		check_pool(pp);
		for (void *q : v)
			pool_put(pp, q);
		EXPECT_EQ(pool_reclaim(pp), 1);
		EXPECT_EQ(ar.ar_nfree, ARENA_PAGES);
		check_pool(pp);
	}
}

/* The vmstat -m table and ddb's "show pool". */
TEST_F(Pool, Printing)
{
	tpool tp(100, 0, "printme");
	struct pool *pp = tp.get();
	void *a = pool_get(pp, PR_WAITOK);
	void *b = pool_get(pp, PR_WAITOK);

	pool_put(pp, b);
	captured.clear();
	pool_printit_all(capture_printf);
	EXPECT_EQ(captured.substr(0, captured.find('\n')),
	    "Name        Size Requests Fail    InUse Pgreq Pgrel Npage Hiwat "
	    "Minpg Maxpg Idle");
	char line[128];
	snprintf(line, sizeof(line),
	    "\nprintme      %3u        2    0        1     1     0     1     "
	    "1     0     8    0\n", pp->pr_size);
	EXPECT_NE(captured.find(line), std::string::npos) << captured;
	EXPECT_NE(captured.find("\nphpool "), std::string::npos);
	EXPECT_NE(captured.find("\nIn use "), std::string::npos);
	EXPECT_NE(captured.find("utilization"), std::string::npos);

	captured.clear();
	pool_printit(pp, "p", capture_printf);
	EXPECT_EQ(captured.rfind("POOL printme: size ", 0), 0u) << captured;
	EXPECT_NE(captured.find("nget 2, nfail 0, nput 1"), std::string::npos)
	    << captured;
	EXPECT_NE(captured.find("partial pages:\n\t\tpage "),
	    std::string::npos) << captured;
	pool_put(pp, a);
}

/*
 * Long random sequences of gets, puts and water mark changes, with the
 * page supply limited so that PR_NOWAIT fails now and then, checked
 * against a std::map of the items out to the byte each was filled with.
 */
TEST_F(Pool, RandomStress)
{
	std::mt19937 rng(20240601);

	for (size_t size : { 40, 700 }) {
		SCOPED_TRACE("size " + std::to_string(size));
		tpool tp(size, 0, "stress");
		struct pool *pp = tp.get();
		u_int ipp = pp->pr_itemsperpage;
		std::map<void *, unsigned char> out;	/* item -> fill */
		std::vector<void *> order;	/* the same, for random picks */
		u_long fails = 0;

		uvm_stub_set_limit(40);
		for (int step = 0; step < 30000; step++) {
			int r = rng() % 100;
			if (r < 55) {
				bool zero = rng() % 4 == 0;
				int flags = PR_NOWAIT | (zero ? PR_ZERO : 0);
				auto *p = (unsigned char *)pool_get(pp, flags);
				if (p == nullptr) {
					EXPECT_EQ(pp->pr_nfail, ++fails);
					continue;
				}
				for (size_t i = 0; zero && i < size; i++)
					ASSERT_EQ(p[i], 0);
				unsigned char c = (unsigned char)step;
				ASSERT_TRUE(out.emplace(p, c).second);
				memset(p, c, size);
				order.push_back(p);
			} else if (r < 95 && !order.empty()) {
				size_t i = rng() % order.size();
				auto *p = (unsigned char *)order[i];
				for (size_t j = 0; j < size; j++)
					ASSERT_EQ(p[j], out[p]);
				order[i] = order.back();
				order.pop_back();
				out.erase(p);
				pool_put(pp, p);
			} else if (r < 97)
				pool_sethiwat(pp, rng() % (3 * ipp + 1));
			else if (r < 99)
				pool_setlowat(pp, rng() % (2 * ipp + 1));
			else
				pool_reclaim(pp);
			ASSERT_EQ(pp->pr_nout, out.size());
			if (step % 500 == 0)
				check_pool(pp);
		}
		EXPECT_GT(fails, 0u);
		check_pool(pp);
		for (void *p : order)
			pool_put(pp, p);
		pool_setlowat(pp, 0);
		check_pool(pp);
		uvm_stub_set_limit(16384);
	}
}

} // namespace
