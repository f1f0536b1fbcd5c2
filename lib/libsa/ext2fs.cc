/*
 * ext2fs.cc: read files from an ext2 file system, for boot(8).
 *
 * The operations of struct fs_ops for ext2, in the shape of OpenBSD's
 * libsa ufs.c (and of FreeBSD's libstand ext2fs.c): ext2fs_open() walks
 * the path from the root directory one name at a time, following symbolic
 * links, and leaves the file's inode in the open file's private state
 * (struct file below); ext2fs_read() maps each logical block of the file
 * to a disk block through the inode's direct and indirect block numbers
 * and reads it; ext2fs_readdir() steps through a directory's entries for
 * `ls'.  The layout it reads is described in ext2fs.h.
 *
 * Reading a kernel one block at a time would cost one BIOS call per 1 KiB
 * block, so a read of whole blocks reads each run of blocks that lie one
 * after the other on the disk with one call of the device's strategy
 * routine, straight into the caller's buffer.  Holes (block number 0)
 * read as zeros: mke2fs -d leaves a hole where a file has a block of
 * zeros, which loaders meet in every kernel image.
 *
 * Nothing here trusts the disk: block numbers beyond the file system,
 * directory records that run past their block, and sizes that do not add
 * up make the call fail with EIO (or EFTYPE for a file system we do not
 * understand) rather than read wild memory.  This file is compiled into
 * boot(8) and into the host tests (tools/unittest/libsa_ext2fs_test.cc),
 * which read every file of mke2fs-made images and compare.
 */
#include "stand.h"
#include "ext2fs.h"

#define MAXSYMLINKS	32	/* links followed in one lookup, as OpenBSD */
#define MAXRUN		256	/* blocks read by one strategy call at most */

/* The state of one open file: OpenBSD ufs.c's struct file. */
struct file {
	/* The file system, from the superblock. */
	u_int32_t	f_bsize;	/* block size, bytes */
	u_int32_t	f_bshift;	/* log2(f_bsize) */
	u_int32_t	f_nblocks;	/* blocks in the file system */
	u_int32_t	f_ipg;		/* inodes per group */
	u_int32_t	f_ninodes;	/* inodes in the file system */
	u_int32_t	f_isize;	/* bytes per inode */
	u_int32_t	f_gdblock;	/* first block of group descriptors */
	u_int32_t	f_ngroups;	/* block groups */
	bool		f_filetype;	/* entries carry a type byte */
	bool		f_largefile;	/* size_hi counts for files */

	/* The file. */
	u_int32_t	f_ino;		/* its inode number */
	struct ext2fs_dinode f_di;	/* its inode */
	off_t		f_size;		/* its size */
	off_t		f_seekp;	/* where read() goes on */

	/* Cached blocks: indirect blocks per level, one data block. */
	u_int32_t	*f_ind[EXT2_NIADDR];	/* allocated on first use */
	u_int32_t	f_indblk[EXT2_NIADDR];	/* disk block in f_ind, 0: none */
	char		*f_buf;		/* a block of the file */
	u_int32_t	f_buflbn;	/* which logical block f_buf holds */
	bool		f_bufvalid;
};

static int	read_inode(u_int32_t ino, struct open_file *f);
static int	block_map(struct open_file *f, u_int32_t lbn, u_int32_t *pbn);

/*
 * Read size bytes of the file system starting at block bn into buf.
 * => size need not be a whole number of blocks (the superblock is not).
 * => returns 0 or an errno; EIO also when the device read less.
 */
static int
dev_read(struct open_file *f, u_int32_t bn, size_t off, size_t size,
    void *buf)
{
	struct file *fp = (struct file *)f->f_fsdata;
	size_t rsize;
	u_int64_t byte = ((u_int64_t)bn << fp->f_bshift) + off;

	if ((byte & (DEV_BSIZE - 1)) != 0 || (size & (DEV_BSIZE - 1)) != 0)
		return EINVAL;
	int error = f->f_dev->dv_strategy(f->f_devdata, F_READ,
	    (daddr_t)(byte >> DEV_BSHIFT), size, buf, &rsize);
	if (error != 0)
		return error;
	return rsize == size ? 0 : EIO;
}

