/*
 * kern_malloc_test.cc: in-kernel tests of malloc(9) and free(9).
 *
 * The host tests (tools/unittest/malloc_test.cc) go through the allocator
 * in detail over a stand-in for uvm_km; these check the same code in the
 * running kernel, where the pages come from the real uvm_km and pmap: that
 * every bucket size and several multi-page sizes can be written end to end
 * and read back, that the statistics move as they should, and that a type
 * at its limit gets nullptr with M_NOWAIT.  They allocate M_TEMP and give
 * everything back, so kmemstats[M_TEMP] ends where it began.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <sys/malloc.h>

/* Fill size bytes with a pattern that depends on seed; check it. */
static void
fill(void *p, size_t size, u_int seed)
{
	for (size_t i = 0; i < size; i++)
		((u_char *)p)[i] = (u_char)(seed * 31 + i);
}

static bool
check(const void *p, size_t size, u_int seed)
{
	for (size_t i = 0; i < size; i++)
		if (((const u_char *)p)[i] != (u_char)(seed * 31 + i))
			return false;
	return true;
}

static struct kmemusage *
kup_of(const void *p)
{
	return &kmemusage[((const char *)p - kmembase) >> PAGE_SHIFT];
}

/* What malloc really takes for size bytes: its bucket or its pages. */
static long
alloc_size(size_t size)
{
	if (size > MAXALLOCSAVE)
		return (long)round_page(size);
	return 1L << BUCKETINDX(size);
}

/*
 * Allocate size bytes, check where they landed, write them all and read
 * them back after a neighbour was written, then free both.
 */
static int
try_size(size_t size, u_int seed)
{
	struct kmemstats before = kmemstats[M_TEMP];
	long asize = alloc_size(size);
	char *p, *q;

	p = (char *)malloc(size, M_TEMP, M_WAITOK | M_CANFAIL);
	q = (char *)malloc(size, M_TEMP, M_WAITOK | M_CANFAIL);
	if (p == nullptr || q == nullptr)
		return ktest_fail("malloc(%zu) failed", size);
	if (((vaddr_t)p & (MIN(asize, (long)PAGE_SIZE) - 1)) != 0)
		return ktest_fail("malloc(%zu) = %p: not aligned", size, p);
	if (p < kmembase || p + asize > kmemlimit)
		return ktest_fail("malloc(%zu) = %p: not in kmem_map", size, p);
	if (kup_of(p)->ku_indx != BUCKETINDX(size))
		return ktest_fail("malloc(%zu) = %p: page is of bucket %d",
		    size, p, kup_of(p)->ku_indx);
	if (!(p + asize <= q || q + asize <= p))
		return ktest_fail("malloc(%zu): %p and %p overlap", size, p, q);
	fill(p, size, seed);
	fill(q, size, seed + 1);
	if (!check(p, size, seed) || !check(q, size, seed + 1))
		return ktest_fail("malloc(%zu): pattern lost", size);
	if (kmemstats[M_TEMP].ks_memuse != before.ks_memuse + 2 * asize ||
	    kmemstats[M_TEMP].ks_inuse != before.ks_inuse + 2 ||
	    kmemstats[M_TEMP].ks_calls != before.ks_calls + 2)
		return ktest_fail("malloc(%zu): memuse %ld inuse %ld calls %ld,"
		    " were %ld %ld %ld", size, kmemstats[M_TEMP].ks_memuse,
		    kmemstats[M_TEMP].ks_inuse, kmemstats[M_TEMP].ks_calls,
		    before.ks_memuse, before.ks_inuse, before.ks_calls);
	free(q, M_TEMP, size);
	free(p, M_TEMP, size);
	if (kmemstats[M_TEMP].ks_memuse != before.ks_memuse ||
	    kmemstats[M_TEMP].ks_inuse != before.ks_inuse)
		return ktest_fail("free(%zu): memuse %ld inuse %ld, want %ld "
		    "%ld", size, kmemstats[M_TEMP].ks_memuse,
		    kmemstats[M_TEMP].ks_inuse, before.ks_memuse,
		    before.ks_inuse);
	return 0;
}

/* Every bucket: one under, at and one over each power of two. */
static int
test_malloc_buckets(void)
{
	for (int k = MINBUCKET; k <= MAXBUCKET; k++) {
		size_t sizes[] = { ((size_t)1 << k) - 1, (size_t)1 << k,
		    ((size_t)1 << k) + 1 };

		for (size_t size : sizes)
			if (try_size(size, k) != 0)
				return 1;
	}
	return 0;
}
KTEST_DEFINE(malloc_buckets, test_malloc_buckets, 0);

