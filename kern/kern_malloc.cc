/*
 * kern_malloc.cc: malloc(9) and free(9), the kernel memory allocator.
 *
 * This is the 4.4BSD design that OpenBSD keeps in sys/kern/kern_malloc.c
 * (McKusick and Karels, "Design of a General Purpose Memory Allocator for
 * the 4.3BSD UNIX Kernel").  All of its memory lies in kmem_map, a submap
 * of kernel_map set aside at boot by kmeminit(), and it hands out two
 * kinds of blocks:
 *
 *  - Small ones, up to MAXALLOCSAVE (8 KiB), come from buckets: bucket[i]
 *    keeps a free list of chunks of exactly 2^i bytes, i from MINBUCKET
 *    (16 bytes) to MAXBUCKET.  A request is rounded up to its power of
 *    two (BUCKETINDX).  When a bucket is empty, malloc takes a fresh page
 *    (two for the 8 KiB bucket) from kmem_map and cuts it into chunks, so
 *    every chunk is aligned to its size (the 8 KiB ones to a page).
 *    Freed chunks go back on their bucket's list and their pages are
 *    never returned to the VM system, exactly as in OpenBSD: malloc
 *    trades memory for speed in the sizes the kernel asks for most.
 *  - Large ones are whole pages straight from kmem_map (uvm_km_kmemalloc)
 *    and go straight back on free (uvm_km_free).
 *
 * free() is told only an address, a type and perhaps a size, so it must
 * find out how big the block is.  It does that with kmemusage[], one
 * small record per page of kmem_map: which bucket the page was cut for
 * (ku_indx) and how many of its chunks are free, or, for the first page
 * of a large block, how many pages the block has.  Because kmem_map is
 * one contiguous range, the record of an address is an array index away
 * (btokup).
 *
 * Statistics are always kept (OpenBSD's "option KMEMSTATS", which its
 * GENERIC kernels have): per type in kmemstats[] and per size in bucket[].
 * Each type may hold at most ks_limit bytes.  malloc_printit() prints them
 * the way `vmstat -m` does; ddb's "show malloc" calls it.
 *
 * With DIAGNOSTIC, the allocator watches its callers:
 *
 *  - Freed chunks are filled with a poison pattern (0xdeadbeef or
 *    0xdeafbead, OpenBSD's words), and the pattern is checked when the
 *    chunk is handed out again: a write through a stale pointer is caught
 *    at the next malloc of that size ("use after free").
 *  - kmemtype[] remembers, for every MINALLOCSIZE slot of kmem_map, the
 *    type of the block that starts there and whether it is free.  That
 *    lets free() check that the caller names the type malloc recorded,
 *    and catch a second free of the same block at once, in O(1).  (OpenBSD
 *    only notices a double free by searching the bucket's free list; it
 *    does not check the type.)  A table is used rather than a header in
 *    front of each block because a header would push every power-of-two
 *    request into the next bucket and spoil the chunks' alignment.  It
 *    costs one byte per 16 bytes of kmem_map, and only DIAGNOSTIC kernels
 *    pay it.
 *  - free() checks that the address is the start of a block malloc gave
 *    out, and that a non-zero freedsize belongs to the same bucket (or,
 *    for large blocks, rounds to the same number of pages).
 * Each failed check panics with the address and the type.
 *
 * Where we differ from OpenBSD, because the kernel cannot sleep yet:
 * M_WAITOK cannot wait for memory or for a type to come under its limit,
 * so both panic (see XXX below) unless M_CANFAIL asks for nullptr.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>

#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>

/*
 * Locking: [I] set by kmeminit(), then immutable; [K] changed only
 * inside malloc() and free().  OpenBSD guards [K] with malloc_mtx at
 * IPL_VM, because interrupt handlers may call malloc(M_NOWAIT).
 * XXX: there is no spl(9) yet, no interrupt handler allocates and the
 * kernel is not preempted, so today nothing can run in between; once
 * spl(9) exists, malloc() and free() raise to splvm around [K].
 */
