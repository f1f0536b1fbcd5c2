/*
 * <sys/file.h>: the open file, struct file (OpenBSD's sys/sys/file.h).
 *
 * open(2) and pipe(2) make a struct file; a descriptor is an index into
 * the process's table of pointers to them (struct filedesc,
 * sys/filedesc.h).  Several descriptors can point at one file: dup(2)
 * makes a second, fork(2) gives the child a copy of every pointer.  They
 * then share what the file holds: the offset (f_offset), the mode
 * (f_flag: FREAD, FWRITE, O_APPEND, O_NONBLOCK) and the credentials it
 * was opened with.  f_count counts the references: the descriptors, and
 * every system call working on the file at the moment (fd_getfile takes
 * one, FRELE drops it), so a file that one thread closes while another
 * sleeps in a read on it lives until that read returns.  The last FRELE
 * closes it (closef, fdrop -> fo_close).
 *
 * What a file is lies behind f_ops and f_data: for DTYPE_VNODE the
 * vnode and vnops (kern/vfs_vnops.cc), for DTYPE_PIPE one end of a pipe
 * and pipeops (kern/sys_pipe.cc).  The system calls (sys_read ...) do not
 * care which: they call fp->f_ops->fo_read and so on.
 *
 *	fd 0 -> struct file { f_ops = &vnops, f_data = vnode of /dev/console }
 *	fd 3 -> struct file { f_ops = &pipeops, f_data = struct pipe }
 *
 * Locking legend: [I] immutable after the file is set up (fdinsert);
 * [K] kernel lock (one CPU, no preemption in the kernel: nothing else
 * runs between two sleeps); [f] the file's own code (the vnode lock,
 * the pipe's lock) serialises it.
 *
 * User programs include this header for the F_* constants; the
 * kernel's part is under _KERNEL (and HOSTTEST: the host tests compile
 * kern/vfs_vnops.cc).
 */
#ifndef _SYS_FILE_H_
#define _SYS_FILE_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/fcntl.h>

/*
 * fcntl(2)'s commands and the *at(2) flags, OpenBSD's values.
 * XXX They belong in <sys/fcntl.h>, where OpenBSD has them (libc's
 * <fcntl.h> carries a guarded copy); they are here until they move.
 */
#ifndef F_DUPFD
#define F_DUPFD		0	/* duplicate file descriptor */
#define F_GETFD		1	/* get file descriptor flags */
#define F_SETFD		2	/* set file descriptor flags */
#define F_GETFL		3	/* get file status flags */
#define F_SETFL		4	/* set file status flags */
#define F_DUPFD_CLOEXEC	10	/* duplicate with FD_CLOEXEC set */
#define FD_CLOEXEC	1	/* close-on-exec flag */
#endif
#ifndef AT_FDCWD
#define AT_FDCWD		-100	/* relative to the current directory */
#define AT_EACCESS		0x01	/* access: the effective ids */
#define AT_SYMLINK_NOFOLLOW	0x02	/* do not follow a last link */
#define AT_SYMLINK_FOLLOW	0x04	/* follow a last link */
#define AT_REMOVEDIR		0x08	/* unlinkat: remove a directory */
#endif
#ifndef SEEK_SET
#define SEEK_SET	0	/* lseek: from the start */
#define SEEK_CUR	1	/* from the current offset */
#define SEEK_END	2	/* from the end */
#endif
/* The f_flag bits fcntl(F_SETFL) may change. */
#ifndef FCNTLFLAGS
#define FCNTLFLAGS	(FAPPEND | FNONBLOCK | FFSYNC)
#endif

#if defined(_KERNEL) || defined(HOSTTEST)
#include <sys/queue.h>

struct file;
struct proc;
struct stat;
struct ucred;
struct uio;

/*
 * What a kind of file does.  fo_read and fo_write get the flags
 * FO_POSITION (a pread/pwrite: use uio_offset, leave f_offset) or 0 (use
 * and advance f_offset); fo_seek is null for a file that cannot seek
 * (a pipe: ESPIPE).
 */
