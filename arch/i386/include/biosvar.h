/*
 * <machine/biosvar.h>: what a boot loader tells the kernel, in OpenBSD's
 * "bootarg" form.
 *
 * OpenBSD's boot(8) hands the kernel a list of tagged records (memory map,
 * console, boot disk, ...), each a bootarg32_t header followed by its
 * payload, the list ended by a record of type BOOTARG_END.  Our kernel
 * reads only this form.  When GRUB (or QEMU's -kernel) starts us through
 * multiboot instead, multiboot.cc translates the multiboot information
 * into the same list first, so init386() sees one format whichever loader
 * ran.  The layouts here are shared with boot(8) (a 32-bit program) and the
 * host unit tests (64-bit), so they use fixed-width types only.
 */
#ifndef _MACHINE_BIOSVAR_H_
#define _MACHINE_BIOSVAR_H_

#include <sys/cdefs.h>
#include <sys/types.h>

/* Which version of the boot interface the loader speaks (bootapiver). */
#define BAPIV_ANCIENT	0x0	/* MD old i386 bootblocks */
#define BAPIV_VARS	0x1	/* MD structure w/ add info passed */
#define BAPIV_VECTOR	0x2	/* MI vector of MD structures passed */
#define BAPIV_ENV	0x4	/* MI environment vars vector */
#define BAPIV_BMEMMAP	0x8	/* MI memory map passed is in bytes */
#define BOOTARG_APIVER	(BAPIV_VECTOR | BAPIV_ENV | BAPIV_BMEMMAP)

/* One range of the BIOS (E820) memory map. */
struct bios_memmap {
	u_int64_t addr;		/* beginning of block */
	u_int64_t size;		/* size of block */
	u_int32_t type;		/* type of block, BIOS_MAP_* */
} __attribute__((__packed__));
typedef struct bios_memmap bios_memmap_t;
static_assert(sizeof(bios_memmap_t) == 20);

#define BIOS_MAP_END	0x00	/* end of array */
#define BIOS_MAP_FREE	0x01	/* usable memory */
#define BIOS_MAP_RES	0x02	/* reserved memory */
#define BIOS_MAP_ACPI	0x03	/* ACPI reclaim memory */
#define BIOS_MAP_NVS	0x04	/* ACPI NVS memory */

/* Where the console is (BOOTARG_CONSDEV). */
struct bios_consdev {
	int32_t	consdev;	/* dev_t of the console: makedev(major, unit) */
	int32_t	conspeed;	/* baud rate */
	int32_t	consaddr;	/* I/O port of a serial console, or -1 */
	int32_t	consfreq;	/* UART clock, 0 for the default */
} __attribute__((__packed__));
typedef struct bios_consdev bios_consdev_t;

/* The header of each record in the list. */
struct bootarg32 {
	int32_t	ba_type;	/* BOOTARG_* */
	int32_t	ba_size;	/* size of the record, header included */
	int32_t	ba_nextX;	/* a pointer at boot time; unused here */
	/* followed by ba_size - sizeof(bootarg32_t) bytes of payload */
} __attribute__((__packed__));
typedef struct bootarg32 bootarg32_t;
static_assert(sizeof(bootarg32_t) == 12);

#define BOOTARG_END	-1
#define BOOTARG_MEMMAP	0	/* bios_memmap_t[], ended by BIOS_MAP_END */
#define BOOTARG_DISKINFO 1
#define BOOTARG_APMINFO	2
#define BOOTARG_CKSUMLEN 3
#define BOOTARG_PCIINFO	4
#define BOOTARG_CONSDEV	5	/* bios_consdev_t */
#define BOOTARG_SMPINFO	6
#define BOOTARG_BOOTMAC	7
#define BOOTARG_DDB	8
#define BOOTARG_BOOTDUID 9
#define BOOTARG_BOOTSR	10
#define BOOTARG_EFIINFO	11
#define BOOTARG_UCODE	12
/*
 * Ours, not OpenBSD's: the in-kernel test selector ("test=all" on the boot
 * command line), a NUL-terminated string.  See kern/kern_ktest.cc.
 */
#define BOOTARG_KTEST	64

/*
 * Also ours: where the loader put a ramdisk image (the first multiboot
 * module, QEMU's -initrd), for rd(4).  Physical addresses.
 */
#define BOOTARG_RDIMAGE	65
struct bios_rdimage {
	u_int32_t	rd_start;	/* first byte */
	u_int32_t	rd_end;		/* one past the last */
} __attribute__((__packed__));
typedef struct bios_rdimage bios_rdimage_t;

/* Room for the whole list; multiboot.cc and boot(8) fill at most this. */
#define BOOTARG_LEN	4096

/*
 * What the kernel learned from the list.  getbootinfo() fills it; the
 * memory map points into the list itself.
 */
struct bootinfo {
	bios_memmap_t	*bi_memmap;	/* BIOS_MAP_END terminated, or null */
	bios_consdev_t	*bi_consdev;	/* or null: use the defaults */
	const char	*bi_ktest;	/* test selector, or null */
	bios_rdimage_t	*bi_rdimage;	/* ramdisk image, or null */
	int		bi_nrecords;	/* records seen, END excluded */
	int		bi_unknown;	/* records of a type we skip */
};

/* A builder for the list, used by multiboot.cc, boot(8) and the tests. */
struct bootarg_builder {
	char	*bb_buf;	/* where the list goes */
	size_t	bb_len;		/* its capacity */
	size_t	bb_used;	/* bytes used so far */
	int	bb_overflow;	/* set when a record did not fit */
};

__BEGIN_DECLS
void	bootarg_init(struct bootarg_builder *, void *buf, size_t len);
void	bootarg_add(struct bootarg_builder *, int type, const void *data,
	    size_t len);
void	bootarg_end(struct bootarg_builder *);
[[nodiscard]] int getbootinfo(const void *args, size_t len,
	    struct bootinfo *bi);
int	boot_parse_flags(const char *cmdline, int *howto, const char **ktest,
	    size_t *ktestlen);
__END_DECLS

#endif /* !_MACHINE_BIOSVAR_H_ */
