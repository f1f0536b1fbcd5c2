/*
 * malloc_test.cc: host tests of malloc(9) and free(9) (kern/kern_malloc.cc,
 * compiled for the host with DIAGNOSTIC).
 *
 * Pages come from uvm_stub.cc, a stand-in for uvm_km over one 64 MiB host
 * block.  Each test starts from nothing: the fixture gives every page back
 * to the stub (uvm_stub_reset) and runs kmeminit() again, which the
 * allocator allows for exactly this purpose.  A global environment does
 * the same once before any test of the program, so that other tests may
 * use malloc(9) without setting it up.  Under HOSTTEST <sys/malloc.h>
 * renames malloc and free to kern_malloc and kern_free, so the calls below
 * are the kernel's, next to libc's.  panic() throws kernel_panic here, so
 * the DIAGNOSTIC checks are tested with EXPECT_THROW.
 */
#include <gtest/gtest.h>
#include <algorithm>
#include <cstdarg>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "support.h"
#include "uvm_stub.h"

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <uvm/uvm_extern.h>

namespace {

/*
 * Other tests of this program call malloc(9) too (extent(9) does), and
 * ctest runs each test in a process of its own: set the allocator up
 * before any test runs.  A test that calls uvm_stub_reset() takes back
 * kmem_map's tables too, and must run kmeminit() again before the next
 * malloc, as the fixture below does.
 */
class MallocEnvironment : public ::testing::Environment {
public:
	void
	SetUp() override
	{
		uvm_stub_reset();
		kmeminit();
	}
};
::testing::Environment *const malloc_env =
    ::testing::AddGlobalTestEnvironment(new MallocEnvironment);

class Malloc : public ::testing::Test {
protected:
	void
	SetUp() override
	{
		uvm_stub_reset();
		kmeminit();
	}
};

struct kmemusage *
kup_of(const void *p)
{
	return &kmemusage[((const char *)p - kmembase) >> PAGE_SHIFT];
}

/* What malloc really takes for size bytes: its bucket or its pages. */
long
alloc_size(size_t size)
{
	if (size > MAXALLOCSAVE)
		return (long)round_page(size);
	return 1L << BUCKETINDX(size);
}

/* Fill / check size bytes with a pattern that depends on seed. */
void
fill(void *p, size_t size, unsigned seed)
{
	for (size_t i = 0; i < size; i++)
		((unsigned char *)p)[i] = (unsigned char)(seed * 31 + i);
}

bool
check(const void *p, size_t size, unsigned seed)
{
	const unsigned char *cp = (const unsigned char *)p;

	for (size_t i = 0; i < size; i++)
		if (cp[i] != (unsigned char)(seed * 31 + i))
			return false;
	return true;
}

/* The message of the panic f() causes, or "" if it does not panic. */
template <typename F>
std::string
panic_message(F f)
{
	try {
		f();
	} catch (const kernel_panic &e) {
		return e.what();
	}
	return "";
}

} // namespace

TEST(MallocIndex, BucketIndex)
{
	EXPECT_EQ(BUCKETINDX(0), MINBUCKET);
	EXPECT_EQ(BUCKETINDX(1), MINBUCKET);
	EXPECT_EQ(BUCKETINDX(16), 4);
	EXPECT_EQ(BUCKETINDX(17), 5);
	EXPECT_EQ(BUCKETINDX(4096), 12);
	EXPECT_EQ(BUCKETINDX(4097), 13);
	EXPECT_EQ(BUCKETINDX(MAXALLOCSAVE), MAXBUCKET);
	EXPECT_EQ(BUCKETINDX(1 << 19), 19);
	EXPECT_EQ(BUCKETINDX((1 << 19) + 1), NBUCKETS - 1);
	EXPECT_STREQ(memname[M_DEVBUF], "devbuf");
	EXPECT_STREQ(memname[M_TEMP], "temp");
	EXPECT_STREQ(memname[M_PROC], "proc");
}

/*
 * Every size around every power of two: the right bucket, aligned to it,
 * the whole size usable, and the statistics move by the bucket size.
 */
