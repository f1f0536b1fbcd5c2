/*
 * ext2fs.h: the on-disk format of the ext2 file system, as far as a
 * read-only boot loader needs it, and libsa's ext2 file system operations.
 *
 * An ext2 file system is an array of blocks (1, 2 or 4 KiB, sometimes
 * more).  Byte 1024 holds the superblock: the block size, how many blocks
 * and inodes each block group has, the features the file system uses.
 * The blocks are split into groups; right after the superblock's block
 * comes the table of group descriptors, each saying where its group's
 * inode table is.  Inode number i (counted from 1) is entry (i - 1) %
 * inodes_per_group of group (i - 1) / inodes_per_group's table.  An inode
 * gives a file's type, size and owner and its blocks: 12 direct block
 * numbers, then one single, one double and one triple indirect block (a
 * block of block numbers, of blocks of block numbers, ...).  A block
 * number 0 is a hole and reads as zeros.  A directory is a file of
 * variable-length entries (inode, record length, name).  The root
 * directory is inode 2.
 *
 * The layouts below are the little-endian disk layouts of e2fsprogs'
 * ext2_fs.h (and of OpenBSD's sys/ufs/ext2fs/ext2fs.h), cut down to the
 * fields a reader uses; static_asserts pin every offset.  The kernel's
 * own ext2 (ufs/ext2fs/) reads and writes the same format.
 */
#ifndef _LIBSA_EXT2FS_H_
#define _LIBSA_EXT2FS_H_

#include "stand.h"

#define EXT2_SBOFF		1024	/* the superblock's byte offset */
#define EXT2_SBSIZE		1024
#define EXT2_MAGIC		0xef53
#define EXT2_ROOTINO		2	/* the root directory's inode */
#define EXT2_NDADDR		12	/* direct blocks in an inode */
#define EXT2_NIADDR		3	/* single, double, triple indirect */
#define EXT2_REV0		0	/* revision 0: 128-byte inodes, first 11 */
#define EXT2_REV0_INODE_SIZE	128
#define EXT2_REV0_FIRST_INO	11

/* The superblock: the fields we read. */
struct ext2fs_sb {
	u_int32_t e2fs_icount;		/*   0: inodes */
	u_int32_t e2fs_bcount;		/*   4: blocks */
	u_int32_t e2fs_rbcount;		/*   8: reserved blocks */
	u_int32_t e2fs_fbcount;		/*  12: free blocks */
	u_int32_t e2fs_ficount;		/*  16: free inodes */
	u_int32_t e2fs_first_dblock;	/*  20: block of the superblock */
	u_int32_t e2fs_log_bsize;	/*  24: block size = 1024 << this */
	u_int32_t e2fs_log_fsize;	/*  28: fragment size (unused) */
	u_int32_t e2fs_bpg;		/*  32: blocks per group */
	u_int32_t e2fs_fpg;		/*  36: fragments per group */
	u_int32_t e2fs_ipg;		/*  40: inodes per group */
	u_int32_t e2fs_mtime;		/*  44 */
	u_int32_t e2fs_wtime;		/*  48 */
	u_int16_t e2fs_mnt_count;	/*  52 */
	u_int16_t e2fs_max_mnt_count;	/*  54 */
	u_int16_t e2fs_magic;		/*  56: EXT2_MAGIC */
	u_int16_t e2fs_state;		/*  58 */
	u_int16_t e2fs_beh;		/*  60 */
	u_int16_t e2fs_minrev;		/*  62 */
	u_int32_t e2fs_lastfsck;	/*  64 */
	u_int32_t e2fs_fsckintv;	/*  68 */
	u_int32_t e2fs_creator;		/*  72 */
	u_int32_t e2fs_rev;		/*  76: EXT2_REV0 or 1 */
	u_int16_t e2fs_ruid;		/*  80 */
	u_int16_t e2fs_rgid;		/*  82 */
	/* Revision 1 and later. */
	u_int32_t e2fs_first_ino;	/*  84: first non-reserved inode */
	u_int16_t e2fs_inode_size;	/*  88: bytes per inode */
	u_int16_t e2fs_block_group_nr;	/*  90 */
	u_int32_t e2fs_features_compat;	/*  92 */
	u_int32_t e2fs_features_incompat; /* 96 */
	u_int32_t e2fs_features_rocompat; /* 100 */
} __attribute__((__packed__));
static_assert(sizeof(struct ext2fs_sb) == 104);

/*
 * Incompatible features: a reader that does not know one must not read
 * the file system.  We know these; the others (compression, meta_bg,
 * 64bit, inline_data, ...) make open fail with EFTYPE.  Files in extents
 * (ext4) are refused one by one, by their inode flag.
 */
