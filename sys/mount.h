/*
 * <sys/mount.h>: mounted file systems.
 *
 * A struct mount is one file system in the tree: its operations
 * (mnt_op, a struct vfsops: mount, unmount, root, statfs, sync, vget),
 * the directory vnode it covers (mnt_vnodecovered, null for the root),
 * the vnodes that belong to it (mnt_vnodelist) and the file system's own
 * data (mnt_data: for ext2, struct ufsmount with the superblock).  All
 * mounts are on `mountlist', the root first.  namei crosses from a
 * covered directory into the mounted root through v_mountedhere and back
 * through mnt_vnodecovered.  See vfs(9), mount(2).
 *
 * File system types are listed in vfsconflist (kern/vfs_init.cc), each
 * with its operations and, if it can hold the root, a mountroot routine
 * that vfs_mountroot calls at boot with the device in `rootdev'.
 *
 * Protection: [I] set at mount; [K] kernel lock (see sys/vnode.h).
 */
#ifndef _SYS_MOUNT_H_
#define _SYS_MOUNT_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/queue.h>
#include <sys/vnode.h>

#define MFSNAMELEN	16	/* length of a file system type name */
#define MNAMELEN	90	/* length of a mount point or device name */

#ifdef HOSTTEST
#define fsid_t	kern_fsid_t	/* glibc has its own */
#endif
typedef struct { int32_t val[2]; } fsid_t;

/* What statfs(2) reports, OpenBSD's fields (in part). */
struct statfs {
	u_int32_t	f_flags;	/* MNT_* */
	u_int32_t	f_bsize;	/* file system block size */
	u_int32_t	f_iosize;	/* the best transfer size */
	u_int64_t	f_blocks;	/* blocks in the file system */
	u_int64_t	f_bfree;	/* free blocks */
	int64_t		f_bavail;	/* free blocks for non-root */
	u_int64_t	f_files;	/* inodes */
	u_int64_t	f_ffree;	/* free inodes */
	int64_t		f_favail;	/* free inodes for non-root */
	fsid_t		f_fsid;		/* file system id */
	uid_t		f_owner;	/* who mounted it */
	char	f_fstypename[MFSNAMELEN];	/* "ext2fs" */
	char	f_mntonname[MNAMELEN];		/* "/" */
	char	f_mntfromname[MNAMELEN];	/* "/dev/wd0a" */
};

struct vfsops;

struct mount {
	tailq_entry<mount> mnt_list;	/* [K] on mountlist */
	const struct vfsops *mnt_op;	/* [I] operations */
	struct vfsconf	*mnt_vfc;	/* [I] the type */
	struct vnode	*mnt_vnodecovered; /* [I] what it hides, or null */
	tailq_head<vnode, &vnode::v_mntvnodes> mnt_vnodelist; /* [K] */
	int		mnt_flag;	/* [K] MNT_* */
	struct statfs	mnt_stat;	/* [K] cache of VFS_STATFS */
	void		*mnt_data;	/* [I] the file system's */
};

/* mnt_flag */
#define MNT_RDONLY	0x00000001	/* read only */
#define MNT_SYNCHRONOUS	0x00000002	/* all writes synchronous */
#define MNT_NOEXEC	0x00000004	/* no programs from it */
#define MNT_NOSUID	0x00000008	/* ignore setuid bits */
#define MNT_NODEV	0x00000010	/* ignore device files */
#define MNT_ASYNC	0x00000040	/* all writes asynchronous */
#define MNT_ROOTFS	0x00004000	/* the root file system */
#define MNT_UPDATE	0x00010000	/* change an existing mount */
#define MNT_FORCE	0x00080000	/* unmount even if busy */
#define MNT_UNMOUNT	0x01000000	/* being unmounted */

/*
 * The file system's operations.  Each returns 0 or an errno; see the
 * VFS_* wrappers below and vfs(9).  As VOP_LOOKUP does (sys/vnode.h),
 * vfs_root and vfs_vget return their vnode referenced but NOT locked
 * (OpenBSD's return it locked): the caller locks it when it needs to.
 */
struct vfsops {
	int	(*vfs_mount)(struct mount *mp, const char *path, void *data,
		    struct nameidata *ndp, struct proc *p);
	int	(*vfs_start)(struct mount *mp, int flags, struct proc *p);
	int	(*vfs_unmount)(struct mount *mp, int mntflags, struct proc *p);
	int	(*vfs_root)(struct mount *mp, struct vnode **vpp);
	int	(*vfs_statfs)(struct mount *mp, struct statfs *sbp,
		    struct proc *p);
	int	(*vfs_sync)(struct mount *mp, int waitfor, int stall,
		    struct ucred *cred, struct proc *p);
	int	(*vfs_vget)(struct mount *mp, ino_t ino, struct vnode **vpp);
	int	(*vfs_init)(struct vfsconf *vfsp);
};

/* The calls, with OpenBSD's names (there, macros). */
inline int
VFS_ROOT(struct mount *mp, struct vnode **vpp)
{
	return mp->mnt_op->vfs_root(mp, vpp);
}
inline int
VFS_STATFS(struct mount *mp, struct statfs *sbp, struct proc *p)
{
	return mp->mnt_op->vfs_statfs(mp, sbp, p);
}
inline int
VFS_SYNC(struct mount *mp, int waitfor, int stall, struct ucred *cred,
    struct proc *p)
{
	return mp->mnt_op->vfs_sync(mp, waitfor, stall, cred, p);
}
inline int
VFS_VGET(struct mount *mp, ino_t ino, struct vnode **vpp)
{
	return mp->mnt_op->vfs_vget(mp, ino, vpp);
}
inline int
VFS_UNMOUNT(struct mount *mp, int mntflags, struct proc *p)
{
	return mp->mnt_op->vfs_unmount(mp, mntflags, p);
}

/* A file system type (vfsconf(9)). */
struct vfsconf {
	const struct vfsops *vfc_vfsops;	/* its operations */
	char	vfc_name[MFSNAMELEN];		/* "ext2fs" */
	int	vfc_typenum;			/* its number */
	u_int	vfc_refcount;			/* mounts of it */
	int	vfc_flags;
	int	(*vfc_mountroot)(void);		/* mount it as root */
};

typedef tailq_head<mount, &mount::mnt_list> mntlist_head;
extern mntlist_head mountlist;		/* [K] every mount, root first */
extern struct vfsconf vfsconflist[];	/* [I] the known types */
extern const int nvfsconf;
extern dev_t rootdev;			/* [I] the root's device */
extern struct vnode *rootvp;		/* [I] its vnode */

__BEGIN_DECLS
/* kern/vfs_init.cc, kern/vfs_subr.cc */
void	vfsinit(void);
[[nodiscard]] int vfs_mountroot(void);
void	vfs_unmountall(void);		/* at shutdown */
[[nodiscard]] int vfs_rootmountalloc(const char *fstypename,
	    const char *devname, struct mount **mpp);
struct vfsconf *vfs_byname(const char *name);
[[nodiscard]] int dounmount(struct mount *mp, int flags, struct proc *p);
void	vfs_sync_all(int waitfor);	/* sync(2) */
void	vfs_show_mounts(int (*pr)(const char *, ...));
__END_DECLS

#endif /* !_SYS_MOUNT_H_ */
