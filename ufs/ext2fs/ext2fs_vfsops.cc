/*
 * ext2fs_vfsops.cc: whole ext2 file systems: mounting (and checking
 * that the disk holds an ext2 we can use), unmounting, sync, statfs,
 * and ext2fs_vget, which turns an inode number into a vnode.
 *
 * Mounting (ext2fs_mountfs) opens the device, reads the superblock at
 * byte 1024 and believes nothing in it before checking it: the magic
 * number, the revision, the block size, the group geometry against the
 * size of the disk, the inode size, and the feature flags.  An INCOMPAT
 * feature we do not know (extents, 64bit, a journal to replay, ...)
 * refuses the mount with a message naming it; an unknown RO_COMPAT one
 * mounts read-only.  Then the group descriptors are read into memory
 * (m_ext2fs.e2fs_gd) and checked in turn.  A writable mount marks the
 * superblock "not clean" on the disk at once (e2fs_state), so that a
 * crash is noticed; unmount writes everything back and marks it clean.
 *
 * Sync (ext2fs_sync) writes every modified inode into its inode table
 * block (and with MNT_WAIT fsyncs every file), flushes the device's
 * buffers (bitmaps, inode tables, directories' and indirect blocks are
 * on the files' vnodes), and finally writes the superblock and group
 * descriptors if the free counts changed.  After a sync with MNT_WAIT
 * the disk is consistent: `e2fsck -fn` finds nothing to fix, even though
 * the state still says "not clean" (which e2fsck -f does not count as
 * an error).
 *
 * ext2fs_vget is the one place inodes come from: the inode hash first,
 * else a new vnode, put on the hash before the inode is read (so two
 * threads never read one inode twice) and checked after
 * (ext2fs_dinode_check).  It returns the vnode referenced and unlocked,
 * as VFS_ROOT does in this kernel (sys/vnode.h, kern/vfs_lookup.cc).
 * Mirrors OpenBSD's sys/ufs/ext2fs/ext2fs_vfsops.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/specdev.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/vnode.h>
#include <machine/intr.h>

#include <ufs/ufs/inode.h>
#include <ufs/ufs/ufsmount.h>
#include <ufs/ext2fs/ext2fs.h>
#include <ufs/ext2fs/ext2fs_dinode.h>
#include <ufs/ext2fs/ext2fs_extern.h>

struct pool ext2fs_inode_pool;

static int ext2fs_mount(struct mount *, const char *, void *,
    struct nameidata *, struct proc *);
static int ext2fs_start(struct mount *, int, struct proc *);
static int ext2fs_unmount(struct mount *, int, struct proc *);
static int ext2fs_root(struct mount *, struct vnode **);
static int ext2fs_statfs(struct mount *, struct statfs *, struct proc *);
static int ext2fs_sync(struct mount *, int, int, struct ucred *,
    struct proc *);
static int ext2fs_init(struct vfsconf *);

const struct vfsops ext2fs_vfsops = {
	.vfs_mount = ext2fs_mount,
	.vfs_start = ext2fs_start,
	.vfs_unmount = ext2fs_unmount,
	.vfs_root = ext2fs_root,
	.vfs_statfs = ext2fs_statfs,
	.vfs_sync = ext2fs_sync,
	.vfs_vget = ext2fs_vget,
	.vfs_init = ext2fs_init,
};

/* The names of the feature bits, for the messages of a refused mount. */
struct ext2fs_feature {
	u_int32_t	mask;
	const char	*name;
};
static const struct ext2fs_feature ext2fs_incompat_names[] = {
	{ EXT2F_INCOMPAT_COMP, "compression" },
	{ EXT2F_INCOMPAT_FTYPE, "filetype" },
	{ EXT2F_INCOMPAT_RECOVER, "needs_recovery" },
	{ EXT2F_INCOMPAT_JOURNAL_DEV, "journal_dev" },
	{ EXT2F_INCOMPAT_META_BG, "meta_bg" },
	{ EXT2F_INCOMPAT_EXTENTS, "extent" },
	{ EXT2F_INCOMPAT_64BIT, "64bit" },
	{ EXT2F_INCOMPAT_MMP, "mmp" },
	{ EXT2F_INCOMPAT_FLEX_BG, "flex_bg" },
	{ EXT2F_INCOMPAT_INLINE_DATA, "inline_data" },
	{ 0, nullptr }
};
static const struct ext2fs_feature ext2fs_rocompat_names[] = {
	{ EXT2F_ROCOMPAT_SPARSESUPER, "sparse_super" },
	{ EXT2F_ROCOMPAT_LARGEFILE, "large_file" },
	{ EXT2F_ROCOMPAT_BTREE_DIR, "btree_dir" },
	{ EXT2F_ROCOMPAT_HUGE_FILE, "huge_file" },
	{ EXT2F_ROCOMPAT_GDT_CSUM, "uninit_bg" },
	{ EXT2F_ROCOMPAT_DIR_NLINK, "dir_nlink" },
	{ EXT2F_ROCOMPAT_EXTRA_ISIZE, "extra_isize" },
	{ EXT2F_ROCOMPAT_METADATA_CKSUM, "metadata_csum" },
	{ 0, nullptr }
};

