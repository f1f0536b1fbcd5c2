/*
 * boot.h: what the parts of boot(8) tell each other.
 *
 * boot(8) is OpenBSD's second-stage loader, here for TeachBSD: biosboot
 * loads it from the ext2 root (/boot) and it loads the kernel (/bsd).  Its
 * parts, each in the file OpenBSD keeps it in:
 *
 *	srt0.asm	real-mode entry, protected mode, the BIOS trampoline
 *			bioscall(), startprog() into the kernel
 *	boot.cc		boot_main(): probe, /etc/boot.conf, the prompt loop
 *	cmd.cc		the `boot>' command line and its commands
 *	bioscons.cc	the consoles: the screen and keyboard through the
 *			BIOS, the serial port com0 directly; the clock
 *	biosdev.cc	the boot disk through INT 13h, as libsa's devsw
 *	memprobe.cc	the BIOS memory map (INT 15h E820), A20
 *	exec_i386.cc	load the kernel, build its bootarg list, start it
 *
 * and lib/libsa below them: files, ext2, printf, the ELF loader.
 */
#ifndef _BOOT_BOOT_H_
#define _BOOT_BOOT_H_

#include <sys/types.h>
#include <machine/biosvar.h>
#include "stand.h"

/* Physical addresses boot(8) lives by; srt0.asm has the same. */
#define BOOTADDR	0x40000		/* where biosboot put us */
#define BOOTSTACK	0x3fff0		/* our stack's top */
#define BOUNCE		0x10000		/* BIOS I/O buffer, below 1 MiB */
#define BOUNCE_SIZE	0x8000		/* 64 sectors */
#define HEAP_SIZE	(192 * 1024)	/* alloc()'s heap, in the bss */

/* The registers of a BIOS call, in and out; srt0.asm's R_* offsets. */
struct BIOS_regs {
	u_int32_t	biosr_ax;
	u_int32_t	biosr_bx;
	u_int32_t	biosr_cx;
	u_int32_t	biosr_dx;
	u_int32_t	biosr_si;
	u_int32_t	biosr_di;
	u_int32_t	biosr_bp;
	u_int16_t	biosr_ds;
	u_int16_t	biosr_es;
	u_int32_t	biosr_efl;	/* out only: the flags after the call */
} __attribute__((__packed__));
static_assert(sizeof(struct BIOS_regs) == 36);
static_assert(__builtin_offsetof(struct BIOS_regs, biosr_ds) == 28);
static_assert(__builtin_offsetof(struct BIOS_regs, biosr_efl) == 32);

#define PSL_C		0x00000001	/* the carry flag: BIOS error */

/* Real-mode segment and offset of a physical address below 1 MiB. */
static inline u_int16_t
rm_seg(u_int32_t pa)
{
	return (u_int16_t)(pa >> 4);
}
static inline u_int16_t
rm_off(u_int32_t pa)
{
	return (u_int16_t)(pa & 0xf);
}

__BEGIN_DECLS
/* srt0.asm */
void	bioscall(int intno, struct BIOS_regs *regs);
[[noreturn]] void startprog(u_int32_t entry, int argc, const u_int32_t *argv);
extern u_int8_t boot_drive;
extern u_int32_t boot_poffset;

/* boot.cc */
void	boot_main(int drive, u_int32_t poffset);
__END_DECLS

/* bioscons.cc */
void	cninit(void);
void	cnputc_pc(int c);

/* biosdev.cc */
struct diskinfo {
	int		di_drive;	/* BIOS number, 0x80 = first disk */
	bool		di_lba;		/* INT 13h extensions (AH=42h) work */
	u_int32_t	di_cyls;	/* CHS geometry, from AH=08h */
	u_int32_t	di_heads;
	u_int32_t	di_secs;
	u_int32_t	di_poffset;	/* first sector of our partition */
};
extern struct diskinfo bootdisk;
extern struct devsw biosdevsw;
int	diskprobe(int drive, u_int32_t poffset);
int	biosd_io(struct diskinfo *dip, u_int64_t lba, int nsect, void *buf);

/* memprobe.cc */
#define MAXMEMMAP	64
extern bios_memmap_t bios_memmap[MAXMEMMAP + 1];	/* BIOS_MAP_END ends it */
extern u_int32_t cnvmem, extmem;	/* KiB below 640K, above 1M */
extern bool a20_on;
void	memprobe(void);
void	dump_biosmem(void);
bool	mem_usable(u_int64_t pa, u_int64_t size);
bool	gateA20(void);

/* exec_i386.cc */
int	run_loadfile(const char *path, int howto, const char *ktest);

/* cmd.cc */
struct cmd_state {
	char	image[MAXPATHLEN];	/* `set image': the default kernel */
	int	howto;			/* `set howto': default boot flags */
	int	timeout;		/* `set timeout': seconds at the prompt */
	bool	autoboot;		/* may the prompt time out and boot? */
};
extern struct cmd_state cmd;
int	docmd(char *line);		/* 1 if it was a boot that failed */
void	boot_prompt(void);
int	read_conf(void);

#endif /* !_BOOT_BOOT_H_ */
