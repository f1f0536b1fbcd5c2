/*
 * uvm_km_test.cc: kernel virtual memory comes and goes, zeroed when asked,
 * and failures with UVM_KMF_NOWAIT leave nothing behind.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <machine/pmap.h>

static int
test_uvm_km_alloc_free(void)
{
	int free0 = uvmexp.free;
	vsize_t size0 = kernel_map->size;
	vaddr_t va = uvm_km_alloc(kernel_map, 3 * PAGE_SIZE);

	if (va == 0 || (va & PAGE_MASK) != 0)
		return ktest_fail("uvm_km_alloc gave 0x%lx", va);
	if (uvmexp.free != free0 - 3)
		return ktest_fail("free %d, want %d", uvmexp.free, free0 - 3);
	for (u_int *p = (u_int *)va; p < (u_int *)(va + 3 * PAGE_SIZE); p++) {
		if (*p != 0)
			return ktest_fail("not zeroed at %p", p);
		*p = (u_int)p;
	}
	paddr_t pa;
	if (!pmap_extract(pmap_kernel(), va + PAGE_SIZE, &pa))
		return ktest_fail("second page not mapped");
	uvm_km_free(kernel_map, va, 3 * PAGE_SIZE);
	if (pmap_extract(pmap_kernel(), va, &pa))
		return ktest_fail("still mapped after uvm_km_free");
	if (uvmexp.free != free0 || kernel_map->size != size0)
		return ktest_fail("free %d (was %d), map size %lu (was %lu)",
		    uvmexp.free, free0, kernel_map->size, size0);
	return 0;
}
KTEST_DEFINE(uvm_km_alloc_free, test_uvm_km_alloc_free, 0);

/* Alignment, and a hole freed in the middle of a range is found. */
static int
test_uvm_km_align_reuse(void)
{
	vaddr_t a = uvm_km_alloc1(kernel_map, PAGE_SIZE, 64 * 1024, false);
	if (a == 0 || (a & (64 * 1024 - 1)) != 0)
		return ktest_fail("64 KiB aligned allocation at 0x%lx", a);
	vaddr_t b = uvm_km_alloc(kernel_map, 4 * PAGE_SIZE);
	vaddr_t c = uvm_km_alloc(kernel_map, PAGE_SIZE);
	uvm_km_free(kernel_map, b + PAGE_SIZE, 2 * PAGE_SIZE);	/* split */
	/* First fit: the hole, or an earlier one, never a later address. */
	vaddr_t d = uvm_km_valloc(kernel_map, 2 * PAGE_SIZE);
	int err = 0;
	if (d == 0 || d > b + PAGE_SIZE)
		err = ktest_fail("hole at 0x%lx skipped (got 0x%lx)",
		    b + PAGE_SIZE, d);
	uvm_km_free(kernel_map, d, 2 * PAGE_SIZE);
	uvm_km_free(kernel_map, b, PAGE_SIZE);
	uvm_km_free(kernel_map, b + 3 * PAGE_SIZE, PAGE_SIZE);
	uvm_km_free(kernel_map, c, PAGE_SIZE);
	uvm_km_free(kernel_map, a, PAGE_SIZE);
	return err;
}
KTEST_DEFINE(uvm_km_align_reuse, test_uvm_km_align_reuse, 0);

/* More than there is: NOWAIT fails cleanly. */
static int
test_uvm_km_nowait_exhaustion(void)
{
	int free0 = uvmexp.free, ent0 = uvmexp.kmapent;
	vsize_t too_much = ptoa((vsize_t)uvmexp.free + 16);
	vaddr_t va = uvm_km_kmemalloc(kernel_map, nullptr, too_much,
	    UVM_KMF_NOWAIT);

	if (va != 0)
		return ktest_fail("allocated %lu bytes with %d pages free",
		    too_much, free0);
	if (uvmexp.free != free0 || uvmexp.kmapent != ent0)
		return ktest_fail("free %d (was %d), entries %d (was %d)",
		    uvmexp.free, free0, uvmexp.kmapent, ent0);
	return 0;
}
KTEST_DEFINE(uvm_km_nowait_exhaustion, test_uvm_km_nowait_exhaustion, 0);