TEST_F(Malloc, BucketBoundaries)
{
	for (int k = MINBUCKET; k <= MAXBUCKET + 1; k++) {
		size_t two = 1UL << k;

		for (size_t size : { two - 1, two, two + 1 }) {
			SCOPED_TRACE("size " + std::to_string(size));
			struct kmemstats before = kmemstats[M_TEMP];
			struct kmemstats *ksp = &kmemstats[M_TEMP];
			long asize = alloc_size(size);
			char *p = (char *)malloc(size, M_TEMP, M_WAITOK);

			ASSERT_NE(p, nullptr);
			EXPECT_EQ((uintptr_t)p %
			    std::min<long>(asize, PAGE_SIZE), 0u);
			EXPECT_EQ((uintptr_t)p % MINALLOCSIZE, 0u);
			EXPECT_EQ(kup_of(p)->ku_indx, BUCKETINDX(size));
			if (size > MAXALLOCSAVE) {
				EXPECT_EQ(kup_of(p)->ku_pagecnt,
				    atop(round_page(size)));
			}
			fill(p, size, k);
			/* A neighbour must not overlap it. */
			char *q = (char *)malloc(size, M_TEMP, M_WAITOK);
			fill(q, size, k + 100);
			EXPECT_TRUE(check(p, size, k));
			EXPECT_TRUE(p + asize <= q || q + asize <= p);

			EXPECT_EQ(ksp->ks_memuse, before.ks_memuse + 2 * asize);
			EXPECT_EQ(ksp->ks_inuse, before.ks_inuse + 2);
			EXPECT_EQ(ksp->ks_calls, before.ks_calls + 2);
			EXPECT_TRUE(ksp->ks_size & (1L << BUCKETINDX(size)));
			free(q, M_TEMP, size);
			free(p, M_TEMP, size);
			EXPECT_EQ(ksp->ks_memuse, before.ks_memuse);
			EXPECT_EQ(ksp->ks_inuse, before.ks_inuse);
		}
	}
}

/*
 * One and two pages are the two largest buckets (whole-page chunks, kept
 * when freed); three and more pages are page-backed and go back to uvm.
 */
TEST_F(Malloc, PageSizes)
{
	for (size_t npg : { 1, 2, 3, 17 }) {
		SCOPED_TRACE("pages " + std::to_string(npg));
		size_t size = npg * PAGE_SIZE, inuse = uvm_stub_pages_in_use();
		char *p = (char *)malloc(size, M_DEVBUF, M_WAITOK);

		ASSERT_NE(p, nullptr);
		EXPECT_EQ((uintptr_t)p % PAGE_SIZE, 0u);
		EXPECT_EQ(uvm_stub_pages_in_use(), inuse + npg);
		EXPECT_EQ(kmemstats[M_DEVBUF].ks_memuse, (long)size);
		fill(p, size, npg);
		EXPECT_TRUE(check(p, size, npg));
		free(p, M_DEVBUF, size);
		EXPECT_EQ(kmemstats[M_DEVBUF].ks_memuse, 0);
		if (size > MAXALLOCSAVE) {
			EXPECT_EQ(uvm_stub_pages_in_use(), inuse);
			EXPECT_EQ(kup_of(p)->ku_indx, 0);
		} else {
			EXPECT_EQ(uvm_stub_pages_in_use(), inuse + npg);
			EXPECT_EQ(bucket[BUCKETINDX(size)].kb_totalfree, 1u);
		}
	}
	/* A size just over three pages takes four. */
	char *p = (char *)malloc(3 * PAGE_SIZE + 1, M_DEVBUF, M_WAITOK);
	EXPECT_EQ(kup_of(p)->ku_pagecnt, 4);
	EXPECT_THROW(free(p, M_DEVBUF, 3 * PAGE_SIZE), kernel_panic);
	free(p, M_DEVBUF, 4 * PAGE_SIZE);
}

