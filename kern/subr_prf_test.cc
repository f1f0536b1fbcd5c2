/*
 * subr_prf_test.cc: in-kernel tests of printf(9)'s formatting and of the
 * message buffer.  The host unit tests check the formats in more detail
 * (tools/unittest/subr_prf_test.cc); these prove the same code behaves in
 * the kernel's freestanding build, with its own libkern and 32-bit longs.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <sys/msgbuf.h>

/* One snprintf case: the output must be want. */
static int
check(const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		return ktest_fail("got \"%s\", want \"%s\"", got, want);
	return 0;
}

static int
test_prf_formats(void)
{
	char buf[64];
	int err = 0;

	snprintf(buf, sizeof(buf), "%d %i %u", -42, 7, 4000000000U);
	err |= check(buf, "-42 7 4000000000");
	snprintf(buf, sizeof(buf), "%x %X %#x %o %#o", 0xbeef, 0xbeef, 255,
	    8, 8);
	err |= check(buf, "beef BEEF 0xff 10 010");
	snprintf(buf, sizeof(buf), "[%5d|%-5d|%05d]", 42, 42, -42);
	err |= check(buf, "[   42|42   |-0042]");
	snprintf(buf, sizeof(buf), "%lld %llu %llx", -1LL,
	    18446744073709551615ULL, 0x123456789abcULL);
	err |= check(buf, "-1 18446744073709551615 123456789abc");
	snprintf(buf, sizeof(buf), "%s|%.3s|%6s|%c", "abc", "abcdef", "x",
	    'z');
	err |= check(buf, "abc|abc|     x|z");
	snprintf(buf, sizeof(buf), "%p", (void *)0xd0200000);
	err |= check(buf, "0xd0200000");
	return err;
}
KTEST_DEFINE(prf_formats, test_prf_formats, 0);

static int
test_prf_bits(void)
{
	char buf[64];
	int err = 0;

	snprintf(buf, sizeof(buf), "%b", 0x0b, "\20\1ONE\2TWO\4FOUR");
	err |= check(buf, "b<ONE,TWO,FOUR>");
	snprintf(buf, sizeof(buf), "%b", 0, "\20\1ONE");
	err |= check(buf, "0");
	snprintf(buf, sizeof(buf), "%b", 10, "\12\2TWO\4EIGHT");
	err |= check(buf, "10<TWO,EIGHT>");
	return err;
}
KTEST_DEFINE(prf_bits, test_prf_bits, 0);

static int
test_prf_truncate(void)
{
	char buf[8];
	int n = snprintf(buf, sizeof(buf), "%s", "truncated text");

	if (n != 14)
		return ktest_fail("returned %d, want 14", n);
	return check(buf, "truncat");
}
KTEST_DEFINE(prf_truncate, test_prf_truncate, 0);

/* Everything printed since boot is in the message buffer. */
static int
test_msgbuf_boot_lines(void)
{
	static char text[MSGBUFSIZE];
	const char *want[] = { "real mem  = ", "avail mem = ", "cpu0: " };

	if (msgbufp == nullptr || msgbufp->msg_magic != MSG_MAGIC)
		return ktest_fail("no message buffer");
	msgbuf_copy(msgbufp, text, sizeof(text));
	for (const char *w : want) {
		bool found = false;
		for (const char *p = text; *p != '\0' && !found; p++)
			found = strncmp(p, w, strlen(w)) == 0;
		if (!found)
			return ktest_fail("\"%s\" not in the message buffer", w);
	}
	return 0;
}
KTEST_DEFINE(msgbuf_boot_lines, test_msgbuf_boot_lines, 0);
