/*
 * uvm_map.cc: address space maps.
 *
 * A map is a set of entries [start, end), never overlapping; what no
 * entry covers is free address space.  The entries are on a list sorted
 * by address (walking a range in order) and in a treap, a binary search
 * tree that stays balanced on average because each node also carries a
 * pseudo-random priority kept in heap order (children have lower
 * priorities than their parent).  Two operations do all the work:
 *
 *	split(t, key)	cut tree t into the nodes below key and the rest
 *	merge(a, b)	join two trees, every key of a below every key of b,
 *			putting the higher priority on top at each step
 *
 * Insert is split + merge + merge; remove replaces the node by the merge
 * of its children.  Lookup (uvm_map_lookup_entry) is a plain descent,
 * O(log n) expected.  OpenBSD uses a red-black tree here; the interface
 * is the same.
 *
 * Two kinds of maps share this code:
 *  - kernel maps (kernel_map, kmem_map): uvm_map_reserve() hands out
 *    first-fit ranges and merges each with its neighbour, uvm_unmap()
 *    cuts a range out of one entry.  Their entries come from a static
 *    array, because malloc(9) and pool(9) get their memory from
 *    kernel_map (OpenBSD's "kentry" freelist).  uvm_km.cc manages the
 *    pages.
 *  - user maps (VM_MAP_ISVMSPACE, inside a struct vmspace): uvm_map()
 *    records a mapping with its protection, inheritance, advice, amap and
 *    object; uvm_unmap() removes the range's pages from the pmap and
 *    drops the entries' references; uvm_map_protect(), _inherit() and
 *    _advice() change attributes, clipping entries so that the change
 *    covers exactly the range.  Pages arrive later, one fault at a time
 *    (uvm_fault.cc).  Entries come from a pool.
 *
 * Where a mapping without MAP_FIXED goes is uvm_addr.cc's business;
 * struct vmspace and fork are uvm_vmspace.cc's.  Mirrors OpenBSD's
 * sys/uvm/uvm_map.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/pool.h>
#include <machine/intr.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_amap.h>
#include <uvm/uvm_object.h>
#include <machine/pmap.h>

#define NKENTRY		1024		/* kernel map entries, in all */
static struct vm_map_entry kentry_store[NKENTRY];
static struct vm_map_entry *kentry_free;	/* [M] chained via sub_map */
static bool kentry_ready;
static struct pool uvm_map_entry_pool;		/* user map entries */

/* uvm_map_init: the pool of user map entries, once pool(9) works. */
void
uvm_map_init(void)
{
	pool_init(&uvm_map_entry_pool, sizeof(struct vm_map_entry), 0,
	    IPL_NONE, 0, "vmmpepl", nullptr);
}

/*
 * A treap priority for an entry: a hash of its address, which looks
 * random enough to the tree and needs no random number generator.
 */
static u_int32_t
uvm_mapent_prio(const struct vm_map_entry *e)
{
	u_int32_t h = (u_int32_t)(uintptr_t)e * 2654435761U;

	h ^= h >> 15;
	h *= 0x85ebca6bU;
	h ^= h >> 13;
	return h;
}

/*
 * uvm_mapent_alloc: a zeroed entry for map: from the static array for
 * kernel maps (null when it is used up), from the pool for user maps
 * (may sleep).
 */
struct vm_map_entry *
uvm_mapent_alloc(struct vm_map *map)
{
	struct vm_map_entry *e;

	if (map->flags & VM_MAP_ISVMSPACE) {
		e = (struct vm_map_entry *)pool_get(&uvm_map_entry_pool,
		    PR_WAITOK | PR_ZERO);
	} else {
		if (!kentry_ready) {
			for (int i = 0; i < NKENTRY - 1; i++)
				kentry_store[i].sub_map =
				    (struct vm_map *)&kentry_store[i + 1];
			kentry_free = &kentry_store[0];
			kentry_ready = true;
		}
		e = kentry_free;
		if (e == nullptr)
			return nullptr;
		kentry_free = (struct vm_map_entry *)e->sub_map;
		memset(e, 0, sizeof(*e));
		uvmexp.kmapent++;
	}
	e->addr_prio = uvm_mapent_prio(e);
	return e;
}

static void
uvm_mapent_free(struct vm_map *map, struct vm_map_entry *e)
{
	if (map->flags & VM_MAP_ISVMSPACE) {
		pool_put(&uvm_map_entry_pool, e);
		return;
	}
	e->sub_map = (struct vm_map *)kentry_free;
	kentry_free = e;
	uvmexp.kmapent--;
}

