/*
 * pmap.cc: the i386 pmap, pmap(9).
 *
 * The pmap turns UVM's wishes ("map physical page P at virtual address V,
 * read-only, in this address space") into page table entries.  Its data:
 *
 *  - struct pmap: one per address space: the physical and virtual address
 *    of its page directory, and statistics.  The kernel's pmap uses the
 *    page directory locore built (boot_pdir).
 *  - page table pages (PTPs): user PTPs are allocated when the first
 *    mapping in their 4 MiB lands and freed when the last one goes; a PTP's
 *    vm_page counts its valid entries in wire_count.  Kernel PTPs are
 *    allocated by pmap_growkernel() as kernel_map grows and never freed;
 *    every page directory shares the kernel's PDEs, so growing the kernel
 *    writes the new PDE into every pmap.
 *  - pv entries: for each managed physical page, the list of (pmap, va)
 *    that map it, so that pmap_page_protect() can find and change every
 *    mapping of a page (copy-on-write, paging out).
 *
 * How the pmap reaches page tables without mapping all physical memory:
 * PDE 830 of every page directory points at the directory itself, so the
 * CPU, walking through it, finds page tables where it expects pages: the
 * current address space's PTEs form one array at PTE_BASE (0xcf800000),
 * indexed by virtual page number (vtopte).  Another address space's PTEs
 * are reached the same way through PDE 1023 of the current directory
 * (APTE_BASE), which pmap_map_ptes() points at that pmap's directory.
 * Single pages (to zero or copy one) are mapped for a moment at reserved
 * kernel addresses (zerop, csrcp, cdstp).  So 3 GiB of RAM needs no more
 * kernel address space than 8 MiB does, but for the vm_page array.
 *
 * The TLB is kept exact: every PTE change that could be cached is followed
 * by invlpg (or a full flush), so pmap_update() has nothing to do.
 *
 * Mirrors OpenBSD's arch/i386/i386/pmap.c, without PAE, SMP shootdowns,
 * or the PG_G/PG_NX refinements.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/user.h>
#include <machine/intr.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_map.h>
#include <machine/cpufunc.h>
#include <sys/mman.h>
#include <machine/frame.h>
#include <machine/pmap.h>
#include <machine/segments.h>
#include "pmap_internal.h"

extern "C" pd_entry_t boot_pdir[];
extern "C" char kernel_start_pa[];

#define NKPT_BOOT	4		/* page tables locore built */
#define ISA_HOLE_START	0x0a0000UL	/* VGA, BIOS ROMs: keep mapped */
#define ISA_HOLE_END	0x100000UL

struct pmap kernel_pmap_store;
list_head<pmap, &pmap::pm_list> pmaps;	/* [V] every pmap */
struct pool pmap_pmap_pool;		/* struct pmap */
struct pool pmap_pv_pool;		/* struct pv_entry */
vaddr_t pmap_maxkvaddr;			/* kernel VA below this has PTPs */

static vaddr_t virtual_avail;	/* first kernel VA not handed out */
static vaddr_t virtual_end;	/* end of kernel VA */

/* Reserved addresses for short-lived mappings of one page. */
static vaddr_t zerop, csrcp, cdstp, tmpp;
static pt_entry_t *zero_pte, *csrc_pte, *cdst_pte, *tmp_pte;

/*
 * pmap_map_ptes: the array of pmap's PTEs, indexed by virtual page number:
 * PTE_BASE for the current (or kernel) pmap, else APTE_BASE after
 * pointing the alternate slot at pmap's page directory.  Pair with
 * pmap_unmap_ptes().
 */
pt_entry_t *
pmap_map_ptes(struct pmap *pmap)
{
	if (pmap_is_curpmap(pmap))
		return PTE_BASE;
	PDP_BASE[PDSLOT_APTE] = pmap->pm_pdirpa | PG_V | PG_RW;
	tlbflush();
	return APTE_BASE;
}

void
pmap_unmap_ptes(struct pmap *pmap)
{
	if (pmap_is_curpmap(pmap))
		return;
	/* Clear it: the directory may be freed before the next use. */
	PDP_BASE[PDSLOT_APTE] = 0;
	tlbflush();
}

/*
 * pmap_bootstrap: take over the kernel's address space from locore.
 * locore mapped the first 16 MiB of physical memory at KERNBASE; keep
 * only the kernel image and the ISA hole (VGA memory), since the rest of
 * those pages will be handed out by UVM and must not stay mapped here.
 * => called from init386(), before uvm_page_physload; kva_start is the
 *    first page after the kernel image.
 */