/* Read block bn, or zeros for a hole (bn == 0), into buf. */
static int
read_block(struct open_file *f, u_int32_t bn, void *buf)
{
	struct file *fp = (struct file *)f->f_fsdata;

	if (bn == 0) {
		memset(buf, 0, fp->f_bsize);
		return 0;
	}
	if (bn >= fp->f_nblocks)
		return EIO;
	return dev_read(f, bn, 0, fp->f_bsize, buf);
}

/*
 * Read the superblock into fp and check it describes a file system we
 * can read.  Returns 0, EIO, or EFTYPE (not ext2, or features we lack).
 */
static int
read_super(struct open_file *f, struct file *fp)
{
	char *sbbuf = (char *)alloc(EXT2_SBSIZE);
	struct ext2fs_sb sb;
	size_t rsize;
	int error;

	if (sbbuf == nullptr)
		return ENOMEM;
	error = f->f_dev->dv_strategy(f->f_devdata, F_READ,
	    EXT2_SBOFF / DEV_BSIZE, EXT2_SBSIZE, sbbuf, &rsize);
	if (error == 0 && rsize != EXT2_SBSIZE)
		error = EIO;
	memcpy(&sb, sbbuf, sizeof(sb));
	free(sbbuf, EXT2_SBSIZE);
	if (error != 0)
		return error;

	if (sb.e2fs_magic != EXT2_MAGIC || sb.e2fs_log_bsize > 6 ||
	    sb.e2fs_ipg == 0 || sb.e2fs_bpg == 0)
		return EFTYPE;
	fp->f_bshift = 10 + sb.e2fs_log_bsize;
	fp->f_bsize = 1U << fp->f_bshift;
	fp->f_nblocks = sb.e2fs_bcount;
	fp->f_ipg = sb.e2fs_ipg;
	fp->f_ninodes = sb.e2fs_icount;
	if (sb.e2fs_rev == EXT2_REV0) {
		fp->f_isize = EXT2_REV0_INODE_SIZE;
		fp->f_filetype = false;
		fp->f_largefile = false;
	} else {
		if ((sb.e2fs_features_incompat & ~EXT2F_INCOMPAT_SUPP) != 0)
			return EFTYPE;
		fp->f_isize = sb.e2fs_inode_size;
		fp->f_filetype = (sb.e2fs_features_incompat &
		    EXT2F_INCOMPAT_FILETYPE) != 0;
		fp->f_largefile = (sb.e2fs_features_rocompat &
		    EXT2F_ROCOMPAT_LARGE_FILE) != 0;
	}
	if (fp->f_isize < EXT2_REV0_INODE_SIZE || fp->f_isize > fp->f_bsize ||
	    (fp->f_isize & (fp->f_isize - 1)) != 0)
		return EFTYPE;
	/* The descriptors start in the block after the superblock's. */
	fp->f_gdblock = sb.e2fs_first_dblock + 1;
	fp->f_ngroups = (sb.e2fs_bcount - sb.e2fs_first_dblock +
	    sb.e2fs_bpg - 1) / sb.e2fs_bpg;
	return 0;
}

/*
 * Read inode ino into the open file's state and forget what was cached
 * about the previous one.
 * => returns 0, EIO (a number or table out of range), EFTYPE (extents).
 */
static int
read_inode(u_int32_t ino, struct open_file *f)
{
	struct file *fp = (struct file *)f->f_fsdata;
	struct ext2_gd gd;
	int error;

	if (ino == 0 || ino > fp->f_ninodes)
		return EIO;
	u_int32_t group = (ino - 1) / fp->f_ipg;
	u_int32_t index = (ino - 1) % fp->f_ipg;
	if (group >= fp->f_ngroups)
		return EIO;

	/* Its group's descriptor, then the block of the inode table. */
	u_int64_t gdoff = (u_int64_t)group * sizeof(gd);
	error = read_block(f, fp->f_gdblock + (u_int32_t)(gdoff >>
	    fp->f_bshift), fp->f_buf);
	if (error != 0)
		goto out;
	memcpy(&gd, fp->f_buf + (gdoff & (fp->f_bsize - 1)), sizeof(gd));

	{
		u_int64_t ioff = (u_int64_t)index * fp->f_isize;
		u_int32_t bn = gd.ext2bgd_i_tables +
		    (u_int32_t)(ioff >> fp->f_bshift);
		if (gd.ext2bgd_i_tables == 0) {
			error = EIO;
			goto out;
		}
		error = read_block(f, bn, fp->f_buf);
		if (error != 0)
			goto out;
		memcpy(&fp->f_di, fp->f_buf + (ioff & (fp->f_bsize - 1)),
		    sizeof(fp->f_di));
	}
	if (fp->f_di.e2di_flags & EXT4_EXTENTS_FL) {
		error = EFTYPE;
		goto out;
	}
	fp->f_ino = ino;
	fp->f_size = fp->f_di.e2di_size;
	if (fp->f_largefile && S_ISREG(fp->f_di.e2di_mode))
		fp->f_size |= (off_t)fp->f_di.e2di_size_hi << 32;
	fp->f_seekp = 0;
out:
	/* f_buf was borrowed; whatever file it held is gone. */
	fp->f_bufvalid = false;
	for (int i = 0; i < EXT2_NIADDR; i++)
		fp->f_indblk[i] = 0;
	return error;
}

