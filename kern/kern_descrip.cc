/*
 * kern_descrip.cc: open files and descriptor tables (OpenBSD's
 * sys/kern/kern_descrip.c).
 *
 * Two structures (sys/file.h, sys/filedesc.h):
 *
 *  - struct file, one per open(2) or per end of a pipe(2): the mode,
 *    the offset, the credentials and what the file is (f_ops, f_data).
 *    It is counted (f_count): each descriptor that points at it and each
 *    system call working on it holds a reference; the last FRELE closes
 *    it (fdrop -> fo_close) and returns it to file_pool.
 *  - struct filedesc, one per process: the table from descriptor numbers
 *    to files, with a close-on-exec flag per slot, and the directories
 *    namei starts from.
 *
 * Opening is two steps so that no other thread sees a half-made file:
 * falloc reserves the lowest free slot and makes the file; the caller
 * sets it up (vn_open, the pipe) and then fdinsert puts it in the slot,
 * or on failure fdremove gives the slot back.  A system call that uses a
 * descriptor takes its own reference with fd_getfile and drops it with
 * FRELE at the end: a close(2) meanwhile (by another thread sharing the
 * table) only removes the slot.
 *
 * Also here: the descriptor system calls, dup, dup2, fcntl, close and
 * fstat.  The table's life: fdinit (proc0), fdcopy (fork), fdshare
 * (kernel threads), fdcloseexec (execve), fdfree (exit).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/filio.h>
#include <sys/malloc.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/vnode.h>
#include <machine/intr.h>

#include <sys/resource.h>
#include <uvm/uvm_extern.h>

#include <sys/select.h>		/* fd_set: <sys/syscallargs.h> */
#include <sys/signal.h>		/* sigset_t, clockid_t: <sys/syscallargs.h> */
#include <sys/syscallargs.h>

list_head<file, &file::f_list> filehead;
int numfiles;
int maxfiles = 1024;

static struct pool file_pool;		/* struct file */
static bool filedesc_ready;

/*
 * filedesc_init: the pool files come from.  Called by the first fdinit
 * (proc0's, from procinit), before any file can be opened.
 */
static void
filedesc_init(void)
{
	pool_init(&file_pool, sizeof(struct file), 0, IPL_NONE, 0, "filepl",
	    nullptr);
	filedesc_ready = true;
}

/* The bitmap of slots in use: one bit per descriptor. */
static inline bool
fd_inuse(struct filedesc *fdp, int fd)
{
	return fdp->fd_lomap[fd / NDENTRIES] & (1U << (fd % NDENTRIES));
}

/*
 * fd_used: slot fd is taken (by a file, or reserved by falloc); keep
 * fd_lastfile up to date.
 */
static void
fd_used(struct filedesc *fdp, int fd)
{
	KASSERT(!fd_inuse(fdp, fd));
	fdp->fd_lomap[fd / NDENTRIES] |= 1U << (fd % NDENTRIES);
	if (fd > fdp->fd_lastfile)
		fdp->fd_lastfile = fd;
	fdp->fd_openfd++;
}

/* fd_unused: slot fd is free again; the hints follow. */
static void
fd_unused(struct filedesc *fdp, int fd)
{
	KASSERT(fd_inuse(fdp, fd));
	fdp->fd_lomap[fd / NDENTRIES] &= ~(1U << (fd % NDENTRIES));
	if (fd < fdp->fd_freefile)
		fdp->fd_freefile = fd;
	if (fd == fdp->fd_lastfile) {
		int i = fd - 1;
		while (i >= 0 && !fd_inuse(fdp, i))
			i--;
		fdp->fd_lastfile = i;
	}
	fdp->fd_openfd--;
}

/*
 * fd_limit: how many descriptors p may have: its RLIMIT_NOFILE, within
 * what a table can hold (NOFILE_MAX) and the system's maxfiles.
 */
int
fd_limit(struct proc *p)
{
	rlim_t lim = lim_cur(p, RLIMIT_NOFILE);

	return (int)MIN(lim, (rlim_t)MIN(NOFILE_MAX, maxfiles));
}

