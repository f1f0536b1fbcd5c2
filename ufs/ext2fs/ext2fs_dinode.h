/*
 * ext2fs_dinode.h: the ext2 inode as it lies on the disk.
 *
 * An inode describes one file: its type and permissions (e2di_mode, the
 * same bits as st_mode), owner, size, times, link count, and where its
 * data is.  The inode table of each group holds e2fs_ipg of them, each
 * e2fs_inode_size bytes (128 in revision 0; mke2fs makes 256 today, the
 * bytes after the first 128 holding e2di_extra_isize bytes of extra
 * fields, then extended attributes).
 *
 * Where the data is: e2di_blocks[] holds 15 block numbers.
 *
 *   e2di_blocks[0..11]  direct: the file's blocks 0 to 11
 *   e2di_blocks[12]     single indirect: a block of NINDIR block numbers,
 *                       the file's blocks 12 to 12 + NINDIR - 1
 *   e2di_blocks[13]     double indirect: NINDIR single indirect blocks
 *   e2di_blocks[14]     triple indirect: NINDIR double indirect blocks
 *
 * A 0 anywhere is a hole: the blocks it would map read as zeros.  With
 * 1 KiB blocks (NINDIR 256) the levels end at 12 KiB, 268 KiB, 64.26 MiB
 * and 16 GiB; with 4 KiB blocks (NINDIR 1024) at 48 KiB, 4 MiB, 4 GiB
 * and 4 TiB.  A symbolic link shorter than 60 bytes keeps its target in
 * e2di_blocks itself (a "fast" symlink) and has no blocks at all.
 *
 * e2di_nblock counts the 512-byte sectors the file holds, indirect
 * blocks included: e2fsck checks it.  Mirrors OpenBSD's
 * sys/ufs/ext2fs/ext2fs_dinode.h; Linux calls the fields i_mode, ...
 */
#ifndef _UFS_EXT2FS_EXT2FS_DINODE_H_
#define _UFS_EXT2FS_EXT2FS_DINODE_H_

#include <sys/types.h>

/* Reserved inodes. */
#define EXT2_BADBLKINO		1	/* bad blocks */
#define EXT2_ROOTINO		2	/* the root directory */
#define EXT2_RESIZEINO		7	/* resize_inode's reserved gdt */
#define EXT2_FIRSTINO		11	/* first usable, revision 0 */

#define EXT2_DINODE_SIZE(fs)	((fs)->e2fs_isize)
#define EXT2_REV0_DINODE_SIZE	128

#define NDADDR	12			/* direct blocks */
#define NIADDR	3			/* indirect levels */

/* A target shorter than this lives in e2di_blocks (a fast symlink). */
#define EXT2_MAXSYMLINKLEN	((NDADDR + NIADDR) * sizeof(u_int32_t))

/* The sticky bit (S_ISTXT in OpenBSD, S_ISVTX in Linux). */
#define EXT2_ISVTX		01000

/* i_links_count is 16 bits; Linux's ext2 stops at this. */
#define EXT2FS_LINK_MAX		32000

struct ext2fs_dinode {
	u_int16_t e2di_mode;		/*   0: i_mode: type, permissions */
	u_int16_t e2di_uid;		/*   2: i_uid (low 16 bits) */
	u_int32_t e2di_size;		/*   4: i_size (low 32 bits) */
	u_int32_t e2di_atime;		/*   8: i_atime */
	u_int32_t e2di_ctime;		/*  12: i_ctime */
	u_int32_t e2di_mtime;		/*  16: i_mtime */
	u_int32_t e2di_dtime;		/*  20: i_dtime: deleted at */
	u_int16_t e2di_gid;		/*  24: i_gid (low 16 bits) */
	u_int16_t e2di_nlink;		/*  26: i_links_count */
	u_int32_t e2di_nblock;		/*  28: i_blocks: 512-byte units */
	u_int32_t e2di_flags;		/*  32: i_flags: EXT2_* below */
	u_int32_t e2di_version;		/*  36: osd1 */
	u_int32_t e2di_blocks[NDADDR + NIADDR]; /* 40: i_block */
	u_int32_t e2di_gen;		/* 100: i_generation */
	u_int32_t e2di_facl;		/* 104: i_file_acl (xattr block) */
	u_int32_t e2di_size_hi;		/* 108: i_size_high (large_file) */
	u_int32_t e2di_faddr;		/* 112: i_faddr (obsolete) */
	u_int16_t e2di_nblock_hi;	/* 116: i_blocks_high (huge_file) */
	u_int16_t e2di_facl_hi;		/* 118: i_file_acl_high */
	u_int16_t e2di_uid_high;	/* 120: i_uid_high */
	u_int16_t e2di_gid_high;	/* 122: i_gid_high */
	u_int16_t e2di_chksum_lo;	/* 124: i_checksum_lo */
	u_int16_t e2di_reserved;	/* 126 */
	/* Present when the inode is bigger than 128 bytes: */
	u_int16_t e2di_extra_isize;	/* 128: bytes used from 128 on */
	u_int16_t e2di_chksum_hi;	/* 130 */
	u_int32_t e2di_ctime_extra;	/* 132: nanoseconds << 2 | epoch */
	u_int32_t e2di_mtime_extra;	/* 136 */
	u_int32_t e2di_atime_extra;	/* 140 */
	u_int32_t e2di_crtime;		/* 144: creation time */
	u_int32_t e2di_crtime_extra;	/* 148 */
	u_int32_t e2di_version_hi;	/* 152 */
	u_int32_t e2di_projid;		/* 156 */
};
static_assert(sizeof(struct ext2fs_dinode) == 160);
static_assert(offsetof(struct ext2fs_dinode, e2di_blocks) == 40);
static_assert(offsetof(struct ext2fs_dinode, e2di_size_hi) == 108);
static_assert(offsetof(struct ext2fs_dinode, e2di_extra_isize) == 128);

/* The extra fields we keep up to date when a new inode gets them. */
#define EXT2_EXTRA_ISIZE_USED	32

/* e2di_flags (i_flags) */
#define EXT2_SECRM		0x00000001	/* secure deletion */
#define EXT2_UNRM		0x00000002	/* undelete */
#define EXT2_COMPR		0x00000004	/* compressed */
#define EXT2_SYNC		0x00000008	/* synchronous updates */
#define EXT2_IMMUTABLE		0x00000010	/* cannot be changed */
#define EXT2_APPEND		0x00000020	/* may only be appended to */
#define EXT2_NODUMP		0x00000040	/* not to be dumped */
#define EXT2_NOATIME		0x00000080	/* no access times */
#define EXT2_INDEX		0x00001000	/* a dir_index (htree) dir */
#define EXT2_HUGE_FILE		0x00040000	/* i_blocks in fs blocks */
#define EXT4_EXTENTS		0x00080000	/* i_block holds extents */
#define EXT4_INLINE_DATA	0x10000000	/* data in the inode */

#endif /* !_UFS_EXT2FS_EXT2FS_DINODE_H_ */