struct kmemstats kmemstats[M_LAST];	/* [K] */
struct kmembuckets bucket[NBUCKETS];	/* [K], kb_elmpercl etc. [I] */
struct kmemusage *kmemusage;		/* [I] array; records [K] */
char *kmembase, *kmemlimit;		/* [I] */
/*
 * kmem_map itself, the pointer, is uvm's (<uvm/uvm_extern.h>); kmeminit()
 * points it here.  constinit: built by the compiler, not at boot.
 */
constinit static struct vm_map kmem_map_store{};

/*
 * The size of kmem_map in pages.  0 means "compute it at boot" (see
 * kmeminit_nkmempages); a kernel configuration can preset it with
 * option NKMEMPAGES, as in OpenBSD.
 */
#ifndef NKMEMPAGES
#define NKMEMPAGES	0
#endif
u_int nkmempages = NKMEMPAGES;		/* [I] */

/* The names `vmstat -m` prints, null for numbers we leave out. */
constexpr const char *const memname[M_LAST] = INITKMEMNAMES;

/* A miscounted line above would shift every name after it: check some. */
static constexpr bool
name_is(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b)
		a++, b++;
	return *a == *b;
}
static_assert(name_is(memname[M_DEVBUF], "devbuf"));
static_assert(name_is(memname[M_SUBPROC], "subproc"));
static_assert(name_is(memname[M_MISCFSMNT], "miscfs mount"));
static_assert(name_is(memname[M_VMSWAP], "VM swap"));
static_assert(name_is(memname[M_UVMAOBJ], "UVM aobj"));
static_assert(name_is(memname[M_TEMP], "temp"));
/* kmemtype[] keeps a type in seven bits and a "free" flag in the eighth. */
static_assert(M_LAST <= 128);

/*
 * A free chunk.  Only the link is needed, and it sits at offset 8, not 0,
 * for the reason OpenBSD gives: the first words of a structure are the
 * ones a stale pointer most often writes, and a smashed link breaks the
 * free list rather than one chunk.  With DIAGNOSTIC everything but the
 * link holds poison.
 */
struct kmem_freelist {
	uint32_t		kf_spare[2];	/* poison */
	struct kmem_freelist	*kf_next;	/* next free chunk */
};
static_assert(sizeof(struct kmem_freelist) <= MINALLOCSIZE);

static inline struct kmemusage *
btokup(const void *addr)
{
	return &kmemusage[((const char *)addr - kmembase) >> PAGE_SHIFT];
}

static inline bool
kmem_valid_type(int type)
{
	return type > M_FREE && type < M_LAST && memname[type] != nullptr;
}

static inline const char *
kmem_typename(int type)
{
	return (type >= 0 && type < M_LAST && memname[type] != nullptr) ?
	    memname[type] : "???";
}

#ifdef DIAGNOSTIC
/*
 * kmemtype[]: one byte per MINALLOCSIZE slot of kmem_map, for the slot
 * where a block starts.  A block in use holds its type; a free one holds
 * KMT_FREE | the type of its last owner (M_FREE if it never had one), so
 * a panic can name the likely culprit.  [K]
 */
static u_char *kmemtype;
constexpr u_char KMT_FREE = 0x80;

static inline u_char *
kmemtypep(const void *addr)
{
	return &kmemtype[((const char *)addr - kmembase) >> MINBUCKET];
}

/*
 * The poison.  Like OpenBSD's poison_value() (which has four variants;
 * we keep its two base words), the word depends on the page, so that no
 * single value means "freed" everywhere: a stale pointer that copies
 * poison from a chunk on one page into a chunk on the next is caught too.
 */
constexpr uint32_t POISON0 = 0xdeadbeef;	/* OpenBSD's WEIRD_ADDR */
constexpr uint32_t POISON1 = 0xdeafbead;

static inline uint32_t
poison_value(const void *addr)
{
	return (atop((vaddr_t)addr) & 1) ? POISON1 : POISON0;
}

/* Is word i of a chunk part of the free-list link (and not poisoned)? */
static inline bool
poison_skip(size_t i)
{
	constexpr size_t first = offsetof(kmem_freelist, kf_next) / 4;

	return i >= first && i < first + sizeof(void *) / 4;
}

