/*
 * pmap_pv.cc: managed mappings: pmap_create/destroy, pmap_enter,
 * pmap_remove, pmap_protect, pmap_page_protect, pmap_extract, the
 * referenced/modified bits, and pmap_check(), which cross-checks page
 * tables against pv lists.
 *
 * A mapping of a page UVM manages (one with a vm_page) is "managed": it is
 * recorded twice, once in a PTE and once as a pv entry on the page's pv
 * list.  Every function here keeps both in step, and pmap_check() proves
 * it.  User page table pages (PTPs) come and go with their mappings: a
 * PTP's vm_page counts its valid PTEs in wire_count, and the PTP is freed
 * when that reaches zero.  See pmap.cc for the address-space layout and
 * how page tables are reached.  Mirrors OpenBSD's arch/i386/i386/pmap.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/pool.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>
#include "pmap_internal.h"

/*
 * pmap_create: a new, empty address space: a page directory with the
 * kernel's PDEs and its own recursive slot.
 * => process context; may wait for memory (panics today if there is none).
 */
struct pmap *
pmap_create(void)
{
	struct pmap *pmap = (struct pmap *)pool_get(&pmap_pmap_pool,
	    PR_WAITOK | PR_ZERO);
	vaddr_t va = uvm_km_kmemalloc(kernel_map, nullptr, PAGE_SIZE,
	    UVM_KMF_ZERO);
	paddr_t pa;

	if (!pmap_extract(pmap_kernel(), va, &pa))
		panic("pmap_create: page directory not mapped");
	pmap->pm_pdir = (pd_entry_t *)va;
	pmap->pm_pdirpa = pa;
	pmap->pm_refcount = 1;
	/* Kernel PDEs, not the alternate slot: that one is per directory. */
	for (u_int i = PDSLOT_KERN; i < PDSLOT_APTE; i++)
		pmap->pm_pdir[i] = pmap_kernel()->pm_pdir[i];
	pmap->pm_pdir[PDSLOT_PTE] = pa | PG_V | PG_KW;
	pmaps.insert_head(pmap);
	return pmap;
}

void
pmap_reference(struct pmap *pmap)
{
	pmap->pm_refcount++;
}

/*
 * pmap_destroy: drop a reference; the last one frees the pmap, any
 * mappings left in it, its page tables and its page directory.
 * => must not be the pmap loaded in %cr3.
 */
void
pmap_destroy(struct pmap *pmap)
{
	if (--pmap->pm_refcount > 0)
		return;
	KASSERT(pmap != pmap_kernel());
	if (pmap->pm_pdirpa == (rcr3() & PG_FRAME))
		panic("pmap_destroy: pmap %p is active", pmap);
	/*
	 * Usually uvmspace_free has unmapped every entry already, and a
	 * PTP goes as its last mapping does: then there is nothing to walk.
	 */
	if (pmap->pm_stats.resident_count != 0)
		pmap_remove(pmap, 0, VM_MAXUSER_ADDRESS);
	KASSERT(pmap->pm_stats.resident_count == 0);
	pmaps.remove(pmap);
	uvm_km_free(kernel_map, (vaddr_t)pmap->pm_pdir, PAGE_SIZE);
	pool_put(&pmap_pmap_pool, pmap);
}

/*
 * pmap_load: make pmap the current address space (load %cr3).  What
 * pmap_activate(9) will do for a process once processes exist.
 */
void
pmap_load(struct pmap *pmap)
{
	lcr3(pmap->pm_pdirpa);
}

/*
 * The PTP pmap_get_ptp found last: consecutive pmap_enters nearly always
 * land in the same 4 MiB, so this saves a PHYS_TO_VM_PAGE search each
 * (OpenBSD keeps such a hint per pmap, pm_ptphint).  It is only a hint:
 * it is trusted when the PDE names its physical page, so it never needs
 * invalidating, even after the page is freed.
 */
static struct vm_page *pmap_ptphint;

