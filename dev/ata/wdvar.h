/*
 * <dev/ata/wdvar.h>: wd(4), the ATA disk, as the rest of the kernel sees
 * it: the strategy routine for struct buf, and a synchronous helper for
 * kernel code and tests.  See dev/ata/wd.cc.
 */
#ifndef _DEV_ATA_WDVAR_H_
#define _DEV_ATA_WDVAR_H_

#include <sys/cdefs.h>
#include <sys/buf.h>

struct device;
struct proc;

#define WD_BMAJ		0	/* OpenBSD/i386's block major of wd */

extern struct cfdriver wd_cd;

__BEGIN_DECLS
void	wdstrategy(struct buf *bp);
int	wdopen(dev_t, int, int, struct proc *);
int	wdclose(dev_t, int, int, struct proc *);
int64_t	wdsize(dev_t);
[[nodiscard]] int wd_rw(struct device *wd, daddr_t blkno, void *buf,
	    size_t nsect, bool write);
__END_DECLS

#endif /* !_DEV_ATA_WDVAR_H_ */
