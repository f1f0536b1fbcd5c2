/*
 * <dev/pci/pcivar.h>: what the PCI bus tells the drivers it finds.
 *
 * pci(4) reads every function's ids and class and hands them to
 * autoconf(9) in a struct pci_attach_args; a driver's match function
 * looks at pa_id (vendor and product) or pa_class and answers.  The
 * locators a configuration line may give below pci are "dev" and
 * "function" (vga1 at pci? dev 2 function 0); PCICF_* index them in
 * cf_loc[], in the order conf/files declares them.
 * Mirrors OpenBSD's sys/dev/pci/pcivar.h (without the bus_space tags,
 * interrupt routing and DMA tags, which come with the first driver that
 * needs them).
 *
 * Locking: [I] immutable after autoconf, which runs once at boot.
 */
#ifndef _DEV_PCI_PCIVAR_H_
#define _DEV_PCI_PCIVAR_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <machine/pci_machdep.h>
#include <dev/pci/pcireg.h>

struct pci_attach_args {
	int		pa_bus;		/* bus number */
	int		pa_device;	/* device number, 0-31 */
	int		pa_function;	/* function number, 0-7 */
	pcitag_t	pa_tag;		/* for pci_conf_read() */
	pcireg_t	pa_id;		/* PCI_ID_REG: vendor, product */
	pcireg_t	pa_class;	/* PCI_CLASS_REG: class ... revision */
};

/* Locators below pci, as conf/files declares them. */
constexpr int PCICF_DEV = 0;
constexpr int PCICF_FUNCTION = 1;

/* One function the scan found, attached or not (for tests, and ddb). */
struct pci_func {
	pcitag_t	pf_tag;		/* [I] bus, device, function */
	pcireg_t	pf_id;		/* [I] vendor, product */
	pcireg_t	pf_class;	/* [I] class ... revision */
};

constexpr int PCI_MAXFUNCS = 64;	/* the record's size; more are not kept */

extern struct pci_func pci_funcs[PCI_MAXFUNCS];	/* [I] in scan order */
extern int pci_nfuncs;				/* [I] entries used */

__BEGIN_DECLS
void	pci_devinfo(pcireg_t id, pcireg_t class_reg, int showclass,
	    char *cp, size_t l);
__END_DECLS

#endif /* !_DEV_PCI_PCIVAR_H_ */
