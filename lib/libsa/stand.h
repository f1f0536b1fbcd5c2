/*
 * stand.h: the standalone library, libsa, as boot(8) sees it.
 *
 * A boot program runs before any operating system: there is no kernel to
 * open files for it, no C library, no malloc.  libsa is the little of all
 * that a loader needs, with the names and shapes of OpenBSD's
 * sys/lib/libsa/stand.h, so that boot(8) reads like a Unix program:
 *
 *   - a file layer (open, read, lseek, fstat, close, and opendir/readdir
 *     for `ls'), over
 *   - one file system, ext2 (ext2fs.cc, read only: struct fs_ops), over
 *   - one device (struct devsw: a strategy routine that reads sectors; in
 *     boot(8) the BIOS disk, in the host tests a disk image file);
 *   - printf and friends over the console routines putchar/getchar, which
 *     the program using libsa supplies (boot(8): bioscons.cc);
 *   - alloc/free from a fixed heap, getln for the command line, strerror.
 *
 * The same sources are compiled twice: freestanding with the cross
 * compiler into boot(8), and with the host's compiler (HOSTTEST) into the
 * host unit tests, which read mke2fs-made images through exactly the code
 * boot(8) uses.  Under HOSTTEST the host's own types, errno values and
 * struct stat stand, and the names that the C library also defines (open,
 * read, ...) get other link names, as <sys/systm.h> does for printf.
 */
#ifndef _LIBSA_STAND_H_
#define _LIBSA_STAND_H_

#ifdef HOSTTEST
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#ifndef EFTYPE			/* OpenBSD's; Linux's nearest */
#define EFTYPE		EMEDIUMTYPE
#endif

#define open		sa_open
#define close		sa_close
#define read		sa_read
#define lseek		sa_lseek
#define fstat		sa_fstat
#define opendir		sa_opendir
#define readdir		sa_readdir
#define closedir	sa_closedir
#define printf		sa_printf
#define snprintf	sa_snprintf
#define vsnprintf	sa_vsnprintf
#define putchar		sa_putchar
#define getchar		sa_getchar
#define alloc		sa_alloc
#define free		sa_free
#define strerror	sa_strerror
#define strlcpy		sa_strlcpy	/* not in every C library */
extern "C" size_t sa_strlcpy(char *dst, const char *src, size_t size);
#else /* !HOSTTEST */
#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/errno.h>
#include <stdarg.h>

typedef int64_t		daddr_t;	/* a sector number */

extern int errno;		/* open.cc: why the last call failed */

/* What fstat() tells: the fields of OpenBSD's struct stat that we fill. */
struct stat {
	dev_t	st_dev;		/* device (unused) */
	ino_t	st_ino;		/* inode number */
	mode_t	st_mode;	/* file type and permissions */
	nlink_t	st_nlink;	/* links */
	uid_t	st_uid;		/* owner */
	gid_t	st_gid;		/* group */
	dev_t	st_rdev;	/* device number of a device node */
	off_t	st_size;	/* bytes */
};

#define S_IFMT		0170000		/* type of file mask */
#define S_IFIFO		0010000		/* named pipe (fifo) */
#define S_IFCHR		0020000		/* character special */
#define S_IFDIR		0040000		/* directory */
#define S_IFBLK		0060000		/* block special */
#define S_IFREG		0100000		/* regular */
#define S_IFLNK		0120000		/* symbolic link */
#define S_IFSOCK	0140000		/* socket */
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

/* lib/libkern: the string functions, shared with the kernel. */
__BEGIN_DECLS
void	*memcpy(void *dst, const void *src, size_t n);
void	*memmove(void *dst, const void *src, size_t n);
void	*memset(void *dst, int c, size_t n);
int	memcmp(const void *a, const void *b, size_t n);
size_t	strlen(const char *s);
int	strcmp(const char *a, const char *b);
int	strncmp(const char *a, const char *b, size_t n);
size_t	strlcpy(char *dst, const char *src, size_t size);
__END_DECLS
#endif /* !HOSTTEST */

struct open_file;

/*
 * A device: boot(8) has one, the BIOS disk the machine booted from.
 * dv_strategy reads size bytes starting at sector blk (of DEV_BSIZE bytes,
 * counted from the start of the partition) into buf and sets *rsize to the
 * bytes read; it returns 0 or an errno.  Only F_READ is ever asked for.
 */
struct devsw {
	const char *dv_name;
	int	(*dv_strategy)(void *devdata, int rw, daddr_t blk,
		    size_t size, void *buf, size_t *rsize);
};

#define DEV_BSHIFT	9
#define DEV_BSIZE	(1 << DEV_BSHIFT)	/* a sector */
#define F_READ		0x0001			/* the only rw value */

/*
 * A file system: the operations the file layer calls, OpenBSD's fs_ops.
 * Each returns 0 or an errno; read sets *resid to the bytes not read.
 */
struct fs_ops {
	const char *fs_name;
	int	(*fs_open)(const char *path, struct open_file *f);
	int	(*fs_close)(struct open_file *f);
	int	(*fs_read)(struct open_file *f, void *buf, size_t size,
		    size_t *resid);
	off_t	(*fs_seek)(struct open_file *f, off_t offset, int where);
	int	(*fs_stat)(struct open_file *f, struct stat *sb);
	int	(*fs_readdir)(struct open_file *f, char *name);
};

/* An open file: what a descriptor stands for. */
struct open_file {
	int		f_flags;	/* F_READ; 0 = slot free */
	struct devsw	*f_dev;		/* the device it lives on */
	void		*f_devdata;	/* the device's private data */
	const struct fs_ops *f_ops;	/* its file system */
	void		*f_fsdata;	/* the file system's private data */
	off_t		f_offset;	/* for read(): where the next byte is */
};

#define SOPEN_MAX	4		/* open files at once */
#define MAXNAMLEN	255		/* longest name in a directory */
#define MAXPATHLEN	1024		/* longest path */

/*
 * What the program using libsa provides: the device and file system to
 * open files on (boot(8): the boot disk, ext2), and the console.
 */
extern struct devsw *sa_dev;
extern void *sa_devdata;
extern const struct fs_ops *sa_fs;

__BEGIN_DECLS
/* open.cc: the file layer. */
int	open(const char *path, int how);
int	close(int fd);
ssize_t	read(int fd, void *buf, size_t size);
off_t	lseek(int fd, off_t offset, int where);
int	fstat(int fd, struct stat *sb);
int	opendir(const char *path);
int	readdir(int fd, char *name);
void	closedir(int fd);

/* alloc.cc: memory from a fixed heap. */
void	alloc_init(void *heap, size_t size);
void	*alloc(size_t size);
void	free(void *ptr, size_t size);

/* printf.cc: output, through putchar(). */
int	printf(const char *fmt, ...) __attribute__((__format__(__printf__,
	    1, 2)));
int	snprintf(char *buf, size_t size, const char *fmt, ...)
	    __attribute__((__format__(__printf__, 3, 4)));
int	vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int	vprintf(const char *fmt, va_list ap);

/* getln.cc: read a line with echo and editing, or time out. */
int	getln(char *buf, size_t size, int timeout);

/* strerror.cc */
const char *strerror(int error);

/* Supplied by the program: the console. */
void	putchar(int c);
int	getchar(void);		/* waits for a key */
int	cnischar(void);		/* is a key waiting? */
time_t	getsecs(void);		/* a clock counting seconds */
__END_DECLS

#endif /* !_LIBSA_STAND_H_ */