/* Print the names of the bits of `bits' (unknown ones in hex). */
static void
ext2fs_print_features(const struct ext2fs_feature *names, u_int32_t bits)
{
	for (const struct ext2fs_feature *f = names; f->name != nullptr; f++)
		if (bits & f->mask) {
			printf(" %s", f->name);
			bits &= ~f->mask;
		}
	if (bits != 0)
		printf(" %#x", bits);
	printf("\n");
}

/*
 * ext2fs_sbcheck: is the superblock fs one we can mount?  *ronlyp is
 * set if it may only be read.
 * => 0, or EINVAL with a message saying what is wrong.
 */
static int
ext2fs_sbcheck(const struct ext2fs *fs, int *ronlyp)
{
	const char *why = nullptr;
	u_int32_t bsize, ncg;

	if (fs->e2fs_magic != E2FS_MAGIC) {
		printf("ext2fs: bad magic number %#x (not ext2)\n",
		    fs->e2fs_magic);
		return EINVAL;
	}
	if (fs->e2fs_rev > E2FS_REV1) {
		printf("ext2fs: revision %u not supported\n", fs->e2fs_rev);
		return EINVAL;
	}
	if (fs->e2fs_log_bsize > LOG_MAXBSIZE - LOG_MINBSIZE) {
		printf("ext2fs: block size %u KiB not supported\n",
		    fs->e2fs_log_bsize < 16 ? 1u << fs->e2fs_log_bsize : 0);
		return EINVAL;
	}
	bsize = MINBSIZE << fs->e2fs_log_bsize;
	if (fs->e2fs_bpg == 0 || fs->e2fs_bpg > 8 * bsize)
		why = "blocks per group";
	else if (fs->e2fs_fpg != fs->e2fs_bpg)
		why = "fragments per group";
	else if (fs->e2fs_ipg == 0 || fs->e2fs_ipg > 8 * bsize)
		why = "inodes per group";
	else if (fs->e2fs_first_dblock != (bsize == 1024 ? 1u : 0u))
		why = "first data block";
	else if (fs->e2fs_bcount <= fs->e2fs_first_dblock + 1)
		why = "block count";
	else if (fs->e2fs_rev == E2FS_REV1 &&
	    (fs->e2fs_inode_size < EXT2_REV0_DINODE_SIZE ||
	    fs->e2fs_inode_size > bsize ||
	    (fs->e2fs_inode_size & (fs->e2fs_inode_size - 1)) != 0))
		why = "inode size";
	else if (fs->e2fs_rev == E2FS_REV1 && fs->e2fs_first_ino < EXT2_FIRSTINO)
		why = "first inode";
	if (why == nullptr) {
		ncg = howmany(fs->e2fs_bcount - fs->e2fs_first_dblock,
		    fs->e2fs_bpg);
		if ((u_int64_t)ncg * fs->e2fs_ipg != fs->e2fs_icount)
			why = "inode count against the number of groups";
		else if (fs->e2fs_rbcount > fs->e2fs_bcount ||
		    fs->e2fs_fbcount > fs->e2fs_bcount ||
		    fs->e2fs_ficount > fs->e2fs_icount)
			why = "free or reserved counts";
	}
	if (why != nullptr) {
		printf("ext2fs: bad superblock: %s\n", why);
		return EINVAL;
	}
	if (fs->e2fs_rev == E2FS_REV0)
		return 0;	/* no feature flags */
	u_int32_t bad = fs->e2fs_features_incompat & ~EXT2F_INCOMPAT_SUPP;
	if (bad != 0) {
		printf("ext2fs: unsupported incompat features:");
		ext2fs_print_features(ext2fs_incompat_names, bad);
		return EINVAL;
	}
	bad = fs->e2fs_features_rocompat & ~EXT2F_ROCOMPAT_SUPP;
	if (bad != 0 && !*ronlyp) {
		printf("ext2fs: unsupported ro-compat features, mounting "
		    "read-only:");
		ext2fs_print_features(ext2fs_rocompat_names, bad);
		*ronlyp = 1;
	}
	return 0;
}

