/*
 * loadfile.cc: load an ELF executable the way a kernel wants to be
 * loaded: each PT_LOAD segment at its physical address (p_paddr; our
 * kernel is linked at KERNBASE + 2 MiB but loaded at 2 MiB, and its
 * program headers say both), the part of p_memsz beyond p_filesz (the
 * bss) zeroed, and then, if asked, the symbol table after it (see
 * loadfile.h for the layout and marks[]).  Mirrors OpenBSD's
 * sys/lib/libsa/loadfile_elf.c, for 32-bit little-endian files only.
 *
 * While loading it prints the sizes, OpenBSD-style: each segment's file
 * bytes, its bss after a "+", the symbols in brackets, the end address:
 *
 *	228+150152+2096+130388+23512 [27080+21519]=0x27a3f4
 *
 * A file that is not an i386 executable, or whose headers do not add up,
 * is refused with ENOEXEC before anything is written.
 */
#include "stand.h"
#include "loadfile.h"

#define MAXPHNUM	16		/* program headers we accept */
#define ELFROUND	4		/* symbol data alignment */

static u_long
roundup4(u_long x)
{
	return (x + ELFROUND - 1) & ~(u_long)(ELFROUND - 1);
}

/* Read exactly size bytes at offset off of fd.  Returns 0 or an errno. */
static int
readat(int fd, u_int32_t off, void *buf, size_t size)
{
	if (lseek(fd, off, SEEK_SET) != (off_t)off)
		return EIO;
	ssize_t n = read(fd, buf, size);
	if (n < 0)
		return errno;
	return (size_t)n == size ? 0 : ENOEXEC;	/* a truncated file */
}

/* Is this an executable for us? */
static bool
elf_ok(const Elf32_Ehdr *eh)
{
	return memcmp(eh->e_ident, ELFMAG, 4) == 0 &&
	    eh->e_ident[EI_CLASS] == ELFCLASS32 &&
	    eh->e_ident[EI_DATA] == ELFDATA2LSB && eh->e_type == ET_EXEC &&
	    eh->e_machine == EM_386 &&
	    eh->e_phentsize == sizeof(Elf32_Phdr) &&
	    eh->e_phnum > 0 && eh->e_phnum <= MAXPHNUM;
}

/* Where physical address pa is in our address space. */
static char *
loadaddr(u_long offset, u_long pa)
{
	return (char *)(uintptr_t)(pa + offset);
}

/*
 * Load (or just count) the symbol and string tables at maxp, after the
 * last segment.
 * => returns 0 or an errno; sets marks[MARK_NSYM, MARK_SYM, MARK_END].
 */
static int
load_syms(int fd, const Elf32_Ehdr *eh, u_long maxp, u_long offset,
    u_long *marks, int flags)
{
	size_t shsz = (size_t)eh->e_shnum * sizeof(Elf32_Shdr);
	u_long symstart = roundup4(maxp), off, nsym = 0;
	Elf32_Shdr *sh;
	int error;

	if (eh->e_shnum == 0 || eh->e_shentsize != sizeof(Elf32_Shdr))
		return 0;		/* no section headers: no symbols */
	sh = (Elf32_Shdr *)alloc(shsz);
	if (sh == nullptr)
		return ENOMEM;
	error = readat(fd, eh->e_shoff, sh, shsz);
	if (error != 0)
		goto out;

	off = roundup4(sizeof(Elf32_Ehdr) + shsz);
	for (int i = 0; i < eh->e_shnum; i++) {
		if (sh[i].sh_type != SHT_SYMTAB && sh[i].sh_type != SHT_STRTAB)
			continue;
		if (!(flags & COUNT_ONLY)) {
			error = readat(fd, sh[i].sh_offset,
			    loadaddr(offset, symstart + off), sh[i].sh_size);
			if (error != 0)
				goto out;
			printf("%s%u", nsym == 0 ? " [" : "+", sh[i].sh_size);
		}
		sh[i].sh_offset = off;
		sh[i].sh_flags |= SHF_ALLOC;
		off += roundup4(sh[i].sh_size);
		nsym += sh[i].sh_size;
	}
	if (nsym == 0)
		goto out;
	if (!(flags & COUNT_ONLY)) {
		/* The header and section headers, before the tables. */
		Elf32_Ehdr copy = *eh;
		copy.e_phoff = 0;
		copy.e_shoff = sizeof(Elf32_Ehdr);
		copy.e_phentsize = 0;
		copy.e_phnum = 0;
		memcpy(loadaddr(offset, symstart), &copy, sizeof(copy));
		memcpy(loadaddr(offset, symstart + sizeof(copy)), sh, shsz);
		printf("]");
	}
	marks[MARK_NSYM] = nsym;
	marks[MARK_SYM] = symstart;
	marks[MARK_END] = symstart + off;
out:
	free(sh, shsz);
	return error;
}

