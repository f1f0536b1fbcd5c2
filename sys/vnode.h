/*
 * <sys/vnode.h>: the vnode, the kernel's handle on a file.
 *
 * Every file the kernel works with, whatever file system holds it, is a
 * struct vnode: its type (regular file, directory, device, link), a
 * reference count, the mount it belongs to, and a table of operations
 * (v_op) through which the rest of the kernel reaches the file system.
 * The file system hangs its own per-file data (for ext2 the in-memory
 * inode, ufs/ufs/inode.h) off v_data.  Callers never call ext2fs_read
 * directly: they call VOP_READ(vp, ...), which looks up vop_read in
 * vp->v_op, so a second file system is a second table, not a change to
 * its callers.  The VOP_* functions are in kern/vfs_vops.cc; each packs
 * its arguments into a struct vop_*_args and calls the table's entry
 * with a pointer to it, exactly as OpenBSD (vnode(9), VOP_LOOKUP(9)).
 *
 * References and the vnode cache (kern/vfs_subr.cc).  v_usecount counts
 * the references: a name lookup, an open file, a current directory each
 * hold one (vref, vget; vrele and vput drop one).  A vnode whose count
 * falls to zero is told so (VOP_INACTIVE: an unlinked file is freed
 * here) and goes on the free list, still naming its file, so the next
 * lookup of that file finds it cached; getnewvnode takes the oldest free
 * one, has its file system forget it (VOP_RECLAIM), and reuses it.
 *
 * Locks.  Each vnode has a sleep lock (VOP_LOCK, VOP_UNLOCK) that
 * serialises the operations that change the file.  Our protocol is
 * simpler than OpenBSD's and close to xv6's: VOP_LOOKUP is called with
 * the directory locked, leaves it locked, and returns the vnode it found
 * referenced but NOT locked; namei then drops the directory's lock
 * before it locks the next one.  So no thread ever holds a vnode's lock
 * while it waits for its parent's, and `..' cannot deadlock.  Where an
 * operation needs two locks (remove, the last step of create), it takes
 * the parent's, then the child's.  See kern/vfs_lookup.cc.
 *
 * Protection: [I] set when the vnode is made; [v] the vnode's lock;
 * [K] kernel lock (we have one CPU and no preemption in the kernel, so
 * code between two sleeps runs alone; the lists are changed at no IPL
 * because no interrupt handler touches them).
 */
#ifndef _SYS_VNODE_H_
#define _SYS_VNODE_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/queue.h>
#include <sys/buf.h>
#include <sys/rwlock.h>
#include <sys/time.h>
#include <sys/uio.h>

struct buf;
struct componentname;
struct mount;
struct proc;
struct specinfo;
struct ucred;
struct uio;
struct vattr;
struct vops;

/* Vnode types, OpenBSD's order: VNON = no type. */
enum vtype { VNON, VREG, VDIR, VBLK, VCHR, VLNK, VSOCK, VFIFO, VBAD };

/* Which file system owns the vnode (for ddb and debugging). */
enum vtagtype { VT_NON, VT_UFS, VT_NFS, VT_MFS, VT_MSDOSFS, VT_PORTAL,
	VT_PROCFS, VT_AFS, VT_ISOFS, VT_ADOSFS, VT_EXT2FS, VT_VFS };

