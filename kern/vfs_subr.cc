/*
 * vfs_subr.cc: the vnode cache, vnode references and device aliases
 * (OpenBSD's sys/kern/vfs_subr.c, in part).
 *
 * Vnodes are made by getnewvnode() and never freed: there are at most
 * maxvnodes of them (sized from memory at boot), and when the table is
 * full, the least recently used vnode nobody references is taken from
 * its file system (vclean: VOP_RECLAIM) and reused.  Until then a vnode
 * whose last reference went away keeps naming its file, on the free
 * list, so that looking the file up again (the name cache, the file
 * system's inode hash) finds it without reading the disk.
 *
 *	vnode_free_list:  oldest ... newest   (v_usecount == 0)
 *	     getnewvnode takes from the front, vrele adds at the back;
 *	     a vnode with nothing worth keeping goes to the front.
 *
 * A vnode being reclaimed carries VXLOCK; vget() on it waits and fails
 * with ENOENT so the caller looks again (the file may be gone).
 *
 * Device vnodes (VBLK, VCHR) of one device are linked on a chain in
 * speclisth[] (checkalias), so vcount() can count a device's users and
 * vfs_mountedon() can refuse a second mount of one disk.
 *
 * Locking: one CPU and no kernel preemption, so these lists change only
 * between sleeps of one thread ([K] in sys/vnode.h); the buffer lists
 * hanging off a vnode are the cache's, at splbio.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/specdev.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/vnode.h>
#include <uvm/uvm_extern.h>
#include <machine/intr.h>

int numvnodes;				/* [K] vnodes made */
int maxvnodes;				/* [I] the most we make */
static struct pool vnode_pool;
static tailq_head<vnode, &vnode::v_freelist> vnode_free_list;
struct vnode *speclisth[SPECHSZ];	/* [K] device vnode chains */
struct vnode *rootvnode;		/* [K] the root directory */

/*
 * vntblinit: size the vnode table and set up its pool.
 * => called once from main(), after uvm_init and the pools.
 */
void
vntblinit(void)
{
	/* A vnode per 16 pages of RAM, as a rough stand-in for OpenBSD's
	 * desiredvnodes; at least enough for a busy test. */
	maxvnodes = MAX(256, MIN(uvmexp.npages / 16, 8192));
	pool_init(&vnode_pool, sizeof(struct vnode), 0, IPL_NONE, 0,
	    "vnodes", nullptr);
	vnode_free_list.init();
	nchinit();
}

/* vnode_init: a fresh vnode's lists and lock. */
static void
vnode_init(struct vnode *vp)
{
	memset(vp, 0, sizeof(*vp));
	vp->v_cleanblkhd.init();
	vp->v_dirtyblkhd.init();
	rw_init(&vp->v_lock, "vnlock");
}

/*
 * vclean: take vp from its file system: write its buffers back, tell the
 * file system to forget it (VOP_RECLAIM), and give it the dead table.
 * => vp has VXLOCK set by the caller, is not locked; may sleep.
 */
static void
vclean(struct vnode *vp, struct proc *p)
{
	int active = vp->v_usecount > 0;

	KASSERT(vp->v_flag & VXLOCK);
	/*
	 * Write dirty buffers back first: vp still knows where its blocks
	 * are.  A vnode in use is made inactive first, as if its last
	 * reference had gone, so the file system can free an unlinked file.
	 */
	/* VOP_LOCK, not vn_lock: vn_lock would wait for our own VXLOCK. */
	if (VOP_LOCK(vp, LK_EXCLUSIVE) == 0) {
		if (vinvalbuf(vp, V_SAVE, NOCRED, p, 0, 0) != 0)
			(void)vinvalbuf(vp, 0, NOCRED, p, 0, 0);
		if (active)
			VOP_INACTIVE(vp, p);	/* unlocks */
		else
			VOP_UNLOCK(vp);
	}
	if (VOP_RECLAIM(vp, p) != 0)
		panic("vclean: cannot reclaim");
	cache_purge(vp);
	vp->v_op = &dead_vops;
	vp->v_tag = VT_NON;
	vp->v_flag &= ~VXLOCK;
	if (vp->v_flag & VXWANT) {
		vp->v_flag &= ~VXWANT;
		wakeup(vp);
	}
}

/* spec_unalias: take a device vnode off its alias chain. */
static void
spec_unalias(struct vnode *vp)
{
	struct vnode **vpp = vp->v_hashchain;

	if (vpp == nullptr)
		return;
	for (; *vpp != nullptr; vpp = &(*vpp)->v_specnext)
		if (*vpp == vp) {
			*vpp = vp->v_specnext;
			break;
		}
	free(vp->v_specinfo, M_VNODE, sizeof(struct specinfo));
	vp->v_specinfo = nullptr;
}

