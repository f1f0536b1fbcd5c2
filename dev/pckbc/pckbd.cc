/*
 * pckbd.cc: the PC keyboard, pckbd(4), as console input.
 *
 * The keyboard sends a scancode for every key pressed (its make code)
 * and another for every key released (its break code).  The controller
 * translates them to scancode set 1 (see dev/ic/pckbc.cc), where a key's
 * break code is its make code with the top bit set, so that shift held
 * down is 0x2a ... 0xaa.  A byte 0xe0 prefixes the keys the 101-key
 * keyboard added (arrows, right control, keypad enter); 0xe1 starts the
 * six bytes of Pause.
 *
 * pckbd_translate() keeps the modifier state (both shifts, both
 * controls, caps lock) in a struct pckbd_state and turns each make code
 * into the character the US layout gives it, or -1 for bytes that make
 * none: breaks, modifiers, function and cursor keys.  Control with a
 * letter gives the ASCII control character (control-C is 0x03), as a
 * terminal would.
 *
 * The characters wait in a small ring until the console reads them.  The
 * ring is filled from two places: pckbcintr() on IRQ 1, once autoconf
 * has attached the controller, and the console's own poll of the
 * controller, which is all there is before autoconf, in ddb at
 * splhigh, and while IRQ 1 is held off.  Both run at IPL_TTY or above,
 * which serializes them.
 *
 * XXX No wskbd(4), no keymaps but US, no LEDs (caps lock's light stays
 * off), no key repeat of our own (the keyboard's typematic does it), and
 * no tty: input reaches the kernel only through cngetc()/cncheckc().
 * Mirrors OpenBSD's sys/dev/pckbc/pckbd.c, with the translation that
 * wskbd(4)'s keymaps do there folded in.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <dev/cons.h>
#include <dev/ic/pckbcreg.h>
#include <dev/ic/pckbcvar.h>
#include <dev/pckbc/pckbdvar.h>
#include <machine/intr.h>

/* Set 1 make codes with a meaning beyond a character. */
#define SC_LCTRL	0x1d
#define SC_LSHIFT	0x2a
#define SC_RSHIFT	0x36
#define SC_CAPSLOCK	0x3a
#define SC_ENTER	0x1c
#define SC_BREAK	0x80	/* set in a break code */
#define SC_EXTEND	0xe0	/* prefix: 101-key additions */
#define SC_PAUSE	0xe1	/* prefix: Pause, two more bytes */

/*
 * The US layout, unshifted and shifted, by set 1 make code.  A zero is a
 * key that makes no character (modifiers, F1-F12, the keypad's cursor
 * half).  Enter gives '\r', as a serial terminal sends it.
 */
#define PCKBD_NKEYS	0x59
static const char pckbd_keymap[PCKBD_NKEYS] = {
	0,    0x1b, '1',  '2',  '3',  '4',  '5',  '6',	/* 0x00 */
	'7',  '8',  '9',  '0',  '-',  '=',  '\b', '\t',	/* 0x08 */
	'q',  'w',  'e',  'r',  't',  'y',  'u',  'i',	/* 0x10 */
	'o',  'p',  '[',  ']',  '\r', 0,    'a',  's',	/* 0x18 */
	'd',  'f',  'g',  'h',  'j',  'k',  'l',  ';',	/* 0x20 */
	'\'', '`',  0,    '\\', 'z',  'x',  'c',  'v',	/* 0x28 */
	'b',  'n',  'm',  ',',  '.',  '/',  0,    '*',	/* 0x30 */
	0,    ' ',  0,    0,    0,    0,    0,    0,	/* 0x38 */
	0,    0,    0,    0,    0,    0,    0,    0,	/* 0x40 */
	0,    0,    '-',  0,    0,    0,    '+',  0,	/* 0x48 */
	0,    0,    0,    0,    0,    0,    0,    0,	/* 0x50 */
	0,						/* 0x58 */
};
static const char pckbd_keymap_shift[PCKBD_NKEYS] = {
	0,    0x1b, '!',  '@',  '#',  '$',  '%',  '^',	/* 0x00 */
	'&',  '*',  '(',  ')',  '_',  '+',  '\b', '\t',	/* 0x08 */
	'Q',  'W',  'E',  'R',  'T',  'Y',  'U',  'I',	/* 0x10 */
	'O',  'P',  '{',  '}',  '\r', 0,    'A',  'S',	/* 0x18 */
	'D',  'F',  'G',  'H',  'J',  'K',  'L',  ':',	/* 0x20 */
	'"',  '~',  0,    '|',  'Z',  'X',  'C',  'V',	/* 0x28 */
	'B',  'N',  'M',  '<',  '>',  '?',  0,    '*',	/* 0x30 */
	0,    ' ',  0,    0,    0,    0,    0,    0,	/* 0x38 */
	0,    0,    0,    0,    0,    0,    0,    0,	/* 0x40 */
	0,    0,    '-',  0,    0,    0,    '+',  0,	/* 0x48 */
	0,    0,    0,    0,    0,    0,    0,    0,	/* 0x50 */
	0,						/* 0x58 */
};
static_assert(sizeof(pckbd_keymap) == PCKBD_NKEYS &&
    sizeof(pckbd_keymap_shift) == PCKBD_NKEYS);

