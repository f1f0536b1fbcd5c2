/*
 * <dev/pci/pcidevs.h>: names for PCI vendor and product ids.
 *
 * PCI devices identify themselves by two 16-bit numbers, the vendor id
 * (assigned by the PCI-SIG: 0x8086 is Intel) and the product id (chosen
 * by the vendor).  Drivers match on the constants below; pci(4) prints
 * the names when it reports a function, so that a dmesg says "Intel
 * 82441FX" instead of 8086:1237.  OpenBSD generates this file from the
 * long list sys/dev/pci/pcidevs with devlist2h.awk; ours is written by
 * hand and holds only what QEMU's pc machine and its usual -device
 * options show, with OpenBSD's constant names and strings.  Add a line
 * here when a driver needs one.
 */
#ifndef _DEV_PCI_PCIDEVS_H_
#define _DEV_PCI_PCIDEVS_H_

#include <sys/types.h>

/* Vendors. */
constexpr u_int PCI_VENDOR_BOCHS = 0x1234;	/* QEMU's VGA */
constexpr u_int PCI_VENDOR_QUMRANET = 0x1af4;	/* virtio (now Red Hat) */
constexpr u_int PCI_VENDOR_REDHAT = 0x1b36;	/* QEMU's own devices */
constexpr u_int PCI_VENDOR_INTEL = 0x8086;

/* Bochs products. */
constexpr u_int PCI_PRODUCT_BOCHS_VGA = 0x1111;

/* Qumranet (virtio, legacy ids) products. */
constexpr u_int PCI_PRODUCT_QUMRANET_VIO_NET = 0x1000;
constexpr u_int PCI_PRODUCT_QUMRANET_VIO_BLOCK = 0x1001;
constexpr u_int PCI_PRODUCT_QUMRANET_VIO_MEM = 0x1002;
constexpr u_int PCI_PRODUCT_QUMRANET_VIO_CONS = 0x1003;
constexpr u_int PCI_PRODUCT_QUMRANET_VIO_SCSI = 0x1004;
constexpr u_int PCI_PRODUCT_QUMRANET_VIO_RNG = 0x1005;

/* Red Hat products. */
constexpr u_int PCI_PRODUCT_REDHAT_PPB = 0x0001;
constexpr u_int PCI_PRODUCT_REDHAT_COM = 0x0002;
constexpr u_int PCI_PRODUCT_REDHAT_COM_2 = 0x0003;
constexpr u_int PCI_PRODUCT_REDHAT_COM_4 = 0x0004;
constexpr u_int PCI_PRODUCT_REDHAT_SDHCI = 0x0007;
constexpr u_int PCI_PRODUCT_REDHAT_XHCI = 0x000d;
constexpr u_int PCI_PRODUCT_REDHAT_QXL = 0x0100;

/* Intel products. */
constexpr u_int PCI_PRODUCT_INTEL_82540EM = 0x100e;
constexpr u_int PCI_PRODUCT_INTEL_82441FX = 0x1237;
constexpr u_int PCI_PRODUCT_INTEL_82371SB_ISA = 0x7000;
constexpr u_int PCI_PRODUCT_INTEL_82371SB_IDE = 0x7010;
constexpr u_int PCI_PRODUCT_INTEL_82371SB_USB = 0x7020;
constexpr u_int PCI_PRODUCT_INTEL_82371AB_PMC = 0x7113;

/* The names, as pci_devinfo() prints them ("Intel" "82441FX"). */
struct pci_known_vendor {
	u_int		vendor;
	const char	*vendorname;
};

struct pci_known_product {
	u_int		vendor;
	u_int		product;
	const char	*productname;
};

inline constexpr struct pci_known_vendor pci_known_vendors[] = {
	{ PCI_VENDOR_BOCHS, "Bochs" },
	{ PCI_VENDOR_QUMRANET, "Qumranet" },
	{ PCI_VENDOR_REDHAT, "Red Hat" },
	{ PCI_VENDOR_INTEL, "Intel" },
};

inline constexpr struct pci_known_product pci_known_products[] = {
	{ PCI_VENDOR_BOCHS, PCI_PRODUCT_BOCHS_VGA, "VGA" },
	{ PCI_VENDOR_QUMRANET, PCI_PRODUCT_QUMRANET_VIO_NET,
	    "Virtio Network" },
	{ PCI_VENDOR_QUMRANET, PCI_PRODUCT_QUMRANET_VIO_BLOCK,
	    "Virtio Storage" },
	{ PCI_VENDOR_QUMRANET, PCI_PRODUCT_QUMRANET_VIO_MEM,
	    "Virtio Memory Balloon" },
	{ PCI_VENDOR_QUMRANET, PCI_PRODUCT_QUMRANET_VIO_CONS,
	    "Virtio Console" },
	{ PCI_VENDOR_QUMRANET, PCI_PRODUCT_QUMRANET_VIO_SCSI,
	    "Virtio SCSI" },
	{ PCI_VENDOR_QUMRANET, PCI_PRODUCT_QUMRANET_VIO_RNG, "Virtio RNG" },
	{ PCI_VENDOR_REDHAT, PCI_PRODUCT_REDHAT_PPB, "PCI-PCI" },
	{ PCI_VENDOR_REDHAT, PCI_PRODUCT_REDHAT_COM, "16550 Serial" },
	{ PCI_VENDOR_REDHAT, PCI_PRODUCT_REDHAT_COM_2, "2x16550 Serial" },
	{ PCI_VENDOR_REDHAT, PCI_PRODUCT_REDHAT_COM_4, "4x16550 Serial" },
	{ PCI_VENDOR_REDHAT, PCI_PRODUCT_REDHAT_SDHCI, "SDHCI" },
	{ PCI_VENDOR_REDHAT, PCI_PRODUCT_REDHAT_XHCI, "xHCI" },
	{ PCI_VENDOR_REDHAT, PCI_PRODUCT_REDHAT_QXL, "QXL" },
	{ PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82540EM, "82540EM" },
	{ PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82441FX, "82441FX" },
	{ PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82371SB_ISA, "82371SB ISA" },
	{ PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82371SB_IDE, "82371SB IDE" },
	{ PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82371SB_USB, "82371SB USB" },
	{ PCI_VENDOR_INTEL, PCI_PRODUCT_INTEL_82371AB_PMC, "82371AB Power" },
};

#endif /* !_DEV_PCI_PCIDEVS_H_ */
