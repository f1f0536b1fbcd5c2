/*
 * <sys/exec_elf.h>: the parts of the ELF format (System V ABI, i386
 * supplement) that execve(2) reads: the file header and the program
 * headers of a 32-bit executable.  Names and values as the ELF
 * specification and OpenBSD's sys/sys/exec_elf.h.
 */
#ifndef _SYS_EXEC_ELF_H_
#define _SYS_EXEC_ELF_H_

#include <sys/types.h>

typedef u_int32_t	Elf32_Addr;
typedef u_int16_t	Elf32_Half;
typedef u_int32_t	Elf32_Off;
typedef int32_t		Elf32_Sword;
typedef u_int32_t	Elf32_Word;

#define EI_NIDENT	16

/* The file header, at offset 0. */
typedef struct {
	unsigned char	e_ident[EI_NIDENT];	/* magic, class, data, ... */
	Elf32_Half	e_type;		/* ET_EXEC, ... */
	Elf32_Half	e_machine;	/* EM_386, ... */
	Elf32_Word	e_version;	/* EV_CURRENT */
	Elf32_Addr	e_entry;	/* where execution starts */
	Elf32_Off	e_phoff;	/* program headers' file offset */
	Elf32_Off	e_shoff;	/* section headers' file offset */
	Elf32_Word	e_flags;
	Elf32_Half	e_ehsize;	/* size of this header */
	Elf32_Half	e_phentsize;	/* size of one program header */
	Elf32_Half	e_phnum;	/* number of program headers */
	Elf32_Half	e_shentsize;
	Elf32_Half	e_shnum;
	Elf32_Half	e_shstrndx;
} Elf32_Ehdr;

/* e_ident[] */
#define EI_MAG0		0
#define EI_CLASS	4
#define EI_DATA		5
#define EI_VERSION	6
#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define ELFCLASS32	1
#define ELFDATA2LSB	1
#define EV_CURRENT	1

#define ET_EXEC		2	/* e_type: an executable */
#define EM_386		3	/* e_machine: Intel 80386 */

/* A program header: one segment to map. */
typedef struct {
	Elf32_Word	p_type;		/* PT_LOAD, ... */
	Elf32_Off	p_offset;	/* file offset of the segment */
	Elf32_Addr	p_vaddr;	/* where it goes */
	Elf32_Addr	p_paddr;
	Elf32_Word	p_filesz;	/* bytes in the file */
	Elf32_Word	p_memsz;	/* bytes in memory (the rest is zero) */
	Elf32_Word	p_flags;	/* PF_R, PF_W, PF_X */
	Elf32_Word	p_align;
} Elf32_Phdr;

#define PT_NULL		0
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_GNU_STACK	0x6474e551

#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

#endif /* !_SYS_EXEC_ELF_H_ */
