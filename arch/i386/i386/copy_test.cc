/*
 * copy_test.cc: copyin, copyout and their string forms against a real
 * user address space: good copies arrive, and every bad address (not
 * mapped, in the kernel, wrapping around, a string running into an
 * unmapped page) gives EFAULT and never a panic.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/vnode.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>

#define UVA	0x10000		/* a mapped user page; the next is not */

static int
copy_checks(void)
{
	char buf[64], back[64];
	size_t done;
	int e;

	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i + 1);
	if ((e = copyout(buf, (void *)UVA, sizeof(buf))) != 0)
		return ktest_fail("copyout to a mapped page: %d", e);
	if ((e = copyin((void *)UVA, back, sizeof(back))) != 0 ||
	    memcmp(buf, back, sizeof(buf)) != 0)
		return ktest_fail("copyin did not bring it back: %d", e);

	/* Unmapped: the page fault is caught. */
	if ((e = copyin((void *)(UVA + PAGE_SIZE), back, 4)) != EFAULT)
		return ktest_fail("copyin from an unmapped page: %d", e);
	if ((e = copyout(buf, (void *)(UVA + PAGE_SIZE - 2), 4)) != EFAULT)
		return ktest_fail("copyout across into unmapped: %d", e);
	if ((e = copyin(nullptr, back, 4)) != EFAULT)
		return ktest_fail("copyin from address 0: %d", e);
	/* Kernel addresses and ranges wrapping around are refused. */
	if ((e = copyin((void *)KERNBASE, back, 4)) != EFAULT)
		return ktest_fail("copyin from the kernel: %d", e);
	if ((e = copyout(buf, (void *)(VM_MAXUSER_ADDRESS - 2), 4)) != EFAULT)
		return ktest_fail("copyout past user space: %d", e);
	if ((e = copyin((void *)UVA, back, (size_t)-UVA + 1)) != EFAULT)
		return ktest_fail("copyin wrapping around: %d", e);

	/* Strings: whole, too long, and running into the unmapped page. */
	if ((e = copyoutstr("hello", (void *)UVA, 16, &done)) != 0 ||
	    done != 6)
		return ktest_fail("copyoutstr: %d, %zu", e, done);
	if ((e = copyinstr((void *)UVA, back, 16, &done)) != 0 ||
	    done != 6 || strcmp(back, "hello") != 0)
		return ktest_fail("copyinstr: %d, %zu", e, done);
	if ((e = copyinstr((void *)UVA, back, 3, &done)) != ENAMETOOLONG ||
	    done != 3)
		return ktest_fail("copyinstr too long: %d, %zu", e, done);
	memset(buf, 'x', sizeof(buf));
	if ((e = copyout(buf, (void *)(UVA + PAGE_SIZE - 8), 8)) != 0)
		return ktest_fail("copyout of the page's end: %d", e);
	if ((e = copyinstr((void *)(UVA + PAGE_SIZE - 8), back, 64,
	    &done)) != EFAULT)
		return ktest_fail("copyinstr into unmapped: %d", e);

	/* uiomove and namei take user buffers through these. */
	struct iovec iov = { (void *)(UVA + PAGE_SIZE - 4), 8 };
	struct uio uio = { &iov, 1, 0, 8, UIO_USERSPACE, UIO_READ, curproc };
	if ((e = uiomove(buf, 8, &uio)) != EFAULT)
		return ktest_fail("uiomove to a bad user buffer: %d", e);
	struct nameidata nd;
	NDINIT(&nd, LOOKUP, 0, UIO_USERSPACE,
	    (const char *)(UVA + PAGE_SIZE), curproc);
	if ((e = namei(&nd)) != EFAULT)
		return ktest_fail("namei of a bad user path: %d", e);
	return 0;
}

static int
test_copyinout(void)
{
	struct pmap *pm = pmap_create();
	struct vm_page *pg = uvm_pagealloc(nullptr, 0, nullptr, UVM_PGA_ZERO);

	if (pg == nullptr)
		return ktest_fail("no page");
	if (pmap_enter(pm, UVA, VM_PAGE_TO_PHYS(pg), PROT_READ | PROT_WRITE,
	    PMAP_CANFAIL) != 0)
		return ktest_fail("pmap_enter failed");
	u_int ocr3 = rcr3();
	pmap_load(pm);
	int error = copy_checks();
	lcr3(ocr3);
	pmap_remove(pm, 0, VM_MAXUSER_ADDRESS);
	pmap_destroy(pm);
	uvm_pagefree(pg);
	if (curproc->p_addr->u_pcb.pcb_onfault != nullptr)
		return ktest_fail("pcb_onfault left set");
	return error;
}
KTEST_DEFINE(copyinout, test_copyinout, 0);
