/*
 * uvm_page_test.cc: the page allocator hands out every page exactly once,
 * each page is real memory, and everything comes back.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>

/* UVM manages exactly the pages init386 found available. */
static int
test_uvm_page_counts(void)
{
	psize_t pages = 0;

	for (int i = 0; i < vm_nphysseg; i++)
		pages += vm_physmem[i].end - vm_physmem[i].start;
	if (pages != availmem || (psize_t)uvmexp.npages != pages)
		return ktest_fail("segments %lu pages, npages %d, availmem %lu",
		    pages, uvmexp.npages, availmem);
	if (uvmexp.free <= 0 || uvmexp.free + uvmexp.wired > uvmexp.npages)
		return ktest_fail("free %d wired %d npages %d", uvmexp.free,
		    uvmexp.wired, uvmexp.npages);
	return 0;
}
KTEST_DEFINE(uvm_page_counts, test_uvm_page_counts, 0);

/* A word that differs for every page and every position in it. */
static inline u_int32_t
pattern(paddr_t pa, u_int word)
{
	return (u_int32_t)(pa ^ 0x5a5aa5a5U) + word * 0x9e3779b9U;
}

/*
 * Take every free page, write a pattern into each through the temporary
 * window (first, middle and last words: a page aliasing another would
 * overwrite its pattern), verify them all, give them all back.
 */
static int
test_uvm_page_all(void)
{
	tailq_head<vm_page, &vm_page::pageq> held;
	int before = uvmexp.free, n = 0, bad = 0;
	const u_int words[] = { 0, 511, 1023 };

	held.init();
	for (;;) {
		struct vm_page *pg = uvm_pagealloc(nullptr, 0, nullptr,
		    UVM_PGA_USERESERVE);
		if (pg == nullptr)
			break;
		u_int32_t *p = (u_int32_t *)pmap_tmpmap_pa(VM_PAGE_TO_PHYS(pg));
		for (u_int w : words)
			p[w] = pattern(VM_PAGE_TO_PHYS(pg), w);
		pmap_tmpunmap_pa();
		held.insert_tail(pg);
		n++;
	}
	if (uvmexp.free != 0)
		bad = ktest_fail("%d pages still free after taking all",
		    uvmexp.free);
	for (struct vm_page *pg : held) {
		u_int32_t *p = (u_int32_t *)pmap_tmpmap_pa(VM_PAGE_TO_PHYS(pg));
		for (u_int w : words)
			if (p[w] != pattern(VM_PAGE_TO_PHYS(pg), w) && !bad)
				bad = ktest_fail("page 0x%lx word %u: 0x%x",
				    VM_PAGE_TO_PHYS(pg), w, p[w]);
		pmap_tmpunmap_pa();
	}
	while (struct vm_page *pg = held.first()) {
		held.remove(pg);
		uvm_pagefree(pg);
	}
	if (n != before)
		return ktest_fail("took %d pages, %d were free", n, before);
	if (uvmexp.free != before)
		return ktest_fail("free count %d, was %d", uvmexp.free, before);
	return bad;
}
KTEST_DEFINE(uvm_page_all, test_uvm_page_all, 0);

/* Is page frame pf in any segment? */
static bool
managed(paddr_t pf)
{
	for (int i = 0; i < vm_nphysseg; i++)
		if (pf >= vm_physmem[i].start && pf < vm_physmem[i].end)
			return true;
	return false;
}

/*
 * PHYS_TO_VM_PAGE finds the first and last page of every segment (it
 * searches them from the top), and nothing in the holes between them.
 */
static int
test_uvm_page_phys(void)
{
	for (int i = 0; i < vm_nphysseg; i++) {
		struct vm_physseg *seg = &vm_physmem[i];
		paddr_t ends[] = { seg->start, seg->end - 1 };
		for (paddr_t pf : ends) {
			struct vm_page *pg = PHYS_TO_VM_PAGE(ptoa(pf));
			if (pg != &seg->pgs[pf - seg->start] ||
			    VM_PAGE_TO_PHYS(pg) != ptoa(pf))
				return ktest_fail("frame 0x%lx: page %p", pf, pg);
		}
		paddr_t outside[] = { seg->start - 1, seg->end };
		for (paddr_t pf : outside)
			if (!managed(pf) && PHYS_TO_VM_PAGE(ptoa(pf)) != nullptr)
				return ktest_fail("unmanaged frame 0x%lx has a page",
				    pf);
	}
	return 0;
}
KTEST_DEFINE(uvm_page_phys, test_uvm_page_phys, 0);

/* Pages above 16 MiB go first; the low ones are kept for ISA DMA. */
static int
test_uvm_page_freelists(void)
{
	if (uvmexp.nfreelist[VM_FREELIST_DEFAULT] == 0)
		return 0;	/* a machine with 16 MiB or less */
	struct vm_page *pg = uvm_pagealloc(nullptr, 0, nullptr, 0);
	if (pg == nullptr)
		return ktest_fail("no page");
	paddr_t pa = VM_PAGE_TO_PHYS(pg);
	uvm_pagefree(pg);
	if (pa < 16UL * 1024 * 1024)
		return ktest_fail("got low page 0x%lx first", pa);
	return 0;
}
KTEST_DEFINE(uvm_page_freelists, test_uvm_page_freelists, 0);

/*
 * Benchmark: one uvm_pagealloc + uvm_pagefree, in TSC cycles (under
 * `make bench`, QEMU's -icount makes the TSC count guest instructions).
 */
static int
bench_page_alloc_free(void)
{
	const int rounds = 10000;
	u_int64_t t0 = rdtsc();

	for (int i = 0; i < rounds; i++) {
		struct vm_page *pg = uvm_pagealloc(nullptr, 0, nullptr, 0);
		if (pg == nullptr)
			return ktest_fail("out of pages");
		uvm_pagefree(pg);
	}
	u_int64_t t1 = rdtsc();
	printf("RESULT page_alloc_free %llu cycles/op\n",
	    (unsigned long long)((t1 - t0) / rounds));
	return 0;
}
KTEST_DEFINE(bench_page_alloc_free, bench_page_alloc_free, KTEST_BENCH);
