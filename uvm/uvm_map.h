/*
 * <uvm/uvm_map.h>: address space maps.
 *
 * A vm_map describes which ranges of an address space are in use, as a
 * list of vm_map_entry records sorted by address, each [start, end) with
 * its protection and what backs it.  kernel_map describes the kernel's
 * virtual addresses above the kernel image; kmem_map is a submap of it,
 * a fixed range reserved for malloc(9).  User address spaces (struct
 * vmspace) come with the user-space issue, which also replaces the sorted
 * list with a tree so lookups are faster than a walk.
 *
 * Locking: [I] immutable after creation, [M] the map (no locks yet: one
 * CPU, and kernel code is not preempted).
 */
#ifndef _UVM_UVM_MAP_H_
#define _UVM_UVM_MAP_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <uvm/uvm_extern.h>

struct pmap;

struct vm_map_entry {
	tailq_entry<vm_map_entry> link;	/* [M] in the map, by address */
	vaddr_t		start;		/* [M] first address */
	vaddr_t		end;		/* [M] one past the last */
	struct vm_map	*sub_map;	/* [M] a submap occupies this range */
	vm_prot_t	protection;	/* [M] allowed access */
	int		wired_count;	/* [M] > 0: pages are wired */
};

struct vm_map {
	struct pmap	*pmap;		/* [I] the page tables */
	tailq_head<vm_map_entry, &vm_map_entry::link> entries; /* [M] */
	vaddr_t		min_offset;	/* [I] lowest address */
	vaddr_t		max_offset;	/* [I] one past the highest */
	vsize_t		size;		/* [M] bytes mapped */
	int		nentries;	/* [M] entries in the list */
	int		flags;		/* [I] VM_MAP_* */
	const char	*name;		/* [I] for messages */
};

#define VM_MAP_INTRSAFE	0x01		/* used from interrupts (kmem_map) */

#define UVM_FLAG_NOMERGE 0x01		/* uvm_map_reserve: own entry */

#define vm_map_min(map)		((map)->min_offset)
#define vm_map_max(map)		((map)->max_offset)
#define vm_map_pmap(map)	((map)->pmap)

__BEGIN_DECLS
void	uvm_map_setup(struct vm_map *, struct pmap *, vaddr_t min,
	    vaddr_t max, int flags, const char *name);
[[nodiscard]] int uvm_map_reserve(struct vm_map *, vsize_t size,
	    vsize_t align, int flags, vaddr_t *addrp);
void	uvm_unmap(struct vm_map *, vaddr_t start, vaddr_t end);
struct vm_map_entry *uvm_map_lookup(struct vm_map *, vaddr_t addr);
__END_DECLS

#endif /* !_UVM_UVM_MAP_H_ */
