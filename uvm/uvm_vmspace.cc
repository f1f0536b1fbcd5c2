/*
 * uvm_vmspace.cc: process address spaces (struct vmspace).
 *
 * A vmspace is what a process's pointer ps_vmspace points at: a user map
 * (VM_MAP_ISVMSPACE, from VM_MIN_ADDRESS to VM_MAXUSER_ADDRESS) with its
 * own pmap, and the sizes and addresses exec(2) and brk(2) keep.
 *
 *	uvmspace_alloc	an empty address space (exec, the first process)
 *	uvmspace_fork	the child's address space at fork(2), entry by
 *			entry according to each entry's inheritance
 *	uvmspace_free	drop a reference; the last one unmaps everything
 *			and destroys the pmap
 *
 * Fork copies no page.  For each entry of the parent:
 *
 *	MAP_INHERIT_NONE	the child does not get it
 *	MAP_INHERIT_SHARE	the child's entry refers to the same amap
 *				(made now if there was none, and marked
 *				AMAP_SHARED) and object: writes by either
 *				are seen by both
 *	MAP_INHERIT_COPY	copy-on-write: both entries refer to the
 *				same amap and are marked needs-copy, and
 *				the parent's pages are made read-only in
 *				its pmap, so the first write of either
 *				faults and copies (uvm_fault.cc, case 1B)
 *	MAP_INHERIT_ZERO	the child gets fresh zero-fill memory there
 *
 * The child's pmap starts empty: its pages come back through faults.
 * OpenBSD keeps these in uvm_map.c; they are here to keep files readable.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_amap.h>
#include <uvm/uvm_object.h>
#include <machine/pmap.h>

/*
 * uvmspace_alloc: a new, empty address space over [min, max) with a new
 * pmap, one reference.
 * => process context; may sleep.
 */
struct vmspace *
uvmspace_alloc(vaddr_t min, vaddr_t max)
{
	struct vmspace *vm = (struct vmspace *)malloc(sizeof(*vm), M_VMMAP,
	    M_WAITOK | M_ZERO);

	uvm_map_setup(&vm->vm_map, pmap_create(), min, max, VM_MAP_ISVMSPACE,
	    "vmspace");
	vm->vm_refcnt = 1;
	return vm;
}

/* uvmspace_addref: one more process shares vm. */
void
uvmspace_addref(struct vmspace *vm)
{
	KASSERT(vm->vm_refcnt > 0);
	vm->vm_refcnt++;
}

/*
 * uvmspace_free: drop a reference; the last one unmaps everything (the
 * anons and object pages go with their last reference) and destroys the
 * pmap.
 * => process context; the pmap must not be the one loaded in the CPU
 *    (exit switches to the kernel's first: pmap_activate of another
 *    process, or pmap_load(pmap_kernel())).
 */
void
uvmspace_free(struct vmspace *vm)
{
	KASSERT(vm->vm_refcnt > 0);
	if (--vm->vm_refcnt > 0)
		return;
	struct vm_map *map = &vm->vm_map;
	uvm_unmap(map, vm_map_min(map), vm_map_max(map));
	KASSERT(map->nentries == 0);
	pmap_destroy(map->pmap);
	free(vm, M_VMMAP, sizeof(*vm));
}

/* SHARE: the child refers to the very same memory. */
static void
uvmspace_fork_share(struct vm_map *old_map, struct vm_map_entry *old,
    struct vm_map *new_map, struct vm_map_entry *prev)
{
	/*
	 * Sharing needs a real amap, the parent's own: make it now if the
	 * entry is waiting for a copy (or has no amap yet).
	 */
	if (UVM_ET_ISNEEDSCOPY(old) && amap_copy(old_map, old) != 0)
		panic("uvmspace_fork: no memory for an amap");	/* XXX */
	struct vm_map_entry *n = uvm_mapent_clone(new_map, old);
	if (n->aref.ar_amap != nullptr)
		n->aref.ar_amap->am_flags |= AMAP_SHARED;
	uvm_map_entry_link(new_map, prev, n);
	new_map->size += n->end - n->start;
}

/* COPY: copy-on-write for both. */
static void
uvmspace_fork_copy(struct vm_map *old_map, struct vm_map_entry *old,
    struct vm_map *new_map, struct vm_map_entry *prev)
{
	struct vm_map_entry *n = uvm_mapent_clone(new_map, old);

