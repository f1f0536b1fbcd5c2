/*
 * uvm_map.cc: address space maps, the part the kernel needs now.
 *
 * A map is a list of entries [start, end), sorted and never overlapping;
 * what is not covered is free address space.  uvm_map_reserve() finds the
 * first gap that fits (first fit, honouring an alignment) and records it,
 * merging with the entry before when the two touch, so a kernel_map that
 * hands out page after page does not grow a list of single pages.
 * uvm_unmap() cuts a range out, splitting an entry when the range is in
 * its middle.
 *
 * Kernel map entries cannot come from malloc(9) or pool(9), which get
 * their own memory from kernel_map; like OpenBSD's "kentry" freelist they
 * come from a static array.  User maps (the user-space issue) will take
 * theirs from a pool and keep them in a tree as well as this list.
 * Mirrors the kernel-map parts of OpenBSD's sys/uvm/uvm_map.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>

#define NKENTRY		1024		/* kernel map entries, in all */
static struct vm_map_entry kentry_store[NKENTRY];
static struct vm_map_entry *kentry_free;	/* [M] chained via sub_map */
static bool kentry_ready;

static struct vm_map_entry *
uvm_mapent_alloc(void)
{
	if (!kentry_ready) {
		for (int i = 0; i < NKENTRY - 1; i++)
			kentry_store[i].sub_map =
			    (struct vm_map *)&kentry_store[i + 1];
		kentry_free = &kentry_store[0];
		kentry_ready = true;
	}
	struct vm_map_entry *e = kentry_free;
	if (e == nullptr)
		return nullptr;
	kentry_free = (struct vm_map_entry *)e->sub_map;
	memset(e, 0, sizeof(*e));
	uvmexp.kmapent++;
	return e;
}

static void
uvm_mapent_free(struct vm_map_entry *e)
{
	e->sub_map = (struct vm_map *)kentry_free;
	kentry_free = e;
	uvmexp.kmapent--;
}

/* uvm_map_setup: an empty map of [min, max). */
void
uvm_map_setup(struct vm_map *map, struct pmap *pmap, vaddr_t min,
    vaddr_t max, int flags, const char *name)
{
	map->pmap = pmap;
	map->entries.init();
	map->min_offset = min;
	map->max_offset = max;
	map->size = 0;
	map->nentries = 0;
	map->flags = flags;
	map->name = name;
}

/* The entry containing addr, or null. */
struct vm_map_entry *
uvm_map_lookup(struct vm_map *map, vaddr_t addr)
{
	for (struct vm_map_entry *e : map->entries) {
		if (addr < e->start)
			return nullptr;
		if (addr < e->end)
			return e;
	}
	return nullptr;
}

/*
 * uvm_map_reserve: find size bytes of free space (aligned to align, a
 * power of two or 0) and record them as in use.  *addrp: the address.
 * With UVM_FLAG_NOMERGE the range gets an entry of its own (a submap).
 * Returns 0, ENOMEM if no gap fits or no entry is left.
 * => may not sleep.
 */
int
uvm_map_reserve(struct vm_map *map, vsize_t size, vsize_t align, int flags,
    vaddr_t *addrp)
{
	struct vm_map_entry *prev = nullptr, *next;
	vaddr_t start = map->min_offset;

	if (align < PAGE_SIZE)
		align = PAGE_SIZE;
	size = round_page(size);
	if (size == 0)
		return EINVAL;

	/* First fit: the gap after prev ends where next begins. */
	for (next = map->entries.first();; next = map->entries.next(next)) {
		vaddr_t gap_end = next ? next->start : map->max_offset;
		start = (prev ? prev->end : map->min_offset);
		start = (start + align - 1) & ~(align - 1);
		if (start >= (prev ? prev->end : map->min_offset) &&
		    start <= gap_end && gap_end - start >= size)
			break;
		if (next == nullptr)
			return ENOMEM;
		prev = next;
	}

	if (prev != nullptr && prev->end == start && prev->sub_map == nullptr &&
	    !(flags & UVM_FLAG_NOMERGE)) {
		prev->end += size;			/* grow the neighbour */
	} else {
		struct vm_map_entry *e = uvm_mapent_alloc();
		if (e == nullptr)
			return ENOMEM;
		e->start = start;
		e->end = start + size;
		e->protection = PROT_READ | PROT_WRITE;
		if (prev != nullptr)
			map->entries.insert_after(prev, e);
		else
			map->entries.insert_head(e);
		map->nentries++;
	}
	map->size += size;
	*addrp = start;
	return 0;
}

/*
 * uvm_unmap: forget [start, end), which must lie in entries of the map.
 * The caller has removed the pages (uvm_km_free).
 */
void
uvm_unmap(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	struct vm_map_entry *e = uvm_map_lookup(map, start);

	if (e == nullptr || end > e->end)
		panic("uvm_unmap: %s: 0x%lx-0x%lx is not mapped", map->name,
		    start, end);
	map->size -= end - start;
	if (start == e->start && end == e->end) {
		map->entries.remove(e);
		map->nentries--;
		uvm_mapent_free(e);
	} else if (start == e->start) {
		e->start = end;
	} else if (end == e->end) {
		e->end = start;
	} else {
		/* The middle: split in two. */
		struct vm_map_entry *tail = uvm_mapent_alloc();
		if (tail == nullptr)
			panic("uvm_unmap: out of kernel map entries");
		*tail = *e;
		tail->link = {};
		tail->start = end;
		e->end = start;
		map->entries.insert_after(e, tail);
		map->nentries++;
	}
}