/*
 * fd_getfile: the open file of descriptor fd, with a reference for the
 * caller (FRELE it when done), or null if fd is not open.
 */
struct file *
fd_getfile(struct filedesc *fdp, int fd)
{
	if (fd < 0 || fd >= fdp->fd_nfiles)
		return nullptr;
	struct file *fp = fdp->fd_ofiles[fd];
	if (fp == nullptr)
		return nullptr;
	FREF(fp);
	return fp;
}

/*
 * fd_getfile_mode: fd_getfile, but only if the file was opened with at
 * least one of the bits of mode (FREAD, FWRITE): reading a descriptor
 * opened write-only is EBADF, as POSIX wants.
 */
struct file *
fd_getfile_mode(struct filedesc *fdp, int fd, int mode)
{
	struct file *fp = fd_getfile(fdp, fd);

	if (fp != nullptr && (fp->f_flag & mode) == 0) {
		FRELE(fp, curproc);
		return nullptr;
	}
	return fp;
}

/*
 * getvnode: the file of fd, which must be a vnode's, with a reference.
 * => EBADF if fd is not open, EINVAL if it is not a vnode (a pipe).
 */
int
getvnode(struct proc *p, int fd, struct file **fpp)
{
	struct file *fp = fd_getfile(p->p_p->ps_fd, fd);

	if (fp == nullptr)
		return EBADF;
	if (fp->f_type != DTYPE_VNODE) {
		FRELE(fp, p);
		return EINVAL;
	}
	*fpp = fp;
	return 0;
}

/*
 * fdalloc: take the lowest free slot at or above want.
 * => 0 and *result; EMFILE if the process is at its limit; ENOSPC if the
 *    table must grow first (the caller calls fdexpand and retries).
 */
int
fdalloc(struct proc *p, int want, int *result)
{
	struct filedesc *fdp = p->p_p->ps_fd;
	int lim = fd_limit(p);
	int last = MIN(fdp->fd_nfiles, lim);

	if (want < fdp->fd_freefile)
		want = fdp->fd_freefile;
	for (int i = want; i < last; i++) {
		if (fd_inuse(fdp, i))
			continue;
		fd_used(fdp, i);
		if (want <= fdp->fd_freefile)
			fdp->fd_freefile = i + 1;
		fdp->fd_ofileflags[i] = 0;
		*result = i;
		return 0;
	}
	return fdp->fd_nfiles >= lim ? EMFILE : ENOSPC;
}

/* The three arrays of a table of n slots, in one allocation. */
static size_t
fdarrays_size(int n)
{
	return n * sizeof(struct file *) + NDLOSLOTS(n) * sizeof(u_int) + n;
}

static void
fdarrays_alloc(int n, struct file ***ofiles, u_int **lomap, char **flags)
{
	char *mem = (char *)malloc(fdarrays_size(n), M_FILEDESC,
	    M_WAITOK | M_ZERO);

	*ofiles = (struct file **)mem;
	*lomap = (u_int *)(mem + n * sizeof(struct file *));
	*flags = mem + n * sizeof(struct file *) + NDLOSLOTS(n) * sizeof(u_int);
}

/* Free fdp's arrays, unless they are the ones built into filedesc0. */
static void
fdarrays_free(struct filedesc *fdp)
{
	struct filedesc0 *fdp0 = (struct filedesc0 *)fdp;

	if (fdp->fd_ofiles != fdp0->fd_dfiles)
		free(fdp->fd_ofiles, M_FILEDESC, fdarrays_size(fdp->fd_nfiles));
}

/* The size a table holding slot n grows to: doubling, within limits. */
static int
fdgrowsize(int nfiles, int n)
{
	while (nfiles <= n && nfiles < NOFILE_MAX)
		nfiles = MIN(2 * nfiles, NOFILE_MAX);
	return nfiles;
}

/*
 * fdexpand: make p's table larger (twice, up to NOFILE_MAX).
 * => process context, may sleep (malloc); the table may have grown
 *    meanwhile, in which case the new arrays are not needed.
 */