#define EXT2F_INCOMPAT_FILETYPE	0x0002	/* directory entries have a type */
#define EXT2F_INCOMPAT_RECOVER	0x0004	/* ext3 journal to replay: stale ok */
#define EXT2F_INCOMPAT_EXTENTS	0x0040	/* some files may use extents */
#define EXT2F_INCOMPAT_FLEX_BG	0x0200	/* only where tables are placed */
#define EXT2F_INCOMPAT_SUPP	(EXT2F_INCOMPAT_FILETYPE | \
	EXT2F_INCOMPAT_RECOVER | EXT2F_INCOMPAT_EXTENTS | \
	EXT2F_INCOMPAT_FLEX_BG)
#define EXT2F_ROCOMPAT_LARGE_FILE 0x0002 /* i_size_high holds size bits */

/* A block group descriptor (32 bytes without the 64bit feature). */
struct ext2_gd {
	u_int32_t ext2bgd_b_bitmap;	/*  0: block bitmap block */
	u_int32_t ext2bgd_i_bitmap;	/*  4: inode bitmap block */
	u_int32_t ext2bgd_i_tables;	/*  8: first block of inode table */
	u_int16_t ext2bgd_nbfree;	/* 12 */
	u_int16_t ext2bgd_nifree;	/* 14 */
	u_int16_t ext2bgd_ndirs;	/* 16 */
	u_int16_t reserved[7];		/* 18 */
} __attribute__((__packed__));
static_assert(sizeof(struct ext2_gd) == 32);

/* An inode: the first 128 bytes, which every revision has. */
struct ext2fs_dinode {
	u_int16_t e2di_mode;		/*   0: type and permissions */
	u_int16_t e2di_uid;		/*   2: owner, low 16 bits */
	u_int32_t e2di_size;		/*   4: size, low 32 bits */
	u_int32_t e2di_atime;		/*   8 */
	u_int32_t e2di_ctime;		/*  12 */
	u_int32_t e2di_mtime;		/*  16 */
	u_int32_t e2di_dtime;		/*  20 */
	u_int16_t e2di_gid;		/*  24: group, low 16 bits */
	u_int16_t e2di_nlink;		/*  26 */
	u_int32_t e2di_nblock;		/*  28: 512-byte sectors in use */
	u_int32_t e2di_flags;		/*  32: EXT4_EXTENTS_FL, ... */
	u_int32_t e2di_version;		/*  36 */
	u_int32_t e2di_blocks[EXT2_NDADDR + EXT2_NIADDR]; /* 40 */
	u_int32_t e2di_gen;		/* 100 */
	u_int32_t e2di_facl;		/* 104: extended attribute block */
	u_int32_t e2di_size_hi;		/* 108: size, high bits (LARGE_FILE) */
	u_int32_t e2di_faddr;		/* 112 */
	u_int16_t e2di_nblock_hi;	/* 116 */
	u_int16_t e2di_facl_hi;		/* 118 */
	u_int16_t e2di_uid_high;	/* 120: owner, high 16 bits */
	u_int16_t e2di_gid_high;	/* 122: group, high 16 bits */
	u_int32_t e2di_linux_reserved3;	/* 124 */
} __attribute__((__packed__));
static_assert(sizeof(struct ext2fs_dinode) == 128);
static_assert(__builtin_offsetof(struct ext2fs_dinode, e2di_blocks) == 40);

#define EXT4_EXTENTS_FL		0x00080000	/* blocks are in extents */
#define EXT2_MAXSYMLINKLEN	((EXT2_NDADDR + EXT2_NIADDR) * 4)

/* A directory entry; the name follows, not NUL-terminated. */
struct ext2fs_direct {
	u_int32_t e2d_ino;		/* 0: inode, 0 = unused entry */
	u_int16_t e2d_reclen;		/* 4: bytes to the next entry */
	u_int8_t  e2d_namlen;		/* 6 */
	u_int8_t  e2d_type;		/* 7: EXT2_FT_*, if FILETYPE */
} __attribute__((__packed__));
static_assert(sizeof(struct ext2fs_direct) == 8);

/* libsa's ext2: ext2fs_open() and the rest, through this table. */
extern const struct fs_ops ext2fs_ops;

__BEGIN_DECLS
int	ext2fs_open(const char *path, struct open_file *f);
int	ext2fs_close(struct open_file *f);
int	ext2fs_read(struct open_file *f, void *buf, size_t size,
	    size_t *resid);
off_t	ext2fs_seek(struct open_file *f, off_t offset, int where);
int	ext2fs_stat(struct open_file *f, struct stat *sb);
int	ext2fs_readdir(struct open_file *f, char *name);
__END_DECLS

#endif /* !_LIBSA_EXT2FS_H_ */
