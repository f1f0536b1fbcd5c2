/*
 * <machine/param.h>: i386 constants for pages, the kernel's place in the
 * address space and the kernel stack, with OpenBSD's names and values.
 *
 * Shared with locore.asm: the NASM file cannot include this header, so
 * locore repeats KERNBASE, NBPG and friends and the values are checked
 * against these by static_asserts in machdep.cc (see locore_consts).
 */
#ifndef _MACHINE_PARAM_H_
#define _MACHINE_PARAM_H_

#define MACHINE		"i386"
#define _MACHINE	i386
#define MACHINE_ARCH	"i386"

#define PGSHIFT		12		/* log2(NBPG) */
#define NBPG		(1 << PGSHIFT)	/* bytes per page */
#define PGOFSET		(NBPG - 1)	/* byte offset into page */
#define PAGE_SHIFT	PGSHIFT
#define PAGE_SIZE	NBPG
#define PAGE_MASK	PGOFSET

#define PDSHIFT		22		/* log2(NBPD) */
#define NBPD		(1 << PDSHIFT)	/* bytes mapped by one PDE */

/*
 * The kernel lives in the top quarter of every address space.  It is
 * linked at KERNBASE + KERNTEXTOFF's offset and loaded at physical 2 MiB,
 * so virtual = physical + KERNBASE for the whole image.
 */
#define KERNBASE	0xd0000000UL
#define KERNTEXTOFF	(KERNBASE + 0x200000UL)

#define UPAGES		4		/* pages of kernel stack + pcb */
#define USPACE		(UPAGES * NBPG)

/* Page rounding and conversion, as in OpenBSD. */
#define trunc_page(x)	((x) & ~PAGE_MASK)
#define round_page(x)	(((x) + PAGE_MASK) & ~PAGE_MASK)
#define atop(x)		((x) >> PAGE_SHIFT)
#define ptoa(x)		((x) << PAGE_SHIFT)

#endif /* !_MACHINE_PARAM_H_ */