void
fdexpand(struct proc *p)
{
	struct filedesc *fdp = p->p_p->ps_fd;
	int nfiles = fdgrowsize(fdp->fd_nfiles, fdp->fd_nfiles);
	struct file **ofiles;
	u_int *lomap;
	char *flags;

	KASSERT(nfiles > fdp->fd_nfiles);
	fdarrays_alloc(nfiles, &ofiles, &lomap, &flags);
	if (fdp->fd_nfiles >= nfiles) {
		/* Someone sharing the table grew it while we slept. */
		free(ofiles, M_FILEDESC, fdarrays_size(nfiles));
		return;
	}
	int n = fdp->fd_nfiles;
	memcpy(ofiles, fdp->fd_ofiles, n * sizeof(struct file *));
	memcpy(flags, fdp->fd_ofileflags, n);
	memcpy(lomap, fdp->fd_lomap, NDLOSLOTS(n) * sizeof(u_int));
	fdarrays_free(fdp);
	fdp->fd_ofiles = ofiles;
	fdp->fd_ofileflags = flags;
	fdp->fd_lomap = lomap;
	fdp->fd_nfiles = nfiles;
}

/*
 * falloc: a new file and a reserved descriptor for it.  The file comes
 * back with one reference, the caller's; fdinsert then puts it in the
 * slot (which takes another), or fdremove gives the slot back.
 * => process context, may sleep.  EMFILE, ENFILE.
 */
int
falloc(struct proc *p, struct file **resultfp, int *resultfd)
{
	struct filedesc *fdp = p->p_p->ps_fd;
	int error, fd;

	while ((error = fdalloc(p, 0, &fd)) == ENOSPC)
		fdexpand(p);
	if (error != 0)
		return error;
	if (numfiles >= maxfiles) {
		fd_unused(fdp, fd);
		printf("file: table is full\n");
		return ENFILE;
	}
	/* The slot is reserved, so sleeping in pool_get loses nothing. */
	numfiles++;
	struct file *fp = (struct file *)pool_get(&file_pool,
	    PR_WAITOK | PR_ZERO);
	fp->f_count = 1;
	fp->f_cred = p->p_ucred;
	crhold(fp->f_cred);
	filehead.insert_head(fp);
	*resultfp = fp;
	*resultfd = fd;
	return 0;
}

/*
 * fdinsert: the file falloc made is ready: descriptor fd (reserved by
 * falloc or fdalloc) now names it, with flags (UF_EXCLOSE).  The slot
 * holds a reference of its own.
 */
void
fdinsert(struct filedesc *fdp, int fd, int flags, struct file *fp)
{
	KASSERT(fd_inuse(fdp, fd) && fdp->fd_ofiles[fd] == nullptr);
	FREF(fp);
	fdp->fd_ofiles[fd] = fp;
	fdp->fd_ofileflags[fd] = flags;
}

/*
 * fdremove: empty slot fd (open or only reserved).  The slot's
 * reference to the file, if it had one, is now the caller's to drop
 * (closef).
 */
void
fdremove(struct filedesc *fdp, int fd)
{
	fdp->fd_ofiles[fd] = nullptr;
	fdp->fd_ofileflags[fd] = 0;
	fd_unused(fdp, fd);
}

/*
 * fdrelease: close descriptor fd: close(2).
 * => EBADF if it is not open; otherwise what the file's close says.
 */
int
fdrelease(struct proc *p, int fd)
{
	struct filedesc *fdp = p->p_p->ps_fd;

	if (fd < 0 || fd >= fdp->fd_nfiles || fdp->fd_ofiles[fd] == nullptr)
		return EBADF;
	struct file *fp = fdp->fd_ofiles[fd];
	fdremove(fdp, fd);
	return closef(fp, p);
}

/*
 * closef: drop the reference a descriptor slot held on fp (the slot is
 * already empty).  OpenBSD releases POSIX locks here too; we have none.
 * => process context, may sleep.
 */
