/*
 * ext2fs.h: the ext2 file system's superblock, block groups and the
 * arithmetic that turns inode and block numbers into disk addresses.
 *
 * An ext2 disk is cut into fixed-size blocks (1, 2 or 4 KiB, chosen by
 * mke2fs) and the blocks into block groups of e2fs_bpg blocks each.
 * Every group has the same shape, so that a file's inode, its data and
 * the bitmaps that say what is free can live close together:
 *
 *   block 0      1       2..          b_bitmap  i_bitmap  i_tables    ...
 *   +-------+--------+-------------+---------+---------+------------+------+
 *   | boot  | super  | group descr | block   | inode   | inode      | data |
 *   | 1 KiB | block  | (+ reserved | bitmap  | bitmap  | table      | ...  |
 *   |       |        |  for resize)| 1 block | 1 block | ipg inodes |      |
 *   +-------+--------+-------------+---------+---------+------------+------+
 *   |<----------------------------- group 0 ---------------------------->|
 *
 * The superblock always sits at byte 1024 of the disk, whatever the
 * block size (with 1 KiB blocks it is block 1 and block 0 is the boot
 * block; with 4 KiB blocks it is inside block 0, e2fs_first_dblock 0).
 * It is followed by the table of group descriptors, one struct ext2_gd
 * per group, saying where that group's bitmaps and inode table are and
 * how many of its blocks and inodes are free.  Copies of the superblock
 * and descriptors sit at the start of some other groups (with
 * sparse_super: groups 0, 1 and the powers of 3, 5 and 7) for e2fsck to
 * recover from; the kernel reads and writes only the first copy.
 *
 * In memory, a mounted ext2 file system is a struct m_ext2fs: the
 * superblock as read from the disk (e2fs) plus the numbers derived from
 * it once at mount and the group descriptors (e2fs_gd).  The kernel
 * changes the free counts in both as it allocates, sets e2fs_fmod, and
 * ext2fs_sbupdate/ext2fs_cgupdate write them back at sync and unmount.
 *
 * Everything on the disk is little-endian, as on i386; the structures
 * are used as they lie in the buffer (OpenBSD byte-swaps on big-endian
 * machines in ext2fs_bswap.c, which we do not need).
 * Mirrors OpenBSD's sys/ufs/ext2fs/ext2fs.h; field names are OpenBSD's,
 * the comments give Linux's names (s_..., bg_...) for reading e2fsprogs.
 */
#ifndef _UFS_EXT2FS_EXT2FS_H_
#define _UFS_EXT2FS_EXT2FS_H_

#include <sys/types.h>
#include <sys/buf.h>		/* daddr_t, DEV_BSHIFT */

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
    "ext2 metadata is used in place: a big-endian port needs ext2fs_bswap");

/* The boot block and the superblock, as byte offsets on the disk. */
#define BBSIZE		1024
#define SBSIZE		1024
#define BBOFF		((off_t)0)
#define SBOFF		((off_t)(BBOFF + BBSIZE))

#define LOG_MINBSIZE	10
#define MINBSIZE	(1 << LOG_MINBSIZE)	/* 1 KiB */
#define LOG_MAXBSIZE	12
#define MAXBSIZE_E2FS	(1 << LOG_MAXBSIZE)	/* 4 KiB: we support up to */
#define MAXMNTLEN	512

/*
 * The superblock as it lies on the disk (1024 bytes at SBOFF).  Only
 * the fields up to e2fs_want_extra_isize are named; the rest (journal,
 * 64-bit and checksum fields of ext3/ext4) are kept as they were.
 */
