/*
 * uvm_amap.cc: amaps, the arrays of anons behind anonymous memory.
 *
 * An amap has one slot per page of the entries that use it; an entry
 * reaches its slots through its vm_aref (amap, first slot), so entries
 * cut from one mapping by munmap or mprotect share one amap at different
 * slots.  am_ref counts the entries; AMAP_SHARED marks an amap shared on
 * purpose (MAP_INHERIT_SHARE, MAP_SHARED anonymous memory), whose anons
 * must stay the same for everyone.
 *
 * The copy-on-write dance across fork (see uvm_amap.h and
 * docs/2-memory.md):
 *
 *   fork:          parent entry --+                    both entries are
 *                                 +--> amap [a0 a1 a2]  "needs copy"
 *   child entry ------------------+
 *
 *   first write    parent entry ----> amap  [a0 a1 a2]  a0..a2 now have
 *   fault in the                                        two references,
 *   child:         child entry -----> amap' [a0 a1 a2]  so a write to
 *                                     (amap_copy)       either copies the
 *                                                       page (case 1B)
 *
 * Mirrors OpenBSD's sys/uvm/uvm_amap.c as it was before amaps were cut
 * into chunks (the used-slot list am_slots/am_bckptr is from then), and
 * without its per-page reference counts (am_ppref).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/pool.h>
#include <machine/intr.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_amap.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>

static struct pool uvm_amap_pool;

/* Bytes per slot: the anon pointer, and its places in the slot lists. */
#define AMAP_SLOTBYTES	(sizeof(struct vm_anon *) + 2 * sizeof(int))

/* amap_init: the pool of amaps.  => called from uvm_init(). */
void
amap_init(void)
{
	pool_init(&uvm_amap_pool, sizeof(struct vm_amap), 0, IPL_NONE, 0,
	    "amappl", nullptr);
}

/*
 * amap_alloc: an empty amap for size bytes (whole pages), one reference;
 * null if there is no memory.
 * => may not sleep.
 */
struct vm_amap *
amap_alloc(vsize_t size)
{
	int nslot = atop(round_page(size));
	struct vm_amap *amap = (struct vm_amap *)pool_get(&uvm_amap_pool,
	    PR_NOWAIT | PR_ZERO);

	if (amap == nullptr)
		return nullptr;
	/* One allocation for the three arrays; only the slots need zeroes. */
	amap->am_anon = (struct vm_anon **)malloc(nslot * AMAP_SLOTBYTES,
	    M_UVMAMAP, M_NOWAIT);
	if (amap->am_anon == nullptr) {
		pool_put(&uvm_amap_pool, amap);
		return nullptr;
	}
	memset(amap->am_anon, 0, nslot * sizeof(amap->am_anon[0]));
	amap->am_slots = (int *)(amap->am_anon + nslot);
	amap->am_bckptr = amap->am_slots + nslot;
	amap->am_ref = 1;
	amap->am_nslot = nslot;
	return amap;
}

/* amap_free: the last reference is gone: drop the anons, free it all. */
static void
amap_free(struct vm_amap *amap)
{
	for (int i = 0; i < amap->am_nused; i++)
		uvm_anon_unref(amap->am_anon[amap->am_slots[i]]);
	free(amap->am_anon, M_UVMAMAP, amap->am_nslot * AMAP_SLOTBYTES);
	pool_put(&uvm_amap_pool, amap);
}

/* Record slot (just filled) as in use. */
static void
amap_slot_used(struct vm_amap *amap, int slot)
{
	amap->am_bckptr[slot] = amap->am_nused;
	amap->am_slots[amap->am_nused++] = slot;
}

/* Record slot (just emptied) as free: the last in-use slot takes its place. */
static void
amap_slot_free(struct vm_amap *amap, int slot)
{
	int at = amap->am_bckptr[slot];
	int last = amap->am_slots[--amap->am_nused];

	amap->am_slots[at] = last;
	amap->am_bckptr[last] = at;
}

/* amap_ref: one more entry refers to amap (flags: AMAP_SHARED or 0). */
void
amap_ref(struct vm_amap *amap, int flags)
{
	amap->am_ref++;
	amap->am_flags |= flags;
}

/* amap_unref: one entry less; the last one frees the amap and anons. */
void
amap_unref(struct vm_amap *amap)
{
	KASSERT(amap->am_ref > 0);
	if (--amap->am_ref == 0) {
		amap_free(amap);
		return;
	}
	/* Alone again: nobody left to share with. */
	if (amap->am_ref == 1)
		amap->am_flags &= ~AMAP_SHARED;
}