int
closef(struct file *fp, struct proc *p)
{
	if (fp == nullptr)
		return 0;
	return FRELE(fp, p);
}

/*
 * fdrop: the last reference to fp is gone: close what it is and free it.
 * => process context, may sleep (vn_close).
 */
int
fdrop(struct file *fp, struct proc *p)
{
	int error = 0;

	KASSERT(fp->f_count == 0);
	if (fp->f_ops != nullptr)
		error = fp->f_ops->fo_close(fp, p);
	filehead.remove(fp);
	numfiles--;
	crfree(fp->f_cred);
	pool_put(&file_pool, fp);
	return error;
}

/* fdinit_empty: a table with no files, the built-in NDFILE slots. */
static struct filedesc *
fdinit_empty(void)
{
	struct filedesc0 *fdp0 = (struct filedesc0 *)malloc(sizeof(*fdp0),
	    M_FILEDESC, M_WAITOK | M_ZERO);
	struct filedesc *fdp = &fdp0->fd_fd;

	fdp->fd_ofiles = fdp0->fd_dfiles;
	fdp->fd_ofileflags = fdp0->fd_dfileflags;
	fdp->fd_lomap = fdp0->fd_dlomap;
	fdp->fd_nfiles = NDFILE;
	fdp->fd_lastfile = -1;
	fdp->fd_refcnt = 1;
	fdp->fd_cmask = CMASK;
	return fdp;
}

/*
 * fdinit: an empty filedesc: no directories yet (vfs_mountroot gives
 * proc0 the root), no files, the default umask.
 * => process context, may sleep.
 */
struct filedesc *
fdinit(void)
{
	if (!filedesc_ready)
		filedesc_init();
	return fdinit_empty();
}

/* fdshare: one more process uses fdp (kernel threads share proc0's). */
struct filedesc *
fdshare(struct filedesc *fdp)
{
	fdp->fd_refcnt++;
	return fdp;
}

/*
 * fdcopy: a copy of fdp for a child (fork): the same files in the same
 * slots, each referenced once more, so that parent and child share
 * offsets; its own references to the directories.
 * => process context, may sleep.
 */
struct filedesc *
fdcopy(struct filedesc *fdp)
{
	struct filedesc *nfdp = fdinit_empty();

	/* Grow first: malloc may sleep, and fdp may change meanwhile. */
	while (fdp->fd_lastfile >= nfdp->fd_nfiles) {
		int n = fdgrowsize(nfdp->fd_nfiles, fdp->fd_lastfile);
		fdarrays_free(nfdp);
		fdarrays_alloc(n, &nfdp->fd_ofiles, &nfdp->fd_lomap,
		    &nfdp->fd_ofileflags);
		nfdp->fd_nfiles = n;
	}
	for (int i = 0; i <= fdp->fd_lastfile; i++) {
		struct file *fp = fdp->fd_ofiles[i];
		/* A slot only reserved (an open in progress) stays behind. */
		if (fp == nullptr)
			continue;
		FREF(fp);
		nfdp->fd_ofiles[i] = fp;
		nfdp->fd_ofileflags[i] = fdp->fd_ofileflags[i];
		fd_used(nfdp, i);
	}
	while (nfdp->fd_freefile < nfdp->fd_nfiles &&
	    fd_inuse(nfdp, nfdp->fd_freefile))
		nfdp->fd_freefile++;
	nfdp->fd_cmask = fdp->fd_cmask;
	if ((nfdp->fd_cdir = fdp->fd_cdir) != nullptr)
		vref(nfdp->fd_cdir);
	if ((nfdp->fd_rdir = fdp->fd_rdir) != nullptr)
		vref(nfdp->fd_rdir);
	return nfdp;
}

/*
 * fdfree: a process lets go of fdp (exit); the last one closes every
 * file, releases the directories and frees the table.  A null fdp is
 * allowed (exit1 already freed it and left null).
 * => process context, may sleep (closing a file may write it).
 */
