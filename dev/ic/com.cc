/*
 * com.cc: the 16550 UART as the kernel console.
 *
 * This is the console half of OpenBSD's com(4) driver (comcnattach,
 * comcnputc, comcngetc in sys/dev/ic/com.c): polled, no interrupts, usable
 * from the first line of init386() to the last line of a panic.  The
 * interrupt-driven tty half comes with the devices issue.  QEMU connects
 * COM1 to the terminal (make qemu) or to a log file (the test runner).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <dev/cons.h>
#include <dev/ic/comreg.h>
#include <dev/ic/comvar.h>
#include <machine/cpufunc.h>

static int comconsaddr = -1;	/* [I] I/O base of the console UART */

int
comcnaddr(void)
{
	return comconsaddr;
}

static void
comcnputc(dev_t, int c)
{
	/* Wait (boundedly: a missing UART must not hang the kernel). */
	for (int timo = 100000; timo > 0; timo--)
		if (inb(comconsaddr + com_lsr) & LSR_TXRDY)
			break;
	outb(comconsaddr + com_data, (u_int8_t)c);
}

/* The next received character, or -1 if none is waiting. */
/* Once com(4) attached the console's UART, input comes through its ring. */
static struct device *comcn_dev;

void
comcn_setdev(struct device *dev)
{
	comcn_dev = dev;
}

static int
comcngetc(dev_t)
{
	if (comcn_dev != nullptr)
		return comgetc(comcn_dev);
	if ((inb(comconsaddr + com_lsr) & LSR_RXRDY) == 0)
		return -1;
	return inb(comconsaddr + com_data);
}

static struct consdev comcons = {
	"com0", comcngetc, comcnputc, nullptr, 0,
};

/*
 * comcnattach: program the UART at iobase for rate baud, 8N1, FIFOs on,
 * and make it a console.  Returns 0, or ENXIO if no UART answers there.
 * => called from consinit() before interrupts are enabled.
 */
int
comcnattach(int iobase, int rate)
{
	/* A UART keeps what is written to its scratch register. */
	outb(iobase + com_scratch, 0x5a);
	if (inb(iobase + com_scratch) != 0x5a)
		return ENXIO;

	outb(iobase + com_ier, 0);		/* polled: no interrupts */
	outb(iobase + com_lctl, LCR_DLAB);
	outb(iobase + com_dlbl, comspeed(rate) & 0xff);
	outb(iobase + com_dlbh, comspeed(rate) >> 8);
	outb(iobase + com_lctl, LCR_8BITS);
	/*
	 * The FIFOs stay as the loader left them: switching them on clears
	 * the receiver, and input may already be waiting (QEMU hands over
	 * typed-ahead or piped bytes from the start, one at a time while
	 * the FIFOs are off).  A polled console needs no FIFO; the
	 * interrupt-driven com(4) will turn them on when it attaches.
	 */
	outb(iobase + com_mcr, MCR_DTR | MCR_RTS);

	comconsaddr = iobase;
	cn_attach(&comcons);
	return 0;
}
