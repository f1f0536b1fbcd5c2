/*
 * com_isa.cc: com(4) at isa: finding a 16450/16550 UART at a port.
 *
 * The probe writes the scratch register and reads it back: a UART keeps
 * the value, an empty port floats.  The attach tells a 16550A from a
 * 16450 by turning the FIFOs on and reading the interrupt
 * identification register, whose top bits say whether FIFOs exist.  The
 * console's UART is left as it is: switching its FIFOs on would drop
 * input already waiting (see comcnattach), so only if the FIFOs are
 * already on can it be named a 16550A.
 * XXX The interrupt-driven half of com(4) (receive and transmit rings,
 * the tty layer) is still to come; the device only attaches.
 * Mirrors OpenBSD's sys/dev/isa/com_isa.c and com_attach_subr.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <dev/ic/comreg.h>
#include <dev/ic/comvar.h>
#include <dev/isa/isavar.h>
#include <machine/cpufunc.h>

struct com_softc {
	struct device	sc_dev;
	int		sc_iobase;
	int		sc_fifolen;	/* 16 on a 16550A, 1 without FIFOs */
	bool		sc_console;
};

#define IIR_FIFO_MASK	0xc0	/* both set: FIFOs enabled and working */

static int
com_isa_match(struct device *, void *, void *aux)
{
	struct isa_attach_args *ia = (struct isa_attach_args *)aux;
	int iobase = ia->ia_iobase;

	if (iobase == -1)
		return 0;
	outb(iobase + com_scratch, 0xa5);
	if (inb(iobase + com_scratch) != 0xa5)
		return 0;
	outb(iobase + com_scratch, 0x5a);
	if (inb(iobase + com_scratch) != 0x5a)
		return 0;
	ia->ia_iosize = 8;
	return 1;
}

static void
com_isa_attach(struct device *, struct device *self, void *aux)
{
	struct com_softc *sc = (struct com_softc *)self;
	struct isa_attach_args *ia = (struct isa_attach_args *)aux;
	int iobase = ia->ia_iobase;

	sc->sc_iobase = iobase;
	sc->sc_console = (iobase == comcnaddr());
	if (!sc->sc_console)
		outb(iobase + com_fifo, FIFO_ENABLE);
	bool fifo = (inb(iobase + com_iir) & IIR_FIFO_MASK) == IIR_FIFO_MASK;
	if (!sc->sc_console)
		outb(iobase + com_fifo, 0);
	sc->sc_fifolen = fifo ? 16 : 1;
	if (fifo)
		printf(": ns16550a, 16 byte fifo\n");
	else if (sc->sc_console)
		printf(": ns16450 or ns16550a, fifo off\n");
	else
		printf(": ns16450, no fifo\n");
	if (sc->sc_console)
		printf("%s: console\n", self->dv_xname);
}

struct cfattach com_isa_ca = {
	sizeof(struct com_softc), com_isa_match, com_isa_attach
};

struct cfdriver com_cd = {
	nullptr, "com", DV_TTY, 0, 0
};
