/*
 * <sys/filedesc.h>: a process's view of the file tree and its open files.
 *
 * Each process has a struct filedesc (ps_fd): its current directory
 * (fd_cdir), its root (fd_rdir, for chroot; null means the real root),
 * and its file creation mask (fd_cmask).  namei starts relative paths at
 * fd_cdir and stops `..' at fd_rdir.  The table of open descriptors
 * (struct file pointers, close-on-exec flags) joins it with the
 * user-space issue, which makes open(2) and friends; its shape follows
 * OpenBSD's, so it is shared by threads and copied by fork (fdcopy).
 *
 * Protection: [K] kernel lock (sys/vnode.h explains why that is enough).
 */
#ifndef _SYS_FILEDESC_H_
#define _SYS_FILEDESC_H_

#include <sys/cdefs.h>
#include <sys/types.h>

struct vnode;

struct filedesc {
	struct vnode	*fd_cdir;	/* [K] current directory, referenced */
	struct vnode	*fd_rdir;	/* [K] root directory, or null */
	u_int		fd_refcnt;	/* [K] processes sharing it */
	mode_t		fd_cmask;	/* [K] file creation mask (umask) */
};

#define CMASK	022		/* the default umask */

__BEGIN_DECLS
struct filedesc *fdinit(void);
struct filedesc *fdshare(struct filedesc *fdp);
struct filedesc *fdcopy(struct filedesc *fdp);
void	fdfree(struct filedesc *fdp);
__END_DECLS

#endif /* !_SYS_FILEDESC_H_ */
