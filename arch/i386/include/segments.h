/*
 * <machine/segments.h>: i386 segment descriptors, gates and the selector
 * numbers of our GDT.
 *
 * The i386 still checks every memory access against a segment, so the
 * kernel installs flat 4 GiB segments (base 0) for kernel and user code and
 * data and lets paging do the real protection.  The GDT slots keep OpenBSD
 * i386's indices, so a selector value seen in gdb or in a trap frame is the
 * same number a student sees on OpenBSD: kernel code is 0x08, kernel data
 * 0x10, user code 0x2b, user data 0x33.  Slots OpenBSD uses for APM and the
 * PnP BIOS stay empty here.  The TSS, which OpenBSD allocates per CPU past
 * the fixed slots, takes the first slot after them.
 */
#ifndef _MACHINE_SEGMENTS_H_
#define _MACHINE_SEGMENTS_H_

#include <sys/types.h>

/* Selectors: index << 3 | table indicator | requested privilege level. */
#define SEL_KPL		0		/* kernel privilege level */
#define SEL_UPL		3		/* user privilege level */
#define SEL_RPL		3		/* requester's privilege level mask */
#define ISPL(s)		((s) & SEL_RPL)
#define USERMODE(c, f)	(ISPL(c) == SEL_UPL)
#define KERNELMODE(c, f) (ISPL(c) == SEL_KPL)
#define GSEL(s, r)	(((s) << 3) | (r))

/* Entries in the Global Descriptor Table (OpenBSD's i386 indices). */
#define GNULL_SEL	0	/* null descriptor */
#define GCODE_SEL	1	/* kernel code */
#define GDATA_SEL	2	/* kernel data */
#define GLDT_SEL	3	/* default LDT (unused here) */
#define GCPU_SEL	4	/* per-CPU segment (unused here: one CPU) */
#define GUCODE_SEL	5	/* user code */
#define GUDATA_SEL	6	/* user data */
/* 7-15: APM and PnP BIOS segments in OpenBSD; left out. */
#define GTRAMP_SEL	16	/* GDT trampoline (unused here) */
#define GUFS_SEL	17	/* user-settable %fs (thread pointer) */
#define GUGS_SEL	18	/* user-settable %gs */
#define NGDT		19
#define GTSS_SEL	NGDT	/* the TSS, first slot past the fixed ones */
#define NGDT_TOTAL	(NGDT + 1)

/* The Interrupt Descriptor Table. */
#define NIDT		256
#define NRSVIDT		32	/* entries reserved for CPU exceptions */
#define ICU_OFFSET	32	/* where the i8259 IRQs start */
#define T_SYSCALL_VEC	128	/* int $0x80 */

/* System segment and gate types (the d_type field). */
#define SDT_SYSNULL	0	/* system null */
#define SDT_SYS386TSS	9	/* 386 TSS available */
#define SDT_SYS386BSY	11	/* 386 TSS busy */
#define SDT_SYS386IGT	14	/* 386 interrupt gate: clears IF on entry */
#define SDT_SYS386TGT	15	/* 386 trap gate: leaves IF alone */

/* Memory segment types. */
#define SDT_MEMRWA	19	/* read/write, accessed */
#define SDT_MEMERA	27	/* execute/read, accessed */

/*
 * A memory or system segment descriptor, in the processor's own scattered
 * layout (base and limit are each split in two), hence the bit fields.
 */
struct segment_descriptor {
	unsigned sd_lolimit:16;		/* segment extent (lsb) */
	unsigned sd_lobase:24;		/* segment base address (lsb) */
	unsigned sd_type:5;		/* segment type */
	unsigned sd_dpl:2;		/* segment descriptor priority level */
	unsigned sd_p:1;		/* segment descriptor present */
	unsigned sd_hilimit:4;		/* segment extent (msb) */
	unsigned sd_xx:2;		/* unused */
	unsigned sd_def32:1;		/* default 32 vs 16 bit size */
	unsigned sd_gran:1;		/* limit granularity (byte/page) */
	unsigned sd_hibase:8;		/* segment base address (msb) */
} __attribute__((__packed__));
static_assert(sizeof(struct segment_descriptor) == 8);

/* An interrupt or trap gate: where the CPU goes for one IDT vector. */
struct gate_descriptor {
	unsigned gd_looffset:16;	/* gate offset (lsb) */
	unsigned gd_selector:16;	/* gate segment selector */
	unsigned gd_stkcpy:5;		/* number of stack words to copy */
	unsigned gd_xx:3;		/* unused */
	unsigned gd_type:5;		/* segment type */
	unsigned gd_dpl:2;		/* segment descriptor priority level */
	unsigned gd_p:1;		/* segment descriptor present */
	unsigned gd_hioffset:16;	/* gate offset (msb) */
} __attribute__((__packed__));
static_assert(sizeof(struct gate_descriptor) == 8);

/* The operand of lgdt and lidt. */
struct region_descriptor {
	unsigned rd_limit:16;		/* segment extent */
	unsigned rd_base:32;		/* base address */
} __attribute__((__packed__));
static_assert(sizeof(struct region_descriptor) == 6);

#ifdef _KERNEL
extern union descriptor_slot {
	struct segment_descriptor sd;
	struct gate_descriptor gd;
} gdt[NGDT_TOTAL];
extern struct gate_descriptor idt[NIDT];

void	setsegment(struct segment_descriptor *, const void *base, size_t limit,
	    int type, int dpl, int def32, int gran);
void	setgate(struct gate_descriptor *, void (*func)(), int args, int type,
	    int dpl, int sel);
void	unsetgate(struct gate_descriptor *);
#endif

#endif /* !_MACHINE_SEGMENTS_H_ */
