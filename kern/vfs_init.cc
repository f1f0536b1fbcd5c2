/*
 * vfs_init.cc: the file system types, the list of mounts, mounting the
 * root at boot and syncing or unmounting everything (OpenBSD's
 * vfs_init.c, and parts of vfs_subr.c and vfs_syscalls.c).
 *
 * vfsconflist names each file system type the kernel has, with its
 * operations and its mountroot routine.  At boot main() picks the root
 * device (rootdev: the boot disk's partition a, see setroot in
 * arch/i386/i386/autoconf) and calls vfs_mountroot, which asks each type
 * in turn to mount it; the first that can becomes `/': mountlist's first
 * entry, and rootvnode its root directory, which every process's
 * current and root directory starts from.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/disklabel.h>
#include <sys/errno.h>
#include <sys/filedesc.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/specdev.h>
#include <sys/ucred.h>
#include <sys/vnode.h>
#include <ufs/ext2fs/ext2fs_extern.h>

/* The file system types, with OpenBSD's type numbers. */
struct vfsconf vfsconflist[] = {
	{ &ext2fs_vfsops, "ext2fs", 17, 0, 0, ext2fs_mountroot },
};
const int nvfsconf = nitems(vfsconflist);

mntlist_head mountlist;		/* [K] */
dev_t rootdev = NODEV;		/* [I] */
struct vnode *rootvp;		/* [I] */

/*
 * vfsinit: the vnode table, the name cache, and each type's own setup.
 * => called once from main(), before the root is mounted.
 */
void
vfsinit(void)
{
	mountlist.init();
	vntblinit();
	for (int i = 0; i < nvfsconf; i++)
		if (vfsconflist[i].vfc_vfsops->vfs_init != nullptr)
			(void)vfsconflist[i].vfc_vfsops->vfs_init(
			    &vfsconflist[i]);
}

/* vfs_byname: the type called name, or null. */
struct vfsconf *
vfs_byname(const char *name)
{
	for (int i = 0; i < nvfsconf; i++)
		if (strcmp(vfsconflist[i].vfc_name, name) == 0)
			return &vfsconflist[i];
	return nullptr;
}

/*
 * vfs_rootmountalloc: a struct mount of type fstypename for the root,
 * on the device named devname (for statfs and messages).
 * => process context, may sleep.  ENODEV if the kernel lacks the type.
 */
int
vfs_rootmountalloc(const char *fstypename, const char *devname,
    struct mount **mpp)
{
	struct vfsconf *vfsp = vfs_byname(fstypename);

	*mpp = nullptr;
	if (vfsp == nullptr)
		return ENODEV;
	struct mount *mp = (struct mount *)malloc(sizeof(*mp), M_MOUNT,
	    M_WAITOK | M_ZERO);
	mp->mnt_vnodelist.init();
	mp->mnt_op = vfsp->vfc_vfsops;
	mp->mnt_vfc = vfsp;
	mp->mnt_flag = MNT_ROOTFS;
	vfsp->vfc_refcount++;
	strlcpy(mp->mnt_stat.f_fstypename, vfsp->vfc_name, MFSNAMELEN);
	strlcpy(mp->mnt_stat.f_mntonname, "/", MNAMELEN);
	strlcpy(mp->mnt_stat.f_mntfromname, devname, MNAMELEN);
	*mpp = mp;
	return 0;
}

/*
 * vfs_mountroot: mount rootdev as `/' with the first type that can, and
 * make it every process's root and current directory.
 * => process context (proc0), may sleep; rootdev set.
 * => 0, or the last type's errno (the device is not a file system we
 *    know, or it is damaged).
 */