	n->wired_count = 0;
	n->inheritance = MAP_INHERIT_COPY;
	uvm_map_entry_link(new_map, prev, n);
	new_map->size += n->end - n->start;
	if (old->aref.ar_amap == nullptr) {
		/*
		 * No anons yet: private mappings are needs-copy already, and
		 * a shared object mapping simply becomes a private one.
		 */
		n->etype |= UVM_ET_COPYONWRITE | UVM_ET_NEEDSCOPY;
		return;
	}
	if (UVM_ET_ISCOPYONWRITE(old) &&
	    !(old->aref.ar_amap->am_flags & AMAP_SHARED)) {
		/* The usual case: both wait for a copy. */
		old->etype |= UVM_ET_NEEDSCOPY;
		n->etype |= UVM_ET_COPYONWRITE | UVM_ET_NEEDSCOPY;
	} else {
		/*
		 * The parent's amap is shared with others, who must keep
		 * seeing its writes: the child takes its own amap now, its
		 * anons then shared (ref > 1) so either side copies.
		 */
		n->etype |= UVM_ET_COPYONWRITE | UVM_ET_NEEDSCOPY;
		if (amap_copy(new_map, n) != 0)
			panic("uvmspace_fork: no memory for an amap"); /* XXX */
		/* Every sharer, not only the parent, must fault to write. */
		amap_wprotect(n->aref.ar_amap);
	}
	/* Writes in the parent must fault from now on. */
	if (old->protection & PROT_WRITE)
		pmap_protect(old_map->pmap, old->start, old->end,
		    old->protection & ~PROT_WRITE);
}

/* ZERO: fresh anonymous memory with the entry's attributes. */
static void
uvmspace_fork_zero(struct vm_map_entry *old, struct vm_map *new_map,
    struct vm_map_entry *prev)
{
	struct vm_map_entry *n = uvm_mapent_alloc(new_map);

	n->start = old->start;
	n->end = old->end;
	n->etype = UVM_ET_COPYONWRITE | UVM_ET_NEEDSCOPY |
	    (old->etype & UVM_ET_STACK);
	n->protection = old->protection;
	n->max_protection = old->max_protection;
	n->inheritance = MAP_INHERIT_ZERO;
	n->advice = old->advice;
	uvm_map_entry_link(new_map, prev, n);
	new_map->size += n->end - n->start;
}

/*
 * uvmspace_fork: the address space of a child of a process whose space
 * is vm1 (see above).  The parent's pmap loses write access to its
 * copy-on-write pages.
 * => process context; may sleep.
 */
struct vmspace *
uvmspace_fork(struct vmspace *vm1)
{
	struct vm_map *old_map = &vm1->vm_map;
	struct vmspace *vm2 = uvmspace_alloc(vm_map_min(old_map),
	    vm_map_max(old_map));
	struct vm_map *new_map = &vm2->vm_map;

	/* Everything from vm_tsize on: sizes and addresses. */
	vm2->vm_tsize = vm1->vm_tsize;
	vm2->vm_dsize = vm1->vm_dsize;
	vm2->vm_ssize = vm1->vm_ssize;
	vm2->vm_taddr = vm1->vm_taddr;
	vm2->vm_daddr = vm1->vm_daddr;
	vm2->vm_maxsaddr = vm1->vm_maxsaddr;
	vm2->vm_minsaddr = vm1->vm_minsaddr;
	new_map->b_start = old_map->b_start;
	new_map->b_end = old_map->b_end;
	new_map->s_start = old_map->s_start;
	new_map->s_end = old_map->s_end;

	for (struct vm_map_entry *old : old_map->entries) {
		struct vm_map_entry *prev = new_map->entries.last();
		switch (old->inheritance) {
		case MAP_INHERIT_NONE:
			break;
		case MAP_INHERIT_SHARE:
			uvmspace_fork_share(old_map, old, new_map, prev);
			break;
		case MAP_INHERIT_ZERO:
			uvmspace_fork_zero(old, new_map, prev);
			break;
		default:
			uvmspace_fork_copy(old_map, old, new_map, prev);
			break;
		}
	}
	pmap_fork(old_map->pmap, new_map->pmap);	/* machine-dependent state */
	return vm2;
}