/*
 * amap_copy: give entry (of map) an amap of its own, clearing "needs
 * copy": a new empty amap if it had none; nothing more if its amap has
 * no other reference; otherwise a new amap whose slots point at the same
 * anons, each anon gaining a reference (so the pages are shared
 * copy-on-write until written).  Returns 0 or ENOMEM (nothing changed).
 * => may not sleep.
 */
int
amap_copy(struct vm_map *map, struct vm_map_entry *entry)
{
	struct vm_amap *old = entry->aref.ar_amap;
	vsize_t size = entry->end - entry->start;

	if (old != nullptr && old->am_ref == 1) {
		entry->etype &= ~UVM_ET_NEEDSCOPY;
		return 0;
	}
	struct vm_amap *amap = amap_alloc(size);
	if (amap == nullptr)
		return ENOMEM;
	if (old != nullptr) {
		/* The anons old has in the entry's range: its used slots. */
		int first = entry->aref.ar_pageoff;
		for (int i = 0; i < old->am_nused; i++) {
			int slot = old->am_slots[i] - first;
			if (slot < 0 || slot >= amap->am_nslot)
				continue;
			struct vm_anon *anon = old->am_anon[first + slot];
			anon->an_ref++;
			amap->am_anon[slot] = anon;
			amap_slot_used(amap, slot);
		}
		amap_unref(old);
	}
	entry->aref.ar_amap = amap;
	entry->aref.ar_pageoff = 0;
	entry->etype &= ~UVM_ET_NEEDSCOPY;
	return 0;
}

/*
 * amap_wprotect: take write access to every page of amap away, from
 * every pmap that maps it.  For fork, when a child takes a copy-on-write
 * copy of an amap that others share for real: until then any sharer
 * could write straight into a page that is now the child's too.  Their
 * next write faults, and case 1B gives the shared amap a fresh copy
 * (amap_add makes the other sharers fault over to it).  OpenBSD's
 * amap_cow_now copies the pages at once instead.
 */
void
amap_wprotect(struct vm_amap *amap)
{
	for (int i = 0; i < amap->am_nused; i++) {
		struct vm_anon *anon = amap->am_anon[amap->am_slots[i]];
		if (anon->an_page != nullptr)
			pmap_page_protect(anon->an_page, PROT_READ);
	}
}

/* The slot of offset (bytes from the entry's start) through aref. */
static int
amap_slot(struct vm_aref *aref, vaddr_t offset)
{
	int slot = aref->ar_pageoff + atop(offset);

	KASSERT(slot >= 0 && slot < aref->ar_amap->am_nslot);
	return slot;
}

/* amap_lookup: the anon at offset (bytes from the entry's start). */
struct vm_anon *
amap_lookup(struct vm_aref *aref, vaddr_t offset)
{
	return aref->ar_amap->am_anon[amap_slot(aref, offset)];
}

/*
 * amap_add: put anon in the slot at offset; with replace, the slot held
 * another anon, whose reference the caller drops.  In an amap shared on
 * purpose the old anon's page may be mapped through other entries: they
 * must fault again to find the new one.
 */
void
amap_add(struct vm_aref *aref, vaddr_t offset, struct vm_anon *anon,
    bool replace)
{
	struct vm_amap *amap = aref->ar_amap;
	int slot = amap_slot(aref, offset);

	if (replace) {
		struct vm_anon *old = amap->am_anon[slot];
		KASSERT(old != nullptr);
		if ((amap->am_flags & AMAP_SHARED) && old->an_page != nullptr)
			pmap_page_protect(old->an_page, PROT_NONE);
	} else {
		KASSERT(amap->am_anon[slot] == nullptr);
		amap_slot_used(amap, slot);
	}
	amap->am_anon[slot] = anon;
}

/* amap_unadd: empty the slot at offset (the caller drops the anon). */
void
amap_unadd(struct vm_aref *aref, vaddr_t offset)
{
	struct vm_amap *amap = aref->ar_amap;
	int slot = amap_slot(aref, offset);

	KASSERT(amap->am_anon[slot] != nullptr);
	amap->am_anon[slot] = nullptr;
	amap_slot_free(amap, slot);
}

/*
 * amap_wipeout_range: drop the anons of [offset, offset + len) (bytes
 * from the entry's start): MADV_FREE.  Only for an amap nobody shares.
 */
void
amap_wipeout_range(struct vm_aref *aref, vaddr_t offset, vsize_t len)
{
	KASSERT(aref->ar_amap->am_ref == 1);
	for (vaddr_t off = offset; off < offset + len; off += PAGE_SIZE) {
		struct vm_anon *anon = amap_lookup(aref, off);
		if (anon == nullptr)
			continue;
		amap_unadd(aref, off);
		uvm_anon_unref(anon);
	}
}