/*
 * vgonel: vclean vp and make it VBAD: what vgone and getnewvnode share.
 * => vp not locked, not VXLOCK; may sleep.
 */
static void
vgonel(struct vnode *vp, struct proc *p)
{
	vp->v_flag |= VXLOCK;
	vclean(vp, p);
	if ((vp->v_type == VBLK || vp->v_type == VCHR) &&
	    vp->v_specinfo != nullptr)
		spec_unalias(vp);
	insmntque(vp, nullptr);
	vp->v_type = VBAD;
	/* An unreferenced dead vnode is the first to reuse. */
	if (vp->v_usecount == 0 && (vp->v_flag & VONFREELIST)) {
		vnode_free_list.remove(vp);
		vnode_free_list.insert_head(vp);
	}
}

/*
 * vgone: kill vp: take it from its file system now, whoever holds it.
 * => vp not locked; may sleep.
 */
void
vgone(struct vnode *vp)
{
	if (vp->v_flag & VXLOCK) {
		/* Someone else is already at it; wait for them. */
		vp->v_flag |= VXWANT;
		tsleep(vp, PINOD, "vgone", 0);
		return;
	}
	vgonel(vp, curproc);
}

/*
 * getnewvnode: a vnode for a file of mp, with operations vops, one
 * reference, not locked, type VNON (the file system sets v_type and
 * v_data).  Reuses the oldest free vnode when the table is full.
 * => process context, may sleep (reclaiming the reused vnode).
 * => returns 0, or ENFILE when every vnode is in use.
 */
int
getnewvnode(enum vtagtype tag, struct mount *mp, const struct vops *vops,
    struct vnode **vpp)
{
	struct vnode *vp = vnode_free_list.first();

	if (numvnodes < maxvnodes || vp == nullptr) {
		if (numvnodes >= maxvnodes) {
			printf("vnode table is full\n");
			*vpp = nullptr;
			return ENFILE;
		}
		vp = (struct vnode *)pool_get(&vnode_pool, PR_WAITOK);
		vnode_init(vp);
		numvnodes++;
	} else {
		vnode_free_list.remove(vp);
		vp->v_flag &= ~VONFREELIST;
		KASSERT(vp->v_usecount == 0);
		/*
		 * While the old file lets go of it, VXLOCK keeps others
		 * away: vget waits for it and then fails.
		 */
		if (vp->v_type != VBAD)
			vgonel(vp, curproc);
		KASSERT(vp->v_cleanblkhd.empty() && vp->v_dirtyblkhd.empty());
		u_int id = vp->v_id;
		vnode_init(vp);
		vp->v_id = id;
	}
	/* Names cached for the vnode's old identity no longer match. */
	vp->v_id++;
	vp->v_type = VNON;
	vp->v_tag = tag;
	vp->v_op = vops;
	vp->v_usecount = 1;
	insmntque(vp, mp);
	*vpp = vp;
	return 0;
}

/*
 * insmntque: move vp onto mp's vnode list (off any other; mp null:
 * onto none).
 */
void
insmntque(struct vnode *vp, struct mount *mp)
{
	if (vp->v_mount != nullptr)
		vp->v_mount->mnt_vnodelist.remove(vp);
	if ((vp->v_mount = mp) != nullptr)
		mp->mnt_vnodelist.insert_tail(vp);
}

/*
 * vget: a reference to vp, which the caller found in a cache (an inode
 * hash, the name cache) and which may have no references (on the free
 * list).  flags LK_EXCLUSIVE: lock it too.
 * => process context, may sleep.
 * => ENOENT if vp was being reclaimed: look it up again.
 */
int
vget(struct vnode *vp, int flags)
{
	if (vp->v_flag & VXLOCK) {
		vp->v_flag |= VXWANT;
		tsleep(vp, PINOD, "vget", 0);
		return ENOENT;
	}
	if (vp->v_usecount == 0 && (vp->v_flag & VONFREELIST)) {
		vnode_free_list.remove(vp);
		vp->v_flag &= ~VONFREELIST;
	}
	vp->v_usecount++;
	if (flags & (LK_EXCLUSIVE | LK_SHARED)) {
		int error = vn_lock(vp, flags);
		if (error != 0) {
			vrele(vp);
			return error;
		}
	}
	return 0;
}

/* vref: one more reference to vp, which the caller already holds one to. */
void
vref(struct vnode *vp)
{
	KASSERT(vp->v_usecount > 0);
	vp->v_usecount++;
}

/*
 * vrele: drop a reference to vp (not locked by the caller).  The last
 * one makes it inactive (VOP_INACTIVE, which may free an unlinked file)
 * and puts it on the free list.
 * => process context, may sleep.
 */
