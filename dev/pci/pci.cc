/*
 * pci.cc: pci(4), the PCI bus driver.
 *
 * Unlike ISA, PCI can say what is on it.  Every device (0-31 on a bus)
 * has at least function 0, and up to 8 functions if function 0's header
 * type says "multifunction"; each function's configuration space starts
 * with its vendor and product id and its class (see pcireg.h).  An empty
 * slot answers 0xffff as vendor.  So pci_attach() simply walks bus 0,
 * device by device and function by function, and for each function it
 * finds fills a struct pci_attach_args and calls config_found(): the
 * drivers configured below pci (vga, pciide, ...) look at the ids and
 * class and say whether the function is theirs.  One nobody claims is
 * reported by pciprint() in OpenBSD's words,
 *
 *	"Intel 82441FX" rev 0x02 at pci0 dev 0 function 0 not configured
 *
 * with the names from pcidevs.h, or the raw ids and the class names for
 * what the table does not know.  Every function found is also noted in
 * pci_funcs[], which the tests (and a curious reader in ddb) can walk.
 *
 * How a configuration register is reached is machine-dependent, behind
 * pci_conf_read() (arch/i386/pci/pci_machdep.cc, mechanism 1 on the PC).
 * XXX Only bus 0 is scanned: PCI-PCI bridges (ppb(4)), which would lead
 * to further buses, wait for their driver.  Base address registers and
 * interrupt lines are left for the drivers that need them.
 * Mirrors OpenBSD's sys/dev/pci/pci.c (pci_probe_device, pciprint) and
 * pci_subr.c (pci_devinfo).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <machine/mainbus.h>
#include <machine/pci_machdep.h>
#include <dev/pci/pcireg.h>
#include <dev/pci/pcivar.h>
#include <dev/pci/pcidevs.h>

struct pci_softc {
	struct device	sc_dev;
	int		sc_bus;		/* [I] the bus number we scan */
};

struct pci_func pci_funcs[PCI_MAXFUNCS];
int pci_nfuncs;

/*
 * Class and subclass names, as OpenBSD's pci_subr.c prints them.  A
 * subclass list ends with a null name.
 */
struct pci_subclass {
	u_int		subclass;
	const char	*name;
};

struct pci_class {
	u_int		class_code;
	const char	*name;
	const struct pci_subclass *subclasses;
};

static const struct pci_subclass pci_subclass_mass_storage[] = {
	{ 0x00, "SCSI" }, { 0x01, "IDE" }, { 0x02, "floppy" },
	{ 0x03, "IPI" }, { 0x04, "RAID" }, { 0x05, "ATA" },
	{ 0x06, "SATA" }, { 0x07, "SAS" }, { 0x08, "NVM" },
	{ 0x80, "miscellaneous" }, { 0, nullptr }
};

static const struct pci_subclass pci_subclass_network[] = {
	{ 0x00, "ethernet" }, { 0x01, "token ring" }, { 0x02, "FDDI" },
	{ 0x03, "ATM" }, { 0x04, "ISDN" }, { 0x80, "miscellaneous" },
	{ 0, nullptr }
};

static const struct pci_subclass pci_subclass_display[] = {
	{ 0x00, "VGA" }, { 0x01, "XGA" }, { 0x02, "3D" },
	{ 0x80, "miscellaneous" }, { 0, nullptr }
};

static const struct pci_subclass pci_subclass_bridge[] = {
	{ 0x00, "host" }, { 0x01, "ISA" }, { 0x02, "EISA" },
	{ 0x03, "MicroChannel" }, { 0x04, "PCI" }, { 0x05, "PCMCIA" },
	{ 0x06, "NuBus" }, { 0x07, "CardBus" }, { 0x08, "RACEway" },
	{ 0x09, "Semi-transparent PCI" }, { 0x0a, "InfiniBand" },
	{ 0x80, "miscellaneous" }, { 0, nullptr }
};

static const struct pci_subclass pci_subclass_serialbus[] = {
	{ 0x00, "Firewire" }, { 0x01, "ACCESS.bus" }, { 0x02, "SSA" },
	{ 0x03, "USB" }, { 0x04, "Fiber Channel" }, { 0x05, "SMBus" },
	{ 0x80, "miscellaneous" }, { 0, nullptr }
};

