/*
 * subr_pool.cc: pool(9), the kernel's allocator of fixed-size objects.
 *
 * malloc(9) serves any size; most of the kernel's allocations are not
 * "any size" but the same few structures over and over: a struct proc per
 * fork, a vm_map_entry per mapping, a pv_entry per mapped page, a vnode
 * per file in use.  A pool serves exactly one such size, and gains three
 * things by it: no per-allocation header (an item's page says everything),
 * no fragmentation inside a page, and O(1) get and put.
 *
 * The data structures (see <sys/pool.h>):
 *
 *  - A pool takes whole pages from its pool_allocator (by default single
 *    pages of kernel virtual memory from uvm_km) and cuts each into
 *    pr_itemsperpage items of pr_size bytes, the first at the start of
 *    the page, so every item is as aligned as the page and the stride.
 *  - Each page has a pool_page_header: the page's list of free items
 *    (ph_items, linked through the free items themselves) and the number
 *    handed out (ph_nmissing).  With small items the header sits at the
 *    end of the page (PR_PHINPAGE, at pr_phoffset); with big ones it would
 *    cost a whole item, so it is an item of the internal pool "phpool"
 *    instead and is found through a hash of page addresses.
 *  - Each page is on one of three lists: pr_emptypages (nothing handed
 *    out), pr_partpages, pr_fullpages.  pool_get takes from a partial
 *    page if there is one, else an empty one, else a new page; pool_put
 *    finds the item's page by masking the item's address with pr_pgmask
 *    (pages are aligned to their size) and moves the page between lists
 *    as its count changes.  No search anywhere: both are O(1).
 *  - Partial pages are preferred so items crowd into few pages and the
 *    others empty out.  More than pr_maxpages idle pages (the high water
 *    mark) are given back to the allocator at once, oldest first; at
 *    least pr_minitems free items (the low water mark) are kept.
 *
 * Debugging, as OpenBSD's DIAGNOSTIC and POOL_DEBUG kernels do it: every
 * free item carries a magic number derived from its address, checked by
 * pool_get; with DIAGNOSTIC the rest of a free item is filled with poison
 * that pool_get checks too (a write after pool_put is reported by the next
 * pool_get of that item), and pool_put refuses addresses that are not
 * items of the pool and items that are already free.
 *
 * Mirrors OpenBSD's sys/kern/subr_pool.c (the design of 3.x with the
 * page lists of today's), described in pool(9); vmstat -m prints what
 * pool_printit_all prints.  Left out: per-CPU caches, cache colouring,
 * pool_cache, the sysctl interface.
 *
 * XXX Locking: OpenBSD protects each pool with a mutex at pr_ipl.  We
 * have one CPU and no spl(9) yet, so nothing is raised here and no
 * interrupt handler may call pool(9) until spl(9) lands; then pool_get,
 * pool_put and the page list walkers take splraise(pp->pr_ipl).
 */
#include <limits>
#include <new>

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/pool.h>
#include <uvm/uvm_extern.h>

pool_list pool_head;			/* [G] every pool, oldest first */

/*
 * The pool of off-page headers.  Its own headers are always in its pages
 * (asserted in pool_init), so it never needs itself.  It is set up by the
 * first pool_init and keeps no idle page (hiwat 0): its demand follows
 * other pools' pages, and once they have given theirs back it holds no
 * memory either.  Its pr_ipl is raised to the highest of the pools that
 * borrow from it, since it is called at theirs.
 */
static struct pool phpool;
static bool phpool_ready;

constexpr u_int POOL_MAXIDLE = 8;	/* default pr_maxpages, as OpenBSD */
constexpr u_long POOL_MAGIC = 0x9e3779b9UL;
constexpr uint32_t POOL_POISON = 0xdeafbeefU; /* OpenBSD's poison word */

/* A header's magic: it depends on the page, so a stale copy fails. */
static inline u_long
pool_phmagic(caddr_t page)
{
	return POOL_MAGIC ^ (u_long)page;
}

/* A free item's magic: it depends on the item's address. */
static inline u_long
pool_imagic(const struct pool_page_header *ph, const struct pool_item *pi)
{
	return ph->ph_magic ^ (u_long)pi;
}