void
vrele(struct vnode *vp)
{
	KASSERT(vp->v_usecount > 0);
	if (vp->v_usecount > 1) {
		vp->v_usecount--;
		return;
	}
	/*
	 * The last reference: keep it while VOP_INACTIVE runs (it may
	 * sleep on I/O), then drop it.  Someone may vget vp meanwhile.
	 */
	if (vn_lock(vp, LK_EXCLUSIVE | LK_RETRY) == 0)
		VOP_INACTIVE(vp, curproc);	/* unlocks */
	if (--vp->v_usecount > 0)
		return;
	if (vp->v_type == VBAD)
		vnode_free_list.insert_head(vp);
	else
		vnode_free_list.insert_tail(vp);
	vp->v_flag |= VONFREELIST;
}

/* vput: unlock vp and drop a reference: vrele for a locked vnode. */
void
vput(struct vnode *vp)
{
	VOP_UNLOCK(vp);
	vrele(vp);
}

/*
 * vn_lock: lock vp (VOP_LOCK).  A vnode being reclaimed is waited for;
 * then, without LK_RETRY, ENOENT (the file is gone), with LK_RETRY it is
 * locked anyway (it is dead, but a caller holding it must unlock it).
 * => process context, may sleep (unless LK_NOWAIT: EBUSY).
 */
int
vn_lock(struct vnode *vp, int flags)
{
	while (vp->v_flag & VXLOCK) {
		if (flags & LK_NOWAIT)
			return EBUSY;
		vp->v_flag |= VXWANT;
		tsleep(vp, PINOD, "vn_lock", 0);
		if (!(flags & LK_RETRY))
			return ENOENT;
	}
	return VOP_LOCK(vp, flags);
}

/*
 * vflush: reclaim every vnode of mp (an unmount): unreferenced ones
 * always, referenced ones only with FORCECLOSE (they become dead).
 * skipvp and, with SKIPSYSTEM, VSYSTEM vnodes are left alone.
 * => process context, may sleep.  EBUSY if some vnode is still in use.
 */
int
vflush(struct mount *mp, struct vnode *skipvp, int flags)
{
	int busy = 0;

again:
	for (struct vnode *vp : mp->mnt_vnodelist) {
		if (vp == skipvp)
			continue;
		if ((flags & SKIPSYSTEM) && (vp->v_flag & VSYSTEM))
			continue;
		if ((flags & WRITECLOSE) &&
		    (vp->v_writecount == 0 || vp->v_type != VREG))
			continue;
		if (vp->v_usecount == 0 || (flags & FORCECLOSE)) {
			/* vgonel takes vp off the list: start over. */
			vgonel(vp, curproc);
			goto again;
		}
		busy++;
	}
	return busy ? EBUSY : 0;
}

/* vattr_null: every field of vap VNOVAL (nothing to change). */
void
vattr_null(struct vattr *vap)
{
	vap->va_type = VNON;
	vap->va_mode = VNOVAL;
	vap->va_nlink = VNOVAL;
	vap->va_uid = VNOVAL;
	vap->va_gid = VNOVAL;
	vap->va_fsid = VNOVAL;
	vap->va_fileid = VNOVAL;
	vap->va_size = VNOVAL;
	vap->va_blocksize = VNOVAL;
	vap->va_atime.tv_sec = vap->va_atime.tv_nsec = VNOVAL;
	vap->va_mtime.tv_sec = vap->va_mtime.tv_nsec = VNOVAL;
	vap->va_ctime.tv_sec = vap->va_ctime.tv_nsec = VNOVAL;
	vap->va_gen = VNOVAL;
	vap->va_flags = VNOVAL;
	vap->va_rdev = VNOVAL;
	vap->va_bytes = VNOVAL;
	vap->va_vaflags = 0;
}

/*
 * vaccess: may cred access a file of this type, mode and owner as
 * acc_mode (VREAD|VWRITE|VEXEC) asks?  The usual Unix rule: root may do
 * anything but execute a file no one may execute; otherwise the owner's
 * bits, else the group's, else the others' decide.
 * => 0 or EACCES.
 */
