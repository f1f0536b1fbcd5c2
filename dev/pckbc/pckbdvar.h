/*
 * <dev/pckbc/pckbdvar.h>: the PC keyboard, pckbd(4): its console entry
 * and the scancode translation, which the in-kernel test drives directly.
 */
#ifndef _DEV_PCKBC_PCKBDVAR_H_
#define _DEV_PCKBC_PCKBDVAR_H_

#include <sys/cdefs.h>
#include <sys/types.h>

/* What the keyboard's past scancodes leave behind: modifiers, prefixes. */
struct pckbd_state {
	u_int	ks_mods;	/* PCKBD_MOD_* held or locked */
	bool	ks_extended;	/* the last byte was the 0xe0 prefix */
	int	ks_skip;	/* bytes of a 0xe1 (Pause) sequence to drop */
};

#define PCKBD_MOD_LSHIFT	0x01
#define PCKBD_MOD_RSHIFT	0x02
#define PCKBD_MOD_LCTRL		0x04
#define PCKBD_MOD_RCTRL		0x08	/* 0xe0 0x1d */
#define PCKBD_MOD_CAPS		0x10	/* caps lock on */

__BEGIN_DECLS
int	pckbd_translate(struct pckbd_state *ks, u_int8_t code);
void	pckbd_cnattach(void);
__END_DECLS

#endif /* !_DEV_PCKBC_PCKBDVAR_H_ */
