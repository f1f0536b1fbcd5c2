/*
 * uvm_stub.cc: a stand-in for uvm_km on the host, for the tests of
 * malloc(9) and pool(9).
 *
 * Those allocators take whole pages from uvm_km_kmemalloc() and give them
 * back with uvm_km_free(); malloc(9) also needs kmem_map's range to find
 * the record of each page.  Here "kernel virtual memory" is one aligned
 * block from the host, 64 MiB carved into 4 KiB pages with a bitmap, and
 * the tests can make it run dry (uvm_stub_set_limit) to exercise
 * exhaustion.  Only the functions those allocators call are provided.
 */
#include <cstdlib>
#include <cstring>
#include <vector>

#include <sys/param.h>
#include <sys/systm.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>

#include "uvm_stub.h"

namespace {

constexpr size_t STUB_PAGES = 16384;		/* 64 MiB */
char *stub_base;
std::vector<bool> stub_used(STUB_PAGES);
size_t stub_inuse, stub_limit = STUB_PAGES;

struct vm_map stub_kernel_map, stub_kmem_map;

void
stub_init()
{
	if (stub_base != nullptr)
		return;
	stub_base = (char *)aligned_alloc(PAGE_SIZE, STUB_PAGES * PAGE_SIZE);
	stub_kernel_map.min_offset = (vaddr_t)stub_base;
	stub_kernel_map.max_offset = (vaddr_t)stub_base + STUB_PAGES * PAGE_SIZE;
	stub_kernel_map.name = "kernel_map (host stub)";
	stub_kmem_map.min_offset = stub_kernel_map.min_offset;
	stub_kmem_map.max_offset = stub_kernel_map.max_offset;
	stub_kmem_map.name = "kmem_map (host stub)";
}

} // namespace

struct uvmexp uvmexp;
struct vm_map *kernel_map = &stub_kernel_map;
struct vm_map *kmem_map = &stub_kmem_map;

/* Reset: every page free, no limit.  Memory handed out before is lost. */
void
uvm_stub_reset(void)
{
	stub_init();
	std::fill(stub_used.begin(), stub_used.end(), false);
	stub_inuse = 0;
	stub_limit = STUB_PAGES;
}

void
uvm_stub_set_limit(size_t pages)
{
	stub_init();
	stub_limit = pages;
}

size_t
uvm_stub_pages_in_use(void)
{
	return stub_inuse;
}

/* First fit of npages contiguous pages; 0 if none (or over the limit). */
vaddr_t
uvm_km_kmemalloc(struct vm_map *, struct uvm_object *, vsize_t size,
    int flags)
{
	stub_init();
	size_t n = round_page(size) / PAGE_SIZE;
	if (n == 0 || stub_inuse + n > stub_limit)
		goto fail;
	for (size_t i = 0; i + n <= STUB_PAGES; i++) {
		size_t j = 0;
		while (j < n && !stub_used[i + j])
			j++;
		if (j == n) {
			for (j = 0; j < n; j++)
				stub_used[i + j] = true;
			stub_inuse += n;
			char *va = stub_base + i * PAGE_SIZE;
			/* Fresh pages hold garbage, as real ones may. */
			memset(va, (flags & UVM_KMF_ZERO) ? 0 : 0xa5,
			    n * PAGE_SIZE);
			return (vaddr_t)va;
		}
		i += j;
	}
fail:
	if (flags & (UVM_KMF_NOWAIT | UVM_KMF_CANFAIL))
		return 0;
	panic("uvm_km_kmemalloc (host stub): out of memory");
}

vaddr_t
uvm_km_alloc(struct vm_map *map, vsize_t size)
{
	return uvm_km_kmemalloc(map, nullptr, size, UVM_KMF_ZERO);
}

vaddr_t
uvm_km_zalloc(struct vm_map *map, vsize_t size)
{
	return uvm_km_kmemalloc(map, nullptr, size, UVM_KMF_ZERO);
}

void
uvm_km_free(struct vm_map *, vaddr_t addr, vsize_t size)
{
	size_t first = (addr - (vaddr_t)stub_base) / PAGE_SIZE;
	size_t n = round_page(size) / PAGE_SIZE;

	if (addr < (vaddr_t)stub_base || first + n > STUB_PAGES)
		panic("uvm_km_free (host stub): 0x%lx not from the stub",
		    (unsigned long)addr);
	for (size_t i = 0; i < n; i++) {
		if (!stub_used[first + i])
			panic("uvm_km_free (host stub): page %zu not in use",
			    first + i);
		stub_used[first + i] = false;
		/* Poison: a use after free reads garbage, as it would. */
		memset(stub_base + (first + i) * PAGE_SIZE, 0xdf, PAGE_SIZE);
	}
	stub_inuse -= n;
}

/*
 * The whole stub range serves as the submap; size is honoured by
 * uvm_stub_set_limit() if a test wants a smaller one.
 */
struct vm_map *
uvm_km_suballoc(struct vm_map *, vaddr_t *min, vaddr_t *max, vsize_t,
    int flags, bool, struct vm_map *submap)
{
	stub_init();
	*min = stub_kernel_map.min_offset;
	*max = stub_kernel_map.max_offset;
	if (submap == nullptr)
		submap = &stub_kmem_map;
	submap->min_offset = *min;
	submap->max_offset = *max;
	submap->flags = flags;
	submap->name = "kmem_map (host stub)";
	return submap;
}