/* The user PTP for slot pdei, allocated if missing; null if no memory. */
static struct vm_page *
pmap_get_ptp(struct pmap *pmap, u_int pdei)
{
	pd_entry_t pde = pmap->pm_pdir[pdei];
	struct vm_page *ptp = pmap_ptphint;

	if (pde & PG_V) {
		if (ptp == nullptr ||
		    VM_PAGE_TO_PHYS(ptp) != (pde & PG_FRAME))
			pmap_ptphint = ptp = PHYS_TO_VM_PAGE(pde & PG_FRAME);
		return ptp;
	}
	ptp = uvm_pagealloc(nullptr, 0, nullptr,
	    UVM_PGA_USERESERVE | UVM_PGA_ZERO);
	if (ptp == nullptr)
		return nullptr;
	ptp->wire_count = 0;		/* counts valid PTEs from now on */
	pmap->pm_pdir[pdei] = VM_PAGE_TO_PHYS(ptp) | PG_V | PG_RW | PG_u;
	pmap_ptphint = ptp;
	return ptp;
}

/* Free an empty user PTP and clear its PDE. */
static void
pmap_free_ptp(struct pmap *pmap, struct vm_page *ptp, u_int pdei)
{
	KASSERT(ptp->wire_count == 0);
	pmap->pm_pdir[pdei] = 0;
	/* The PTP was visible in the recursive window too. */
	tlbflush();
	uvm_pagefree(ptp);
}

/* Take (pmap, va) off pg's pv list and free the entry. */
static void
pmap_pv_remove(struct vm_page *pg, struct pmap *pmap, vaddr_t va)
{
	struct pv_entry **pp, *pve;

	for (pp = &pg->mdpage.pv_list; (pve = *pp) != nullptr;
	    pp = &pve->pv_next) {
		if (pve->pv_pmap == pmap && pve->pv_va == va) {
			*pp = pve->pv_next;
			if (pve == &pg->mdpage.pv_first)
				pve->pv_pmap = nullptr;	/* free again */
			else
				pool_put(&pmap_pv_pool, pve);
			return;
		}
	}
	panic("pmap_pv_remove: no pv entry for pmap %p va 0x%lx pa 0x%lx",
	    pmap, va, VM_PAGE_TO_PHYS(pg));
}

/*
 * Remove one valid PTE: clear it, update statistics and the PTP's count,
 * and, for a managed page, keep its referenced/modified bits and drop its
 * pv entry.  The caller invalidates the TLB and frees an emptied PTP.
 */
static void
pmap_remove_pte(struct pmap *pmap, struct vm_page *ptp, pt_entry_t *pte,
    vaddr_t va)
{
	pt_entry_t opte = *pte;

	*pte = 0;
	pmap->pm_stats.resident_count--;
	if (opte & PG_W)
		pmap->pm_stats.wired_count--;
	if (ptp != nullptr)
		ptp->wire_count--;
	struct vm_page *pg = PHYS_TO_VM_PAGE(opte & PG_FRAME);
	if (pg != nullptr) {
		pg->mdpage.pv_attrs |= opte & (PG_M | PG_U);
		pmap_pv_remove(pg, pmap, va);
	}
}

/*
 * pmap_enter: map pa at va in pmap with protection prot.  flags holds the
 * access that caused the call (PROT_*: pre-sets the referenced and
 * modified bits), PMAP_WIRED and PMAP_CANFAIL.  Replaces any mapping at
 * va.  Returns 0, or ENOMEM with PMAP_CANFAIL when a page table page or a
 * pv entry could not be had (nothing changed then); without
 * PMAP_CANFAIL that is a panic.
 * => may not sleep.
 */
