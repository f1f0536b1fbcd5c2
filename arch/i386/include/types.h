/*
 * <machine/types.h>: the i386 sizes of the kernel's address and register
 * types, as OpenBSD's arch/i386/include/_types.h gives them.  Everything
 * machine-independent uses these names and never "unsigned int" for an
 * address, so a 64-bit port only changes this file.
 */
#ifndef _MACHINE_TYPES_H_
#define _MACHINE_TYPES_H_

typedef unsigned long	vaddr_t;	/* virtual address */
typedef unsigned long	paddr_t;	/* physical address */
typedef unsigned long	vsize_t;	/* size of a virtual range */
typedef unsigned long	psize_t;	/* size of a physical range */
typedef int		register_t;	/* a general register, as saved */

#endif /* !_MACHINE_TYPES_H_ */
