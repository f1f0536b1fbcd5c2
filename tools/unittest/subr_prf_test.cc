/*
 * subr_prf_test.cc: host tests of the kernel's printf engine
 * (kern/subr_prf.cc, compiled for the host).  Here snprintf is the
 * kernel's, renamed kern_snprintf by <sys/systm.h> under HOSTTEST.
 */
#include <gtest/gtest.h>
#include <string>

#include <sys/param.h>
#include <sys/systm.h>

/* Format with the kernel's snprintf into a std::string. */
template <typename... Args>
static std::string
kfmt(const char *fmt, Args... args)
{
	char buf[256];
	snprintf(buf, sizeof(buf), fmt, args...);
	return buf;
}

TEST(SubrPrf, Integers)
{
	EXPECT_EQ(kfmt("%d", 0), "0");
	EXPECT_EQ(kfmt("%d", -2147483647 - 1), "-2147483648");
	EXPECT_EQ(kfmt("%i|%u", -5, 4294967295U), "-5|4294967295");
	EXPECT_EQ(kfmt("%ld", -123456789L), "-123456789");
	EXPECT_EQ(kfmt("%lld", (long long)(-9223372036854775807LL - 1)),
	    "-9223372036854775808");
	EXPECT_EQ(kfmt("%llu", 18446744073709551615ULL),
	    "18446744073709551615");
	EXPECT_EQ(kfmt("%qd", (long long)42), "42");
	EXPECT_EQ(kfmt("%zu", (size_t)77), "77");
	EXPECT_EQ(kfmt("%hd|%hhu", 70000, 300), "4464|44");
}

TEST(SubrPrf, Bases)
{
	EXPECT_EQ(kfmt("%x|%X|%o", 0xabcdef, 0xabcdef, 511), "abcdef|ABCDEF|777");
	EXPECT_EQ(kfmt("%#x|%#X|%#o|%#x", 255, 255, 8, 0), "0xff|0XFF|010|0");
	EXPECT_EQ(kfmt("%llx", 0xfedcba9876543210ULL), "fedcba9876543210");
	EXPECT_EQ(kfmt("%p", (void *)0x1234), "0x1234");
}

TEST(SubrPrf, WidthPrecisionFlags)
{
	EXPECT_EQ(kfmt("[%6d]", 42), "[    42]");
	EXPECT_EQ(kfmt("[%-6d]", 42), "[42    ]");
	EXPECT_EQ(kfmt("[%06d]", -42), "[-00042]");
	EXPECT_EQ(kfmt("[%+d|% d]", 5, 5), "[+5| 5]");
	EXPECT_EQ(kfmt("[%.3d]", 7), "[007]");
	EXPECT_EQ(kfmt("[%08.3d]", 7), "[     007]");	/* precision beats 0 */
	EXPECT_EQ(kfmt("[%.0d]", 0), "[]");
	EXPECT_EQ(kfmt("[%*d|%-*d]", 4, 1, 4, 2), "[   1|2   ]");
	EXPECT_EQ(kfmt("[%#010x]", 0xbeef), "[0x0000beef]");
}

TEST(SubrPrf, StringsAndChars)
{
	EXPECT_EQ(kfmt("%s", "hello"), "hello");
	EXPECT_EQ(kfmt("[%8s|%-8s]", "ab", "cd"), "[      ab|cd      ]");
	EXPECT_EQ(kfmt("%.2s", "abcdef"), "ab");
	EXPECT_EQ(kfmt("%.*s", 3, "abcdef"), "abc");
	EXPECT_EQ(kfmt("%s", (const char *)nullptr), "(null)");
	EXPECT_EQ(kfmt("%c%c%c", 'a', 'b', 'c'), "abc");
	EXPECT_EQ(kfmt("100%%"), "100%");
}

TEST(SubrPrf, BitFields)
{
	/* OpenBSD's %b: base from the first byte, then bit numbers from 1. */
	EXPECT_EQ(kfmt("%b", 0x0b, "\20\1ONE\2TWO\4FOUR"), "b<ONE,TWO,FOUR>");
	EXPECT_EQ(kfmt("%b", 0, "\20\1ONE"), "0");
	EXPECT_EQ(kfmt("%b", 8, "\10\4FOUR"), "10<FOUR>");
	EXPECT_EQ(kfmt("%b", 10, "\12\2TWO\4EIGHT"), "10<TWO,EIGHT>");
	/* Set bits without a name print no brackets. */
	EXPECT_EQ(kfmt("%b", 0x10, "\20\1ONE"), "10");
	EXPECT_EQ(kfmt("%b", 0x80000000U, "\20\40TOP"), "80000000<TOP>");
	/* Text after %b is still formatted. */
	EXPECT_EQ(kfmt("x=%b!", 3, "\20\1A\2B"), "x=3<A,B>!");
}

TEST(SubrPrf, Truncation)
{
	char buf[8];
	memset(buf, 'X', sizeof(buf));
	EXPECT_EQ(snprintf(buf, sizeof(buf), "%s", "0123456789"), 10);
	EXPECT_STREQ(buf, "0123456");

	char one[1] = { 'X' };
	EXPECT_EQ(snprintf(one, sizeof(one), "abc"), 3);
	EXPECT_EQ(one[0], '\0');

	/* size 0: nothing is written, the length is still returned. */
	char untouched = 'Q';
	EXPECT_EQ(snprintf(&untouched, 0, "%d", 12345), 5);
	EXPECT_EQ(untouched, 'Q');
}

TEST(SubrPrf, OddFormats)
{
	/* Unknown conversions are shown, not guessed at. */
	EXPECT_EQ(kfmt("%y"), "%y");
	EXPECT_EQ(kfmt("end%"), "end%");
}
