/*
 * <dev/ata/atareg.h>: the ATA task file and commands.
 *
 * An ATA channel is eight byte-wide registers at a command block (0x1f0
 * for the primary channel) plus one at a control block (0x3f6), shared
 * by the two drives on the cable, master (0) and slave (1); the drive
 * select bit in wd_sdh says which one the next command is for.  Data
 * moves through wd_data sixteen bits at a time.  The IDENTIFY DEVICE
 * answer is 256 little-endian words; the indices of the ones we read
 * are below.
 * Mirrors OpenBSD's sys/dev/ic/wdcreg.h (registers) and
 * sys/dev/ata/atareg.h (commands, IDENTIFY), merged into one file.
 */
#ifndef _DEV_ATA_ATAREG_H_
#define _DEV_ATA_ATAREG_H_

/* Command block registers: offsets from the base port. */
#define wd_data		0	/* data (16 bits) */
#define wd_error	1	/* error (read) */
#define wd_features	1	/* features (write) */
#define wd_seccnt	2	/* sector count */
#define wd_sector	3	/* LBA bits 0-7 (and 24-31 for LBA48) */
#define wd_cyl_lo	4	/* LBA bits 8-15 (32-39) */
#define wd_cyl_hi	5	/* LBA bits 16-23 (40-47) */
#define wd_sdh		6	/* drive select, LBA bits 24-27 */
#define wd_command	7	/* command (write) */
#define wd_status	7	/* status (read; clears the interrupt) */
#define WDC_NREG	8

/* Control block: at ctlbase; 0x206 above the command block on ISA. */
#define WDC_ISA_AUXREG_OFFSET	0x206
#define wd_aux_altsts	0	/* alternate status (read; no side effect) */
#define wd_aux_ctlr	0	/* device control (write) */
#define WDCTL_4BIT	0x08	/* obsolete, set by convention */
#define WDCTL_RST	0x04	/* software reset of both drives */
#define WDCTL_IDS	0x02	/* nIEN: the drives raise no interrupt */

/* wd_status. */
#define WDCS_BSY	0x80	/* busy: no other bit is valid */
#define WDCS_DRDY	0x40	/* drive ready */
#define WDCS_DWF	0x20	/* drive write fault */
#define WDCS_DRQ	0x08	/* data request: a block may move */
#define WDCS_ERR	0x01	/* error: see wd_error */

/* wd_sdh. */
#define WDSD_IBM	0xa0	/* bits that must be set */
#define WDSD_LBA	0x40	/* LBA addressing */

/* Commands. */
#define WDCC_READ		0x20	/* read sectors, LBA28 */
#define WDCC_READ_EXT		0x24	/* LBA48 */
#define WDCC_READMULTI_EXT	0x29
#define WDCC_WRITE		0x30
#define WDCC_WRITE_EXT		0x34
#define WDCC_WRITEMULTI_EXT	0x39
#define WDCC_READMULTI		0xc4	/* one interrupt per multiple block */
#define WDCC_WRITEMULTI		0xc5
#define WDCC_SETMULTI		0xc6	/* sector count = block size */
#define WDCC_IDENTIFY		0xec	/* 512 bytes of parameters */

/* IDENTIFY DEVICE: word indices. */
#define ATA_PARAM_MODEL		27	/* 40 characters, words 27-46 */
#define ATA_PARAM_MODEL_LEN	40
#define ATA_PARAM_MULTI		47	/* low byte: largest multiple block */
#define ATA_PARAM_CAP		49	/* capabilities */
#define WDC_CAP_LBA		0x0200
#define ATA_PARAM_CAPACITY	60	/* LBA28 sectors, words 60-61 */
#define ATA_PARAM_CMD2		83	/* command sets supported */
#define ATA_CMD2_LBA48		0x0400
#define ATA_PARAM_MAX_LBA	100	/* LBA48 sectors, words 100-103 */

#define ATA_LBA28_MAX		(1ULL << 28)	/* sectors LBA28 can address */

#endif /* !_DEV_ATA_ATAREG_H_ */