/*
 * block_map: the disk block holding logical block lbn of the file, or 0
 * for a hole, in *pbn.  Walks the indirect blocks, keeping the last one of
 * each level so that a sequential read fetches each once.
 * => returns 0 or an errno (EIO for a block past what the inode maps).
 */
static int
block_map(struct open_file *f, u_int32_t lbn, u_int32_t *pbn)
{
	struct file *fp = (struct file *)f->f_fsdata;
	u_int32_t nindir = fp->f_bsize / sizeof(u_int32_t);
	u_int64_t span = 1;		/* blocks one entry covers */
	int level;

	if (lbn < EXT2_NDADDR) {
		*pbn = fp->f_di.e2di_blocks[lbn];
		return 0;
	}
	/* Which tree: single (level 0), double (1) or triple (2)? */
	u_int64_t rest = lbn - EXT2_NDADDR;
	for (level = 0; level < EXT2_NIADDR; level++) {
		span *= nindir;
		if (rest < span)
			break;
		rest -= span;
	}
	if (level == EXT2_NIADDR)
		return EIO;

	/* Down the tree: span is what one entry at this depth covers. */
	u_int32_t bn = fp->f_di.e2di_blocks[EXT2_NDADDR + level];
	for (int depth = level; depth >= 0; depth--) {
		span /= nindir;
		if (bn == 0) {			/* a hole in the tree */
			*pbn = 0;
			return 0;
		}
		if (fp->f_ind[depth] == nullptr) {
			fp->f_ind[depth] = (u_int32_t *)alloc(fp->f_bsize);
			if (fp->f_ind[depth] == nullptr)
				return ENOMEM;
		}
		if (fp->f_indblk[depth] != bn) {
			fp->f_indblk[depth] = 0;
			int error = read_block(f, bn, fp->f_ind[depth]);
			if (error != 0)
				return error;
			fp->f_indblk[depth] = bn;
		}
		bn = fp->f_ind[depth][rest / span];
		rest %= span;
	}
	*pbn = bn;
	return 0;
}

/*
 * Make f_buf hold the logical block that contains the file offset off.
 * => returns 0 or an errno.
 */
static int
buf_read_file(struct open_file *f, off_t off)
{
	struct file *fp = (struct file *)f->f_fsdata;
	u_int32_t lbn = (u_int32_t)(off >> fp->f_bshift);
	u_int32_t pbn;
	int error;

	if (fp->f_bufvalid && fp->f_buflbn == lbn)
		return 0;
	fp->f_bufvalid = false;
	error = block_map(f, lbn, &pbn);
	if (error == 0)
		error = read_block(f, pbn, fp->f_buf);
	if (error == 0) {
		fp->f_buflbn = lbn;
		fp->f_bufvalid = true;
	}
	return error;
}

/*
 * Read whole blocks, from the block-aligned f_seekp, straight into buf:
 * nblk blocks at most; each run of consecutive disk blocks is one device
 * read.  Returns 0 or an errno; *done gets the blocks read.
 */
static int
read_blocks(struct open_file *f, char *buf, u_int32_t nblk, u_int32_t *done)
{
	struct file *fp = (struct file *)f->f_fsdata;
	u_int32_t lbn = (u_int32_t)(fp->f_seekp >> fp->f_bshift);
	u_int32_t first, next, run;
	int error;

	error = block_map(f, lbn, &first);
	if (error != 0)
		return error;
	run = 1;
	while (run < nblk && run < MAXRUN) {
		error = block_map(f, lbn + run, &next);
		if (error != 0)
			return error;
		if (first == 0 ? next != 0 : next != first + run)
			break;
		run++;
	}
	if (first == 0)
		memset(buf, 0, (size_t)run << fp->f_bshift);
	else if (first + run > fp->f_nblocks || first + run < first)
		return EIO;
	else {
		error = dev_read(f, first, 0, (size_t)run << fp->f_bshift,
		    buf);
		if (error != 0)
			return error;
	}
	*done = run;
	return 0;
}

