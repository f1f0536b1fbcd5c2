/*
 * uvm_km.cc: kernel virtual memory.
 *
 * kernel_map covers the kernel's part of every address space, from
 * KERNBASE to the alternate page-table window.  The kernel image and the
 * boot-time allocations at its start are recorded as in use; the rest is
 * handed out by these functions, in whole pages:
 *
 *	uvm_km_alloc(map, size)		wired, zeroed memory; waits
 *	uvm_km_alloc1(map, size, align, zeroit)
 *	uvm_km_kmemalloc(map, obj, size, flags)
 *		flags: UVM_KMF_NOWAIT / UVM_KMF_CANFAIL return 0 instead of
 *		waiting, UVM_KMF_ZERO zeroes, UVM_KMF_VALLOC reserves
 *		addresses only
 *	uvm_km_valloc(map, size)	addresses only
 *	uvm_km_free(map, addr, size)	gives back addresses and pages
 *	uvm_km_suballoc(...)		a submap: kmem_map for malloc(9)
 *
 * Pages are mapped with pmap_kenter_pa (unmanaged: kernel memory is never
 * paged out) and wired.  "Waits" is a promise for later: until the
 * scheduler exists there is nobody to wait for, so an allocation that may
 * not fail panics when memory is gone (XXX: uvm_wait()).
 * Mirrors OpenBSD's sys/uvm/uvm_km.c (the pre-km_alloc interface).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>

static struct vm_map kernel_map_store;
struct vm_map *kernel_map;			/* [I] */
struct vm_map *kmem_map;			/* [I] set by kmeminit */

/*
 * uvm_km_init: set up kernel_map over [VM_MIN_KERNEL_ADDRESS, end), the
 * part below start already used by the kernel image and boot allocations.
 * => called once from uvm_init().
 */
void
uvm_km_init(vaddr_t start, vaddr_t end)
{
	vaddr_t va;

	uvm_map_setup(&kernel_map_store, pmap_kernel(), VM_MIN_KERNEL_ADDRESS,
	    end, 0, "kernel_map");
	kernel_map = &kernel_map_store;
	if (uvm_map_reserve(kernel_map, start - VM_MIN_KERNEL_ADDRESS, 0, 0,
	    &va) != 0 || va != VM_MIN_KERNEL_ADDRESS)
		panic("uvm_km_init: cannot reserve the kernel image");
}

/* The map that owns addresses: a submap's, if va falls in one. */
static struct vm_map *
uvm_km_owner(struct vm_map *map, vaddr_t va)
{
	struct vm_map_entry *e = uvm_map_lookup(map, va);

	return (e != nullptr && e->sub_map != nullptr) ? e->sub_map : map;
}

/* Unmap and free the pages of [va, va + size) that have any. */
static void
uvm_km_pgremove(vaddr_t va, vsize_t size)
{
	for (vaddr_t end = va + size; va < end; va += PAGE_SIZE) {
		paddr_t pa;
		if (!pmap_extract(pmap_kernel(), va, &pa))
			continue;
		pmap_kremove(va, PAGE_SIZE);
		struct vm_page *pg = PHYS_TO_VM_PAGE(pa);
		if (pg != nullptr)
			uvm_pagefree(pg);
	}
}

/*
 * The worker behind all the allocators: size bytes (rounded to pages) of
 * kernel memory in map, aligned to align (0: a page); see the flags
 * above.  Returns the address, or 0 if it failed and the flags allow
 * failure (everything is undone then).
 * => may not be called from interrupts without UVM_KMF_NOWAIT.
 */
static vaddr_t
uvm_km_alloc1_flags(struct vm_map *map, vsize_t size, vsize_t align,
    int flags)
{
	bool canfail = flags & (UVM_KMF_NOWAIT | UVM_KMF_CANFAIL);
	vaddr_t va;

	size = round_page(size);
	/*
	 * Do not start what cannot finish: the kernel page tables grown
	 * for a range are never given back, so a doomed request would
	 * cost memory even though it fails.
	 */
	if (canfail && !(flags & UVM_KMF_VALLOC) &&
	    atop(size) > (vsize_t)(uvmexp.free - uvmexp.reserve_kernel))
		return 0;
	if (uvm_map_reserve(map, size, align, 0, &va) != 0) {
		if (canfail)
			return 0;
		panic("uvm_km_kmemalloc: %s is full (%lu bytes wanted)",
		    map->name, size);
	}
	pmap_growkernel(va + size);
	if (flags & UVM_KMF_VALLOC)
		return va;

	for (vsize_t off = 0; off < size; off += PAGE_SIZE) {
		struct vm_page *pg = uvm_pagealloc(nullptr, 0, nullptr,
		    (flags & UVM_KMF_ZERO) ? UVM_PGA_ZERO : 0);
		if (pg == nullptr) {
			uvm_km_pgremove(va, off);
			uvm_unmap(map, va, va + size);
			if (canfail)
				return 0;
			/* XXX uvm_wait() once there is a pagedaemon. */
			panic("uvm_km_kmemalloc: out of physical memory");
		}
		pg->wire_count = 1;
		uvmexp.wired++;
		pmap_kenter_pa(va + off, VM_PAGE_TO_PHYS(pg),
		    PROT_READ | PROT_WRITE);
	}
	pmap_update(pmap_kernel());
	return va;
}

vaddr_t
uvm_km_kmemalloc(struct vm_map *map, struct uvm_object *obj, vsize_t size,
    int flags)
{
	return uvm_km_alloc1_flags(map, size, 0, flags);
}

vaddr_t
uvm_km_alloc1(struct vm_map *map, vsize_t size, vsize_t align, bool zeroit)
{
	return uvm_km_alloc1_flags(map, size, align, zeroit ? UVM_KMF_ZERO : 0);
}

vaddr_t
uvm_km_alloc(struct vm_map *map, vsize_t size)
{
	return uvm_km_alloc1_flags(map, size, 0, UVM_KMF_ZERO);
}

vaddr_t
uvm_km_zalloc(struct vm_map *map, vsize_t size)
{
	return uvm_km_alloc1_flags(map, size, 0, UVM_KMF_ZERO);
}

vaddr_t
uvm_km_valloc(struct vm_map *map, vsize_t size)
{
	return uvm_km_alloc1_flags(map, size, 0, UVM_KMF_VALLOC);
}

/*
 * uvm_km_free: give back [addr, addr + size): its pages, if it has any,
 * and its addresses.  addr may be in a submap of map.
 */
void
uvm_km_free(struct vm_map *map, vaddr_t addr, vsize_t size)
{
	size = round_page(size);
	map = uvm_km_owner(map, addr);
	uvm_km_pgremove(addr, size);
	uvm_unmap(map, addr, addr + size);
}

/*
 * uvm_km_suballoc: reserve size bytes of map for a submap (kmem_map) and
 * set submap up over them.  *min, *max: the range.  fixed is unused (the
 * range is always chosen here).  Returns submap.
 */
struct vm_map *
uvm_km_suballoc(struct vm_map *map, vaddr_t *min, vaddr_t *max, vsize_t size,
    int flags, bool fixed, struct vm_map *submap)
{
	vaddr_t va;

	size = round_page(size);
	if (uvm_map_reserve(map, size, 0, UVM_FLAG_NOMERGE, &va) != 0)
		panic("uvm_km_suballoc: %s has no %lu bytes", map->name, size);
	pmap_growkernel(va + size);
	uvm_map_lookup(map, va)->sub_map = submap;
	uvm_map_setup(submap, map->pmap, va, va + size, flags, "submap");
	*min = va;
	*max = va + size;
	return submap;
}