/* Fill a free chunk of size bytes with poison, around its link. */
static void
poison_mem(void *addr, size_t size)
{
	uint32_t *ip = (uint32_t *)addr, pv = poison_value(addr);

	for (size_t i = 0; i < size / 4; i++)
		if (!poison_skip(i))
			ip[i] = pv;
}

/*
 * Check a free chunk's poison.  Returns true, and the first word that
 * differs in *idx, if someone wrote to the chunk while it was free.
 */
static bool
poison_check(const void *addr, size_t size, size_t *idx)
{
	const uint32_t *ip = (const uint32_t *)addr;
	uint32_t pv = poison_value(addr);

	for (size_t i = 0; i < size / 4; i++) {
		if (!poison_skip(i) && ip[i] != pv) {
			*idx = i;
			return true;
		}
	}
	return false;
}
#endif /* DIAGNOSTIC */

/*
 * kmeminit_nkmempages: choose the size of kmem_map.  OpenBSD's rule is a
 * quarter of physical memory, clamped by the kernel's address space; we
 * take a quarter of the pages UVM manages (uvmexp.npages), at least 1 MiB
 * so that a machine with 8 MiB still gets a useful malloc (2 MiB there),
 * and at most 64 MiB (OpenBSD allows 64 MiB for kernel address spaces up
 * to 512 MiB and 128 MiB above; the smaller figure leaves i386's 768 MiB
 * of kernel space to everything else).  Only address space is reserved
 * here; pages are taken as malloc needs them.
 */
static void
kmeminit_nkmempages(void)
{
	u_int npages;

	if (nkmempages != 0)
		return;		/* preset by the configuration */
	npages = uvmexp.npages / 4;
	if (npages < atop(1024 * 1024))
		npages = atop(1024 * 1024);
	if (npages > atop(64 * 1024 * 1024))
		npages = atop(64 * 1024 * 1024);
	nkmempages = npages;
}

/*
 * kmeminit: set up the allocator: reserve kmem_map and allocate the
 * per-page records.
 * => called once from main(), after uvm_init() (kernel_map and uvm_km must
 *    work) and before anything calls malloc(9).
 * => calling it again starts over and forgets every block; only the host
 *    tests do that, right after uvm_stub_reset() took back every page.
 */
void
kmeminit(void)
{
	vaddr_t base, limit;
	size_t npg;

	kmeminit_nkmempages();
	base = vm_map_min(kernel_map);
	kmem_map = uvm_km_suballoc(kernel_map, &base, &limit,
	    ptoa((vsize_t)nkmempages), VM_MAP_INTRSAFE, false,
	    &kmem_map_store);
	kmembase = (char *)base;
	kmemlimit = (char *)limit;

	/* Size the tables by the range we got, not the one we asked for. */
	npg = atop(limit - base);
	kmemusage = (struct kmemusage *)uvm_km_zalloc(kernel_map,
	    round_page(npg * sizeof(struct kmemusage)));
	if (kmemusage == nullptr)
		panic("kmeminit: no memory for %zu kmemusage records", npg);
#ifdef DIAGNOSTIC
	kmemtype = (u_char *)uvm_km_zalloc(kernel_map,
	    round_page((limit - base) >> MINBUCKET));
	if (kmemtype == nullptr)
		panic("kmeminit: no memory for kmemtype");
#endif

	memset(bucket, 0, sizeof(bucket));
	for (int indx = 0; indx < NBUCKETS; indx++) {
		if ((1L << indx) >= PAGE_SIZE)
			bucket[indx].kb_elmpercl = 1;
		else
			bucket[indx].kb_elmpercl = PAGE_SIZE >> indx;
		bucket[indx].kb_highwat = 5 * bucket[indx].kb_elmpercl;
	}
	/* OpenBSD's limit: any one type may hold 60% of kmem_map. */
	memset(kmemstats, 0, sizeof(kmemstats));
	for (int type = 0; type < M_LAST; type++)
		kmemstats[type].ks_limit = (long)((limit - base) / 10 * 6);
}

/*
 * kmem_pagealloc: npg pages of kmem_map for malloc; nullptr if there are
 * none.  XXX: OpenBSD lets an M_WAITOK caller wait in uvm for the page
 * daemon to free pages.  We have neither sleep nor page daemon, so uvm is
 * always asked to fail rather than wait, and malloc() decides what a
 * failure means.
 */
