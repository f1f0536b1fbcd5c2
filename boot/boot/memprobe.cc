/*
 * memprobe.cc: how much memory there is and where, and the A20 gate.
 *
 * The BIOS knows the machine's memory map: which physical ranges are RAM
 * and which are taken by the BIOS itself, ACPI tables, or devices.  Since
 * the mid-1990s it tells through INT 15h EAX=E820h: each call returns one
 * range (base, length, type) and a continuation value for the next call,
 * 0 after the last.  We keep the ranges as OpenBSD's bios_memmap_t array,
 * which is what the kernel gets (BOOTARG_MEMMAP) and what `machine mem'
 * prints.  E820's types 1-4 are BIOS_MAP_FREE, RES, ACPI, NVS; anything
 * newer counts as reserved, as in multiboot.cc, so both boot paths give
 * the kernel the same map.  A BIOS without E820 gets the older questions:
 * INT 15h AX=E801h (memory above 1 MiB, in two sizes) and INT 12h (below
 * 640 KiB).  Mirrors OpenBSD's libsa/memprobe.c.
 *
 * A20: the 8086 had 20 address lines, and address 0xffff:0x0010 wrapped
 * around to 0.  For DOS programs that relied on it, PCs keep the 21st
 * line (A20) forced to 0 until someone opens the "A20 gate", and with it
 * shut every odd megabyte is a copy of the even one below.  gateA20()
 * opens it, trying the BIOS (INT 15h AX=2401h), the keyboard controller
 * (the original IBM AT way) and the "fast A20" bit of port 0x92, and
 * checks after each.
 */
#include <sys/param.h>
#include <machine/cpufunc.h>
#include "boot.h"

bios_memmap_t bios_memmap[MAXMEMMAP + 1];
u_int32_t cnvmem, extmem;
bool a20_on;

#define SMAP		0x534d4150	/* "SMAP", E820's signature */

/* The E820 entry the BIOS writes (in BOUNCE). */
struct e820_entry {
	u_int64_t	addr;
	u_int64_t	size;
	u_int32_t	type;
} __attribute__((__packed__));

static u_int32_t
e820_type(u_int32_t type)
{
	switch (type) {
	case 1: return BIOS_MAP_FREE;
	case 3: return BIOS_MAP_ACPI;
	case 4: return BIOS_MAP_NVS;
	default: return BIOS_MAP_RES;
	}
}

/* Fill bios_memmap from E820.  Returns the number of ranges (0: none). */
static int
bios_E820(void)
{
	u_int32_t cont = 0;
	int n = 0;

	do {
		struct BIOS_regs r = {};
		r.biosr_ax = 0xe820;
		r.biosr_bx = cont;
		r.biosr_cx = sizeof(struct e820_entry);
		r.biosr_dx = SMAP;
		r.biosr_es = rm_seg(BOUNCE);
		r.biosr_di = rm_off(BOUNCE);
		bioscall(0x15, &r);
		if ((r.biosr_efl & PSL_C) || r.biosr_ax != SMAP)
			break;		/* no E820, or past the last range */
		struct e820_entry e;
		memcpy(&e, (const void *)BOUNCE, sizeof(e));
		if (e.size != 0) {
			bios_memmap[n].addr = e.addr;
			bios_memmap[n].size = e.size;
			bios_memmap[n].type = e820_type(e.type);
			n++;
		}
		cont = r.biosr_bx;
	} while (cont != 0 && n < MAXMEMMAP);
	return n;
}

/* The map the pre-E820 BIOS calls allow: two ranges. */
static int
bios_E801(void)
{
	struct BIOS_regs r = {};
	u_int32_t low, ext;
	int n = 0;

	bioscall(0x12, &r);			/* KiB below 640K, in AX */
	low = r.biosr_ax & 0xffff;
	r = {};
	r.biosr_ax = 0xe801;
	bioscall(0x15, &r);
	if (!(r.biosr_efl & PSL_C)) {
		/* KiB in 1-16M, and 64 KiB blocks above 16M (AX/BX or CX/DX). */
		u_int32_t k1 = r.biosr_ax & 0xffff, b16 = r.biosr_bx & 0xffff;
		if (k1 == 0) {
			k1 = r.biosr_cx & 0xffff;
			b16 = r.biosr_dx & 0xffff;
		}
		ext = k1 + b16 * 64;
	} else {
		r = {};
		r.biosr_ax = 0x8800;		/* AH=88h: KiB above 1M */
		bioscall(0x15, &r);
		ext = (r.biosr_efl & PSL_C) ? 0 : (r.biosr_ax & 0xffff);
	}
	bios_memmap[n++] = { 0, (u_int64_t)low * 1024, BIOS_MAP_FREE };
	if (ext != 0)
		bios_memmap[n++] = { 0x100000, (u_int64_t)ext * 1024,
		    BIOS_MAP_FREE };
	return n;
}

