/*
 * <sys/pool.h>: pool(9), the allocator of fixed-size objects.
 *
 * A kernel allocates a few kinds of object over and over: processes,
 * vm_map_entries, pv_entries, vnodes.  A pool serves one kind: it carves
 * whole pages into items of one size and keeps the free ones on a list
 * inside each page, so pool_get and pool_put are a few pointer moves.
 * Pages come from a pool_allocator (by default one kernel page at a time
 * from uvm_km) and go back to it when a pool holds more idle pages than
 * its high water mark allows.
 *
 *	struct pool		one per kind of object
 *	  pr_emptypages	  -> pool_page_header -> ...	no item handed out
 *	  pr_partpages	  -> pool_page_header -> ...	some handed out
 *	  pr_fullpages	  -> pool_page_header -> ...	all handed out
 *	struct pool_page_header	one per page: its free items (ph_items)
 *				and how many are out (ph_nmissing)
 *
 * The header of a page lives at the end of the page itself when that
 * costs little (small items), otherwise in an item of the internal pool
 * "phpool".  Either way pool_put finds it from the item's address alone:
 * pages are aligned to their size, so masking the address gives the page.
 * See kern/subr_pool.cc for the algorithm; this header mirrors OpenBSD's
 * sys/sys/pool.h and the names of pool(9).
 *
 * Locking legend for the structures below:
 *	[I] immutable after pool_init
 *	[P] the pool's own state, changed only by pool_* functions at
 *	    pr_ipl (XXX see subr_pool.cc: not yet enforced, no spl(9))
 *	[G] the global pool list, changed only by pool_init and
 *	    pool_destroy in process context
 */
#ifndef _SYS_POOL_H_
#define _SYS_POOL_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/queue.h>

struct pool;

/*
 * Where a pool's pages come from, as in OpenBSD.  pa_alloc returns one
 * page of pa_pagesz bytes aligned to pa_pagesz (or nullptr), pa_free takes
 * it back.  flags is PR_WAITOK or PR_NOWAIT; *slowdown may be set to ask
 * the caller to go easy on memory (nothing acts on it yet).  pa_pagesz 0
 * means PAGE_SIZE; any other value must be a power of two.
 */
struct pool_allocator {
	void	*(*pa_alloc)(struct pool *, int flags, int *slowdown);
	void	(*pa_free)(struct pool *, void *);
	size_t	pa_pagesz;
};

/* The default: single pages of kernel virtual memory (uvm_km). */
extern struct pool_allocator pool_allocator_single;

/* pool_get() flags.  PR_WAITOK and PR_NOWAIT are also pa_alloc's. */
constexpr int PR_WAITOK = 0x0001;	/* may sleep until there is memory */
constexpr int PR_NOWAIT = 0x0002;	/* fail (nullptr) rather than sleep */
constexpr int PR_LIMITFAIL = 0x0004;	/* with PR_WAITOK: fail at the hard
					   limit instead of waiting */
constexpr int PR_ZERO = 0x0008;		/* zero the item */

/* pr_roflags, set by pool_init. */
constexpr int PR_PHINPAGE = 0x0001;	/* page headers live in the page */

/*
 * A free item.  While an item is free its first bytes hold the link to the
 * next free item of its page and a magic number that depends on the item's
 * address; pool_get checks the magic (and with DIAGNOSTIC the poison in
 * the rest of the item) before handing the item out.  A raw pointer rather
 * than a queue(3) entry: the link lives in memory the pool poisons and
 * checks itself, and the list is only ever pushed and popped at its head.
 */
struct pool_item {
	struct pool_item *pi_next;	/* [P] next free item in the page */
	u_long	pi_magic;		/* [P] pool_imagic(ph, item) */
};

/*
 * One page of a pool.  Private to subr_pool.cc, but complete here because
 * struct pool holds lists of them.
 */
struct pool_page_header {
	tailq_entry<pool_page_header> ph_entry;	/* [P] on empty/part/full */
	list_entry<pool_page_header> ph_hashq;	/* [P] on pr_phhash when the
						   header is not in the page */
	struct pool	*ph_pool;		/* [I] the owner */
	struct pool_item *ph_items;		/* [P] free items, LIFO */
	caddr_t		ph_page;		/* [I] the page */
	u_int		ph_nmissing;		/* [P] items handed out */
	u_long		ph_magic;		/* [I] marks a live header */
};

using pool_pagelist = tailq_head<pool_page_header,
    &pool_page_header::ph_entry>;
using pool_phhash = list_head<pool_page_header,
    &pool_page_header::ph_hashq>;

