/*
 * uvm_mmap.cc: the mmap(2) family of system calls.
 *
 * Each handler checks and rounds its arguments the way OpenBSD's do and
 * hands the work to the map (uvm_map.cc):
 *
 *	mmap		uvm_mmapanon (MAP_ANON) or uvm_mmapfile (a vnode),
 *			both uvm_map() with flags from the sharing mode:
 *			MAP_PRIVATE is copy-on-write and inherited as a
 *			copy, MAP_SHARED is shared and inherited shared
 *	munmap		uvm_unmap
 *	mprotect	uvm_map_protect
 *	madvise		uvm_map_advice; MADV_FREE drops private anons
 *	minherit	uvm_map_inherit
 *	mquery		uvm_map_findspace, mapping nothing
 *	msync		uvm_map_clean: shared file pages back to the file
 *
 * An address range from user space is page aligned by moving its start
 * down to a page boundary and growing its length by as much (pageoff),
 * then rounding the length up.  File mappings get their vnode from the
 * descriptor layer through uvm_mmap_getvnode().  Mirrors OpenBSD's
 * sys/uvm/uvm_mmap.c.
 */
#include <sys/param.h>
#include <sys/resource.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/proc.h>
#include <sys/vnode.h>
#include "uvm_syscall.h"
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_amap.h>
#include <uvm/uvm_object.h>
#include <machine/pmap.h>

/* The map of p's process. */
static struct vm_map *
uvm_mmap_map(struct proc *p)
{
	return &p->p_p->ps_vmspace->vm_map;
}

/*
 * Page-align a user range: *addrp moves down to its page, *sizep grows
 * by as much and is rounded up.  EINVAL if it wraps or leaves user space.
 */
static int
uvm_mmap_range(vaddr_t *addrp, vsize_t *sizep)
{
	vaddr_t pageoff = *addrp & PAGE_MASK;
	vaddr_t addr = *addrp - pageoff;
	vsize_t size = *sizep + pageoff;

	if (size < *sizep || round_page(size) < size)
		return EINVAL;
	size = round_page(size);
	if (addr + size < addr || addr + size > VM_MAXUSER_ADDRESS)
		return EINVAL;
	*addrp = addr;
	*sizep = size;
	return 0;
}

/* UVM_FLAG_* for the MAP_* flags of a mapping. */
static int
uvm_mmap_uvmflags(int flags)
{
	int uvmflag = 0;

	if (flags & MAP_FIXED)
		uvmflag |= UVM_FLAG_FIXED |
		    ((flags & __MAP_NOREPLACE) ? 0 : UVM_FLAG_UNMAP);
	if (flags & MAP_STACK)
		uvmflag |= UVM_FLAG_STACK;
	return uvmflag;
}

/*
 * uvm_mmapanon: map size bytes of anonymous memory in map; *addr is the
 * address (MAP_FIXED) or a hint (0: none), and returns where it went.
 * MAP_SHARED memory gets its amap now (shared with children);
 * MAP_PRIVATE memory is copy-on-write.  Returns 0 or uvm_map()'s error.
 * => process context; may sleep.
 */
int
uvm_mmapanon(struct vm_map *map, vaddr_t *addr, vsize_t size, vm_prot_t prot,
    vm_prot_t maxprot, int flags, vsize_t align, struct proc *p)
{
	int uvmflag = uvm_mmap_uvmflags(flags);
	vm_inherit_t inh;

	if (flags & MAP_SHARED) {
		uvmflag |= UVM_FLAG_OVERLAY;
		inh = MAP_INHERIT_SHARE;
	} else {
		uvmflag |= UVM_FLAG_COPYONW;
		inh = MAP_INHERIT_COPY;
	}
	return uvm_map(map, addr, size, nullptr, 0, align,
	    UVM_MAPFLAG(prot, maxprot, inh, MADV_NORMAL, uvmflag));
}

/*
 * uvm_mmapfile: map size bytes of the file vp from offset foff (page
 * aligned); see uvm_mmapanon.  MAP_SHARED writes reach the file;
 * MAP_PRIVATE writes go to private copies.  Returns 0, ENODEV (not a
 * regular file), or uvm_map()'s error.
 * => process context; vp referenced by the caller; may sleep.
 */