/*
 * ext2fs_gdcheck: do the group descriptors name blocks of the disk?
 * => 0 or EINVAL with a message.
 */
static int
ext2fs_gdcheck(struct m_ext2fs *fs)
{
	for (int cg = 0; cg < fs->e2fs_ncg; cg++) {
		struct ext2_gd *gd = &fs->e2fs_gd[cg];
		if (!ext2fs_blkno_ok(fs, gd->ext2bgd_b_bitmap) ||
		    !ext2fs_blkno_ok(fs, gd->ext2bgd_i_bitmap) ||
		    !ext2fs_blkno_ok(fs, gd->ext2bgd_i_tables) ||
		    !ext2fs_blkno_ok(fs, gd->ext2bgd_i_tables +
		    fs->e2fs_itpg - 1) ||
		    gd->ext2bgd_nbfree > fs->e2fs.e2fs_bpg ||
		    gd->ext2bgd_nifree > fs->e2fs.e2fs_ipg) {
			printf("ext2fs: bad group descriptor %d\n", cg);
			return EINVAL;
		}
	}
	return 0;
}

/* The numbers derived from the superblock, once, at mount. */
static void
ext2fs_setup(struct m_ext2fs *fs)
{
	struct ext2fs *sb = &fs->e2fs;
	u_int64_t n, blocks;

	fs->e2fs_bsize = MINBSIZE << sb->e2fs_log_bsize;
	fs->e2fs_bshift = LOG_MINBSIZE + sb->e2fs_log_bsize;
	fs->e2fs_qbmask = fs->e2fs_bsize - 1;
	fs->e2fs_bmask = ~(fs->e2fs_bsize - 1);
	fs->e2fs_fsbtodb = sb->e2fs_log_bsize + LOG_MINBSIZE - DEV_BSHIFT;
	fs->e2fs_ncg = howmany(sb->e2fs_bcount - sb->e2fs_first_dblock,
	    sb->e2fs_bpg);
	fs->e2fs_ngdb = howmany(fs->e2fs_ncg,
	    fs->e2fs_bsize / (int)sizeof(struct ext2_gd));
	fs->e2fs_isize = sb->e2fs_rev == E2FS_REV0 ? EXT2_REV0_DINODE_SIZE :
	    sb->e2fs_inode_size;
	fs->e2fs_ipb = fs->e2fs_bsize / fs->e2fs_isize;
	fs->e2fs_itpg = howmany(sb->e2fs_ipg, fs->e2fs_ipb);
	/*
	 * The largest file: what the block pointers reach, and what
	 * i_blocks (32 bits of 512-byte sectors) can count, metadata
	 * included; revision 0 has no i_size_high.
	 */
	n = NINDIR(fs);
	blocks = NDADDR + n + n * n + n * n * n;
	fs->e2fs_maxfilesize = MIN(blocks * fs->e2fs_bsize,
	    ((u_int64_t)1 << 41) - ((u_int64_t)1 << 32));
	if (sb->e2fs_rev == E2FS_REV0)
		fs->e2fs_maxfilesize = 0x7fffffff;
}

/*
 * ext2fs_mountfs: mount the ext2 on devvp (a block device vnode,
 * referenced) as mp.
 * => process context, may sleep.  0, or an errno with the device
 *    closed again and mp untouched (EINVAL: not an ext2 we can mount).
 */
