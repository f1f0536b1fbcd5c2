/*
 * kern/exec_elf.h: between execve (kern_exec.cc) and the ELF loader
 * (exec_elf.cc).  Kernel only.
 */
#ifndef _KERN_EXEC_ELF_H_
#define _KERN_EXEC_ELF_H_

#include <sys/exec_elf.h>

#define ELF_MAXPHNUM	16	/* program headers we accept */

/* What elf_check learnt from a file, for elf_map. */
struct elf_image {
	vaddr_t		entry;		/* e_entry */
	int		nload;		/* PT_LOAD headers in load[] */
	Elf32_Phdr	load[ELF_MAXPHNUM];
};

struct proc;
struct vnode;
struct vmspace;

[[nodiscard]] int elf_check(struct proc *, struct vnode *vp,
	    const char *hdr, size_t len, struct elf_image *);
[[nodiscard]] int elf_map(const struct elf_image *, struct vnode *vp,
	    vsize_t ssize, struct vmspace **vmp);
[[nodiscard]] int elf_zero_bss(const struct elf_image *);
int	kern_execve(struct proc *, const char *path, char *const *argv,
	    char *const *envp, enum uio_seg seg);

#endif /* !_KERN_EXEC_ELF_H_ */