int
pmap_enter(struct pmap *pmap, vaddr_t va, paddr_t pa, int prot, int flags)
{
	bool kernel = (pmap == pmap_kernel());
	struct vm_page *ptp = nullptr;
	struct pv_entry *pve = nullptr;

	KASSERT((va & PAGE_MASK) == 0);
	KASSERT(kernel ? (va >= VM_MIN_KERNEL_ADDRESS && va < pmap_maxkvaddr) :
	    va < VM_MAXUSER_ADDRESS);
	pa &= PG_FRAME;
	if (!kernel) {
		ptp = pmap_get_ptp(pmap, pdei(va));
		if (ptp == nullptr)
			goto nomem;
	}

	{
		pt_entry_t *ptes = pmap_map_ptes(pmap);
		pt_entry_t *pte = &ptes[atop(va)];
		pt_entry_t opte = *pte;
		struct vm_page *pg = PHYS_TO_VM_PAGE(pa);
		bool same = (opte & PG_V) && (opte & PG_FRAME) == pa;
		bool wasvalid = opte & PG_V;	/* the TLB may hold it */

		if (!same && pg != nullptr) {
			/* The page's own entry if free, else the pool's. */
			pve = pg->mdpage.pv_first.pv_pmap == nullptr ?
			    &pg->mdpage.pv_first :
			    (struct pv_entry *)pool_get(&pmap_pv_pool,
			    PR_NOWAIT);
			if (pve == nullptr) {
				pmap_unmap_ptes(pmap);
				if (ptp != nullptr && ptp->wire_count == 0)
					pmap_free_ptp(pmap, ptp, pdei(va));
				goto nomem;
			}
		}
		if ((opte & PG_V) && !same) {
			pmap_remove_pte(pmap, ptp, pte, va);
			opte = 0;
		}
		if (!(opte & PG_V)) {
			pmap->pm_stats.resident_count++;
			if (ptp != nullptr)
				ptp->wire_count++;
			if (pve != nullptr) {
				pve->pv_pmap = pmap;
				pve->pv_va = va;
				pve->pv_next = pg->mdpage.pv_list;
				pg->mdpage.pv_list = pve;
			}
		}

		pt_entry_t npte = pa | PG_V;
		if (prot & PROT_WRITE)
			npte |= PG_RW;
		if (!kernel)
			npte |= PG_u;
		if (flags & PMAP_WIRED)
			npte |= PG_W;
		/* Keep the referenced/modified bits a mapping already had. */
		npte |= opte & (PG_M | PG_U);
		if (flags & PROT_WRITE)
			npte |= PG_M | PG_U;
		else if (flags & PROT_MASK)
			npte |= PG_U;

		if ((npte & PG_W) && !(opte & PG_W))
			pmap->pm_stats.wired_count++;
		else if (!(npte & PG_W) && (opte & PG_W))
			pmap->pm_stats.wired_count--;
		*pte = npte;
		if (wasvalid)
			pmap_invalidate(pmap, va);
		pmap_unmap_ptes(pmap);
	}
	return 0;

nomem:
	if (flags & PMAP_CANFAIL)
		return ENOMEM;
	panic("pmap_enter: out of memory for pmap %p va 0x%lx", pmap, va);
}

/*
 * pmap_remove: remove every mapping in [sva, eva); free user page tables
 * that become empty.
 */
