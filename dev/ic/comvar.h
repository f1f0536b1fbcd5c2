/*
 * <dev/ic/comvar.h>: the com(4) driver's interface to the rest of the
 * kernel.  For now only the console attachment.
 */
#ifndef _DEV_IC_COMVAR_H_
#define _DEV_IC_COMVAR_H_

#include <sys/cdefs.h>

struct device;

#define CONADDR		0x3f8	/* COM1: the default console port */
#define CONSPEED	9600	/* its default speed, as in OpenBSD (QEMU ignores it) */

__BEGIN_DECLS
int	comcnattach(int iobase, int rate);
int	comcnaddr(void);		/* the console's port, or -1 */
void	comcn_setdev(struct device *);	/* console input via its ring */
int	comgetc(struct device *);	/* a received byte, or -1 */
void	com_putc(struct device *, int c);
void	com_loopback(struct device *, bool on);
__END_DECLS

#endif /* !_DEV_IC_COMVAR_H_ */
