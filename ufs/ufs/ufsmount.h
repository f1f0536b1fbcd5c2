/*
 * ufsmount.h: what a mounted ufs-family file system (for us: ext2)
 * keeps in mnt_data.
 *
 * The struct mount of sys/mount.h is the VFS's view of a mounted file
 * system; the file system's own view hangs off mnt_data: the device it
 * lives on (um_dev, and its vnode um_devvp, through which every metadata
 * block is read), the in-memory superblock (um_e2fs), and the few
 * numbers the block-mapping code needs.  VFSTOUFS gets from one to the
 * other.  OpenBSD's sys/ufs/ufs/ufsmount.h serves FFS and ext2 alike;
 * ours has only the ext2 parts.
 *
 * Protection: [I] set by ext2fs_mountfs and constant until unmount.
 */
#ifndef _UFS_UFS_UFSMOUNT_H_
#define _UFS_UFS_UFSMOUNT_H_

#include <sys/types.h>

struct m_ext2fs;
struct mount;
struct vnode;

/*
 * The argument of mount(2) for a ufs-family file system (OpenBSD's
 * struct ufs_args, without the NFS export information).
 */
struct ufs_args {
	char	*fspec;		/* the block special file to mount */
};

struct ufsmount {
	struct mount	*um_mountp;	/* [I] the VFS's struct mount */
	dev_t		um_dev;		/* [I] the device */
	struct vnode	*um_devvp;	/* [I] its vnode, opened */
	struct m_ext2fs	*um_e2fs;	/* [I] the superblock and groups */
	u_long		um_nindir;	/* [I] block numbers per indirect */
	u_long		um_bptrtodb;	/* [I] fs block to DEV_BSIZE shift */
};

#define VFSTOUFS(mp)	((struct ufsmount *)((mp)->mnt_data))

#endif /* !_UFS_UFS_UFSMOUNT_H_ */
