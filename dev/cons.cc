/*
 * cons.cc: the console, multiplexed over the console devices attached.
 *
 * Early in boot there are no interrupts, no drivers and no tty layer, yet
 * the kernel must print.  Console devices therefore work by polling:
 * cnputc() waits until the hardware takes the character, cngetc() spins
 * until one arrives.  Every attached device gets every output character,
 * so messages show both on the serial line (which the test runner reads)
 * and on the VGA screen (which a person at a QEMU window sees).
 *
 * /dev/console, the terminal user programs read and write, is built on
 * these in kern/tty.cc.  Mirrors OpenBSD's sys/dev/cons.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <dev/cons.h>
#include <machine/cpu.h>

#define NCONSDEV	4
static struct consdev *cn_tab[NCONSDEV];	/* [I] after consinit */
int cn_count;		/* [I] how many: none until consinit */

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

/* cn_rawputc: one byte to every console, exactly as given. */
void
cn_rawputc(int c)
{
	for (int i = 0; i < cn_count; i++)
		cn_tab[i]->cn_putc(cn_tab[i]->cn_dev, c);
}

/* cnputc: one character to every console; "\n" becomes "\r\n". */
void
cnputc(int c)
{
	if (c == '\n')
		cn_rawputc('\r');
	cn_rawputc(c);
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
