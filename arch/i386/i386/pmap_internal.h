/*
 * pmap_internal.h: what pmap.cc (bootstrap, kernel mappings, page
 * windows) and pmap_pv.cc (managed mappings and pv lists) share.  Not for
 * use outside the pmap.
 */
#ifndef _I386_PMAP_INTERNAL_H_
#define _I386_PMAP_INTERNAL_H_

#include <sys/queue.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>

struct pool;

extern list_head<pmap, &pmap::pm_list> pmaps;	/* every pmap */
extern struct pool pmap_pmap_pool, pmap_pv_pool;
extern vaddr_t pmap_maxkvaddr;

pt_entry_t *pmap_map_ptes(struct pmap *);
void	pmap_unmap_ptes(struct pmap *);

/* Is pmap the one whose page tables are at PTE_BASE now? */
static inline bool
pmap_is_curpmap(const struct pmap *pmap)
{
	return pmap == pmap_kernel() ||
	    pmap->pm_pdirpa == (rcr3() & PG_FRAME);
}

/* Drop a stale translation of va in pmap, if the CPU can hold one. */
static inline void
pmap_invalidate(struct pmap *pmap, vaddr_t va)
{
	if (pmap_is_curpmap(pmap))
		invlpg(va);
}

/*
 * pagezero: zero the page at va, a word per step (as OpenBSD's i386
 * pagezero).  memset would do the same after checking alignment and
 * length, which a page does not need: this runs on every zero-fill
 * fault, and those checks and the call are a few percent of one.  The
 * cld is not redundant: the trap entry leaves the direction flag as the
 * user program set it (XXX it should clear it, as OpenBSD's INTRENTRY
 * does).
 */
static inline void
pagezero(void *va)
{
	void *d;
	u_int n;

	__asm volatile("cld; rep stosl" : "=D"(d), "=c"(n)
	    : "0"(va), "1"(PAGE_SIZE / 4), "a"(0) : "memory");
}

#endif /* !_I386_PMAP_INTERNAL_H_ */
