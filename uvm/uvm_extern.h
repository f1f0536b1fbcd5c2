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
#include <sys/mman.h>

struct vm_map;
struct vm_page;
struct uvm_object;
struct vm_anon;

struct vmspace;
struct vnode;
struct proc;

/* Protection bits (vm_prot_t): PROT_* of <sys/mman.h>. */
typedef int vm_prot_t;
#define PROT_MASK	(PROT_READ | PROT_WRITE | PROT_EXEC)

/* Inheritance across fork (vm_inherit_t): MAP_INHERIT_* of mman.h. */
typedef int vm_inherit_t;
#define UVM_INH_SHARE	MAP_INHERIT_SHARE	/* the child shares it */
#define UVM_INH_COPY	MAP_INHERIT_COPY	/* copy-on-write copy */
#define UVM_INH_NONE	MAP_INHERIT_NONE	/* left out of the child */
#define UVM_INH_ZERO	MAP_INHERIT_ZERO	/* fresh zeroed memory */

/* Advice: MADV_* of mman.h. */
#define UVM_ADV_NORMAL		MADV_NORMAL
#define UVM_ADV_RANDOM		MADV_RANDOM
#define UVM_ADV_SEQUENTIAL	MADV_SEQUENTIAL

/* Why uvm_fault() is called (vm_fault_t). */
typedef int vm_fault_t;
#define VM_FAULT_INVALID ((vm_fault_t)0x0)	/* no valid mapping */
#define VM_FAULT_PROTECT ((vm_fault_t)0x1)	/* mapping forbids access */
#define VM_FAULT_WIRE	 ((vm_fault_t)0x2)	/* wire the page (mlock) */

/*
 * uvm_map() takes protection, max protection, inheritance, advice and
 * flags packed into one int, as OpenBSD: UVM_MAPFLAG(PROT_READ,
 * PROT_MASK, MAP_INHERIT_COPY, MADV_NORMAL, UVM_FLAG_COPYONW).
 */
#define UVM_MAPFLAG(prot, maxprot, inh, advice, flags)			\
	((prot) | ((maxprot) << 8) | ((inh) << 4) | ((advice) << 12) |	\
	(flags))
#define UVM_PROTECTION(x)	((x) & PROT_MASK)
#define UVM_MAXPROTECTION(x)	(((x) >> 8) & PROT_MASK)
#define UVM_INHERIT(x)		(((x) >> 4) & 0x3)
#define UVM_ADVICE(x)		(((x) >> 12) & 0x7)

#define UVM_FLAG_FIXED	  0x0010000	/* exactly at *addr */
#define UVM_FLAG_OVERLAY  0x0020000	/* give the entry its amap now */
#define UVM_FLAG_NOMERGE  0x0040000	/* never merge with a neighbour */
#define UVM_FLAG_COPYONW  0x0080000	/* private: copy-on-write */
#define UVM_FLAG_STACK	  0x0100000	/* a stack */
#define UVM_FLAG_UNMAP	  0x0800000	/* FIXED: replace what is there */

/*
 * Limits of a process's address space (XXX they belong in
 * <machine/vmparam.h>, which does not exist yet): the stack's top and
 * greatest size, and the greatest data + brk(2) size, which is also the
 * range above vm_daddr that random placement keeps free for brk.
 */
#ifndef USRSTACK
#define USRSTACK	VM_MAXUSER_ADDRESS	/* top of the user stack */
#endif
#ifndef DFLSSIZ
#define DFLSSIZ		(8UL * 1024 * 1024)	/* initial stack size limit */
#endif
#ifndef MAXSSIZ
#define MAXSSIZ		(32UL * 1024 * 1024)	/* max stack size */
#endif
#ifndef MAXDSIZ
#define MAXDSIZ		(1024UL * 1024 * 1024)	/* max data size */
#endif
#define BRKSIZ		MAXDSIZ			/* kept free for brk */

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
	/* the fault path (uvm_fault.cc) */
	int	faults;		/* [P] calls to uvm_fault */
	int	flt_anon;	/* [P] case 1A: anon mapped as it is */
	int	flt_acow;	/* [P] case 1B: anon copied on write */
	int	flt_obj;	/* [P] case 2A: object page mapped */
	int	flt_prcopy;	/* [P] case 2B: object page copied */
	int	flt_przero;	/* [P] zero fill */
	int	nanon;		/* [P] anons in use */
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
paddr_t	(VM_PAGE_TO_PHYS)(const struct vm_page *);	/* uvm_page.h: a macro */
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

/* uvm_map.cc: mappings in a map, for user maps. */
[[nodiscard]] int uvm_map(struct vm_map *, vaddr_t *addr, vsize_t size,
	    struct uvm_object *uobj, voff_t uoffset, vsize_t align,
	    int flags);
void	uvm_unmap(struct vm_map *, vaddr_t start, vaddr_t end);
[[nodiscard]] int uvm_map_protect(struct vm_map *, vaddr_t start,
	    vaddr_t end, vm_prot_t new_prot, bool set_max);
[[nodiscard]] int uvm_map_inherit(struct vm_map *, vaddr_t start,
	    vaddr_t end, vm_inherit_t new_inheritance);
[[nodiscard]] int uvm_map_advice(struct vm_map *, vaddr_t start,
	    vaddr_t end, int new_advice);
[[nodiscard]] int uvm_map_clean(struct vm_map *, vaddr_t start,
	    vaddr_t end, int flags);

/* uvm_vmspace.cc: process address spaces. */
struct vmspace *uvmspace_alloc(vaddr_t min, vaddr_t max);
void	uvmspace_addref(struct vmspace *);
void	uvmspace_free(struct vmspace *);
struct vmspace *uvmspace_fork(struct vmspace *);

/* uvm_unix.cc: brk(2) and the stack. */
void	uvmspace_setareas(struct vmspace *);
[[nodiscard]] int uvm_obreak(struct vmspace *, vaddr_t nbreak);
void	uvm_grow(struct proc *, vaddr_t sp);

/* uvm_fault.cc */
[[nodiscard]] int uvm_fault(struct vm_map *, vaddr_t va,
	    vm_fault_t fault_type, vm_prot_t access_type);

/* uvm_mmap.cc: the work of mmap(2), without the descriptor. */
[[nodiscard]] int uvm_mmapanon(struct vm_map *, vaddr_t *addr,
	    vsize_t size, vm_prot_t prot, vm_prot_t maxprot, int flags,
	    vsize_t align, struct proc *);
[[nodiscard]] int uvm_mmapfile(struct vm_map *, vaddr_t *addr,
	    vsize_t size, vm_prot_t prot, vm_prot_t maxprot, int flags,
	    struct vnode *, voff_t foff, vsize_t align, struct proc *);
/*
 * The descriptor layer's part of mmap(2): fd's vnode, referenced (the
 * caller vrele()s it), and the file's open flags (FREAD, FWRITE).
 * Weak: until kern_descrip.cc defines it, file mappings fail (EBADF).
 */
int	uvm_mmap_getvnode(struct proc *, int fd, struct vnode **vpp,
	    int *fflags) __attribute__((__weak__));
__END_DECLS

#include <uvm/uvm_map.h>

#endif /* !_UVM_UVM_EXTERN_H_ */
