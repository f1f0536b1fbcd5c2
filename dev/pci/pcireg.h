/*
 * <dev/pci/pcireg.h>: the standard PCI configuration registers.
 *
 * Every PCI function, whatever it is, starts its 256 bytes of
 * configuration space with the same header: who made it (vendor and
 * product id), what it is (class, subclass, programming interface,
 * revision) and how the header goes on (header type, with a bit that
 * says the device has more than one function).  The bus driver reads
 * only these; the registers after them belong to the driver that
 * attaches.  The accessors keep OpenBSD's names (PCI_VENDOR(id),
 * PCI_CLASS(class), ...) so that its pci(4) code and manual read the same;
 * they are constexpr functions rather than macros.
 * Mirrors OpenBSD's sys/dev/pci/pcireg.h (the part we use).
 */
#ifndef _DEV_PCI_PCIREG_H_
#define _DEV_PCI_PCIREG_H_

#include <sys/types.h>

/* Register 0x00: vendor id (low half) and product id (high half). */
constexpr int PCI_ID_REG = 0x00;
constexpr u_int PCI_VENDOR_INVALID = 0xffff;	/* nobody answered */

constexpr u_int
PCI_VENDOR(u_int32_t id)
{
	return id & 0xffff;
}

constexpr u_int
PCI_PRODUCT(u_int32_t id)
{
	return (id >> 16) & 0xffff;
}

constexpr u_int32_t
PCI_ID_CODE(u_int vendor, u_int product)
{
	return (u_int32_t)product << 16 | vendor;
}

/* Register 0x04: command (low half) and status (high half). */
constexpr int PCI_COMMAND_STATUS_REG = 0x04;

/* Register 0x08: class, subclass, programming interface, revision. */
constexpr int PCI_CLASS_REG = 0x08;

constexpr u_int
PCI_CLASS(u_int32_t cr)
{
	return (cr >> 24) & 0xff;
}

constexpr u_int
PCI_SUBCLASS(u_int32_t cr)
{
	return (cr >> 16) & 0xff;
}

constexpr u_int
PCI_INTERFACE(u_int32_t cr)
{
	return (cr >> 8) & 0xff;
}

constexpr u_int
PCI_REVISION(u_int32_t cr)
{
	return cr & 0xff;
}

/* The class codes (PCI Code and ID Assignment Specification). */
constexpr u_int PCI_CLASS_PREHISTORIC = 0x00;
constexpr u_int PCI_CLASS_MASS_STORAGE = 0x01;
constexpr u_int PCI_CLASS_NETWORK = 0x02;
constexpr u_int PCI_CLASS_DISPLAY = 0x03;
constexpr u_int PCI_CLASS_MULTIMEDIA = 0x04;
constexpr u_int PCI_CLASS_MEMORY = 0x05;
constexpr u_int PCI_CLASS_BRIDGE = 0x06;
constexpr u_int PCI_CLASS_COMMUNICATIONS = 0x07;
constexpr u_int PCI_CLASS_SYSTEM = 0x08;
constexpr u_int PCI_CLASS_INPUT = 0x09;
constexpr u_int PCI_CLASS_DOCK = 0x0a;
constexpr u_int PCI_CLASS_PROCESSOR = 0x0b;
constexpr u_int PCI_CLASS_SERIALBUS = 0x0c;
constexpr u_int PCI_CLASS_WIRELESS = 0x0d;
constexpr u_int PCI_CLASS_I2O = 0x0e;
constexpr u_int PCI_CLASS_SATCOM = 0x0f;
constexpr u_int PCI_CLASS_CRYPTO = 0x10;
constexpr u_int PCI_CLASS_DASP = 0x11;
constexpr u_int PCI_CLASS_ACCELERATOR = 0x12;
constexpr u_int PCI_CLASS_INSTRUMENTATION = 0x13;
constexpr u_int PCI_CLASS_UNDEFINED = 0xff;

/* The subclasses the drivers to come will match on. */
constexpr u_int PCI_SUBCLASS_MASS_STORAGE_SCSI = 0x00;
constexpr u_int PCI_SUBCLASS_MASS_STORAGE_IDE = 0x01;
constexpr u_int PCI_SUBCLASS_MASS_STORAGE_SATA = 0x06;
constexpr u_int PCI_SUBCLASS_NETWORK_ETHERNET = 0x00;
constexpr u_int PCI_SUBCLASS_DISPLAY_VGA = 0x00;
constexpr u_int PCI_SUBCLASS_BRIDGE_HOST = 0x00;
constexpr u_int PCI_SUBCLASS_BRIDGE_ISA = 0x01;
constexpr u_int PCI_SUBCLASS_BRIDGE_PCI = 0x04;
constexpr u_int PCI_SUBCLASS_BRIDGE_MISC = 0x80;

/* Register 0x0c: BIST, header type, latency timer, cache line size. */
constexpr int PCI_BHLC_REG = 0x0c;

constexpr u_int
PCI_HDRTYPE(u_int32_t bhlcr)
{
	return (bhlcr >> 16) & 0xff;
}

constexpr u_int
PCI_HDRTYPE_TYPE(u_int32_t bhlcr)
{
	return PCI_HDRTYPE(bhlcr) & 0x7f;
}

/* Functions 1-7 exist only if function 0 sets this bit. */
constexpr bool
PCI_HDRTYPE_MULTIFN(u_int32_t bhlcr)
{
	return (PCI_HDRTYPE(bhlcr) & 0x80) != 0;
}

#endif /* !_DEV_PCI_PCIREG_H_ */
