/*
 * uvm_fault.cc: the page fault handler.
 *
 * UVM maps nothing in advance: mmap(2), fork(2) and exec(2) only record
 * what should be where (vm_map entries), and every page arrives the first
 * time it is touched, when the CPU faults and trap() calls uvm_fault().
 * A fault is resolved in three steps, as in OpenBSD:
 *
 *  check	find the entry (none: EFAULT), check the access against its
 *		protection (EACCES), and if the entry "needs copy", give it
 *		its own amap now if this fault will write into it
 *  upper	the amap has an anon for this page (case 1)
 *  lower	it has none: the object's page, or zero fill (case 2)
 *
 *                          +--------------------+
 *                          | uvm_fault_check    |
 *                          +--------------------+
 *                                    |
 *                    anon in amap? --+-- no ----------+
 *                        | yes                        |
 *               +-----------------+          +-----------------+
 *               | uvm_fault_upper |          | uvm_fault_lower |
 *               +-----------------+          +-----------------+
 *               write and anon   |             object  |  no object
 *               shared (ref > 1)?|          page? ----+---------+
 *                  | no    | yes             |                  |
 *               1A: map  1B: copy      write to a COW       zero fill:
 *               the anon the page      entry?               a new anon
 *               (read-   into a new     | no     | yes      with a
 *               only if  anon, put it  2A: map  2B: copy    zeroed page
 *               shared)  in the slot   the obj  the page
 *                                      page     into a new
 *                                               anon
 *
 * The upper layer always wins: once a page has been copied into an anon
 * the object's page is never seen through this entry again.  An anon
 * shared by several amaps (after fork) is mapped read-only; the first
 * write copies it (1B), so the other sharers keep the old contents.
 *
 * uvm_fault returns 0 (the pmap now maps the page and the access may be
 * retried), EFAULT (no mapping: SIGSEGV), EACCES (protection: SIGSEGV) or
 * ENOMEM (no memory: the process is killed; XXX no pagedaemon to wait
 * for).  Mirrors OpenBSD's sys/uvm/uvm_fault.c, without its neighbour
 * prefetch, loan, and relock/refault machinery (one CPU, no paging).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_amap.h>
#include <uvm/uvm_object.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>

/* What a fault learns in the check and carries to the upper or lower layer. */
struct uvm_faultctx {
	struct vm_map	*map;		/* the map faulted in */
	struct vm_map_entry *entry;	/* the entry holding va */
	vaddr_t		va;		/* the faulting page */
	vm_prot_t	access_type;	/* the access that faulted */
	vm_prot_t	enter_prot;	/* protection to map the page with */
	bool		wired;		/* wire the mapping */
};

/*
 * uvm_fault_check: look va up and check the access.  A write to a
 * needs-copy entry, or any access to one without an object (the amap is
 * where its zero-fill page will go), gets the entry its own amap now;
 * reads of an object through a needs-copy entry are mapped read-only so
 * that the write that follows faults again and copies.
 */
static int
uvm_fault_check(struct uvm_faultctx *flt)
{
	struct vm_map_entry *entry;

	if (flt->va < vm_map_min(flt->map) || flt->va >= vm_map_max(flt->map))
		return EFAULT;
	if (!uvm_map_lookup_entry(flt->map, flt->va, &entry))
		return EFAULT;
	if (entry->etype & UVM_ET_SUBMAP)
		return EFAULT;		/* user maps have no submaps */
	if ((entry->protection & flt->access_type) != flt->access_type)
		return EACCES;
	flt->entry = entry;
	flt->enter_prot = entry->protection;
	flt->wired = entry->wired_count > 0;

	if (UVM_ET_ISNEEDSCOPY(entry)) {
		if ((flt->access_type & PROT_WRITE) ||
		    entry->object == nullptr) {
			if (amap_copy(flt->map, entry) != 0)
				return ENOMEM;
		} else {
			flt->enter_prot &= ~PROT_WRITE;
		}
	}
	return 0;
}

/* Map pg at the faulting address; ENOMEM if the pmap cannot. */
static int
uvm_fault_enter(struct uvm_faultctx *flt, struct vm_page *pg,
    vm_prot_t prot)
{
	int flags = flt->access_type | PMAP_CANFAIL |
	    (flt->wired ? PMAP_WIRED : 0);

	if (pmap_enter(flt->map->pmap, flt->va, VM_PAGE_TO_PHYS(pg), prot,
	    flags) != 0)
		return ENOMEM;
	pmap_update(flt->map->pmap);
	return 0;
}