static caddr_t
kmem_pagealloc(long npg, int flags)
{
	int kmflags = (flags & M_NOWAIT) ? UVM_KMF_NOWAIT : UVM_KMF_CANFAIL;

	return (caddr_t)uvm_km_kmemalloc(kmem_map, nullptr, ptoa((vsize_t)npg),
	    kmflags);
}

/*
 * bucket_fill: cut fresh pages into chunks for an empty bucket.  Returns
 * false, changing nothing, if kmem_map has no pages.
 */
static bool
bucket_fill(struct kmembuckets *kbp, long indx, int flags)
{
	long allocsize = 1L << indx;
	long npg = atop(round_page(allocsize));
	struct kmem_freelist *freep, *prev = nullptr;
	caddr_t va;

	va = kmem_pagealloc(npg, flags);
	if (va == nullptr)
		return false;
	btokup(va)->ku_indx = indx;
	btokup(va)->ku_freecnt = kbp->kb_elmpercl;
	kbp->kb_total += kbp->kb_elmpercl;
	kbp->kb_totalfree += kbp->kb_elmpercl;

	/* Link the chunks in address order; the bucket was empty. */
	for (caddr_t cp = va; cp < va + ptoa(npg); cp += allocsize) {
		freep = (struct kmem_freelist *)cp;
		freep->kf_next = nullptr;
#ifdef DIAGNOSTIC
		poison_mem(cp, allocsize);
		*kmemtypep(cp) = KMT_FREE | M_FREE;
#endif
		if (prev == nullptr)
			kbp->kb_next = cp;
		else
			prev->kf_next = freep;
		prev = freep;
	}
	kbp->kb_last = (caddr_t)prev;
	return true;
}

#ifdef DIAGNOSTIC
/*
 * bucket_check: before the first chunk of a bucket is handed out, check
 * that nothing wrote to it while it was free and that its link leads to
 * another free chunk of the same bucket.  Panics, changing nothing, if
 * not.
 */
static void
bucket_check(struct kmembuckets *kbp, long indx)
{
	struct kmem_freelist *freep = (struct kmem_freelist *)kbp->kb_next;
	struct kmem_freelist *next = freep->kf_next;
	long allocsize = 1L << indx;
	int lasttype = *kmemtypep(freep) & ~KMT_FREE;
	size_t idx;

	if ((*kmemtypep(freep) & KMT_FREE) == 0)
		panic("malloc: %p on the %ld-byte free list is in use "
		    "(type %s)", freep, allocsize, kmem_typename(lasttype));
	if (poison_check(freep, allocsize, &idx))
		panic("malloc: use after free: word %zu of %p (%ld-byte "
		    "chunk, last freed as type %s) is 0x%08x, not 0x%08x",
		    idx, freep, allocsize, kmem_typename(lasttype),
		    ((uint32_t *)freep)[idx], poison_value(freep));
	if (next == nullptr ? (caddr_t)freep != kbp->kb_last :
	    ((caddr_t)next < kmembase || (caddr_t)next >= kmemlimit ||
	    ((vaddr_t)next & (MIN(allocsize, PAGE_SIZE) - 1)) != 0 ||
	    btokup(next)->ku_indx != indx ||
	    (*kmemtypep(next) & KMT_FREE) == 0))
		panic("malloc: use after free: link of %p (%ld-byte chunk, "
		    "last freed as type %s) smashed: %p", freep, allocsize,
		    kmem_typename(lasttype), next);
}
#endif

/*
 * malloc_limit: a type is at its limit.  Returns true if malloc must
 * return nullptr.
 */
static bool
malloc_limit(struct kmemstats *ksp, int type, int flags)
{
	if (flags & M_NOWAIT)
		return true;
	if (ksp->ks_limblocks < 65535)
		ksp->ks_limblocks++;
	/*
	 * XXX: OpenBSD sleeps here until free() brings the type back under
	 * its limit.  Without tsleep(9) that cannot happen, so a caller who
	 * can take no for an answer (M_CANFAIL) gets nullptr and everyone
	 * else a panic.
	 */
	if (flags & M_CANFAIL)
		return true;
	panic("malloc: type %s is over its limit of %ld bytes",
	    memname[type], ksp->ks_limit);
}

