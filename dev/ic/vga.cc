/*
 * vga.cc: the VGA text screen as a console.
 *
 * In text mode the VGA shows an 80x25 grid whose contents are plain memory
 * at physical 0xb8000: each cell is two bytes, the character and its
 * colour attribute.  Writing a character is a store; scrolling is a
 * memmove of the grid one row up.  The blinking cursor is moved through
 * the CRT controller's index/data ports 0x3d4/0x3d5.
 *
 * The bootstrap page tables map low physical memory at KERNBASE, so the
 * grid is reached at KERNBASE + 0xb8000 (OpenBSD reaches the whole ISA
 * hole the same way, through its "atdevbase" mapping).  Output only; the
 * keyboard (pckbc) comes with the devices issue.  OpenBSD's vga(4) and
 * wsdisplay(4) do much more; this is the part a console needs.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <dev/cons.h>
#include <dev/ic/vgavar.h>
#include <machine/cpufunc.h>

#define VGA_TEXT_PA	0xb8000UL	/* the text grid, physical */
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x0700		/* light grey on black */
#define VGA_CRTC_INDEX	0x3d4
#define VGA_CRTC_DATA	0x3d5
#define CRTC_CURSORH	0x0e		/* cursor location, high byte */
#define CRTC_CURSORL	0x0f		/* cursor location, low byte */

static volatile u_int16_t *vga_base;	/* [I] the grid, mapped */
static int vga_row, vga_col;		/* where the next character goes */

static void
vga_setcursor(void)
{
	u_int pos = vga_row * VGA_COLS + vga_col;

	outb(VGA_CRTC_INDEX, CRTC_CURSORH);
	outb(VGA_CRTC_DATA, pos >> 8);
	outb(VGA_CRTC_INDEX, CRTC_CURSORL);
	outb(VGA_CRTC_DATA, pos & 0xff);
}

/* Move every row up by one and blank the last. */
static void
vga_scroll(void)
{
	for (int i = 0; i < (VGA_ROWS - 1) * VGA_COLS; i++)
		vga_base[i] = vga_base[i + VGA_COLS];
	for (int i = (VGA_ROWS - 1) * VGA_COLS; i < VGA_ROWS * VGA_COLS; i++)
		vga_base[i] = VGA_ATTR | ' ';
	vga_row = VGA_ROWS - 1;
}

static void
vga_cnputc(dev_t, int c)
{
	switch (c) {
	case '\r':
		vga_col = 0;
		break;
	case '\n':
		vga_row++;
		break;
	case '\b':
		if (vga_col > 0)
			vga_col--;
		break;
	case '\t':
		vga_col = (vga_col + 8) & ~7;
		break;
	default:
		vga_base[vga_row * VGA_COLS + vga_col] =
		    VGA_ATTR | (u_int8_t)c;
		vga_col++;
		break;
	}
	if (vga_col >= VGA_COLS) {
		vga_col = 0;
		vga_row++;
	}
	if (vga_row >= VGA_ROWS)
		vga_scroll();
	vga_setcursor();
}

static struct consdev vgacons = {
	"vga0", nullptr, vga_cnputc, nullptr, 0,
};

/*
 * vga_cnattach: clear the screen and make it a console.
 * => called from consinit() with the bootstrap mapping of low memory.
 */
void
vga_cnattach(void)
{
	vga_base = (volatile u_int16_t *)(KERNBASE + VGA_TEXT_PA);
	for (int i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_base[i] = VGA_ATTR | ' ';
	vga_row = vga_col = 0;
	vga_setcursor();
	cn_attach(&vgacons);
}
