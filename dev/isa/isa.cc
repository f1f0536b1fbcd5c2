/*
 * isa.cc: the ISA bus.
 *
 * ISA cannot say what is plugged into it: a driver must look for its
 * device at the ports its configuration line names.  So isa_attach()
 * walks every configuration entry that may hang below it (com0 at isa?
 * port 0x3f8 irq 4, ...), fills an isa_attach_args from the entry's
 * locators, and asks the driver's match function to probe; a device that
 * answers is attached, one that does not is reported absent and skipped.
 * Mirrors OpenBSD's sys/dev/isa/isa.c (isascan).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <dev/isa/isavar.h>
#include <machine/mainbus.h>

static int
isa_match(struct device *, void *, void *aux)
{
	struct mainbus_attach_args *mba = (struct mainbus_attach_args *)aux;

	return strcmp(mba->mba_busname, "isa") == 0;
}

/* The locator part of an attach line: " port 0x3f8/8 irq 4". */
static int
isaprint(void *aux, const char *)
{
	struct isa_attach_args *ia = (struct isa_attach_args *)aux;

	if (ia->ia_iobase != -1) {
		printf(" port 0x%x", ia->ia_iobase);
		if (ia->ia_iosize > 0)
			printf("/%d", ia->ia_iosize);
	}
	if (ia->ia_maddr != -1)
		printf(" iomem 0x%x/%d", ia->ia_maddr, ia->ia_msize);
	if (ia->ia_irq != -1)
		printf(" irq %d", ia->ia_irq);
	if (ia->ia_drq != -1)
		printf(" drq %d", ia->ia_drq);
	return UNCONF;
}

static void
isa_attach(struct device *, struct device *self, void *)
{
	printf("\n");
	for (struct cfdata *cf = cfdata; cf->cf_driver != nullptr; cf++) {
		if (!config_is_child(cf, self) || cf->cf_fstate == FSTATE_FOUND)
			continue;

		struct isa_attach_args ia;
		ia.ia_iobase = (int)cf->cf_loc[ISACF_PORT];
		ia.ia_iosize = (int)cf->cf_loc[ISACF_SIZE];
		ia.ia_maddr = (int)cf->cf_loc[ISACF_IOMEM];
		ia.ia_msize = (int)cf->cf_loc[ISACF_IOSIZ];
		ia.ia_irq = (int)cf->cf_loc[ISACF_IRQ];
		ia.ia_drq = (int)cf->cf_loc[ISACF_DRQ];
		if ((*cf->cf_attach->ca_match)(self, cf, &ia) > 0)
			(void)config_attach(self, cf, &ia, isaprint);
		else
			printf("%s%d not found at %s port 0x%x\n",
			    cf->cf_driver->cd_name, cf->cf_unit,
			    self->dv_xname, ia.ia_iobase);
	}
}

struct cfattach isa_ca = {
	sizeof(struct device), isa_match, isa_attach
};

struct cfdriver isa_cd = {
	nullptr, "isa", DV_DULL, 0, 0
};