static const struct pci_class pci_classes[] = {
	{ PCI_CLASS_PREHISTORIC, "prehistoric", nullptr },
	{ PCI_CLASS_MASS_STORAGE, "mass storage", pci_subclass_mass_storage },
	{ PCI_CLASS_NETWORK, "network", pci_subclass_network },
	{ PCI_CLASS_DISPLAY, "display", pci_subclass_display },
	{ PCI_CLASS_MULTIMEDIA, "multimedia", nullptr },
	{ PCI_CLASS_MEMORY, "memory", nullptr },
	{ PCI_CLASS_BRIDGE, "bridge", pci_subclass_bridge },
	{ PCI_CLASS_COMMUNICATIONS, "communications", nullptr },
	{ PCI_CLASS_SYSTEM, "system", nullptr },
	{ PCI_CLASS_INPUT, "input", nullptr },
	{ PCI_CLASS_DOCK, "dock", nullptr },
	{ PCI_CLASS_PROCESSOR, "processor", nullptr },
	{ PCI_CLASS_SERIALBUS, "serial bus", pci_subclass_serialbus },
	{ PCI_CLASS_WIRELESS, "wireless", nullptr },
	{ PCI_CLASS_I2O, "I2O", nullptr },
	{ PCI_CLASS_SATCOM, "satellite comm", nullptr },
	{ PCI_CLASS_CRYPTO, "crypto", nullptr },
	{ PCI_CLASS_DASP, "DASP", nullptr },
	{ PCI_CLASS_ACCELERATOR, "accelerator", nullptr },
	{ PCI_CLASS_INSTRUMENTATION, "instrumentation", nullptr },
};

static const char *
pci_findvendor(u_int vendor)
{
	for (const auto &v : pci_known_vendors)
		if (v.vendor == vendor)
			return v.vendorname;
	return nullptr;
}

static const char *
pci_findproduct(u_int vendor, u_int product)
{
	for (const auto &p : pci_known_products)
		if (p.vendor == vendor && p.product == product)
			return p.productname;
	return nullptr;
}

/*
 * pci_devinfo: describe a function in cp (of size l) the way dmesg does:
 * "\"Intel 82441FX\" rev 0x02" for a known product; for others the ids,
 * and with showclass the class and subclass names as well.
 * => any context; cp is always terminated.
 */
void
pci_devinfo(pcireg_t id, pcireg_t class_reg, int showclass, char *cp,
    size_t l)
{
	u_int vendor = PCI_VENDOR(id), product = PCI_PRODUCT(id);
	const char *vname = pci_findvendor(vendor);
	const char *pname = pci_findproduct(vendor, product);
	size_t n;

	if (vname == nullptr)
		n = snprintf(cp, l, "vendor 0x%04x product 0x%04x", vendor,
		    product);
	else if (pname != nullptr)
		n = snprintf(cp, l, "\"%s %s\"", vname, pname);
	else
		n = snprintf(cp, l, "vendor \"%s\", unknown product 0x%04x",
		    vname, product);

	/* A name says enough; raw ids are helped by the class. */
	if (showclass && pname == nullptr && n < l) {
		const struct pci_class *pc = nullptr;
		for (const auto &c : pci_classes)
			if (c.class_code == PCI_CLASS(class_reg))
				pc = &c;
		if (pc == nullptr)
			n += snprintf(cp + n, l - n, " class 0x%02x",
			    PCI_CLASS(class_reg));
		else {
			const char *sname = nullptr;
			for (const struct pci_subclass *s = pc->subclasses;
			    s != nullptr && s->name != nullptr; s++)
				if (s->subclass == PCI_SUBCLASS(class_reg))
					sname = s->name;
			if (sname != nullptr)
				n += snprintf(cp + n, l - n,
				    " class %s subclass %s", pc->name, sname);
			else
				n += snprintf(cp + n, l - n,
				    " class %s subclass 0x%02x", pc->name,
				    PCI_SUBCLASS(class_reg));
		}
	}
	if (n < l)
		snprintf(cp + n, l - n, " rev 0x%02x", PCI_REVISION(class_reg));
}

/*
 * pciprint: the bus part of a child's attach line, " dev 1 function 1";
 * for a function nothing claimed (pnp is the bus's name) what it is first.
 */
