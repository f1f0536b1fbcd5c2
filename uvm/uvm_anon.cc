/*
 * uvm_anon.cc: anons, the pages of anonymous memory.
 *
 * An anon is one page of memory with no file behind it, and a reference
 * count: how many amap slots point at it (uvm_amap.h explains why there
 * can be several).  It is made by the fault handler when a page of
 * anonymous memory is first touched (zero fill) or when a private page
 * is copied on write, and freed with its page when the last slot lets
 * go.  OpenBSD's anons can also live in swap (an_swslot); ours always
 * have their page (XXX no swap).  Mirrors OpenBSD's sys/uvm/uvm_anon.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/pool.h>
#include <machine/intr.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_amap.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>

static struct pool uvm_anon_pool;

/* uvm_anon_init: the pool of anons.  => called from uvm_init(). */
void
uvm_anon_init(void)
{
	pool_init(&uvm_anon_pool, sizeof(struct vm_anon), 0, IPL_NONE, 0,
	    "anonpl", nullptr);
}

/*
 * uvm_analloc: a new anon with one reference and no page yet; null if
 * there is no memory.
 * => may not sleep.
 */
struct vm_anon *
uvm_analloc(void)
{
	struct vm_anon *anon = (struct vm_anon *)pool_get(&uvm_anon_pool,
	    PR_NOWAIT);

	if (anon == nullptr)
		return nullptr;
	/*
	 * Every field by hand, cheaper than PR_ZERO on the fault path (the
	 * assertion is there to remind whoever adds a field).
	 */
	static_assert(sizeof(struct vm_anon) ==
	    sizeof(anon->an_ref) + sizeof(anon->an_page));
	anon->an_ref = 1;
	anon->an_page = nullptr;
	uvmexp.nanon++;
	return anon;
}

/*
 * uvm_anfree: free an anon whose last reference is gone, and its page,
 * after taking the page out of every pmap that maps it.
 */
void
uvm_anfree(struct vm_anon *anon)
{
	KASSERT(anon->an_ref == 0);
	if (struct vm_page *pg = anon->an_page) {
		pmap_page_protect(pg, PROT_NONE);
		uvm_pagefree(pg);
	}
	uvmexp.nanon--;
	pool_put(&uvm_anon_pool, anon);
}

/* uvm_anon_unref: drop one reference; the last frees the anon. */
void
uvm_anon_unref(struct vm_anon *anon)
{
	KASSERT(anon->an_ref > 0);
	if (--anon->an_ref == 0)
		uvm_anfree(anon);
}
