/*
 * pci_machdep.cc: PCI configuration space on the PC, mechanism 1.
 *
 * The PCI bus driver (dev/pci/pci.cc) is machine-independent: it walks
 * buses, devices and functions and reads their configuration registers
 * through the four functions here.  On the PC those registers are not in
 * the memory map; the host bridge decodes two I/O ports instead.  A
 * 32-bit write to 0xcf8 (CONFIG_ADDRESS) selects bus, device, function
 * and register, with bit 31 set to say "this is a configuration cycle";
 * the following 32-bit access to 0xcfc (CONFIG_DATA) reads or writes
 * that register.  A function that is not there answers all ones, so its
 * vendor id reads 0xffff, which the bus driver takes as "empty slot".
 *
 * The two port accesses are a pair that must not be split: an interrupt
 * handler that selected another register between them would make us read
 * its register.  Each access therefore runs at splhigh.
 *
 * Mirrors OpenBSD's sys/arch/i386/pci/pci_machdep.c (pci_mode_detect,
 * pci_make_tag, pci_conf_read), without mechanism 2 and without the
 * chipset tag argument.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>
#include <machine/pci_machdep.h>

/* 0: not yet probed, 1: mechanism 1 works, -1: no usable mechanism. */
static int pci_mode;

/*
 * pci_mode_detect: which configuration mechanism this machine has.
 * => returns 1 for mechanism 1, 0 if there is none we can use (then
 *    there is no PCI for us, as on an ISA-only PC).
 * => may be called more than once: the answer is found once and kept.
 */
int
pci_mode_detect(void)
{
	if (pci_mode != 0)
		return pci_mode > 0 ? pci_mode : 0;

	splguard s(IPL_HIGH);

	/*
	 * A mechanism 1 bridge latches the whole 32-bit address written to
	 * 0xcf8 and gives it back on a read.  On a machine without one the
	 * port is unused (reads float to all ones) or belongs to something
	 * narrower, so the value does not come back.  Put back what was
	 * there: BIOSes leave the latch set up and we owe it nothing else.
	 */
	u_int32_t saved = inl(PCI_MODE1_ADDRESS_REG);
	outl(PCI_MODE1_ADDRESS_REG, PCI_MODE1_ENABLE);
	u_int32_t back = inl(PCI_MODE1_ADDRESS_REG);
	bool latched = (back == PCI_MODE1_ENABLE);

	/*
	 * The latch alone could be a coincidence; a host bridge at bus 0
	 * device 0 is not.  Every PC chipset puts one there.
	 */
	u_int32_t id = 0xffffffffu;
	if (latched) {
		outl(PCI_MODE1_ADDRESS_REG, PCI_MODE1_ENABLE);
		id = inl(PCI_MODE1_DATA_REG);
	}
	outl(PCI_MODE1_ADDRESS_REG, saved);

	pci_mode = (latched && (id & 0xffff) != 0xffff) ? 1 : -1;
	return pci_mode > 0 ? pci_mode : 0;
}

/*
 * pci_make_tag: the tag of function func of device dev on bus bus.
 * => the numbers must be in range (bus <= 255, dev <= 31, func <= 7).
 */
pcitag_t
pci_make_tag(int bus, int dev, int func)
{
	KASSERT(bus >= 0 && bus <= PCI_BUSMAX);
	KASSERT(dev >= 0 && dev <= PCI_DEVMAX);
	KASSERT(func >= 0 && func <= PCI_FUNCMAX);
	return PCI_MODE1_ENABLE | (u_int32_t)bus << 16 |
	    (u_int32_t)dev << 11 | (u_int32_t)func << 8;
}

/*
 * pci_decompose_tag: the bus, device and function a tag names.
 * => any of the pointers may be null when the caller does not care.
 */
void
pci_decompose_tag(pcitag_t tag, int *bp, int *dp, int *fp)
{
	if (bp != nullptr)
		*bp = (tag >> 16) & 0xff;
	if (dp != nullptr)
		*dp = (tag >> 11) & 0x1f;
	if (fp != nullptr)
		*fp = (tag >> 8) & 0x7;
}

/*
 * pci_conf_read: configuration register reg (a byte offset, a multiple
 * of 4 below 256) of the function tag names.
 * => any context; the port pair runs at splhigh.
 * => returns all ones for a function that does not exist.
 */
pcireg_t
pci_conf_read(pcitag_t tag, int reg)
{
	KASSERT(reg >= 0 && reg < 256 && (reg & 3) == 0);
	KASSERT(pci_mode == 1);

	splguard s(IPL_HIGH);
	outl(PCI_MODE1_ADDRESS_REG, tag | reg);
	pcireg_t data = inl(PCI_MODE1_DATA_REG);
	/* Leave the latch disabled, so a stray 0xcfc access does nothing. */
	outl(PCI_MODE1_ADDRESS_REG, 0);
	return data;
}

/*
 * pci_conf_write: store data in configuration register reg of the
 * function tag names.
 * => any context; the port pair runs at splhigh.
 */
void
pci_conf_write(pcitag_t tag, int reg, pcireg_t data)
{
	KASSERT(reg >= 0 && reg < 256 && (reg & 3) == 0);
	KASSERT(pci_mode == 1);

	splguard s(IPL_HIGH);
	outl(PCI_MODE1_ADDRESS_REG, tag | reg);
	outl(PCI_MODE1_DATA_REG, data);
	outl(PCI_MODE1_ADDRESS_REG, 0);
}