/*
 * The directory entry at byte boff of f_buf: its header in *d, its name
 * length in *namlen.  Returns 0, or EIO when the record does not fit its
 * block (a corrupt directory must not send us past the buffer).
 */
static int
dir_entry(struct file *fp, u_int32_t boff, struct ext2fs_direct *d,
    u_int32_t *namlen)
{
	if (boff + sizeof(*d) > fp->f_bsize)
		return EIO;
	memcpy(d, fp->f_buf + boff, sizeof(*d));
	/* Without FILETYPE the length is 16 bits and there is no type. */
	*namlen = d->e2d_namlen;
	if (!fp->f_filetype)
		*namlen |= (u_int32_t)d->e2d_type << 8;
	if (d->e2d_reclen < sizeof(*d) || (d->e2d_reclen & 3) != 0 ||
	    boff + d->e2d_reclen > fp->f_bsize ||
	    sizeof(*d) + *namlen > d->e2d_reclen || *namlen > MAXNAMLEN)
		return EIO;
	return 0;
}

/*
 * Look up name (namelen bytes) in the directory that is the open file.
 * => returns 0 and the inode number in *inop, ENOENT, or another errno.
 */
static int
search_directory(const char *name, size_t namelen, struct open_file *f,
    u_int32_t *inop)
{
	struct file *fp = (struct file *)f->f_fsdata;

	for (off_t off = 0; off < fp->f_size;) {
		int error = buf_read_file(f, off);
		if (error != 0)
			return error;
		u_int32_t boff = (u_int32_t)(off & (fp->f_bsize - 1));
		struct ext2fs_direct d;
		u_int32_t namlen;
		error = dir_entry(fp, boff, &d, &namlen);
		if (error != 0)
			return error;
		if (d.e2d_ino != 0 && namlen == namelen &&
		    memcmp(fp->f_buf + boff + sizeof(d), name, namelen) == 0) {
			*inop = d.e2d_ino;
			return 0;
		}
		off += d.e2d_reclen;
	}
	return ENOENT;
}

/*
 * A symbolic link's target: in the inode itself when short (a "fast"
 * link), else in its first block.  Copies it, NUL-terminated, into buf
 * of MAXPATHLEN bytes.  Returns 0 or an errno.
 */
static int
read_symlink(struct open_file *f, char *buf)
{
	struct file *fp = (struct file *)f->f_fsdata;
	u_int32_t len = (u_int32_t)fp->f_size;
	u_int32_t eablocks = fp->f_di.e2di_facl ? fp->f_bsize / DEV_BSIZE : 0;

	if (fp->f_size >= MAXPATHLEN)
		return ENAMETOOLONG;
	if (len < EXT2_MAXSYMLINKLEN && fp->f_di.e2di_nblock == eablocks) {
		memcpy(buf, fp->f_di.e2di_blocks, len);
	} else {
		int error = buf_read_file(f, 0);
		if (error != 0)
			return error;
		if (len > fp->f_bsize)
			return EIO;
		memcpy(buf, fp->f_buf, len);
	}
	buf[len] = '\0';
	return 0;
}

/* Release what ext2fs_open allocated. */
static void
file_free(struct file *fp)
{
	for (int i = 0; i < EXT2_NIADDR; i++)
		if (fp->f_ind[i] != nullptr)
			free(fp->f_ind[i], fp->f_bsize);
	if (fp->f_buf != nullptr)
		free(fp->f_buf, fp->f_bsize);
	free(fp, sizeof(*fp));
}

/*
 * ext2fs_open: open the file at path (absolute or not: both start at the
 * root, there is no current directory) for reading.
 * => f->f_dev and f->f_devdata name the device; on success f->f_fsdata
 *    holds the file's state.
 * => returns 0 or an errno: ENOENT, ENOTDIR (a component is not a
 *    directory), ELOOP, ENAMETOOLONG, EFTYPE, EIO, ENOMEM; on failure
 *    nothing stays allocated.
 */
