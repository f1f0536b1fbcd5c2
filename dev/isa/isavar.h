/*
 * <dev/isa/isavar.h>: what the ISA bus tells a driver's match and attach
 * functions: the resources its configuration line names (port, irq, ...),
 * which a match function may fill in (the size of the port range it
 * found).  The order of the fields is the order of isa's locators in
 * conf/files.
 */
#ifndef _DEV_ISA_ISAVAR_H_
#define _DEV_ISA_ISAVAR_H_

struct isa_attach_args {
	int	ia_iobase;	/* base I/O port, or -1 */
	int	ia_iosize;	/* ports used */
	int	ia_maddr;	/* device memory, or -1 */
	int	ia_msize;	/* its size */
	int	ia_irq;		/* interrupt line, or -1 */
	int	ia_drq;		/* DMA channel, or -1 */
};

/* Indices of the locators in a child's cf_loc (conf/files order). */
#define ISACF_PORT	0
#define ISACF_SIZE	1
#define ISACF_IOMEM	2
#define ISACF_IOSIZ	3
#define ISACF_IRQ	4
#define ISACF_DRQ	5

#endif /* !_DEV_ISA_ISAVAR_H_ */