static inline pool_phhash &
pool_phbucket(struct pool *pp, caddr_t page)
{
	return pp->pr_phhash[((vaddr_t)page / pp->pr_pgsize) &
	    (POOL_PHHASHSIZE - 1)];
}

/* Is v the start of an item of the page ph? */
[[maybe_unused]] static bool
pool_p_isitem(struct pool *pp, struct pool_page_header *ph, const void *v)
{
	vaddr_t off = (vaddr_t)v - (vaddr_t)ph->ph_page;

	/* Below the page, off wraps to a huge value and fails the range. */
	return off % pp->pr_size == 0 &&
	    off / pp->pr_size < pp->pr_itemsperpage;
}

#ifdef DIAGNOSTIC
/* Fill the part of a free item past its link with poison. */
static void
pool_poison(struct pool *pp, struct pool_item *pi)
{
	uint32_t *w = (uint32_t *)(pi + 1);
	uint32_t *end = (uint32_t *)((caddr_t)pi + pp->pr_size);

	for (; w < end; w++)
		*w = POOL_POISON;
}

/*
 * Check a free item's poison before it is handed out.  A mismatch means
 * someone wrote to the item after pool_put: name the offset and value,
 * which usually identify the culprit's field.
 */
static void
pool_poison_check(struct pool *pp, struct pool_item *pi)
{
	uint32_t *w = (uint32_t *)(pi + 1);
	uint32_t *end = (uint32_t *)((caddr_t)pi + pp->pr_size);

	for (; w < end; w++)
		if (*w != POOL_POISON)
			panic("pool_get: %s: item %p modified after free: "
			    "offset %zu is 0x%08x", pp->pr_wchan, pi,
			    (size_t)((caddr_t)w - (caddr_t)pi), (u_int)*w);
}
#endif

/*
 * Which list a page belongs on, given how many of its items are out.
 */
static pool_pagelist &
pool_p_list(struct pool *pp, u_int nmissing)
{
	if (nmissing == 0)
		return pp->pr_emptypages;
	if (nmissing == pp->pr_itemsperpage)
		return pp->pr_fullpages;
	return pp->pr_partpages;
}

/*
 * Move ph to the list for its new count, after ph_nmissing changed from
 * was.  Pages that gain free items go to the head of their list, so the
 * next pool_get reuses the warmest memory.
 */
static inline void
pool_p_move(struct pool *pp, struct pool_page_header *ph, u_int was)
{
	/*
	 * Most gets and puts leave a partial page partial: say so in as
	 * few instructions as possible, since every pool_get and pool_put
	 * (a page fault makes two) comes through here.
	 */
	if (was != 0 && was != pp->pr_itemsperpage && ph->ph_nmissing != 0 &&
	    ph->ph_nmissing != pp->pr_itemsperpage)
		return;

	pool_pagelist &from = pool_p_list(pp, was);
	pool_pagelist &to = pool_p_list(pp, ph->ph_nmissing);

	if (&from == &to)
		return;
	from.remove(ph);
	to.insert_head(ph);
	if (&from == &pp->pr_emptypages)
		pp->pr_nidle--;
	if (&to == &pp->pr_emptypages)
		pp->pr_nidle++;
}

/*
 * pool_p_alloc: take a page from the allocator, give it a header, cut it
 * into free items and put it on pr_emptypages.
 * => flags: PR_WAITOK or PR_NOWAIT, passed to pa_alloc.
 * => returns the new page's header, or nullptr (nothing changed) if the
 *    allocator or phpool had no memory.
 */