/* The treap: merge two trees, all of a below all of b. */
static struct vm_map_entry *
addr_merge(struct vm_map_entry *a, struct vm_map_entry *b)
{
	if (a == nullptr)
		return b;
	if (b == nullptr)
		return a;
	if (a->addr_prio > b->addr_prio) {
		a->addr_right = addr_merge(a->addr_right, b);
		return a;
	}
	b->addr_left = addr_merge(a, b->addr_left);
	return b;
}

/* The treap: split t into *lo (start < key) and *hi (start >= key). */
static void
addr_split(struct vm_map_entry *t, vaddr_t key, struct vm_map_entry **lo,
    struct vm_map_entry **hi)
{
	if (t == nullptr) {
		*lo = *hi = nullptr;
	} else if (t->start < key) {
		addr_split(t->addr_right, key, &t->addr_right, hi);
		*lo = t;
	} else {
		addr_split(t->addr_left, key, lo, &t->addr_left);
		*hi = t;
	}
}

/*
 * uvm_map_entry_link: put e into map after prev (null: first), on the
 * list and in the tree.  e must fit between its neighbours.
 */
void
uvm_map_entry_link(struct vm_map *map, struct vm_map_entry *prev,
    struct vm_map_entry *e)
{
	struct vm_map_entry *lo, *hi;

	if (prev != nullptr)
		map->entries.insert_after(prev, e);
	else
		map->entries.insert_head(e);
	e->addr_left = e->addr_right = nullptr;
	addr_split(map->addr_root, e->start, &lo, &hi);
	map->addr_root = addr_merge(addr_merge(lo, e), hi);
	map->nentries++;
}

/* uvm_map_entry_unlink: take e out of map's list and tree. */
static void
uvm_map_entry_unlink(struct vm_map *map, struct vm_map_entry *e)
{
	struct vm_map_entry **pp = &map->addr_root;

	while (*pp != e) {
		KASSERT(*pp != nullptr);
		pp = (e->start < (*pp)->start) ? &(*pp)->addr_left :
		    &(*pp)->addr_right;
	}
	*pp = addr_merge(e->addr_left, e->addr_right);
	map->entries.remove(e);
	map->nentries--;
}

/* uvm_map_setup: an empty map of [min, max). */
void
uvm_map_setup(struct vm_map *map, struct pmap *pmap, vaddr_t min,
    vaddr_t max, int flags, const char *name)
{
	map->pmap = pmap;
	map->entries.init();
	map->addr_root = nullptr;
	map->min_offset = min;
	map->max_offset = max;
	map->size = 0;
	map->nentries = 0;
	map->flags = flags;
	map->name = name;
	map->b_start = map->b_end = 0;
	map->s_start = map->s_end = 0;
}

/*
 * uvm_map_lookup_entry: find addr.  Returns true with *entryp the entry
 * containing addr; otherwise false with *entryp the last entry below
 * addr (null if none), the one a new entry at addr would follow.
 */
bool
uvm_map_lookup_entry(struct vm_map *map, vaddr_t addr,
    struct vm_map_entry **entryp)
{
	struct vm_map_entry *t = map->addr_root, *best = nullptr;

	while (t != nullptr) {
		if (t->start <= addr) {
			best = t;
			t = t->addr_right;
		} else {
			t = t->addr_left;
		}
	}
	*entryp = best;
	return best != nullptr && addr < best->end;
}

/* The entry containing addr, or null. */
struct vm_map_entry *
uvm_map_lookup(struct vm_map *map, vaddr_t addr)
{
	struct vm_map_entry *e;

	return uvm_map_lookup_entry(map, addr, &e) ? e : nullptr;
}

/* Is [start, end) inside the map and covered by no entry? */
bool
uvm_map_isfree(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	struct vm_map_entry *prev, *next;

	if (end <= start || start < map->min_offset || end > map->max_offset)
		return false;
	if (uvm_map_lookup_entry(map, start, &prev))
		return false;
	next = prev ? map->entries.next(prev) : map->entries.first();
	return next == nullptr || next->start >= end;
}

/*
 * uvm_map_reserve: find size bytes of free space in a kernel map
 * (aligned to align, a power of two or 0) and record them as in use.
 * *addrp: the address.  With UVM_FLAG_NOMERGE the range gets an entry
 * of its own (a submap).  Returns 0, ENOMEM if no gap fits or no entry
 * is left.
 * => may not sleep.
 */
