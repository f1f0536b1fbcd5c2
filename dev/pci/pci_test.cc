/*
 * pci_test.cc: pci(4) finds what the test machine has on its PCI bus.
 *
 * tools/testlib.py runs QEMU as "-nodefaults -machine pc -vga std": the
 * i440FX chipset (host bridge 0:0.0; the PIIX3 at device 1 with its ISA
 * bridge, IDE and power management functions) and the std VGA card at
 * 0:2.0.  -nodefaults leaves out the NIC, so nothing else is there; the
 * test asks for exactly this list, in scan order.  Also checked: tags
 * round-trip, and the dmesg wording of pci_devinfo() for a known and an
 * unknown function.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <sys/ktest.h>
#include <machine/pci_machdep.h>
#include <dev/pci/pcireg.h>
#include <dev/pci/pcivar.h>
#include <dev/pci/pcidevs.h>

static int
test_pci_tag(void)
{
	int b, d, f;

	pcitag_t tag = pci_make_tag(3, 17, 5);
	pci_decompose_tag(tag, &b, &d, &f);
	if (b != 3 || d != 17 || f != 5)
		return ktest_fail("tag 0x%08x decomposes to %d:%d.%d", tag,
		    b, d, f);
	if (pci_make_tag(0, 1, 1) != 0x80000900u)
		return ktest_fail("tag of 0:1.1 is 0x%08x, want 0x80000900",
		    pci_make_tag(0, 1, 1));
	return 0;
}
KTEST_DEFINE(pci_tag, test_pci_tag, 0);

static int
test_pci_scan(void)
{
	static const struct {
		int		dev, func;
		u_int		vendor, product, class_code, subclass;
	} want[] = {
		{ 0, 0, PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82441FX,
		    PCI_CLASS_BRIDGE, PCI_SUBCLASS_BRIDGE_HOST },
		{ 1, 0, PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82371SB_ISA,
		    PCI_CLASS_BRIDGE, PCI_SUBCLASS_BRIDGE_ISA },
		{ 1, 1, PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82371SB_IDE,
		    PCI_CLASS_MASS_STORAGE, PCI_SUBCLASS_MASS_STORAGE_IDE },
		{ 1, 3, PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82371AB_PMC,
		    PCI_CLASS_BRIDGE, PCI_SUBCLASS_BRIDGE_MISC },
		{ 2, 0, PCI_VENDOR_BOCHS, PCI_PRODUCT_BOCHS_VGA,
		    PCI_CLASS_DISPLAY, PCI_SUBCLASS_DISPLAY_VGA },
	};
	bool found = false;

	for (struct device *dv : alldevs)
		if (strcmp(dv->dv_xname, "pci0") == 0 &&
		    dv->dv_parent != nullptr &&
		    strcmp(dv->dv_parent->dv_xname, "mainbus0") == 0)
			found = true;
	if (!found)
		return ktest_fail("pci0 not attached at mainbus0");
	if (pci_nfuncs != (int)nitems(want))
		return ktest_fail("%d functions found, want %d", pci_nfuncs,
		    (int)nitems(want));
	for (int i = 0; i < pci_nfuncs; i++) {
		const struct pci_func *pf = &pci_funcs[i];
		int b, d, f;

		pci_decompose_tag(pf->pf_tag, &b, &d, &f);
		if (b != 0 || d != want[i].dev || f != want[i].func)
			return ktest_fail("function %d at %d:%d.%d, want "
			    "0:%d.%d", i, b, d, f, want[i].dev, want[i].func);
		if (PCI_VENDOR(pf->pf_id) != want[i].vendor ||
		    PCI_PRODUCT(pf->pf_id) != want[i].product)
			return ktest_fail("0:%d.%d is %04x:%04x, want "
			    "%04x:%04x", d, f, PCI_VENDOR(pf->pf_id),
			    PCI_PRODUCT(pf->pf_id), want[i].vendor,
			    want[i].product);
		if (PCI_CLASS(pf->pf_class) != want[i].class_code ||
		    PCI_SUBCLASS(pf->pf_class) != want[i].subclass)
			return ktest_fail("0:%d.%d has class 0x%02x/0x%02x, "
			    "want 0x%02x/0x%02x", d, f,
			    PCI_CLASS(pf->pf_class),
			    PCI_SUBCLASS(pf->pf_class), want[i].class_code,
			    want[i].subclass);
		/* The scan's record is what the hardware says now. */
		if (pci_conf_read(pf->pf_tag, PCI_ID_REG) != pf->pf_id)
			return ktest_fail("0:%d.%d id changed", d, f);
	}
	/* An empty slot answers all ones. */
	if (pci_conf_read(pci_make_tag(0, 31, 0), PCI_ID_REG) != 0xffffffffu)
		return ktest_fail("0:31.0 answers 0x%08x",
		    pci_conf_read(pci_make_tag(0, 31, 0), PCI_ID_REG));
	return 0;
}
KTEST_DEFINE(pci_scan, test_pci_scan, 0);

static int
test_pci_devinfo(void)
{
	static const struct {
		pcireg_t	id, class_reg;
		const char	*want;
	} cases[] = {
		{ PCI_ID_CODE(PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82441FX),
		    0x06000002, "\"Intel 82441FX\" rev 0x02" },
		{ PCI_ID_CODE(0xabcd, 0x5678), 0x06000000,
		    "vendor 0xabcd product 0x5678 class bridge subclass host "
		    "rev 0x00" },
		{ PCI_ID_CODE(PCI_VENDOR_INTEL, 0xbeef), 0x01010080,
		    "vendor \"Intel\", unknown product 0xbeef class mass "
		    "storage subclass IDE rev 0x80" },
	};
	char buf[128];

	for (const auto &c : cases) {
		pci_devinfo(c.id, c.class_reg, 1, buf, sizeof(buf));
		if (strcmp(buf, c.want) != 0)
			return ktest_fail("got '%s', want '%s'", buf, c.want);
	}
	return 0;
}
KTEST_DEFINE(pci_devinfo, test_pci_devinfo, 0);
