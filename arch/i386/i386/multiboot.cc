/*
 * multiboot.cc: translate what a multiboot loader passed into OpenBSD's
 * bootarg form.
 *
 * GRUB and QEMU's -kernel start us with %eax = 0x2badb002 and %ebx = the
 * physical address of a "multiboot information" structure: which of its
 * fields are valid (mi_flags), the memory sizes, a memory map in E820
 * style, the command line.  OpenBSD's boot(8) passes instead its bootarg
 * list and the boot flags as arguments.  So that everything after locore
 * reads one format, locore calls locore_bootargs() right after paging is
 * on (while the identity map still makes low physical memory readable),
 * and it fills in exactly the variables boot(8) would have: boothowto,
 * bootdev, bootapiver, biosbasemem, biosextmem, bootargc, bootargv.
 *
 * Nothing can be printed yet (there is no console); trouble is recorded
 * in multiboot_trouble and reported by init386() once there is.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/reboot.h>
#include <machine/biosvar.h>
#include <machine/multiboot.h>
#include <dev/ic/comvar.h>

extern "C" {
/* Set by locore.asm. */
extern u_int32_t multiboot_magic, multiboot_info;
extern int boothowto, bootdev, bootapiver, biosbasemem, biosextmem;
extern int bootargc;
extern void *bootargv;
}

const char *multiboot_trouble;		/* for init386() to print */

/* The list we build; bootargv points here afterwards. */
static char multiboot_bootargs[BOOTARG_LEN] __attribute__((__aligned__(4)));

/* The most memory map entries we translate (QEMU gives about six). */
#define MB_MAXMAP	64

/* Physical memory locore's identity map lets us read, [0, this). */
#define MB_READABLE	(4UL * NBPD)

/* A pointer to physical address pa, if [pa, pa + len) is readable. */
static const void *
mb_phys(u_int32_t pa, u_int32_t len)
{
	if (pa >= MB_READABLE || len > MB_READABLE - pa) {
		multiboot_trouble = "multiboot data above the identity map";
		return nullptr;
	}
	return (const void *)(uintptr_t)pa;
}

/* Map a multiboot memory type to a BIOS_MAP_* type. */
static u_int32_t
mb_maptype(u_int32_t type)
{
	switch (type) {
	case MULTIBOOT_MEMORY_AVAILABLE:
		return BIOS_MAP_FREE;
	case MULTIBOOT_MEMORY_ACPI:
		return BIOS_MAP_ACPI;
	case MULTIBOOT_MEMORY_NVS:
		return BIOS_MAP_NVS;
	default:
		return BIOS_MAP_RES;
	}
}

/*
 * Translate the memory information: the full map when the loader gave
 * one, else the two sizes every multiboot loader gives (memory below
 * 640 KiB and above 1 MiB, in KiB), which is what old BIOSes offered too.
 */
static void
mb_memmap(const struct multiboot_info *mi, struct bootarg_builder *bb)
{
	static bios_memmap_t map[MB_MAXMAP + 1];
	int n = 0;

	if (mi->mi_flags & MULTIBOOT_INFO_MEMORY) {
		biosbasemem = mi->mi_mem_lower;
		biosextmem = mi->mi_mem_upper;
	}
	if (mi->mi_flags & MULTIBOOT_INFO_MEM_MAP) {
		const char *p = (const char *)mb_phys(mi->mi_mmap_addr,
		    mi->mi_mmap_length);
		const char *end = p + mi->mi_mmap_length;

		/* Each entry starts with its own size, not counting it. */
		while (p != nullptr && p + sizeof(multiboot_mmap_entry) <= end &&
		    n < MB_MAXMAP) {
			const multiboot_mmap_entry *e =
			    (const multiboot_mmap_entry *)p;
			map[n].addr = e->mm_addr;
			map[n].size = e->mm_len;
			map[n].type = mb_maptype(e->mm_type);
			n++;
			p += e->mm_size + sizeof(e->mm_size);
		}
	} else if (mi->mi_flags & MULTIBOOT_INFO_MEMORY) {
		map[n++] = { 0, (u_int64_t)mi->mi_mem_lower * 1024,
		    BIOS_MAP_FREE };
		map[n++] = { 0x100000, (u_int64_t)mi->mi_mem_upper * 1024,
		    BIOS_MAP_FREE };
	} else
		multiboot_trouble = "multiboot loader gave no memory size";
	map[n++] = { 0, 0, BIOS_MAP_END };
	bootarg_add(bb, BOOTARG_MEMMAP, map, n * sizeof(map[0]));
}