int
ext2fs_mountfs(struct vnode *devvp, struct mount *mp, struct proc *p)
{
	struct ucred *cred = p != nullptr ? p->p_ucred : NOCRED;
	struct ufsmount *ump = nullptr;
	struct m_ext2fs *fs = nullptr;
	struct buf *bp = nullptr;
	int error, ronly = (mp->mnt_flag & MNT_RDONLY) != 0, openmode;

	if ((error = vfs_mountedon(devvp)) != 0)
		return error;
	if (vcount(devvp) > 1 && devvp != rootvp)
		return EBUSY;
	if ((error = vinvalbuf(devvp, V_SAVE, cred, p, 0, 0)) != 0)
		return error;
	openmode = ronly ? FREAD : FREAD | FWRITE;
	if ((error = VOP_OPEN(devvp, openmode, FSCRED, p)) != 0)
		return error;

	error = bread(devvp, SBOFF / DEV_BSIZE, SBSIZE, &bp);
	if (error != 0)
		goto out;
	if ((error = ext2fs_sbcheck((struct ext2fs *)bp->b_data, &ronly)) != 0)
		goto out;
	ump = (struct ufsmount *)malloc(sizeof(*ump), M_UFSMNT,
	    M_WAITOK | M_ZERO);
	fs = (struct m_ext2fs *)malloc(sizeof(*fs), M_UFSMNT,
	    M_WAITOK | M_ZERO);
	ump->um_e2fs = fs;
	memcpy(&fs->e2fs, bp->b_data, SBSIZE);
	brelse(bp);
	bp = nullptr;
	ext2fs_setup(fs);
	strlcpy((char *)fs->e2fs_fsmnt, mp->mnt_stat.f_mntonname,
	    sizeof(fs->e2fs_fsmnt));

	fs->e2fs_gd = (struct ext2_gd *)malloc(fs->e2fs_ngdb * fs->e2fs_bsize,
	    M_UFSMNT, M_WAITOK);
	for (int i = 0; i < fs->e2fs_ngdb; i++) {
		error = bread(devvp, fsbtodb(fs, fs->e2fs.e2fs_first_dblock +
		    1 + i), fs->e2fs_bsize, &bp);
		if (error != 0)
			goto out;
		memcpy((char *)fs->e2fs_gd + i * fs->e2fs_bsize, bp->b_data,
		    fs->e2fs_bsize);
		brelse(bp);
		bp = nullptr;
	}
	if ((error = ext2fs_gdcheck(fs)) != 0)
		goto out;

	if (ronly)
		mp->mnt_flag |= MNT_RDONLY;
	fs->e2fs_ronly = ronly;
	mp->mnt_data = ump;
	mp->mnt_stat.f_fsid.val[0] = (int32_t)devvp->v_rdev;
	mp->mnt_stat.f_fsid.val[1] = mp->mnt_vfc != nullptr ?
	    mp->mnt_vfc->vfc_typenum : 0;
	ump->um_mountp = mp;
	ump->um_dev = devvp->v_rdev;
	ump->um_devvp = devvp;
	ump->um_nindir = NINDIR(fs);
	ump->um_bptrtodb = fs->e2fs_fsbtodb;
	devvp->v_specmountpoint = mp;

	if (!ronly) {
		/* Not clean while mounted: a crash is noticed. */
		if (!(fs->e2fs.e2fs_state & E2FS_ISCLEAN))
			printf("%s: was not cleanly unmounted; running "
			    "e2fsck is advised\n", mp->mnt_stat.f_mntfromname);
		fs->e2fs.e2fs_state &= ~E2FS_ISCLEAN;
		fs->e2fs.e2fs_mnt_count++;
		fs->e2fs.e2fs_mtime = (u_int32_t)time_second;
		if (fs->e2fs.e2fs_rev == E2FS_REV1)
			strlcpy(fs->e2fs.e2fs_fsmnt, mp->mnt_stat.f_mntonname,
			    sizeof(fs->e2fs.e2fs_fsmnt));
		fs->e2fs_fmod = 0;
		(void)ext2fs_sbupdate(ump, MNT_WAIT);
	}
	return 0;

out:
	if (bp != nullptr)
		brelse(bp);
	(void)VOP_CLOSE(devvp, openmode, NOCRED, p);
	if (ump != nullptr) {
		if (fs->e2fs_gd != nullptr)
			free(fs->e2fs_gd, M_UFSMNT, fs->e2fs_ngdb * fs->e2fs_bsize);
		free(fs, M_UFSMNT, sizeof(*fs));
		free(ump, M_UFSMNT, sizeof(*ump));
		mp->mnt_data = nullptr;
	}
	devvp->v_specmountpoint = nullptr;
	return error;
}