void
fdfree(struct filedesc *fdp)
{
	if (fdp == nullptr || --fdp->fd_refcnt > 0)
		return;
	for (int i = fdp->fd_lastfile; i >= 0; i--) {
		struct file *fp = fdp->fd_ofiles[i];
		if (fp == nullptr)
			continue;
		fdremove(fdp, i);
		(void)closef(fp, curproc);
	}
	if (fdp->fd_cdir != nullptr)
		vrele(fdp->fd_cdir);
	if (fdp->fd_rdir != nullptr)
		vrele(fdp->fd_rdir);
	fdarrays_free(fdp);
	free(fdp, M_FILEDESC, sizeof(struct filedesc0));
}

/*
 * fdcloseexec: execve closes the descriptors marked close-on-exec.
 * => process context, may sleep.
 */
void
fdcloseexec(struct proc *p)
{
	struct filedesc *fdp = p->p_p->ps_fd;

	for (int fd = 0; fd <= fdp->fd_lastfile; fd++)
		if ((fdp->fd_ofileflags[fd] & UF_EXCLOSE) &&
		    fdp->fd_ofiles[fd] != nullptr)
			(void)fdrelease(p, fd);
}

#define DUPF_CLOEXEC	0x01	/* the new descriptor is close-on-exec */
#define DUPF_DUP2	0x02	/* dup2: the slot may be open already */

/*
 * finishdup: make descriptor new name fp (the file of descriptor old,
 * whose reference from fd_getfile the new slot takes over), closing
 * what new named before (dup2).
 * => new reserved by fdalloc, or any slot in the table for dup2.
 */
static int
finishdup(struct proc *p, struct file *fp, int old, int new_fd,
    register_t *retval, int dupflags)
{
	struct filedesc *fdp = p->p_p->ps_fd;
	struct file *oldfp = fdp->fd_ofiles[new_fd];

	if ((dupflags & DUPF_DUP2) && oldfp == nullptr) {
		if (fd_inuse(fdp, new_fd)) {
			/* Reserved by an open still in progress. */
			FRELE(fp, p);
			return EBUSY;
		}
		fd_used(fdp, new_fd);
	}
	fdp->fd_ofiles[new_fd] = fp;
	fdp->fd_ofileflags[new_fd] = fdp->fd_ofileflags[old] & ~UF_EXCLOSE;
	if (dupflags & DUPF_CLOEXEC)
		fdp->fd_ofileflags[new_fd] |= UF_EXCLOSE;
	*retval = new_fd;
	if (oldfp != nullptr)
		(void)closef(oldfp, p);
	return 0;
}

/* dup(2): the lowest free descriptor names fd's file too. */
int
sys_dup(struct proc *p, void *v, register_t *retval)
{
	struct sys_dup_args *uap = (struct sys_dup_args *)v;
	int old = SCARG(uap, fd), new_fd, error;
	struct file *fp = fd_getfile(p->p_p->ps_fd, old);

	if (fp == nullptr)
		return EBADF;
	while ((error = fdalloc(p, 0, &new_fd)) == ENOSPC)
		fdexpand(p);
	if (error != 0) {
		FRELE(fp, p);
		return error;
	}
	return finishdup(p, fp, old, new_fd, retval, 0);
}

/*
 * dup2(2): descriptor to names from's file, closing what it named.
 * => EBADF for a bad from or a to beyond the limit.
 */
int
sys_dup2(struct proc *p, void *v, register_t *retval)
{
	struct sys_dup2_args *uap = (struct sys_dup2_args *)v;
	struct filedesc *fdp = p->p_p->ps_fd;
	int old = SCARG(uap, from), new_fd = SCARG(uap, to);
	struct file *fp = fd_getfile(fdp, old);

	if (fp == nullptr)
		return EBADF;
	if (new_fd < 0 || new_fd >= fd_limit(p)) {
		FRELE(fp, p);
		return EBADF;
	}
	if (old == new_fd) {
		*retval = new_fd;
		FRELE(fp, p);
		return 0;
	}
	while (new_fd >= fdp->fd_nfiles)
		fdexpand(p);
	return finishdup(p, fp, old, new_fd, retval, DUPF_DUP2);
}

