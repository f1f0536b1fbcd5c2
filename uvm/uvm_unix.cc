/*
 * uvm_unix.cc: the traditional UNIX parts of an address space: the data
 * segment that brk(2) moves, and the stack.
 *
 * exec(2) lays a process out (vm_taddr, vm_daddr, vm_dsize, vm_maxsaddr,
 * vm_minsaddr in struct vmspace) and calls uvmspace_setareas(), which
 * tells the map's placement code (uvm_addr.cc) to keep two areas free of
 * random mmap(2) placements: BRKSIZ above vm_daddr, where brk(2) grows
 * the data segment, and the stack, [vm_maxsaddr, vm_minsaddr).  exec maps
 * the whole stack range (MAXSSIZ) at once as anonymous memory
 * (UVM_FLAG_STACK); its pages appear only as they are touched, and
 * uvm_grow() merely keeps vm_ssize, the size the stack has reached.
 *
 * brk(2) (sys_obreak, OpenBSD's name for the system call "break") moves
 * the end of the data segment, vm_daddr + vm_dsize pages: growing maps
 * private anonymous memory (zero filled when touched), shrinking unmaps.
 * Mirrors OpenBSD's sys/uvm/uvm_unix.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include "uvm_syscall.h"
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>

/*
 * uvmspace_setareas: keep the brk area and the stack free of random
 * placements, from vm's layout (see above).
 * => called by exec once vm_daddr, vm_maxsaddr, vm_minsaddr are set.
 */
void
uvmspace_setareas(struct vmspace *vm)
{
	struct vm_map *map = &vm->vm_map;

	map->b_start = vm->vm_daddr;
	map->b_end = vm->vm_daddr + BRKSIZ;
	if (map->b_end < map->b_start || map->b_end > vm_map_max(map))
		map->b_end = vm_map_max(map);
	map->s_start = vm->vm_maxsaddr;
	map->s_end = vm->vm_minsaddr;
}

/*
 * uvm_obreak: move the break (the end of the data segment) to nbreak.
 * Returns 0, ENOMEM (beyond MAXDSIZ, below the data segment's start, or
 * the range is taken).
 * => process context; may sleep.
 */
int
uvm_obreak(struct vmspace *vm, vaddr_t nbreak)
{
	vaddr_t base = vm->vm_daddr;
	vaddr_t old = round_page(base + ptoa(vm->vm_dsize));
	vaddr_t nnew = round_page(nbreak);
	int error;

	if (nnew < base || nnew - base > MAXDSIZ)
		return ENOMEM;
	if (nnew > old) {
		vaddr_t va = old;
		error = uvm_map(&vm->vm_map, &va, nnew - old, nullptr, 0, 0,
		    UVM_MAPFLAG(PROT_READ | PROT_WRITE, PROT_MASK,
		    MAP_INHERIT_COPY, MADV_NORMAL,
		    UVM_FLAG_FIXED | UVM_FLAG_COPYONW));
		if (error != 0)
			return ENOMEM;
		vm->vm_dsize += atop(nnew - old);
	} else if (nnew < old) {
		uvm_unmap(&vm->vm_map, nnew, old);
		vm->vm_dsize -= atop(old - nnew);
	}
	return 0;
}

/* brk(2), "break" in syscalls.master. */
int
sys_obreak(struct proc *p, void *v, register_t *retval)
{
	struct sys_obreak_args *uap = (struct sys_obreak_args *)v;

	return uvm_obreak(p->p_p->ps_vmspace, (vaddr_t)SCARG(uap, nsize));
}

/*
 * uvm_grow: the stack pointer is at sp: if that is below the stack's
 * extent so far (but inside its area), vm_ssize grows to reach it.  The
 * pages are mapped already; this only keeps the count.
 * => called by trap() on user faults, and by sendsig.
 */
void
uvm_grow(struct proc *p, vaddr_t sp)
{
	struct vmspace *vm = p->p_p->ps_vmspace;

	if (sp < vm->vm_maxsaddr || sp >= vm->vm_minsaddr)
		return;
	if (sp >= vm->vm_minsaddr - ptoa(vm->vm_ssize))
		return;
	vm->vm_ssize = atop(round_page(vm->vm_minsaddr - sp));
}