int
uvm_map_reserve(struct vm_map *map, vsize_t size, vsize_t align, int flags,
    vaddr_t *addrp)
{
	struct vm_map_entry *prev = nullptr, *next;
	vaddr_t start = map->min_offset;

	KASSERT((map->flags & VM_MAP_ISVMSPACE) == 0);
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
		struct vm_map_entry *e = uvm_mapent_alloc(map);
		if (e == nullptr)
			return ENOMEM;
		e->start = start;
		e->end = start + size;
		e->protection = e->max_protection = PROT_READ | PROT_WRITE;
		uvm_map_entry_link(map, prev, e);
	}
	map->size += size;
	*addrp = start;
	return 0;
}

/*
 * uvm_unmap_kernel: forget [start, end) of a kernel map, which must lie
 * in one entry.  The caller has removed the pages (uvm_km_free).
 */
static void
uvm_unmap_kernel(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	struct vm_map_entry *e = uvm_map_lookup(map, start);

	if (e == nullptr || end > e->end)
		panic("uvm_unmap: %s: 0x%lx-0x%lx is not mapped", map->name,
		    start, end);
	map->size -= end - start;
	if (start == e->start && end == e->end) {
		uvm_map_entry_unlink(map, e);
		uvm_mapent_free(map, e);
	} else if (start == e->start) {
		e->start = end;		/* keeps its place in the tree */
	} else if (end == e->end) {
		e->end = start;
	} else {
		/* The middle: split in two. */
		struct vm_map_entry *tail = uvm_mapent_alloc(map);
		if (tail == nullptr)
			panic("uvm_unmap: out of kernel map entries");
		tail->start = end;
		tail->end = e->end;
		tail->protection = e->protection;
		tail->max_protection = e->max_protection;
		tail->sub_map = e->sub_map;
		e->end = start;
		uvm_map_entry_link(map, e, tail);
	}
}

/*
 * The references an entry holds, taken for a copy of it (clipping) or
 * dropped when it goes.
 */
static void
uvm_mapent_addref(struct vm_map_entry *e)
{
	if (e->aref.ar_amap != nullptr)
		amap_ref(e->aref.ar_amap, 0);
	if (e->object != nullptr)
		e->object->pgops->pgo_reference(e->object);
}

static void
uvm_mapent_unref(struct vm_map_entry *e)
{
	if (e->aref.ar_amap != nullptr)
		amap_unref(e->aref.ar_amap);
	if (e->object != nullptr)
		e->object->pgops->pgo_detach(e->object);
	e->aref.ar_amap = nullptr;
	e->object = nullptr;
}

/* A copy of e (attributes and references), not linked anywhere. */
struct vm_map_entry *
uvm_mapent_clone(struct vm_map *map, const struct vm_map_entry *e)
{
	struct vm_map_entry *n = uvm_mapent_alloc(map);
	u_int32_t prio = n->addr_prio;

	*n = *e;
	n->link = {};
	n->addr_left = n->addr_right = nullptr;
	n->addr_prio = prio;
	uvm_mapent_addref(n);
	return n;
}

/*
 * uvm_map_clip_start: make addr the start of an entry: e, which contains
 * it, is cut in two, the part below addr becoming a new entry.  Both
 * parts keep referring to the same amap (at their own slots) and object
 * (at their own offsets).
 * => user maps only; may sleep (entry allocation).
 */
void
uvm_map_clip_start(struct vm_map *map, struct vm_map_entry *e, vaddr_t addr)
{
	if (addr <= e->start)
		return;
	KASSERT(addr < e->end);
	struct vm_map_entry *n = uvm_mapent_clone(map, e);
	vsize_t delta = addr - e->start;

	n->end = addr;
	e->offset += delta;
	e->aref.ar_pageoff += atop(delta);
	e->start = addr;		/* still between its neighbours */
	uvm_map_entry_link(map, map->entries.prev(e), n);
}

/* uvm_map_clip_end: make addr the end of an entry; see clip_start. */
void
uvm_map_clip_end(struct vm_map *map, struct vm_map_entry *e, vaddr_t addr)
{
	if (addr >= e->end)
		return;
	KASSERT(addr > e->start);
	struct vm_map_entry *n = uvm_mapent_clone(map, e);
	vsize_t delta = addr - e->start;

	n->start = addr;
	n->offset += delta;
	n->aref.ar_pageoff += atop(delta);
	e->end = addr;
	uvm_map_entry_link(map, e, n);
}

