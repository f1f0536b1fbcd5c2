/*
 * pckbd_test.cc: in-kernel tests of pckbc(4) and pckbd(4).
 *
 * The controller tests talk to the real 8042 (QEMU's pc machine has
 * one): its echo command hands a byte straight back, its self-test
 * answers 0x55.  They run at spltty, so that pckbcintr() cannot take the
 * answers; the interrupt the controller raises for them meanwhile finds
 * nothing to read once the level drops, and is only counted.
 * The translation tests feed scancode sequences to pckbd_translate()
 * with a state of their own, so the console keyboard's is untouched.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <dev/ic/pckbcreg.h>
#include <dev/ic/pckbcvar.h>
#include <dev/pckbc/pckbdvar.h>
#include <machine/intr.h>

/* The controller's echo command returns the byte written after it. */
static int
test_pckbc_echo(void)
{
	splguard s(IPL_TTY);

	static const u_int8_t vals[] = { 0x5a, 0xa5 };

	pckbc_flush(IO_KBD);
	for (u_int8_t v : vals) {
		if (!pckbc_send_cmd(IO_KBD, KBC_KBDECHO) ||
		    !pckbc_send_data(IO_KBD, v))
			return ktest_fail("controller does not take commands");
		int got = pckbc_poll_data(IO_KBD, true);
		if (got != v)
			return ktest_fail("echo 0x%x: got %d", v, got);
	}
	return 0;
}
KTEST_DEFINE(pckbc_echo, test_pckbc_echo, 0);

/* Self-test answers 0x55; the command byte is put back afterwards. */
static int
test_pckbc_selftest(void)
{
	splguard s(IPL_TTY);

	int before = pckbc_get_cmdbyte(IO_KBD);
	if (before < 0)
		return ktest_fail("cannot read the command byte");
	if (pckbc_selftest(IO_KBD) != 0)
		return ktest_fail("self-test did not answer 0x55");
	if (pckbc_setup(IO_KBD) != 0)
		return ktest_fail("cannot restore the command byte");
	int after = pckbc_get_cmdbyte(IO_KBD);
	if ((after & (KC8_TRANS | KC8_KENABLE)) != (KC8_TRANS | KC8_KENABLE))
		return ktest_fail("command byte 0x%x after self-test", after);
	if (pckbc_send_cmd(IO_KBD, KBC_KBDTEST) == false ||
	    pckbc_poll_data(IO_KBD, true) != KBC_KBDTEST_OK)
		return ktest_fail("keyboard port test did not answer 0x00");
	return 0;
}
KTEST_DEFINE(pckbc_selftest, test_pckbc_selftest, 0);

/*
 * Scancode sequences and the characters they must make.  Each is fed
 * to a fresh state, so one case's modifiers cannot leak into the next.
 */
static const struct {
	const char	*what;
	int		codes[12];	/* -1 ended */
	const char	*want;		/* the characters made, in order */
} pckbd_cases[] = {
	{ "a",		{ 0x1e, 0x9e, -1 },			"a" },
	{ "shift a",	{ 0x2a, 0x1e, 0x9e, 0xaa, -1 },		"A" },
	{ "shift gone",	{ 0x2a, 0xaa, 0x1e, -1 },		"a" },
	{ "rshift 1",	{ 0x36, 0x02, 0xb6, 0x02, -1 },		"!1" },
	{ "ctrl c",	{ 0x1d, 0x2e, 0xae, 0x9d, 0x2e, -1 },	"\003c" },
	{ "rctrl c",	{ 0xe0, 0x1d, 0x2e, -1 },		"\003" },
	{ "caps",	{ 0x3a, 0xba, 0x10, 0x2a, 0x10, 0xaa, 0x3a, 0x10,
			  0x02, -1 },				"Qqq1" },
	{ "keys",	{ 0x1c, 0x39, 0x0e, 0x0f, 0x01, -1 },	"\r \b\t\033" },
	{ "arrows",	{ 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0x4b, 0x1e, -1 }, "a" },
	{ "fake shift",	{ 0xe0, 0x2a, 0xe0, 0x48, 0xe0, 0xaa, 0x1e, -1 }, "a" },
	{ "kp enter",	{ 0xe0, 0x1c, 0xe0, 0x9c, -1 },		"\r" },
	{ "pause",	{ 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5, 0x1e, -1 }, "a" },
	{ "not keys",	{ 0xfa, 0x00, 0xff, 0xee, 0x30, -1 },	"b" },
};

static int
test_pckbd_translate(void)
{
	for (const auto &tc : pckbd_cases) {
		struct pckbd_state ks = {};
		const char *w = tc.want;

		for (const int *code = tc.codes; *code != -1; code++) {
			int c = pckbd_translate(&ks, (u_int8_t)*code);
			if (c < 0)
				continue;
			if (*w == '\0')
				return ktest_fail("%s: extra character 0x%x",
				    tc.what, c);
			if (c != (u_char)*w)
				return ktest_fail("%s: got 0x%x, want 0x%x",
				    tc.what, c, (u_char)*w);
			w++;
		}
		if (*w != '\0')
			return ktest_fail("%s: missing 0x%x", tc.what,
			    (u_char)*w);
	}
	return 0;
}
KTEST_DEFINE(pckbd_translate, test_pckbd_translate, 0);