/* The statistics after a sequence, per type and per bucket. */
TEST_F(Malloc, Statistics)
{
	void *a = malloc(10, M_DEVBUF, M_WAITOK);	/* 16 */
	void *b = malloc(16, M_DEVBUF, M_WAITOK);	/* 16 */
	void *c = malloc(100, M_DEVBUF, M_WAITOK);	/* 128 */
	void *d = malloc(5000, M_TEMP, M_WAITOK);	/* 8192 */
	void *e = malloc(20000, M_TEMP, M_WAITOK);	/* 5 pages */

	struct kmemstats *dev = &kmemstats[M_DEVBUF], *tmp = &kmemstats[M_TEMP];
	EXPECT_EQ(dev->ks_inuse, 3);
	EXPECT_EQ(dev->ks_calls, 3);
	EXPECT_EQ(dev->ks_memuse, 16 + 16 + 128);
	EXPECT_EQ(dev->ks_maxused, 160);
	EXPECT_EQ(dev->ks_size, (1L << 4) | (1L << 7));
	EXPECT_EQ(tmp->ks_inuse, 2);
	EXPECT_EQ(tmp->ks_memuse, 8192 + 5 * PAGE_SIZE);
	EXPECT_EQ(tmp->ks_size, (1L << 13) | (1L << BUCKETINDX(20000)));

	/* One page of 16-byte chunks: 2 in use, 254 free. */
	EXPECT_EQ(bucket[4].kb_calls, 2u);
	EXPECT_EQ(bucket[4].kb_total, 256u);
	EXPECT_EQ(bucket[4].kb_totalfree, 254u);
	EXPECT_EQ(kup_of(a)->ku_freecnt, 254);
	EXPECT_EQ(bucket[7].kb_total - bucket[7].kb_totalfree, 1u);
	EXPECT_EQ(bucket[13].kb_elmpercl, 1u);
	EXPECT_EQ(bucket[BUCKETINDX(20000)].kb_total, 1u);

	free(b, M_DEVBUF, 16);
	free(c, M_DEVBUF, 0);		/* size unknown: allowed */
	EXPECT_EQ(dev->ks_inuse, 1);
	EXPECT_EQ(dev->ks_memuse, 16);
	EXPECT_EQ(dev->ks_maxused, 160);	/* the high-water mark stays */
	EXPECT_EQ(dev->ks_calls, 3);
	EXPECT_EQ(bucket[4].kb_totalfree, 255u);
	EXPECT_EQ(kup_of(a)->ku_freecnt, 255);

	void *f = malloc(200, M_DEVBUF, M_WAITOK | M_ZERO);	/* 256 */
	EXPECT_EQ(dev->ks_memuse, 16 + 256);
	EXPECT_EQ(dev->ks_maxused, 16 + 256);
	void *g = malloc(1000, M_DEVBUF, M_WAITOK);
	EXPECT_EQ(dev->ks_maxused, 16 + 256 + 1024);
	EXPECT_EQ(dev->ks_calls, 5);

	free(a, M_DEVBUF, 10);
	free(f, M_DEVBUF, 200);
	free(g, M_DEVBUF, 1000);
	free(d, M_TEMP, 5000);
	free(e, M_TEMP, 20000);
	EXPECT_EQ(dev->ks_inuse, 0);
	EXPECT_EQ(dev->ks_memuse, 0);
	EXPECT_EQ(tmp->ks_inuse, 0);
	EXPECT_EQ(tmp->ks_memuse, 0);
	EXPECT_EQ(bucket[BUCKETINDX(20000)].kb_total, 0u);
	EXPECT_EQ(bucket[4].kb_totalfree, 256u);
}

TEST_F(Malloc, WrongSizeOrTypePanics)
{
	void *p = malloc(100, M_DEVBUF, M_WAITOK);	/* 128-byte bucket */
	std::string msg;

	msg = panic_message([&] { free(p, M_DEVBUF, 64); });
	EXPECT_NE(msg.find("size 64 does not match"), std::string::npos) << msg;
	EXPECT_NE(msg.find("devbuf"), std::string::npos) << msg;
	EXPECT_THROW(free(p, M_DEVBUF, 129), kernel_panic);
	msg = panic_message([&] { free(p, M_TEMP, 100); });
	EXPECT_NE(msg.find("allocated as type devbuf, freed as type temp"),
	    std::string::npos) << msg;
	EXPECT_THROW(free(p, 1, 100), kernel_panic);		/* no type 1 */
	/* Any size of the same bucket is accepted; nothing was changed. */
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_inuse, 1);
	free(p, M_DEVBUF, 65);
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_inuse, 0);

	EXPECT_THROW(malloc(10, M_FREE, M_WAITOK), kernel_panic);
	EXPECT_THROW(malloc(10, M_LAST, M_WAITOK), kernel_panic);
	EXPECT_THROW(malloc(10, 3, M_WAITOK), kernel_panic);	/* unused */
}