/*
 * The first entry that ends above start, clipped to begin at start if
 * it contains it; null when there is none.
 */
static struct vm_map_entry *
uvm_map_first_in(struct vm_map *map, vaddr_t start, bool clip)
{
	struct vm_map_entry *e;

	if (uvm_map_lookup_entry(map, start, &e)) {
		if (clip)
			uvm_map_clip_start(map, e, start);
		return e;
	}
	return e ? map->entries.next(e) : map->entries.first();
}

/*
 * uvm_map: record a mapping of size bytes in the user map map, backed by
 * uobj at uoffset (or anonymous memory when uobj is null); flags come
 * from UVM_MAPFLAG(prot, maxprot, inherit, advice, UVM_FLAG_*).
 * With UVM_FLAG_FIXED the mapping goes at *addr (UVM_FLAG_UNMAP: replacing
 * whatever is there; without it that is ENOMEM); otherwise
 * uvm_map_findspace() places it, taking *addr as a hint.  *addr: where
 * it went.  No page is mapped: faults bring them in.
 * UVM_FLAG_COPYONW makes the mapping private (copy-on-write, its amap
 * made on the first fault); UVM_FLAG_OVERLAY gives it an amap now (a
 * shared anonymous mapping needs one to share).
 * The mapping takes over the caller's reference to uobj; on failure the
 * caller keeps it.  Returns 0, EINVAL, EACCES (prot above maxprot),
 * ENOMEM (no room, or no memory for the amap).
 * => process context; may sleep.
 */
int
uvm_map(struct vm_map *map, vaddr_t *addr, vsize_t size,
    struct uvm_object *uobj, voff_t uoffset, vsize_t align, int flags)
{
	vm_prot_t prot = UVM_PROTECTION(flags);
	vm_prot_t maxprot = UVM_MAXPROTECTION(flags);
	struct vm_map_entry *prev, *e;
	vaddr_t start;
	int error, etype = 0;

	KASSERT(map->flags & VM_MAP_ISVMSPACE);
	size = round_page(size);
	if (size == 0)
		return EINVAL;
	if ((prot & maxprot) != prot)
		return EACCES;
	if (flags & UVM_FLAG_FIXED) {
		start = *addr;
		if (start & PAGE_MASK)
			return EINVAL;
		if (start < map->min_offset || start + size < start ||
		    start + size > map->max_offset)
			return ENOMEM;
		if (!uvm_map_isfree(map, start, start + size)) {
			if (!(flags & UVM_FLAG_UNMAP))
				return ENOMEM;
			uvm_unmap(map, start, start + size);
		}
	} else {
		error = uvm_map_findspace(map, *addr, size, align, flags,
		    &start);
		if (error != 0)
			return error;
	}

	if (uobj != nullptr)
		etype |= UVM_ET_OBJ;
	if (flags & UVM_FLAG_COPYONW)
		etype |= UVM_ET_COPYONWRITE | UVM_ET_NEEDSCOPY;
	if (flags & UVM_FLAG_STACK)
		etype |= UVM_ET_STACK;

	/*
	 * Grow the entry below instead of adding one when both are
	 * anonymous memory without an amap yet and alike in every other
	 * respect: brk(2) growing page by page keeps one entry.
	 */
	(void)uvm_map_lookup_entry(map, start, &prev);
	if (prev != nullptr && prev->end == start && uobj == nullptr &&
	    prev->object == nullptr && prev->aref.ar_amap == nullptr &&
	    !(flags & (UVM_FLAG_NOMERGE | UVM_FLAG_OVERLAY)) &&
	    prev->etype == etype && prev->protection == prot &&
	    prev->max_protection == maxprot &&
	    prev->inheritance == UVM_INHERIT(flags) &&
	    prev->advice == UVM_ADVICE(flags) && prev->wired_count == 0) {
		prev->end += size;
		map->size += size;
		*addr = start;
		return 0;
	}

	e = uvm_mapent_alloc(map);
	e->start = start;
	e->end = start + size;
	e->object = uobj;
	e->offset = uobj != nullptr ? uoffset : 0;
	e->etype = etype;
	e->protection = prot;
	e->max_protection = maxprot;
	e->inheritance = UVM_INHERIT(flags);
	e->advice = UVM_ADVICE(flags);
	if (flags & UVM_FLAG_OVERLAY) {
		e->aref.ar_amap = amap_alloc(size);
		if (e->aref.ar_amap == nullptr) {
			uvm_mapent_free(map, e);
			return ENOMEM;
		}
		e->etype &= ~UVM_ET_NEEDSCOPY;
	}
	uvm_map_entry_link(map, prev, e);
	map->size += size;
	*addr = start;
	return 0;
}

