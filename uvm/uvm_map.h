/*
 * <uvm/uvm_map.h>: address space maps.
 *
 * A vm_map describes which ranges of an address space are in use, as
 * vm_map_entry records [start, end) that never overlap.  Each entry says
 * what may be done with its range (protection, and max_protection, the
 * most mprotect(2) may ever allow), what fork(2) does with it
 * (inheritance), how it will be used (advice), and what backs it, in two
 * layers (see docs/2-memory.md, "The address space of a process"):
 *
 *	aref	the upper layer: an amap (uvm_amap.h), the process's own
 *		anonymous pages, one slot per page; ar_pageoff is the slot
 *		of the entry's first page
 *	object	the lower layer: a uvm_object (uvm_object.h), a file's
 *		pages through the vnode pager, at offset for the first page
 *
 * Copy-on-write (UVM_ET_COPYONWRITE) entries never write into the object
 * layer: a write copies the page into an anon first.  UVM_ET_NEEDSCOPY
 * says the amap is not yet the entry's own (it is shared with another
 * entry since fork, or does not exist yet), so the first write fault must
 * amap_copy() it.
 *
 * The entries are kept twice: on a list sorted by address, for walking
 * ranges in order, and in a binary search tree keyed by address, so that
 * uvm_map_lookup() takes O(log n) steps instead of a list walk.  OpenBSD
 * uses a red-black tree (<sys/tree.h>); we use a treap, a binary search
 * tree whose nodes also carry a pseudo-random priority kept in heap
 * order, which keeps it balanced on average with far less code: insert
 * and remove are split and merge (uvm_map.cc).
 *
 * kernel_map describes the kernel's virtual addresses above the kernel
 * image; kmem_map is a submap of it reserved for malloc(9).  Their
 * entries come from a static array (uvm_map_reserve, uvm_unmap); user
 * maps, inside a struct vmspace, take theirs from a pool and use the
 * whole interface below.
 *
 * Locking: [I] immutable after creation, [M] the map (no locks yet: one
 * CPU, and kernel code is not preempted; XXX vm_map_lock when the kernel
 * becomes preemptible).
 */
#ifndef _UVM_UVM_MAP_H_
#define _UVM_UVM_MAP_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <uvm/uvm_extern.h>

struct pmap;
struct vm_amap;
struct uvm_object;

/* A reference to an amap: which amap, from which slot. */
struct vm_aref {
	int		ar_pageoff;	/* [M] slot of the entry's first page */
	struct vm_amap	*ar_amap;	/* [M] the amap, or null */
};

struct vm_map_entry {
	tailq_entry<vm_map_entry> link;	/* [M] in the map, by address */
	struct vm_map_entry *addr_left;	/* [M] address tree: lower starts */
	struct vm_map_entry *addr_right; /* [M] address tree: higher starts */
	u_int32_t	addr_prio;	/* [M] treap priority (heap order) */
	vaddr_t		start;		/* [M] first address */
	vaddr_t		end;		/* [M] one past the last */
	struct vm_map	*sub_map;	/* [M] a submap occupies this range */
	struct uvm_object *object;	/* [M] lower layer, or null */
	voff_t		offset;		/* [M] object offset of start */
	struct vm_aref	aref;		/* [M] upper layer */
	int		etype;		/* [M] UVM_ET_* */
	vm_prot_t	protection;	/* [M] allowed access */
	vm_prot_t	max_protection;	/* [M] the most mprotect may allow */
	vm_inherit_t	inheritance;	/* [M] MAP_INHERIT_* for fork */
	int		advice;		/* [M] MADV_* */
	int		wired_count;	/* [M] > 0: pages are wired */
};

/* etype */
#define UVM_ET_OBJ		0x0001	/* object is set */
#define UVM_ET_SUBMAP		0x0002	/* sub_map is set */
#define UVM_ET_COPYONWRITE	0x0004	/* private: writes go to anons */
#define UVM_ET_NEEDSCOPY	0x0008	/* the amap must be copied first */
#define UVM_ET_STACK		0x0040	/* a stack (MAP_STACK) */

