/*
 * ext2fs_extern.h: the ext2 file system's functions, for the rest of the
 * kernel (ext2fs_vfsops, ext2fs_mountroot) and for its own files.
 *
 * The code is spread over files as in OpenBSD's sys/ufs/ext2fs:
 *
 *   ext2fs_vfsops.cc    mount, unmount, sync, statfs, vget: whole file
 *                       systems (struct vfsops)
 *   ext2fs_vnops.cc     the vnode operations on one file: attributes,
 *                       open, create, mknod, readlink, fsync, strategy;
 *                       the operations tables
 *   ext2fs_dirops.cc    the operations that change the name space:
 *                       link, remove, mkdir, rmdir, symlink, rename
 *   ext2fs_lookup.cc    directories: lookup, readdir, entering and
 *                       removing names
 *   ext2fs_readwrite.cc read and write of file data
 *   ext2fs_inode.cc     writing an inode back, truncation, inactive
 *   ext2fs_bmap.cc      file block -> disk block (direct and indirect)
 *   ext2fs_balloc.cc    the same, allocating what is missing
 *   ext2fs_alloc.cc     the block and inode bitmaps: allocate and free
 *   ext2fs_subr.cc      small helpers shared by the above
 *   ext2fs_test.cc      the in-kernel tests (KTEST_FILES)
 *
 * and ufs/ufs/ufs_ihash.cc keeps the inode hash.  The in-memory inode is
 * ufs/ufs/inode.h; the mount's data ufs/ufs/ufsmount.h.
 */
#ifndef _UFS_EXT2FS_EXT2FS_EXTERN_H_
#define _UFS_EXT2FS_EXT2FS_EXTERN_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/buf.h>

struct buf;
struct componentname;
struct ext2fs_dinode;
struct inode;
struct m_ext2fs;
struct mount;
struct nameidata;
struct pool;
struct proc;
struct statfs;
struct timespec;
struct ucred;
struct ufsmount;
struct uio;
struct vattr;
struct vfsconf;
struct vnode;
struct vops;
struct vfsops;

/*
 * Flags of ext2fs_buf_alloc (OpenBSD has them in <sys/buf.h>, which
 * ours lacks; they are private to the file system's allocation).
 */
#ifndef B_CLRBUF
#define B_CLRBUF	0x01	/* clear a newly allocated block */
#endif
#ifndef B_SYNC
#define B_SYNC		0x02	/* write allocations synchronously */
#endif

/* One step of the walk to a block through indirect blocks. */
struct indir {
	daddr_t	in_lbn;		/* the indirect block's (negative) lbn */
	int	in_off;		/* the slot to follow in it */
};

extern const struct vfsops ext2fs_vfsops;
extern const struct vops ext2fs_vops;		/* files, dirs, links */
extern const struct vops ext2fs_specvops;	/* device files */
extern struct pool ext2fs_inode_pool;		/* struct inode */

__BEGIN_DECLS
/* ext2fs_vfsops.cc */
int	ext2fs_mountroot(void);
[[nodiscard]] int ext2fs_mountfs(struct vnode *devvp, struct mount *mp,
	    struct proc *p);
[[nodiscard]] int ext2fs_vget(struct mount *mp, ino_t ino,
	    struct vnode **vpp);
[[nodiscard]] int ext2fs_sbupdate(struct ufsmount *ump, int waitfor);
[[nodiscard]] int ext2fs_cgupdate(struct ufsmount *ump, int waitfor);

/* ext2fs_alloc.cc */
[[nodiscard]] int ext2fs_alloc(struct inode *ip, u_int32_t lbn,
	    u_int32_t bpref, struct ucred *cred, u_int32_t *bnp);
[[nodiscard]] int ext2fs_inode_alloc(struct inode *pip, mode_t mode,
	    struct ucred *cred, struct vnode **vpp);
u_int32_t ext2fs_blkpref(struct inode *ip, u_int32_t lbn, int indx,
	    u_int32_t *bap);
void	ext2fs_blkfree(struct inode *ip, u_int32_t bno);
void	ext2fs_inode_free(struct inode *pip, ino_t ino, mode_t mode);

/* ext2fs_balloc.cc */
[[nodiscard]] int ext2fs_buf_alloc(struct inode *ip, u_int32_t lbn,
	    int size, struct ucred *cred, struct buf **bpp, int flags);

