/*
 * inode.h: the in-memory inode of a ufs-family file system (ext2).
 *
 * A vnode (sys/vnode.h) is the VFS's handle on a file; for a file of an
 * ext2 file system its v_data is a struct inode, which holds what ext2
 * knows about the file: its inode number, the file system and device it
 * lives on, and a copy of its on-disk inode (i_din, reached as i_e2din
 * as in OpenBSD).  The two point at each other:
 *
 *	struct vnode  --v_data-->  struct inode
 *	              <--i_vnode--
 *	VTOI(vp) and ITOV(ip) go from one to the other.
 *
 * Changing the file changes i_din and sets i_flag bits: IN_CHANGE,
 * IN_UPDATE and IN_ACCESS ask for the ctime, mtime and atime to be
 * stamped, IN_MODIFIED says the copy differs from the disk.
 * ext2fs_update stamps the times and writes the copy into its inode
 * table block; the syncer, fsync and the last vrele get it there.
 *
 * All inodes in memory are on a hash table keyed by (device, inode
 * number), ufs/ufs/ufs_ihash.cc, so that each file has at most one
 * vnode: ext2fs_vget looks there before it reads an inode from the
 * disk.  While an inode is being read in it is on the hash with
 * IN_LOADING set, and others who find it wait until it is ready.
 *
 * Mirrors OpenBSD's sys/ufs/ufs/inode.h, with only ext2's members.
 * Protection: [I] set when the inode is made; [v] the vnode's lock;
 * [H] the hash: kernel lock (one CPU, no preemption; see sys/vnode.h).
 */
#ifndef _UFS_UFS_INODE_H_
#define _UFS_UFS_INODE_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/buf.h>		/* daddr_t */
#include <sys/queue.h>
#include <ufs/ext2fs/ext2fs_dinode.h>

struct m_ext2fs;
struct ufsmount;
struct vnode;

struct inode {
	list_entry<inode> i_hash;	/* [H] on its hash chain */
	struct vnode	*i_vnode;	/* [I] the vnode of this file */
	struct ufsmount	*i_ump;		/* [I] its mount */
	struct m_ext2fs	*i_e2fs;	/* [I] its file system */
	struct vnode	*i_devvp;	/* [I] the device, referenced */
	dev_t		i_dev;		/* [I] the device's number */
	ino_t		i_number;	/* [I] the inode number */
	u_int32_t	i_flag;		/* [v] IN_* below */
	u_int32_t	i_e2fs_last_lblk; /* [v] last block allocated ... */
	u_int32_t	i_e2fs_last_blk;  /* [v] ... and where it went */
	daddr_t		i_lastr;	/* [v] last block read (readahead) */
	u_int32_t	i_modrev;	/* [v] directory changes (readdir) */
	struct ext2fs_dinode *i_e2din;	/* [I] = &i_din */
	struct ext2fs_dinode i_din;	/* [v] the on-disk inode's copy */
};

/* i_flag */
#define IN_ACCESS	0x0001		/* stamp the access time */
#define IN_CHANGE	0x0002		/* stamp the inode change time */
#define IN_UPDATE	0x0004		/* stamp the modification time */
#define IN_MODIFIED	0x0008		/* i_din differs from the disk */
#define IN_RENAME	0x0010		/* being renamed */
#define IN_LOADING	0x0100		/* being read in: wait */
#define IN_WANTED	0x0200		/* someone waits for IN_LOADING */

/* The fields of the on-disk inode, by OpenBSD's names. */
#define i_e2fs_mode	i_e2din->e2di_mode
#define i_e2fs_uid	i_e2din->e2di_uid
#define i_e2fs_gid	i_e2din->e2di_gid
#define i_e2fs_size	i_e2din->e2di_size
#define i_e2fs_size_hi	i_e2din->e2di_size_hi
#define i_e2fs_atime	i_e2din->e2di_atime
#define i_e2fs_ctime	i_e2din->e2di_ctime
#define i_e2fs_mtime	i_e2din->e2di_mtime
#define i_e2fs_dtime	i_e2din->e2di_dtime
#define i_e2fs_nlink	i_e2din->e2di_nlink
#define i_e2fs_nblock	i_e2din->e2di_nblock
#define i_e2fs_flags	i_e2din->e2di_flags
#define i_e2fs_blocks	i_e2din->e2di_blocks
#define i_e2fs_gen	i_e2din->e2di_gen
#define i_e2fs_facl	i_e2din->e2di_facl
#define i_e2fs_uid_high	i_e2din->e2di_uid_high
#define i_e2fs_gid_high	i_e2din->e2di_gid_high

#define VTOI(vp)	((struct inode *)(vp)->v_data)
#define ITOV(ip)	((ip)->i_vnode)

__BEGIN_DECLS
/* ufs/ufs/ufs_ihash.cc */
void	ufs_ihashinit(void);
struct vnode *ufs_ihashget(dev_t dev, ino_t ino);
[[nodiscard]] int ufs_ihashins(struct inode *ip);
void	ufs_ihashrem(struct inode *ip);
bool	ufs_ihashed(struct inode *ip);
void	ufs_ihash_loaded(struct inode *ip);
__END_DECLS

#endif /* !_UFS_UFS_INODE_H_ */
