/*
 * <uvm/uvm_page.h>: physical pages.
 *
 * Every page of RAM that UVM manages has a struct vm_page, kept in one
 * array per physical segment (vm_physmem[]).  A page is on exactly one of:
 * a free list (PQ_FREE), or owned by whoever allocated it (the kernel's
 * wired memory, a page table, later an anon or a file's object).  The
 * machine-dependent part (struct vm_page_md, <machine/pmap.h>) records
 * every virtual mapping of the page, the pv list.
 *
 * Segments come from init386() through uvm_page_physload() before UVM
 * starts; until uvm_page_init() builds the arrays, pages are taken from
 * the front of the segments with uvm_page_physget() (for page tables and
 * the vm_page arrays themselves).
 *
 * Locking: [I] immutable after uvm_page_init, [F] the free lists, at
 * splvm once spl(9) exists (one CPU, no kernel preemption today).
 */
#ifndef _UVM_UVM_PAGE_H_
#define _UVM_UVM_PAGE_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <uvm/uvm_extern.h>
#include <machine/pmap.h>

struct vm_page {
	tailq_entry<vm_page> pageq;	/* [F] free list, later page queues */
	paddr_t		phys_addr;	/* [I] physical address of the page */
	u_int32_t	pg_flags;	/* [F] PG_*, PQ_* */
	u_int16_t	wire_count;	/* wired mappings / valid PTEs (PTP) */
	u_int8_t	free_list;	/* [I] VM_FREELIST_* it belongs to */
	struct uvm_object *uobject;	/* owner object, later */
	voff_t		offset;		/* offset in that object */
	struct vm_anon	*uanon;		/* owner anon, later */
	struct vm_page_md mdpage;	/* machine dependent: pv list */
};

/*
 * Code that sees struct vm_page reads the address directly, as OpenBSD's
 * macro does (the pmap asks on every enter and remove); uvm_extern.h
 * declares the function for everyone else.
 */
#define VM_PAGE_TO_PHYS(pg)	((pg)->phys_addr)

/* pg_flags */
#define PG_BUSY		0x00000001	/* page is being worked on */
#define PG_ZERO		0x00000100	/* known to be all zeroes */
#define PQ_FREE		0x00010000	/* on a free list */

/* Free lists: low memory is kept for devices that can only reach it. */
#define VM_NFREELIST		2
#define VM_FREELIST_DEFAULT	0	/* above 16 MiB */
#define VM_FREELIST_FIRST16	1	/* ISA DMA reaches only 16 MiB */

/* One contiguous range of physical pages (page frame numbers). */
struct vm_physseg {
	paddr_t		start;		/* [I] first page frame */
	paddr_t		end;		/* [I] one past the last */
	paddr_t		avail_start;	/* first frame not yet stolen */
	paddr_t		avail_end;	/* one past the last available */
	int		free_list;	/* [I] VM_FREELIST_* */
	struct vm_page	*pgs;		/* [I] vm_page of each frame */
	struct vm_page	*lastpg;	/* [I] &pgs[end - start - 1] */
};

#define VM_PHYSSEG_MAX_UVM	16
extern struct vm_physseg vm_physmem[];
extern int vm_nphysseg;

__BEGIN_DECLS
void	uvm_page_init(vaddr_t *kvm_startp, vaddr_t *kvm_endp);
[[nodiscard]] bool uvm_page_physget(paddr_t *pap);
bool	uvm_page_init_done(void);
__END_DECLS

#endif /* !_UVM_UVM_PAGE_H_ */