#define UVM_ET_ISCOPYONWRITE(e)	(((e)->etype & UVM_ET_COPYONWRITE) != 0)
#define UVM_ET_ISNEEDSCOPY(e)	(((e)->etype & UVM_ET_NEEDSCOPY) != 0)

struct vm_map {
	struct pmap	*pmap;		/* [I] the page tables */
	tailq_head<vm_map_entry, &vm_map_entry::link> entries; /* [M] */
	struct vm_map_entry *addr_root;	/* [M] root of the address tree */
	vaddr_t		min_offset;	/* [I] lowest address */
	vaddr_t		max_offset;	/* [I] one past the highest */
	vsize_t		size;		/* [M] bytes mapped */
	int		nentries;	/* [M] entries in the list */
	int		flags;		/* [I] VM_MAP_* */
	const char	*name;		/* [I] for messages */
	/*
	 * Ranges random placement leaves alone (OpenBSD's b_ and s_):
	 * the brk(2) area above the data segment and the stack.
	 */
	vaddr_t		b_start, b_end;	/* [M] brk area */
	vaddr_t		s_start, s_end;	/* [M] stack area */
};

#define VM_MAP_INTRSAFE	0x01		/* used from interrupts (kmem_map) */
#define VM_MAP_ISVMSPACE 0x40		/* a user map, inside a vmspace */

#define vm_map_min(map)		((map)->min_offset)
#define vm_map_max(map)		((map)->max_offset)
#define vm_map_pmap(map)	((map)->pmap)

/*
 * A process's address space: its map, its pmap (map.pmap) and the sizes
 * exec(2) and brk(2) keep.  Sizes are in pages; vm_refcnt counts the
 * processes sharing it (vfork-style sharing; fork copies).
 */
struct vmspace {
	struct vm_map	vm_map;		/* [M] the map, with the pmap */
	int		vm_refcnt;	/* [K] processes using it */
	vsize_t		vm_tsize;	/* [M] text size, pages */
	vsize_t		vm_dsize;	/* [M] data + brk size, pages */
	vsize_t		vm_ssize;	/* [M] stack size, pages */
	vaddr_t		vm_taddr;	/* [M] start of text */
	vaddr_t		vm_daddr;	/* [M] start of data (brk base) */
	vaddr_t		vm_maxsaddr;	/* [M] lowest the stack may reach */
	vaddr_t		vm_minsaddr;	/* [M] top of the stack */
};

__BEGIN_DECLS
/* uvm_map.cc */
void	uvm_map_init(void);
void	uvm_map_setup(struct vm_map *, struct pmap *, vaddr_t min,
	    vaddr_t max, int flags, const char *name);
[[nodiscard]] int uvm_map_reserve(struct vm_map *, vsize_t size,
	    vsize_t align, int flags, vaddr_t *addrp);
struct vm_map_entry *uvm_map_lookup(struct vm_map *, vaddr_t addr);
bool	uvm_map_lookup_entry(struct vm_map *, vaddr_t addr,
	    struct vm_map_entry **entryp);
bool	uvm_map_isfree(struct vm_map *, vaddr_t start, vaddr_t end);
void	uvm_map_clip_start(struct vm_map *, struct vm_map_entry *,
	    vaddr_t addr);
void	uvm_map_clip_end(struct vm_map *, struct vm_map_entry *,
	    vaddr_t addr);
[[nodiscard]] int uvm_map_checkprot(struct vm_map *, vaddr_t start,
	    vaddr_t end, vm_prot_t prot);
int	uvm_map_check(struct vm_map *, int (*pr)(const char *, ...));
/* for uvm/ only: entries of a map */
struct vm_map_entry *uvm_mapent_alloc(struct vm_map *);
struct vm_map_entry *uvm_mapent_clone(struct vm_map *,
	    const struct vm_map_entry *);
void	uvm_map_entry_link(struct vm_map *, struct vm_map_entry *prev,
	    struct vm_map_entry *);

/* uvm_addr.cc */
[[nodiscard]] int uvm_map_findspace(struct vm_map *, vaddr_t hint,
	    vsize_t size, vsize_t align, int flags, vaddr_t *addrp);
void	uvm_map_random_seed(u_int32_t seed);
__END_DECLS

#endif /* !_UVM_UVM_MAP_H_ */