int
vaccess(enum vtype type, mode_t file_mode, uid_t uid, gid_t gid,
    mode_t acc_mode, struct ucred *cred)
{
	mode_t mask = 0;

	if (cred == NOCRED || cred == FSCRED || cred->cr_uid == 0) {
		if ((acc_mode & VEXEC) && type != VDIR &&
		    (file_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) == 0)
			return EACCES;
		return 0;
	}
	if (cred->cr_uid == uid) {
		if (acc_mode & VEXEC)
			mask |= S_IXUSR;
		if (acc_mode & VREAD)
			mask |= S_IRUSR;
		if (acc_mode & VWRITE)
			mask |= S_IWUSR;
	} else if (groupmember(gid, cred)) {
		if (acc_mode & VEXEC)
			mask |= S_IXGRP;
		if (acc_mode & VREAD)
			mask |= S_IRGRP;
		if (acc_mode & VWRITE)
			mask |= S_IWGRP;
	} else {
		if (acc_mode & VEXEC)
			mask |= S_IXOTH;
		if (acc_mode & VREAD)
			mask |= S_IROTH;
		if (acc_mode & VWRITE)
			mask |= S_IWOTH;
	}
	return (file_mode & mask) == mask ? 0 : EACCES;
}

/*
 * checkalias: make nvp, a new vnode of type VBLK or VCHR, the device
 * rdev: give it its specinfo and put it on the device's chain.  Several
 * vnodes may name one device (one per file system that has a node for
 * it, plus bdevvp's); they share nothing but the chain, which vcount()
 * walks.  Returns null: OpenBSD may hand back an older alias to use
 * instead, which this simpler version never does.
 * => process context, may sleep.
 */
struct vnode *
checkalias(struct vnode *nvp, dev_t nvp_rdev, struct mount *mp)
{
	if (nvp->v_type != VBLK && nvp->v_type != VCHR)
		return nullptr;
	struct vnode **vpp = &speclisth[SPECHASH(nvp_rdev)];
	nvp->v_specinfo = (struct specinfo *)malloc(sizeof(struct specinfo),
	    M_VNODE, M_WAITOK | M_ZERO);
	nvp->v_rdev = nvp_rdev;
	nvp->v_hashchain = vpp;
	nvp->v_specnext = *vpp;
	*vpp = nvp;
	return nullptr;
}

/* vcount: the references to vp's device, through all its vnodes. */
int
vcount(struct vnode *vp)
{
	int count = 0;

	if (vp->v_specinfo == nullptr)
		return vp->v_usecount;
	for (struct vnode *vq = *vp->v_hashchain; vq != nullptr;
	    vq = vq->v_specnext)
		if (vq->v_rdev == vp->v_rdev && vq->v_type == vp->v_type)
			count += vq->v_usecount;
	return count;
}

/* vfs_mountedon: EBUSY if a file system is mounted from vp's device. */
int
vfs_mountedon(struct vnode *vp)
{
	if (vp->v_specinfo == nullptr)
		return 0;
	for (struct vnode *vq = *vp->v_hashchain; vq != nullptr;
	    vq = vq->v_specnext)
		if (vq->v_rdev == vp->v_rdev && vq->v_type == vp->v_type &&
		    vq->v_specmountpoint != nullptr)
			return EBUSY;
	return 0;
}

/*
 * bdevvp: a vnode for the block device dev, belonging to no file system
 * (the root device, before any file system exists to hold /dev/wd0a).
 * => process context, may sleep.  Returns it referenced, not locked.
 */
int
bdevvp(dev_t dev, struct vnode **vpp)
{
	struct vnode *vp;
	int error = getnewvnode(VT_NON, nullptr, &spec_vops, &vp);

	if (error != 0) {
		*vpp = nullptr;
		return error;
	}
	vp->v_type = VBLK;
	(void)checkalias(vp, dev, nullptr);
	*vpp = vp;
	return 0;
}

static const char *const vtypes[] = { "VNON", "VREG", "VDIR", "VBLK",
	"VCHR", "VLNK", "VSOCK", "VFIFO", "VBAD" };

/* vprint: a line or two about vp, for debugging and ddb. */
void
vprint(const char *label, struct vnode *vp)
{
	if (label != nullptr)
		printf("%s: ", label);
	printf("%p, type %s, use %u, write %u, flags %b\n", vp,
	    vtypes[vp->v_type], vp->v_usecount, vp->v_writecount,
	    vp->v_flag, VNODE_FLAGBITS);
	if (vp->v_data != nullptr) {
		printf("\t");
		VOP_PRINT(vp);
	}
}

/* vfs_show_vnodes: ddb's `show vnodes': the referenced vnodes. */
void
vfs_show_vnodes(int (*pr)(const char *, ...))
{
	int nfree = 0;

	for (struct vnode *vp : vnode_free_list) {
		(void)vp;
		nfree++;
	}
	(*pr)("%d vnodes of at most %d, %d free\n", numvnodes, maxvnodes,
	    nfree);
	for (struct mount *mp : mountlist)
		for (struct vnode *vp : mp->mnt_vnodelist)
			if (vp->v_usecount > 0)
				(*pr)("%p %s use %u mount %s\n", vp,
				    vtypes[vp->v_type], vp->v_usecount,
				    mp->mnt_stat.f_mntonname);
}