/*
 * fcntl(2): F_DUPFD, F_DUPFD_CLOEXEC (the lowest free descriptor at or
 * above arg), F_GETFD/F_SETFD (close-on-exec), F_GETFL/F_SETFL (the
 * O_* flags; only FCNTLFLAGS may change).  Record locks are not here.
 */
int
sys_fcntl(struct proc *p, void *v, register_t *retval)
{
	struct sys_fcntl_args *uap = (struct sys_fcntl_args *)v;
	struct filedesc *fdp = p->p_p->ps_fd;
	int fd = SCARG(uap, fd), error = 0, tmp;
	long arg = (long)SCARG(uap, arg);
	struct file *fp = fd_getfile(fdp, fd);

	if (fp == nullptr)
		return EBADF;
	switch (SCARG(uap, cmd)) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC: {
		int new_fd;
		if (arg < 0 || arg >= fd_limit(p)) {
			error = EINVAL;
			break;
		}
		while ((error = fdalloc(p, (int)arg, &new_fd)) == ENOSPC)
			fdexpand(p);
		if (error != 0)
			break;
		/* finishdup keeps our reference for the new slot. */
		return finishdup(p, fp, fd, new_fd, retval,
		    SCARG(uap, cmd) == F_DUPFD_CLOEXEC ? DUPF_CLOEXEC : 0);
	}
	case F_GETFD:
		*retval = (fdp->fd_ofileflags[fd] & UF_EXCLOSE) ? FD_CLOEXEC :
		    0;
		break;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			fdp->fd_ofileflags[fd] |= UF_EXCLOSE;
		else
			fdp->fd_ofileflags[fd] &= ~UF_EXCLOSE;
		break;
	case F_GETFL:
		*retval = OFLAGS(fp->f_flag);
		break;
	case F_SETFL:
		fp->f_flag &= ~FCNTLFLAGS;
		fp->f_flag |= FFLAGS(arg) & FCNTLFLAGS;
		/* Tell the file too: a device may care about FNONBLOCK. */
		tmp = fp->f_flag & FNONBLOCK;
		error = fp->f_ops->fo_ioctl(fp, FIONBIO, (caddr_t)&tmp, p);
		if (error != 0)
			fp->f_flag &= ~FNONBLOCK;
		break;
	default:
		error = EINVAL;
		break;
	}
	FRELE(fp, p);
	return error;
}

/*
 * uvm_mmap_getvnode: mmap(2)'s way to the file: fd's vnode, with a
 * reference for the caller, and the file's open flags.
 * => EBADF if fd is not open, ENODEV if it is no file that can be
 *    mapped (a pipe, a directory).
 */
int
uvm_mmap_getvnode(struct proc *p, int fd, struct vnode **vpp, int *fflags)
{
	struct file *fp = fd_getfile(p->p_p->ps_fd, fd);

	if (fp == nullptr)
		return EBADF;
	struct vnode *vp = (struct vnode *)fp->f_data;
	int error = 0;
	if (fp->f_type != DTYPE_VNODE ||
	    (vp->v_type != VREG && vp->v_type != VCHR))
		error = ENODEV;
	else {
		vref(vp);
		*vpp = vp;
		*fflags = fp->f_flag;
	}
	FRELE(fp, p);
	return error;
}

/* close(2). */
int
sys_close(struct proc *p, void *v, register_t *)
{
	struct sys_close_args *uap = (struct sys_close_args *)v;

	return fdrelease(p, SCARG(uap, fd));
}

/* fstat(2): what the open file says of itself. */
int
sys_fstat(struct proc *p, void *v, register_t *)
{
	struct sys_fstat_args *uap = (struct sys_fstat_args *)v;
	struct file *fp = fd_getfile(p->p_p->ps_fd, SCARG(uap, fd));
	struct stat ub;

	if (fp == nullptr)
		return EBADF;
	int error = fp->f_ops->fo_stat(fp, &ub, p);
	FRELE(fp, p);
	if (error == 0)
		error = copyout(&ub, SCARG(uap, sb), sizeof(ub));
	return error;
}
