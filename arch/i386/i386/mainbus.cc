/*
 * mainbus.cc: the root of the device tree.
 *
 * The PC has no bus that lists what is attached to the CPU, so mainbus
 * simply offers the things every PC has: the CPU, the PCI bus (when the
 * configuration mechanism answers) and the ISA bus.  Each is attached if the configuration
 * has a line for it.  Mirrors OpenBSD's arch/i386/i386/mainbus.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <machine/mainbus.h>
#include <machine/pci_machdep.h>

static int
mainbus_match(struct device *, void *, void *)
{
	return 1;
}

/* Print function: "cpu at mainbus0 not configured" and the like. */
static int
mainbus_print(void *aux, const char *pnp)
{
	struct mainbus_attach_args *mba = (struct mainbus_attach_args *)aux;

	if (pnp != nullptr)
		printf("%s at %s", mba->mba_busname, pnp);
	return UNCONF;
}

static void
mainbus_attach(struct device *, struct device *self, void *)
{
	struct mainbus_attach_args mba;

	printf("\n");
	mba.mba_busname = "cpu";
	(void)config_found(self, &mba, mainbus_print);
	mba.mba_busname = "pci";
	if (pci_mode_detect() != 0)
		(void)config_found(self, &mba, mainbus_print);
	mba.mba_busname = "isa";
	(void)config_found(self, &mba, mainbus_print);
}

struct cfattach mainbus_ca = {
	sizeof(struct device), mainbus_match, mainbus_attach
};

struct cfdriver mainbus_cd = {
	nullptr, "mainbus", DV_DULL, 0, 0
};

/*
 * cpu_configure: find the hardware.
 * => called once from main(), with interrupts enabled.
 */
void
cpu_configure(void)
{
	config_init();
	if (config_rootfound("mainbus", nullptr) == nullptr)
		panic("cpu_configure: mainbus not configured");
}
