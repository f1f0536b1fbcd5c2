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
 * Receiving is interrupt-driven: comintr() (IRQ 4 for com0) moves every
 * waiting byte into the unit's ring, where comgetc() finds it; the
 * console reads the ring of its unit first (comcn_ring), so characters
 * typed while the kernel is busy are kept, not overrun.  Output stays
 * polled: the console must print from anywhere, a panic included.
 * XXX Interrupt-driven transmit belongs to the tty layer, still to come.
 * Mirrors OpenBSD's sys/dev/isa/com_isa.c and com_attach_subr.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <dev/ic/comreg.h>
#include <dev/ic/comvar.h>
#include <dev/isa/isavar.h>
#include <machine/cpufunc.h>
#include <machine/i8259.h>
#include <machine/intr.h>

#define COM_RINGSIZE	256

struct com_softc {
	struct device	sc_dev;
	int		sc_iobase;	/* [I] */
	int		sc_fifolen;	/* [I] 16 on a 16550A, 1 without FIFOs */
	bool		sc_console;	/* [I] */
	u_char		sc_ring[COM_RINGSIZE]; /* [T] received bytes */
	u_int		sc_rput, sc_rget;	/* [T] ring indices (spltty) */
	u_long		sc_overflows;	/* [T] bytes dropped: ring full */
};

#define IIR_FIFO_MASK	0xc0	/* both set: FIFOs enabled and working */

/*
 * comintr: the UART interrupted: take every received byte into the ring.
 * Returns 1 if the interrupt was this UART's.
 * => IPL_TTY.
 */
static int
comintr(void *arg)
{
	struct com_softc *sc = (struct com_softc *)arg;
	int claimed = 0;

	while (inb(sc->sc_iobase + com_lsr) & LSR_RXRDY) {
		u_char c = inb(sc->sc_iobase + com_data);
		u_int next = (sc->sc_rput + 1) % COM_RINGSIZE;
		if (next == sc->sc_rget)
			sc->sc_overflows++;
		else {
			sc->sc_ring[sc->sc_rput] = c;
			sc->sc_rput = next;
		}
		claimed = 1;
	}
	return claimed;
}

/*
 * comgetc: the next received byte of unit sc, or -1; from the ring, else
 * (interrupts off, as in ddb after a panic) straight from the UART.
 */
int
comgetc(struct device *dev)
{
	struct com_softc *sc = (struct com_softc *)dev;
	int s = spltty(), c = -1;

	if (sc->sc_rget != sc->sc_rput) {
		c = sc->sc_ring[sc->sc_rget];
		sc->sc_rget = (sc->sc_rget + 1) % COM_RINGSIZE;
	} else if (inb(sc->sc_iobase + com_lsr) & LSR_RXRDY)
		c = inb(sc->sc_iobase + com_data);
	splx(s);
	return c;
}

/* Loopback on or off (the transmitter feeds the receiver): for tests. */
void
com_loopback(struct device *dev, bool on)
{
	struct com_softc *sc = (struct com_softc *)dev;
	u_int8_t mcr = MCR_DTR | MCR_RTS | MCR_IENABLE;

	outb(sc->sc_iobase + com_mcr, on ? mcr | MCR_LOOPBACK : mcr);
}

/* Send one byte, waiting (boundedly) for the transmitter. */
void
com_putc(struct device *dev, int c)
{
	struct com_softc *sc = (struct com_softc *)dev;

	for (int timo = 100000; timo > 0; timo--)
		if (inb(sc->sc_iobase + com_lsr) & LSR_TXRDY)
			break;
	outb(sc->sc_iobase + com_data, (u_int8_t)c);
}

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

	/* Receive by interrupt from now on; the console reads the ring. */
	if (ia->ia_irq != -1 && isa_intr_establish(ia->ia_irq, IPL_TTY,
	    comintr, sc, self->dv_xname) != nullptr) {
		outb(iobase + com_mcr, MCR_DTR | MCR_RTS | MCR_IENABLE);
		outb(iobase + com_ier, IER_ERXRDY | IER_ERLS);
		if (sc->sc_console)
			comcn_setdev(self);
	}
}

struct cfattach com_isa_ca = {
	sizeof(struct com_softc), com_isa_match, com_isa_attach
};

struct cfdriver com_cd = {
	nullptr, "com", DV_TTY, 0, 0
};