/*
 * memprobe: ask the BIOS for the memory map; set cnvmem and extmem (KiB
 * of RAM at 0 and at 1 MiB, which the kernel also gets as arguments).
 */
void
memprobe(void)
{
	int n = bios_E820();

	if (n == 0)
		n = bios_E801();
	bios_memmap[n] = { 0, 0, BIOS_MAP_END };

	cnvmem = extmem = 0;
	for (bios_memmap_t *bm = bios_memmap; bm->type != BIOS_MAP_END; bm++) {
		if (bm->type != BIOS_MAP_FREE)
			continue;
		if (bm->addr == 0)
			cnvmem = (u_int32_t)(MIN(bm->size, (u_int64_t)0xa0000) /
			    1024);
		else if (bm->addr == 0x100000)
			extmem = (u_int32_t)(MIN(bm->size,
			    (u_int64_t)0xfff00000) / 1024);
	}
}

/* dump_biosmem: the map, for `machine mem', as OpenBSD prints it. */
void
dump_biosmem(void)
{
	u_int64_t total = 0;
	int i = 0;

	for (bios_memmap_t *bm = bios_memmap; bm->type != BIOS_MAP_END;
	    bm++, i++) {
		printf("Region %d: type %u at 0x%llx for %lluKB\n", i, bm->type,
		    (unsigned long long)bm->addr,
		    (unsigned long long)bm->size / 1024);
		if (bm->type == BIOS_MAP_FREE)
			total += bm->size;
	}
	printf("Low ram: %uKB  High ram: %uKB\n", cnvmem, extmem);
	printf("Total free memory: %lluKB\n", (unsigned long long)total / 1024);
}

/* mem_usable: is [pa, pa + size) wholly inside one free range? */
bool
mem_usable(u_int64_t pa, u_int64_t size)
{
	for (bios_memmap_t *bm = bios_memmap; bm->type != BIOS_MAP_END; bm++)
		if (bm->type == BIOS_MAP_FREE && pa >= bm->addr &&
		    pa + size <= bm->addr + bm->size)
			return true;
	return false;
}

/*
 * Is A20 open?  Write different words at 0x500 and 0x100500: with A20
 * shut they are the same word.
 */
static volatile u_int32_t *
phys32(u_int32_t pa)
{
	volatile u_int32_t *p;

	/* An opaque pointer: the compiler may not reason about 0x500. */
	__asm("" : "=r"(p) : "0"(pa));
	return p;
}

static bool
a20_test(void)
{
	volatile u_int32_t *lo = phys32(0x500);
	volatile u_int32_t *hi = phys32(0x100500);
	u_int32_t save = *lo;
	bool open;

	*lo = 0x12345678;
	*hi = 0x87654321;
	open = *lo == 0x12345678;
	*lo = save;
	return open;
}

/* Wait until the keyboard controller can take a byte (bounded). */
static void
kbc_wait(void)
{
	for (int i = 0; i < 100000 && (inb(0x64) & 0x02); i++)
		;
}

/* gateA20: open the A20 gate.  Returns whether it is open. */
bool
gateA20(void)
{
	struct BIOS_regs r = {};

	if (a20_test())
		return true;
	r.biosr_ax = 0x2401;			/* BIOS: enable A20 */
	bioscall(0x15, &r);
	if (a20_test())
		return true;
	kbc_wait();
	outb(0x64, 0xd1);			/* write the output port */
	kbc_wait();
	outb(0x60, 0xdf);			/* ... with A20 on */
	kbc_wait();
	if (a20_test())
		return true;
	u_int8_t v = inb(0x92);			/* "fast A20" */
	outb(0x92, (v | 0x02) & ~0x01);		/* never bit 0: reset */
	return a20_test();
}