/* Whole pages: the two largest buckets and page-backed blocks. */
static int
test_malloc_pages(void)
{
	static const size_t npages[] = { 1, 2, 3, 4, 17 };

	for (size_t npg : npages) {
		if (try_size(ptoa(npg), npg) != 0 ||
		    try_size(ptoa(npg) - 100, npg) != 0)
			return 1;
	}
	return 0;
}
KTEST_DEFINE(malloc_pages, test_malloc_pages, 0);

/* Statistics over a sequence, and M_ZERO on a reused chunk. */
static int
test_malloc_stats(void)
{
	struct kmemstats *ksp = &kmemstats[M_TEMP];
	struct kmemstats before = *ksp;
	void *a, *b, *c;
	u_char *z;

	a = malloc(10, M_TEMP, M_WAITOK);		/* 16 */
	b = malloc(300, M_TEMP, M_WAITOK);		/* 512 */
	c = malloc(5 * PAGE_SIZE, M_TEMP, M_WAITOK);	/* 5 pages */
	if (ksp->ks_inuse != before.ks_inuse + 3 ||
	    ksp->ks_calls != before.ks_calls + 3 ||
	    ksp->ks_memuse != before.ks_memuse + 16 + 512 + 5 * PAGE_SIZE)
		return ktest_fail("after 3 mallocs: inuse %ld calls %ld "
		    "memuse %ld", ksp->ks_inuse, ksp->ks_calls, ksp->ks_memuse);
	if (ksp->ks_maxused < ksp->ks_memuse)
		return ktest_fail("maxused %ld < memuse %ld", ksp->ks_maxused,
		    ksp->ks_memuse);
	if ((ksp->ks_size & (1L << 4)) == 0 || (ksp->ks_size & (1L << 9)) == 0)
		return ktest_fail("ks_size 0x%lx lacks 16 or 512",
		    ksp->ks_size);
	long high = ksp->ks_maxused;

	fill(b, 300, 5);
	free(b, M_TEMP, 300);
	free(c, M_TEMP, 0);
	free(a, M_TEMP, 10);
	if (ksp->ks_inuse != before.ks_inuse ||
	    ksp->ks_memuse != before.ks_memuse || ksp->ks_maxused != high)
		return ktest_fail("after free: inuse %ld memuse %ld "
		    "maxused %ld", ksp->ks_inuse, ksp->ks_memuse,
		    ksp->ks_maxused);

	/* The dirty 512-byte chunk must come back zeroed. */
	z = (u_char *)malloc(300, M_TEMP, M_WAITOK | M_ZERO);
	for (size_t i = 0; i < 300; i++)
		if (z[i] != 0)
			return ktest_fail("M_ZERO: byte %zu is 0x%x", i, z[i]);
	free(z, M_TEMP, 300);
	return 0;
}
KTEST_DEFINE(malloc_stats, test_malloc_stats, 0);

/*
 * A type at its limit: M_NOWAIT gets nullptr and counts nothing, while
 * other types still allocate.  The limit is lowered for the test and put
 * back afterwards.
 */
static int
test_malloc_limit(void)
{
	struct kmemstats *ksp = &kmemstats[M_TEMP];
	long savedlimit = ksp->ks_limit, inuse = ksp->ks_inuse;
	void *v[8], *p;
	int n = 0, err = 0;

	ksp->ks_limit = ksp->ks_memuse + 4 * 1024;
	while (n < 8 && (v[n] = malloc(1024, M_TEMP, M_NOWAIT)) != nullptr)
		n++;
	if (n != 4)
		err = ktest_fail("%d allocations under a 4 KiB limit", n);
	else if (ksp->ks_inuse != inuse + 4)
		err = ktest_fail("inuse %ld, want %ld", ksp->ks_inuse,
		    inuse + 4);
	else if ((p = malloc(1024, M_TEMP, M_WAITOK | M_CANFAIL)) != nullptr)
		err = ktest_fail("M_CANFAIL over the limit got %p", p);
	p = malloc(1024, M_DEVBUF, M_NOWAIT);
	if (p == nullptr && err == 0)
		err = ktest_fail("M_DEVBUF held by M_TEMP's limit");
	free(p, M_DEVBUF, 1024);
	ksp->ks_limit = savedlimit;
	while (n > 0)
		free(v[--n], M_TEMP, 1024);
	return err;
}
KTEST_DEFINE(malloc_limit, test_malloc_limit, 0);

/* Panics on purpose ("free: ... double free"): run with test=malloc_dfree. */
static int
test_malloc_dfree(void)
{
	void *p = malloc(64, M_TEMP, M_WAITOK);

	free(p, M_TEMP, 64);
	free(p, M_TEMP, 64);
	return ktest_fail("a double free did not panic");
}
KTEST_DEFINE(malloc_dfree, test_malloc_dfree, KTEST_CRASH);
