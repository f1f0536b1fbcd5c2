/*
 * <sys/namei.h>: turning a path name into a vnode.
 *
 * namei(ndp) walks a path one component at a time, calling VOP_LOOKUP
 * in each directory (kern/vfs_lookup.cc).  The caller describes the walk
 * in a struct nameidata: the path and where it lives (ni_dirp,
 * ni_segflg), what it will do with the last component (cn_nameiop:
 * LOOKUP, CREATE, DELETE, RENAME) and flags saying which vnodes it wants
 * back and locked.  The file system sees only the struct componentname
 * of the component at hand (namei(9), VOP_LOOKUP(9)).
 *
 * What namei returns, by flag (our protocol; see sys/vnode.h on locks):
 *  - ni_vp: the vnode the path names, referenced; locked with LOCKLEAF.
 *    For CREATE (and RENAME's target) it may be null: the last name
 *    does not exist, and ni_dvp is where it would be made.
 *  - ni_dvp: with LOCKPARENT, the directory holding the last component,
 *    referenced and locked; with WANTPARENT, referenced only; otherwise
 *    not returned (null).
 * On error, nothing is held and ni_vp and ni_dvp are null.
 *
 * The path buffer: a LOOKUP frees it before namei returns.  CREATE,
 * DELETE and RENAME are followed by a VOP that still reads the last
 * name (cn_nameptr), so they must pass SAVENAME and call namei_free()
 * after that VOP (OpenBSD frees it inside the file system instead).
 */
#ifndef _SYS_NAMEI_H_
#define _SYS_NAMEI_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/uio.h>

#define MAXPATHLEN	1024	/* a whole path, with its NUL */
#define MAXSYMLINKS	32	/* symbolic links followed in one lookup */
#define NAME_MAX	255	/* one component */

struct componentname {
	u_long		cn_nameiop;	/* LOOKUP, CREATE, DELETE, RENAME */
	u_long		cn_flags;	/* the flags below */
	struct proc	*cn_proc;	/* who looks */
	struct ucred	*cn_cred;	/* with what credentials */
	char		*cn_pnbuf;	/* the path, copied in (MAXPATHLEN) */
	char		*cn_nameptr;	/* this component, in cn_pnbuf */
	long		cn_namelen;	/* its length */
	long		cn_consume;	/* (unused) */
};

struct nameidata {
	const char	*ni_dirp;	/* the path as the caller gave it */
	enum uio_seg	ni_segflg;	/* in user or kernel space */
	struct vnode	*ni_startdir;	/* relative paths start here */
	struct vnode	*ni_rootdir;	/* `/' and `..' stop here */
	struct vnode	*ni_vp;		/* result: see above */
	struct vnode	*ni_dvp;	/* result: see above */
	size_t		ni_pathlen;	/* what is left of the path */
	char		*ni_next;	/* the rest after this component */
	u_long		ni_loopcnt;	/* symbolic links followed */
	struct componentname ni_cnd;
};

/* cn_nameiop */
#define LOOKUP		0	/* find the file */
#define CREATE		1	/* set up to make it */
#define DELETE		2	/* set up to remove it */
#define RENAME		3	/* set up to rename to it */
#define OPMASK		3

/* cn_flags the caller sets, OpenBSD's values */
#define LOCKLEAF	0x0004	/* return ni_vp locked */
#define LOCKPARENT	0x0008	/* return ni_dvp locked */
#define WANTPARENT	0x0010	/* return ni_dvp referenced */
#define NOCACHE		0x0020	/* do not enter the name in the cache */
#define FOLLOW		0x0040	/* follow a symbolic link at the end */
#define NOFOLLOW	0x0000	/* do not (the default) */
#define MODMASK		0x00fc
#define SAVENAME	0x000800 /* keep cn_pnbuf: caller frees it */
#define REQUIREDIR	0x080000 /* the last component must be a dir */
#define STRIPSLASHES	0x100000 /* "a/" names "a" (mkdir, rmdir) */

/* cn_flags namei sets for VOP_LOOKUP */
#define ISDOTDOT	0x002000 /* this component is `..' */
#define MAKEENTRY	0x004000 /* the file system may cache the result */
#define ISLASTCN	0x008000 /* this is the last component */
#define ISSYMLINK	0x010000 /* the result is a symbolic link */
#define HASBUF		0x000400 /* cn_pnbuf is allocated */

/* NDINIT: fill in a nameidata before namei. */
inline void
NDINIT(struct nameidata *ndp, u_long op, u_long flags, enum uio_seg segflg,
    const char *namep, struct proc *p)
{
	ndp->ni_cnd.cn_nameiop = op;
	ndp->ni_cnd.cn_flags = flags;
	ndp->ni_segflg = segflg;
	ndp->ni_dirp = namep;
	ndp->ni_cnd.cn_proc = p;
	ndp->ni_startdir = nullptr;
	ndp->ni_vp = ndp->ni_dvp = nullptr;
}

__BEGIN_DECLS
struct vnode;
[[nodiscard]] int namei(struct nameidata *ndp);
void	namei_free(struct nameidata *ndp);	/* the SAVENAME buffer */
[[nodiscard]] int vfs_lookup(struct nameidata *ndp);
[[nodiscard]] int relookup(struct vnode *dvp, struct vnode **vpp,
	    struct componentname *cnp);

/* kern/vfs_cache.cc: the name cache (namecache(9)). */
void	nchinit(void);
int	cache_lookup(struct vnode *dvp, struct vnode **vpp,
	    struct componentname *cnp);
void	cache_enter(struct vnode *dvp, struct vnode *vp,
	    struct componentname *cnp);
void	cache_purge(struct vnode *vp);
void	cache_purgevfs(struct mount *mp);

struct nchstats {
	int64_t	ncs_goodhits;	/* hits that we can really use */
	int64_t	ncs_neghits;	/* negative hits */
	int64_t	ncs_badhits;	/* hits on a reused vnode */
	int64_t	ncs_miss;	/* misses */
	int64_t	ncs_enters;	/* entries made */
};
extern struct nchstats nchstats;
__END_DECLS

#endif /* !_SYS_NAMEI_H_ */