void
pmap_remove(struct pmap *pmap, vaddr_t sva, vaddr_t eva)
{
	bool kernel = (pmap == pmap_kernel());
	pt_entry_t *ptes = pmap_map_ptes(pmap);

	for (vaddr_t va = sva; va < eva;) {
		u_int slot = pdei(va);
		vaddr_t blkend = (va & ~(vaddr_t)(NBPD - 1)) + NBPD;
		if (blkend == 0 || blkend > eva)
			blkend = eva;		/* 0: wrapped past 4 GiB */
		pd_entry_t pde = pmap->pm_pdir[slot];
		if (!(pde & PG_V)) {
			va = blkend;
			continue;
		}
		struct vm_page *ptp = kernel ? nullptr :
		    PHYS_TO_VM_PAGE(pde & PG_FRAME);
		/*
		 * From both ends of the block at once, stopping when the
		 * PTP has no mapping left: a user PTP's wire_count counts
		 * its valid PTEs, and a process's few pages often sit at
		 * one end of a big range (the top of its stack).
		 */
		u_int left = ptp != nullptr ? ptp->wire_count : ~0u;
		for (vaddr_t lo = va, hi = blkend; lo < hi && left > 0;) {
			hi -= PAGE_SIZE;
			if (ptes[atop(hi)] & PG_V) {
				pmap_remove_pte(pmap, ptp, &ptes[atop(hi)], hi);
				pmap_invalidate(pmap, hi);
				left--;
			}
			if (lo < hi && (ptes[atop(lo)] & PG_V)) {
				pmap_remove_pte(pmap, ptp, &ptes[atop(lo)], lo);
				pmap_invalidate(pmap, lo);
				left--;
			}
			lo += PAGE_SIZE;
		}
		va = blkend;
		if (ptp != nullptr && ptp->wire_count == 0)
			pmap_free_ptp(pmap, ptp, slot);
	}
	pmap_unmap_ptes(pmap);
}

/* Take write access away from the PTE of va; 1 if it was valid. */
static inline int
pmap_write_protect_pte(struct pmap *pmap, pt_entry_t *ptes, vaddr_t va)
{
	pt_entry_t *pte = &ptes[atop(va)];

	if (!(*pte & PG_V))
		return 0;
	if (*pte & PG_RW) {
		*pte &= ~PG_RW;
		pmap_invalidate(pmap, va);
	}
	return 1;
}

/*
 * pmap_protect: reduce the protection of [sva, eva) to prot.  Without
 * PROT_READ the mappings go; i386 pages are always executable, so only
 * PROT_WRITE can be taken away otherwise.
 */
void
pmap_protect(struct pmap *pmap, vaddr_t sva, vaddr_t eva, int prot)
{
	if (!(prot & PROT_READ)) {
		pmap_remove(pmap, sva, eva);
		return;
	}
	if (prot & PROT_WRITE)
		return;
	bool kernel = (pmap == pmap_kernel());
	pt_entry_t *ptes = pmap_map_ptes(pmap);
	for (vaddr_t va = sva; va < eva;) {
		vaddr_t blkend = (va & ~(vaddr_t)(NBPD - 1)) + NBPD;
		if (blkend == 0 || blkend > eva)
			blkend = eva;
		pd_entry_t pde = pmap->pm_pdir[pdei(va)];
		if (!(pde & PG_V)) {
			va = blkend;
			continue;
		}
		/* As pmap_remove: both ends, until no mapping is left. */
		u_int left = kernel ? ~0u :
		    PHYS_TO_VM_PAGE(pde & PG_FRAME)->wire_count;
		for (vaddr_t lo = va, hi = blkend; lo < hi && left > 0;) {
			hi -= PAGE_SIZE;
			left -= pmap_write_protect_pte(pmap, ptes, hi);
			if (lo < hi)
				left -= pmap_write_protect_pte(pmap, ptes, lo);
			lo += PAGE_SIZE;
		}
		va = blkend;
	}
	pmap_unmap_ptes(pmap);
}

/*
 * pmap_page_protect: reduce the protection of every mapping of pg: make
 * them read-only, or (without PROT_READ) remove them all.
 */
