/*
 * uvm_map_test.cc: user maps: the address tree against the list, random
 * placement with gaps, fixed mappings replacing others, brk(2).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <sys/proc.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <machine/pmap.h>

#define RW	(PROT_READ | PROT_WRITE)
#define ANONFLAGS UVM_MAPFLAG(RW, PROT_MASK, MAP_INHERIT_COPY, MADV_NORMAL, \
	UVM_FLAG_FIXED | UVM_FLAG_COPYONW | UVM_FLAG_NOMERGE)

/* Many entries in and out: the tree stays a faithful index. */
static int
test_uvm_map_tree(void)
{
	struct vmspace *vm = uvmspace_alloc(VM_MIN_ADDRESS,
	    VM_MAXUSER_ADDRESS);
	struct vm_map *map = &vm->vm_map;
	const vaddr_t base = 0x10000000;
	int err = 0;

	/* 300 one-page entries, every other page, in a scrambled order. */
	for (int i = 0; i < 300 && !err; i++) {
		vaddr_t va = base + ((i * 97) % 300) * 2 * PAGE_SIZE;
		if (uvm_map(map, &va, PAGE_SIZE, nullptr, 0, 0, ANONFLAGS))
			err = ktest_fail("uvm_map %d failed", i);
	}
	if (!err && (map->nentries != 300 || uvm_map_check(map, printf)))
		err = ktest_fail("after mapping: %d entries", map->nentries);
	for (int i = 0; i < 300 && !err; i += 3)
		uvm_unmap(map, base + i * 2 * PAGE_SIZE,
		    base + i * 2 * PAGE_SIZE + PAGE_SIZE);
	if (!err && (map->nentries != 200 || uvm_map_check(map, printf)))
		err = ktest_fail("after unmapping: %d entries", map->nentries);
	for (int i = 0; i < 300 && !err; i++) {
		vaddr_t va = base + i * 2 * PAGE_SIZE;
		struct vm_map_entry *e = uvm_map_lookup(map, va + 100);
		bool want = i % 3 != 0;
		if ((e != nullptr) != want || (e && e->start != va) ||
		    uvm_map_lookup(map, va + PAGE_SIZE) != nullptr)
			err = ktest_fail("lookup of entry %d wrong", i);
	}
	/* A fixed mapping over part of the range replaces what is there. */
	vaddr_t va = base + 2 * PAGE_SIZE;
	if (!err && uvm_map(map, &va, 10 * PAGE_SIZE, nullptr, 0, 0,
	    ANONFLAGS) != ENOMEM)
		err = ktest_fail("FIXED without UNMAP over entries succeeded");
	if (!err && uvm_map(map, &va, 10 * PAGE_SIZE, nullptr, 0, 0,
	    ANONFLAGS | UVM_FLAG_UNMAP) != 0)
		err = ktest_fail("FIXED|UNMAP failed");
	if (!err && (uvm_map_lookup(map, va + 9 * PAGE_SIZE)->start != va ||
	    uvm_map_check(map, printf)))
		err = ktest_fail("after the replacing mapping");
	uvmspace_free(vm);
	return err;
}
KTEST_DEFINE(uvm_map_tree, test_uvm_map_tree, 0);

/*
 * Random placement: 100 mappings without a hint land at distinct
 * addresses, inside user space, never touching one another.
 */
