/*
 * <machine/pci_machdep.h>: how the i386 reaches PCI configuration space.
 *
 * Every PCI function has 256 bytes of configuration registers (its ids,
 * class, header type, base address registers).  The bus driver in
 * dev/pci/pci.cc only names a function by a tag and asks for a register;
 * how the tag becomes a bus cycle is the machine's business, and this is
 * the interface between the two.  On the PC the answer is configuration
 * mechanism 1: write the address of the register to port 0xcf8, move the
 * data through port 0xcfc.  A tag is therefore the very word written to
 * 0xcf8, without the register number:
 *
 *	31	enable (always set in a tag)
 *	23:16	bus
 *	15:11	device
 *	10:8	function
 *	7:0	register (0 in a tag; pci_conf_read adds it)
 *
 * Mirrors OpenBSD's sys/arch/i386/include/pci_machdep.h, without the
 * chipset tag (there is one host bridge) and without mechanism 2, which
 * only some 1990s chipsets needed.
 */
#ifndef _MACHINE_PCI_MACHDEP_H_
#define _MACHINE_PCI_MACHDEP_H_

#include <sys/cdefs.h>
#include <sys/types.h>

typedef u_int32_t pcitag_t;	/* mechanism 1 address of register 0 */
typedef u_int32_t pcireg_t;	/* one 32-bit configuration register */

/* Configuration mechanism 1: the address port and the data port. */
constexpr u_int PCI_MODE1_ADDRESS_REG = 0xcf8;
constexpr u_int PCI_MODE1_DATA_REG = 0xcfc;
constexpr u_int32_t PCI_MODE1_ENABLE = 0x80000000u;

/* Limits of a tag's fields. */
constexpr int PCI_BUSMAX = 255;
constexpr int PCI_DEVMAX = 31;
constexpr int PCI_FUNCMAX = 7;

__BEGIN_DECLS
int	pci_mode_detect(void);
pcitag_t pci_make_tag(int bus, int dev, int func);
void	pci_decompose_tag(pcitag_t tag, int *bp, int *dp, int *fp);
pcireg_t pci_conf_read(pcitag_t tag, int reg);
void	pci_conf_write(pcitag_t tag, int reg, pcireg_t data);
__END_DECLS

#endif /* !_MACHINE_PCI_MACHDEP_H_ */
