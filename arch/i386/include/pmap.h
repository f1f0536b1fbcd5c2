/*
 * <machine/pmap.h>: the i386 pmap, the machine-dependent half of virtual
 * memory.
 *
 * UVM decides what should be mapped where; the pmap makes the hardware
 * do it, by writing page directory and page table entries (<machine/
 * pte.h>).  Its interface is pmap(9): pmap_enter, pmap_remove,
 * pmap_protect, pmap_extract, pmap_kenter_pa, ...
 *
 * The virtual address space of every pmap (see docs/2-memory.md):
 *
 *	0x00000000 - 0xcf7fffff	user space (PDEs 0-829), per pmap
 *	0xcf800000 - 0xcfbfffff	PTE_BASE: this pmap's page tables, through
 *				the recursive PDE 830
 *	0xd0000000 - 0xffbfffff	the kernel (PDEs 832-1022), shared: every
 *				pmap's page directory has the same PDEs here
 *	0xffc00000 - 0xffffffff	APTE_BASE: another pmap's page tables,
 *				when pmap_map_ptes() puts its page
 *				directory in PDE 1023
 *
 * Locking: [I] immutable, [P] the pmap (no locks yet: one CPU, no kernel
 * preemption), [V] splvm once it exists.
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/queue.h>
#include <machine/pte.h>

struct vm_page;

#define PDSLOT_APTE	1023U		/* the alternate recursive slot */
#define APTE_BASE	((pt_entry_t *)(PDSLOT_APTE * 0x400000UL))

#define VM_MIN_KERNEL_ADDRESS	0xd0000000UL	/* KERNBASE */
#define VM_MAX_KERNEL_ADDRESS	0xffc00000UL	/* APTE_BASE */
#define VM_MAXUSER_ADDRESS	0xcf800000UL	/* PTE_BASE */
#define VM_MIN_ADDRESS		0x00001000UL	/* page 0 is never mapped */

/* A software bit in the PTE: the mapping is wired (never paged out). */
#define PG_W		0x00000200	/* PG_AVAIL1 */

/* One mapping of a physical page: which pmap, at which address. */
struct pv_entry {
	struct pv_entry	*pv_next;	/* [V] next mapping of the page */
	struct pmap	*pv_pmap;	/* [V] the pmap */
	vaddr_t		pv_va;		/* [V] the virtual address */
};

/*
 * The machine-dependent part of struct vm_page.  Most pages are mapped
 * once, so each page carries one pv entry of its own (pv_first, free when
 * its pv_pmap is null), and only further mappings take one from the pool:
 * a page fault then costs no pool_get.
 */
struct vm_page_md {
	struct pv_entry	*pv_list;	/* [V] every mapping of the page */
	u_int32_t	pv_attrs;	/* [V] PG_M, PG_U of removed mappings */
	struct pv_entry	pv_first;	/* [V] the first mapping's entry */
};

struct pmap_statistics {
	long	resident_count;		/* [P] pages mapped */
	long	wired_count;		/* [P] of those, wired */
};

struct pmap {
	pd_entry_t	*pm_pdir;	/* [I] page directory, kernel VA */
	paddr_t		pm_pdirpa;	/* [I] its physical address */
	int		pm_refcount;	/* [P] references (vmspaces) */
	struct pmap_statistics pm_stats; /* [P] */
	list_entry<pmap> pm_list;	/* [V] on the list of all pmaps */
	vaddr_t		pm_hiexec;	/* [P] end of the executable part */
};

/* pmap_enter() flags, besides the access type in PROT_* bits. */
#define PMAP_WIRED	0x00000010	/* the mapping is wired */
#define PMAP_CANFAIL	0x00000020	/* return ENOMEM rather than panic */

extern struct pmap kernel_pmap_store;
#define pmap_kernel()			(&kernel_pmap_store)
#define pmap_resident_count(pm)		((pm)->pm_stats.resident_count)
#define pmap_wired_count(pm)		((pm)->pm_stats.wired_count)
#define pmap_update(pm)			((void)0)	/* TLB kept exact */

__BEGIN_DECLS
void	pmap_bootstrap(vaddr_t kva_start);
void	pmap_init(void);
void	pmap_virtual_space(vaddr_t *startp, vaddr_t *endp);
vaddr_t	pmap_steal_memory(vsize_t size, vaddr_t *startp, vaddr_t *endp);
vaddr_t	pmap_growkernel(vaddr_t maxkvaddr);

struct pmap *pmap_create(void);
void	pmap_destroy(struct pmap *);
void	pmap_reference(struct pmap *);
void	pmap_load(struct pmap *);
struct proc;
void	pmap_activate(struct proc *);
void	pmap_fork(struct pmap *src, struct pmap *dst);
struct trapframe;
struct vm_map;
bool	pmap_exec_fixup(struct vm_map *, struct trapframe *);
void	pmap_load_codeseg(struct pmap *);

[[nodiscard]] int pmap_enter(struct pmap *, vaddr_t va, paddr_t pa,
	    int prot, int flags);
void	pmap_remove(struct pmap *, vaddr_t sva, vaddr_t eva);
void	pmap_protect(struct pmap *, vaddr_t sva, vaddr_t eva, int prot);
void	pmap_page_protect(struct vm_page *, int prot);
[[nodiscard]] bool pmap_extract(struct pmap *, vaddr_t va, paddr_t *pap);
void	pmap_unwire(struct pmap *, vaddr_t va);

void	pmap_kenter_pa(vaddr_t va, paddr_t pa, int prot);
void	pmap_kremove(vaddr_t va, vsize_t len);

void	pmap_zero_page(struct vm_page *);
void	pmap_copy_page(struct vm_page *src, struct vm_page *dst);
void	*pmap_tmpmap_pa(paddr_t pa);
void	pmap_tmpunmap_pa(void);

bool	pmap_is_modified(struct vm_page *);
bool	pmap_clear_modify(struct vm_page *);
bool	pmap_is_referenced(struct vm_page *);
bool	pmap_clear_reference(struct vm_page *);

int	pmap_check(struct pmap *, int (*pr)(const char *, ...));
__END_DECLS

#endif /* !_MACHINE_PMAP_H_ */
