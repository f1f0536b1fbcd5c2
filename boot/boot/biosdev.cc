/*
 * biosdev.cc: the boot disk, read through the BIOS (INT 13h).
 *
 * boot(8) reads only the disk it was booted from, BIOS drive `boot_drive'
 * (0x80 for the first hard disk, which OpenBSD calls hd0), and on it only
 * the partition biosboot came from: libsa's file system asks for sectors
 * counted from the partition's start, and biosstrategy() adds its first
 * sector (the offset biosboot passed in %ebx).
 *
 * Two ways to read a sector, as in the mbr and biosboot:
 *   - the INT 13h extensions (AH=42h, "extended read"), which take a
 *     64-bit sector number (LBA) in a "disk address packet"; every BIOS
 *     since the late 1990s has them, and AH=41h says whether this one does;
 *   - the original AH=02h, which takes a cylinder/head/sector address
 *     (CHS) in the geometry AH=08h reports, and reaches 8 GB at most.
 * Either way the BIOS, running in real mode, can only write below 1 MiB,
 * so every read lands in the BOUNCE buffer first and is copied from there
 * to wherever it was wanted (the kernel goes to 2 MiB).  Mirrors
 * OpenBSD's libsa/biosdev.c.
 */
#include <sys/param.h>
#include "boot.h"

#define MAXRETRY	3		/* as the mbr: reset and retry */
#define BOUNCE_SECS	(BOUNCE_SIZE / DEV_BSIZE)

struct diskinfo bootdisk;

/* The packet AH=42h reads, somewhere below 1 MiB (our bss is). */
struct disk_addr_packet {
	u_int8_t	dap_size;	/* 16 */
	u_int8_t	dap_reserved;
	u_int16_t	dap_nsect;	/* sectors to read */
	u_int16_t	dap_off;	/* buffer, real-mode offset */
	u_int16_t	dap_seg;	/* and segment */
	u_int64_t	dap_lba;	/* first sector */
} __attribute__((__packed__));
static_assert(sizeof(struct disk_addr_packet) == 16);

static struct disk_addr_packet dap __attribute__((__aligned__(16)));

/*
 * diskprobe: find out how to read BIOS drive `drive', whose partition
 * starts at sector poffset, into bootdisk.
 * => returns 0, or EIO when the drive offers neither LBA nor a geometry.
 */
int
diskprobe(int drive, u_int32_t poffset)
{
	struct diskinfo *dip = &bootdisk;
	struct BIOS_regs r = {};

	dip->di_drive = drive;
	dip->di_poffset = poffset;

	r.biosr_ax = 0x4100;			/* AH=41h: extensions? */
	r.biosr_bx = 0x55aa;
	r.biosr_dx = drive;
	bioscall(0x13, &r);
	dip->di_lba = !(r.biosr_efl & PSL_C) &&
	    (r.biosr_bx & 0xffff) == 0xaa55 && (r.biosr_cx & 1);

	r = {};
	r.biosr_ax = 0x0800;			/* AH=08h: geometry */
	r.biosr_dx = drive;
	bioscall(0x13, &r);
	if (!(r.biosr_efl & PSL_C)) {
		u_int32_t cl = r.biosr_cx & 0xff, ch = (r.biosr_cx >> 8) & 0xff;
		dip->di_secs = cl & 0x3f;
		dip->di_cyls = (((cl & 0xc0) << 2) | ch) + 1;
		dip->di_heads = ((r.biosr_dx >> 8) & 0xff) + 1;
	}
	if (!dip->di_lba && dip->di_secs == 0)
		return EIO;
	return 0;
}

/* Reset the drive after an error (AH=00h). */
static void
biosd_reset(struct diskinfo *dip)
{
	struct BIOS_regs r = {};

	r.biosr_dx = dip->di_drive;
	bioscall(0x13, &r);
}

/*
 * Read nsect sectors from lba into BOUNCE in CHS mode, a track at most per
 * call (old BIOSes cannot cross a track).  Returns 0 or EIO.
 */
