/*
 * <dev/ic/pckbcvar.h>: the PC keyboard controller driver, pckbc(4), as
 * its bus glue (dev/isa/pckbc_isa.cc) and its children (pckbd(4)) see it.
 *
 * The controller has two slots, one for the keyboard and one for the
 * mouse; a child attaches to a slot and gets the bytes that arrive on it
 * through an input handler it registers.  The polling helpers exist for
 * the times when no interrupt may be taken: the console before autoconf,
 * ddb, and commands whose answer a driver must wait for.
 * Mirrors OpenBSD's sys/dev/ic/pckbcvar.h, reduced to the keyboard slot.
 */
#ifndef _DEV_IC_PCKBCVAR_H_
#define _DEV_IC_PCKBCVAR_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/device.h>

#define PCKBC_KBD_SLOT	0
#define PCKBC_AUX_SLOT	1
#define PCKBC_NSLOTS	2

/* Index of the slot locator in a child's cf_loc (conf/files order). */
#define PCKBCCF_SLOT	0

typedef void (*pckbc_inputfcn)(void *arg, int data);

/* Locking: [I] immutable after attach, [T] spltty. */
struct pckbc_softc {
	struct device	sc_dev;
	int		sc_iobase;		/* [I] 0x60 */
	void		*sc_ih;			/* [I] the IRQ 1 handler */
	pckbc_inputfcn	sc_inputhandler[PCKBC_NSLOTS]; /* [T] */
	void		*sc_inputarg[PCKBC_NSLOTS];	/* [T] */
};

struct pckbc_attach_args {
	struct pckbc_softc *pa_pckbc;	/* the controller */
	int		pa_slot;	/* PCKBC_*_SLOT */
};

__BEGIN_DECLS
int	pckbc_poll_data(int iobase, bool wait);
bool	pckbc_send_cmd(int iobase, u_int8_t cmd);
bool	pckbc_send_data(int iobase, u_int8_t val);
void	pckbc_flush(int iobase);
int	pckbc_get_cmdbyte(int iobase);
bool	pckbc_put_cmdbyte(int iobase, u_int8_t cmdbyte);
int	pckbc_selftest(int iobase);
int	pckbc_setup(int iobase);
int	pckbc_cnattach(int iobase);
bool	pckbc_is_console(int iobase);
void	pckbc_attach(struct pckbc_softc *sc);
void	pckbc_set_inputhandler(struct pckbc_softc *sc, int slot,
	    pckbc_inputfcn fn, void *arg);
int	pckbcintr(void *arg);
__END_DECLS

#endif /* !_DEV_IC_PCKBCVAR_H_ */