struct fileops {
	int	(*fo_read)(struct file *fp, struct uio *uio, int fflags);
	int	(*fo_write)(struct file *fp, struct uio *uio, int fflags);
	int	(*fo_ioctl)(struct file *fp, u_long com, caddr_t data,
		    struct proc *p);
	int	(*fo_poll)(struct file *fp, int events, struct proc *p);
	int	(*fo_stat)(struct file *fp, struct stat *sb, struct proc *p);
	int	(*fo_close)(struct file *fp, struct proc *p);
	int	(*fo_seek)(struct file *fp, off_t *offset, int whence,
		    struct proc *p);
};
#define FO_POSITION	0x01	/* positioned read/write */

struct file {
	list_entry<file> f_list;	/* [K] on filehead, all open files */
	short		f_type;		/* [I] DTYPE_* */
	u_int		f_flag;		/* [K] FREAD, FWRITE, FAPPEND, ... */
	u_int		f_count;	/* [K] references */
	struct ucred	*f_cred;	/* [I] credentials of the opener */
	const struct fileops *f_ops;	/* [I] what it is */
	off_t		f_offset;	/* [f] where read and write go */
	void		*f_data;	/* [I] vnode or pipe */
	u_int64_t	f_rxfer, f_wxfer;	/* [K] reads, writes */
	u_int64_t	f_rbytes, f_wbytes;	/* [K] bytes read, written */
};

/* f_type */
#define DTYPE_VNODE	1	/* a file, a directory, a device */
#define DTYPE_SOCKET	2	/* (no sockets here) */
#define DTYPE_PIPE	3	/* one end of a pipe */

extern list_head<file, &file::f_list> filehead;	/* [K] every open file */
extern int numfiles;		/* [K] how many */
extern int maxfiles;		/* [I] at most, system-wide (ENFILE) */
extern const struct fileops vnops;	/* kern/vfs_vnops.cc */
extern const struct fileops pipeops;	/* kern/sys_pipe.cc */

__BEGIN_DECLS
int	fdrop(struct file *fp, struct proc *p);
int	closef(struct file *fp, struct proc *p);
__END_DECLS

/* FREF: one more reference to fp, for a caller that holds one. */
static inline void
FREF(struct file *fp)
{
	fp->f_count++;
}

/*
 * FRELE: drop a reference; the last one closes the file (fdrop) and
 * returns what its close said.
 * => process context, may sleep.
 */
static inline int
FRELE(struct file *fp, struct proc *p)
{
	if (--fp->f_count == 0)
		return fdrop(fp, p);
	return 0;
}
#endif /* _KERNEL || HOSTTEST */

#ifdef _KERNEL
#include <sys/uio.h>
struct stat;
struct vnode;
__BEGIN_DECLS
/*
 * kern/vfs_syscalls.cc: the work of the path system calls, for the
 * kernel's own callers too: paths in segflg's space (UIO_SYSSPACE for
 * the kernel's), fd a directory descriptor or AT_FDCWD.
 */
int	doopenat(struct proc *p, int fd, const char *path, int oflags,
	    mode_t mode, enum uio_seg segflg, register_t *retval);
int	dofstatat(struct proc *p, int fd, const char *path,
	    struct stat *buf, int flag, enum uio_seg segflg);
int	domkdirat(struct proc *p, int fd, const char *path, mode_t mode,
	    enum uio_seg segflg);
int	dounlinkat(struct proc *p, int fd, const char *path, int flag,
	    enum uio_seg segflg);
int	dolinkat(struct proc *p, int fd1, const char *path1, int fd2,
	    const char *path2, int flag, enum uio_seg segflg);
int	dosymlinkat(struct proc *p, const char *upath, int fd,
	    const char *link, enum uio_seg segflg);
int	doreadlinkat(struct proc *p, int fd, const char *path, char *buf,
	    size_t count, enum uio_seg segflg, register_t *retval);
int	dorenameat(struct proc *p, int fromfd, const char *from, int tofd,
	    const char *to, enum uio_seg segflg);
/* kern/vfs_getcwd.cc */
int	vfs_getcwd_common(struct vnode *lvp, struct vnode *rvp, char **bpp,
	    char *bufp, struct proc *p);
__END_DECLS
#endif /* _KERNEL */

#endif /* !_SYS_FILE_H_ */