TEST_F(Malloc, BadAddressPanics)
{
	char *p = (char *)malloc(64, M_TEMP, M_WAITOK);
	char *big = (char *)malloc(5 * PAGE_SIZE, M_TEMP, M_WAITOK);
	int local;

	EXPECT_NE(panic_message([&] { free(&local, M_TEMP, 0); })
	    .find("non-malloced"), std::string::npos);
	EXPECT_NE(panic_message([&] { free(p + 16, M_TEMP, 0); })
	    .find("unaligned"), std::string::npos);
	EXPECT_THROW(free(big + PAGE_SIZE, M_TEMP, 0), kernel_panic);
	free(p, M_TEMP, 64);
	free(big, M_TEMP, 5 * PAGE_SIZE);
}

TEST_F(Malloc, DoubleFreePanics)
{
	void *p = malloc(32, M_DEVBUF, M_WAITOK);
	void *big = malloc(3 * PAGE_SIZE, M_DEVBUF, M_WAITOK);

	free(p, M_DEVBUF, 32);
	std::string msg = panic_message([&] { free(p, M_DEVBUF, 32); });
	EXPECT_NE(msg.find("double free"), std::string::npos) << msg;
	EXPECT_NE(msg.find("devbuf"), std::string::npos) << msg;
	free(big, M_DEVBUF, 3 * PAGE_SIZE);
	msg = panic_message([&] { free(big, M_DEVBUF, 3 * PAGE_SIZE); });
	EXPECT_NE(msg.find("double free"), std::string::npos) << msg;
	/* Nothing was counted twice. */
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_inuse, 0);
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_memuse, 0);
	EXPECT_EQ(bucket[5].kb_totalfree, bucket[5].kb_total);
}

/*
 * A write into a freed chunk is caught when the chunk comes back to the
 * head of its bucket's free list, at the start, in the middle and at the
 * end of the chunk, and in the free-list link.
 */
TEST_F(Malloc, UseAfterFreeDetected)
{
	for (size_t off : { (size_t)0, (size_t)8, (size_t)40, (size_t)60 }) {
		SCOPED_TRACE("offset " + std::to_string(off));
		uvm_stub_reset();
		kmeminit();
		char *p = (char *)malloc(64, M_DEVBUF, M_WAITOK);
		free(p, M_DEVBUF, 64);

		uint32_t saved;
		memcpy(&saved, p + off, 4);
		memset(p + off, 0x41, 4);	/* the stale write */

		/* p went to the tail: everything ahead of it is fine. */
		uint64_t ahead = bucket[6].kb_totalfree - 1;
		for (uint64_t i = 0; i < ahead; i++)
			ASSERT_NO_THROW(malloc(64, M_TEMP, M_NOWAIT));
		std::string msg = panic_message([] {
			malloc(64, M_TEMP, M_NOWAIT);
		});
		EXPECT_NE(msg.find("use after free"), std::string::npos) << msg;
		EXPECT_NE(msg.find("devbuf"), std::string::npos) << msg;

		/* Undo the write: the chunk is good again. */
		memcpy(p + off, &saved, 4);
		EXPECT_EQ(malloc(64, M_TEMP, M_NOWAIT), p);
	}
}

TEST_F(Malloc, Zero)
{
	for (size_t size : { 16, 100, 4000, 8192, 3 * PAGE_SIZE + 5 }) {
		SCOPED_TRACE("size " + std::to_string(size));
		void *p = malloc(size, M_TEMP, M_WAITOK);
		fill(p, size, 7);
		free(p, M_TEMP, size);
		/* Allocate the bucket dry so the dirty chunk comes back. */
		std::vector<void *> v;
		bool zero = true;
		for (int i = 0; i < 300; i++) {
			unsigned char *q = (unsigned char *)malloc(size, M_TEMP,
			    M_WAITOK | M_ZERO);
			v.push_back(q);
			for (size_t j = 0; j < size; j++)
				zero = zero && q[j] == 0;
			if (q == p)
				break;
		}
		EXPECT_TRUE(zero);
		for (void *q : v)
			free(q, M_TEMP, size);
	}
}

/*
 * With kmem_map run dry, M_NOWAIT gets nullptr and changes nothing;
 * M_WAITOK panics (no sleep yet) unless M_CANFAIL; freeing makes room.
 */