static int
pciprint(void *aux, const char *pnp)
{
	struct pci_attach_args *pa = (struct pci_attach_args *)aux;
	char devinfo[128];

	if (pnp != nullptr) {
		pci_devinfo(pa->pa_id, pa->pa_class, 1, devinfo,
		    sizeof(devinfo));
		printf("%s at %s", devinfo, pnp);
	}
	printf(" dev %d function %d", pa->pa_device, pa->pa_function);
	return UNCONF;
}

/*
 * pci_submatch: may configuration entry cf take this function?  Only if
 * its "dev" and "function" locators (wildcards by default) agree; then
 * the driver's own match decides.
 */
static int
pci_submatch(struct device *parent, void *match, void *aux)
{
	struct cfdata *cf = (struct cfdata *)match;
	struct pci_attach_args *pa = (struct pci_attach_args *)aux;

	if (cf->cf_loc != nullptr) {
		if (cf->cf_loc[PCICF_DEV] != LOC_WILDCARD &&
		    cf->cf_loc[PCICF_DEV] != pa->pa_device)
			return 0;
		if (cf->cf_loc[PCICF_FUNCTION] != LOC_WILDCARD &&
		    cf->cf_loc[PCICF_FUNCTION] != pa->pa_function)
			return 0;
	}
	return (*cf->cf_attach->ca_match)(parent, cf, aux);
}

/*
 * pci_probe_device: offer one function to the drivers below pci.
 * => boot time, process context (autoconf).
 * => returns false if nothing answers at tag (an empty function).
 */
static bool
pci_probe_device(struct pci_softc *sc, pcitag_t tag)
{
	struct pci_attach_args pa;
	pcireg_t id = pci_conf_read(tag, PCI_ID_REG);

	/* All ones is "nobody home"; some bridges answer zeros instead. */
	if (PCI_VENDOR(id) == PCI_VENDOR_INVALID || PCI_VENDOR(id) == 0)
		return false;

	pa.pa_bus = sc->sc_bus;
	pci_decompose_tag(tag, nullptr, &pa.pa_device, &pa.pa_function);
	pa.pa_tag = tag;
	pa.pa_id = id;
	pa.pa_class = pci_conf_read(tag, PCI_CLASS_REG);

	if (pci_nfuncs < PCI_MAXFUNCS) {
		pci_funcs[pci_nfuncs].pf_tag = tag;
		pci_funcs[pci_nfuncs].pf_id = pa.pa_id;
		pci_funcs[pci_nfuncs].pf_class = pa.pa_class;
		pci_nfuncs++;
	}
	(void)config_found_sm(&sc->sc_dev, &pa, pciprint, pci_submatch);
	return true;
}

static int
pci_match(struct device *, void *, void *aux)
{
	struct mainbus_attach_args *mba = (struct mainbus_attach_args *)aux;

	if (strcmp(mba->mba_busname, "pci") != 0)
		return 0;
	return pci_mode_detect() != 0;
}

/*
 * pci_attach: scan bus 0 and offer every function found to autoconf.
 * => boot time, process context; the children attach before we return.
 */
static void
pci_attach(struct device *, struct device *self, void *)
{
	struct pci_softc *sc = (struct pci_softc *)self;

	sc->sc_bus = 0;
	printf(" bus %d\n", sc->sc_bus);

	for (int dev = 0; dev <= PCI_DEVMAX; dev++) {
		pcitag_t tag = pci_make_tag(sc->sc_bus, dev, 0);
		if (!pci_probe_device(sc, tag))
			continue;

		/*
		 * Functions 1-7 may only be looked at when function 0 says
		 * it has them: a single-function device may decode the
		 * function number loosely and answer as itself in all 8.
		 */
		pcireg_t bhlcr = pci_conf_read(tag, PCI_BHLC_REG);
		if (!PCI_HDRTYPE_MULTIFN(bhlcr))
			continue;
		for (int func = 1; func <= PCI_FUNCMAX; func++)
			(void)pci_probe_device(sc,
			    pci_make_tag(sc->sc_bus, dev, func));
	}
}

struct cfattach pci_ca = {
	sizeof(struct pci_softc), pci_match, pci_attach
};

struct cfdriver pci_cd = {
	nullptr, "pci", DV_DULL, 0, 0
};
