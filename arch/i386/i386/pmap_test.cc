/*
 * pmap_test.cc: pmap(9) on a user address space: enter, extract, protect,
 * remove, page_protect, referenced/modified bits, with pmap_check()
 * cross-checking page tables and pv lists after every step.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>

#define NTESTPG	6

/* Addresses spread over three page tables, one at the very top. */
static const vaddr_t test_va[NTESTPG] = {
	0x00001000, 0x00002000, 0x00400000, 0x08048000, 0x08049000,
	VM_MAXUSER_ADDRESS - PAGE_SIZE,
};

static int
checked(struct pmap *pm, const char *step)
{
	int n = pmap_check(pm, printf);
	if (n != 0)
		return ktest_fail("pmap_check after %s: %d problems", step, n);
	return 0;
}

static int
test_pmap_user(void)
{
	struct vm_page *pg[NTESTPG];
	int free0, err = 0;
	paddr_t pa;

	/*
	 * Warm up: the pmap and pv pools keep an idle page once they have
	 * one, which is not a leak; take it before counting.  The page is
	 * mapped twice: its first mapping uses the page's own pv entry,
	 * the second one the pool's.
	 */
	struct pmap *pm = pmap_create();
	paddr_t wpa = ptoa(vm_physmem[0].start);
	if (pmap_enter(pm, 0x1000, wpa, PROT_READ, PMAP_CANFAIL) != 0 ||
	    pmap_enter(pm, 0x2000, wpa, PROT_READ, PMAP_CANFAIL) != 0)
		return ktest_fail("warm-up pmap_enter failed");
	pmap_destroy(pm);
	free0 = uvmexp.free;

	pm = pmap_create();
	for (int i = 0; i < NTESTPG; i++) {
		pg[i] = uvm_pagealloc(nullptr, 0, nullptr, UVM_PGA_ZERO);
		if (pg[i] == nullptr)
			return ktest_fail("out of pages");
		if (pmap_enter(pm, test_va[i], VM_PAGE_TO_PHYS(pg[i]),
		    PROT_READ | PROT_WRITE, PMAP_CANFAIL | (i == 0 ?
		    PMAP_WIRED : 0)) != 0)
			return ktest_fail("pmap_enter %d failed", i);
	}
	/* Page 1 mapped a second time: two pv entries on one page. */
	if (pmap_enter(pm, 0x10000000, VM_PAGE_TO_PHYS(pg[1]), PROT_READ, 0))
		return ktest_fail("second mapping failed");
	if ((err = checked(pm, "enter")) != 0)
		return err;
	if (pmap_resident_count(pm) != NTESTPG + 1 || pmap_wired_count(pm) != 1)
		return ktest_fail("resident %ld wired %ld",
		    pmap_resident_count(pm), pmap_wired_count(pm));

	for (int i = 0; i < NTESTPG; i++)
		if (!pmap_extract(pm, test_va[i] + 0x123, &pa) ||
		    pa != VM_PAGE_TO_PHYS(pg[i]) + 0x123)
			return ktest_fail("extract %d: 0x%lx", i, pa);
	if (pmap_extract(pm, 0x00003000, &pa))
		return ktest_fail("unmapped address extracted");

	/* Use the address space for real: write through it. */
	u_int ocr3 = rcr3();
	pmap_load(pm);
	*(volatile u_int *)(test_va[3] + 8) = 0xfeedf00d;
	u_int seen = *(volatile u_int *)(0x10000000 + 4);	/* page 1 */
	lcr3(ocr3);
	u_int *p = (u_int *)pmap_tmpmap_pa(VM_PAGE_TO_PHYS(pg[3]));
	u_int got = p[2];
	pmap_tmpunmap_pa();
	if (got != 0xfeedf00d || seen != 0)
		return ktest_fail("wrote 0xfeedf00d, page holds 0x%x", got);
	if (!pmap_is_modified(pg[3]) || !pmap_is_referenced(pg[1]))
		return ktest_fail("hardware M/U bits not seen");
	if (!pmap_clear_modify(pg[3]) || pmap_is_modified(pg[3]))
		return ktest_fail("clear_modify did not clear");

	/* Read-only: the write bit goes, the mapping stays. */
	pmap_protect(pm, test_va[3], test_va[3] + 2 * PAGE_SIZE, PROT_READ);
	if ((err = checked(pm, "protect")) != 0)
		return err;
	if (!pmap_extract(pm, test_va[4], &pa))
		return ktest_fail("protect removed a mapping");

	/* Every mapping of page 1 goes: both pv entries. */
	pmap_page_protect(pg[1], PROT_NONE);
	if (pg[1]->mdpage.pv_list != nullptr || pmap_extract(pm, 0x10000000,
	    &pa) || pmap_extract(pm, test_va[1], &pa))
		return ktest_fail("page_protect left a mapping");
	if ((err = checked(pm, "page_protect")) != 0)
		return err;

	/* Remove the rest; the page tables go with them. */
	pmap_remove(pm, 0, VM_MAXUSER_ADDRESS);
	if ((err = checked(pm, "remove")) != 0)
		return err;
	if (pmap_resident_count(pm) != 0)
		return ktest_fail("resident %ld after remove",
		    pmap_resident_count(pm));
	for (u_int slot = 0; slot < PDSLOT_PTE; slot++)
		if (pm->pm_pdir[slot] != 0)
			return ktest_fail("PTP %u not freed", slot);
	pmap_destroy(pm);
	for (int i = 0; i < NTESTPG; i++)
		uvm_pagefree(pg[i]);
	if (uvmexp.free != free0)
		return ktest_fail("free %d, was %d: pages leaked", uvmexp.free,
		    free0);
	return 0;
}
KTEST_DEFINE(pmap_user, test_pmap_user, 0);