struct ext2fs {
	u_int32_t e2fs_icount;		/* s_inodes_count */
	u_int32_t e2fs_bcount;		/* s_blocks_count */
	u_int32_t e2fs_rbcount;		/* s_r_blocks_count: root's reserve */
	u_int32_t e2fs_fbcount;		/* s_free_blocks_count */
	u_int32_t e2fs_ficount;		/* s_free_inodes_count */
	u_int32_t e2fs_first_dblock;	/* s_first_data_block: 1 or 0 */
	u_int32_t e2fs_log_bsize;	/* block size = 1024 << this */
	u_int32_t e2fs_fsize;		/* s_log_frag_size (unused) */
	u_int32_t e2fs_bpg;		/* s_blocks_per_group */
	u_int32_t e2fs_fpg;		/* s_frags_per_group (= bpg) */
	u_int32_t e2fs_ipg;		/* s_inodes_per_group */
	u_int32_t e2fs_mtime;		/* s_mtime: last mount */
	u_int32_t e2fs_wtime;		/* s_wtime: last write */
	u_int16_t e2fs_mnt_count;	/* s_mnt_count */
	u_int16_t e2fs_max_mnt_count;	/* s_max_mnt_count */
	u_int16_t e2fs_magic;		/* s_magic: E2FS_MAGIC */
	u_int16_t e2fs_state;		/* s_state: E2FS_ISCLEAN, ... */
	u_int16_t e2fs_beh;		/* s_errors: what to do on errors */
	u_int16_t e2fs_minrev;		/* s_minor_rev_level */
	u_int32_t e2fs_lastfsck;	/* s_lastcheck */
	u_int32_t e2fs_fsckintv;	/* s_checkinterval */
	u_int32_t e2fs_creator;		/* s_creator_os */
	u_int32_t e2fs_rev;		/* s_rev_level: E2FS_REV0, REV1 */
	u_int16_t e2fs_ruid;		/* s_def_resuid */
	u_int16_t e2fs_rgid;		/* s_def_resgid */
	/* Revision 1 (EXT2_DYNAMIC_REV) only: */
	u_int32_t e2fs_first_ino;	/* s_first_ino: first usable inode */
	u_int16_t e2fs_inode_size;	/* s_inode_size: 128, 256, ... */
	u_int16_t e2fs_block_group_nr;	/* s_block_group_nr of this copy */
	u_int32_t e2fs_features_compat;	  /* s_feature_compat */
	u_int32_t e2fs_features_incompat; /* s_feature_incompat */
	u_int32_t e2fs_features_rocompat; /* s_feature_ro_compat */
	u_int8_t  e2fs_uuid[16];	/* s_uuid */
	char	  e2fs_vname[16];	/* s_volume_name */
	char	  e2fs_fsmnt[64];	/* s_last_mounted */
	u_int32_t e2fs_algo;		/* s_algorithm_usage_bitmap */
	u_int8_t  e2fs_prealloc;	/* s_prealloc_blocks */
	u_int8_t  e2fs_dir_prealloc;	/* s_prealloc_dir_blocks */
	u_int16_t e2fs_reserved_ngdb;	/* s_reserved_gdt_blocks */
	u_int8_t  e2fs_journal_uuid[16]; /* s_journal_uuid */
	u_int32_t e2fs_journal_ino;	/* s_journal_inum */
	u_int32_t e2fs_journal_dev;	/* s_journal_dev */
	u_int32_t e2fs_last_orphan;	/* s_last_orphan */
	u_int32_t e2fs_hash_seed[4];	/* s_hash_seed (dir_index) */
	u_int8_t  e2fs_def_hash_version; /* s_def_hash_version */
	u_int8_t  e2fs_jnl_backup_type;	/* s_jnl_backup_type */
	u_int16_t e2fs_desc_size;	/* s_desc_size (64bit only) */
	u_int32_t e2fs_default_mount_opts; /* s_default_mount_opts */
	u_int32_t e2fs_first_meta_bg;	/* s_first_meta_bg */
	u_int32_t e2fs_mkfs_time;	/* s_mkfs_time */
	u_int32_t e2fs_jnl_blocks[17];	/* s_jnl_blocks */
	u_int32_t e2fs_bcount_hi;	/* s_blocks_count_hi (64bit) */
	u_int32_t e2fs_rbcount_hi;	/* s_r_blocks_count_hi */
	u_int32_t e2fs_fbcount_hi;	/* s_free_blocks_hi */
	u_int16_t e2fs_min_extra_isize;	/* s_min_extra_isize */
	u_int16_t e2fs_want_extra_isize; /* s_want_extra_isize */
	u_int32_t e2fs_reserved[168];	/* the rest, kept as found */
};
static_assert(sizeof(struct ext2fs) == SBSIZE);
static_assert(offsetof(struct ext2fs, e2fs_magic) == 56);
static_assert(offsetof(struct ext2fs, e2fs_first_ino) == 84);
static_assert(offsetof(struct ext2fs, e2fs_reserved_ngdb) == 206);
static_assert(offsetof(struct ext2fs, e2fs_min_extra_isize) == 348);

