/*
 * <uvm/uvm_amap.h>: anonymous memory maps (amaps) and anons, UVM's upper
 * layer.
 *
 * An anon (struct vm_anon) is one page of anonymous memory: memory with
 * no file behind it, which a process gets from mmap(MAP_ANON), brk(2),
 * its stack, or by writing to a private mapping of a file.  It holds its
 * page (an_page) and a reference count: the number of amap slots that
 * point at it.  An anon with more than one reference is shared
 * copy-on-write: whoever writes first gets a copy (uvm_fault, case 1B).
 *
 * An amap (struct vm_amap) is an array of anon pointers, one slot per
 * page of the entries that refer to it (through a vm_aref: the amap and
 * the slot of the entry's first page).  Its reference count counts those
 * entries.  fork(2) makes a private mapping's amap shared by parent and
 * child, both entries marked "needs copy"; the first write fault in either
 * runs amap_copy(): a new amap pointing at the same anons, each of which
 * gains a reference.  So fork copies pointers, not pages, and pages are
 * copied one at a time, when written.  A MAP_INHERIT_SHARE mapping's amap
 * is shared for real (AMAP_SHARED): writes through either process land
 * in the same anons.
 *
 * Simplification: OpenBSD keeps per-page reference counts (am_ppref) so
 * that unmapping part of a shared amap frees those anons at once; here a
 * slot's anon is freed when the amap itself goes (or at once, when the
 * amap has a single reference).  Mirrors OpenBSD's uvm_amap.c and
 * uvm_anon.c.
 *
 * Locking: [A] the amap, [a] the anon (one CPU, no kernel preemption: no
 * locks yet; XXX when that changes).
 */
#ifndef _UVM_UVM_AMAP_H_
#define _UVM_UVM_AMAP_H_

#include <sys/types.h>
#include <uvm/uvm_extern.h>

struct vm_aref;
struct vm_map;
struct vm_map_entry;

struct vm_anon {
	int		an_ref;		/* [a] amap slots pointing here */
	struct vm_page	*an_page;	/* [a] the page (never paged out) */
};

/*
 * Besides the slots themselves (am_anon), an amap keeps the numbers of
 * the slots in use packed at the front of am_slots, with am_bckptr[slot]
 * giving each one's place there, as OpenBSD's classic amaps did: fork,
 * copy and exit then walk the am_nused anons a process really has, not
 * every page of its mappings (a stack's amap has 2048 slots, of which a
 * program touches a few).
 */
struct vm_amap {
	int		am_ref;		/* [A] entries referring to it */
	int		am_flags;	/* [A] AMAP_* */
	int		am_nslot;	/* [I] slots (pages) */
	int		am_nused;	/* [A] slots holding an anon */
	struct vm_anon	**am_anon;	/* [A] the slots */
	int		*am_slots;	/* [A] the slots in use, am_nused */
	int		*am_bckptr;	/* [A] slot -> its index in am_slots */
};

/* am_flags */
#define AMAP_SHARED	0x1		/* shared for real (INHERIT_SHARE) */

__BEGIN_DECLS
/* uvm_anon.cc */
void	uvm_anon_init(void);
struct vm_anon *uvm_analloc(void);
void	uvm_anfree(struct vm_anon *);
void	uvm_anon_unref(struct vm_anon *);

/* uvm_amap.cc */
void	amap_init(void);
struct vm_amap *amap_alloc(vsize_t size);
void	amap_wprotect(struct vm_amap *);
void	amap_ref(struct vm_amap *, int flags);
void	amap_unref(struct vm_amap *);
[[nodiscard]] int amap_copy(struct vm_map *, struct vm_map_entry *);
struct vm_anon *amap_lookup(struct vm_aref *, vaddr_t offset);
void	amap_add(struct vm_aref *, vaddr_t offset, struct vm_anon *,
	    bool replace);
void	amap_unadd(struct vm_aref *, vaddr_t offset);
void	amap_wipeout_range(struct vm_aref *, vaddr_t offset, vsize_t len);
__END_DECLS

#endif /* !_UVM_UVM_AMAP_H_ */
