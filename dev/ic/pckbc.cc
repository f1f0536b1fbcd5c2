/*
 * pckbc.cc: the Intel 8042 PC keyboard controller, pckbc(4).
 *
 * The 8042 sits at ports 0x60 (data) and 0x64 (status on read, command
 * on write).  Talking to it is a handshake on the status register: wait
 * until the input buffer is empty (KBS_IBF clear) before writing, and
 * until the output buffer is full (KBS_DIB set) before reading.  Every
 * such wait here is bounded by a count of status reads: a machine
 * without a controller reads 0xff from both ports, which looks busy
 * forever, and the kernel must not hang looking for a keyboard.
 *
 * The controller is asked to translate the keyboard's scancodes to set 1
 * (KC8_TRANS), the set of the original PC, whose break codes are the make
 * code with the top bit set; pckbd(4) turns them into characters.  The
 * mouse port is switched off: nothing drives it yet, and a mouse byte
 * left unread would block the keyboard's bytes behind it.
 *
 * Two paths bring bytes in.  Once autoconf has attached the controller,
 * pckbcintr() runs on IRQ 1 at IPL_TTY and hands each byte to the input
 * handler of the slot it came from.  Before that, and whenever the
 * interrupt is held off, the console polls (pckbc_poll_data).  The two
 * never race, because every poll runs at spltty or with interrupts off,
 * and IPL_TTY masks IRQ 1.
 *
 * This file holds the bus-independent part, as OpenBSD's
 * sys/dev/ic/pckbc.c; dev/isa/pckbc_isa.cc finds the controller on ISA.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/device.h>
#include <dev/ic/pckbcreg.h>
#include <dev/ic/pckbcvar.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>

/*
 * Status reads before a wait gives up.  On real hardware an ISA inb
 * takes about a microsecond, so this is some 100 ms: ample for a
 * controller (self-test answers within a few ms), short for a boot.
 */
#define PCKBC_TIMO	100000

static int pckbc_consiobase = -1;	/* [I] the console's controller */

/*
 * pckbc_wait_input: wait until the controller can take a byte.
 * Returns true if it can, false on timeout (no controller, or wedged).
 */
static bool
pckbc_wait_input(int iobase)
{
	for (int i = 0; i < PCKBC_TIMO; i++)
		if ((inb(iobase + KBSTATP) & KBS_IBF) == 0)
			return true;
	return false;
}

/*
 * pckbc_poll_data: the next byte from the keyboard slot, or -1.  With
 * wait, spins (boundedly) for one to arrive; without, looks once.  Bytes
 * from the mouse slot are read and dropped.
 * => called at spltty or with interrupts off, so that pckbcintr() does
 *    not take the byte first.
 */
int
pckbc_poll_data(int iobase, bool wait)
{
	for (int i = 0; i < (wait ? PCKBC_TIMO : 1); i++) {
		u_int8_t st = inb(iobase + KBSTATP);

		if ((st & KBS_DIB) == 0)
			continue;
		u_int8_t data = inb(iobase + KBDATAP);
		if (st & KBS_AUXDATA)
			continue;
		return data;
	}
	return -1;
}

/*
 * pckbc_send_cmd: write a controller command.  Returns false if the
 * controller never became ready to take it.
 */
bool
pckbc_send_cmd(int iobase, u_int8_t cmd)
{
	if (!pckbc_wait_input(iobase))
		return false;
	outb(iobase + KBCMDP, cmd);
	return true;
}

/*
 * pckbc_send_data: write a byte to the data port: the argument of the
 * last controller command, or else a command for the keyboard.
 */
bool
pckbc_send_data(int iobase, u_int8_t val)
{
	if (!pckbc_wait_input(iobase))
		return false;
	outb(iobase + KBDATAP, val);
	return true;
}

/*
 * pckbc_flush: throw away whatever waits in the output buffer, so that
 * the next byte read is the answer to the next command.  Bounded: an
 * absent controller always looks full.
 */
void
pckbc_flush(int iobase)
{
	for (int i = 0; i < 32; i++) {
		if ((inb(iobase + KBSTATP) & KBS_DIB) == 0)
			return;
		(void)inb(iobase + KBDATAP);
	}
}

/* pckbc_get_cmdbyte: the controller's command byte, or -1. */
int
pckbc_get_cmdbyte(int iobase)
{
	if (!pckbc_send_cmd(iobase, KBC_RAMREAD))
		return -1;
	return pckbc_poll_data(iobase, true);
}

/* pckbc_put_cmdbyte: set the controller's command byte. */
bool
pckbc_put_cmdbyte(int iobase, u_int8_t cmdbyte)
{
	return pckbc_send_cmd(iobase, KBC_RAMWRITE) &&
	    pckbc_send_data(iobase, cmdbyte);
}

/*
 * pckbc_selftest: is there a working 8042 at iobase?  It must answer
 * its self-test command with 0x55.  Returns 0 or ENXIO.
 * => interrupts off or at spltty; does not sleep, bounded.
 */
int
pckbc_selftest(int iobase)
{
	/* An empty port reads 0xff: every status bit set. */
	if (inb(iobase + KBSTATP) == 0xff)
		return ENXIO;
	pckbc_flush(iobase);
	if (!pckbc_send_cmd(iobase, KBC_SELFTEST))
		return ENXIO;
	if (pckbc_poll_data(iobase, true) != KBC_SELFTEST_OK)
		return ENXIO;
	return 0;
}