/*
 * Translate the boot drive: multiboot gives the BIOS drive number and
 * partition; bootdev wants wd (block major 0) unit and partition.
 */
static void
mb_bootdev(const struct multiboot_info *mi)
{
	if ((mi->mi_flags & MULTIBOOT_INFO_BOOTDEV) == 0)
		return;
	u_int drive = mi->mi_boot_device >> 24;
	u_int part = (mi->mi_boot_device >> 16) & 0xff;

	if (drive >= 0x80 && drive < 0x90)	/* a hard disk */
		bootdev = MAKEBOOTDEV(0, 0, 0, drive - 0x80,
		    part == 0xff ? 0 : part);
}

/*
 * boot(8) passed the bootarg list by its physical address, which only the
 * identity map reaches, and in memory that UVM will hand out: copy it
 * into the kernel now.  (OpenBSD's init386 maps the page instead.)
 */
static void
bsd_copyargs(void)
{
	if (bootargv == nullptr || bootargc <= 0)
		return;
	if ((size_t)bootargc > sizeof(multiboot_bootargs)) {
		multiboot_trouble = "boot(8)'s arguments do not fit";
		bootargc = 0;
		bootargv = nullptr;
		return;
	}
	const void *src = mb_phys((u_int32_t)(uintptr_t)bootargv, bootargc);
	if (src == nullptr) {
		bootargc = 0;
		bootargv = nullptr;
		return;
	}
	memcpy(multiboot_bootargs, src, bootargc);
	bootargv = multiboot_bootargs;
}

/*
 * locore_bootargs: called by locore with paging on and low memory still
 * identity mapped, before init386().  Fills the boot(8) variables from
 * the multiboot information; does nothing when boot(8) started us (it
 * filled them itself).
 */
extern "C" void
locore_bootargs(void)
{
	struct bootarg_builder bb;

	if (multiboot_magic != MULTIBOOT_LOADER_MAGIC) {
		bsd_copyargs();
		return;
	}
	const struct multiboot_info *mi = (const struct multiboot_info *)
	    mb_phys(multiboot_info, sizeof(struct multiboot_info));
	if (mi == nullptr)
		return;

	bootarg_init(&bb, multiboot_bootargs, sizeof(multiboot_bootargs));
	mb_memmap(mi, &bb);
	mb_bootdev(mi);

	/* Multiboot knows no console; say what OpenBSD's default is. */
	bios_consdev_t cd = { (8 << 8) | 0, CONSPEED, CONADDR, 0 };
	bootarg_add(&bb, BOOTARG_CONSDEV, &cd, sizeof(cd));

	if (mi->mi_flags & MULTIBOOT_INFO_CMDLINE) {
		const char *cmdline = (const char *)mb_phys(mi->mi_cmdline, 1);
		const char *ktest = nullptr;
		size_t ktestlen = 0;
		static char sel[1024];

		if (cmdline != nullptr) {
			if (boot_parse_flags(cmdline, &boothowto, &ktest,
			    &ktestlen) != 0)
				multiboot_trouble =
				    "unknown word on the boot command line";
			if (ktest != nullptr && ktestlen >= sizeof(sel))
				multiboot_trouble = "test selector too long";
			else if (ktest != nullptr) {
				memcpy(sel, ktest, ktestlen);
				sel[ktestlen] = '\0';
				bootarg_add(&bb, BOOTARG_KTEST, sel,
				    ktestlen + 1);
			}
		}
	}
	/* The first module, if any, is a ramdisk image for rd(4). */
	if ((mi->mi_flags & MULTIBOOT_INFO_MODS) && mi->mi_mods_count > 0) {
		const struct multiboot_module *mod =
		    (const struct multiboot_module *)mb_phys(mi->mi_mods_addr,
		    sizeof(*mod));
		if (mod != nullptr && mod->mod_end > mod->mod_start) {
			bios_rdimage_t rd = { mod->mod_start, mod->mod_end };
			bootarg_add(&bb, BOOTARG_RDIMAGE, &rd, sizeof(rd));
		}
	}
	bootarg_end(&bb);
	if (bb.bb_overflow)
		multiboot_trouble = "boot arguments overflowed their buffer";

	bootapiver = BOOTARG_APIVER;
	bootargc = bb.bb_used;
	bootargv = multiboot_bootargs;
}