static int
test_uvm_map_random(void)
{
	struct vmspace *vm = uvmspace_alloc(VM_MIN_ADDRESS,
	    VM_MAXUSER_ADDRESS);
	const int n = 100;
	vaddr_t va[n];
	int err = 0;

	for (int i = 0; i < n && !err; i++) {
		va[i] = 0;
		if (uvm_mmapanon(&vm->vm_map, &va[i], PAGE_SIZE, RW, PROT_MASK,
		    MAP_PRIVATE | MAP_ANON, 0, curproc) != 0)
			err = ktest_fail("mapping %d failed", i);
	}
	/* Sort (insertion sort: n is small) and look at neighbours. */
	for (int i = 1; i < n && !err; i++)
		for (int j = i; j > 0 && va[j - 1] > va[j]; j--) {
			vaddr_t t = va[j];
			va[j] = va[j - 1];
			va[j - 1] = t;
		}
	vaddr_t lo = ~(vaddr_t)0, hi = 0;
	for (int i = 0; i < n && !err; i++) {
		if (va[i] < VM_MIN_ADDRESS || va[i] + PAGE_SIZE >
		    VM_MAXUSER_ADDRESS || (va[i] & PAGE_MASK))
			err = ktest_fail("0x%lx is outside user space", va[i]);
		else if (i > 0 && va[i] - va[i - 1] < 2 * PAGE_SIZE)
			err = ktest_fail("0x%lx and 0x%lx: no gap", va[i - 1],
			    va[i]);
		lo = va[i] < lo ? va[i] : lo;
		hi = va[i] > hi ? va[i] : hi;
	}
	/* Random, not first fit: spread over much of the space. */
	if (!err && hi - lo < 256UL * 1024 * 1024)
		err = ktest_fail("all within 0x%lx-0x%lx", lo, hi);
	if (!err && (vm->vm_map.nentries != n ||
	    uvm_map_check(&vm->vm_map, printf)))
		err = ktest_fail("%d entries", vm->vm_map.nentries);
	/* A free hint is honoured. */
	vaddr_t h = 0x20000000;
	if (!err && (uvm_mmapanon(&vm->vm_map, &h, PAGE_SIZE, RW, PROT_MASK,
	    MAP_PRIVATE | MAP_ANON, 0, curproc) != 0 || h != 0x20000000))
		err = ktest_fail("hint 0x20000000 gave 0x%lx", h);
	printf("uvm_map_random: 100 mappings in 0x%lx-0x%lx\n", lo, hi);
	uvmspace_free(vm);
	return err;
}
KTEST_DEFINE(uvm_map_random, test_uvm_map_random, 0);

/* brk: grows and shrinks the data segment; placement keeps out. */
static int
test_uvm_obreak(void)
{
	struct vmspace *vm = uvmspace_alloc(VM_MIN_ADDRESS,
	    VM_MAXUSER_ADDRESS);
	const vaddr_t daddr = 0x08000000;
	int err = 0, e;

	vm->vm_daddr = daddr;
	vm->vm_maxsaddr = USRSTACK - MAXSSIZ;
	vm->vm_minsaddr = USRSTACK;
	uvmspace_setareas(vm);
	if ((e = uvm_obreak(vm, daddr + 3 * PAGE_SIZE - 10)) != 0)
		err = ktest_fail("grow: %d", e);
	else if (vm->vm_dsize != 3 || (e = uvm_fault(&vm->vm_map,
	    daddr + 2 * PAGE_SIZE, VM_FAULT_INVALID, PROT_WRITE)) != 0)
		err = ktest_fail("dsize %lu, fault %d", vm->vm_dsize, e);
	else if ((e = uvm_obreak(vm, daddr + 5 * PAGE_SIZE)) != 0 ||
	    vm->vm_dsize != 5)
		err = ktest_fail("second grow: %d, dsize %lu", e,
		    vm->vm_dsize);
	else if ((e = uvm_obreak(vm, daddr + PAGE_SIZE)) != 0)
		err = ktest_fail("shrink: %d", e);
	else if ((e = uvm_fault(&vm->vm_map, daddr + 2 * PAGE_SIZE,
	    VM_FAULT_INVALID, PROT_READ)) != EFAULT)
		err = ktest_fail("fault above the break: %d", e);
	else if (uvm_obreak(vm, daddr + MAXDSIZ + PAGE_SIZE) != ENOMEM)
		err = ktest_fail("break beyond MAXDSIZ accepted");
	/* Random placements stay out of the brk area and the stack. */
	for (int i = 0; i < 50 && !err; i++) {
		vaddr_t va = 0;
		if (uvm_mmapanon(&vm->vm_map, &va, PAGE_SIZE, RW, PROT_MASK,
		    MAP_PRIVATE | MAP_ANON, 0, curproc) != 0)
			err = ktest_fail("mmap failed");
		else if ((va >= daddr && va < daddr + BRKSIZ) ||
		    va >= USRSTACK - MAXSSIZ)
			err = ktest_fail("mmap at 0x%lx, in a growth area", va);
	}
	uvmspace_free(vm);
	return err;
}
KTEST_DEFINE(uvm_obreak, test_uvm_obreak, 0);