TEST_F(Malloc, NowaitExhaustion)
{
	uvm_stub_set_limit(uvm_stub_pages_in_use() + 8);
	std::vector<void *> big, small;
	void *p;

	while ((p = malloc(3 * PAGE_SIZE, M_DEVBUF, M_NOWAIT)) != nullptr)
		big.push_back(p);
	EXPECT_EQ(big.size(), 2u);		/* 6 of 8 pages */
	while ((p = malloc(1024, M_DEVBUF, M_NOWAIT)) != nullptr)
		small.push_back(p);
	EXPECT_EQ(small.size(), 8u);		/* 2 pages of 4 */

	struct kmemstats before = kmemstats[M_DEVBUF];
	struct kmembuckets bb = bucket[10];
	EXPECT_EQ(malloc(3 * PAGE_SIZE, M_DEVBUF, M_NOWAIT), nullptr);
	EXPECT_EQ(malloc(16, M_DEVBUF, M_NOWAIT), nullptr);
	EXPECT_EQ(malloc(16, M_DEVBUF, M_WAITOK | M_CANFAIL), nullptr);
	std::string msg = panic_message([] {
		malloc(16, M_DEVBUF, M_WAITOK);
	});
	EXPECT_NE(msg.find("out of space in kmem_map"), std::string::npos);
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_inuse, before.ks_inuse);
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_memuse, before.ks_memuse);
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_calls, before.ks_calls);
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_mapblocks, before.ks_mapblocks + 4);
	EXPECT_EQ(bucket[10].kb_total, bb.kb_total);
	EXPECT_EQ(bucket[4].kb_total, 0u);

	/* Freed 1 KiB chunks are reused although no page is left. */
	free(small.back(), M_DEVBUF, 1024);
	small.pop_back();
	p = malloc(1000, M_DEVBUF, M_NOWAIT);
	ASSERT_NE(p, nullptr);
	small.push_back(p);
	/* Freed large blocks give their pages back. */
	free(big.back(), M_DEVBUF, 3 * PAGE_SIZE);
	big.pop_back();
	p = malloc(64, M_DEVBUF, M_NOWAIT);
	ASSERT_NE(p, nullptr);
	small.push_back(p);
	p = malloc(2 * PAGE_SIZE, M_DEVBUF, M_NOWAIT);
	ASSERT_NE(p, nullptr);
	free(p, M_DEVBUF, 2 * PAGE_SIZE);
	for (void *q : small)
		free(q, M_DEVBUF, 0);
	for (void *q : big)
		free(q, M_DEVBUF, 3 * PAGE_SIZE);
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_inuse, 0);
	EXPECT_EQ(kmemstats[M_DEVBUF].ks_memuse, 0);
}

/* A type at its limit: M_NOWAIT gets nullptr, other types are not held. */
TEST_F(Malloc, TypeLimit)
{
	kmemstats[M_TEMP].ks_limit = 4096;
	std::vector<void *> v;
	void *p;

	while ((p = malloc(1024, M_TEMP, M_NOWAIT)) != nullptr)
		v.push_back(p);
	EXPECT_EQ(v.size(), 4u);
	EXPECT_EQ(kmemstats[M_TEMP].ks_limblocks, 0);
	EXPECT_EQ(malloc(16, M_TEMP, M_WAITOK | M_CANFAIL), nullptr);
	EXPECT_THROW(malloc(16, M_TEMP, M_WAITOK), kernel_panic);
	EXPECT_EQ(kmemstats[M_TEMP].ks_limblocks, 2);
	p = malloc(1024, M_DEVBUF, M_NOWAIT);
	EXPECT_NE(p, nullptr);
	free(p, M_DEVBUF, 1024);
	free(v.back(), M_TEMP, 1024);
	v.pop_back();
	p = malloc(1024, M_TEMP, M_NOWAIT);
	EXPECT_NE(p, nullptr);
	v.push_back(p);
	for (void *q : v)
		free(q, M_TEMP, 1024);
	EXPECT_EQ(kmemstats[M_TEMP].ks_inuse, 0);
}

