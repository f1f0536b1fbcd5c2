/*
 * <dev/ic/vgavar.h>: the VGA text console's interface.
 */
#ifndef _DEV_IC_VGAVAR_H_
#define _DEV_IC_VGAVAR_H_

#include <sys/cdefs.h>

__BEGIN_DECLS
void	vga_cnattach(void);
__END_DECLS

#endif /* !_DEV_IC_VGAVAR_H_ */
