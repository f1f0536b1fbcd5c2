/*
 * machdep_test.cc: the machine is as init386() promised to leave it.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <machine/biosvar.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/pte.h>
#include <machine/segments.h>

extern "C" char kernel_text[], kernel_start_pa[], end[];
extern "C" void Xpage();

/* Our GDT is loaded: the segment registers hold OpenBSD's selectors. */
static int
test_gdt_selectors(void)
{
	u_int16_t cs, ds, ss;
	u_int16_t tr;

	__asm volatile("movw %%cs, %0; movw %%ds, %1; movw %%ss, %2; str %3"
	    : "=r"(cs), "=r"(ds), "=r"(ss), "=r"(tr));
	if (cs != GSEL(GCODE_SEL, SEL_KPL) || ds != GSEL(GDATA_SEL, SEL_KPL) ||
	    ss != GSEL(GDATA_SEL, SEL_KPL) || tr != GSEL(GTSS_SEL, SEL_KPL))
		return ktest_fail("cs 0x%x ds 0x%x ss 0x%x tr 0x%x", cs, ds,
		    ss, tr);
	return 0;
}
KTEST_DEFINE(gdt_selectors, test_gdt_selectors, 0);

/* The IDT entry for page faults is Xpage, through an interrupt gate. */
static int
test_idt_pagefault(void)
{
	const struct gate_descriptor *gd = &idt[14];
	u_int off = gd->gd_looffset | (gd->gd_hioffset << 16);

	if (off != (u_int)Xpage || gd->gd_type != SDT_SYS386IGT || !gd->gd_p)
		return ktest_fail("idt[14] = 0x%x type %d", off, gd->gd_type);
	return 0;
}
KTEST_DEFINE(idt_pagefault, test_idt_pagefault, 0);

/*
 * locore removed the identity map and installed the recursive slot: PDE 0
 * is empty, and through PDSLOT_PTE the page directory sees itself.
 */
static int
test_pmap_bootstrap_layout(void)
{
	if (PDP_BASE[0] != 0)
		return ktest_fail("identity map still present: PDE 0 = 0x%x",
		    PDP_BASE[0]);
	if ((PDP_BASE[PDSLOT_PTE] & PG_FRAME) != (rcr3() & PG_FRAME))
		return ktest_fail("recursive PDE 0x%x, cr3 0x%x",
		    PDP_BASE[PDSLOT_PTE], rcr3());
	/* The PTE for the kernel's first page maps physical 2 MiB. */
	pt_entry_t pte = *vtopte((vaddr_t)kernel_text);
	if ((pte & PG_FRAME) != (vaddr_t)kernel_text - KERNBASE ||
	    !(pte & PG_V))
		return ktest_fail("kernel_text PTE 0x%x", pte);
	return 0;
}
KTEST_DEFINE(pmap_bootstrap_layout, test_pmap_bootstrap_layout, 0);

/*
 * The memory lists agree with each other: physmem is the sum of
 * mem_clusters, every avail cluster lies inside some mem cluster and
 * outside the kernel image and page 0.
 */
static int
test_physmem_accounting(void)
{
	psize_t sum = 0, avail = 0;
	paddr_t kstart = (paddr_t)kernel_start_pa;
	paddr_t kend = (paddr_t)end - KERNBASE;

	for (int i = 0; i < mem_cluster_cnt; i++)
		sum += atop(mem_clusters[i].end - mem_clusters[i].start);
	if (sum != physmem || physmem == 0)
		return ktest_fail("clusters %lu pages, physmem %lu", sum,
		    physmem);
	for (int i = 0; i < avail_cluster_cnt; i++) {
		const struct mem_cluster *a = &avail_clusters[i];
		bool inside = false;
		for (int j = 0; j < mem_cluster_cnt; j++)
			if (a->start >= mem_clusters[j].start &&
			    a->end <= mem_clusters[j].end)
				inside = true;
		const bios_rdimage_t *rd = bootinfo.bi_rdimage;
		if (rd != nullptr && a->start < rd->rd_end &&
		    a->end > rd->rd_start)
			return ktest_fail("avail cluster 0x%lx-0x%lx overlaps "
			    "the ramdisk image", a->start, a->end);
		if (!inside || a->start < PAGE_SIZE ||
		    (a->start < kend && a->end > kstart))
			return ktest_fail("bad avail cluster 0x%lx-0x%lx",
			    a->start, a->end);
		avail += atop(a->end - a->start);
	}
	if (avail != availmem || availmem >= physmem)
		return ktest_fail("avail %lu pages, availmem %lu, physmem %lu",
		    avail, availmem, physmem);
	return 0;
}
KTEST_DEFINE(physmem_accounting, test_physmem_accounting, 0);
