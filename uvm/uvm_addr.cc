/*
 * uvm_addr.cc: where a new mapping goes.
 *
 * A mapping without MAP_FIXED may go anywhere free.  Placing it at the
 * lowest address that fits (first fit) makes every address predictable:
 * an attacker who learns one address in one run knows it for every run.
 * OpenBSD 3.8 began placing mmap(2) at random instead, and keeps at least
 * one unmapped page between mappings, so that running off the end of one
 * buffer faults instead of landing in the next.  This is that scheme, in
 * its simplest form (OpenBSD's uvm_addr.c has several selectable
 * allocators):
 *
 *  1. a hint (mmap's addr without MAP_FIXED) is taken if the range there
 *     is free, with its guard gaps;
 *  2. otherwise up to UVM_ADDR_TRIES random aligned addresses in the map
 *     are tried;
 *  3. if none fits (a crowded map), first fit: the lowest address after
 *     an entry's end (plus a gap) where the range fits.
 *
 * "Fits" means: [addr - gap, addr + size + gap) is free and the range
 * does not enter the two areas the map keeps for growth, the brk(2) area
 * above the data segment (b_start..b_end) and the stack (s_start..s_end).
 *
 * The random numbers come from a xorshift generator; it is not
 * cryptographic (XXX there is no arc4random(9) in the kernel yet), so
 * placement is unpredictable only to the extent its seed is.
 * uvm_map_random_seed() mixes in a seed (the boot code may pass the
 * TSC).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>

#define UVM_ADDR_TRIES	32		/* random tries before first fit */
#define UVM_ADDR_GAP	PAGE_SIZE	/* unmapped, each side of a mapping */

static u_int32_t uvm_addr_state = 0x2545f491;	/* [M] xorshift state */

/* uvm_map_random_seed: mix seed into the placement generator. */
void
uvm_map_random_seed(u_int32_t seed)
{
	uvm_addr_state ^= seed;
	if (uvm_addr_state == 0)
		uvm_addr_state = 0x2545f491;
}

/* The next pseudo-random number (Marsaglia's xorshift32). */
static u_int32_t
uvm_addr_random(void)
{
	u_int32_t x = uvm_addr_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	uvm_addr_state = x;
	return x;
}

/* Do [s, e) and [rs, re) overlap? (An empty area overlaps nothing.) */
static bool
uvm_addr_overlaps(vaddr_t s, vaddr_t e, vaddr_t rs, vaddr_t re)
{
	return rs < re && s < re && rs < e;
}

/* May a mapping of size bytes go at start, gaps included? */
static bool
uvm_addr_fits(struct vm_map *map, vaddr_t start, vsize_t size)
{
	vaddr_t end = start + size;

	if (start < map->min_offset || end < start || end > map->max_offset)
		return false;
	if (uvm_addr_overlaps(start, end, map->b_start, map->b_end) ||
	    uvm_addr_overlaps(start, end, map->s_start, map->s_end))
		return false;
	vaddr_t lo = start - map->min_offset >= UVM_ADDR_GAP ?
	    start - UVM_ADDR_GAP : map->min_offset;
	vaddr_t hi = map->max_offset - end >= UVM_ADDR_GAP ?
	    end + UVM_ADDR_GAP : map->max_offset;
	return uvm_map_isfree(map, lo, hi);
}

/* addr rounded up to align (a power of two); 0 if that wraps. */
static vaddr_t
uvm_addr_align(vaddr_t addr, vsize_t align)
{
	vaddr_t a = (addr + align - 1) & ~(align - 1);

	return a < addr ? 0 : a;
}

/*
 * uvm_map_findspace: an address for size bytes in map, aligned to align
 * (0: a page), near hint if that is free (see above).  *addrp: the
 * address.  Returns 0 or ENOMEM.  Nothing is recorded: the caller maps
 * the range (uvm_map) or only reports it (mquery).
 * => may not sleep.
 */
int
uvm_map_findspace(struct vm_map *map, vaddr_t hint, vsize_t size,
    vsize_t align, int flags, vaddr_t *addrp)
{
	vaddr_t a;

	if (align < PAGE_SIZE)
		align = PAGE_SIZE;
	size = round_page(size);
	if (size == 0 || size > map->max_offset - map->min_offset)
		return ENOMEM;

	/* 1. The hint. */
	if (hint != 0 && (a = uvm_addr_align(hint, align)) != 0 &&
	    uvm_addr_fits(map, a, size)) {
		*addrp = a;
		return 0;
	}

	/* 2. Random addresses. */
	vsize_t nslots = (map->max_offset - map->min_offset - size) / align;
	vaddr_t base = uvm_addr_align(map->min_offset, align);
	for (int i = 0; i < UVM_ADDR_TRIES && base != 0; i++) {
		a = base + (uvm_addr_random() % (nslots + 1)) * align;
		if (uvm_addr_fits(map, a, size)) {
			*addrp = a;
			return 0;
		}
	}

	/*
	 * 3. First fit, roughly: the candidates are the map's start, then
	 * just past a growth area or an entry, leaving the gap.
	 */
	if (base != 0 && uvm_addr_fits(map, base, size)) {
		*addrp = base;
		return 0;
	}
	vaddr_t areas[2] = { map->b_end, map->s_end };
	for (vaddr_t area_end : areas) {
		a = uvm_addr_align(area_end + UVM_ADDR_GAP, align);
		if (area_end != 0 && a != 0 && uvm_addr_fits(map, a, size)) {
			*addrp = a;
			return 0;
		}
	}
	for (struct vm_map_entry *e : map->entries) {
		a = uvm_addr_align(e->end + UVM_ADDR_GAP, align);
		if (a != 0 && uvm_addr_fits(map, a, size)) {
			*addrp = a;
			return 0;
		}
	}
	return ENOMEM;
}