/*
 * With no free page for a new page table, PMAP_CANFAIL gets ENOMEM and
 * the pmap is as before.
 */
static int
test_pmap_enter_canfail(void)
{
	tailq_head<vm_page, &vm_page::pageq> held;
	struct pmap *pm = pmap_create();
	struct vm_page *pg = uvm_pagealloc(nullptr, 0, nullptr, 0);
	int err = 0;

	held.init();
	while (struct vm_page *x = uvm_pagealloc(nullptr, 0, nullptr,
	    UVM_PGA_USERESERVE))
		held.insert_tail(x);
	if (pmap_enter(pm, 0x20000000, VM_PAGE_TO_PHYS(pg), PROT_READ,
	    PMAP_CANFAIL) != ENOMEM)
		err = ktest_fail("pmap_enter without memory did not fail");
	else if (pmap_check(pm, printf) != 0 || pmap_resident_count(pm) != 0 ||
	    pg->mdpage.pv_list != nullptr)
		err = ktest_fail("failed pmap_enter left traces");
	while (struct vm_page *x = held.first()) {
		held.remove(x);
		uvm_pagefree(x);
	}
	pmap_destroy(pm);
	uvm_pagefree(pg);
	return err;
}
KTEST_DEFINE(pmap_enter_canfail, test_pmap_enter_canfail, 0);

/* pmap_copy_page and pmap_zero_page work through their windows. */
static int
test_pmap_copy_zero(void)
{
	struct vm_page *a = uvm_pagealloc(nullptr, 0, nullptr, 0);
	struct vm_page *b = uvm_pagealloc(nullptr, 0, nullptr, 0);
	int err = 0;

	u_int *p = (u_int *)pmap_tmpmap_pa(VM_PAGE_TO_PHYS(a));
	for (u_int i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = i * 7 + 1;
	pmap_tmpunmap_pa();
	pmap_copy_page(a, b);
	pmap_zero_page(a);
	p = (u_int *)pmap_tmpmap_pa(VM_PAGE_TO_PHYS(b));
	for (u_int i = 0; i < PAGE_SIZE / 4 && !err; i++)
		if (p[i] != i * 7 + 1)
			err = ktest_fail("copy: word %u is 0x%x", i, p[i]);
	pmap_tmpunmap_pa();
	p = (u_int *)pmap_tmpmap_pa(VM_PAGE_TO_PHYS(a));
	for (u_int i = 0; i < PAGE_SIZE / 4 && !err; i++)
		if (p[i] != 0)
			err = ktest_fail("zero: word %u is 0x%x", i, p[i]);
	pmap_tmpunmap_pa();
	uvm_pagefree(a);
	uvm_pagefree(b);
	return err;
}
KTEST_DEFINE(pmap_copy_zero, test_pmap_copy_zero, 0);

/*
 * Benchmark: one pmap_enter + pmap_remove of a managed page in a user
 * pmap whose page table stays (another mapping keeps it alive), in TSC
 * cycles.
 */
static int
bench_pmap_enter_remove(void)
{
	const int rounds = 10000;
	struct pmap *pm = pmap_create();
	struct vm_page *pg = uvm_pagealloc(nullptr, 0, nullptr, 0);
	struct vm_page *keep = uvm_pagealloc(nullptr, 0, nullptr, 0);

	if (pmap_enter(pm, 0x08000000, VM_PAGE_TO_PHYS(keep), PROT_READ, 0))
		return ktest_fail("pmap_enter failed");
	u_int64_t t0 = rdtsc();
	for (int i = 0; i < rounds; i++) {
		if (pmap_enter(pm, 0x08001000, VM_PAGE_TO_PHYS(pg),
		    PROT_READ | PROT_WRITE, 0) != 0)
			return ktest_fail("pmap_enter failed");
		pmap_remove(pm, 0x08001000, 0x08002000);
	}
	u_int64_t t1 = rdtsc();
	printf("RESULT pmap_enter_remove %llu cycles/op\n",
	    (unsigned long long)((t1 - t0) / rounds));
	pmap_remove(pm, 0, VM_MAXUSER_ADDRESS);
	pmap_destroy(pm);
	uvm_pagefree(pg);
	uvm_pagefree(keep);
	return 0;
}
KTEST_DEFINE(bench_pmap_enter_remove, bench_pmap_enter_remove, KTEST_BENCH);