/*
 * pckbc_setup: the command byte this driver wants: translation to set 1,
 * keyboard port on with its interrupt, mouse port off.  The system and
 * security bits are kept as the BIOS left them.  Also used after a
 * self-test, which some controllers follow with a reset command byte.
 * Returns 0 or ENXIO.
 */
int
pckbc_setup(int iobase)
{
	int cmdbyte = pckbc_get_cmdbyte(iobase);

	if (cmdbyte < 0)
		return ENXIO;
	cmdbyte &= ~(KC8_MENABLE | KC8_KDISABLE);
	cmdbyte |= KC8_TRANS | KC8_KENABLE | KC8_MDISABLE;
	if (!pckbc_put_cmdbyte(iobase, (u_int8_t)cmdbyte))
		return ENXIO;
	return 0;
}

/*
 * pckbc_cnattach: make the controller at iobase usable for the console
 * keyboard: self-test it and program the command byte.  Returns 0, or
 * ENXIO if no controller answers.
 * => called from consinit() (through pckbd_cnattach), interrupts off.
 */
int
pckbc_cnattach(int iobase)
{
	if (pckbc_selftest(iobase) != 0 || pckbc_setup(iobase) != 0)
		return ENXIO;
	pckbc_consiobase = iobase;
	return 0;
}

/* pckbc_is_console: did pckbc_cnattach() take the controller at iobase? */
bool
pckbc_is_console(int iobase)
{
	return pckbc_consiobase == iobase;
}

/* The end of a child's attach line: "pckbd0 at pckbc0 (kbd slot)". */
static int
pckbcprint(void *aux, const char *pnp)
{
	struct pckbc_attach_args *pa = (struct pckbc_attach_args *)aux;

	if (pnp != nullptr)
		printf("%s slot at %s", pa->pa_slot == PCKBC_KBD_SLOT ?
		    "kbd" : "aux", pnp);
	printf(" (%s slot)", pa->pa_slot == PCKBC_KBD_SLOT ? "kbd" : "aux");
	return UNCONF;
}

/*
 * pckbc_attach: the bus-independent half of attaching a controller the
 * bus glue has found: program it, test the keyboard port and attach
 * pckbd(4) to the keyboard slot.  The bus glue establishes the interrupt
 * afterwards, so the children's polled commands here meet no handler.
 * => boot time, process context; does not sleep.
 */
void
pckbc_attach(struct pckbc_softc *sc)
{
	int iobase = sc->sc_iobase, res = -1;

	{
		splguard s(IPL_TTY);

		if (pckbc_setup(iobase) != 0) {
			printf("%s: cannot set the command byte\n",
			    sc->sc_dev.dv_xname);
			return;
		}
		/*
		 * The keyboard interface test checks the clock and data
		 * lines to the keyboard.  OpenBSD skips it because some old
		 * controllers fail it and work; QEMU's and today's pass.
		 */
		if (pckbc_send_cmd(iobase, KBC_KBDTEST))
			res = pckbc_poll_data(iobase, true);
	}
	if (res != KBC_KBDTEST_OK) {
		printf("%s: keyboard port test failed (%d)\n",
		    sc->sc_dev.dv_xname, res);
		return;
	}

	struct pckbc_attach_args pa = { sc, PCKBC_KBD_SLOT };
	(void)config_found(&sc->sc_dev, &pa, pckbcprint);
	/* XXX No pms(4) yet: the aux slot stays switched off. */
}

/*
 * pckbc_set_inputhandler: send the bytes of slot to fn(arg, byte).
 * => called by a child's attach; the line is not yet established.
 */
void
pckbc_set_inputhandler(struct pckbc_softc *sc, int slot, pckbc_inputfcn fn,
    void *arg)
{
	splguard s(IPL_TTY);

	KASSERT(slot >= 0 && slot < PCKBC_NSLOTS);
	sc->sc_inputhandler[slot] = fn;
	sc->sc_inputarg[slot] = arg;
}

/*
 * pckbcintr: IRQ 1.  Read every byte that waits and hand it to its
 * slot's input handler.
 * Returns 1 even when no byte waits: IRQ 1 is the controller's alone on
 * every PC, and an empty buffer means a poll at spltty (a polled command
 * during attach, the console, a test) took the byte whose edge the 8259
 * had latched meanwhile.  Counting that as a stray would blame a line
 * that did nothing wrong.
 * => interrupt context, IPL_TTY.
 */
int
pckbcintr(void *arg)
{
	struct pckbc_softc *sc = (struct pckbc_softc *)arg;

	for (int i = 0; i < 16; i++) {
		u_int8_t st = inb(sc->sc_iobase + KBSTATP);

		if ((st & KBS_DIB) == 0)
			break;
		int data = inb(sc->sc_iobase + KBDATAP);
		int slot = (st & KBS_AUXDATA) ? PCKBC_AUX_SLOT : PCKBC_KBD_SLOT;
		if (sc->sc_inputhandler[slot] != nullptr)
			(*sc->sc_inputhandler[slot])(sc->sc_inputarg[slot],
			    data);
	}
	return 1;
}