void
pmap_page_protect(struct vm_page *pg, int prot)
{
	if (prot & PROT_WRITE)
		return;
	if (prot & PROT_READ) {
		for (struct pv_entry *pve = pg->mdpage.pv_list; pve != nullptr;
		    pve = pve->pv_next) {
			pt_entry_t *ptes = pmap_map_ptes(pve->pv_pmap);
			ptes[atop(pve->pv_va)] &= ~PG_RW;
			pmap_invalidate(pve->pv_pmap, pve->pv_va);
			pmap_unmap_ptes(pve->pv_pmap);
		}
		return;
	}
	while (pg->mdpage.pv_list != nullptr) {
		struct pv_entry *pve = pg->mdpage.pv_list;
		struct pmap *pmap = pve->pv_pmap;
		vaddr_t va = pve->pv_va;
		u_int slot = pdei(va);
		struct vm_page *ptp = (pmap == pmap_kernel()) ? nullptr :
		    PHYS_TO_VM_PAGE(pmap->pm_pdir[slot] & PG_FRAME);
		pt_entry_t *ptes = pmap_map_ptes(pmap);

		pmap_remove_pte(pmap, ptp, &ptes[atop(va)], va);
		pmap_invalidate(pmap, va);
		pmap_unmap_ptes(pmap);
		if (ptp != nullptr && ptp->wire_count == 0)
			pmap_free_ptp(pmap, ptp, slot);
	}
}

/* pmap_extract: the physical address va maps to in pmap, if any. */
bool
pmap_extract(struct pmap *pmap, vaddr_t va, paddr_t *pap)
{
	if (!(pmap->pm_pdir[pdei(va)] & PG_V))
		return false;
	pt_entry_t *ptes = pmap_map_ptes(pmap);
	pt_entry_t pte = ptes[atop(va)];
	pmap_unmap_ptes(pmap);
	if (!(pte & PG_V))
		return false;
	*pap = (pte & PG_FRAME) | (va & PAGE_MASK);
	return true;
}

/* pmap_unwire: the mapping at va may be paged out again. */
void
pmap_unwire(struct pmap *pmap, vaddr_t va)
{
	if (!(pmap->pm_pdir[pdei(va)] & PG_V))
		return;
	pt_entry_t *ptes = pmap_map_ptes(pmap);
	if ((ptes[atop(va)] & (PG_V | PG_W)) == (PG_V | PG_W)) {
		ptes[atop(va)] &= ~PG_W;
		pmap->pm_stats.wired_count--;
	}
	pmap_unmap_ptes(pmap);
}

/* Is any of bits set for pg, in a removed or a current mapping? */
static bool
pmap_test_attrs(struct vm_page *pg, pt_entry_t bits)
{
	if (pg->mdpage.pv_attrs & bits)
		return true;
	for (struct pv_entry *pve = pg->mdpage.pv_list; pve != nullptr;
	    pve = pve->pv_next) {
		pt_entry_t *ptes = pmap_map_ptes(pve->pv_pmap);
		bool set = ptes[atop(pve->pv_va)] & bits;
		pmap_unmap_ptes(pve->pv_pmap);
		if (set)
			return true;
	}
	return false;
}

/* Clear bits for pg everywhere; return whether any was set. */
static bool
pmap_clear_attrs(struct vm_page *pg, pt_entry_t bits)
{
	bool result = pg->mdpage.pv_attrs & bits;

	pg->mdpage.pv_attrs &= ~bits;
	for (struct pv_entry *pve = pg->mdpage.pv_list; pve != nullptr;
	    pve = pve->pv_next) {
		pt_entry_t *ptes = pmap_map_ptes(pve->pv_pmap);
		pt_entry_t *pte = &ptes[atop(pve->pv_va)];
		if (*pte & bits) {
			result = true;
			*pte &= ~bits;
			pmap_invalidate(pve->pv_pmap, pve->pv_va);
		}
		pmap_unmap_ptes(pve->pv_pmap);
	}
	return result;
}

bool
pmap_is_modified(struct vm_page *pg)
{
	return pmap_test_attrs(pg, PG_M);
}

bool
pmap_clear_modify(struct vm_page *pg)
{
	return pmap_clear_attrs(pg, PG_M);
}

bool
pmap_is_referenced(struct vm_page *pg)
{
	return pmap_test_attrs(pg, PG_U);
}

bool
pmap_clear_reference(struct vm_page *pg)
{
	return pmap_clear_attrs(pg, PG_U);
}