/*
 * ext2fs_mountroot: mount the root file system from rootdev, at boot
 * (vfs_mountroot).  The root is mounted read-write.
 * => proc0 context, may sleep.  0, or an errno with nothing left over.
 */
int
ext2fs_mountroot(void)
{
	struct mount *mp;
	struct proc *p = curproc;
	int error;

	if ((error = bdevvp(rootdev, &rootvp)) != 0) {
		printf("ext2fs_mountroot: can't set up bdevvp for rootdev\n");
		return error;
	}
	if ((error = vfs_rootmountalloc("ext2fs", "root_device", &mp)) != 0) {
		vrele(rootvp);
		rootvp = nullptr;
		return error;
	}
	mp->mnt_flag &= ~MNT_RDONLY;
	if ((error = ext2fs_mountfs(rootvp, mp, p)) != 0) {
		mp->mnt_vfc->vfc_refcount--;
		free(mp, M_MOUNT, sizeof(*mp));
		vrele(rootvp);
		rootvp = nullptr;
		return error;
	}
	mountlist.insert_tail(mp);
	(void)ext2fs_statfs(mp, &mp->mnt_stat, p);
	return 0;
}

/*
 * ext2fs_mount: mount(2): the block device named by ((struct ufs_args
 * *)data)->fspec (a kernel address, until system calls copy it in) on
 * the directory path; MNT_UPDATE switches an existing mount between
 * read-only and read-write.
 * => process context, may sleep.  ndp is the caller's scratch nameidata.
 */
static int
ext2fs_mount(struct mount *mp, const char *path, void *data,
    struct nameidata *ndp, struct proc *p)
{
	struct ufs_args *args = (struct ufs_args *)data;
	struct vnode *devvp;
	int error;

	if (mp->mnt_flag & MNT_UPDATE) {
		struct ufsmount *ump = VFSTOUFS(mp);
		struct m_ext2fs *fs = ump->um_e2fs;
		if (!fs->e2fs_ronly && (mp->mnt_flag & MNT_RDONLY)) {
			/* To read-only: push everything, mark clean. */
			int flags = (mp->mnt_flag & MNT_FORCE) ? FORCECLOSE : 0;
			if ((error = vflush(mp, nullptr, flags | WRITECLOSE)) != 0)
				return error;
			if ((error = ext2fs_sync(mp, MNT_WAIT, 0, NOCRED, p)) != 0)
				return error;
			fs->e2fs.e2fs_state |= E2FS_ISCLEAN;
			(void)ext2fs_sbupdate(ump, MNT_WAIT);
			fs->e2fs_ronly = 1;
		} else if (fs->e2fs_ronly && !(mp->mnt_flag & MNT_RDONLY)) {
			fs->e2fs_ronly = 0;
			fs->e2fs.e2fs_state &= ~E2FS_ISCLEAN;
			(void)ext2fs_sbupdate(ump, MNT_WAIT);
		}
		return 0;
	}
	if (args == nullptr || args->fspec == nullptr)
		return EINVAL;
	NDINIT(ndp, LOOKUP, FOLLOW, UIO_SYSSPACE, args->fspec, p);
	if ((error = namei(ndp)) != 0)
		return error;
	devvp = ndp->ni_vp;
	if (devvp->v_type != VBLK) {
		/* OpenBSD says ENOTBLK, which sys/errno.h does not have. */
		vrele(devvp);
		return EINVAL;
	}
	strlcpy(mp->mnt_stat.f_mntonname, path, MNAMELEN);
	strlcpy(mp->mnt_stat.f_mntfromname, args->fspec, MNAMELEN);
	if ((error = ext2fs_mountfs(devvp, mp, p)) != 0) {
		vrele(devvp);
		return error;
	}
	(void)ext2fs_statfs(mp, &mp->mnt_stat, p);
	return 0;
}