/* Identification. */
#define E2FS_MAGIC	0xef53
#define E2FS_REV0	0	/* the original format: 128-byte inodes */
#define E2FS_REV1	1	/* "dynamic": inode size, features */

/*
 * Features.  COMPAT ones may be ignored by a kernel that does not know
 * them; RO_COMPAT ones may be ignored only by a kernel that does not
 * write; INCOMPAT ones must be understood or the disk left alone.
 */
#define EXT2F_COMPAT_PREALLOC		0x0001	/* dir_prealloc */
#define EXT2F_COMPAT_IMAGIC_INODES	0x0002
#define EXT2F_COMPAT_HASJOURNAL		0x0004	/* ext3 */
#define EXT2F_COMPAT_EXT_ATTR		0x0008	/* ext_attr */
#define EXT2F_COMPAT_RESIZE		0x0010	/* resize_inode */
#define EXT2F_COMPAT_DIRHASHINDEX	0x0020	/* dir_index */

#define EXT2F_ROCOMPAT_SPARSESUPER	0x0001	/* sparse_super */
#define EXT2F_ROCOMPAT_LARGEFILE	0x0002	/* large_file */
#define EXT2F_ROCOMPAT_BTREE_DIR	0x0004
#define EXT2F_ROCOMPAT_HUGE_FILE	0x0008
#define EXT2F_ROCOMPAT_GDT_CSUM		0x0010	/* uninit_bg */
#define EXT2F_ROCOMPAT_DIR_NLINK	0x0020
#define EXT2F_ROCOMPAT_EXTRA_ISIZE	0x0040
#define EXT2F_ROCOMPAT_METADATA_CKSUM	0x0400

#define EXT2F_INCOMPAT_COMP		0x0001	/* compression */
#define EXT2F_INCOMPAT_FTYPE		0x0002	/* filetype */
#define EXT2F_INCOMPAT_RECOVER		0x0004	/* journal needs recovery */
#define EXT2F_INCOMPAT_JOURNAL_DEV	0x0008
#define EXT2F_INCOMPAT_META_BG		0x0010
#define EXT2F_INCOMPAT_EXTENTS		0x0040	/* ext4 */
#define EXT2F_INCOMPAT_64BIT		0x0080
#define EXT2F_INCOMPAT_MMP		0x0100
#define EXT2F_INCOMPAT_FLEX_BG		0x0200
#define EXT2F_INCOMPAT_INLINE_DATA	0x8000

/*
 * What this implementation understands.  COMPAT: ext_attr and
 * resize_inode are only ever read by us through their inodes, which we
 * leave alone, and dir_index directories are read as plain ones (the
 * index hides in blocks that look empty) and lose their index flag when
 * we change them, as Linux's ext2 does.  RO_COMPAT: sparse_super only
 * moves the backup copies; large_file is i_size_high.  INCOMPAT: the
 * file type byte in directory entries.
 */
#define EXT2F_ROCOMPAT_SUPP	(EXT2F_ROCOMPAT_SPARSESUPER | \
				 EXT2F_ROCOMPAT_LARGEFILE)
#define EXT2F_INCOMPAT_SUPP	EXT2F_INCOMPAT_FTYPE

/* e2fs_state */
#define E2FS_ISCLEAN	0x01	/* unmounted cleanly */
#define E2FS_ERRORS	0x02	/* errors were found */

/* e2fs_creator */
#define E2FS_OS_LINUX	0

/*
 * A block group descriptor (32 bytes; bg_...).  The free counts change
 * with every allocation; the block numbers never.
 */
struct ext2_gd {
	u_int32_t ext2bgd_b_bitmap;	/* bg_block_bitmap */
	u_int32_t ext2bgd_i_bitmap;	/* bg_inode_bitmap */
	u_int32_t ext2bgd_i_tables;	/* bg_inode_table: first block */
	u_int16_t ext2bgd_nbfree;	/* bg_free_blocks_count */
	u_int16_t ext2bgd_nifree;	/* bg_free_inodes_count */
	u_int16_t ext2bgd_ndirs;	/* bg_used_dirs_count */
	u_int16_t ext2bgd_flags;	/* bg_flags (uninit_bg only) */
	u_int32_t reserved2[3];
};
static_assert(sizeof(struct ext2_gd) == 32);

/*
 * The in-memory superblock of a mounted ext2.  [I] set at mount;
 * [V] changed with some vnode of the file system locked, under the
 * kernel lock (the allocator runs between two sleeps at a time).
 */