int
uvm_mmapfile(struct vm_map *map, vaddr_t *addr, vsize_t size, vm_prot_t prot,
    vm_prot_t maxprot, int flags, struct vnode *vp, voff_t foff,
    vsize_t align, struct proc *p)
{
	int uvmflag = uvm_mmap_uvmflags(flags);
	vm_inherit_t inh = MAP_INHERIT_SHARE;

	if (foff & PAGE_MASK)
		return EINVAL;
	struct uvm_object *uobj = uvn_attach(vp, maxprot);
	if (uobj == nullptr)
		return ENODEV;
	if (!(flags & MAP_SHARED)) {
		uvmflag |= UVM_FLAG_COPYONW;
		inh = MAP_INHERIT_COPY;
	}
	int error = uvm_map(map, addr, size, uobj, foff, align,
	    UVM_MAPFLAG(prot, maxprot, inh, MADV_NORMAL, uvmflag));
	if (error != 0)
		uobj->pgops->pgo_detach(uobj);
	return error;
}

/*
 * The checks mmap and mquery share: flags and protection valid, the
 * range aligned with the file offset.  *addrp, *sizep: page aligned;
 * *pageoffp: the offset of the caller's address in its page.
 */
static int
uvm_mmap_args(vaddr_t *addrp, vsize_t *sizep, int prot, int flags, off_t pos,
    vaddr_t *pageoffp)
{
	if (prot & ~PROT_MASK)
		return EINVAL;
	if (flags & ~MAP_FLAGMASK)
		return EINVAL;
	if ((flags & (MAP_SHARED | MAP_PRIVATE)) == 0 ||
	    (flags & (MAP_SHARED | MAP_PRIVATE)) == (MAP_SHARED | MAP_PRIVATE))
		return EINVAL;
	if (*sizep == 0)
		return EINVAL;
	vaddr_t pageoff = pos & PAGE_MASK;
	if ((flags & MAP_FIXED) && (*addrp & PAGE_MASK) != pageoff)
		return EINVAL;
	*addrp -= pageoff;
	*sizep += pageoff;
	if (*sizep < pageoff)
		return EINVAL;
	int error = uvm_mmap_range(addrp, sizep);
	if (error != 0)
		return error;
	if ((flags & MAP_FIXED) && *addrp < VM_MIN_ADDRESS)
		return EINVAL;
	*pageoffp = pageoff;
	return 0;
}

/*
 * The vnode behind fd and the most a mapping of it may allow:
 * readable only if open for reading; writable if private, or shared and
 * open for writing.
 */
static int
uvm_mmap_vnode(struct proc *p, int fd, int prot, int flags,
    struct vnode **vpp, vm_prot_t *maxprotp)
{
	int fflags, error;

	if (uvm_mmap_getvnode == nullptr)
		return EBADF;		/* no descriptor layer linked */
	if ((error = uvm_mmap_getvnode(p, fd, vpp, &fflags)) != 0)
		return error;
	vm_prot_t maxprot = PROT_EXEC;
	if (fflags & FREAD)
		maxprot |= PROT_READ;
	if (!(flags & MAP_SHARED) || (fflags & FWRITE))
		maxprot |= PROT_WRITE;
	if ((prot & maxprot) != prot) {
		vrele(*vpp);
		return EACCES;
	}
	*maxprotp = maxprot;
	return 0;
}

/* mmap(2) */
int
sys_mmap(struct proc *p, void *v, register_t *retval)
{
	struct sys_mmap_args *uap = (struct sys_mmap_args *)v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr), pageoff;
	vsize_t size = SCARG(uap, len);
	int prot = SCARG(uap, prot), flags = SCARG(uap, flags);
	off_t pos = SCARG(uap, pos);
	struct vm_map *map = uvm_mmap_map(p);
	int error;

	/* Anonymous memory counts against the data size limit. */
	if ((flags & MAP_ANON) && size > lim_cur(p, RLIMIT_DATA))
		return ENOMEM;
	if ((error = uvm_mmap_args(&addr, &size, prot, flags, pos, &pageoff)))
		return error;
	if (flags & MAP_ANON) {
		if (SCARG(uap, fd) != -1 || pos != 0)
			return EINVAL;
		error = uvm_mmapanon(map, &addr, size, prot, PROT_MASK, flags,
		    0, p);
	} else {
		struct vnode *vp;
		vm_prot_t maxprot;
		if ((error = uvm_mmap_vnode(p, SCARG(uap, fd), prot, flags,
		    &vp, &maxprot)) != 0)
			return error;
		error = uvm_mmapfile(map, &addr, size, prot, maxprot, flags, vp,
		    pos - pageoff, 0, p);
		vrele(vp);
	}
	if (error == 0)
		retval[0] = (register_t)(addr + pageoff);
	return error;
}