int
ext2fs_open(const char *path, struct open_file *f)
{
	struct file *fp;
	char *namebuf = nullptr;	/* the path left to walk, links applied */
	const char *cp;
	u_int32_t parent = EXT2_ROOTINO, ino;
	int nlinks = 0, error;

	fp = (struct file *)alloc(sizeof(*fp));
	if (fp == nullptr)
		return ENOMEM;
	memset(fp, 0, sizeof(*fp));
	f->f_fsdata = fp;

	error = read_super(f, fp);
	if (error != 0)
		goto out;
	fp->f_buf = (char *)alloc(fp->f_bsize);
	namebuf = (char *)alloc(MAXPATHLEN);
	if (fp->f_buf == nullptr || namebuf == nullptr) {
		error = ENOMEM;
		goto out;
	}
	if (strlen(path) >= MAXPATHLEN) {
		error = ENAMETOOLONG;
		goto out;
	}
	strlcpy(namebuf, path, MAXPATHLEN);
	error = read_inode(EXT2_ROOTINO, f);
	if (error != 0)
		goto out;

	cp = namebuf;
	for (;;) {
		while (*cp == '/')
			cp++;
		if (*cp == '\0')
			break;
		if (!S_ISDIR(fp->f_di.e2di_mode)) {
			error = ENOTDIR;
			goto out;
		}
		const char *name = cp;
		while (*cp != '\0' && *cp != '/')
			cp++;
		if (cp - name > MAXNAMLEN) {
			error = ENAMETOOLONG;
			goto out;
		}
		parent = fp->f_ino;
		error = search_directory(name, cp - name, f, &ino);
		if (error == 0)
			error = read_inode(ino, f);
		if (error != 0)
			goto out;

		if (S_ISLNK(fp->f_di.e2di_mode)) {
			/* Splice the target in front of what is left. */
			char *target = (char *)alloc(MAXPATHLEN);
			if (target == nullptr) {
				error = ENOMEM;
				goto out;
			}
			error = read_symlink(f, target);
			size_t tlen = strlen(target), rlen = strlen(cp);
			if (error == 0 && ++nlinks > MAXSYMLINKS)
				error = ELOOP;
			if (error == 0 && tlen + rlen + 1 > MAXPATHLEN)
				error = ENAMETOOLONG;
			if (error == 0) {
				memmove(namebuf + tlen, cp, rlen + 1);
				memcpy(namebuf, target, tlen);
				cp = namebuf;
				/* Relative: from the link's directory. */
				ino = target[0] == '/' ? EXT2_ROOTINO : parent;
				error = read_inode(ino, f);
			}
			free(target, MAXPATHLEN);
			if (error != 0)
				goto out;
		}
	}
out:
	if (namebuf != nullptr)
		free(namebuf, MAXPATHLEN);
	if (error != 0) {
		file_free(fp);
		f->f_fsdata = nullptr;
	}
	return error;
}

/* ext2fs_close: forget the file.  Returns 0. */
int
ext2fs_close(struct open_file *f)
{
	struct file *fp = (struct file *)f->f_fsdata;

	f->f_fsdata = nullptr;
	if (fp != nullptr)
		file_free(fp);
	return 0;
}

/*
 * ext2fs_read: copy up to size bytes from the current offset into buf.
 * => *resid (if not null) gets the bytes not read: nonzero at the end of
 *    the file.
 * => returns 0 or an errno; the offset has moved past what was read.
 */
int
ext2fs_read(struct open_file *f, void *buf, size_t size, size_t *resid)
{
	struct file *fp = (struct file *)f->f_fsdata;
	char *addr = (char *)buf;
	int error = 0;

	while (size > 0 && fp->f_seekp < fp->f_size) {
		off_t left = fp->f_size - fp->f_seekp;
		u_int32_t boff = (u_int32_t)(fp->f_seekp & (fp->f_bsize - 1));

		if (boff == 0 && size >= fp->f_bsize && left >= fp->f_bsize) {
			/* Whole blocks: no copy through f_buf. */
			u_int64_t n = size >> fp->f_bshift;
			if ((u_int64_t)(left >> fp->f_bshift) < n)
				n = left >> fp->f_bshift;
			u_int32_t done;
			error = read_blocks(f, addr, n > MAXRUN ? MAXRUN :
			    (u_int32_t)n, &done);
			if (error != 0)
				break;
			size_t bytes = (size_t)done << fp->f_bshift;
			addr += bytes;
			size -= bytes;
			fp->f_seekp += bytes;
			continue;
		}
		error = buf_read_file(f, fp->f_seekp);
		if (error != 0)
			break;
		size_t n = fp->f_bsize - boff;
		if (n > size)
			n = size;
		if ((off_t)n > left)
			n = (size_t)left;
		memcpy(addr, fp->f_buf + boff, n);
		addr += n;
		size -= n;
		fp->f_seekp += n;
	}
	if (resid != nullptr)
		*resid = size;
	return error;
}