/*
 * Load (or count) the PT_LOAD segments.
 * => returns 0 or an errno; sets marks[MARK_START] and *maxp, the end
 *    of the highest segment.
 */
static int
load_segments(int fd, const Elf32_Phdr *ph, int phnum, u_long offset,
    u_long *marks, u_long *maxp, int flags)
{
	u_long minp = ~0UL;
	bool first = true;

	*maxp = 0;
	for (int i = 0; i < phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (ph[i].p_filesz > ph[i].p_memsz ||
		    ph[i].p_paddr + ph[i].p_memsz < ph[i].p_paddr)
			return ENOEXEC;
		if (!(flags & COUNT_ONLY)) {
			char *dst = loadaddr(offset, ph[i].p_paddr);
			int error = readat(fd, ph[i].p_offset, dst,
			    ph[i].p_filesz);
			if (error != 0)
				return error;
			memset(dst + ph[i].p_filesz, 0,
			    ph[i].p_memsz - ph[i].p_filesz);
			printf("%s%u", first ? "" : "+", ph[i].p_filesz);
			if (ph[i].p_memsz > ph[i].p_filesz)
				printf("+%u", ph[i].p_memsz - ph[i].p_filesz);
		}
		first = false;
		if (ph[i].p_paddr < minp)
			minp = ph[i].p_paddr;
		if (ph[i].p_paddr + ph[i].p_memsz > *maxp)
			*maxp = ph[i].p_paddr + ph[i].p_memsz;
	}
	if (first)
		return ENOEXEC;		/* nothing to load */
	marks[MARK_START] = minp;
	return 0;
}

/*
 * loadfile: load the ELF executable fname (see loadfile.h for flags and
 * marks[]).
 * => returns 0, or -1 with errno (ENOENT, ENOEXEC, EIO, ...); with
 *    COUNT_ONLY no memory is written, so a caller can check marks[]
 *    against the memory map first.
 */
int
loadfile(const char *fname, u_long *marks, int flags)
{
	u_long offset = marks[MARK_START], maxp;
	Elf32_Ehdr eh;
	Elf32_Phdr ph[MAXPHNUM];
	int fd, error;

	fd = open(fname, 0);
	if (fd < 0)
		return -1;
	error = readat(fd, 0, &eh, sizeof(eh));
	if (error == 0 && !elf_ok(&eh))
		error = ENOEXEC;
	if (error == 0)
		error = readat(fd, eh.e_phoff, ph,
		    eh.e_phnum * sizeof(Elf32_Phdr));
	if (error == 0)
		error = load_segments(fd, ph, eh.e_phnum, offset, marks, &maxp,
		    flags);
	if (error == 0) {
		marks[MARK_ENTRY] = eh.e_entry;
		marks[MARK_NSYM] = 0;
		marks[MARK_SYM] = 0;
		marks[MARK_END] = maxp;
		if (flags & LOAD_SYM)
			error = load_syms(fd, &eh, maxp, offset, marks, flags);
	}
	if (error == 0 && !(flags & COUNT_ONLY))
		printf("=0x%lx\n", marks[MARK_END]);
	close(fd);
	if (error != 0) {
		errno = error;
		return -1;
	}
	return 0;
}
