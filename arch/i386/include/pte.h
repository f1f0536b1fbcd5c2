/*
 * <machine/pte.h>: the bits of i386 page directory and page table entries,
 * with OpenBSD's names.
 *
 * A 32-bit virtual address splits 10/10/12: the top ten bits pick a page
 * directory entry (PDE), the next ten a page table entry (PTE) in the page
 * table that PDE points to, the low twelve the byte in the 4 KiB page.
 * locore.asm builds the first tables with these same bits (it repeats the
 * values; machdep.cc checks them).
 */
#ifndef _MACHINE_PTE_H_
#define _MACHINE_PTE_H_

#include <sys/types.h>

typedef u_int32_t pd_entry_t;	/* a page directory entry */
typedef u_int32_t pt_entry_t;	/* a page table entry */

#define PG_V		0x00000001	/* valid (present) */
#define PG_RW		0x00000002	/* read/write */
#define PG_u		0x00000004	/* user accessible */
#define PG_WT		0x00000008	/* write-through caching */
#define PG_N		0x00000010	/* cache disable */
#define PG_U		0x00000020	/* used: referenced by the CPU */
#define PG_M		0x00000040	/* modified: written by the CPU */
#define PG_PS		0x00000080	/* 4 MiB page (in a PDE) */
#define PG_G		0x00000100	/* global: survives %cr3 reloads */
#define PG_FRAME	0xfffff000	/* the page frame address */

#define PG_KR		0x00000000	/* kernel read-only */
#define PG_KW		0x00000002	/* kernel read/write */
#define PG_PTE_BITS	"\20\1V\2RW\3u\4WT\5N\6U\7M\10PS\11G"

/* Which PDE and which PTE translate va. */
#define pdei(va)	(((va) & 0xffc00000) >> 22)
#define ptei(va)	(((va) & 0x003ff000) >> 12)

#define NPDEPG		1024		/* PDEs per page directory */
#define NPTEPG		1024		/* PTEs per page table */

/*
 * The recursive slot: PDE number PDSLOT_PTE points at the page directory
 * itself, so the MMU, walking through it, finds page tables where it
 * expects pages.  All page tables of the current address space thus appear
 * as one 4 MiB array of PTEs at PTE_BASE, and the page directory itself at
 * PDP_BASE.  OpenBSD i386 puts the slot just below the kernel's PDEs.
 */
#define PDSLOT_PTE	830U		/* (KERNBASE / NBPD) - 2 */
#define PDSLOT_KERN	832U		/* KERNBASE / NBPD */
#define PTE_BASE	((pt_entry_t *)(PDSLOT_PTE * 0x400000UL))
#define PDP_BASE	((pd_entry_t *)((vaddr_t)PTE_BASE + PDSLOT_PTE * 4096UL))

/* The PTE that maps va in the current address space (needs its PDE). */
#define vtopte(va)	(PTE_BASE + atop((vaddr_t)(va)))

#endif /* !_MACHINE_PTE_H_ */
