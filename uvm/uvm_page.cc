/*
 * uvm_page.cc: the physical page allocator.
 *
 * At boot, init386() describes usable RAM with uvm_page_physload(), one
 * call per range (page frame numbers).  uvm_page_init() then gives every
 * page a struct vm_page, in an array per segment, and puts each free page
 * on a free list.  From then on uvm_pagealloc() takes the first page of a
 * free list and uvm_pagefree() puts one back: both O(1).  There are two
 * lists, as on OpenBSD/i386: pages below 16 MiB (the only ones an ISA DMA
 * device reaches) are handed out only when the others are gone.
 *
 * Before the arrays exist, pages are taken from the front of a segment
 * with uvm_page_physget() (for page tables) or uvm_pageboot_alloc() (for
 * the arrays themselves, mapped by pmap_steal_memory()); such pages never
 * reach a free list.
 *
 * The vm_page arrays are the one structure whose size grows with memory:
 * 40 bytes per 4 KiB page, 1% of RAM (30 MiB for 3 GiB).
 * Mirrors OpenBSD's sys/uvm/uvm_page.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>

struct uvmexp uvmexp;
struct vm_physseg vm_physmem[VM_PHYSSEG_MAX_UVM];	/* [I] */
int vm_nphysseg;					/* [I] */

/* The free lists, [F]. */
static tailq_head<vm_page, &vm_page::pageq> uvm_freelist[VM_NFREELIST];
static bool page_init_done;

bool
uvm_page_init_done(void)
{
	return page_init_done;
}

/*
 * uvm_page_physload: add the page frames [start, end) to UVM; of those,
 * [avail_start, avail_end) are free.  Segments are kept sorted by address
 * so the boot-time allocators take low memory first and PHYS_TO_VM_PAGE
 * finds the big segment above 16 MiB last in the array.
 * => called from init386() only, before uvm_page_init().
 */
void
uvm_page_physload(paddr_t start, paddr_t end, paddr_t avail_start,
    paddr_t avail_end, int free_list)
{
	int i;

	KASSERT(!page_init_done);
	if (start >= end)
		return;
	if (vm_nphysseg == VM_PHYSSEG_MAX_UVM) {
		printf("uvm_page_physload: too many segments, ignoring "
		    "0x%lx-0x%lx\n", ptoa(start), ptoa(end));
		return;
	}
	for (i = vm_nphysseg; i > 0 && vm_physmem[i - 1].start > start; i--)
		vm_physmem[i] = vm_physmem[i - 1];
	vm_physmem[i].start = start;
	vm_physmem[i].end = end;
	vm_physmem[i].avail_start = avail_start;
	vm_physmem[i].avail_end = avail_end;
	vm_physmem[i].free_list = free_list;
	vm_physmem[i].pgs = nullptr;
	vm_nphysseg++;
}

/*
 * uvm_page_physget: before uvm_page_init, take one page from the front of
 * the first segment that has one.  Returns false when none is left.
 */
bool
uvm_page_physget(paddr_t *pap)
{
	KASSERT(!page_init_done);
	for (int i = 0; i < vm_nphysseg; i++) {
		struct vm_physseg *seg = &vm_physmem[i];
		if (seg->avail_start < seg->avail_end) {
			*pap = ptoa(seg->avail_start++);
			return true;
		}
	}
	return false;
}

/*
 * uvm_pageboot_alloc: wired, mapped kernel memory before the page
 * allocator works, for the vm_page arrays.  Never freed.
 */
vaddr_t
uvm_pageboot_alloc(vsize_t size)
{
	vaddr_t start, end;

	KASSERT(!page_init_done);
	return pmap_steal_memory(size, &start, &end);
}

/*
 * The vm_page of physical address pa, or null if UVM does not manage it.
 * The pmap asks at least once per pmap_enter and pmap_remove, so the
 * search starts from the top: the last segment is all the memory above
 * 16 MiB, nearly every page there is, and where uvm_pagealloc takes pages
 * from first.  (OpenBSD gets the same effect by keeping the segments
 * biggest first, VM_PSTRAT_BIGFIRST; ours stay sorted by address for the
 * boot-time allocators.)
 */
struct vm_page *
PHYS_TO_VM_PAGE(paddr_t pa)
{
	paddr_t pf = atop(pa);

	for (int i = vm_nphysseg - 1; i >= 0; i--) {
		struct vm_physseg *seg = &vm_physmem[i];
		if (pf >= seg->start && pf < seg->end)
			return seg->pgs != nullptr ? &seg->pgs[pf - seg->start] :
			    nullptr;
	}
	return nullptr;
}

paddr_t
(VM_PAGE_TO_PHYS)(const struct vm_page *pg)
{
	return pg->phys_addr;
}

