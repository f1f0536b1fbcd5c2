/*
 * <dev/rdvar.h>: the ramdisk's entry points (bdevsw major 17).
 */
#ifndef _DEV_RDVAR_H_
#define _DEV_RDVAR_H_

#include <sys/cdefs.h>
#include <sys/types.h>

struct buf;
struct proc;

#define RD_BMAJ		17	/* OpenBSD/i386's block major for rd */

__BEGIN_DECLS
void	rdattach(int n);
int	rdopen(dev_t, int, int, struct proc *);
int	rdclose(dev_t, int, int, struct proc *);
void	rdstrategy(struct buf *);
int64_t	rdsize(dev_t);
__END_DECLS

#endif /* !_DEV_RDVAR_H_ */
