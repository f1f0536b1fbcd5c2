/*
 * uvm_object.cc: what every memory object has, whatever its pager: a
 * reference count and the list of its resident pages, each at an
 * offset.  The pagers (uvm_vnode.cc) build on these.  Mirrors OpenBSD's
 * sys/uvm/uvm_object.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_object.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>

/* uvm_objinit: an object with no pages, pager ops, refs references. */
void
uvm_objinit(struct uvm_object *uobj, const struct uvm_pagerops *pgops,
    int refs)
{
	uobj->pgops = pgops;
	uobj->memq.init();
	uobj->uo_npages = 0;
	uobj->uo_refs = refs;
}

/* uvm_pagelookup: the object's resident page at off, or null. */
struct vm_page *
uvm_pagelookup(struct uvm_object *uobj, voff_t off)
{
	for (struct vm_page *pg : uobj->memq)
		if (pg->offset == off)
			return pg;
	return nullptr;
}

/* uvm_objpage_insert: pg (allocated for uobj at its offset) is resident. */
void
uvm_objpage_insert(struct uvm_object *uobj, struct vm_page *pg)
{
	KASSERT(pg->uobject == uobj);
	uobj->memq.insert_tail(pg);
	uobj->uo_npages++;
}

/*
 * uvm_objpage_free_all: free every resident page, after taking each out
 * of every pmap that maps it.  The pager has written back what it keeps.
 */
void
uvm_objpage_free_all(struct uvm_object *uobj)
{
	while (struct vm_page *pg = uobj->memq.first()) {
		uobj->memq.remove(pg);
		uobj->uo_npages--;
		pmap_page_protect(pg, PROT_NONE);
		uvm_pagefree(pg);
	}
}
