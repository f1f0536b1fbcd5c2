/*
 * ext2fs_dir.h: ext2 directory entries.
 *
 * A directory is a file whose blocks are filled with variable-length
 * entries.  Each entry names one inode:
 *
 *   +---------+---------+--------+--------+-------------------+- - - -+
 *   | e2d_ino | reclen  | namlen | type   | name (namlen      | slack |
 *   | 4 bytes | 2 bytes | 1 byte | 1 byte |  bytes, no NUL)   |       |
 *   +---------+---------+--------+--------+-------------------+- - - -+
 *   |<------------------------- e2d_reclen ------------------------->|
 *
 * e2d_reclen is the distance to the next entry.  The entries of a block
 * cover it exactly (the last one's reclen runs to the end of the block)
 * and never cross into the next block, so every block can be read on its
 * own.  An entry needs EXT2FS_DIRSIZ(namlen) bytes (8 + the name,
 * rounded up to 4); anything beyond that in its reclen is slack, where a
 * new entry may go.  Removing an entry adds its reclen to the entry
 * before it (or, for the first entry of a block, sets its e2d_ino to 0,
 * an empty entry).  Every directory starts with "." and "..".
 *
 * With the filetype feature (INCOMPAT_FTYPE, mke2fs's default) the byte
 * after namlen is the file's type (EXT2_FT_*), so that readdir can give
 * d_type without reading the inode; without it, that byte is the high
 * half of a 16-bit name length, always 0.
 *
 * A dir_index directory (EXT2_INDEX) additionally hides a hash tree in
 * entries that look empty to us: the tree root sits in the slack of the
 * first block's "..", and interior blocks are one empty entry covering
 * the block.  We read such directories as plain ones and clear
 * EXT2_INDEX when we change one, which makes the index a thing of the
 * past that e2fsck does not check.  Mirrors OpenBSD's
 * sys/ufs/ext2fs/ext2fs_dir.h.
 */
#ifndef _UFS_EXT2FS_EXT2FS_DIR_H_
#define _UFS_EXT2FS_EXT2FS_DIR_H_

#include <sys/types.h>

#define EXT2FS_MAXNAMLEN	255

struct ext2fs_direct {
	u_int32_t e2d_ino;		/* inode number, 0 = empty entry */
	u_int16_t e2d_reclen;		/* bytes to the next entry */
	u_int8_t  e2d_namlen;		/* length of e2d_name */
	u_int8_t  e2d_type;		/* EXT2_FT_* with filetype */
	char	  e2d_name[EXT2FS_MAXNAMLEN];	/* not NUL-terminated */
};

/* The fixed part of an entry, before the name. */
#define EXT2FS_DIRHDR		8

/* The bytes an entry with a name of len bytes needs: 4-aligned. */
#define EXT2FS_DIRSIZ(len)	((EXT2FS_DIRHDR + (len) + 3) & ~3)

/* e2d_type */
#define EXT2_FT_UNKNOWN		0
#define EXT2_FT_REG_FILE	1
#define EXT2_FT_DIR		2
#define EXT2_FT_CHRDEV		3
#define EXT2_FT_BLKDEV		4
#define EXT2_FT_FIFO		5
#define EXT2_FT_SOCK		6
#define EXT2_FT_SYMLINK		7
#define EXT2_FT_MAX		8

#endif /* !_UFS_EXT2FS_EXT2FS_DIR_H_ */
