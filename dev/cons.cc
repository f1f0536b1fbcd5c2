/*
 * cons.cc: the console, multiplexed over the console devices attached.
 *
 * Early in boot there are no interrupts, no drivers and no tty layer, yet
 * the kernel must print.  Console devices therefore work by polling:
 * cnputc() waits until the hardware takes the character, cngetc() spins
 * until one arrives.  Every attached device gets every output character,
 * so messages show both on the serial line (which the test runner reads)
 * and on the VGA screen (which a person at a QEMU window sees).
 * Mirrors OpenBSD's sys/dev/cons.c, without the tty half (that comes with
 * the tty layer): /dev/console reads and writes the consoles directly.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/conf.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/uio.h>
#include <dev/cons.h>
#include <machine/cpu.h>

#define NCONSDEV	4
static struct consdev *cn_tab[NCONSDEV];	/* [I] after consinit */
static int cn_count;

/*
 * cn_attach: add a console device.  Output from now on reaches it too.
 * => called from consinit() only, before interrupts are enabled.
 */
void
cn_attach(struct consdev *cp)
{
	if (cn_count < NCONSDEV)
		cn_tab[cn_count++] = cp;
}

/* cnputc: one character to every console; "\n" becomes "\r\n". */
void
cnputc(int c)
{
	for (int i = 0; i < cn_count; i++) {
		if (c == '\n')
			cn_tab[i]->cn_putc(cn_tab[i]->cn_dev, '\r');
		cn_tab[i]->cn_putc(cn_tab[i]->cn_dev, c);
	}
}

/* cncheckc: a waiting input character from any console, or -1. */
int
cncheckc(void)
{
	for (int i = 0; i < cn_count; i++) {
		if (cn_tab[i]->cn_getc == nullptr)
			continue;
		int c = cn_tab[i]->cn_getc(cn_tab[i]->cn_dev);
		if (c >= 0)
			return c;
	}
	return -1;
}

/*
 * cngetc: wait for an input character.
 * => spins; interrupts keep being served if they were enabled, so the
 *    clock ticks on while ddb waits for a command.
 */
int
cngetc(void)
{
	int c;

	while ((c = cncheckc()) < 0)
		CPU_BUSY_CYCLE();
	return c;
}

void
cnpollc(int on)
{
	for (int i = 0; i < cn_count; i++)
		if (cn_tab[i]->cn_pollc != nullptr)
			cn_tab[i]->cn_pollc(cn_tab[i]->cn_dev, on);
}

/*
 * /dev/console as a character device (cdevsw[0]).  Until the tty layer
 * exists there is no line discipline: a read returns the characters
 * that have arrived (at least one, sleeping a tick at a time until one
 * does) and a write sends the bytes to every console.
 */
int
cnopen(dev_t, int, int, struct proc *)
{
	return cn_count > 0 ? 0 : ENXIO;
}

int
cnclose(dev_t, int, int, struct proc *)
{
	return 0;
}

/*
 * cnread: the waiting input, at least one character.
 * => process context, may sleep.
 */
int
cnread(dev_t, struct uio *uio, int)
{
	char buf[64];
	size_t n = 0;
	int c;

	while ((c = cncheckc()) < 0) {
		int error = tsleep(&cn_count, PPAUSE | PCATCH, "cnread", 1);
		if (error != 0 && error != EWOULDBLOCK)
			return error;
	}
	do {
		buf[n++] = (char)(c == '\r' ? '\n' : c);
	} while (n < sizeof(buf) && n < uio->uio_resid &&
	    (c = cncheckc()) >= 0);
	return uiomove(buf, n, uio);
}

/* cnwrite: the bytes to every console. */
int
cnwrite(dev_t, struct uio *uio, int)
{
	char buf[64];

	while (uio->uio_resid > 0) {
		size_t n = MIN(sizeof(buf), uio->uio_resid);
		int error = uiomove(buf, n, uio);
		if (error != 0)
			return error;
		for (size_t i = 0; i < n; i++)
			cnputc(buf[i]);
	}
	return 0;
}
