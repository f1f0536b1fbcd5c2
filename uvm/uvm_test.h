/*
 * uvm_test.h: what the in-kernel UVM tests share: looking at a vmspace
 * from the kernel without running its process.  vm_pa and vm_peek read
 * through the pmap (pmap_extract, then the page through the tmpmap
 * window); vm_poke stores "as the process would", with the vmspace's
 * pmap loaded for a moment (curproc pointed at it, pmap_activate), so a
 * store to a page the map has not made writable faults as it should.
 * For *_test.cc files only.
 */
#ifndef _UVM_UVM_TEST_H_
#define _UVM_UVM_TEST_H_

#include <sys/param.h>
#include <sys/proc.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <machine/pmap.h>

/* The physical address va maps to in vm, or 0. */
static inline paddr_t
vm_pa(struct vmspace *vm, vaddr_t va)
{
	paddr_t pa;

	return pmap_extract(vm->vm_map.pmap, va, &pa) ? pa : 0;
}

/* The word at va in vm, read through its page (0xdeadbeef: unmapped). */
static inline u_int
vm_peek(struct vmspace *vm, vaddr_t va)
{
	paddr_t pa = vm_pa(vm, va);

	if (pa == 0)
		return 0xdeadbeef;
	u_int *p = (u_int *)pmap_tmpmap_pa(trunc_page(pa));
	u_int v = p[(va & PAGE_MASK) / 4];
	pmap_tmpunmap_pa();
	return v;
}

/* Store val at va as the process would: through vm's page tables. */
static inline void
vm_poke(struct vmspace *vm, vaddr_t va, u_int val)
{
	struct process *pr = curproc->p_p;
	struct vmspace *ovm = pr->ps_vmspace;

	pr->ps_vmspace = vm;
	pmap_activate(curproc);
	*(volatile u_int *)va = val;
	pr->ps_vmspace = ovm;
	pmap_activate(curproc);
}

#endif /* !_UVM_UVM_TEST_H_ */