/*
 * malloc: allocate size bytes of memory of the given type.
 * => flags: M_WAITOK or M_NOWAIT (M_NOWAIT wins if both are given), plus
 *    M_ZERO to zero the memory and M_CANFAIL to get nullptr rather than a
 *    panic when the memory cannot be had.
 * => M_NOWAIT: may be called from interrupt context (once spl(9) exists)
 *    and returns nullptr, changing nothing, when there is no memory or
 *    the type is at its limit.
 * => M_WAITOK: may sleep in OpenBSD; here it never sleeps, and panics
 *    where it would have slept (XXX: no tsleep yet), unless M_CANFAIL.
 * => the block is aligned to its bucket size (at least 16 bytes, at most
 *    a page); large blocks are page aligned.
 */
void *
malloc(size_t size, int type, int flags)
{
	struct kmemstats *ksp;
	struct kmembuckets *kbp;
	struct kmemusage *kup;
	long indx, npg, allocsize;
	caddr_t va;

	if (!kmem_valid_type(type))
		panic("malloc: bogus type %d", type);
	KASSERT(flags & (M_WAITOK | M_NOWAIT));
	KASSERT(kmemusage != nullptr);		/* kmeminit() has run */
	ksp = &kmemstats[type];

	if (size > MALLOC_MAX) {
		if (flags & M_CANFAIL)
			return nullptr;
		panic("malloc: allocation too large, type %s, size %zu",
		    memname[type], size);
	}
	indx = BUCKETINDX(size);
	allocsize = size > MAXALLOCSAVE ? (long)round_page(size) : 1L << indx;
	kbp = &bucket[indx];

	/*
	 * OpenBSD counts the memory against the type before it drops its
	 * lock to call uvm, and takes it back on failure; nothing can run
	 * in between here, so we count only once we have the memory.
	 */
	if (ksp->ks_memuse >= ksp->ks_limit && malloc_limit(ksp, type, flags))
		return nullptr;

	if (allocsize > MAXALLOCSAVE) {
		npg = atop(allocsize);
		va = kmem_pagealloc(npg, flags);
		if (va == nullptr)
			goto nomem;
		kup = btokup(va);
		kup->ku_indx = indx;
		kup->ku_pagecnt = npg;
		kbp->kb_total += kbp->kb_elmpercl;
		goto out;
	}
	if (kbp->kb_next == nullptr && !bucket_fill(kbp, indx, flags))
		goto nomem;
#ifdef DIAGNOSTIC
	bucket_check(kbp, indx);
#endif
	va = kbp->kb_next;
	kbp->kb_next = (caddr_t)((struct kmem_freelist *)va)->kf_next;
	if (kbp->kb_next == nullptr)
		kbp->kb_last = nullptr;
	kup = btokup(va);
	if (kup->ku_indx != indx)
		panic("malloc: wrong bucket: %p is in page of bucket %d, "
		    "not %ld", va, kup->ku_indx, indx);
	if (kup->ku_freecnt == 0)
		panic("malloc: lost data: %p, bucket %ld", va, indx);
	kup->ku_freecnt--;
	kbp->kb_totalfree--;
#ifdef DIAGNOSTIC
	/* Poison the link too, so no free-list pointer leaks to the user. */
	((struct kmem_freelist *)va)->kf_next =
	    (struct kmem_freelist *)(uintptr_t)poison_value(va);
#endif
out:
#ifdef DIAGNOSTIC
	*kmemtypep(va) = (u_char)type;
#endif
	kbp->kb_calls++;
	ksp->ks_memuse += allocsize;
	ksp->ks_size |= 1L << indx;
	ksp->ks_inuse++;
	ksp->ks_calls++;
	if (ksp->ks_memuse > ksp->ks_maxused)
		ksp->ks_maxused = ksp->ks_memuse;
	if (flags & M_ZERO)
		memset(va, 0, size);
	return va;

nomem:
	/*
	 * kmem_map has no pages or no address space left.  (OpenBSD notes
	 * that malloc could give back the wholly free pages of buckets here,
	 * and does not either.)
	 */
	if (ksp->ks_mapblocks < 65535)
		ksp->ks_mapblocks++;
	if ((flags & (M_NOWAIT | M_CANFAIL)) == 0)
		/* XXX: OpenBSD waits for the page daemon; we cannot. */
		panic("malloc: out of space in kmem_map");
	return nullptr;
}