/* A new anon with a new page (zeroed if zero); null if no memory. */
static struct vm_anon *
uvm_fault_newanon(bool zero)
{
	struct vm_anon *anon = uvm_analloc();

	if (anon == nullptr)
		return nullptr;
	anon->an_page = uvm_pagealloc(nullptr, 0, anon,
	    zero ? UVM_PGA_ZERO : 0);
	if (anon->an_page == nullptr) {
		anon->an_ref = 0;
		uvm_anfree(anon);
		return nullptr;
	}
	anon->an_page->pg_flags &= ~PG_BUSY;
	return anon;
}

/*
 * uvm_fault_upper: case 1, the amap has an anon for the page.
 *  1A: map the anon's page; read-only while other amaps share the anon.
 *  1B: a write to a shared anon: copy its page into a new anon, which
 *      replaces the old one in this amap's slot.
 */
static int
uvm_fault_upper(struct uvm_faultctx *flt, struct vm_anon *anon)
{
	struct vm_aref *aref = &flt->entry->aref;
	vaddr_t off = flt->va - flt->entry->start;

	if ((flt->access_type & PROT_WRITE) && anon->an_ref > 1) {
		struct vm_anon *nanon = uvm_fault_newanon(false);
		if (nanon == nullptr)
			return ENOMEM;
		pmap_copy_page(anon->an_page, nanon->an_page);
		amap_add(aref, off, nanon, true);
		uvm_anon_unref(anon);	/* others keep it: ref was > 1 */
		anon = nanon;
		uvmexp.flt_acow++;
	} else {
		if (anon->an_ref > 1)
			flt->enter_prot &= ~PROT_WRITE;
		uvmexp.flt_anon++;
	}
	return uvm_fault_enter(flt, anon->an_page, flt->enter_prot);
}

/*
 * uvm_fault_lower: case 2, no anon for the page.
 *  2A: the object's page, mapped as it is: shared mappings see (and
 *      write) the file's page; a copy-on-write entry maps it read-only.
 *  2B: a write to a copy-on-write entry: copy the object's page into a
 *      new anon in the amap ("promote" it).
 *  zero fill: no object either: a new anon with a zeroed page.
 */
static int
uvm_fault_lower(struct uvm_faultctx *flt)
{
	struct vm_map_entry *entry = flt->entry;
	struct uvm_object *uobj = entry->object;
	vaddr_t off = flt->va - entry->start;
	struct vm_page *uobjpage = nullptr;
	struct vm_anon *anon;

	if (uobj != nullptr) {
		int error = uobj->pgops->pgo_get(uobj, entry->offset + off,
		    &uobjpage);
		if (error != 0)
			return error;
		bool promote = (flt->access_type & PROT_WRITE) &&
		    UVM_ET_ISCOPYONWRITE(entry);
		if (!promote) {
			vm_prot_t prot = flt->enter_prot;
			if (UVM_ET_ISCOPYONWRITE(entry))
				prot &= ~PROT_WRITE;
			uvmexp.flt_obj++;
			return uvm_fault_enter(flt, uobjpage, prot);
		}
		anon = uvm_fault_newanon(false);
		if (anon == nullptr)
			return ENOMEM;
		pmap_copy_page(uobjpage, anon->an_page);
		uvmexp.flt_prcopy++;
	} else {
		anon = uvm_fault_newanon(true);
		if (anon == nullptr)
			return ENOMEM;
		uvmexp.flt_przero++;
	}
	/* The check gave an amap to every entry that gets here. */
	KASSERT(entry->aref.ar_amap != nullptr);
	amap_add(&entry->aref, off, anon, false);
	return uvm_fault_enter(flt, anon->an_page, flt->enter_prot);
}

/*
 * uvm_fault: resolve a fault at va in map: fault_type is VM_FAULT_INVALID
 * (nothing mapped), VM_FAULT_PROTECT (mapped, access refused) or
 * VM_FAULT_WIRE; access_type the access (PROT_READ, PROT_WRITE,
 * PROT_EXEC).  Returns 0 (mapped: retry the access), EFAULT (no mapping
 * at va), EACCES (the mapping's protection forbids the access), ENOMEM.
 * => process context, with map the current process's map (trap.cc) or
 *    any user map (tests, later physio); may sleep (reading a file).
 */
int
uvm_fault(struct vm_map *map, vaddr_t va, vm_fault_t fault_type,
    vm_prot_t access_type)
{
	struct uvm_faultctx flt;
	int error;

	uvmexp.faults++;
	flt.map = map;
	flt.va = trunc_page(va);
	flt.access_type = access_type & PROT_MASK;
	if ((error = uvm_fault_check(&flt)) != 0)
		return error;
	if (fault_type == VM_FAULT_WIRE)
		flt.wired = true;

	struct vm_anon *anon = nullptr;
	if (flt.entry->aref.ar_amap != nullptr)
		anon = amap_lookup(&flt.entry->aref, flt.va - flt.entry->start);
	if (anon != nullptr)
		return uvm_fault_upper(&flt, anon);
	return uvm_fault_lower(&flt);
}