static struct pool_page_header *
pool_p_alloc(struct pool *pp, int flags)
{
	struct pool_page_header *ph;
	struct pool_item *pi, *head = nullptr;
	int slowdown = 0;
	caddr_t page;

	/* XXX OpenBSD's pool_get yields when slowdown is set; no scheduler. */
	page = (caddr_t)pp->pr_alloc->pa_alloc(pp,
	    flags & (PR_WAITOK | PR_NOWAIT), &slowdown);
	if (page == nullptr)
		return nullptr;
	/* pool_put finds pages by masking: an unaligned one breaks that. */
	if (((vaddr_t)page & ~pp->pr_pgmask) != 0)
		panic("pool_p_alloc: %s: page %p not aligned to %u",
		    pp->pr_wchan, page, pp->pr_pgsize);

	if (pp->pr_roflags & PR_PHINPAGE)
		ph = (struct pool_page_header *)(page + pp->pr_phoffset);
	else {
		/*
		 * Never wait for a header: the caller decides what running
		 * out means, and reports it under its own pool's name.
		 */
		ph = (struct pool_page_header *)pool_get(&phpool, PR_NOWAIT);
		if (ph == nullptr) {
			pp->pr_alloc->pa_free(pp, page);
			return nullptr;
		}
	}
	new (ph) pool_page_header();
	ph->ph_pool = pp;
	ph->ph_page = page;
	ph->ph_magic = pool_phmagic(page);

	/* Build the free list backwards so the lowest item goes out first. */
	for (u_int i = pp->pr_itemsperpage; i-- > 0;) {
		pi = (struct pool_item *)(page + i * pp->pr_size);
		pi->pi_next = head;
		pi->pi_magic = pool_imagic(ph, pi);
#ifdef DIAGNOSTIC
		pool_poison(pp, pi);
#endif
		head = pi;
	}
	ph->ph_items = head;

	if (!(pp->pr_roflags & PR_PHINPAGE))
		pool_phbucket(pp, page).insert_head(ph);
	pp->pr_emptypages.insert_head(ph);
	pp->pr_nidle++;
	pp->pr_npages++;
	pp->pr_npagealloc++;
	pp->pr_nitems += pp->pr_itemsperpage;
	if (pp->pr_npages > pp->pr_hiwat)
		pp->pr_hiwat = pp->pr_npages;
	return ph;
}

/*
 * pool_p_free: give an idle page back to the allocator.
 * => ph is on pr_emptypages.
 */
static void
pool_p_free(struct pool *pp, struct pool_page_header *ph)
{
	caddr_t page = ph->ph_page;

	KASSERT(ph->ph_nmissing == 0);
	pp->pr_emptypages.remove(ph);
	pp->pr_nidle--;
	pp->pr_npages--;
	pp->pr_npagefree++;
	pp->pr_nitems -= pp->pr_itemsperpage;
	/* A freed page must not pass for a pool page later. */
	ph->ph_magic = 0;
	if (!(pp->pr_roflags & PR_PHINPAGE)) {
		pool_phhash::remove(ph);
		pool_put(&phpool, ph);
	}
	pp->pr_alloc->pa_free(pp, page);
}

/*
 * pool_p_trim: free idle pages, the longest idle first, until at most
 * keep are idle, but never below the low water mark.
 * => returns the number of pages freed.
 */
static int
pool_p_trim(struct pool *pp, u_int keep)
{
	int n = 0;

	/* nidle > 0 below, so nitems >= itemsperpage: no wrap-around. */
	while (pp->pr_nidle > keep &&
	    pp->pr_nitems - pp->pr_itemsperpage >= pp->pr_minitems) {
		pool_p_free(pp, pp->pr_emptypages.last());
		n++;
	}
	return n;
}

/*
 * pool_catchup: allocate pages until the pool holds pr_minitems free
 * items.  Used where there is no one to wait for, so it never waits.
 * => returns 0, or ENOMEM if the allocator ran dry first.
 */
static int
pool_catchup(struct pool *pp)
{
	while (pp->pr_nitems < pp->pr_minitems)
		if (pool_p_alloc(pp, PR_NOWAIT) == nullptr)
			return ENOMEM;
	return 0;
}

/*
 * pool_p_find: the header of the page that holds v.
 * => panics if v is not in a page of this pool (with DIAGNOSTIC; without
 *    it an in-page header is trusted unchecked).
 */
