/*
 * ext2fs_host.h: the host's stand-in for the kernel under the ext2 tests
 * (ext2fs_host.cc) and the file-backed disks (ext2fs_disk.cc).
 *
 * A "host disk" is a file on the host that the kernel sees as block
 * device major EXT2HOST_MAJOR, minor = unit: its strategy routine reads
 * and writes the file with pread/pwrite and finishes each buf at once,
 * as rd(4) does, so the single test thread never sleeps on I/O.
 *
 * Only plain types here: this header is read both by files that see the
 * kernel's headers and by ext2fs_disk.cc, which sees only the host's.
 */
#ifndef _UNITTEST_EXT2FS_HOST_H_
#define _UNITTEST_EXT2FS_HOST_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#define EXT2HOST_MAJOR	0	/* the bdevsw slot of the host disks */
#define EXT2HOST_NDISK	4

/* ext2fs_disk.cc: the host side, no kernel headers. */
int	hostfile_open(const char *path);		/* fd or -errno */
void	hostfile_close(int fd);
int	hostfile_pread(int fd, void *buf, size_t n, int64_t off);
int	hostfile_pwrite(int fd, const void *buf, size_t n, int64_t off);
int64_t	hostfile_size(int fd);

/* ext2fs_host.cc */
void	ext2host_init(void);		/* once: malloc, pools, VFS */
int	hostdisk_attach(int unit, const char *path);	/* 0 or errno */
void	hostdisk_detach(int unit);
int	hostdisk_dev(int unit);		/* the dev_t, as an int */
uint64_t hostdisk_reads(int unit);
uint64_t hostdisk_writes(int unit);
std::string ext2host_messages(void);	/* what the kernel printed */
void	ext2host_clear_messages(void);

/*
 * The kernel's file operations, as a test calls them: namei and the
 * VOP_* calls (ext2fs_host.cc), every vnode released again.  Each
 * returns 0 or the kernel's errno.  Paths are absolute, on the root.
 */
struct kstat {
	int		type;		/* enum vtype */
	unsigned	mode;		/* permission bits */
	unsigned	nlink;
	unsigned	uid, gid;
	uint64_t	ino;
	uint64_t	size;
	uint64_t	bytes;		/* disk space held */
	int		rdev;
	int64_t		mtime;
};
int	k_mountroot(int unit);		/* rootdev = that disk */
/* mount(2) of the block device file dev on the directory dir. */
int	k_mount(const char *dev, const char *dir);
int	k_unmount(bool force);		/* every mount, root last */
int	k_sync(void);			/* sync(2), MNT_WAIT */
int	k_stat(const char *path, struct kstat *st, bool follow = true);
					/* st may be null */
int	k_read(const char *path, std::string *out);
int	k_pread(const char *path, int64_t off, size_t n, std::string *out);
int	k_write(const char *path, int64_t off, const std::string &data);
int	k_create(const char *path, unsigned mode);	/* EEXIST if there */
int	k_truncate(const char *path, int64_t size);
int	k_fsync(const char *path);
int	k_mkdir(const char *path, unsigned mode);
int	k_rmdir(const char *path);
int	k_unlink(const char *path);
int	k_link(const char *from, const char *to);
int	k_symlink(const char *target, const char *path);
int	k_readlink(const char *path, std::string *out);
int	k_rename(const char *from, const char *to);
int	k_mknod(const char *path, bool blk, int major, int minor);
int	k_chmod(const char *path, unsigned mode);
/* Names and d_types, read with a buffer of bufsize bytes at a time. */
int	k_readdir(const char *path,
	    std::vector<std::pair<std::string, int>> *out,
	    size_t bufsize = 512);
/* The vnode of path is ext2's device vnode (ext2fs_specvops)? */
bool	k_is_specvnode(const char *path);
int	k_vnodes_in_use(void);		/* referenced vnodes of the root fs */
/* An open file, as a descriptor would hold it: a referenced vnode. */
void	*k_hold(const char *path);	/* null if it cannot be looked up */
int	k_hold_read(void *h, int64_t off, size_t n, std::string *out);
void	k_release(void *h);
/* Act as uid/gid (not root) from now on; k_setcred(0, 0) is root again. */
void	k_setcred(unsigned uid, unsigned gid);

#endif /* !_UNITTEST_EXT2FS_HOST_H_ */
