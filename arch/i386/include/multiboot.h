/*
 * <machine/multiboot.h>: the parts of the Multiboot (version 1)
 * specification the kernel reads: the information structure a loader
 * leaves for us and the entries of its memory map.
 */
#ifndef _MACHINE_MULTIBOOT_H_
#define _MACHINE_MULTIBOOT_H_

#include <sys/types.h>

#define MULTIBOOT_LOADER_MAGIC	0x2badb002	/* in %eax at entry */

/* mi_flags: which fields the loader filled in. */
#define MULTIBOOT_INFO_MEMORY	0x00000001	/* mi_mem_lower/upper */
#define MULTIBOOT_INFO_BOOTDEV	0x00000002	/* mi_boot_device */
#define MULTIBOOT_INFO_CMDLINE	0x00000004	/* mi_cmdline */
#define MULTIBOOT_INFO_MODS	0x00000008	/* mi_mods_* */
#define MULTIBOOT_INFO_ELF_SHDR	0x00000020	/* ELF section headers */
#define MULTIBOOT_INFO_MEM_MAP	0x00000040	/* mi_mmap_* */

struct multiboot_info {
	u_int32_t	mi_flags;
	u_int32_t	mi_mem_lower;	/* KiB below 640 KiB */
	u_int32_t	mi_mem_upper;	/* KiB above 1 MiB */
	u_int32_t	mi_boot_device;	/* drive, part1, part2, part3 */
	u_int32_t	mi_cmdline;	/* physical address of a C string */
	u_int32_t	mi_mods_count;
	u_int32_t	mi_mods_addr;
	u_int32_t	mi_elfshdr[4];	/* num, size, addr, shndx */
	u_int32_t	mi_mmap_length;	/* bytes of memory map */
	u_int32_t	mi_mmap_addr;	/* physical address of the map */
} __attribute__((__packed__));

/* One module (mi_mods_addr points at mi_mods_count of these). */
struct multiboot_module {
	u_int32_t	mod_start;	/* physical address of the first byte */
	u_int32_t	mod_end;	/* one past the last */
	u_int32_t	mod_string;	/* its command line */
	u_int32_t	mod_reserved;
} __attribute__((__packed__));

#define MULTIBOOT_MEMORY_AVAILABLE	1
#define MULTIBOOT_MEMORY_RESERVED	2
#define MULTIBOOT_MEMORY_ACPI		3
#define MULTIBOOT_MEMORY_NVS		4

/* One memory map entry; mm_size counts the bytes after itself. */
struct multiboot_mmap_entry {
	u_int32_t	mm_size;
	u_int64_t	mm_addr;
	u_int64_t	mm_len;
	u_int32_t	mm_type;
} __attribute__((__packed__));

#endif /* !_MACHINE_MULTIBOOT_H_ */