struct vnode {
	const struct vops *v_op;	/* [v] operations (VOP_*) */
	enum vtype	v_type;		/* [v] VREG, VDIR, ... */
	enum vtagtype	v_tag;		/* [v] which file system */
	u_int		v_flag;		/* [K] V* below */
	u_int		v_usecount;	/* [K] references */
	u_int		v_writecount;	/* [K] opens for writing */
	u_int		v_id;		/* [K] changes when reused (namecache) */
	struct mount	*v_mount;	/* [K] the mount it belongs to */
	tailq_entry<vnode> v_freelist;	/* [K] on the free list */
	tailq_entry<vnode> v_mntvnodes;	/* [K] on its mount's list */
	buflists	v_cleanblkhd;	/* [B] clean buffers of this vnode */
	buflists	v_dirtyblkhd;	/* [B] dirty buffers of this vnode */
	u_int		v_numoutput;	/* [B] writes in progress */
	struct rwlock	v_lock;		/* the sleep lock of VOP_LOCK */
	union {
		struct mount	*vu_mountedhere; /* [K] VDIR: mounted here */
		struct specinfo	*vu_specinfo;	/* [K] VBLK, VCHR: device */
	} v_un;
	void		*v_data;	/* [v] the file system's (inode) */
};
#define v_mountedhere	v_un.vu_mountedhere
#define v_specinfo	v_un.vu_specinfo

/* v_flag */
#define VROOT		0x0001	/* root of its file system */
#define VTEXT		0x0002	/* a program's text is mapped from it */
#define VSYSTEM		0x0004	/* the kernel's own (a mounted device) */
#define VISTTY		0x0008	/* a terminal */
#define VXLOCK		0x0100	/* being reclaimed: wait, then retry */
#define VXWANT		0x0200	/* someone waits for VXLOCK to clear */
#define VBIOWAIT	0x0400	/* someone waits for v_numoutput == 0 */
#define VONFREELIST	0x0800	/* on the free list */

#define VNODE_FLAGBITS "\20\001ROOT\002TEXT\003SYSTEM\004ISTTY" \
    "\011XLOCK\012XWANT\013BIOWAIT\014ONFREELIST"

/*
 * Attributes of a file, as VOP_GETATTR reports them and VOP_SETATTR
 * takes them: VOP_SETATTR changes only the fields that are not VNOVAL.
 */
struct vattr {
	enum vtype	va_type;	/* file type */
	mode_t		va_mode;	/* permission bits (and setuid ...) */
	nlink_t		va_nlink;	/* hard links */
	uid_t		va_uid;		/* owner */
	gid_t		va_gid;		/* group */
	long		va_fsid;	/* the device the fs lives on */
	u_quad_t	va_fileid;	/* inode number */
	u_quad_t	va_size;	/* bytes */
	long		va_blocksize;	/* the fs block size */
	struct timespec	va_atime;	/* last access */
	struct timespec	va_mtime;	/* last change of the contents */
	struct timespec	va_ctime;	/* last change of the inode */
	u_long		va_gen;		/* generation number */
	u_long		va_flags;	/* chflags(2) flags */
	dev_t		va_rdev;	/* VBLK, VCHR: the device */
	u_quad_t	va_bytes;	/* bytes of disk it holds */
	u_int		va_vaflags;	/* VA_* below */
};
#define VNOVAL		(-1)
#define VA_UTIMES_NULL	0x01	/* utimes(2) with a null argument */

/* ioflag argument of VOP_READ and VOP_WRITE. */
#define IO_UNIT		0x01	/* all or nothing */
#define IO_APPEND	0x02	/* append to the end */
#define IO_SYNC		0x04	/* on the disk before returning */
#define IO_NODELOCKED	0x08	/* the caller holds the vnode's lock */
#define IO_NDELAY	0x10	/* do not block (FNONBLOCK) */

/* Modes for VOP_ACCESS: the permission bits of the owner. */
#define VREAD		00400
#define VWRITE		00200
#define VEXEC		00100

/* VOP_LOCK flags, OpenBSD's names. */
#define LK_SHARED	0x0001
#define LK_EXCLUSIVE	0x0002
#define LK_NOWAIT	0x0040
#define LK_RETRY	0x2000	/* vn_lock: lock even if being reclaimed */

/* VOP_FSYNC and VFS_SYNC waitfor */
#define MNT_WAIT	1	/* wait for the writes to end */
#define MNT_NOWAIT	2	/* start them */
#define MNT_LAZY	3	/* the syncer's: start the old ones */