/* ext2fs_start: nothing to do once mounted. */
static int
ext2fs_start(struct mount *, int, struct proc *)
{
	return 0;
}

/*
 * ext2fs_unmount: write everything back, mark the file system clean,
 * and close the device.
 * => process context, may sleep.  EBUSY if files are in use (unless
 *    MNT_FORCE).
 */
static int
ext2fs_unmount(struct mount *mp, int mntflags, struct proc *p)
{
	struct ufsmount *ump = VFSTOUFS(mp);
	struct m_ext2fs *fs = ump->um_e2fs;
	struct vnode *devvp = ump->um_devvp;
	int error, flags = (mntflags & MNT_FORCE) ? FORCECLOSE : 0;

	/* Every file's buffers and inode are written as it is reclaimed. */
	if ((error = vflush(mp, nullptr, flags)) != 0)
		return error;
	if (!fs->e2fs_ronly) {
		/* The metadata first, the clean mark last. */
		vflushbuf(devvp, 1);
		if (!(fs->e2fs.e2fs_state & E2FS_ERRORS))
			fs->e2fs.e2fs_state |= E2FS_ISCLEAN;
		fs->e2fs.e2fs_wtime = (u_int32_t)time_second;
		if ((error = ext2fs_cgupdate(ump, MNT_WAIT)) != 0)
			printf("%s: cannot write the superblock: %d\n",
			    fs->e2fs_fsmnt, error);
	}
	devvp->v_specmountpoint = nullptr;
	if (vn_lock(devvp, LK_EXCLUSIVE | LK_RETRY) == 0) {
		error = VOP_CLOSE(devvp, fs->e2fs_ronly ? FREAD :
		    FREAD | FWRITE, NOCRED, p);
		VOP_UNLOCK(devvp);
	}
	vrele(devvp);
	free(fs->e2fs_gd, M_UFSMNT, fs->e2fs_ngdb * fs->e2fs_bsize);
	free(fs, M_UFSMNT, sizeof(*fs));
	free(ump, M_UFSMNT, sizeof(*ump));
	mp->mnt_data = nullptr;
	return error;
}

/* ext2fs_root: VFS_ROOT, the root directory, referenced, not locked. */
static int
ext2fs_root(struct mount *mp, struct vnode **vpp)
{
	return ext2fs_vget(mp, EXT2_ROOTINO, vpp);
}

/* ext2fs_statfs: VFS_STATFS, the sizes and free counts. */
static int
ext2fs_statfs(struct mount *mp, struct statfs *sbp, struct proc *)
{
	struct m_ext2fs *fs = VFSTOUFS(mp)->um_e2fs;
	u_int64_t overhead;

	/*
	 * What is not for files: the superblock and descriptor copies,
	 * the bitmaps and the inode tables (OpenBSD counts the same).
	 */
	overhead = fs->e2fs.e2fs_first_dblock +
	    (u_int64_t)fs->e2fs_ncg * (2 + fs->e2fs_itpg);
	for (int cg = 0; cg < fs->e2fs_ncg; cg++)
		if (!(fs->e2fs.e2fs_features_rocompat &
		    EXT2F_ROCOMPAT_SPARSESUPER) || cg_has_sb(cg))
			overhead += 1 + fs->e2fs_ngdb +
			    fs->e2fs.e2fs_reserved_ngdb;
	sbp->f_bsize = fs->e2fs_bsize;
	sbp->f_iosize = fs->e2fs_bsize;
	sbp->f_blocks = fs->e2fs.e2fs_bcount - overhead;
	sbp->f_bfree = fs->e2fs.e2fs_fbcount;
	sbp->f_bavail = (int64_t)fs->e2fs.e2fs_fbcount -
	    fs->e2fs.e2fs_rbcount;
	sbp->f_files = fs->e2fs.e2fs_icount;
	sbp->f_ffree = fs->e2fs.e2fs_ficount;
	sbp->f_favail = fs->e2fs.e2fs_ficount;
	sbp->f_flags = mp->mnt_flag;
	if (sbp != &mp->mnt_stat) {
		sbp->f_fsid = mp->mnt_stat.f_fsid;
		memcpy(sbp->f_fstypename, mp->mnt_stat.f_fstypename,
		    MFSNAMELEN);
		memcpy(sbp->f_mntonname, mp->mnt_stat.f_mntonname, MNAMELEN);
		memcpy(sbp->f_mntfromname, mp->mnt_stat.f_mntfromname,
		    MNAMELEN);
	}
	return 0;
}

