/*
 * <sys/disklabel.h>: partitions of a disk.
 *
 * A disk's minor number holds the unit and a partition letter, sixteen
 * partitions per unit as in OpenBSD: wd0a is minor 0, wd0c minor 2, wd1a
 * minor 16.  Partition c is the whole disk by convention.  OpenBSD keeps
 * its own label inside an MBR partition of type 0xa6; we only read the
 * PC's MBR (sector 0: four 16-byte entries at offset 446 and the 0xaa55
 * signature at 510) and make its first partition wd0a, the others b, d,
 * e (c is taken), which is what OpenBSD's readdisklabel() spoofs when it
 * finds no label of its own.  See kern/subr_disk.cc.
 */
#ifndef _SYS_DISKLABEL_H_
#define _SYS_DISKLABEL_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/conf.h>

#define MAXPARTITIONS	16
#define RAW_PART	2		/* 'c': the whole disk */

#define DISKUNIT(dev)	(minor(dev) / MAXPARTITIONS)
#define DISKPART(dev)	(minor(dev) % MAXPARTITIONS)
#define DISKMINOR(unit, part)	(((unit) * MAXPARTITIONS) + (part))

/* The MBR: its layout, as in OpenBSD's <sys/disklabel.h> (DOSPARTOFF). */
#define DOSBBSECTOR	0		/* the MBR's sector */
#define DOSPARTOFF	446		/* offset of the partition table */
#define NDOSPART	4
#define DOSMBR_SIGNATURE_OFF	510
#define DOSMBR_SIGNATURE	0xaa55

struct dos_partition {
	u_int8_t	dp_flag;	/* 0x80: bootable */
	u_int8_t	dp_shd, dp_ssect, dp_scyl;	/* CHS start, unused */
	u_int8_t	dp_typ;		/* 0x83 Linux, 0xa6 OpenBSD, 0 unused */
	u_int8_t	dp_ehd, dp_esect, dp_ecyl;	/* CHS end, unused */
	u_int32_t	dp_start;	/* first sector (little-endian) */
	u_int32_t	dp_size;	/* sectors */
} __attribute__((__packed__));
static_assert(sizeof(struct dos_partition) == 16, "MBR entry layout");

struct partition {
	u_int64_t	p_offset;	/* first sector */
	u_int64_t	p_size;		/* sectors; 0: unused */
	u_int8_t	p_fstype;	/* the MBR type byte */
};

struct disklabel {
	u_int64_t	d_secperunit;	/* sectors on the disk */
	u_int16_t	d_npartitions;	/* entries of d_partitions in use */
	struct partition d_partitions[MAXPARTITIONS];
};

struct buf;

__BEGIN_DECLS
int	readdisklabel(dev_t dev, void (*strat)(struct buf *),
	    struct disklabel *lp);
void	setroot(void);
__END_DECLS

#endif /* !_SYS_DISKLABEL_H_ */