/* Flags of vflush. */
#define SKIPSYSTEM	0x0001	/* leave VSYSTEM vnodes */
#define FORCECLOSE	0x0002	/* reclaim active vnodes too */
#define WRITECLOSE	0x0004	/* only those open for writing */

/* Flags of vinvalbuf. */
#define V_SAVE		0x0001	/* write dirty buffers first */

/*
 * The argument blocks of the vnode operations.  Each begins with the
 * vnode whose table is used; see the VOP_* functions for what each
 * operation promises.
 */
struct vop_generic_args { struct vnode *a_vp; };
struct vop_lookup_args {
	struct vnode *a_dvp; struct vnode **a_vpp;
	struct componentname *a_cnp;
};
struct vop_create_args {
	struct vnode *a_dvp; struct vnode **a_vpp;
	struct componentname *a_cnp; struct vattr *a_vap;
};
struct vop_mknod_args {
	struct vnode *a_dvp; struct vnode **a_vpp;
	struct componentname *a_cnp; struct vattr *a_vap;
};
struct vop_mkdir_args {
	struct vnode *a_dvp; struct vnode **a_vpp;
	struct componentname *a_cnp; struct vattr *a_vap;
};
struct vop_open_args {
	struct vnode *a_vp; int a_mode; struct ucred *a_cred;
	struct proc *a_p;
};
struct vop_close_args {
	struct vnode *a_vp; int a_fflag; struct ucred *a_cred;
	struct proc *a_p;
};
struct vop_access_args {
	struct vnode *a_vp; int a_mode; struct ucred *a_cred;
	struct proc *a_p;
};
struct vop_getattr_args {
	struct vnode *a_vp; struct vattr *a_vap; struct ucred *a_cred;
	struct proc *a_p;
};
struct vop_setattr_args {
	struct vnode *a_vp; struct vattr *a_vap; struct ucred *a_cred;
	struct proc *a_p;
};
struct vop_read_args {
	struct vnode *a_vp; struct uio *a_uio; int a_ioflag;
	struct ucred *a_cred;
};
struct vop_write_args {
	struct vnode *a_vp; struct uio *a_uio; int a_ioflag;
	struct ucred *a_cred;
};
struct vop_ioctl_args {
	struct vnode *a_vp; u_long a_command; void *a_data; int a_fflag;
	struct ucred *a_cred; struct proc *a_p;
};
struct vop_fsync_args {
	struct vnode *a_vp; struct ucred *a_cred; int a_waitfor;
	struct proc *a_p;
};
struct vop_remove_args {
	struct vnode *a_dvp; struct vnode *a_vp; struct componentname *a_cnp;
};
struct vop_rmdir_args {
	struct vnode *a_dvp; struct vnode *a_vp; struct componentname *a_cnp;
};
struct vop_link_args {
	struct vnode *a_dvp; struct vnode *a_vp; struct componentname *a_cnp;
};
struct vop_rename_args {
	struct vnode *a_fdvp; struct vnode *a_fvp;
	struct componentname *a_fcnp;
	struct vnode *a_tdvp; struct vnode *a_tvp;
	struct componentname *a_tcnp;
};
struct vop_symlink_args {
	struct vnode *a_dvp; struct vnode **a_vpp;
	struct componentname *a_cnp; struct vattr *a_vap; char *a_target;
};
struct vop_readdir_args {
	struct vnode *a_vp; struct uio *a_uio; struct ucred *a_cred;
	int *a_eofflag;
};
struct vop_readlink_args {
	struct vnode *a_vp; struct uio *a_uio; struct ucred *a_cred;
};
struct vop_inactive_args { struct vnode *a_vp; struct proc *a_p; };
struct vop_reclaim_args { struct vnode *a_vp; struct proc *a_p; };
struct vop_lock_args { struct vnode *a_vp; int a_flags; };
struct vop_unlock_args { struct vnode *a_vp; int a_flags; };
struct vop_islocked_args { struct vnode *a_vp; };
struct vop_bmap_args {
	struct vnode *a_vp; daddr_t a_bn; struct vnode **a_vpp;
	daddr_t *a_bnp; int *a_runp;
};
struct vop_strategy_args { struct vnode *a_vp; struct buf *a_bp; };
struct vop_print_args { struct vnode *a_vp; };

