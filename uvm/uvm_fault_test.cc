/*
 * uvm_fault_test.cc: the fault handler and fork, without user mode: build
 * a vmspace, map memory, call uvm_fault() directly as trap() will, and
 * look at the result through the pmap (pmap_extract, and the page's
 * contents through pmap_tmpmap_pa).  Stores "by the process" are made
 * from the kernel with the vmspace's pmap loaded (pmap_activate on
 * curproc, pointed at the vmspace for a moment), and only to pages a
 * write fault has made writable.  The benchmark of the fault path is
 * here too.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <sys/proc.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_test.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>

#define RW	(PROT_READ | PROT_WRITE)

static struct vmspace *
vm_new(void)
{
	return uvmspace_alloc(VM_MIN_ADDRESS, VM_MAXUSER_ADDRESS);
}

static int
anon_map(struct vmspace *vm, vaddr_t *va, vsize_t size, int flags)
{
	*va = 0;
	return uvm_mmapanon(&vm->vm_map, va, size, RW, PROT_MASK, flags, 0,
	    curproc);
}

/* Fault-in: read and write faults map zeroed anonymous pages. */
static int
test_uvm_fault_anon(void)
{
	struct vmspace *vm = vm_new();
	vaddr_t va;
	int err = 0, e;

	if ((e = anon_map(vm, &va, 4 * PAGE_SIZE, MAP_PRIVATE | MAP_ANON)))
		return ktest_fail("uvm_mmapanon: %d", e);
	if (vm_pa(vm, va) != 0)
		err = ktest_fail("mapped before any fault");
	else if ((e = uvm_fault(&vm->vm_map, va + 8, VM_FAULT_INVALID,
	    PROT_READ)) != 0)
		err = ktest_fail("read fault: %d", e);
	else if (vm_pa(vm, va) == 0 || vm_peek(vm, va + 8) != 0)
		err = ktest_fail("read fault: not mapped, or not zero");
	else if ((e = uvm_fault(&vm->vm_map, va + PAGE_SIZE, VM_FAULT_INVALID,
	    PROT_WRITE)) != 0)
		err = ktest_fail("write fault: %d", e);
	if (err == 0) {
		vm_poke(vm, va + PAGE_SIZE + 12, 0x12345678);
		if (vm_peek(vm, va + PAGE_SIZE + 12) != 0x12345678)
			err = ktest_fail("stored word not in the page");
	}
	if (err == 0 && (e = uvm_fault(&vm->vm_map, va + 4 * PAGE_SIZE,
	    VM_FAULT_INVALID, PROT_READ)) != EFAULT)
		err = ktest_fail("fault past the mapping: %d, not EFAULT", e);
	if (err == 0 && (e = uvm_fault(&vm->vm_map, 0, VM_FAULT_INVALID,
	    PROT_READ)) != EFAULT)
		err = ktest_fail("fault at page 0: %d", e);
	if (err == 0 && uvm_map_check(&vm->vm_map, printf) != 0)
		err = ktest_fail("uvm_map_check");
	uvmspace_free(vm);
	return err;
}
KTEST_DEFINE(uvm_fault_anon, test_uvm_fault_anon, 0);

/*
 * Copy-on-write fork: the child first shares the parent's page, a write
 * in the child copies it, the parent keeps its contents.
 */
static int
test_uvm_fault_cow(void)
{
	struct vmspace *p = vm_new(), *c;
	vaddr_t va;
	int err = 0, e;

	if ((e = anon_map(p, &va, 2 * PAGE_SIZE, MAP_PRIVATE | MAP_ANON)))
		return ktest_fail("uvm_mmapanon: %d", e);
	if ((e = uvm_fault(&p->vm_map, va, VM_FAULT_INVALID, PROT_WRITE)))
		return ktest_fail("parent write fault: %d", e);
	vm_poke(p, va, 0x1111);
	paddr_t ppa = vm_pa(p, va);

	c = uvmspace_fork(p);
	if (vm_pa(c, va) != 0)
		err = ktest_fail("child has mappings right after fork");
	else if ((e = uvm_fault(&c->vm_map, va, VM_FAULT_INVALID, PROT_READ)))
		err = ktest_fail("child read fault: %d", e);
	else if (vm_pa(c, va) != ppa || vm_peek(c, va) != 0x1111)
		err = ktest_fail("child does not share the unwritten page");
	int acow = uvmexp.flt_acow;
	if (err == 0 && (e = uvm_fault(&c->vm_map, va, VM_FAULT_PROTECT,
	    PROT_WRITE)) != 0)
		err = ktest_fail("child write fault: %d", e);
	else if (err == 0 && (vm_pa(c, va) == ppa || uvmexp.flt_acow !=
	    acow + 1))
		err = ktest_fail("child write did not copy the page");
	if (err == 0) {
		vm_poke(c, va, 0x2222);
		if (vm_peek(p, va) != 0x1111 || vm_peek(c, va) != 0x2222)
			err = ktest_fail("parent 0x%x child 0x%x",
			    vm_peek(p, va), vm_peek(c, va));
	}
	/* The parent, now alone with its anon, writes without a copy. */
	if (err == 0 && (e = uvm_fault(&p->vm_map, va, VM_FAULT_PROTECT,
	    PROT_WRITE)) != 0)
		err = ktest_fail("parent write fault: %d", e);
	else if (err == 0 && vm_pa(p, va) != ppa)
		err = ktest_fail("parent's page moved");
	/* The second page, never touched: zero in the child. */
	if (err == 0 && ((e = uvm_fault(&c->vm_map, va + PAGE_SIZE,
	    VM_FAULT_INVALID, PROT_READ)) != 0 || vm_peek(c, va + PAGE_SIZE)))
		err = ktest_fail("untouched page in the child: %d", e);
	if (err == 0 && (uvm_map_check(&p->vm_map, printf) ||
	    uvm_map_check(&c->vm_map, printf)))
		err = ktest_fail("uvm_map_check");
	uvmspace_free(c);
	if (err == 0 && vm_peek(p, va) != 0x1111)
		err = ktest_fail("parent lost its page with the child");
	uvmspace_free(p);
	return err;
}
KTEST_DEFINE(uvm_fault_cow, test_uvm_fault_cow, 0);

