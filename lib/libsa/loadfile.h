/*
 * loadfile.h: load an ELF kernel into memory, as OpenBSD's libsa
 * loadfile(3) does, and the ELF declarations it needs.
 *
 * marks[] says where things went: on input marks[MARK_START] is an offset
 * added to every address written (0 for boot(8), which writes physical
 * memory; a test may load into a buffer); on output
 *
 *	marks[MARK_START]	lowest physical address loaded
 *	marks[MARK_ENTRY]	the ELF entry point (e_entry)
 *	marks[MARK_NSYM]	bytes of symbol and string tables
 *	marks[MARK_SYM]		where the symbols start (an ELF header), or 0
 *	marks[MARK_END]		first byte after everything loaded
 *
 * The symbols follow the kernel's last segment in OpenBSD's layout: a
 * copy of the ELF header whose section headers follow it, their
 * sh_offset rewritten to point at the symbol and string tables copied
 * after them, relative to the header.  A kernel's ddb finds them from
 * esym (= marks[MARK_END]) and its own end.
 */
#ifndef _LIBSA_LOADFILE_H_
#define _LIBSA_LOADFILE_H_

#include "stand.h"

#define MARK_START	0
#define MARK_ENTRY	1
#define MARK_NSYM	2
#define MARK_SYM	3
#define MARK_END	4
#define MARK_MAX	5

#define LOAD_TEXT	0x01	/* the PT_LOAD segments */
#define LOAD_SYM	0x02	/* the symbol and string tables after them */
#define COUNT_ONLY	0x10	/* compute marks[] but write no memory */
#define LOAD_ALL	(LOAD_TEXT | LOAD_SYM)

/* ELF, 32-bit: the parts a loader reads (OpenBSD's <sys/exec_elf.h>). */
#define EI_NIDENT	16
#define ELFMAG		"\177ELF"
#define EI_CLASS	4
#define ELFCLASS32	1
#define EI_DATA		5
#define ELFDATA2LSB	1
#define ET_EXEC		2
#define EM_386		3
#define PT_LOAD		1
#define SHT_SYMTAB	2
#define SHT_STRTAB	3
#define SHF_ALLOC	0x2

typedef struct {
	unsigned char	e_ident[EI_NIDENT];
	u_int16_t	e_type;
	u_int16_t	e_machine;
	u_int32_t	e_version;
	u_int32_t	e_entry;
	u_int32_t	e_phoff;
	u_int32_t	e_shoff;
	u_int32_t	e_flags;
	u_int16_t	e_ehsize;
	u_int16_t	e_phentsize;
	u_int16_t	e_phnum;
	u_int16_t	e_shentsize;
	u_int16_t	e_shnum;
	u_int16_t	e_shstrndx;
} Elf32_Ehdr;
static_assert(sizeof(Elf32_Ehdr) == 52);

typedef struct {
	u_int32_t	p_type;
	u_int32_t	p_offset;
	u_int32_t	p_vaddr;
	u_int32_t	p_paddr;
	u_int32_t	p_filesz;
	u_int32_t	p_memsz;
	u_int32_t	p_flags;
	u_int32_t	p_align;
} Elf32_Phdr;
static_assert(sizeof(Elf32_Phdr) == 32);

typedef struct {
	u_int32_t	sh_name;
	u_int32_t	sh_type;
	u_int32_t	sh_flags;
	u_int32_t	sh_addr;
	u_int32_t	sh_offset;
	u_int32_t	sh_size;
	u_int32_t	sh_link;
	u_int32_t	sh_info;
	u_int32_t	sh_addralign;
	u_int32_t	sh_entsize;
} Elf32_Shdr;
static_assert(sizeof(Elf32_Shdr) == 40);

__BEGIN_DECLS
int	loadfile(const char *fname, u_long *marks, int flags);
__END_DECLS

#endif /* !_LIBSA_LOADFILE_H_ */