/*
 * The operations table.  A file system fills in every entry it supports;
 * an entry it leaves null makes the VOP_* call fail with EOPNOTSUPP.
 */
struct vops {
	int	(*vop_lookup)(void *);
	int	(*vop_create)(void *);
	int	(*vop_mknod)(void *);
	int	(*vop_open)(void *);
	int	(*vop_close)(void *);
	int	(*vop_access)(void *);
	int	(*vop_getattr)(void *);
	int	(*vop_setattr)(void *);
	int	(*vop_read)(void *);
	int	(*vop_write)(void *);
	int	(*vop_ioctl)(void *);
	int	(*vop_fsync)(void *);
	int	(*vop_remove)(void *);
	int	(*vop_link)(void *);
	int	(*vop_rename)(void *);
	int	(*vop_mkdir)(void *);
	int	(*vop_rmdir)(void *);
	int	(*vop_symlink)(void *);
	int	(*vop_readdir)(void *);
	int	(*vop_readlink)(void *);
	int	(*vop_inactive)(void *);
	int	(*vop_reclaim)(void *);
	int	(*vop_lock)(void *);
	int	(*vop_unlock)(void *);
	int	(*vop_islocked)(void *);
	int	(*vop_bmap)(void *);
	int	(*vop_strategy)(void *);
	int	(*vop_print)(void *);
};

extern const struct vops spec_vops;	/* miscfs/specfs: device files */
extern const struct vops dead_vops;	/* a reclaimed vnode's */

extern struct vnode *rootvnode;		/* [K] the root directory */

__BEGIN_DECLS
/* kern/vfs_vops.cc: the calls into the tables. */
int	VOP_LOOKUP(struct vnode *dvp, struct vnode **vpp,
	    struct componentname *cnp);
int	VOP_CREATE(struct vnode *dvp, struct vnode **vpp,
	    struct componentname *cnp, struct vattr *vap);
int	VOP_MKNOD(struct vnode *dvp, struct vnode **vpp,
	    struct componentname *cnp, struct vattr *vap);
int	VOP_OPEN(struct vnode *vp, int mode, struct ucred *cred,
	    struct proc *p);
int	VOP_CLOSE(struct vnode *vp, int fflag, struct ucred *cred,
	    struct proc *p);
int	VOP_ACCESS(struct vnode *vp, int mode, struct ucred *cred,
	    struct proc *p);
int	VOP_GETATTR(struct vnode *vp, struct vattr *vap, struct ucred *cred,
	    struct proc *p);
int	VOP_SETATTR(struct vnode *vp, struct vattr *vap, struct ucred *cred,
	    struct proc *p);
int	VOP_READ(struct vnode *vp, struct uio *uio, int ioflag,
	    struct ucred *cred);
int	VOP_WRITE(struct vnode *vp, struct uio *uio, int ioflag,
	    struct ucred *cred);
int	VOP_IOCTL(struct vnode *vp, u_long command, void *data, int fflag,
	    struct ucred *cred, struct proc *p);
int	VOP_FSYNC(struct vnode *vp, struct ucred *cred, int waitfor,
	    struct proc *p);
int	VOP_REMOVE(struct vnode *dvp, struct vnode *vp,
	    struct componentname *cnp);
int	VOP_LINK(struct vnode *dvp, struct vnode *vp,
	    struct componentname *cnp);
int	VOP_RENAME(struct vnode *fdvp, struct vnode *fvp,
	    struct componentname *fcnp, struct vnode *tdvp, struct vnode *tvp,
	    struct componentname *tcnp);