void
pmap_bootstrap(vaddr_t kva_start)
{
	struct pmap *kpm = pmap_kernel();

	kpm->pm_pdir = boot_pdir;
	kpm->pm_pdirpa = (paddr_t)boot_pdir - KERNBASE;
	kpm->pm_refcount = 1;
	pmaps.init();
	pmaps.insert_head(kpm);

	pmap_maxkvaddr = KERNBASE + NKPT_BOOT * NBPD;
	for (vaddr_t va = KERNBASE; va < pmap_maxkvaddr; va += PAGE_SIZE) {
		paddr_t pa = va - KERNBASE;
		bool keep = (pa >= ISA_HOLE_START && pa < ISA_HOLE_END) ||
		    (pa >= (paddr_t)kernel_start_pa && va < kva_start);
		if (!keep)
			*vtopte(va) = 0;
	}
	tlbflush();

	virtual_avail = kva_start;
	virtual_end = VM_MAX_KERNEL_ADDRESS;

	/* The one-page windows, inside locore's page tables. */
	zerop = virtual_avail;
	csrcp = zerop + PAGE_SIZE;
	cdstp = csrcp + PAGE_SIZE;
	tmpp = cdstp + PAGE_SIZE;
	virtual_avail = tmpp + PAGE_SIZE;
	KASSERT(virtual_avail <= pmap_maxkvaddr);
	zero_pte = vtopte(zerop);
	csrc_pte = vtopte(csrcp);
	cdst_pte = vtopte(cdstp);
	tmp_pte = vtopte(tmpp);
}

/*
 * pmap_init: the pools for pmaps and pv entries, once pool(9) works.
 * => called from uvm_init() after uvm_km_init().
 */
void
pmap_init(void)
{
	pool_init(&pmap_pmap_pool, sizeof(struct pmap), 0, IPL_NONE, 0,
	    "pmappl", nullptr);
	pool_init(&pmap_pv_pool, sizeof(struct pv_entry), 0, IPL_VM, 0,
	    "pvpl", nullptr);
}

/* The kernel VA UVM may manage: [*startp, *endp). */
void
pmap_virtual_space(vaddr_t *startp, vaddr_t *endp)
{
	*startp = virtual_avail;
	*endp = virtual_end;
}

/* One physical page for a kernel page table, zeroed by the caller. */
static paddr_t
pmap_alloc_kptp(void)
{
	paddr_t pa;

	if (!uvm_page_init_done()) {
		if (!uvm_page_physget(&pa))
			panic("pmap_growkernel: out of memory at boot");
		return pa;
	}
	struct vm_page *pg = uvm_pagealloc(nullptr, 0, nullptr,
	    UVM_PGA_USERESERVE);
	if (pg == nullptr)
		panic("pmap_growkernel: out of memory");
	pg->wire_count = 1;
	uvmexp.wired++;
	return VM_PAGE_TO_PHYS(pg);
}

/*
 * pmap_growkernel: make sure kernel VA up to maxkvaddr has page tables,
 * in every pmap.  Returns the new limit.
 * => called by uvm_km (and pmap_steal_memory at boot); may not sleep.
 */
vaddr_t
pmap_growkernel(vaddr_t maxkvaddr)
{
	while (pmap_maxkvaddr < maxkvaddr && pmap_maxkvaddr <
	    VM_MAX_KERNEL_ADDRESS) {
		u_int slot = pdei(pmap_maxkvaddr);
		pd_entry_t pde = pmap_alloc_kptp() | PG_V | PG_KW;

		for (struct pmap *pm : pmaps)
			pm->pm_pdir[slot] = pde;
		/* The new table appears in the recursive window: zero it. */
		pt_entry_t *ptp = PTE_BASE + slot * NPTEPG;
		invlpg((vaddr_t)ptp);
		memset(ptp, 0, PAGE_SIZE);
		pmap_maxkvaddr += NBPD;
	}
	return pmap_maxkvaddr;
}

/*
 * pmap_steal_memory: wired kernel memory at boot, before the page
 * allocator exists (uvm_pageboot_alloc).  Never freed.
 */
vaddr_t
pmap_steal_memory(vsize_t size, vaddr_t *startp, vaddr_t *endp)
{
	vaddr_t va = virtual_avail;

	size = round_page(size);
	virtual_avail += size;
	pmap_growkernel(virtual_avail);
	for (vsize_t off = 0; off < size; off += PAGE_SIZE) {
		paddr_t pa;
		if (!uvm_page_physget(&pa))
			panic("pmap_steal_memory: out of memory");
		pmap_kenter_pa(va + off, pa, PROT_READ | PROT_WRITE);
	}
	*startp = virtual_avail;
	*endp = virtual_end;
	return va;
}

/*
 * pmap_kenter_pa: map pa at kernel address va, unmanaged: no pv entry,
 * so pmap_page_protect() will not see it.  For wired kernel memory.
 */
void
pmap_kenter_pa(vaddr_t va, paddr_t pa, int prot)
{
	KASSERT(va >= VM_MIN_KERNEL_ADDRESS && va < pmap_maxkvaddr);
	pt_entry_t *pte = vtopte(va);
	pt_entry_t opte = *pte;

	*pte = (pa & PG_FRAME) | PG_V | ((prot & PROT_WRITE) ? PG_RW : 0);
	if (opte & PG_V)
		invlpg(va);
}

/* pmap_kremove: undo pmap_kenter_pa for [va, va + len). */
void
pmap_kremove(vaddr_t va, vsize_t len)
{
	for (vaddr_t end = va + len; va < end; va += PAGE_SIZE) {
		KASSERT(va >= VM_MIN_KERNEL_ADDRESS && va < pmap_maxkvaddr);
		*vtopte(va) = 0;
		invlpg(va);
	}
}

