/*
 * exec_elf.cc: execve's ELF loader: checks that a file is a static ELF32
 * i386 executable and lays its segments out in a new address space.
 *
 * An executable's program headers list the PT_LOAD segments: a range of
 * the file (p_offset, p_filesz) to appear at p_vaddr, followed by
 * p_memsz - p_filesz bytes of zeroes (the bss), with permissions from
 * p_flags.  Each is mapped private from the file: pages come in by page
 * fault from the vnode pager, shared by every process running the
 * program until one writes (copy-on-write, so data segments are private).
 * Only the partial page where the file part ends needs attention: the
 * file goes on past p_filesz there, and the rest of that page must read
 * as zero; elf_zero_bss clears it once the new space is active.
 *
 * Everything a file says is checked before use, since any user can make
 * one: a bad header, overlapping or out-of-range segments, an
 * interpreter (dynamic linking is not supported) all give ENOEXEC.
 * Mirrors OpenBSD's sys/kern/exec_elf.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/mman.h>
#include <sys/proc.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <machine/pmap.h>
#include <uvm/uvm_extern.h>
#include <kern/exec_elf.h>

/* The header describes a 32-bit little-endian i386 executable? */
static bool
elf_header_ok(const Elf32_Ehdr *eh)
{
	return memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0 &&
	    eh->e_ident[EI_CLASS] == ELFCLASS32 &&
	    eh->e_ident[EI_DATA] == ELFDATA2LSB &&
	    eh->e_ident[EI_VERSION] == EV_CURRENT &&
	    eh->e_type == ET_EXEC && eh->e_machine == EM_386 &&
	    eh->e_version == EV_CURRENT &&
	    eh->e_phentsize == sizeof(Elf32_Phdr) &&
	    eh->e_phnum > 0 && eh->e_phnum <= ELF_MAXPHNUM;
}

/* Is one PT_LOAD header sane for a file of fsize bytes? */
static bool
elf_load_ok(const Elf32_Phdr *ph, off_t fsize)
{
	u_int64_t vend = (u_int64_t)ph->p_vaddr + ph->p_memsz;
	u_int64_t fend = (u_int64_t)ph->p_offset + ph->p_filesz;

	return ph->p_filesz <= ph->p_memsz && ph->p_memsz > 0 &&
	    ph->p_vaddr >= VM_MIN_ADDRESS && vend <= USRSTACK - MAXSSIZ &&
	    fend <= (u_int64_t)fsize &&
	    /* file offset and address agree within a page, to map it */
	    (ph->p_offset & PAGE_MASK) == (ph->p_vaddr & PAGE_MASK) &&
	    /* a bss needs a writable segment to be cleared in */
	    (ph->p_memsz == ph->p_filesz || (ph->p_flags & PF_W));
}

/*
 * elf_check: is the file vp, whose first len bytes are hdr, an
 * executable we can run?  Fills in *img.  Returns 0 or ENOEXEC (or the
 * error reading the program headers).
 * => vp locked.
 */
int
elf_check(struct proc *p, struct vnode *vp, const char *hdr, size_t len,
    struct elf_image *img)
{
	Elf32_Ehdr eh;
	Elf32_Phdr ph[ELF_MAXPHNUM];
	struct vattr va;
	size_t resid;
	int error;

	if (len < sizeof(eh))
		return ENOEXEC;
	memcpy(&eh, hdr, sizeof(eh));
	if (!elf_header_ok(&eh))
		return ENOEXEC;
	if ((error = VOP_GETATTR(vp, &va, p->p_ucred, p)) != 0)
		return error;
	size_t phsize = eh.e_phnum * sizeof(Elf32_Phdr);
	if ((u_int64_t)eh.e_phoff + phsize > va.va_size)
		return ENOEXEC;
	error = vn_rdwr(UIO_READ, vp, (caddr_t)ph, phsize, eh.e_phoff,
	    UIO_SYSSPACE, IO_NODELOCKED, p->p_ucred, &resid, p);
	if (error != 0)
		return error;
	if (resid != 0)
		return ENOEXEC;

	img->entry = eh.e_entry;
	img->nload = 0;
	bool entry_found = false;
	for (int i = 0; i < eh.e_phnum; i++) {
		if (ph[i].p_type == PT_INTERP || ph[i].p_type == PT_DYNAMIC)
			return ENOEXEC;		/* no dynamic linking */
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (!elf_load_ok(&ph[i], va.va_size))
			return ENOEXEC;
		/* Segments come in address order and do not overlap. */
		if (img->nload > 0) {
			const Elf32_Phdr *prev = &img->load[img->nload - 1];
			if (trunc_page(ph[i].p_vaddr) <
			    round_page(prev->p_vaddr + prev->p_memsz))
				return ENOEXEC;
		}
		if ((ph[i].p_flags & PF_X) && eh.e_entry >= ph[i].p_vaddr &&
		    eh.e_entry < ph[i].p_vaddr + ph[i].p_memsz)
			entry_found = true;
		img->load[img->nload++] = ph[i];
	}
	return entry_found ? 0 : ENOEXEC;
}

