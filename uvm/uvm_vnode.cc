/*
 * uvm_vnode.cc: the vnode pager, the memory object behind a mapped file.
 *
 * mmap(2) of a file makes a uvm_vnode: a uvm_object whose pages are the
 * file's pages, page n holding bytes [n * PAGE_SIZE, (n + 1) * PAGE_SIZE).
 * There is one per vnode that is mapped at all (uvn_attach finds it on
 * uvn_list), so every mapping of a file, in every process, sees the same
 * pages: a store through a MAP_SHARED mapping is seen at once by all the
 * others.  The uvm_vnode holds a reference to its vnode (vref) as long
 * as it is mapped.
 *
 *	uvn_get		the page at an offset: resident, or a new page
 *			read through VOP_READ (vn_rdwr, which goes through
 *			the buffer cache); the part past the end of the
 *			file reads as zeroes; an offset wholly past the
 *			end is EFAULT (OpenBSD sends SIGBUS)
 *	uvn_put		write modified pages back with VOP_WRITE, never
 *			past the end of the file (msync, and the last
 *			detach)
 *	uvn_detach	the last reference writes back and frees the pages,
 *			then lets the vnode go
 *
 * Simplifications (XXX): pages read through here and blocks in the
 * buffer cache are separate copies, so write(2) to a mapped file is not
 * seen by the mapping until it is unmapped everywhere (OpenBSD's UBC-less
 * UVM has the same gap, closed by uvm_vnp_uncache on write); pages are
 * never paged out.  Mirrors OpenBSD's sys/uvm/uvm_vnode.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/vnode.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_object.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>

struct uvm_vnode {
	struct uvm_object u_obj;	/* first: the object (cast back) */
	struct vnode	*u_vnode;	/* [I] the file, referenced */
	list_entry<uvm_vnode> u_list;	/* [K] on uvn_list */
};

static list_head<uvm_vnode, &uvm_vnode::u_list> uvn_list; /* [K] */

static void	uvn_reference(struct uvm_object *);
static void	uvn_detach(struct uvm_object *);
static int	uvn_get(struct uvm_object *, voff_t, struct vm_page **);
static int	uvn_put(struct uvm_object *, voff_t, voff_t, int);

static const struct uvm_pagerops uvm_vnodeops = {
	uvn_reference, uvn_detach, uvn_get, uvn_put,
};

/* uvn_init: => called from uvm_init(). */
void
uvn_init(void)
{
	uvn_list.init();
}

/* The credentials file I/O is done with: the current process's. */
static struct ucred *
uvn_cred(void)
{
	return curproc != nullptr ? curproc->p_ucred : nullptr;
}

/* The file's size now, or -1 if it cannot be had. */
static off_t
uvn_size(struct vnode *vp)
{
	struct vattr va;

	if (VOP_GETATTR(vp, &va, uvn_cred(), curproc) != 0)
		return -1;
	return (off_t)va.va_size;
}

/*
 * uvn_attach: the memory object of vp, with a new reference: the one on
 * uvn_list if vp is mapped already, else a new one (which takes a vnode
 * reference).  Null if vp cannot be mapped (not a regular file) or there
 * is no memory.
 * => process context; may sleep.
 */
struct uvm_object *
uvn_attach(struct vnode *vp, vm_prot_t accessprot)
{
	if (vp->v_type != VREG)
		return nullptr;
	for (struct uvm_vnode *uvn : uvn_list) {
		if (uvn->u_vnode == vp) {
			uvn->u_obj.uo_refs++;
			return &uvn->u_obj;
		}
	}
	struct uvm_vnode *uvn = (struct uvm_vnode *)malloc(sizeof(*uvn),
	    M_VMMAP, M_WAITOK | M_ZERO);
	uvm_objinit(&uvn->u_obj, &uvm_vnodeops, 1);
	uvn->u_vnode = vp;
	vref(vp);
	uvn_list.insert_head(uvn);
	return &uvn->u_obj;
}

static void
uvn_reference(struct uvm_object *uobj)
{
	uobj->uo_refs++;
}

/*
 * uvn_detach: drop a reference; the last one writes modified pages back,
 * frees the pages and releases the vnode.
 * => process context; may sleep.
 */