/*
 * ext2fs_sync: VFS_SYNC.  Write back every modified inode (MNT_LAZY,
 * the syncer: into the buffer cache only; else fsync each file, waiting
 * with MNT_WAIT), the device's dirty metadata, and the superblock and
 * group descriptors if they changed.
 * => process context, may sleep; holds no vnode lock on entry.
 */
static int
ext2fs_sync(struct mount *mp, int waitfor, int, struct ucred *cred,
    struct proc *p)
{
	struct ufsmount *ump = VFSTOUFS(mp);
	struct m_ext2fs *fs = ump->um_e2fs;
	struct vnode *vp, *nvp;
	int error, allerror = 0;

	if (fs->e2fs_ronly)
		return 0;
loop:
	for (vp = mp->mnt_vnodelist.first(); vp != nullptr; vp = nvp) {
		nvp = mp->mnt_vnodelist.next(vp);
		struct inode *ip = VTOI(vp);
		if (ip == nullptr || vp->v_type == VNON || !ufs_ihashed(ip) ||
		    (vp->v_flag & VXLOCK))
			continue;
		bool modified = ip->i_flag &
		    (IN_ACCESS | IN_CHANGE | IN_MODIFIED | IN_UPDATE);
		if (!modified && (waitfor == MNT_LAZY ||
		    vp->v_dirtyblkhd.empty()))
			continue;
		if (vget(vp, 0) != 0)
			goto loop;
		int lkflags = LK_EXCLUSIVE | (waitfor == MNT_LAZY ? LK_NOWAIT : 0);
		if (vn_lock(vp, lkflags) == 0) {
			if (waitfor == MNT_LAZY)
				error = ext2fs_update(ip, 0);
			else
				error = VOP_FSYNC(vp, cred, waitfor, p);
			if (error != 0)
				allerror = error;
			VOP_UNLOCK(vp);
		}
		vrele(vp);
		/* We slept: if the next vnode left this mount, start over. */
		if (nvp != nullptr && nvp->v_mount != mp)
			goto loop;
	}

	/* The metadata on the device: bitmaps, inode tables. */
	if (waitfor != MNT_LAZY) {
		struct vnode *devvp = ump->um_devvp;
		if (vn_lock(devvp, LK_EXCLUSIVE | LK_RETRY) == 0) {
			if ((error = VOP_FSYNC(devvp, cred, waitfor, p)) != 0)
				allerror = error;
			VOP_UNLOCK(devvp);
		}
	}
	if (fs->e2fs_fmod != 0) {
		fs->e2fs_fmod = 0;
		fs->e2fs.e2fs_wtime = (u_int32_t)time_second;
		if ((error = ext2fs_cgupdate(ump, waitfor)) != 0)
			allerror = error;
	}
	return allerror;
}

/*
 * ext2fs_vget: VFS_VGET, the vnode of inode ino: from the inode hash,
 * or read from the disk into a new vnode.
 * => process context, may sleep.  No vnode lock need be held; the
 *    caller may hold its directory's.
 * => 0 and *vpp referenced, NOT locked; EINVAL for an inode number the
 *    file system does not have; EIO / EFTYPE for an inode we cannot use
 *    (with a message); ENFILE.
 */
