/*
 * <sys/conf.h>: the device switches.
 *
 * A device special file (/dev/wd0a, /dev/null) names its driver by a
 * major number and the unit (and partition) by a minor number, packed in
 * a dev_t.  The kernel finds the driver's entry points by indexing a
 * switch with the major: bdevsw[] for block devices (disks: strategy on
 * struct buf), cdevsw[] for character devices (terminals, /dev/null:
 * read and write on struct uio).  The tables, with OpenBSD/i386's major
 * numbers, are in arch/i386/i386/conf.cc.
 */
#ifndef _SYS_CONF_H_
#define _SYS_CONF_H_

#include <sys/cdefs.h>
#include <sys/types.h>

struct buf;
struct proc;
struct uio;

#define major(x)	((int32_t)((((u_int32_t)(x)) >> 8) & 0xff))
#define minor(x)	((int32_t)(((x) & 0xff) | (((x) & 0xffff0000) >> 8)))
#define makedev(x, y)	((dev_t)((((x) & 0xff) << 8) | ((y) & 0xff) | \
			    (((y) & 0xffff00) << 8)))

struct bdevsw {
	int	(*d_open)(dev_t dev, int oflags, int devtype, struct proc *p);
	int	(*d_close)(dev_t dev, int fflag, int devtype, struct proc *p);
	void	(*d_strategy)(struct buf *bp);
	int	(*d_ioctl)(dev_t dev, u_long cmd, caddr_t data, int fflag,
		    struct proc *p);
	int64_t	(*d_psize)(dev_t dev);	/* size in DEV_BSIZE blocks */
	int	d_type;
};

struct cdevsw {
	int	(*d_open)(dev_t dev, int oflags, int devtype, struct proc *p);
	int	(*d_close)(dev_t dev, int fflag, int devtype, struct proc *p);
	int	(*d_read)(dev_t dev, struct uio *uio, int ioflag);
	int	(*d_write)(dev_t dev, struct uio *uio, int ioflag);
	int	(*d_ioctl)(dev_t dev, u_long cmd, caddr_t data, int fflag,
		    struct proc *p);
	int	d_type;
};

/* d_type */
#define D_DISK	1
#define D_TTY	3

extern const struct bdevsw bdevsw[];
extern const struct cdevsw cdevsw[];
extern const int nblkdev, nchrdev;

/* OpenBSD/i386's major numbers for the devices we have. */
#define CMAJ_CONS	0	/* /dev/console */
#define CMAJ_MEM	2	/* /dev/mem, /dev/null, /dev/zero */
#define CMAJ_COM	8	/* /dev/tty00 */

/* Minor numbers of the memory device, as OpenBSD's mem(4). */
#define MINOR_MEM	0
#define MINOR_KMEM	1
#define MINOR_NULL	2
#define MINOR_ZERO	12

/* Block device names for messages ("root on wd0a"), as OpenBSD's. */
struct nam2blk {
	const char	*name;
	int		maj;
};
extern const struct nam2blk nam2blk[];

__BEGIN_DECLS
const char *findblkname(int maj);	/* "wd" for 0, or null */
/* dev/cons.cc */
int	cnopen(dev_t, int, int, struct proc *);
int	cnclose(dev_t, int, int, struct proc *);
int	cnread(dev_t, struct uio *, int);
int	cnwrite(dev_t, struct uio *, int);
int	cnioctl(dev_t, u_long, caddr_t, int, struct proc *);
/* dev/mem.cc */
int	mmopen(dev_t, int, int, struct proc *);
int	mmclose(dev_t, int, int, struct proc *);
int	mmrw(dev_t, struct uio *, int);
__END_DECLS

#endif /* !_SYS_CONF_H_ */