/* PF_* to PROT_*. */
static vm_prot_t
elf_prot(const Elf32_Phdr *ph)
{
	return ((ph->p_flags & PF_R) ? PROT_READ : 0) |
	    ((ph->p_flags & PF_W) ? PROT_WRITE : 0) |
	    ((ph->p_flags & PF_X) ? PROT_EXEC : 0);
}

/*
 * elf_map: a new address space with img's segments mapped from vp and a
 * stack of which ssize bytes (page aligned, at most MAXSSIZ) are usable;
 * the layout (text, data, stack) is recorded in it for brk and ps.
 * Returns 0 and *vmp, or ENOMEM.
 * => vp referenced, unlocked.
 */
int
elf_map(const struct elf_image *img, struct vnode *vp, vsize_t ssize,
    struct vmspace **vmp)
{
	struct vmspace *vm = uvmspace_alloc(VM_MIN_ADDRESS,
	    VM_MAXUSER_ADDRESS);
	struct vm_map *map = &vm->vm_map;
	vaddr_t hiexec = 0, dataend = 0;
	int error = 0;

	for (int i = 0; i < img->nload && error == 0; i++) {
		const Elf32_Phdr *ph = &img->load[i];
		vm_prot_t prot = elf_prot(ph);
		vaddr_t start = trunc_page(ph->p_vaddr);
		vaddr_t fend = round_page(ph->p_vaddr + ph->p_filesz);
		vaddr_t mend = round_page(ph->p_vaddr + ph->p_memsz);

		/* The file's part, whole pages, then zero-fill pages. */
		if (ph->p_filesz > 0) {
			vaddr_t va = start;
			error = uvm_mmapfile(map, &va, fend - start, prot,
			    PROT_MASK, MAP_PRIVATE | MAP_FIXED, vp,
			    trunc_page(ph->p_offset), 0, nullptr);
		} else
			fend = start;
		if (error == 0 && mend > fend) {
			vaddr_t va = fend;
			error = uvm_mmapanon(map, &va, mend - fend, prot,
			    PROT_MASK, MAP_PRIVATE | MAP_FIXED, 0, nullptr);
		}
		if (prot & PROT_EXEC) {
			hiexec = MAX(hiexec, mend);
			if (vm->vm_tsize == 0) {
				vm->vm_taddr = start;
				vm->vm_tsize = atop(mend - start);
			}
		}
		dataend = MAX(dataend, mend);
	}

	/*
	 * The stack: all of MAXSSIZ reserved, as OpenBSD does, but only the
	 * top ssize (the RLIMIT_STACK soft limit) usable; the rest is
	 * PROT_NONE, so touching it faults.  Pages appear as touched.  The
	 * usable part is what copy-on-write fork and exit walk, slot by
	 * slot, in its amap: 8 MiB by default, not 32.
	 */
	vaddr_t stack = USRSTACK - MAXSSIZ, usable = USRSTACK - ssize;
	if (error == 0 && ssize < MAXSSIZ)
		error = uvm_map(map, &stack, MAXSSIZ - ssize, nullptr, 0, 0,
		    UVM_MAPFLAG(PROT_NONE, PROT_MASK, MAP_INHERIT_COPY,
		    MADV_NORMAL, UVM_FLAG_FIXED | UVM_FLAG_COPYONW |
		    UVM_FLAG_STACK));
	if (error == 0)
		error = uvm_map(map, &usable, ssize, nullptr, 0, 0,
		    UVM_MAPFLAG(PROT_READ | PROT_WRITE, PROT_MASK,
		    MAP_INHERIT_COPY, MADV_NORMAL,
		    UVM_FLAG_FIXED | UVM_FLAG_COPYONW | UVM_FLAG_STACK));
	if (error != 0) {
		uvmspace_free(vm);
		return ENOMEM;
	}
	vm->vm_daddr = dataend;		/* brk starts past the last segment */
	vm->vm_dsize = 0;
	vm->vm_maxsaddr = stack;
	vm->vm_minsaddr = USRSTACK;
	vm->vm_ssize = 0;
	uvmspace_setareas(vm);
	vm_map_pmap(map)->pm_hiexec = hiexec;
	*vmp = vm;
	return 0;
}

/*
 * elf_zero_bss: clear the tail of the page where each segment's file
 * part ends and its bss begins.  Returns 0 or EFAULT.
 * => the new address space is the current one.
 */
int
elf_zero_bss(const struct elf_image *img)
{
	static const char zeroes[128] = {};

	for (int i = 0; i < img->nload; i++) {
		const Elf32_Phdr *ph = &img->load[i];
		vaddr_t va = ph->p_vaddr + ph->p_filesz;
		vaddr_t end = MIN(round_page(va),
		    (vaddr_t)(ph->p_vaddr + ph->p_memsz));

		if (ph->p_filesz == 0 || ph->p_memsz == ph->p_filesz)
			continue;
		while (va < end) {
			size_t n = MIN(end - va, sizeof(zeroes));
			if (copyout(zeroes, (void *)va, n) != 0)
				return EFAULT;
			va += n;
		}
	}
	return 0;
}