/* Map pa at a reserved window for a moment (interrupts held off). */
static void
pmap_window(pt_entry_t *pte, vaddr_t va, paddr_t pa)
{
	*pte = (pa & PG_FRAME) | PG_V | PG_RW;
	invlpg(va);
}

static void
pmap_unwindow(pt_entry_t *pte, vaddr_t va)
{
	*pte = 0;
	invlpg(va);
}

/* pmap_zero_page: fill a physical page with zeroes. */
void
pmap_zero_page(struct vm_page *pg)
{
	u_int ef = read_eflags();

	disable_intr();
	pmap_window(zero_pte, zerop, VM_PAGE_TO_PHYS(pg));
	pagezero((void *)zerop);
	pmap_unwindow(zero_pte, zerop);
	write_eflags(ef);
}

/* pmap_copy_page: copy one physical page to another. */
void
pmap_copy_page(struct vm_page *src, struct vm_page *dst)
{
	u_int ef = read_eflags();

	disable_intr();
	pmap_window(csrc_pte, csrcp, VM_PAGE_TO_PHYS(src));
	pmap_window(cdst_pte, cdstp, VM_PAGE_TO_PHYS(dst));
	memcpy((void *)cdstp, (const void *)csrcp, PAGE_SIZE);
	pmap_unwindow(csrc_pte, csrcp);
	pmap_unwindow(cdst_pte, cdstp);
	write_eflags(ef);
}

/*
 * pmap_tmpmap_pa: the page at pa, mapped until pmap_tmpunmap_pa().  One
 * window only: for code that must look inside an arbitrary page (tests,
 * later the ELF loader), not to be nested.
 */
void *
pmap_tmpmap_pa(paddr_t pa)
{
	KASSERT((*tmp_pte & PG_V) == 0);
	pmap_window(tmp_pte, tmpp, pa);
	return (void *)tmpp;
}

void
pmap_tmpunmap_pa(void)
{
	pmap_unwindow(tmp_pte, tmpp);
}

/*
 * pmap_activate: p will run with its process's address space: record the
 * page directory in its pcb, which cpu_switchto loads into %cr3, and load
 * it now if p is the running thread.  A process without a vmspace (a
 * kernel thread) runs on the kernel's page directory.
 * => called by fork (the child), exec (the new space) and whoever changes
 *    p_p->ps_vmspace; may not sleep.
 */
void
pmap_activate(struct proc *p)
{
	struct vmspace *vm = p->p_p != nullptr ? p->p_p->ps_vmspace : nullptr;
	struct pmap *pmap = vm != nullptr ? vm_map_pmap(&vm->vm_map) :
	    pmap_kernel();

	p->p_addr->u_pcb.pcb_cr3 = pmap->pm_pdirpa;
	if (p == curproc) {
		if ((rcr3() & PG_FRAME) != pmap->pm_pdirpa)
			lcr3(pmap->pm_pdirpa);
		pmap_load_codeseg(pmap);
	}
}

/*
 * Executable or not, on a CPU without PAE.
 *
 * The i386's 32-bit page tables have no "no execute" bit: a readable page
 * is an executable one.  OpenBSD gets W^X anyway from the segment
 * registers: the user code segment (%cs) ends at pm_hiexec, the end of
 * the highest executable mapping, and the stack and heap lie above it,
 * so jumping there is a general protection fault.  A program that maps
 * code higher up (mmap with PROT_EXEC) faults once, and pmap_exec_fixup
 * raises the limit if the map allows execution there.
 */

/*
 * pmap_load_codeseg: make the user code segment end at pmap's
 * pm_hiexec; iret to user mode reloads %cs from the GDT.
 * => called on every switch to a thread and when pm_hiexec changes.
 */
void
pmap_load_codeseg(struct pmap *pmap)
{
	/* Page granular: the limit is the last page's number. */
	u_int pages = pmap->pm_hiexec >> PAGE_SHIFT;

	setsegment(&gdt[GUCODE_SEL].sd, 0, pages > 0 ? pages - 1 : 0,
	    SDT_MEMERA, SEL_UPL, 1, 1);
}

/* pmap_fork: a forked address space executes what its parent did. */
void
pmap_fork(struct pmap *src, struct pmap *dst)
{
	dst->pm_hiexec = src->pm_hiexec;
}

/*
 * pmap_exec_fixup: a general protection fault in user mode at tf_eip: if
 * the map allows executing there, raise pm_hiexec to the end of that
 * mapping and return true (the instruction is retried); else false (the
 * program really jumped somewhere it may not execute).
 */
bool
pmap_exec_fixup(struct vm_map *map, struct trapframe *tf)
{
	struct vm_map_entry *entry;
	struct pmap *pmap = vm_map_pmap(map);
	vaddr_t va = tf->tf_eip;

	if (!uvm_map_lookup_entry(map, va, &entry) ||
	    !(entry->protection & PROT_EXEC) || entry->end <= pmap->pm_hiexec)
		return false;
	pmap->pm_hiexec = entry->end;
	pmap_load_codeseg(pmap);
	return true;
}
