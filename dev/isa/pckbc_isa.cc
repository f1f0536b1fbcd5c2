/*
 * pckbc_isa.cc: pckbc(4) at isa: finding the 8042 keyboard controller.
 *
 * The PC has one keyboard controller, always at ports 0x60-0x64 and
 * IRQ 1, so the configuration line may leave them out and the match
 * fills them in.  The probe is the controller's self-test (command 0xaa,
 * answer 0x55), every wait bounded: an absent controller fails the probe
 * instead of hanging the boot.  If consinit() already took the
 * controller for the console keyboard, it was tested then, and a second
 * self-test would only risk keystrokes typed in between.
 *
 * The attach leaves the controller's work to pckbc_attach() (dev/ic) and
 * only then establishes the interrupt, so that the children's polled
 * commands during autoconf meet no handler that could take their
 * answers.
 * Mirrors OpenBSD's sys/dev/isa/pckbc_isa.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <dev/ic/pckbcreg.h>
#include <dev/ic/pckbcvar.h>
#include <dev/isa/isavar.h>
#include <machine/i8259.h>
#include <machine/intr.h>

#define PCKBC_IRQ	1	/* the keyboard's line on every PC */

static int
pckbc_isa_match(struct device *, void *, void *aux)
{
	struct isa_attach_args *ia = (struct isa_attach_args *)aux;

	/* Only the one place a PC's keyboard controller can be. */
	if (ia->ia_iobase != -1 && ia->ia_iobase != IO_KBD)
		return 0;
	if (ia->ia_irq != -1 && ia->ia_irq != PCKBC_IRQ)
		return 0;

	if (!pckbc_is_console(IO_KBD)) {
		splguard s(IPL_TTY);

		if (pckbc_selftest(IO_KBD) != 0)
			return 0;
	}
	ia->ia_iobase = IO_KBD;
	ia->ia_iosize = KBC_NPORTS;
	ia->ia_irq = PCKBC_IRQ;
	return 1;
}

static void
pckbc_isa_attach(struct device *, struct device *self, void *aux)
{
	struct pckbc_softc *sc = (struct pckbc_softc *)self;
	struct isa_attach_args *ia = (struct isa_attach_args *)aux;

	printf("\n");
	sc->sc_iobase = ia->ia_iobase;
	pckbc_attach(sc);

	/* From here on IRQ 1 feeds the slots' input handlers. */
	sc->sc_ih = isa_intr_establish(ia->ia_irq, IPL_TTY, pckbcintr, sc,
	    sc->sc_dev.dv_xname);
	if (sc->sc_ih == nullptr)
		printf("%s: cannot establish interrupt\n", sc->sc_dev.dv_xname);
}

struct cfattach pckbc_isa_ca = {
	sizeof(struct pckbc_softc), pckbc_isa_match, pckbc_isa_attach
};

struct cfdriver pckbc_cd = {
	nullptr, "pckbc", DV_DULL, 0, 0
};