/*
 * Off-page headers are found by hashing the page address.  OpenBSD keeps
 * them in a tree (a splay tree in 3.x, a red-black tree today); a small
 * hash is less code and as quick for the few hundred pages such pools
 * (items of a sixteenth of a page and up) hold.
 */
constexpr int POOL_PHHASHSIZE = 16;	/* a power of two */

/*
 * A pool.  It may be a global (every member has an initialiser, so a
 * global is constant-initialised: no constructor runs at boot) or live
 * inside another structure; pool_init sets every field either way.  The
 * statistics keep OpenBSD's names, so pool(9) and `vmstat -m` describe
 * them, and pool_printit_all prints them the way vmstat does.
 */
struct pool {
	tailq_entry<pool> pr_poollist;	/* [G] on the list of all pools */
	pool_pagelist	pr_emptypages;	/* [P] pages with no item out */
	pool_pagelist	pr_partpages;	/* [P] pages with some items out */
	pool_pagelist	pr_fullpages;	/* [P] pages with every item out */
	pool_phhash	pr_phhash[POOL_PHHASHSIZE]; /* [P] off-page headers */

	struct pool_allocator *pr_alloc = nullptr; /* [I] page source */
	const char	*pr_wchan = nullptr;	/* [I] name; tsleep's wmesg */
	u_int		pr_size = 0;		/* [I] item size, rounded */
	u_int		pr_align = 0;		/* [I] item alignment */
	u_int		pr_pgsize = 0;		/* [I] page size */
	vaddr_t		pr_pgmask = 0;		/* [I] item & mask = page */
	u_int		pr_phoffset = 0;	/* [I] in-page header offset */
	u_int		pr_itemsperpage = 0;	/* [I] items in a page */
	int		pr_ipl = 0;		/* [I] highest caller IPL */
	int		pr_flags = 0;		/* [I] pool_init's flags */
	int		pr_roflags = 0;		/* [I] PR_PHINPAGE */

	u_int		pr_nout = 0;		/* [P] items handed out */
	u_int		pr_npages = 0;		/* [P] pages held */
	u_int		pr_minitems = 0;	/* [P] low water mark */
	u_int		pr_minpages = 0;	/* [P] ... in pages */
	u_int		pr_maxpages = 0;	/* [P] most idle pages kept */
	u_int		pr_hardlimit = 0;	/* [P] most items out */
	const char	*pr_hardlimit_warning = nullptr; /* [P] at the limit */
	int		pr_hardlimit_ratecap = 0; /* [P] seconds apart */
	int		pr_hardlimit_warning_last = 0; /* [P] ticks then */
	bool		pr_hardlimit_warned = false; /* [P] ever printed */

	/* Statistics, as `vmstat -m` shows them. */
	u_long		pr_nitems = 0;		/* [P] free items held */
	u_long		pr_nget = 0;		/* [P] pool_gets served */
	u_long		pr_nfail = 0;		/* [P] pool_gets failed */
	u_long		pr_nput = 0;		/* [P] pool_puts */
	u_long		pr_npagealloc = 0;	/* [P] pages allocated */
	u_long		pr_npagefree = 0;	/* [P] pages freed */
	u_int		pr_hiwat = 0;		/* [P] most pages held */
	u_long		pr_nidle = 0;		/* [P] pages with none out */
};

__BEGIN_DECLS
void	pool_init(struct pool *pp, size_t size, u_int align, int ipl,
	    int flags, const char *wchan, struct pool_allocator *palloc);
void	pool_destroy(struct pool *pp);
void	*pool_get(struct pool *pp, int flags);
void	pool_put(struct pool *pp, void *v);
void	pool_setlowat(struct pool *pp, int n);
void	pool_sethiwat(struct pool *pp, int n);
int	pool_sethardlimit(struct pool *pp, u_int n, const char *warnmsg,
	    int ratecap);
int	pool_reclaim(struct pool *pp);
void	pool_reclaim_all(void);

/* ddb's "show pool" and "show all pools"; pr is printf-like. */
void	pool_printit(struct pool *pp, const char *modif,
	    int (*pr)(const char *, ...) __printflike(1, 2));
void	pool_printit_all(int (*pr)(const char *, ...) __printflike(1, 2));
__END_DECLS

/* The list of every pool, oldest first: what "show all pools" walks. */
using pool_list = tailq_head<pool, &pool::pr_poollist>;
extern pool_list pool_head;		/* [G] */

#endif /* !_SYS_POOL_H_ */
