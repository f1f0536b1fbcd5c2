/*
 * <sys/stat.h>: file types, permission bits and struct stat, with
 * OpenBSD's values and layout (what stat(2) hands a program).
 */
#ifndef _SYS_STAT_H_
#define _SYS_STAT_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/time.h>

struct stat {
	mode_t		st_mode;	/* type and permissions */
	dev_t		st_dev;		/* the device holding the inode */
	ino_t		st_ino;		/* inode number */
	nlink_t		st_nlink;	/* hard links */
	uid_t		st_uid;		/* owner */
	gid_t		st_gid;		/* group */
	dev_t		st_rdev;	/* a device file's device */
	struct timespec	st_atim;	/* last access */
	struct timespec	st_mtim;	/* last change of the data */
	struct timespec	st_ctim;	/* last change of the inode */
	off_t		st_size;	/* bytes */
	blkcnt_t	st_blocks;	/* 512-byte blocks held */
	blksize_t	st_blksize;	/* the best size for I/O */
	u_int32_t	st_flags;	/* chflags(2) flags */
	u_int32_t	st_gen;		/* generation number */
	struct timespec	__st_birthtim;	/* (unused) */
};

/* The file type, in the top bits of st_mode (the same in ext2). */
#define S_IFMT		0170000		/* mask of the type */
#define S_IFIFO		0010000		/* named pipe */
#define S_IFCHR		0020000		/* character device */
#define S_IFDIR		0040000		/* directory */
#define S_IFBLK		0060000		/* block device */
#define S_IFREG		0100000		/* regular file */
#define S_IFLNK		0120000		/* symbolic link */
#define S_IFSOCK	0140000		/* socket */

#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define S_ISUID		0004000		/* set user id on execution */
#define S_ISGID		0002000		/* set group id on execution */
#define S_ISTXT		0001000		/* sticky bit */
#define S_IRWXU		0000700
#define S_IRUSR		0000400
#define S_IWUSR		0000200
#define S_IXUSR		0000100
#define S_IRWXG		0000070
#define S_IRGRP		0000040
#define S_IWGRP		0000020
#define S_IXGRP		0000010
#define S_IRWXO		0000007
#define S_IROTH		0000004
#define S_IWOTH		0000002
#define S_IXOTH		0000001
#define ALLPERMS	(S_ISUID | S_ISGID | S_ISTXT | S_IRWXU | S_IRWXG | \
			    S_IRWXO)
#define ACCESSPERMS	(S_IRWXU | S_IRWXG | S_IRWXO)

#endif /* !_SYS_STAT_H_ */