static int
biosd_chs(struct diskinfo *dip, u_int64_t lba, int nsect)
{
	u_int32_t pa = BOUNCE;

	while (nsect > 0) {
		struct BIOS_regs r = {};
		u_int32_t track = (u_int32_t)(lba / dip->di_secs);
		u_int32_t sec = (u_int32_t)(lba % dip->di_secs) + 1;
		u_int32_t head = track % dip->di_heads;
		u_int32_t cyl = track / dip->di_heads;
		int n = MIN(nsect, (int)(dip->di_secs - sec + 1));

		if (lba >= (u_int64_t)dip->di_cyls * dip->di_heads *
		    dip->di_secs || cyl > 1023)
			return EIO;		/* beyond what CHS reaches */
		r.biosr_ax = 0x0200 | n;	/* AH=02h: read, AL sectors */
		r.biosr_cx = ((cyl & 0xff) << 8) | ((cyl >> 2) & 0xc0) | sec;
		r.biosr_dx = (head << 8) | dip->di_drive;
		r.biosr_es = rm_seg(pa);
		r.biosr_bx = rm_off(pa);
		bioscall(0x13, &r);
		if (r.biosr_efl & PSL_C)
			return EIO;
		lba += n;
		nsect -= n;
		pa += n * DEV_BSIZE;
	}
	return 0;
}

/*
 * biosd_io: read nsect sectors (at most BOUNCE_SECS) starting at sector
 * lba of the whole disk into buf (anywhere in memory).
 * => returns 0, or EIO after MAXRETRY failed attempts.
 */
int
biosd_io(struct diskinfo *dip, u_int64_t lba, int nsect, void *buf)
{
	int error = EIO;

	for (int i = 0; i < MAXRETRY && error != 0; i++) {
		if (i > 0)
			biosd_reset(dip);
		if (dip->di_lba) {
			struct BIOS_regs r = {};
			dap.dap_size = sizeof(dap);
			dap.dap_reserved = 0;
			dap.dap_nsect = (u_int16_t)nsect;
			dap.dap_off = rm_off(BOUNCE);
			dap.dap_seg = rm_seg(BOUNCE);
			dap.dap_lba = lba;
			r.biosr_ax = 0x4200;	/* AH=42h: extended read */
			r.biosr_dx = dip->di_drive;
			r.biosr_ds = rm_seg((u_int32_t)(uintptr_t)&dap);
			r.biosr_si = rm_off((u_int32_t)(uintptr_t)&dap);
			bioscall(0x13, &r);
			error = (r.biosr_efl & PSL_C) ? EIO : 0;
		} else
			error = biosd_chs(dip, lba, nsect);
	}
	if (error == 0)
		memcpy(buf, (const void *)BOUNCE, (size_t)nsect * DEV_BSIZE);
	return error;
}

/*
 * biosstrategy: libsa's dv_strategy for the boot partition: size bytes
 * from sector blk of the partition into buf.
 * => returns 0 (with *rsize = size) or EIO.
 */
static int
biosstrategy(void *devdata, int rw, daddr_t blk, size_t size, void *buf,
    size_t *rsize)
{
	struct diskinfo *dip = (struct diskinfo *)devdata;
	char *p = (char *)buf;
	u_int64_t lba = dip->di_poffset + (u_int64_t)blk;

	*rsize = 0;
	if (rw != F_READ)
		return EROFS;
	while (size >= DEV_BSIZE) {
		int n = (int)MIN(size / DEV_BSIZE, (size_t)BOUNCE_SECS);
		if (biosd_io(dip, lba, n, p) != 0)
			return EIO;
		lba += n;
		p += (size_t)n * DEV_BSIZE;
		size -= (size_t)n * DEV_BSIZE;
		*rsize += (size_t)n * DEV_BSIZE;
	}
	if (size > 0) {
		/* A partial last sector: through a sector buffer. */
		char sect[DEV_BSIZE];
		if (biosd_io(dip, lba, 1, sect) != 0)
			return EIO;
		memcpy(p, sect, size);
		*rsize += size;
	}
	return 0;
}

struct devsw biosdevsw = { "biosdisk", biosstrategy };
