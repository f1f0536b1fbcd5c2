/*
 * wdc_isa.cc: wdc(4) at isa: the ATA channel at a fixed port.
 *
 * The PC's primary ATA channel sits at ports 0x1f0-0x1f7 with its
 * control register at 0x3f6 (0x206 above) and interrupts on IRQ 14; the
 * secondary at 0x170/0x376, IRQ 15.  On a PCI machine these are the
 * compatibility ports of the PIIX's IDE function, so the ISA driver
 * finds them without knowing about PCI.  Match probes the task file
 * registers (wdcprobe); attach lets wdc look for drives, still polling,
 * then establishes the interrupt handler at IPL_BIO and switches the
 * channel to interrupts.
 * Mirrors OpenBSD's sys/dev/isa/wdc_isa.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <dev/ata/atareg.h>
#include <dev/ic/wdcvar.h>
#include <dev/isa/isavar.h>
#include <machine/intr.h>
#include <machine/i8259.h>

static int
wdc_isa_match(struct device *, void *, void *aux)
{
	struct isa_attach_args *ia = (struct isa_attach_args *)aux;

	if (ia->ia_iobase == -1 || ia->ia_irq == -1)
		return 0;
	if (!wdcprobe(ia->ia_iobase, ia->ia_iobase + WDC_ISA_AUXREG_OFFSET))
		return 0;
	ia->ia_iosize = WDC_NREG;
	return 1;
}

static void
wdc_isa_attach(struct device *, struct device *self, void *aux)
{
	struct wdc_softc *sc = (struct wdc_softc *)self;
	struct isa_attach_args *ia = (struct isa_attach_args *)aux;

	sc->sc_iobase = ia->ia_iobase;
	sc->sc_ctlbase = ia->ia_iobase + WDC_ISA_AUXREG_OFFSET;
	printf("\n");
	wdcattach(sc);
	sc->sc_ih = isa_intr_establish(ia->ia_irq, IPL_BIO, wdcintr, sc,
	    sc->sc_dev.dv_xname);
	if (sc->sc_ih == nullptr) {
		/* Polling stays on: every transfer busy-waits, but works. */
		printf("%s: can't establish interrupt\n", sc->sc_dev.dv_xname);
		return;
	}
	wdc_intr_enable(sc);
}

struct cfattach wdc_isa_ca = {
	sizeof(struct wdc_softc), wdc_isa_match, wdc_isa_attach
};

struct cfdriver wdc_cd = {
	nullptr, "wdc", DV_DULL, 0, 0
};