/*
 * ext2fs_seek: move the offset as lseek(2) does.
 * => returns the new offset, or -1 (errno EINVAL, SEEK_* unknown or a
 *    negative result; the offset does not move then).
 */
off_t
ext2fs_seek(struct open_file *f, off_t offset, int where)
{
	struct file *fp = (struct file *)f->f_fsdata;
	off_t base;

	switch (where) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = fp->f_seekp; break;
	case SEEK_END: base = fp->f_size; break;
	default: return -1;
	}
	if (base + offset < 0)
		return -1;
	fp->f_seekp = base + offset;
	return fp->f_seekp;
}

/*
 * ext2fs_stat: the inode's type, permissions, owner, size and, for a
 * device node, its device number.  Returns 0.
 */
int
ext2fs_stat(struct open_file *f, struct stat *sb)
{
	struct file *fp = (struct file *)f->f_fsdata;
	const struct ext2fs_dinode *di = &fp->f_di;

	memset(sb, 0, sizeof(*sb));
	sb->st_ino = fp->f_ino;
	sb->st_mode = di->e2di_mode;
	sb->st_nlink = di->e2di_nlink;
	sb->st_uid = di->e2di_uid | ((u_int32_t)di->e2di_uid_high << 16);
	sb->st_gid = di->e2di_gid | ((u_int32_t)di->e2di_gid_high << 16);
	sb->st_size = fp->f_size;
	if ((di->e2di_mode & S_IFMT) == S_IFCHR ||
	    (di->e2di_mode & S_IFMT) == S_IFBLK) {
		/*
		 * Linux keeps an old-style number (major << 8 | minor) in
		 * block 0, or a new-style one in block 1.  We give OpenBSD's
		 * encoding, the one its makedev() would.
		 */
		u_int32_t major, minor;
		u_int32_t d = di->e2di_blocks[0];
		if (d != 0) {
			major = (d >> 8) & 0xff;
			minor = d & 0xff;
		} else {
			d = di->e2di_blocks[1];
			major = (d & 0xfff00) >> 8;
			minor = (d & 0xff) | ((d >> 12) & 0xfff00);
		}
		sb->st_rdev = (dev_t)(((major & 0xff) << 8) | (minor & 0xff) |
		    ((minor & 0xffff00) << 8));
	}
	return 0;
}

/*
 * ext2fs_readdir: the name of the next entry of the directory that is the
 * open file, into name (MAXNAMLEN + 1 bytes).
 * => returns 0, ENOENT at the end, ENOTDIR, or EIO for a broken entry.
 */
int
ext2fs_readdir(struct open_file *f, char *name)
{
	struct file *fp = (struct file *)f->f_fsdata;

	if (!S_ISDIR(fp->f_di.e2di_mode))
		return ENOTDIR;
	while (fp->f_seekp < fp->f_size) {
		int error = buf_read_file(f, fp->f_seekp);
		if (error != 0)
			return error;
		u_int32_t boff = (u_int32_t)(fp->f_seekp & (fp->f_bsize - 1));
		struct ext2fs_direct d;
		u_int32_t namlen;
		error = dir_entry(fp, boff, &d, &namlen);
		if (error != 0)
			return error;
		fp->f_seekp += d.e2d_reclen;
		if (d.e2d_ino == 0)
			continue;
		memcpy(name, fp->f_buf + boff + sizeof(d), namlen);
		name[namlen] = '\0';
		return 0;
	}
	return ENOENT;
}

const struct fs_ops ext2fs_ops = {
	"ext2fs", ext2fs_open, ext2fs_close, ext2fs_read, ext2fs_seek,
	ext2fs_stat, ext2fs_readdir,
};
