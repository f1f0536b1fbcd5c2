/*
 * <sys/specdev.h>: device special files (specfs).
 *
 * A file like /dev/wd0a lives in a directory of some file system, which
 * knows only that it is a device and its number (va_rdev).  Once found,
 * its vnode gets the operations of specfs (miscfs/specfs/spec_vnops.cc):
 * VOP_READ on it calls the driver's d_read through cdevsw, VOP_STRATEGY
 * the driver's d_strategy through bdevsw.  Every vnode of one device is
 * on one hash chain (checkalias), so that the kernel can tell whether a
 * disk is in use (vcount) and a mounted disk is not opened twice.
 * See spec_vnops(9) in OpenBSD (sys/miscfs/specfs).
 */
#ifndef _SYS_SPECDEV_H_
#define _SYS_SPECDEV_H_

#include <sys/cdefs.h>
#include <sys/types.h>

struct mount;
struct vnode;

struct specinfo {
	struct vnode	**si_hashchain;	/* the chain it is on */
	struct vnode	*si_specnext;	/* the next vnode of the chain */
	struct mount	*si_mountpoint;	/* a file system mounted from it */
	dev_t		si_rdev;	/* the device */
	int		si_opencount;	/* opens not yet closed */
};

#define v_rdev		v_specinfo->si_rdev
#define v_hashchain	v_specinfo->si_hashchain
#define v_specnext	v_specinfo->si_specnext
#define v_specmountpoint v_specinfo->si_mountpoint

#define SPECHSZ	64
#define SPECHASH(rdev)	(((unsigned)(rdev) >> 5) + (unsigned)(rdev)) & \
			    (SPECHSZ - 1)
extern struct vnode *speclisth[SPECHSZ];

__BEGIN_DECLS
int	spec_open(void *);
int	spec_close(void *);
int	spec_read(void *);
int	spec_write(void *);
int	spec_ioctl(void *);
int	spec_fsync(void *);
int	spec_strategy(void *);
int	spec_inactive(void *);
int	spec_reclaim(void *);
int	spec_print(void *);
int	spec_access(void *);
[[nodiscard]] int vfs_mountedon(struct vnode *vp);
__END_DECLS

#endif /* !_SYS_SPECDEV_H_ */