/* Does pg's pv list hold (pmap, va)? */
static bool
pmap_pv_has(struct vm_page *pg, struct pmap *pmap, vaddr_t va)
{
	for (struct pv_entry *pve = pg->mdpage.pv_list; pve != nullptr;
	    pve = pve->pv_next)
		if (pve->pv_pmap == pmap && pve->pv_va == va)
			return true;
	return false;
}

/*
 * pmap_check: cross-check pmap's page tables against the pv lists and
 * statistics; print each problem with pr and return how many there were.
 *  - every valid user PTE of a managed page has its pv entry;
 *  - every pv entry (of any page) naming pmap has a valid PTE pointing
 *    back at that page;
 *  - each user PTP's wire_count is its number of valid PTEs;
 *  - resident and wired counts match the PTEs.
 * Kernel mappings made with pmap_kenter_pa are unmanaged and not counted.
 */
int
pmap_check(struct pmap *pmap, int (*pr)(const char *, ...))
{
	int problems = 0;
	long resident = 0, wired = 0;
	bool kernel = (pmap == pmap_kernel());
	pt_entry_t *ptes = pmap_map_ptes(pmap);

	for (u_int slot = 0; !kernel && slot < PDSLOT_PTE; slot++) {
		pd_entry_t pde = pmap->pm_pdir[slot];
		if (!(pde & PG_V))
			continue;
		struct vm_page *ptp = PHYS_TO_VM_PAGE(pde & PG_FRAME);
		int valid = 0;
		for (u_int i = 0; i < NPTEPG; i++) {
			vaddr_t va = ((vaddr_t)slot << PDSHIFT) | (i << PGSHIFT);
			pt_entry_t pte = ptes[atop(va)];
			if (!(pte & PG_V))
				continue;
			valid++;
			if (pte & PG_W)
				wired++;
			struct vm_page *pg = PHYS_TO_VM_PAGE(pte & PG_FRAME);
			if (pg != nullptr && !pmap_pv_has(pg, pmap, va)) {
				(*pr)("pmap_check: va 0x%lx -> pa 0x%x: no pv\n",
				    va, pte & PG_FRAME);
				problems++;
			}
		}
		resident += valid;
		if (ptp == nullptr || ptp->wire_count != valid) {
			(*pr)("pmap_check: PTP %u: %d valid PTEs, count %d\n",
			    slot, valid, ptp ? ptp->wire_count : -1);
			problems++;
		}
	}
	if (!kernel && (resident != pmap->pm_stats.resident_count ||
	    wired != pmap->pm_stats.wired_count)) {
		(*pr)("pmap_check: resident %ld/%ld wired %ld/%ld (counted/"
		    "recorded)\n", resident, pmap->pm_stats.resident_count,
		    wired, pmap->pm_stats.wired_count);
		problems++;
	}

	/* The other direction: every pv entry of this pmap is real. */
	for (int s = 0; s < vm_nphysseg; s++) {
		struct vm_physseg *seg = &vm_physmem[s];
		for (struct vm_page *pg = seg->pgs; pg <= seg->lastpg; pg++) {
			for (struct pv_entry *pve = pg->mdpage.pv_list;
			    pve != nullptr; pve = pve->pv_next) {
				if (pve->pv_pmap != pmap)
					continue;
				vaddr_t va = pve->pv_va;
				pt_entry_t pte = (pmap->pm_pdir[pdei(va)] & PG_V) ?
				    ptes[atop(va)] : 0;
				if (!(pte & PG_V) || (pte & PG_FRAME) !=
				    VM_PAGE_TO_PHYS(pg)) {
					(*pr)("pmap_check: pv va 0x%lx pa 0x%lx:"
					    " pte 0x%x\n", va,
					    VM_PAGE_TO_PHYS(pg), pte);
					problems++;
				}
			}
		}
	}
	pmap_unmap_ptes(pmap);
	return problems;
}