/* mquery(2): where mmap would put such a mapping; maps nothing. */
int
sys_mquery(struct proc *p, void *v, register_t *retval)
{
	struct sys_mquery_args *uap = (struct sys_mquery_args *)v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr), pageoff;
	vsize_t size = SCARG(uap, len);
	int flags = SCARG(uap, flags);
	struct vm_map *map = uvm_mmap_map(p);
	int error;

	if ((error = uvm_mmap_args(&addr, &size, SCARG(uap, prot), flags,
	    SCARG(uap, pos), &pageoff)) != 0)
		return error;
	if (addr < VM_MIN_ADDRESS)
		addr = VM_MIN_ADDRESS;
	if (uvm_map_isfree(map, addr, addr + size)) {
		retval[0] = (register_t)(addr + pageoff);
		return 0;
	}
	if (flags & MAP_FIXED)
		return ENOMEM;
	if ((error = uvm_map_findspace(map, addr, size, 0, 0, &addr)) != 0)
		return error;
	retval[0] = (register_t)(addr + pageoff);
	return 0;
}

/* munmap(2) */
int
sys_munmap(struct proc *p, void *v, register_t *retval)
{
	struct sys_munmap_args *uap = (struct sys_munmap_args *)v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr);
	vsize_t size = SCARG(uap, len);
	int error;

	if ((error = uvm_mmap_range(&addr, &size)) != 0)
		return error;
	if (addr < VM_MIN_ADDRESS)
		return EINVAL;
	/* As OpenBSD: the whole range must be mapped, or nothing is done. */
	struct vm_map *map = uvm_mmap_map(p);
	if (uvm_map_checkprot(map, addr, addr + size, PROT_NONE) != 0)
		return EINVAL;
	uvm_unmap(map, addr, addr + size);
	return 0;
}

/* mprotect(2) */
int
sys_mprotect(struct proc *p, void *v, register_t *retval)
{
	struct sys_mprotect_args *uap = (struct sys_mprotect_args *)v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr);
	vsize_t size = SCARG(uap, len);
	int prot = SCARG(uap, prot), error;

	if (prot & ~PROT_MASK)
		return EINVAL;
	if ((error = uvm_mmap_range(&addr, &size)) != 0)
		return error;
	return uvm_map_protect(uvm_mmap_map(p), addr, addr + size, prot,
	    false);
}

/* minherit(2) */
int
sys_minherit(struct proc *p, void *v, register_t *retval)
{
	struct sys_minherit_args *uap = (struct sys_minherit_args *)v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr);
	vsize_t size = SCARG(uap, len);
	int error;

	if ((error = uvm_mmap_range(&addr, &size)) != 0)
		return error;
	return uvm_map_inherit(uvm_mmap_map(p), addr, addr + size,
	    SCARG(uap, inherit));
}

/*
 * uvm_map_free_anons: MADV_FREE: the private anonymous pages of
 * [start, end) are garbage: unmap them and drop their anons, where the
 * amap is the entry's alone (shared ones are left; XXX am_ppref).
 */
static void
uvm_map_free_anons(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	struct vm_map_entry *e;

	if (!uvm_map_lookup_entry(map, start, &e))
		e = e ? map->entries.next(e) : map->entries.first();
	for (; e != nullptr && e->start < end; e = map->entries.next(e)) {
		struct vm_amap *amap = e->aref.ar_amap;
		if (amap == nullptr || amap->am_ref != 1 ||
		    !UVM_ET_ISCOPYONWRITE(e))
			continue;
		vaddr_t s = start > e->start ? start : e->start;
		vaddr_t t = end < e->end ? end : e->end;
		pmap_remove(map->pmap, s, t);
		amap_wipeout_range(&e->aref, s - e->start, t - s);
	}
}

/* madvise(2) */
int
sys_madvise(struct proc *p, void *v, register_t *retval)
{
	struct sys_madvise_args *uap = (struct sys_madvise_args *)v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr);
	vsize_t size = SCARG(uap, len);
	int behav = SCARG(uap, behav), error;

	if ((error = uvm_mmap_range(&addr, &size)) != 0)
		return error;
	switch (behav) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
		return uvm_map_advice(uvm_mmap_map(p), addr, addr + size,
		    behav);
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_SPACEAVAIL:
		return 0;	/* hints with nothing to act on: no paging */
	case MADV_FREE:
		uvm_map_free_anons(uvm_mmap_map(p), addr, addr + size);
		return 0;
	default:
		return EINVAL;
	}
}

/* msync(2) */
int
sys_msync(struct proc *p, void *v, register_t *retval)
{
	struct sys_msync_args *uap = (struct sys_msync_args *)v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr);
	vsize_t size = SCARG(uap, len);
	int flags = SCARG(uap, flags), error;

	if (flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE))
		return EINVAL;
	if ((flags & (MS_ASYNC | MS_SYNC)) == (MS_ASYNC | MS_SYNC))
		return EINVAL;
	if ((error = uvm_mmap_range(&addr, &size)) != 0)
		return error;
	return uvm_map_clean(uvm_mmap_map(p), addr, addr + size, flags);
}