TEST_F(Malloc, TooLargeAndArrays)
{
	EXPECT_EQ(malloc((size_t)MALLOC_MAX + 1, M_TEMP, M_WAITOK | M_CANFAIL),
	    nullptr);
	EXPECT_THROW(malloc((size_t)MALLOC_MAX + 1, M_TEMP, M_WAITOK),
	    kernel_panic);
	EXPECT_EQ(mallocarray(SIZE_MAX / 2, 4, M_TEMP, M_WAITOK | M_CANFAIL),
	    nullptr);
	EXPECT_THROW(mallocarray(SIZE_MAX / 2, 4, M_TEMP, M_WAITOK),
	    kernel_panic);
	void *p = mallocarray(10, 12, M_TEMP, M_WAITOK);
	EXPECT_EQ(kup_of(p)->ku_indx, 7);
	free(p, M_TEMP, 120);
	free(nullptr, M_TEMP, 0);		/* does nothing */
	EXPECT_EQ(kmemstats[M_TEMP].ks_inuse, 0);
}

/* Random sizes and order; every block keeps its own pattern. */
TEST_F(Malloc, RandomStress)
{
	std::mt19937 rng(12345);
	struct block { char *p; size_t size; unsigned seed; int type; };
	std::vector<block> live;
	const int types[] = { M_DEVBUF, M_TEMP, M_PROC, M_SUBPROC, M_VNODE };

	for (unsigned n = 0; n < 20000; n++) {
		if (live.empty() || rng() % 100 < 55) {
			size_t size = rng() % 4 == 0 ? rng() % 40000 :
			    rng() % 600;
			int type = types[rng() % 5];
			char *p = (char *)malloc(size, type, M_NOWAIT);
			ASSERT_NE(p, nullptr);
			fill(p, size, n);
			live.push_back({ p, size, n, type });
		} else {
			size_t i = rng() % live.size();
			block b = live[i];
			ASSERT_TRUE(check(b.p, b.size, b.seed)) << i;
			free(b.p, b.type, rng() % 2 ? b.size : 0);
			live[i] = live.back();
			live.pop_back();
		}
	}
	/* No two live blocks overlap. */
	std::vector<std::pair<char *, long>> spans;
	for (const block &b : live)
		spans.push_back({ b.p, alloc_size(b.size) });
	std::sort(spans.begin(), spans.end());
	for (size_t i = 1; i < spans.size(); i++)
		ASSERT_LE(spans[i - 1].first + spans[i - 1].second,
		    spans[i].first);
	long inuse = 0;
	for (int t : types)
		inuse += kmemstats[t].ks_inuse;
	EXPECT_EQ(inuse, (long)live.size());
	for (const block &b : live) {
		ASSERT_TRUE(check(b.p, b.size, b.seed));
		free(b.p, b.type, b.size);
	}
	for (int t : types) {
		EXPECT_EQ(kmemstats[t].ks_inuse, 0);
		EXPECT_EQ(kmemstats[t].ks_memuse, 0);
	}
	for (int i = MINBUCKET; i <= MAXBUCKET; i++)
		EXPECT_EQ(bucket[i].kb_totalfree, bucket[i].kb_total);
}


TEST_F(Malloc, Printer)
{
	void *a = malloc(10, M_DEVBUF, M_WAITOK);
	void *b = malloc(60, M_DEVBUF, M_WAITOK);
	void *c = malloc(5 * PAGE_SIZE, M_TEMP, M_WAITOK);

	captured.clear();
	malloc_printit(capture_printf);
	EXPECT_NE(captured.find("Memory statistics by bucket size"),
	    std::string::npos);
	EXPECT_NE(captured.find("Type InUse MemUse HighUse  Limit Requests"),
	    std::string::npos);
	/* devbuf: 2 in use, 80 bytes -> 1K, sizes 16 and 64. */
	EXPECT_NE(captured.find("        devbuf     2     1K      1K"),
	    std::string::npos) << captured;
	EXPECT_NE(captured.find("  16,64\n"), std::string::npos) << captured;
	EXPECT_NE(captured.find("          temp     1    20K     20K"),
	    std::string::npos) << captured;
	EXPECT_NE(captured.find("  32K\n"), std::string::npos) << captured;
	EXPECT_NE(captured.find("Memory Totals:"), std::string::npos);
	free(a, M_DEVBUF, 10);
	free(b, M_DEVBUF, 60);
	free(c, M_TEMP, 5 * PAGE_SIZE);
}