static void
uvn_detach(struct uvm_object *uobj)
{
	struct uvm_vnode *uvn = (struct uvm_vnode *)uobj;

	KASSERT(uobj->uo_refs > 0);
	if (--uobj->uo_refs > 0)
		return;
	(void)uvn_put(uobj, 0, ~(voff_t)0 >> 1, MS_SYNC);
	uvm_objpage_free_all(uobj);
	uvn_list.remove(uvn);
	vrele(uvn->u_vnode);
	free(uvn, M_VMMAP, sizeof(*uvn));
}

/*
 * uvn_get: the page of the file at off (page aligned), reading it in if
 * it is not resident.  Returns 0 with *pgp, EFAULT if off is past the
 * end of the file, ENOMEM, or the file system's error.
 * => process context; may sleep (the read).
 */
static int
uvn_get(struct uvm_object *uobj, voff_t off, struct vm_page **pgp)
{
	struct uvm_vnode *uvn = (struct uvm_vnode *)uobj;
	struct vm_page *pg;
	size_t resid;

	if ((*pgp = uvm_pagelookup(uobj, off)) != nullptr)
		return 0;
	off_t size = uvn_size(uvn->u_vnode);
	if (size < 0 || off >= size)
		return EFAULT;
	int len = size - off < PAGE_SIZE ? (int)(size - off) : PAGE_SIZE;

	/*
	 * Read into a buffer, then copy: the read may sleep, and the page
	 * window (pmap_tmpmap_pa) must not be held across a sleep.
	 */
	char *buf = (char *)malloc(PAGE_SIZE, M_TEMP, M_WAITOK | M_ZERO);
	int error = vn_rdwr(UIO_READ, uvn->u_vnode, buf, len, off,
	    UIO_SYSSPACE, 0, uvn_cred(), &resid, curproc);
	if (error != 0)
		goto out;
	/* Someone else may have read it in while we slept. */
	if ((*pgp = uvm_pagelookup(uobj, off)) != nullptr)
		goto out;
	pg = uvm_pagealloc(uobj, off, nullptr, 0);
	if (pg == nullptr) {
		error = ENOMEM;
		goto out;
	}
	memcpy(pmap_tmpmap_pa(VM_PAGE_TO_PHYS(pg)), buf, PAGE_SIZE);
	pmap_tmpunmap_pa();
	pg->pg_flags &= ~PG_BUSY;
	uvm_objpage_insert(uobj, pg);
	*pgp = pg;
out:
	free(buf, M_TEMP, PAGE_SIZE);
	return error;
}

/*
 * uvn_put: write the modified resident pages of [start, end) back to the
 * file, up to its end.  flags: MS_* (all writes are synchronous).
 * Returns 0 or the first error.
 * => process context; may sleep.
 */
static int
uvn_put(struct uvm_object *uobj, voff_t start, voff_t end, int flags)
{
	struct uvm_vnode *uvn = (struct uvm_vnode *)uobj;
	int error = 0;

	if (uobj->uo_npages == 0)
		return 0;
	off_t size = uvn_size(uvn->u_vnode);
	char *buf = (char *)malloc(PAGE_SIZE, M_TEMP, M_WAITOK);
	for (struct vm_page *pg : uobj->memq) {
		if (pg->offset < start || pg->offset >= end ||
		    pg->offset >= size || !pmap_is_modified(pg))
			continue;
		/*
		 * Clear the modified bit first: a store during the write
		 * sets it again, and the page is written next time.
		 */
		(void)pmap_clear_modify(pg);
		memcpy(buf, pmap_tmpmap_pa(VM_PAGE_TO_PHYS(pg)), PAGE_SIZE);
		pmap_tmpunmap_pa();
		int len = size - pg->offset < PAGE_SIZE ?
		    (int)(size - pg->offset) : PAGE_SIZE;
		error = vn_rdwr(UIO_WRITE, uvn->u_vnode, buf, len,
		    pg->offset, UIO_SYSSPACE, 0, uvn_cred(), nullptr,
		    curproc);
		if (error != 0)
			break;
	}
	free(buf, M_TEMP, PAGE_SIZE);
	return error;
}