#ifdef DIAGNOSTIC
/*
 * free_check: is addr a block malloc handed out, of this type and size?
 * size is the block's real size (bucket or pages).  Panics, changing
 * nothing, if not.
 */
static void
free_check(void *addr, int type, size_t freedsize, struct kmemusage *kup,
    long size)
{
	u_char kt = *kmemtypep(addr);
	int owner = kt & ~KMT_FREE;

	/* Large blocks are page aligned, bucket chunks aligned to size. */
	if (((vaddr_t)addr & (MIN(size, (long)PAGE_SIZE) - 1)) != 0)
		panic("free: unaligned addr %p, type %s: not the start of "
		    "a %ld-byte block", addr, kmem_typename(type), size);
	if (kt & KMT_FREE)
		panic("free: %p, type %s, is already free (last freed as "
		    "type %s): double free", addr, kmem_typename(type),
		    kmem_typename(owner));
	if (owner != type)
		panic("free: %p was allocated as type %s, freed as type %s",
		    addr, kmem_typename(owner), kmem_typename(type));
	if (freedsize == 0)
		return;		/* the caller does not know the size */
	if (size > MAXALLOCSAVE ? (long)round_page(freedsize) != size :
	    BUCKETINDX(freedsize) != kup->ku_indx)
		panic("free: size %zu does not match %p, a %ld-byte block "
		    "of type %s", freedsize, addr, size,
		    kmem_typename(type));
}
#endif

/*
 * free: give back a block malloc returned.
 * => type must be the type it was allocated with; freedsize its size as
 *    passed to malloc, or 0 if the caller does not know it.
 * => free(nullptr, ...) does nothing.
 * => may be called from interrupt context (once spl(9) exists); never
 *    sleeps.  With DIAGNOSTIC, panics on a block that is not one, not of
 *    this type or size, or already free.
 */
void
free(void *addr, int type, size_t freedsize)
{
	struct kmemstats *ksp;
	struct kmembuckets *kbp;
	struct kmemusage *kup;
	struct kmem_freelist *freep;
	long size;

	if (addr == nullptr)
		return;
#ifdef DIAGNOSTIC
	if (!kmem_valid_type(type))
		panic("free: bogus type %d (addr %p)", type, addr);
	if ((char *)addr < kmembase || (char *)addr >= kmemlimit)
		panic("free: non-malloced addr %p type %s", addr,
		    memname[type]);
#endif
	kup = btokup(addr);
	if (kup->ku_indx < MINBUCKET) {
#ifdef DIAGNOSTIC
		/* A large block freed twice: its pages are gone. */
		if (*kmemtypep(addr) & KMT_FREE)
			panic("free: %p, type %s, is already free (last freed "
			    "as type %s): double free", addr, memname[type],
			    kmem_typename(*kmemtypep(addr) & ~KMT_FREE));
#endif
		panic("free: %p, type %s, is not in a page malloc uses",
		    addr, kmem_typename(type));
	}
	size = 1L << kup->ku_indx;
	if (size > MAXALLOCSAVE)
		size = ptoa((long)kup->ku_pagecnt);
#ifdef DIAGNOSTIC
	free_check(addr, type, freedsize, kup, size);
	*kmemtypep(addr) = KMT_FREE | type;
#endif
	kbp = &bucket[kup->ku_indx];
	ksp = &kmemstats[type];
	ksp->ks_memuse -= size;
	ksp->ks_inuse--;
	/* XXX: OpenBSD wakes up M_WAITOK callers waiting on the limit. */

	if (size > MAXALLOCSAVE) {
		long npg = kup->ku_pagecnt;

		kup->ku_indx = 0;
		kup->ku_pagecnt = 0;
		kbp->kb_total -= 1;
		uvm_km_free(kmem_map, (vaddr_t)addr, ptoa((vsize_t)npg));
		return;
	}

	freep = (struct kmem_freelist *)addr;
#ifdef DIAGNOSTIC
	poison_mem(addr, size);
#endif
	kup->ku_freecnt++;
	if (kup->ku_freecnt >= kbp->kb_elmpercl) {
		if (kup->ku_freecnt > kbp->kb_elmpercl)
			panic("free: multiple frees of %p, type %s", addr,
			    kmem_typename(type));
		/* A whole page is free; OpenBSD counts, and keeps it. */
		if (kbp->kb_totalfree > kbp->kb_highwat)
			kbp->kb_couldfree++;
	}
	kbp->kb_totalfree++;

	/* To the tail: the chunk rests as long as possible (see header). */
	freep->kf_next = nullptr;
	if (kbp->kb_next == nullptr)
		kbp->kb_next = (caddr_t)freep;
	else
		((struct kmem_freelist *)kbp->kb_last)->kf_next = freep;
	kbp->kb_last = (caddr_t)freep;
}