static struct pool_page_header *
pool_p_find(struct pool *pp, void *v)
{
	caddr_t page = (caddr_t)((vaddr_t)v & pp->pr_pgmask);
	struct pool_page_header *ph;

	if (pp->pr_roflags & PR_PHINPAGE) {
		ph = (struct pool_page_header *)(page + pp->pr_phoffset);
#ifdef DIAGNOSTIC
		/*
		 * The magic tells a live header from whatever else lies
		 * there.  (For an unmapped page the read itself faults,
		 * which reports the bad address as well.)
		 */
		if (ph->ph_magic != pool_phmagic(page) || ph->ph_page != page)
			panic("pool_put: %s: %p is not an item of this pool",
			    pp->pr_wchan, v);
		if (ph->ph_pool != pp)
			panic("pool_put: %s: %p belongs to pool %s",
			    pp->pr_wchan, v, ph->ph_pool->pr_wchan);
#endif
		return ph;
	}
	for (ph = pool_phbucket(pp, page).first(); ph != nullptr;
	    ph = pool_phhash::next(ph))
		if (ph->ph_page == page)
			return ph;
	panic("pool_put: %s: %p is not in a page of this pool", pp->pr_wchan,
	    v);
}

/*
 * pool_init: set up pp to hand out items of size bytes aligned to align
 * (0: the natural alignment of a pointer), from pages of palloc (nullptr:
 * pool_allocator_single).  ipl is the highest IPL pool_get/pool_put will
 * be called at; wchan names the pool in statistics and panics.
 * => process context; allocates nothing (pages come with the first
 *    pool_get), so it may run before uvm_km is up.
 * => pp may be uninitialised memory; it must not be a live pool.
 */
void
pool_init(struct pool *pp, size_t size, u_int align, int ipl, int flags,
    const char *wchan, struct pool_allocator *palloc)
{
	u_int pgsize, n_off, n_in, phoffset;

	if (!phpool_ready) {
		phpool_ready = true;
		pool_init(&phpool, sizeof(struct pool_page_header), 0, ipl, 0,
		    "phpool", nullptr);
		pool_sethiwat(&phpool, 0);
	}
	KASSERT(wchan != nullptr);
	if (palloc == nullptr)
		palloc = &pool_allocator_single;
	pgsize = palloc->pa_pagesz != 0 ? palloc->pa_pagesz : PAGE_SIZE;
	KASSERT((pgsize & (pgsize - 1)) == 0);
	KASSERT((align & (align - 1)) == 0);
	/* Every item must be able to hold the free list's link. */
	if (align < alignof(struct pool_item))
		align = alignof(struct pool_item);
	if (size < sizeof(struct pool_item))
		size = sizeof(struct pool_item);
	size = roundup(size, align);
	if (size > pgsize)
		panic("pool_init: %s: item size %zu larger than a page (%u)",
		    wchan, size, pgsize);
#ifdef DIAGNOSTIC
	for (struct pool *p : pool_head)
		if (p == pp)
			panic("pool_init: %s: pool already initialised", wchan);
#endif

	/* Zero every field and construct the (empty) lists. */
	new (pp) pool();
	pp->pr_alloc = palloc;
	pp->pr_wchan = wchan;
	pp->pr_size = size;
	pp->pr_align = align;
	pp->pr_pgsize = pgsize;
	pp->pr_pgmask = ~(vaddr_t)(pgsize - 1);
	pp->pr_ipl = ipl;
	pp->pr_flags = flags;
	pp->pr_maxpages = POOL_MAXIDLE;
	pp->pr_hardlimit = std::numeric_limits<u_int>::max();

	/*
	 * Put the header in the page if that costs nothing (it fits in the
	 * slack after the last item) or little (items under a sixteenth of
	 * a page lose at most a sixteenth of it), as OpenBSD does.
	 */
	n_off = pgsize / size;
	n_in = 0;
	phoffset = 0;
	if (pgsize > sizeof(struct pool_page_header)) {
		phoffset = (pgsize - sizeof(struct pool_page_header)) &
		    ~(alignof(struct pool_page_header) - 1);
		n_in = phoffset / size;
	}
	if (n_in > 0 && (n_in == n_off || size < pgsize / 16)) {
		pp->pr_roflags |= PR_PHINPAGE;
		pp->pr_phoffset = phoffset;
		pp->pr_itemsperpage = n_in;
	} else {
		pp->pr_itemsperpage = n_off;
		if (ipl > phpool.pr_ipl)
			phpool.pr_ipl = ipl;
	}
	KASSERT(pp != &phpool || (pp->pr_roflags & PR_PHINPAGE));
	pool_head.insert_tail(pp);
}

/*
 * pool_destroy: give every page back and forget the pool.
 * => process context.  Every item must have been put back.
 */