int
ext2fs_vget(struct mount *mp, ino_t ino, struct vnode **vpp)
{
	struct ufsmount *ump = VFSTOUFS(mp);
	struct m_ext2fs *fs = ump->um_e2fs;
	struct vnode *vp;
	struct inode *ip;
	struct buf *bp;
	int error;

	*vpp = nullptr;
	if (ino < 1 || ino > fs->e2fs.e2fs_icount)
		return EINVAL;
retry:
	if ((*vpp = ufs_ihashget(ump->um_dev, ino)) != nullptr)
		return 0;
	if ((error = getnewvnode(VT_EXT2FS, mp, &ext2fs_vops, &vp)) != 0)
		return error;
	ip = (struct inode *)pool_get(&ext2fs_inode_pool, PR_WAITOK | PR_ZERO);
	ip->i_e2din = &ip->i_din;
	ip->i_vnode = vp;
	ip->i_ump = ump;
	ip->i_e2fs = fs;
	ip->i_dev = ump->um_dev;
	ip->i_number = ino;
	ip->i_lastr = -1;
	ip->i_flag = IN_LOADING;
	vp->v_data = ip;
	if (ufs_ihashins(ip) != 0) {
		/* Someone read it in while getnewvnode slept. */
		vp->v_data = nullptr;
		pool_put(&ext2fs_inode_pool, ip);
		vgone(vp);
		vrele(vp);
		goto retry;
	}

	error = bread(ump->um_devvp, fsbtodb(fs, ino_to_fsba(fs, ino)),
	    fs->e2fs_bsize, &bp);
	if (error != 0) {
		brelse(bp);
		goto fail;
	}
	memcpy(&ip->i_din, (char *)bp->b_data + ino_to_fsbo(fs, ino) *
	    EXT2_DINODE_SIZE(fs), MIN((size_t)EXT2_DINODE_SIZE(fs),
	    sizeof(ip->i_din)));
	brelse(bp);
	if ((error = ext2fs_dinode_check(fs, ino, ip->i_e2din)) != 0)
		goto fail;
	ip->i_devvp = ump->um_devvp;
	vref(ip->i_devvp);
	if ((error = ext2fs_vinit(mp, &vp)) != 0)
		goto fail;
	ufs_ihash_loaded(ip);
	*vpp = vp;
	return 0;

fail:
	ufs_ihashrem(ip);
	ufs_ihash_loaded(ip);
	if (ip->i_devvp != nullptr)
		vrele(ip->i_devvp);
	vp->v_data = nullptr;
	pool_put(&ext2fs_inode_pool, ip);
	vgone(vp);
	vrele(vp);
	return error;
}

/*
 * ext2fs_sbupdate: write the superblock (with MNT_WAIT, and wait).
 * => a vnode of the file system or the mount busy; may sleep.
 */
int
ext2fs_sbupdate(struct ufsmount *ump, int waitfor)
{
	struct m_ext2fs *fs = ump->um_e2fs;
	struct buf *bp = getblk(ump->um_devvp, SBOFF / DEV_BSIZE, SBSIZE, 0, 0);

	memcpy(bp->b_data, &fs->e2fs, SBSIZE);
	if (waitfor == MNT_WAIT)
		return bwrite(bp);
	bawrite(bp);
	return 0;
}

/*
 * ext2fs_cgupdate: write the superblock and the group descriptors.
 * => as ext2fs_sbupdate.
 */
int
ext2fs_cgupdate(struct ufsmount *ump, int waitfor)
{
	struct m_ext2fs *fs = ump->um_e2fs;
	int error, allerror = ext2fs_sbupdate(ump, waitfor);

	for (int i = 0; i < fs->e2fs_ngdb; i++) {
		struct buf *bp = getblk(ump->um_devvp, fsbtodb(fs,
		    fs->e2fs.e2fs_first_dblock + 1 + i), fs->e2fs_bsize, 0, 0);
		memcpy(bp->b_data, (char *)fs->e2fs_gd + i * fs->e2fs_bsize,
		    fs->e2fs_bsize);
		if (waitfor == MNT_WAIT) {
			if ((error = bwrite(bp)) != 0)
				allerror = error;
		} else
			bawrite(bp);
	}
	return allerror;
}

/*
 * ext2fs_init: VFS init, once at boot (vfsinit): the inode pool and
 * hash.
 */
static int
ext2fs_init(struct vfsconf *)
{
	static bool done;

	if (done)
		return 0;
	done = true;
	pool_init(&ext2fs_inode_pool, sizeof(struct inode), 0, IPL_NONE, 0,
	    "ext2inopl", nullptr);
	ufs_ihashinit();
	return 0;
}