/* MAP_INHERIT_SHARE shares the page; MAP_INHERIT_NONE leaves it out. */
static int
test_uvm_fork_inherit(void)
{
	struct vmspace *p = vm_new(), *c;
	vaddr_t sva, nva, zva;
	int err = 0, e;

	if (anon_map(p, &sva, PAGE_SIZE, MAP_PRIVATE | MAP_ANON) ||
	    anon_map(p, &nva, PAGE_SIZE, MAP_PRIVATE | MAP_ANON) ||
	    anon_map(p, &zva, PAGE_SIZE, MAP_PRIVATE | MAP_ANON))
		return ktest_fail("uvm_mmapanon failed");
	if (uvm_map_inherit(&p->vm_map, sva, sva + PAGE_SIZE,
	    MAP_INHERIT_SHARE) || uvm_map_inherit(&p->vm_map, nva, nva +
	    PAGE_SIZE, MAP_INHERIT_NONE) || uvm_map_inherit(&p->vm_map, zva,
	    zva + PAGE_SIZE, MAP_INHERIT_ZERO))
		return ktest_fail("uvm_map_inherit failed");
	if (uvm_map_inherit(&p->vm_map, sva, sva + PAGE_SIZE, 7) != EINVAL)
		return ktest_fail("bad inheritance accepted");
	if (uvm_fault(&p->vm_map, sva, VM_FAULT_INVALID, PROT_WRITE) ||
	    uvm_fault(&p->vm_map, zva, VM_FAULT_INVALID, PROT_WRITE))
		return ktest_fail("parent write fault failed");
	vm_poke(p, sva, 0x3333);
	vm_poke(p, zva, 0x5555);

	c = uvmspace_fork(p);
	if ((e = uvm_fault(&c->vm_map, sva, VM_FAULT_INVALID, PROT_WRITE)))
		err = ktest_fail("child write fault (share): %d", e);
	else if (vm_pa(c, sva) != vm_pa(p, sva))
		err = ktest_fail("shared page copied");
	if (err == 0) {
		vm_poke(c, sva, 0x4444);
		if (vm_peek(p, sva) != 0x4444)
			err = ktest_fail("parent misses the child's store");
	}
	if (err == 0 && (e = uvm_fault(&c->vm_map, nva, VM_FAULT_INVALID,
	    PROT_READ)) != EFAULT)
		err = ktest_fail("INHERIT_NONE mapping in the child: %d", e);
	if (err == 0 && ((e = uvm_fault(&c->vm_map, zva, VM_FAULT_INVALID,
	    PROT_READ)) != 0 || vm_peek(c, zva) != 0 || vm_peek(p, zva) !=
	    0x5555))
		err = ktest_fail("INHERIT_ZERO: %d, child 0x%x", e,
		    vm_peek(c, zva));
	uvmspace_free(c);
	uvmspace_free(p);
	return err;
}
KTEST_DEFINE(uvm_fork_inherit, test_uvm_fork_inherit, 0);

