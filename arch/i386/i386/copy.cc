/*
 * copy.cc: copyin, copyout, copyinstr, copyoutstr (copy(9)): the only
 * ways the kernel touches user memory.
 *
 * A system call's pointer arguments come from the user and may point
 * anywhere: into the kernel (to read its secrets or overwrite them),
 * at nothing, or at read-only pages.  Each function here first checks
 * that the whole range lies in user space (below VM_MAXUSER_ADDRESS,
 * without wrapping around); then the loops of copyloops.asm move the bytes
 * with pcb_onfault set, so that a page fault on a bad user address
 * becomes EFAULT for the caller instead of a kernel panic (see trap()).
 * Mirrors OpenBSD's copyin & co. in arch/i386/i386/locore.s.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/user.h>
#include <machine/pmap.h>

extern "C" int copy_bytes(void *dst, const void *src, size_t len,
    caddr_t *onfault);
extern "C" int copy_string(void *dst, const void *src, size_t maxlen,
    size_t *done, caddr_t *onfault);

/* Does [uaddr, uaddr + len) lie in user space? */
static bool
user_range(const void *uaddr, size_t len)
{
	vaddr_t va = (vaddr_t)uaddr;

	return va <= VM_MAXUSER_ADDRESS && len <= VM_MAXUSER_ADDRESS - va;
}

static caddr_t *
onfault(void)
{
	return &curproc->p_addr->u_pcb.pcb_onfault;
}

/*
 * copyin: len bytes from user address uaddr to kernel address kaddr.
 * => process context (the user's address space is the current one);
 *    may fault in user pages.  0 or EFAULT.
 */
int
copyin(const void *uaddr, void *kaddr, size_t len)
{
	if (!user_range(uaddr, len))
		return EFAULT;
	return copy_bytes(kaddr, uaddr, len, onfault());
}

/* copyout: len bytes from kernel address kaddr to user address uaddr. */
int
copyout(const void *kaddr, void *uaddr, size_t len)
{
	if (!user_range(uaddr, len))
		return EFAULT;
	return copy_bytes(uaddr, kaddr, len, onfault());
}

/*
 * copyinstr: a NUL-terminated string of at most len bytes (with the NUL)
 * from user address uaddr; *done (if not null) gets the bytes copied.
 * => 0, EFAULT, or ENAMETOOLONG if there is no NUL within len bytes.
 */
int
copyinstr(const void *uaddr, void *kaddr, size_t len, size_t *done)
{
	vaddr_t va = (vaddr_t)uaddr;

	if (va >= VM_MAXUSER_ADDRESS)
		return EFAULT;
	/* Stop at the end of user space: a string running into it faults. */
	size_t max = MIN(len, VM_MAXUSER_ADDRESS - va);
	int error = copy_string(kaddr, uaddr, max, done, onfault());
	if (error == ENAMETOOLONG && max < len)
		error = EFAULT;
	return error;
}

/* copyoutstr: the same, from the kernel to user address uaddr. */
int
copyoutstr(const void *kaddr, void *uaddr, size_t len, size_t *done)
{
	vaddr_t va = (vaddr_t)uaddr;

	if (va >= VM_MAXUSER_ADDRESS)
		return EFAULT;
	size_t max = MIN(len, VM_MAXUSER_ADDRESS - va);
	int error = copy_string(uaddr, kaddr, max, done, onfault());
	if (error == ENAMETOOLONG && max < len)
		error = EFAULT;
	return error;
}

/*
 * copystr: a string from kernel to kernel, as copyinstr: for callers
 * (namei) whose path may be in either space.
 */
int
copystr(const void *kfaddr, void *kdaddr, size_t len, size_t *done)
{
	size_t n = 0;

	for (; n < len; n++) {
		char c = ((const char *)kfaddr)[n];
		((char *)kdaddr)[n] = c;
		if (c == '\0') {
			if (done != nullptr)
				*done = n + 1;
			return 0;
		}
	}
	if (done != nullptr)
		*done = n;
	return ENAMETOOLONG;
}
