/*
 * bioscons.cc: boot(8)'s consoles and its clock.
 *
 * boot(8) talks on two consoles at once, as our kernel does: the PC
 * screen and keyboard ("pc0"), and the first serial port ("com0", I/O
 * port 0x3f8, 9600 baud 8N1 like OpenBSD's default; the kernel's console
 * is the same port at the same speed, see <dev/ic/comvar.h>).  Every
 * character goes to both; a key from either is read.  Tests drive the
 * prompt through com0 (QEMU's -serial), people through either.
 *
 * The screen goes through the BIOS (INT 10h AH=0Eh, "teletype output"),
 * which scrolls and moves the cursor for us; the keyboard likewise (INT
 * 16h).  The serial port is programmed directly through its registers
 * (<dev/ic/comreg.h>): a BIOS call per character would be slow on the
 * serial line, and the BIOS's INT 14h knows only speeds up to 9600.
 * OpenBSD's libsa/bioscons.c does the same split.
 *
 * The clock is the CMOS real-time clock, read through its I/O ports:
 * boot(8) runs with interrupts off, so the BIOS's tick counter (kept by
 * the timer interrupt) does not advance while we wait at the prompt.
 */
#include <sys/param.h>
#include <machine/cpufunc.h>
#include <dev/ic/comreg.h>
#include <dev/ic/comvar.h>
#include "boot.h"

static bool com_present;	/* did a UART answer at CONADDR? */

/* Program com0: CONSPEED baud, 8 data bits, no parity, 1 stop bit. */
static void
com_init(void)
{
	u_int div = comspeed(CONSPEED);

	/* No UART there: the line status register reads as all ones. */
	if (inb(CONADDR + com_lsr) == 0xff)
		return;
	outb(CONADDR + com_ier, 0);
	outb(CONADDR + com_lctl, LCR_DLAB);
	outb(CONADDR + com_dlbl, div & 0xff);
	outb(CONADDR + com_dlbh, div >> 8);
	outb(CONADDR + com_lctl, LCR_8BITS);
	outb(CONADDR + com_fifo, FIFO_ENABLE | FIFO_RCV_RST | FIFO_XMT_RST);
	outb(CONADDR + com_mcr, MCR_DTR | MCR_RTS);
	com_present = true;
}

static void
com_putc(int c)
{
	/* Bounded: a UART that never drains must not hang the loader. */
	for (int i = 0; i < 100000; i++)
		if (inb(CONADDR + com_lsr) & LSR_TXRDY)
			break;
	outb(CONADDR + com_data, (u_int8_t)c);
}

/* cnputc_pc: one character on the screen, through the BIOS. */
void
cnputc_pc(int c)
{
	struct BIOS_regs r = {};

	r.biosr_ax = 0x0e00 | (c & 0xff);	/* AH=0Eh: teletype output */
	r.biosr_bx = 0x0007;			/* page 0, light grey */
	bioscall(0x10, &r);
}

/* cninit: set up the consoles; the screen needs nothing. */
void
cninit(void)
{
	com_init();
}

/* putchar: one character on every console; "\n" becomes "\r\n". */
void
putchar(int c)
{
	if (c == '\n')
		putchar('\r');
	cnputc_pc(c);
	if (com_present)
		com_putc(c);
}

/* A key from the keyboard, if one is waiting (INT 16h AH=01h, ZF). */
static int
pc_getc_nowait(void)
{
	struct BIOS_regs r = {};

	r.biosr_ax = 0x0100;
	bioscall(0x16, &r);
	if (r.biosr_efl & 0x40)			/* ZF: nothing waiting */
		return -1;
	r.biosr_ax = 0x0000;			/* AH=00h: take it */
	bioscall(0x16, &r);
	return r.biosr_ax & 0xff;
}

/* A byte from com0, if one has arrived. */
static int
com_getc_nowait(void)
{
	if (!com_present || (inb(CONADDR + com_lsr) & LSR_RXRDY) == 0)
		return -1;
	return inb(CONADDR + com_data);
}

/*
 * The next character from either console, or -1.  One character of
 * look-ahead lets cnischar() peek without losing what it saw.
 */
static int pending = -1;

static int
cngetc_nowait(void)
{
	int c;

	if (pending >= 0) {
		c = pending;
		pending = -1;
		return c;
	}
	if ((c = com_getc_nowait()) >= 0)
		return c;
	return pc_getc_nowait();
}

/* cnischar: is a character waiting on either console? */
int
cnischar(void)
{
	if (pending < 0)
		pending = cngetc_nowait();
	return pending >= 0;
}

/* getchar: wait for a character from either console. */
int
getchar(void)
{
	int c;

	while ((c = cngetc_nowait()) < 0)
		;
	return c;
}

/* Read CMOS register reg. */
static u_int
rtc_read(u_int reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static u_int
bcd2bin(u_int v)
{
	return (v >> 4) * 10 + (v & 0xf);
}

/*
 * getsecs: seconds since midnight from the real-time clock: enough to
 * time a prompt (a timeout that spans midnight ends early, as OpenBSD's).
 */
time_t
getsecs(void)
{
	u_int sec, min, hour;

	/* Not while the clock updates itself (register A, bit 7). */
	for (int i = 0; i < 100000 && (rtc_read(0x0a) & 0x80); i++)
		;
	sec = rtc_read(0x00);
	min = rtc_read(0x02);
	hour = rtc_read(0x04);
	if ((rtc_read(0x0b) & 0x04) == 0) {	/* BCD, not binary */
		sec = bcd2bin(sec);
		min = bcd2bin(min);
		hour = bcd2bin(hour & 0x7f);
	}
	return (time_t)(hour % 24) * 3600 + min * 60 + sec;
}
