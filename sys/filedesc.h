/*
 * <sys/filedesc.h>: a process's view of the file tree and its open
 * files (OpenBSD's sys/sys/filedesc.h).
 *
 * Each process has a struct filedesc (ps_fd): its current directory
 * (fd_cdir), its root (fd_rdir, for chroot; null means the real root),
 * its file creation mask (fd_cmask), and the descriptor table: file
 * descriptor i is fd_ofiles[i], a struct file (sys/file.h) or null, with
 * its own flags in fd_ofileflags[i] (UF_EXCLOSE: close it at execve).
 *
 * The table starts with NDFILE slots inside struct filedesc0 itself and
 * grows (fdexpand, doubling) up to NOFILE_MAX.  A bitmap, fd_lomap,
 * marks the slots in use, including ones reserved by falloc for a file
 * still being opened; fd_freefile is a hint (no slot below it is free)
 * and fd_lastfile the highest slot in use, so that fork and exit walk
 * only what is used.
 *
 *	fd_ofiles:     [0] [1] [2] [3] [4] ...
 *	                |   |   |   |
 *	                v   v   v   v
 *	              console   pipe end
 *
 * namei starts relative paths at fd_cdir and stops `..' at fd_rdir.
 * Kernel threads share proc0's filedesc (fdshare, fd_refcnt); fork gives
 * a user process a copy (fdcopy) whose slots point at the same files,
 * each referenced once more, so parent and child share offsets.
 *
 * Protection: [K] kernel lock (sys/vnode.h explains why that is enough).
 */
#ifndef _SYS_FILEDESC_H_
#define _SYS_FILEDESC_H_

#include <sys/cdefs.h>
#include <sys/types.h>

struct file;
struct proc;
struct vnode;

#define NDFILE		20	/* slots in a new table (OpenBSD's) */
#define NDENTRIES	32	/* bits in one fd_lomap word */
#define NDLOSLOTS(x)	(((x) + NDENTRIES - 1) / NDENTRIES)

/*
 * The most descriptors a table holds: the hard RLIMIT_NOFILE at most
 * (sys/resource.h); fd_limit() gives a process's own soft limit.
 */
#ifndef NOFILE_MAX
#define NOFILE_MAX	128
#endif

struct filedesc {
	struct file	**fd_ofiles;	/* [K] the open files, by descriptor */
	char		*fd_ofileflags;	/* [K] UF_* per descriptor */
	u_int		*fd_lomap;	/* [K] bit per descriptor: in use */
	struct vnode	*fd_cdir;	/* [K] current directory, referenced */
	struct vnode	*fd_rdir;	/* [K] root directory, or null */
	int		fd_nfiles;	/* [K] slots in the arrays */
	int		fd_lastfile;	/* [K] highest slot in use, or -1 */
	int		fd_freefile;	/* [K] no free slot below this */
	int		fd_openfd;	/* [K] slots in use */
	u_int		fd_refcnt;	/* [K] processes sharing it */
	mode_t		fd_cmask;	/* [K] file creation mask (umask) */
};

/*
 * The first NDFILE slots come with the table: most processes never
 * need more, and fork copies one allocation.
 */
struct filedesc0 {
	struct filedesc	fd_fd;
	struct file	*fd_dfiles[NDFILE];
	char		fd_dfileflags[NDFILE];
	u_int		fd_dlomap[NDLOSLOTS(NDFILE)];
};

/* fd_ofileflags */
#define UF_EXCLOSE	0x01	/* close on execve */

#define CMASK	022		/* the default umask */

#ifdef _KERNEL
__BEGIN_DECLS
/* kern/kern_descrip.cc */
struct filedesc *fdinit(void);
struct filedesc *fdshare(struct filedesc *fdp);
struct filedesc *fdcopy(struct filedesc *fdp);
void	fdfree(struct filedesc *fdp);
void	fdcloseexec(struct proc *p);
[[nodiscard]] int fdalloc(struct proc *p, int want, int *result);
void	fdexpand(struct proc *p);
[[nodiscard]] int falloc(struct proc *p, struct file **resultfp,
	    int *resultfd);
void	fdinsert(struct filedesc *fdp, int fd, int flags, struct file *fp);
void	fdremove(struct filedesc *fdp, int fd);
int	fdrelease(struct proc *p, int fd);
struct file *fd_getfile(struct filedesc *fdp, int fd);
struct file *fd_getfile_mode(struct filedesc *fdp, int fd, int mode);
[[nodiscard]] int getvnode(struct proc *p, int fd, struct file **fpp);
int	fd_limit(struct proc *p);
__END_DECLS
#endif /* _KERNEL */

#endif /* !_SYS_FILEDESC_H_ */