/*
 * uvm_unmap: remove every mapping in [start, end).
 * Kernel maps: forget the addresses of [start, end), which lie in one
 * entry; the caller has removed the pages (uvm_km_free).
 * User maps: the range may span entries and holes; the pages leave the
 * pmap and the entries drop their amap and object references (the last
 * reference frees the anons, or writes the object back).
 * => process context for user maps; may sleep.
 */
void
uvm_unmap(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	if (!(map->flags & VM_MAP_ISVMSPACE)) {
		uvm_unmap_kernel(map, start, end);
		return;
	}
	if (start >= end)
		return;
	struct vm_map_entry *e = uvm_map_first_in(map, start, true);
	while (e != nullptr && e->start < end) {
		uvm_map_clip_end(map, e, end);
		struct vm_map_entry *next = map->entries.next(e);
		pmap_remove(map->pmap, e->start, e->end);
		uvm_map_entry_unlink(map, e);
		map->size -= e->end - e->start;
		uvm_mapent_unref(e);
		uvm_mapent_free(map, e);
		e = next;
	}
}

/*
 * Every byte of [start, end) is mapped: 0, or ENOMEM at the first hole
 * (mprotect(2) and msync(2) report holes that way).
 */
static int
uvm_map_covered(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	struct vm_map_entry *e;
	vaddr_t va = start;

	if (start >= end)
		return 0;
	if (!uvm_map_lookup_entry(map, start, &e))
		return ENOMEM;
	for (; e != nullptr && va < end; e = map->entries.next(e)) {
		if (e->start > va)
			return ENOMEM;
		va = e->end;
	}
	return va >= end ? 0 : ENOMEM;
}

/*
 * uvm_map_checkprot: may all of [start, end) be accessed with prot?
 * 0, EACCES, or ENOMEM if part of it is not mapped.
 */
int
uvm_map_checkprot(struct vm_map *map, vaddr_t start, vaddr_t end,
    vm_prot_t prot)
{
	int error = uvm_map_covered(map, start, end);

	if (error != 0)
		return error;
	for (struct vm_map_entry *e = uvm_map_first_in(map, start, false);
	    e != nullptr && e->start < end; e = map->entries.next(e))
		if ((e->protection & prot) != prot)
			return EACCES;
	return 0;
}

/*
 * uvm_map_protect: set the protection of [start, end) to new_prot (or,
 * with set_max, the max protection, cutting the protection down to it).
 * Returns 0, ENOMEM (a hole in the range), EACCES (new_prot above an
 * entry's max protection); nothing changes on failure.  Taking rights
 * away takes them from the pmap at once; granting them is left to the
 * next fault.
 * => process context; may sleep.
 */
int
uvm_map_protect(struct vm_map *map, vaddr_t start, vaddr_t end,
    vm_prot_t new_prot, bool set_max)
{
	int error = uvm_map_covered(map, start, end);

	if (error != 0)
		return error;
	for (struct vm_map_entry *e = uvm_map_first_in(map, start, false);
	    e != nullptr && e->start < end; e = map->entries.next(e))
		if (!set_max && (new_prot & e->max_protection) != new_prot)
			return EACCES;

	for (struct vm_map_entry *e = uvm_map_first_in(map, start, true);
	    e != nullptr && e->start < end; e = map->entries.next(e)) {
		uvm_map_clip_end(map, e, end);
		vm_prot_t old = e->protection;
		if (set_max) {
			e->max_protection = new_prot;
			e->protection &= new_prot;
		} else {
			e->protection = new_prot;
		}
		if ((old & ~e->protection) != 0)
			pmap_protect(map->pmap, e->start, e->end,
			    e->protection);
	}
	return 0;
}

/*
 * uvm_map_inherit: what fork does with the mappings of [start, end)
 * (MAP_INHERIT_*); holes are skipped.  0 or EINVAL.
 */
int
uvm_map_inherit(struct vm_map *map, vaddr_t start, vaddr_t end,
    vm_inherit_t new_inheritance)
{
	if (new_inheritance < MAP_INHERIT_SHARE ||
	    new_inheritance > MAP_INHERIT_ZERO)
		return EINVAL;
	for (struct vm_map_entry *e = uvm_map_first_in(map, start, true);
	    e != nullptr && e->start < end; e = map->entries.next(e)) {
		uvm_map_clip_end(map, e, end);
		e->inheritance = new_inheritance;
	}
	return 0;
}