/*
 * uvm_page_init: build the vm_page arrays and the free lists; return the
 * kernel virtual addresses left for kernel_map.
 * => called once, from uvm_init(), after pmap_bootstrap and physload.
 */
void
uvm_page_init(vaddr_t *kvm_startp, vaddr_t *kvm_endp)
{
	psize_t pagecount = 0;

	for (int i = 0; i < VM_NFREELIST; i++)
		uvm_freelist[i].init();

	/* One array for all segments, carved up below. */
	for (int i = 0; i < vm_nphysseg; i++)
		pagecount += vm_physmem[i].end - vm_physmem[i].start;
	struct vm_page *pgs = (struct vm_page *)uvm_pageboot_alloc(
	    pagecount * sizeof(struct vm_page));
	memset(pgs, 0, pagecount * sizeof(struct vm_page));

	for (int i = 0; i < vm_nphysseg; i++) {
		struct vm_physseg *seg = &vm_physmem[i];
		psize_t n = seg->end - seg->start;

		seg->pgs = pgs;
		seg->lastpg = pgs + n - 1;
		pgs += n;
		for (paddr_t pf = seg->start; pf < seg->end; pf++) {
			struct vm_page *pg = &seg->pgs[pf - seg->start];
			pg->phys_addr = ptoa(pf);
			pg->free_list = seg->free_list;
			uvmexp.npages++;
			if (pf >= seg->avail_start && pf < seg->avail_end) {
				pg->pg_flags = PQ_FREE;
				uvm_freelist[seg->free_list].insert_tail(pg);
				uvmexp.free++;
				uvmexp.nfreelist[seg->free_list]++;
			} else {
				/* Stolen at boot: page tables, these arrays. */
				pg->wire_count = 1;
				uvmexp.wired++;
			}
		}
	}
	uvmexp.pagesize = PAGE_SIZE;
	uvmexp.pagemask = PAGE_MASK;
	uvmexp.pageshift = PAGE_SHIFT;
	/* Keep a few pages for the kernel's own page tables. */
	uvmexp.reserve_kernel = 8;
	page_init_done = true;
	pmap_virtual_space(kvm_startp, kvm_endp);
}

/*
 * uvm_pagealloc: take a free page.  obj/off/anon name its future owner
 * (unused until objects and anons exist).  With UVM_PGA_ZERO the page is
 * zeroed.  Returns null when no page is free (or only the reserve is left
 * and UVM_PGA_USERESERVE was not given).
 * => O(1); may be called from interrupts; does not sleep.
 */
struct vm_page *
uvm_pagealloc(struct uvm_object *obj, voff_t off, struct vm_anon *anon,
    int flags)
{
	struct vm_page *pg = nullptr;

	KASSERT(page_init_done);
	if (uvmexp.free <= uvmexp.reserve_kernel &&
	    (flags & UVM_PGA_USERESERVE) == 0) {
		uvmexp.pgafails++;
		return nullptr;
	}
	/* Prefer memory above 16 MiB; keep the low pages for ISA DMA. */
	for (int fl = VM_FREELIST_DEFAULT; fl < VM_NFREELIST; fl++) {
		pg = uvm_freelist[fl].first();
		if (pg != nullptr) {
			uvm_freelist[fl].remove(pg);
			uvmexp.nfreelist[fl]--;
			break;
		}
	}
	if (pg == nullptr) {
		uvmexp.pgafails++;
		return nullptr;
	}
	KASSERT(pg->pg_flags & PQ_FREE);
	KASSERT(pg->mdpage.pv_list == nullptr);
	uvmexp.free--;
	uvmexp.pgallocs++;
	pg->pg_flags = PG_BUSY;
	pg->uobject = obj;
	pg->offset = off;
	pg->uanon = anon;
	pg->wire_count = 0;
	pg->mdpage.pv_attrs = 0;
	if (flags & UVM_PGA_ZERO) {
		pmap_zero_page(pg);
		uvmexp.pga_zerohit++;
	}
	return pg;
}

/*
 * uvm_pagefree: put a page back on its free list.  It must have no
 * mappings left (the pmap's pv list is empty).
 * => O(1); may be called from interrupts.
 */
void
uvm_pagefree(struct vm_page *pg)
{
	if (pg->pg_flags & PQ_FREE)
		panic("uvm_pagefree: page 0x%lx freed twice", pg->phys_addr);
	KASSERT(pg->mdpage.pv_list == nullptr);
	if (pg->wire_count != 0) {
		uvmexp.wired--;
		pg->wire_count = 0;
	}
	pg->pg_flags = PQ_FREE;
	pg->uobject = nullptr;
	pg->uanon = nullptr;
	/* At the head: a page freed just now is likely still in the cache. */
	uvm_freelist[pg->free_list].insert_head(pg);
	uvmexp.nfreelist[pg->free_list]++;
	uvmexp.free++;
	uvmexp.pgfrees++;
}
