/*
 * <uvm/uvm_object.h>: memory objects, UVM's lower layer.
 *
 * A uvm_object is something that has pages at offsets: today a file,
 * through the vnode pager (uvm_vnode.cc).  What the object is made of is
 * hidden behind its pager operations table (pgops), as OpenBSD's
 * struct uvm_pagerops:
 *
 *	pgo_reference(uobj)	one more reference (a new mapping)
 *	pgo_detach(uobj)	one reference less; the last one writes back
 *				what is dirty and frees the object's pages
 *	pgo_get(uobj, off, &pg)	the object's page at off, reading it in if
 *				it is not resident; 0 or an errno
 *	pgo_put(uobj, start, end, flags)
 *				write dirty pages of [start, end) back
 *				(msync(2)); flags are MS_*
 *
 * The object keeps its resident pages on memq (through vm_page's pageq
 * link, free while a page is allocated), each page knowing its offset.
 * uvm_pagelookup() walks that list (XXX OpenBSD keeps a tree per object;
 * a list is enough for the file sizes our programs map).
 *
 * Locking: [O] the object (one CPU, no kernel preemption: no lock yet).
 */
#ifndef _UVM_UVM_OBJECT_H_
#define _UVM_UVM_OBJECT_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>

struct uvm_object;

struct uvm_pagerops {
	void	(*pgo_reference)(struct uvm_object *);
	void	(*pgo_detach)(struct uvm_object *);
	int	(*pgo_get)(struct uvm_object *, voff_t off,
		    struct vm_page **pgp);
	int	(*pgo_put)(struct uvm_object *, voff_t start, voff_t end,
		    int flags);
};

struct uvm_object {
	const struct uvm_pagerops *pgops;	/* [I] the pager */
	tailq_head<vm_page, &vm_page::pageq> memq; /* [O] resident pages */
	int		uo_npages;		/* [O] pages on memq */
	int		uo_refs;		/* [O] references */
};

__BEGIN_DECLS
void	uvm_objinit(struct uvm_object *, const struct uvm_pagerops *,
	    int refs);
struct vm_page *uvm_pagelookup(struct uvm_object *, voff_t off);
void	uvm_objpage_insert(struct uvm_object *, struct vm_page *);
void	uvm_objpage_free_all(struct uvm_object *);

/* uvm_vnode.cc: the vnode pager. */
void	uvn_init(void);
struct uvm_object *uvn_attach(struct vnode *, vm_prot_t accessprot);
__END_DECLS

#endif /* !_UVM_UVM_OBJECT_H_ */