void
pool_destroy(struct pool *pp)
{
	struct pool_page_header *ph;

	KASSERT(pool_list::onqueue(pp));
#ifdef DIAGNOSTIC
	if (pp->pr_nout != 0)
		panic("pool_destroy: %s: pool busy: %u items still out",
		    pp->pr_wchan, pp->pr_nout);
#endif
	while ((ph = pp->pr_emptypages.first()) != nullptr)
		pool_p_free(pp, ph);
	KASSERT(pp->pr_partpages.empty() && pp->pr_fullpages.empty());
	pool_head.remove(pp);
}

/*
 * pool_hardlimit_warn: print the pool's hard limit message, at most once
 * every pr_hardlimit_ratecap seconds (OpenBSD uses ratecheck(9)).
 */
static void
pool_hardlimit_warn(struct pool *pp)
{
	if (pp->pr_hardlimit_warning == nullptr)
		return;
	if (pp->pr_hardlimit_warned && ticks - pp->pr_hardlimit_warning_last <
	    pp->pr_hardlimit_ratecap * hz)
		return;
	pp->pr_hardlimit_warned = true;
	pp->pr_hardlimit_warning_last = ticks;
	printf("%s\n", pp->pr_hardlimit_warning);
}

/*
 * pool_get: take an item.
 * => flags: exactly one of PR_WAITOK and PR_NOWAIT; PR_ZERO zeroes the
 *    item; PR_LIMITFAIL makes PR_WAITOK fail at the hard limit.
 * => returns the item, or nullptr (pr_nfail counted, pool unchanged) with
 *    PR_NOWAIT when there is no memory, or at the hard limit.
 * => process context with PR_WAITOK; PR_NOWAIT may not sleep.
 */
void *
pool_get(struct pool *pp, int flags)
{
	struct pool_page_header *ph;
	struct pool_item *pi;
	u_int was;

	KASSERT(((flags & PR_WAITOK) != 0) != ((flags & PR_NOWAIT) != 0));
	if (pp->pr_nout >= pp->pr_hardlimit) {
		pool_hardlimit_warn(pp);
		if (flags & (PR_NOWAIT | PR_LIMITFAIL))
			goto fail;
		/* XXX Will tsleep(pp, PSWP, pr_wchan) for a pool_put. */
		panic("pool_get: %s: hard limit reached", pp->pr_wchan);
	}

	ph = pp->pr_partpages.first();
	if (ph == nullptr)
		ph = pp->pr_emptypages.first();
	if (ph == nullptr) {
		ph = pool_p_alloc(pp, flags);
		if (ph == nullptr) {
			if (flags & PR_NOWAIT)
				goto fail;
			/*
			 * XXX With a scheduler this will sleep until the
			 * page allocator has memory; for now nobody can free
			 * any while we wait, so it is fatal.
			 */
			panic("pool_get: %s: out of memory", pp->pr_wchan);
		}
	}

	/* Check the item before trusting the link it holds. */
	pi = ph->ph_items;
	KASSERT(pi != nullptr);
	if (pi->pi_magic != pool_imagic(ph, pi))
		panic("pool_get: %s: free list modified: page %p, item %p: "
		    "magic 0x%lx != 0x%lx", pp->pr_wchan, ph->ph_page, pi,
		    pi->pi_magic, pool_imagic(ph, pi));
#ifdef DIAGNOSTIC
	pool_poison_check(pp, pi);
	if (pi->pi_next != nullptr && !pool_p_isitem(pp, ph, pi->pi_next))
		panic("pool_get: %s: free list corrupt: item %p links to %p",
		    pp->pr_wchan, pi, pi->pi_next);
#endif
	ph->ph_items = pi->pi_next;
	was = ph->ph_nmissing++;
	pool_p_move(pp, ph, was);
	pp->pr_nitems--;
	pp->pr_nout++;
	pp->pr_nget++;

	if (flags & PR_ZERO)
		memset(pi, 0, pp->pr_size);
	/* Refill behind us, so interrupt-time gets find items ready. */
	if (pp->pr_nitems < pp->pr_minitems)
		(void)pool_catchup(pp);
	return pi;

fail:
	pp->pr_nfail++;
	return nullptr;
}