/*
 * mallocarray: malloc(nmemb * size), panicking (or returning nullptr
 * with M_CANFAIL) if the product overflows, as OpenBSD's.
 */
void *
mallocarray(size_t nmemb, size_t size, int type, int flags)
{
	if (size != 0 && nmemb > SIZE_MAX / size) {
		if (flags & M_CANFAIL)
			return nullptr;
		panic("mallocarray: overflow %zu * %zu", nmemb, size);
	}
	return malloc(nmemb * size, type, flags);
}

/*
 * malloc_printit: print the statistics as `vmstat -m` does (by bucket
 * size, by type, totals), through pr, which is printf or ddb's printer.
 * => reads [K] without a lock: numbers may be a moment apart.
 */
void
malloc_printit(int (*pr)(const char *, ...))
{
	long totuse = 0, totfree = 0, totreq = 0;

	(*pr)("Memory statistics by bucket size\n");
	(*pr)("    Size   In Use   Free   Requests  HighWater  Couldfree\n");
	for (int i = MINBUCKET; i < NBUCKETS; i++) {
		struct kmembuckets *kbp = &bucket[i];

		if (kbp->kb_calls == 0)
			continue;
		(*pr)("%8ld %8llu %6llu %10llu %10llu %10llu\n", 1L << i,
		    (unsigned long long)(kbp->kb_total - kbp->kb_totalfree),
		    (unsigned long long)kbp->kb_totalfree,
		    (unsigned long long)kbp->kb_calls,
		    (unsigned long long)kbp->kb_highwat,
		    (unsigned long long)kbp->kb_couldfree);
		totfree += (long)kbp->kb_totalfree << i;
	}

	(*pr)("\nMemory statistics by type                           "
	    "Type  Kern\n");
	(*pr)("          Type InUse MemUse HighUse  Limit Requests Limit "
	    "Limit Size(s)\n");
	for (int type = 0; type < M_LAST; type++) {
		struct kmemstats *ksp = &kmemstats[type];
		bool first = true;

		if (ksp->ks_calls == 0)
			continue;
		(*pr)("%14s%6ld%6ldK%7ldK%6ldK%9ld%5u%6u",
		    kmem_typename(type), ksp->ks_inuse,
		    (ksp->ks_memuse + 1023) / 1024,
		    (ksp->ks_maxused + 1023) / 1024,
		    (ksp->ks_limit + 1023) / 1024, ksp->ks_calls,
		    (u_int)ksp->ks_limblocks, (u_int)ksp->ks_mapblocks);
		for (int i = MINBUCKET; i < NBUCKETS; i++) {
			if ((ksp->ks_size & (1L << i)) == 0)
				continue;
			(*pr)(first ? "  " : ",");
			if (i < 10)
				(*pr)("%ld", 1L << i);
			else
				(*pr)("%ldK", 1L << (i - 10));
			first = false;
		}
		(*pr)("\n");
		totuse += ksp->ks_memuse;
		totreq += ksp->ks_calls;
	}
	(*pr)("\nMemory Totals:  In Use    Free    Requests\n");
	(*pr)("              %7ldK %6ldK    %8ld\n", (totuse + 1023) / 1024,
	    (totfree + 1023) / 1024, totreq);
}