/*
 * uvm_map_advice: record how [start, end) will be used (MADV_NORMAL,
 * _RANDOM, _SEQUENTIAL).  Nothing acts on it yet (XXX no read-ahead or
 * pageout to steer).  0 or EINVAL.
 */
int
uvm_map_advice(struct vm_map *map, vaddr_t start, vaddr_t end,
    int new_advice)
{
	if (new_advice != MADV_NORMAL && new_advice != MADV_RANDOM &&
	    new_advice != MADV_SEQUENTIAL)
		return EINVAL;
	for (struct vm_map_entry *e = uvm_map_first_in(map, start, true);
	    e != nullptr && e->start < end; e = map->entries.next(e)) {
		uvm_map_clip_end(map, e, end);
		e->advice = new_advice;
	}
	return 0;
}

/*
 * uvm_map_clean: msync(2): write the modified object pages of
 * [start, end) back to their files (flags: MS_*).  Anonymous memory has
 * nowhere to go.  0, ENOMEM (a hole), or the pager's error.
 * => process context; may sleep.
 */
int
uvm_map_clean(struct vm_map *map, vaddr_t start, vaddr_t end, int flags)
{
	int error = uvm_map_covered(map, start, end);

	if (error != 0)
		return error;
	for (struct vm_map_entry *e = uvm_map_first_in(map, start, false);
	    e != nullptr && e->start < end; e = map->entries.next(e)) {
		if (e->object == nullptr || UVM_ET_ISCOPYONWRITE(e))
			continue;
		vaddr_t s = start > e->start ? start : e->start;
		vaddr_t t = end < e->end ? end : e->end;
		error = e->object->pgops->pgo_put(e->object,
		    e->offset + (s - e->start), e->offset + (t - e->start),
		    flags);
		if (error != 0)
			return error;
	}
	return 0;
}

/* Check the tree below t: order, heap priorities; count its nodes. */
static int
uvm_map_check_tree(struct vm_map_entry *t, vaddr_t lo, vaddr_t hi, int *n,
    int (*pr)(const char *, ...))
{
	if (t == nullptr)
		return 0;
	int bad = 0;
	(*n)++;
	if (t->start < lo || t->start >= hi)
		bad += pr("uvm_map_check: entry 0x%lx out of tree order\n",
		    t->start) >= 0;
	if ((t->addr_left && t->addr_left->addr_prio > t->addr_prio) ||
	    (t->addr_right && t->addr_right->addr_prio > t->addr_prio))
		bad += pr("uvm_map_check: heap order broken at 0x%lx\n",
		    t->start) >= 0;
	bad += uvm_map_check_tree(t->addr_left, lo, t->start, n, pr);
	bad += uvm_map_check_tree(t->addr_right, t->start + 1, hi, n, pr);
	return bad;
}

/*
 * uvm_map_check: cross-check a map: the list sorted and without
 * overlaps, inside the map, the tree holding the same entries in order,
 * the counts right.  Returns how many problems it printed (for tests
 * and ddb).
 */
int
uvm_map_check(struct vm_map *map, int (*pr)(const char *, ...))
{
	int bad = 0, n = 0, ntree = 0;
	vsize_t size = 0;
	vaddr_t prev_end = map->min_offset;

	for (struct vm_map_entry *e : map->entries) {
		n++;
		size += e->end - e->start;
		if (e->start >= e->end || e->start < prev_end ||
		    e->end > map->max_offset)
			bad += pr("uvm_map_check: %s: bad entry 0x%lx-0x%lx\n",
			    map->name, e->start, e->end) >= 0;
		if (uvm_map_lookup(map, e->start) != e ||
		    uvm_map_lookup(map, e->end - 1) != e)
			bad += pr("uvm_map_check: lookup misses 0x%lx\n",
			    e->start) >= 0;
		prev_end = e->end;
	}
	bad += uvm_map_check_tree(map->addr_root, 0, ~(vaddr_t)0, &ntree, pr);
	if (n != map->nentries || ntree != n)
		bad += pr("uvm_map_check: %d on the list, %d in the tree, "
		    "nentries %d\n", n, ntree, map->nentries) >= 0;
	if (size != map->size)
		bad += pr("uvm_map_check: size %lu, entries add up to %lu\n",
		    map->size, size) >= 0;
	return bad;
}