/*
 * pool_put: give an item back.
 * => v came from pool_get on this pool and is not yet put back; with
 *    DIAGNOSTIC anything else panics before the pool is touched.
 * => may not sleep; may free a page if the pool is over its high water
 *    mark.
 */
void
pool_put(struct pool *pp, void *v)
{
	struct pool_page_header *ph;
	struct pool_item *pi = (struct pool_item *)v;
	u_int was;

	ph = pool_p_find(pp, v);
#ifdef DIAGNOSTIC
	if (!pool_p_isitem(pp, ph, v))
		panic("pool_put: %s: %p is not an item of this pool",
		    pp->pr_wchan, v);
	/*
	 * A double put: the item is on the page's free list already.  A
	 * free item carries its magic (pool_get panics on one that lost
	 * it), so only an item that carries it can be free: walk the list,
	 * a few hundred items, only then.  A live item that holds the magic
	 * by chance costs a walk, not a false alarm.
	 */
	if (pi->pi_magic == pool_imagic(ph, pi)) {
		for (struct pool_item *qi = ph->ph_items; qi; qi = qi->pi_next)
			if (qi == pi)
				panic("pool_put: %s: %p: double pool_put",
				    pp->pr_wchan, v);
	}
#endif
	KASSERT(ph->ph_nmissing > 0 && pp->pr_nout > 0);

	pi->pi_next = ph->ph_items;
	pi->pi_magic = pool_imagic(ph, pi);
#ifdef DIAGNOSTIC
	pool_poison(pp, pi);
#endif
	ph->ph_items = pi;
	was = ph->ph_nmissing--;
	pool_p_move(pp, ph, was);
	pp->pr_nitems++;
	pp->pr_nout--;
	pp->pr_nput++;

	/* At most one page can be over the mark: the one just emptied. */
	(void)pool_p_trim(pp, pp->pr_maxpages);
}

/*
 * pool_setlowat: keep at least n free items in the pool, allocating them
 * now (without waiting; if memory is short the pool catches up on later
 * pool_gets).  For pools used where pool_get must not fail.
 */
void
pool_setlowat(struct pool *pp, int n)
{
	pp->pr_minitems = n;
	pp->pr_minpages = howmany((u_int)n, pp->pr_itemsperpage);
	(void)pool_catchup(pp);
}

/*
 * pool_sethiwat: keep at most enough idle pages for n items; the idle
 * pages over that are freed now (down to the low water mark).
 */
void
pool_sethiwat(struct pool *pp, int n)
{
	pp->pr_maxpages = howmany((u_int)n, pp->pr_itemsperpage);
	(void)pool_p_trim(pp, pp->pr_maxpages);
}

/*
 * pool_sethardlimit: let at most n items be out at once.  At the limit
 * pool_get prints warnmsg (if not nullptr; at most once every ratecap
 * seconds) and fails or waits, as its flags say.
 * => returns 0, or EINVAL if more than n items are already out.
 */
int
pool_sethardlimit(struct pool *pp, u_int n, const char *warnmsg, int ratecap)
{
	if (n < pp->pr_nout)
		return EINVAL;
	pp->pr_hardlimit = n;
	pp->pr_hardlimit_warning = warnmsg;
	pp->pr_hardlimit_ratecap = ratecap;
	pp->pr_hardlimit_warned = false;
	return 0;
}

/*
 * pool_reclaim: free every idle page above the low water mark, for when
 * the page daemon is short of memory.  Returns non-zero if any was freed.
 */
int
pool_reclaim(struct pool *pp)
{
	return pool_p_trim(pp, 0) != 0;
}

void
pool_reclaim_all(void)
{
	for (struct pool *pp : pool_head)
		(void)pool_reclaim(pp);
}

/*
 * pool_printit: ddb's "show pool": the pool's parameters and counters;
 * with modif "p", its pages too.
 * => any context; only reads.
 */