/* munmap: EFAULT after; mprotect read-only: write EACCES, read fine. */
static int
test_uvm_fault_unmap_protect(void)
{
	struct vmspace *vm = vm_new();
	vaddr_t va;
	int e, err = 0;

	if (anon_map(vm, &va, 3 * PAGE_SIZE, MAP_PRIVATE | MAP_ANON))
		return ktest_fail("uvm_mmapanon failed");
	for (int i = 0; i < 3; i++)
		if (uvm_fault(&vm->vm_map, va + i * PAGE_SIZE,
		    VM_FAULT_INVALID, PROT_WRITE))
			return ktest_fail("write fault %d failed", i);
	uvm_unmap(&vm->vm_map, va + PAGE_SIZE, va + 2 * PAGE_SIZE);
	if (vm_pa(vm, va + PAGE_SIZE) != 0)
		err = ktest_fail("unmapped page still in the pmap");
	else if ((e = uvm_fault(&vm->vm_map, va + PAGE_SIZE, VM_FAULT_INVALID,
	    PROT_READ)) != EFAULT)
		err = ktest_fail("fault after munmap: %d", e);
	if (err == 0 && (e = uvm_map_protect(&vm->vm_map, va, va + PAGE_SIZE,
	    PROT_READ, false)) != 0)
		err = ktest_fail("uvm_map_protect: %d", e);
	if (err == 0 && (e = uvm_fault(&vm->vm_map, va, VM_FAULT_PROTECT,
	    PROT_WRITE)) != EACCES)
		err = ktest_fail("write to read-only: %d, not EACCES", e);
	if (err == 0 && (e = uvm_fault(&vm->vm_map, va, VM_FAULT_INVALID,
	    PROT_READ)) != 0)
		err = ktest_fail("read of read-only: %d", e);
	/* The hole makes mprotect fail; max protection bounds it. */
	if (err == 0 && uvm_map_protect(&vm->vm_map, va, va + 3 * PAGE_SIZE,
	    PROT_READ, false) != ENOMEM)
		err = ktest_fail("mprotect over a hole did not fail");
	if (err == 0 && (uvm_map_protect(&vm->vm_map, va + 2 * PAGE_SIZE,
	    va + 3 * PAGE_SIZE, PROT_READ, true) != 0 ||
	    uvm_map_protect(&vm->vm_map, va + 2 * PAGE_SIZE, va + 3 * PAGE_SIZE,
	    RW, false) != EACCES))
		err = ktest_fail("max protection not enforced");
	if (err == 0 && uvm_map_check(&vm->vm_map, printf) != 0)
		err = ktest_fail("uvm_map_check");
	uvmspace_free(vm);
	return err;
}
KTEST_DEFINE(uvm_fault_unmap_protect, test_uvm_fault_unmap_protect, 0);

/* One round of everything: map, fault, fork, copy, free. */
static int
leak_round(void)
{
	struct vmspace *p = vm_new();
	vaddr_t va;

	if (anon_map(p, &va, 16 * PAGE_SIZE, MAP_PRIVATE | MAP_ANON))
		return -1;
	for (int i = 0; i < 16; i++)
		if (uvm_fault(&p->vm_map, va + i * PAGE_SIZE, VM_FAULT_INVALID,
		    PROT_WRITE))
			return -1;
	struct vmspace *c = uvmspace_fork(p);
	for (int i = 0; i < 16; i += 2)
		if (uvm_fault(&c->vm_map, va + i * PAGE_SIZE, VM_FAULT_INVALID,
		    PROT_WRITE))
			return -1;
	uvm_unmap(&p->vm_map, va + 4 * PAGE_SIZE, va + 6 * PAGE_SIZE);
	uvmspace_free(p);
	uvmspace_free(c);
	return 0;
}

/* After uvmspace_free, every page is back on the free lists. */
static int
test_uvm_vmspace_leak(void)
{
	if (leak_round() != 0)		/* warm the pools up */
		return ktest_fail("warm-up round failed");
	int free0 = uvmexp.free, nanon0 = uvmexp.nanon;
	for (int i = 0; i < 3; i++)
		if (leak_round() != 0)
			return ktest_fail("round %d failed", i);
	if (uvmexp.free != free0 || uvmexp.nanon != nanon0)
		return ktest_fail("free %d (was %d), anons %d (was %d)",
		    uvmexp.free, free0, uvmexp.nanon, nanon0);
	return 0;
}
KTEST_DEFINE(uvm_vmspace_leak, test_uvm_vmspace_leak, 0);

/* Benchmark: a write fault on a fresh anonymous page, in TSC cycles. */
static int
bench_pagefault_anon_write(void)
{
	const int npages = 1000;
	struct vmspace *vm = vm_new();
	vaddr_t va;

	if (anon_map(vm, &va, npages * PAGE_SIZE, MAP_PRIVATE | MAP_ANON))
		return ktest_fail("uvm_mmapanon failed");
	/* The first fault makes the amap: keep it out of the figure. */
	if (uvm_fault(&vm->vm_map, va, VM_FAULT_INVALID, PROT_WRITE))
		return ktest_fail("fault failed");
	u_int64_t t0 = rdtsc();
	for (int i = 1; i < npages; i++)
		if (uvm_fault(&vm->vm_map, va + i * PAGE_SIZE, VM_FAULT_INVALID,
		    PROT_WRITE))
			return ktest_fail("fault %d failed", i);
	u_int64_t t1 = rdtsc();
	printf("RESULT uvm_fault_anon_write %llu cycles/fault\n",
	    (unsigned long long)((t1 - t0) / (npages - 1)));
	uvmspace_free(vm);
	return 0;
}
KTEST_DEFINE(bench_pagefault_anon_write, bench_pagefault_anon_write,
    KTEST_BENCH);