int	VOP_MKDIR(struct vnode *dvp, struct vnode **vpp,
	    struct componentname *cnp, struct vattr *vap);
int	VOP_RMDIR(struct vnode *dvp, struct vnode *vp,
	    struct componentname *cnp);
int	VOP_SYMLINK(struct vnode *dvp, struct vnode **vpp,
	    struct componentname *cnp, struct vattr *vap, char *target);
int	VOP_READDIR(struct vnode *vp, struct uio *uio, struct ucred *cred,
	    int *eofflag);
int	VOP_READLINK(struct vnode *vp, struct uio *uio, struct ucred *cred);
int	VOP_INACTIVE(struct vnode *vp, struct proc *p);
int	VOP_RECLAIM(struct vnode *vp, struct proc *p);
int	VOP_LOCK(struct vnode *vp, int flags);
int	VOP_UNLOCK(struct vnode *vp);
int	VOP_ISLOCKED(struct vnode *vp);
int	VOP_BMAP(struct vnode *vp, daddr_t bn, struct vnode **vpp,
	    daddr_t *bnp, int *runp);
int	VOP_STRATEGY(struct vnode *vp, struct buf *bp);
int	VOP_PRINT(struct vnode *vp);

/* kern/vfs_subr.cc: the vnode cache and references. */
void	vntblinit(void);
[[nodiscard]] int getnewvnode(enum vtagtype tag, struct mount *mp,
	    const struct vops *vops, struct vnode **vpp);
void	insmntque(struct vnode *vp, struct mount *mp);
[[nodiscard]] int vget(struct vnode *vp, int flags);
void	vref(struct vnode *vp);
void	vrele(struct vnode *vp);
void	vput(struct vnode *vp);
void	vgone(struct vnode *vp);
[[nodiscard]] int vflush(struct mount *mp, struct vnode *skipvp, int flags);
[[nodiscard]] int vinvalbuf(struct vnode *vp, int flags, struct ucred *cred,
	    struct proc *p, int slpflag, int slptimeo);
void	vflushbuf(struct vnode *vp, int sync);
void	vwakeup(struct vnode *vp);
[[nodiscard]] int vn_lock(struct vnode *vp, int flags);
void	vattr_null(struct vattr *vap);
[[nodiscard]] int vaccess(enum vtype type, mode_t file_mode, uid_t uid,
	    gid_t gid, mode_t acc_mode, struct ucred *cred);
[[nodiscard]] int bdevvp(dev_t dev, struct vnode **vpp);
struct vnode *checkalias(struct vnode *vp, dev_t nvp_rdev,
	    struct mount *mp);
int	vcount(struct vnode *vp);
void	vprint(const char *label, struct vnode *vp);
void	vfs_show_vnodes(int (*pr)(const char *, ...));
extern int numvnodes, maxvnodes;

/* Generic operations any table may use (kern/vfs_default.cc). */
int	vop_generic_lock(void *);
int	vop_generic_unlock(void *);
int	vop_generic_islocked(void *);
int	vop_generic_bmap(void *);
int	vop_generic_abortop(void *);
int	eopnotsupp(void *);
int	nullop(void *);
__END_DECLS

__BEGIN_DECLS
/* kern/vfs_vnops.cc: the vnode layer's services to the rest. */
struct nameidata;
struct stat;
[[nodiscard]] int vn_open(struct nameidata *ndp, int fmode, int cmode);
int	vn_close(struct vnode *vp, int flags, struct ucred *cred,
	    struct proc *p);
[[nodiscard]] int vn_rdwr(enum uio_rw rw, struct vnode *vp, caddr_t base,
	    int len, off_t offset, enum uio_seg segflg, int ioflg,
	    struct ucred *cred, size_t *aresid, struct proc *p);
[[nodiscard]] int vn_stat(struct vnode *vp, struct stat *sb, struct proc *p);
__END_DECLS

#endif /* !_SYS_VNODE_H_ */