void
pool_printit(struct pool *pp, const char *modif,
    int (*pr)(const char *, ...))
{
	static const char *const names[] = { "empty", "partial", "full" };
	pool_pagelist *lists[] = { &pp->pr_emptypages, &pp->pr_partpages,
	    &pp->pr_fullpages };
	bool pages = false;

	for (const char *m = modif; m != nullptr && *m != '\0'; m++)
		if (*m == 'p')
			pages = true;
	pr("POOL %s: size %u, align %u, ipl %d, flags 0x%x, roflags 0x%x\n",
	    pp->pr_wchan, pp->pr_size, pp->pr_align, pp->pr_ipl,
	    pp->pr_flags, pp->pr_roflags);
	pr("\talloc %p, pagesz %u, itemsperpage %u, phoffset %u\n",
	    pp->pr_alloc, pp->pr_pgsize, pp->pr_itemsperpage, pp->pr_phoffset);
	pr("\tminitems %u, minpages %u, maxpages %u, npages %u, "
	    "hardlimit %u\n", pp->pr_minitems, pp->pr_minpages,
	    pp->pr_maxpages, pp->pr_npages, pp->pr_hardlimit);
	pr("\tnitems %lu, nout %u, nget %lu, nfail %lu, nput %lu\n",
	    pp->pr_nitems, pp->pr_nout, pp->pr_nget, pp->pr_nfail,
	    pp->pr_nput);
	pr("\tnpagealloc %lu, npagefree %lu, hiwat %u, nidle %lu\n",
	    pp->pr_npagealloc, pp->pr_npagefree, pp->pr_hiwat, pp->pr_nidle);
	if (!pages)
		return;
	for (int i = 0; i < 3; i++) {
		pr("\t%s pages:\n", names[i]);
		for (struct pool_page_header *ph : *lists[i])
			pr("\t\tpage %p, header %p, nmissing %u\n",
			    ph->ph_page, ph, ph->ph_nmissing);
	}
}

/*
 * pool_printit_all: every pool, one line each, as the pool section of
 * `vmstat -m` prints it (ddb's "show all pools").  InUse is items out;
 * Pgreq and Pgrel pages taken and given back; Hiwat the most pages held;
 * Minpg and Maxpg the water marks, in pages; Idle pages with nothing out.
 */
void
pool_printit_all(int (*pr)(const char *, ...))
{
	unsigned long long inuse = 0, total = 0;

	pr("Name        Size Requests Fail    InUse Pgreq Pgrel Npage Hiwat "
	    "Minpg Maxpg Idle\n");
	for (struct pool *pp : pool_head) {
		pr("%-10.10s %5u %8lu %4lu %8u %5lu %5lu %5u %5u %5u %5u "
		    "%4lu\n", pp->pr_wchan, pp->pr_size, pp->pr_nget,
		    pp->pr_nfail, pp->pr_nout, pp->pr_npagealloc,
		    pp->pr_npagefree, pp->pr_npages, pp->pr_hiwat,
		    pp->pr_minpages, pp->pr_maxpages, pp->pr_nidle);
		inuse += (unsigned long long)pp->pr_nout * pp->pr_size;
		total += (unsigned long long)pp->pr_npages * pp->pr_pgsize;
	}
	/* Per mille in integers: no floating point in the kernel. */
	unsigned long long permille = total ? inuse * 1000 / total : 0;
	pr("\nIn use %lluK, total allocated %lluK; utilization %llu.%llu%%\n",
	    inuse / 1024, total / 1024, permille / 10, permille % 10);
}

/*
 * The default page allocator: single pages of kernel virtual memory.
 * PR_WAITOK asks uvm_km to report failure (UVM_KMF_CANFAIL) rather than
 * panic on its own, so pool_get can name the pool that ran out.
 * XXX Once uvm_km can sleep, PR_WAITOK becomes flags 0: wait for memory.
 * => process context with PR_WAITOK.
 */
static void *
pool_page_alloc(struct pool *, int flags, int *slowdown)
{
	int kmflags = (flags & PR_NOWAIT) ? UVM_KMF_NOWAIT : UVM_KMF_CANFAIL;

	*slowdown = 0;
	return (void *)uvm_km_kmemalloc(kernel_map, nullptr, PAGE_SIZE,
	    kmflags);
}

static void
pool_page_free(struct pool *, void *v)
{
	uvm_km_free(kernel_map, (vaddr_t)v, PAGE_SIZE);
}

struct pool_allocator pool_allocator_single = {
	pool_page_alloc, pool_page_free, PAGE_SIZE
};