/* ext2fs_bmap.cc */
int	ext2fs_bmap(void *);
[[nodiscard]] int ext2fs_getlbns(struct inode *ip, daddr_t bn,
	    struct indir *ap, int *nump);
[[nodiscard]] int ext2fs_bmaparray(struct inode *ip, daddr_t bn,
	    u_int32_t *bnp);
[[nodiscard]] int ext2fs_indirread(struct inode *ip, daddr_t metalbn,
	    u_int32_t addr, struct buf **bpp);

/* ext2fs_inode.cc */
[[nodiscard]] int ext2fs_update(struct inode *ip, int waitfor);
[[nodiscard]] int ext2fs_truncate(struct inode *ip, off_t length,
	    int flags, struct ucred *cred);
int	ext2fs_inactive(void *);
int	ext2fs_reclaim(void *);
u_int64_t ext2fs_size(struct inode *ip);
[[nodiscard]] int ext2fs_setsize(struct inode *ip, u_int64_t size);
void	ext2fs_itimes(struct inode *ip);

/* ext2fs_lookup.cc */
int	ext2fs_lookup(void *);
int	ext2fs_readdir(void *);
[[nodiscard]] int ext2fs_direnter(struct inode *ip, struct vnode *dvp,
	    struct componentname *cnp);
[[nodiscard]] int ext2fs_dirremove(struct vnode *dvp,
	    struct componentname *cnp, ino_t ino);
[[nodiscard]] int ext2fs_dirrewrite(struct inode *dp,
	    struct componentname *cnp, ino_t oldino, struct inode *ip);
[[nodiscard]] int ext2fs_dirempty(struct inode *ip, ino_t parentino,
	    int *emptyp);
[[nodiscard]] int ext2fs_dirfind(struct inode *dp, const char *name,
	    int namlen, ino_t *inop);
[[nodiscard]] int ext2fs_checkpath(struct inode *source,
	    struct inode *target);
[[nodiscard]] int ext2fs_setdotdot(struct inode *ip, ino_t newparent);

/* ext2fs_readwrite.cc */
int	ext2fs_read(void *);
int	ext2fs_write(void *);

/* ext2fs_vnops.cc */
int	ext2fs_create(void *);
int	ext2fs_mknod(void *);
int	ext2fs_open(void *);
int	ext2fs_close(void *);
int	ext2fs_access(void *);
int	ext2fs_getattr(void *);
int	ext2fs_setattr(void *);
int	ext2fs_fsync(void *);
int	ext2fs_readlink(void *);
int	ext2fs_strategy(void *);
int	ext2fs_print(void *);
[[nodiscard]] int ext2fs_makeinode(int mode, struct vnode *dvp,
	    struct vnode **vpp, struct componentname *cnp);

/* ext2fs_dirops.cc */
int	ext2fs_link(void *);
int	ext2fs_remove(void *);
int	ext2fs_mkdir(void *);
int	ext2fs_rmdir(void *);
int	ext2fs_symlink(void *);
int	ext2fs_rename(void *);

/* ext2fs_subr.cc */
[[nodiscard]] int ext2fs_bufatoff(struct inode *ip, off_t offset,
	    char **res, struct buf **bpp);
[[nodiscard]] int ext2fs_vinit(struct mount *mp, struct vnode **vpp);
[[nodiscard]] int ext2fs_dinode_check(struct m_ext2fs *fs, ino_t ino,
	    struct ext2fs_dinode *dp);
bool	ext2fs_blkno_ok(struct m_ext2fs *fs, u_int32_t bno);
void	ext2fs_fserr(struct m_ext2fs *fs, uid_t uid, const char *cp);
bool	ext2fs_cred_root(struct ucred *cred);
uid_t	ext2fs_uid(struct inode *ip);
gid_t	ext2fs_gid(struct inode *ip);
void	ext2fs_set_uid(struct inode *ip, uid_t uid);
void	ext2fs_set_gid(struct inode *ip, gid_t gid);
void	ext2fs_gettime(struct inode *ip, int which, struct timespec *ts);
void	ext2fs_settime(struct inode *ip, int which,
	    const struct timespec *ts);
void	ext2fs_invalbufs(struct vnode *vp, daddr_t from);
__END_DECLS

/* Which time ext2fs_gettime and ext2fs_settime mean. */
#define EXT2_ATIME	0
#define EXT2_MTIME	1
#define EXT2_CTIME	2
#define EXT2_CRTIME	3

#endif /* !_UFS_EXT2FS_EXT2FS_EXTERN_H_ */