/*
 * pckbd_modifier: if key (make code, extended or not) is a modifier,
 * the PCKBD_MOD_* bit it holds down; else 0.
 */
static u_int
pckbd_modifier(u_int8_t key, bool extended)
{
	if (key == SC_LCTRL)
		return extended ? PCKBD_MOD_RCTRL : PCKBD_MOD_LCTRL;
	if (extended)
		return 0;	/* 0xe0 0x2a is a fake shift, sent with arrows */
	if (key == SC_LSHIFT)
		return PCKBD_MOD_LSHIFT;
	if (key == SC_RSHIFT)
		return PCKBD_MOD_RSHIFT;
	return 0;
}

/*
 * pckbd_translate: feed one set 1 scancode byte to the keyboard state
 * ks.  Returns the character the byte completes, or -1 if it makes
 * none (a break, a modifier, a prefix, a key without a character).
 * => any context; ks belongs to the caller.
 */
int
pckbd_translate(struct pckbd_state *ks, u_int8_t code)
{
	if (ks->ks_skip > 0) {
		ks->ks_skip--;
		return -1;
	}
	if (code == SC_EXTEND) {
		ks->ks_extended = true;
		return -1;
	}
	if (code == SC_PAUSE) {
		/* 0xe1 0x1d 0x45 0xe1 0x9d 0xc5: each 0xe1 starts two. */
		ks->ks_skip = 2;
		return -1;
	}
	bool extended = ks->ks_extended;
	ks->ks_extended = false;
	/* Overrun and the keyboard's answers are no keys. */
	if (code == 0x00 || code == KBR_OVERRUN || code == KBR_ACK ||
	    code == KBR_RESEND || code == KBR_ECHO)
		return -1;

	u_int8_t key = code & ~SC_BREAK;
	bool make = (code & SC_BREAK) == 0;
	u_int mod = pckbd_modifier(key, extended);
	if (mod != 0) {
		if (make)
			ks->ks_mods |= mod;
		else
			ks->ks_mods &= ~mod;
		return -1;
	}
	if (!make)
		return -1;
	if (key == SC_CAPSLOCK && !extended) {
		ks->ks_mods ^= PCKBD_MOD_CAPS;
		return -1;
	}
	/*
	 * Of the extended keys only keypad enter and keypad slash make a
	 * character; the arrows and the editing block would need escape
	 * sequences, which nothing reads yet.
	 */
	if (extended)
		return key == SC_ENTER ? '\r' : key == 0x35 ? '/' : -1;
	if (key >= PCKBD_NKEYS)
		return -1;

	bool shift = (ks->ks_mods & (PCKBD_MOD_LSHIFT | PCKBD_MOD_RSHIFT));
	int c = shift ? pckbd_keymap_shift[key] : pckbd_keymap[key];
	if (c == 0)
		return -1;
	/* Caps lock shifts letters only, and shift undoes it. */
	if ((ks->ks_mods & PCKBD_MOD_CAPS) && c >= 'a' && c <= 'z')
		c += 'A' - 'a';
	else if ((ks->ks_mods & PCKBD_MOD_CAPS) && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (ks->ks_mods & (PCKBD_MOD_LCTRL | PCKBD_MOD_RCTRL)) {
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (c >= '@' && c <= '_')
			c &= 0x1f;
	}
	return c;
}

/*
 * The one keyboard's input: its state and the ring of characters the
 * console has not read.  Locking: [T] spltty.
 */
#define PCKBD_RINGSIZE	64	/* a power of two */
static struct {
	struct pckbd_state kc_state;		/* [T] */
	u_char		kc_ring[PCKBD_RINGSIZE]; /* [T] */
	u_int		kc_head;		/* [T] next to read */
	u_int		kc_tail;		/* [T] next to write */
	u_long		kc_dropped;		/* [T] lost to a full ring */
	bool		kc_console;		/* [I] console input */
} pckbd_consdata;

/*
 * pckbd_input: one byte from the keyboard slot: translate it and queue
 * the character, if any.  A full ring drops the new character: the
 * oldest typed are the ones the reader expects first.
 * => interrupt context (pckbcintr) or a console poll; at IPL_TTY.
 */
static void
pckbd_input(void *, int data)
{
	splassert(IPL_TTY);
	int c = pckbd_translate(&pckbd_consdata.kc_state, (u_int8_t)data);
	if (c < 0)
		return;
	if (pckbd_consdata.kc_tail - pckbd_consdata.kc_head >=
	    PCKBD_RINGSIZE) {
		pckbd_consdata.kc_dropped++;
		return;
	}
	pckbd_consdata.kc_ring[pckbd_consdata.kc_tail++ % PCKBD_RINGSIZE] =
	    (u_char)c;
}

/*
 * pckbd_cngetc: the next typed character, or -1.  Polls the controller
 * first: before autoconf there is no interrupt handler, and under spltty
 * or in ddb the handler cannot run, so only the poll sees new keys.
 * => any context; raises to spltty, which keeps pckbcintr() out.
 */
static int
pckbd_cngetc(dev_t)
{
	splguard s(IPL_TTY);

	for (int i = 0; i < 16; i++) {
		int data = pckbc_poll_data(IO_KBD, false);
		if (data < 0)
			break;
		pckbd_input(nullptr, data);
	}
	if (pckbd_consdata.kc_head == pckbd_consdata.kc_tail)
		return -1;
	return pckbd_consdata.kc_ring[pckbd_consdata.kc_head++ %
	    PCKBD_RINGSIZE];
}

/* Input only: the screen's output is vga(4)'s console. */
static void
pckbd_cnputc(dev_t, int)
{
}

static struct consdev pckbdcons = {
	"pckbd0", pckbd_cngetc, pckbd_cnputc, nullptr, 0,
};

/*
 * pckbd_cnattach: make the PC keyboard a console input, if the
 * controller answers.  Characters typed from now on wait for
 * cngetc()/cncheckc(); pckbc(4)'s interrupt feeds the same ring once
 * autoconf attaches it.
 * => called from consinit(), before autoconf, interrupts off.
 */
void
pckbd_cnattach(void)
{
	if (pckbc_cnattach(IO_KBD) != 0)
		return;
	pckbd_consdata.kc_console = true;
	cn_attach(&pckbdcons);
}

struct pckbd_softc {
	struct device	sc_dev;
	struct pckbc_softc *sc_pckbc;	/* [I] our controller */
};

static int
pckbd_match(struct device *, void *match, void *aux)
{
	struct cfdata *cf = (struct cfdata *)match;
	struct pckbc_attach_args *pa = (struct pckbc_attach_args *)aux;

	if (cf->cf_loc[PCKBCCF_SLOT] != LOC_WILDCARD &&
	    cf->cf_loc[PCKBCCF_SLOT] != pa->pa_slot)
		return 0;
	return pa->pa_slot == PCKBC_KBD_SLOT;
}

/*
 * pckbd_attach: switch the keyboard's scanning on (a keyboard reset by
 * its power-on or by a KBC_DISABLE stays silent until told) and take
 * the keyboard slot's bytes.
 * => boot time, before the controller's interrupt is established.
 */
static void
pckbd_attach(struct device *parent, struct device *self, void *aux)
{
	struct pckbd_softc *sc = (struct pckbd_softc *)self;
	struct pckbc_attach_args *pa = (struct pckbc_attach_args *)aux;
	int iobase = pa->pa_pckbc->sc_iobase, res = -1;

	printf("\n");
	sc->sc_pckbc = pa->pa_pckbc;
	{
		splguard s(IPL_TTY);

		if (pckbc_send_data(iobase, KBC_ENABLE))
			res = pckbc_poll_data(iobase, true);
	}
	if (res != KBR_ACK)
		printf("%s: enable scanning: no ack (%d)\n",
		    self->dv_xname, res);
	pckbc_set_inputhandler(pa->pa_pckbc, PCKBC_KBD_SLOT, pckbd_input,
	    sc);
	if (pckbd_consdata.kc_console)
		printf("%s: console keyboard\n", self->dv_xname);
}

struct cfattach pckbd_ca = {
	sizeof(struct pckbd_softc), pckbd_match, pckbd_attach
};

struct cfdriver pckbd_cd = {
	nullptr, "pckbd", DV_DULL, 0, 0
};
