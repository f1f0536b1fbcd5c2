/*
 * <sys/dirent.h>: the directory entry that getdents(2) and VOP_READDIR
 * hand out, OpenBSD's layout: the same for every file system, whatever
 * its own directories look like on disk (ext2's are translated in
 * ufs/ext2fs/ext2fs_vnops.cc).
 */
#ifndef _SYS_DIRENT_H_
#define _SYS_DIRENT_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define MAXNAMLEN	255

struct dirent {
	ino_t		d_fileno;	/* inode number */
	off_t		d_off;		/* offset of the next entry */
	u_int16_t	d_reclen;	/* length of this record */
	u_int8_t	d_type;		/* DT_* below */
	u_int8_t	d_namlen;	/* length of d_name */
	u_int8_t	__d_padding[4];
	char		d_name[MAXNAMLEN + 1];	/* NUL-terminated */
};

/* A record holding a name of namlen bytes: 8-byte aligned, with a NUL. */
#define DIRENT_RECSIZE(namlen) \
	((offsetof(struct dirent, d_name) + (namlen) + 1 + 7) & ~7)

/* d_type */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

#endif /* !_SYS_DIRENT_H_ */
