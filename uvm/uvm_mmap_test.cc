/*
 * uvm_mmap_test.cc: file mappings through the vnode pager (on the root
 * file system: test=files), and the mmap/munmap benchmark.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/ktest.h>
#include <sys/malloc.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/vnode.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_test.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>

#define RW	(PROT_READ | PROT_WRITE)
#define TESTFILE "/uvmtest"
#define NWORDS	(3 * PAGE_SIZE / 4 - 100)	/* the last page partly */

/* Open path with fmode; the vnode unlocked, referenced by the open. */
static int
openvp(const char *path, int fmode, struct vnode **vpp)
{
	struct nameidata nd;

	NDINIT(&nd, fmode & O_CREAT ? CREATE : LOOKUP, 0, UIO_SYSSPACE,
	    path, curproc);
	int error = vn_open(&nd, fmode, 0644);
	if (error != 0)
		return error;
	*vpp = nd.ni_vp;
	VOP_UNLOCK(*vpp);
	return 0;
}

/*
 * A file's pages read through a private and a shared mapping; a private
 * write copies (the file keeps its data), a shared write reaches the
 * file on msync.
 */
static int
test_uvm_mmap_file(void)
{
	struct vnode *vp;
	u_int *data;
	int err = 0, e;

	if (rootvnode == nullptr) {
		printf("uvm_mmap_file: no root file system, skipped\n");
		return 0;
	}
	data = (u_int *)malloc(NWORDS * 4, M_TEMP, M_WAITOK);
	for (u_int i = 0; i < NWORDS; i++)
		data[i] = i * 2654435761U;
	int fmode = FFLAGS(O_RDWR | O_CREAT | O_TRUNC);
	if ((e = openvp(TESTFILE, fmode, &vp)) != 0)
		return ktest_fail("open %s: %d", TESTFILE, e);
	if ((e = vn_rdwr(UIO_WRITE, vp, (caddr_t)data, NWORDS * 4, 0,
	    UIO_SYSSPACE, 0, curproc->p_ucred, nullptr, curproc)) != 0)
		return ktest_fail("write: %d", e);

	struct vmspace *vm = uvmspace_alloc(VM_MIN_ADDRESS, VM_MAXUSER_ADDRESS);
	vaddr_t pva = 0, sva = 0;
	if ((e = uvm_mmapfile(&vm->vm_map, &pva, NWORDS * 4, RW, PROT_MASK,
	    MAP_PRIVATE, vp, 0, 0, curproc)) != 0 ||
	    (e = uvm_mmapfile(&vm->vm_map, &sva, NWORDS * 4, RW, PROT_MASK,
	    MAP_SHARED, vp, 0, 0, curproc)) != 0) {
		err = ktest_fail("uvm_mmapfile: %d", e);
		goto out;
	}
	for (u_int i = 0; i < NWORDS && !err; i += 97) {
		vaddr_t va = pva + i * 4;
		if ((e = uvm_fault(&vm->vm_map, va, VM_FAULT_INVALID,
		    PROT_READ)) != 0 || vm_peek(vm, va) != data[i])
			err = ktest_fail("word %u: fault %d, 0x%x not 0x%x", i,
			    e, vm_peek(vm, va), data[i]);
	}
	/* Past the end of the last page of the file: EFAULT. */
	if (!err && (e = uvm_fault(&vm->vm_map, pva + 3 * PAGE_SIZE,
	    VM_FAULT_INVALID, PROT_READ)) != EFAULT)
		err = ktest_fail("fault past the file: %d", e);
	/* Private write: a copy. */
	if (!err && (e = uvm_fault(&vm->vm_map, pva, VM_FAULT_PROTECT,
	    PROT_WRITE)) != 0)
		err = ktest_fail("private write fault: %d", e);
	if (!err) {
		vm_poke(vm, pva, 0xabcdef01);
		if ((e = uvm_fault(&vm->vm_map, sva, VM_FAULT_INVALID,
		    PROT_READ)) != 0 || vm_peek(vm, sva) != data[0])
			err = ktest_fail("private write reached the file "
			    "pages: 0x%x", vm_peek(vm, sva));
	}
	/* Shared write, msync: the file changes. */
	if (!err && (e = uvm_fault(&vm->vm_map, sva + PAGE_SIZE,
	    VM_FAULT_PROTECT, PROT_WRITE)) != 0)
		err = ktest_fail("shared write fault: %d", e);
	if (!err) {
		vm_poke(vm, sva + PAGE_SIZE, 0x5eed5eed);
		u_int got = 0;
		if ((e = uvm_map_clean(&vm->vm_map, sva, sva + 3 * PAGE_SIZE,
		    MS_SYNC)) != 0 || (e = vn_rdwr(UIO_READ, vp, (caddr_t)&got,
		    4, PAGE_SIZE, UIO_SYSSPACE, 0, curproc->p_ucred, nullptr,
		    curproc)) != 0 || got != 0x5eed5eed)
			err = ktest_fail("msync: %d, file holds 0x%x", e, got);
	}
	if (!err && uvm_map_check(&vm->vm_map, printf) != 0)
		err = ktest_fail("uvm_map_check");
out:
	uvmspace_free(vm);
	(void)vn_close(vp, fmode, curproc->p_ucred, curproc);
	free(data, M_TEMP, NWORDS * 4);
	return err;
}
KTEST_DEFINE(uvm_mmap_file, test_uvm_mmap_file, KTEST_FILES);

/* Benchmark: mmap + munmap of one anonymous page, in TSC cycles. */
static int
bench_mmap_munmap_1page(void)
{
	const int rounds = 10000;
	struct vmspace *vm = uvmspace_alloc(VM_MIN_ADDRESS,
	    VM_MAXUSER_ADDRESS);

	u_int64_t t0 = rdtsc();
	for (int i = 0; i < rounds; i++) {
		vaddr_t va = 0;
		if (uvm_mmapanon(&vm->vm_map, &va, PAGE_SIZE, RW, PROT_MASK,
		    MAP_PRIVATE | MAP_ANON, 0, curproc) != 0)
			return ktest_fail("uvm_mmapanon failed");
		uvm_unmap(&vm->vm_map, va, va + PAGE_SIZE);
	}
	u_int64_t t1 = rdtsc();
	printf("RESULT uvm_mmap_munmap_1page %llu cycles/op\n",
	    (unsigned long long)((t1 - t0) / rounds));
	uvmspace_free(vm);
	return 0;
}
KTEST_DEFINE(bench_mmap_munmap_1page, bench_mmap_munmap_1page, KTEST_BENCH);