int
vfs_mountroot(void)
{
	int error = ENODEV;

	if (rootdev == NODEV)
		return ENXIO;
	for (int i = 0; i < nvfsconf; i++) {
		if (vfsconflist[i].vfc_mountroot == nullptr)
			continue;
		if ((error = vfsconflist[i].vfc_mountroot()) == 0)
			break;
	}
	if (error != 0)
		return error;

	struct mount *mp = mountlist.first();
	KASSERT(mp != nullptr);
	/* Name the device as /dev does, for statfs and `show mount'. */
	if (const char *name = findblkname(major(rootdev)))
		snprintf(mp->mnt_stat.f_mntfromname, MNAMELEN, "/dev/%s%d%c",
		    name, DISKUNIT(rootdev), 'a' + DISKPART(rootdev));
	if ((error = VFS_ROOT(mp, &rootvnode)) != 0)
		panic("vfs_mountroot: no root vnode: %d", error);
	/* proc0's filedesc is shared by every kernel thread. */
	struct filedesc *fdp = process0.ps_fd;
	fdp->fd_cdir = rootvnode;
	vref(rootvnode);
	fdp->fd_rdir = nullptr;		/* the real root */
	return 0;
}

/*
 * vfs_sync_all: sync(2): each writable file system pushes its dirty
 * inodes and metadata into the buffer cache (VFS_SYNC), then, unless
 * the syncer calls it (MNT_LAZY), every dirty buffer goes to disk; with
 * MNT_WAIT the writes are finished when this returns.
 * => process context, may sleep.
 */
void
vfs_sync_all(int waitfor)
{
	for (struct mount *mp : mountlist) {
		if (mp->mnt_flag & (MNT_RDONLY | MNT_UNMOUNT))
			continue;
		(void)VFS_SYNC(mp, waitfor, 0, proc0cred, curproc);
	}
	if (waitfor != MNT_LAZY)
		buf_flush_all(waitfor);
}

/*
 * dounmount: unmount mp: the file system writes everything back and
 * lets go of its device; the covered directory is uncovered.
 * => process context, may sleep.  EBUSY if files are in use (unless
 *    MNT_FORCE).
 */
int
dounmount(struct mount *mp, int flags, struct proc *p)
{
	int error;

	mp->mnt_flag |= MNT_UNMOUNT;
	cache_purgevfs(mp);
	if ((error = VFS_UNMOUNT(mp, flags, p)) != 0) {
		mp->mnt_flag &= ~MNT_UNMOUNT;
		return error;
	}
	mountlist.remove(mp);
	if (struct vnode *cvp = mp->mnt_vnodecovered) {
		cvp->v_mountedhere = nullptr;
		vrele(cvp);
	}
	KASSERT(mp->mnt_vnodelist.empty());
	mp->mnt_vfc->vfc_refcount--;
	free(mp, M_MOUNT, sizeof(*mp));
	return 0;
}

/*
 * vfs_unmountall: at shutdown, unmount every file system, the most
 * recently mounted first, so each is left clean on its disk.  The root
 * cannot be unmounted while directories refer to it, so for the root
 * (and anything that stays busy) a sync must do.
 * => process context, may sleep.
 */
void
vfs_unmountall(void)
{
	struct mount *mp;

	if (rootvnode != nullptr) {
		struct filedesc *fdp = process0.ps_fd;
		if (fdp->fd_cdir != nullptr) {
			vrele(fdp->fd_cdir);
			fdp->fd_cdir = nullptr;
		}
		vrele(rootvnode);
		rootvnode = nullptr;
	}
	while ((mp = mountlist.last()) != nullptr) {
		int error = dounmount(mp, MNT_FORCE, curproc);
		if (error != 0) {
			printf("unmount of %s failed with error %d\n",
			    mp->mnt_stat.f_mntonname, error);
			vfs_sync_all(MNT_WAIT);
			break;
		}
	}
}

/* vfs_show_mounts: ddb's `show mount'. */
void
vfs_show_mounts(int (*pr)(const char *, ...))
{
	for (struct mount *mp : mountlist)
		(*pr)("%s on %s type %s, flags %#x\n",
		    mp->mnt_stat.f_mntfromname, mp->mnt_stat.f_mntonname,
		    mp->mnt_stat.f_fstypename, mp->mnt_flag);
}
