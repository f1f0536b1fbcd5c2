/*
 * <uvm/uvm_extern.h>: what the rest of the kernel may call in UVM.
 *
 * UVM is the virtual memory system (OpenBSD's sys/uvm, from Chuck
 * Cranor's thesis).  This header is its public face: the page allocator,
 * kernel virtual memory (uvm_km), the counters in uvmexp, and the flags
 * those take.  Subsystems outside uvm/ include only this.
 */
#ifndef _UVM_UVM_EXTERN_H_
#define _UVM_UVM_EXTERN_H_

#include <sys/cdefs.h>
#include <sys/types.h>

struct vm_map;
struct vm_page;
struct uvm_object;
struct vm_anon;

/* Protection bits (vm_prot_t), as in <uvm/uvm_extern.h>. */
typedef int vm_prot_t;
#define PROT_NONE	0x00
#define PROT_READ	0x01
#define PROT_WRITE	0x02
#define PROT_EXEC	0x04
#define PROT_MASK	(PROT_READ | PROT_WRITE | PROT_EXEC)

/* uvm_km_kmemalloc() flags. */
#define UVM_KMF_NOWAIT	0x1	/* do not wait for memory: return 0 */
#define UVM_KMF_VALLOC	0x2	/* allocate virtual space only */
#define UVM_KMF_CANFAIL	0x4	/* may fail (return 0) rather than panic */
#define UVM_KMF_ZERO	0x8	/* zero the pages */

/* uvm_pagealloc() flags. */
#define UVM_PGA_USERESERVE	0x0001	/* may dip into the reserve */
#define UVM_PGA_ZERO		0x0002	/* the page must be zeroed */

/*
 * The counters `vmstat -s` prints, in pages.  [P] = protected by
 * splvm (nothing yet: one CPU and no preemption in the kernel).
 */
struct uvmexp {
	int	pagesize;	/* [I] PAGE_SIZE */
	int	pagemask;	/* [I] PAGE_MASK */
	int	pageshift;	/* [I] PAGE_SHIFT */
	int	npages;		/* [I] pages UVM manages */
	int	free;		/* [P] pages on the free lists */
	int	wired;		/* [P] pages wired (kernel, page tables) */
	int	reserve_kernel;	/* [I] free pages kept for the kernel */
	int	nfreelist[2];	/* [P] free pages per free list */
	/* counters of events */
	int	pga_zerohit;	/* [P] zeroed pages handed out */
	int	pgallocs;	/* [P] uvm_pagealloc calls that succeeded */
	int	pgfrees;	/* [P] uvm_pagefree calls */
	int	pgafails;	/* [P] uvm_pagealloc calls that found none */
	int	kmapent;	/* [P] kernel map entries in use */
	int	swtch;		/* [P] context switches */
};
extern struct uvmexp uvmexp;

extern struct vm_map *kernel_map;	/* [I] all kernel virtual memory */
extern struct vm_map *kmem_map;		/* [I] malloc(9)'s part of it */

__BEGIN_DECLS
/* uvm_init.cc */
void	uvm_init(void);

/* uvm_page.cc */
void	uvm_page_physload(paddr_t start, paddr_t end, paddr_t avail_start,
	    paddr_t avail_end, int freelist);
struct vm_page *uvm_pagealloc(struct uvm_object *, voff_t off,
	    struct vm_anon *, int flags);
void	uvm_pagefree(struct vm_page *);
struct vm_page *PHYS_TO_VM_PAGE(paddr_t);
paddr_t	VM_PAGE_TO_PHYS(const struct vm_page *);
vaddr_t	uvm_pageboot_alloc(vsize_t size);

/* uvm_meter.cc */
void	uvm_meter(void);

/* uvm_km.cc */
void	uvm_km_init(vaddr_t start, vaddr_t end);
vaddr_t	uvm_km_alloc(struct vm_map *, vsize_t size);
vaddr_t	uvm_km_zalloc(struct vm_map *, vsize_t size);
vaddr_t	uvm_km_alloc1(struct vm_map *, vsize_t size, vsize_t align,
	    bool zeroit);
vaddr_t	uvm_km_kmemalloc(struct vm_map *, struct uvm_object *,
	    vsize_t size, int flags);
vaddr_t	uvm_km_valloc(struct vm_map *, vsize_t size);
void	uvm_km_free(struct vm_map *, vaddr_t addr, vsize_t size);
struct vm_map *uvm_km_suballoc(struct vm_map *, vaddr_t *min,
	    vaddr_t *max, vsize_t size, int flags, bool fixed,
	    struct vm_map *submap);
__END_DECLS

#endif /* !_UVM_UVM_EXTERN_H_ */