struct m_ext2fs {
	struct ext2fs	e2fs;		/* [V] the superblock */
	u_char	e2fs_fsmnt[MAXMNTLEN];	/* [I] where it is mounted */
	int8_t	e2fs_ronly;		/* [V] mounted read-only */
	int8_t	e2fs_fmod;		/* [V] superblock or gd modified */
	int32_t	e2fs_bsize;		/* [I] block size in bytes */
	int32_t	e2fs_bshift;		/* [I] log2(e2fs_bsize) */
	int32_t	e2fs_bmask;		/* [I] ~(e2fs_bsize - 1) */
	int64_t	e2fs_qbmask;		/* [I] e2fs_bsize - 1 */
	int32_t	e2fs_fsbtodb;		/* [I] log2(bsize / DEV_BSIZE) */
	int32_t	e2fs_ncg;		/* [I] number of groups */
	int32_t	e2fs_ngdb;		/* [I] blocks of group descriptors */
	int32_t	e2fs_ipb;		/* [I] inodes per block */
	int32_t	e2fs_itpg;		/* [I] inode table blocks per group */
	int32_t	e2fs_isize;		/* [I] bytes of one on-disk inode */
	u_int64_t e2fs_maxfilesize;	/* [I] largest file we allow */
	struct ext2_gd *e2fs_gd;	/* [V] the group descriptors */
};

/*
 * With sparse_super, which groups carry a backup superblock and group
 * descriptors: 0, 1 and the powers of 3, 5 and 7.
 */
inline bool
cg_has_sb(int i)
{
	if (i == 0 || i == 1)
		return true;
	for (long a3 = 3, a5 = 5, a7 = 7; a3 <= i || a5 <= i || a7 <= i;
	    a3 *= 3, a5 *= 5, a7 *= 7)
		if (i == a3 || i == a5 || i == a7)
			return true;
	return false;
}

/* File system blocks to DEV_BSIZE disk blocks and back. */
#define fsbtodb(fs, b)	((daddr_t)(b) << (fs)->e2fs_fsbtodb)
#define dbtofsb(fs, b)	((b) >> (fs)->e2fs_fsbtodb)

/*
 * Inode numbers start at 1.  Inode x is in group (x - 1) / ipg, in the
 * inode table's block ((x - 1) % ipg) / ipb at index (x - 1) % ipb.
 */
#define ino_to_cg(fs, x)	(((x) - 1) / (fs)->e2fs.e2fs_ipg)
#define ino_to_fsba(fs, x)						\
	((fs)->e2fs_gd[ino_to_cg(fs, x)].ext2bgd_i_tables +		\
	(((x) - 1) % (fs)->e2fs.e2fs_ipg) / (fs)->e2fs_ipb)
#define ino_to_fsbo(fs, x)	(((x) - 1) % (fs)->e2fs_ipb)

/* The group of block d, and d's index within it (its bitmap bit). */
#define dtog(fs, d)	(((d) - (fs)->e2fs.e2fs_first_dblock) / \
			    (fs)->e2fs.e2fs_fpg)
#define dtogd(fs, d)	(((d) - (fs)->e2fs.e2fs_first_dblock) % \
			    (fs)->e2fs.e2fs_fpg)

/* Byte offsets and logical block numbers within a file. */
#define blkoff(fs, loc)		((loc) & (fs)->e2fs_qbmask)
#define lblktosize(fs, blk)	((off_t)(blk) << (fs)->e2fs_bshift)
#define lblkno(fs, loc)		((loc) >> (fs)->e2fs_bshift)
#define blkroundup(fs, size)	(((size) + (fs)->e2fs_qbmask) & \
				    (fs)->e2fs_bmask)

/* Free blocks a non-root user may still take. */
#define freespace(fs)	((int64_t)(fs)->e2fs.e2fs_fbcount - \
			    (int64_t)(fs)->e2fs.e2fs_rbcount)

/* Block numbers in one indirect block. */
#define NINDIR(fs)	((fs)->e2fs_bsize / (int)sizeof(u_int32_t))

/* A block's i_blocks worth: i_blocks counts 512-byte sectors. */
#define btodb(bytes)	((bytes) >> DEV_BSHIFT)

#endif /* !_UFS_EXT2FS_EXT2FS_H_ */
