/*
 * tools/unittest/libc_printf_test.cc: libc's printf and scanf cores
 * (lib/libc/stdio/vfprintf.cc, vfscanf.cc), through libc_snprintf and
 * libc_sscanf, compared with the host's C library on many formats: every
 * combination of flags, widths and precisions on a spread of integers and
 * strings, every length modifier, %n, %p, truncation and the return
 * value; and for scanf, integers in each base, strings, sets, widths, *
 * and the return counts.
 */
#include <gtest/gtest.h>

#include <cinttypes>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "libc_host.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"
#pragma GCC diagnostic ignored "-Wformat"

namespace {

/* Format with both and compare text and return value. */
template <typename... Args>
void
same(const char *fmt, Args... args)
{
	char want[512], got[512];
	int wn = snprintf(want, sizeof(want), fmt, args...);
	memset(got, 'X', sizeof(got));
	int gn = libc_snprintf(got, sizeof(got), fmt, args...);
	EXPECT_EQ(std::string(want), std::string(got)) << "format " << fmt;
	EXPECT_EQ(wn, gn) << "format " << fmt;
}

/* Every flag combination, a few widths and precisions, for conv. */
std::vector<std::string>
formats(const char *len, char conv)
{
	const char *flags[] = { "", "-", "+", " ", "#", "0", "-0", "+0",
		" 0", "#0", "-#", "+ ", "-+ #0" };
	const char *widths[] = { "", "1", "5", "12", "*" };
	const char *precs[] = { "", ".", ".0", ".1", ".3", ".10", ".*" };
	std::vector<std::string> v;

	for (const char *f : flags)
		for (const char *w : widths)
			for (const char *p : precs)
				v.push_back(std::string("[%") + f + w + p + len +
				    conv + "]");
	return v;
}

} // namespace

TEST(LibcPrintf, SignedIntegers)
{
	const int values[] = { 0, 1, -1, 7, -42, 123456, INT_MAX, INT_MIN };
	int n = 0;

	for (char conv : { 'd', 'i' })
		for (const std::string &f : formats("", conv))
			for (int v : values) {
				bool star_w = f.find("*") != std::string::npos;
				size_t first = f.find('*');
				bool two = star_w &&
				    f.find('*', first + 1) != std::string::npos;
				if (two)
					same(f.c_str(), 7, 3, v);
				else if (star_w)
					same(f.c_str(), f[first - 1] == '.' ? 4 :
					    9, v);
				else
					same(f.c_str(), v);
				n++;
			}
	EXPECT_GT(n, 5000);
}

TEST(LibcPrintf, UnsignedIntegers)
{
	const unsigned values[] = { 0, 1, 8, 255, 0x1234abcd, UINT_MAX };

	for (char conv : { 'u', 'o', 'x', 'X' })
		for (const std::string &f : formats("", conv)) {
			if (f.find('*') != std::string::npos)
				continue;
			for (unsigned v : values)
				same(f.c_str(), v);
		}
}

TEST(LibcPrintf, StarNegative)
{
	same("[%*d]", -6, 42);
	same("[%-*d]", -6, 42);
	same("[%.*d]", -3, 42);
	same("[%*.*s]", -8, 2, "hello");
	same("[%0*d]", 8, -42);
}

TEST(LibcPrintf, LengthModifiers)
{
	same("%hhd %hhu %hhx", 300, 300, -1);
	same("%hd %hu %hx", 70000, 70000, -1);
	same("%ld %lu %lx %lo", LONG_MIN, ULONG_MAX, 0xdeadbeefUL, 077UL);
	same("%lld %llu %llx %llX", LLONG_MIN, ULLONG_MAX,
	    0x123456789abcdefULL, 0xfedcba987654321ULL);
	same("%jd %ju %jx", INTMAX_MIN, UINTMAX_MAX, (uintmax_t)1 << 63);
	same("%zd %zu %zx", (ssize_t)-5, (size_t)SIZE_MAX, (size_t)4096);
	same("%td %tx", (ptrdiff_t)-77, (ptrdiff_t)0x7f);
	same("%qd %qu", (long long)-9, (unsigned long long)9);
	for (const std::string &f : formats("ll", 'd')) {
		if (f.find('*') != std::string::npos)
			continue;
		same(f.c_str(), (long long)-1234567890123LL);
		same(f.c_str(), (long long)LLONG_MAX);
	}
	for (const std::string &f : formats("ll", 'x')) {
		if (f.find('*') != std::string::npos)
			continue;
		same(f.c_str(), (unsigned long long)0xabcdef0123ULL);
	}
}

TEST(LibcPrintf, Strings)
{
	const char *values[] = { "", "a", "hello", "hello, world" };
	const char *widths[] = { "", "3", "8", "20" };
	const char *precs[] = { "", ".0", ".2", ".5", ".30" };

	for (const char *fl : { "", "-" })
		for (const char *w : widths)
			for (const char *p : precs)
				for (const char *v : values) {
					std::string f = std::string("[%") + fl +
					    w + p + "s]";
					same(f.c_str(), v);
				}
	same("[%c][%3c][%-3c]", 'x', 'y', 'z');
	same("%s and %s", "one", "two");
	same("100%% %d%%", 5);
	same("no conversions at all");
	/* A precision lets a string lack its NUL. */
	char unterminated[3] = { 'a', 'b', 'c' };
	same("[%.3s]", unterminated);
}

TEST(LibcPrintf, NullString)
{
	char buf[32];

	libc_snprintf(buf, sizeof(buf), "%s", (char *)nullptr);
	EXPECT_STREQ("(null)", buf);
}

TEST(LibcPrintf, Pointers)
{
	int x;
	void *ptrs[] = { &x, (void *)0x1000, (void *)0xdeadbeef, (void *)1 };

	for (void *p : ptrs) {
		same("%p", p);
		same("[%20p]", p);
		same("[%-20p]", p);
	}
	char buf[32];
	libc_snprintf(buf, sizeof(buf), "%p", (void *)nullptr);
	EXPECT_STREQ("0x0", buf);	/* OpenBSD's; glibc says (nil) */
}

TEST(LibcPrintf, Count)
{
	int a = -1, b = -1;
	long long c = -1;
	signed char d = -1;
	char buf[64];

	int r = libc_snprintf(buf, sizeof(buf), "abc%n%5d%n|%lln%hhn", &a, 42,
	    &b, &c, &d);
	EXPECT_STREQ("abc   42|", buf);
	EXPECT_EQ(9, r);
	EXPECT_EQ(3, a);
	EXPECT_EQ(8, b);
	EXPECT_EQ(9, c);
	EXPECT_EQ(9, d);
}

TEST(LibcPrintf, Truncation)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	EXPECT_EQ(11, libc_snprintf(buf, 5, "hello %s", "world"));
	EXPECT_STREQ("hell", buf);
	EXPECT_EQ('X', buf[5]);
	EXPECT_EQ(5, libc_snprintf(nullptr, 0, "%d", 12345));
	buf[0] = 'Q';
	EXPECT_EQ(3, libc_snprintf(buf, 0, "abc"));
	EXPECT_EQ('Q', buf[0]);
	EXPECT_EQ(3, libc_snprintf(buf, 1, "abc"));
	EXPECT_STREQ("", buf);
	char big[64];
	EXPECT_EQ(10, libc_sprintf(big, "%05d%05x", 42, 255));
	EXPECT_STREQ("00042000ff", big);
}

TEST(LibcPrintf, Asprintf)
{
	char *s = nullptr;
	std::string want(300, '-');

	EXPECT_EQ(307, libc_asprintf(&s, "%s%07d", want.c_str(), -12));
	ASSERT_NE(nullptr, s);
	EXPECT_EQ(want + "-000012", std::string(s));
	libc_free(s);
}

namespace {

/* Scan with both; compare counts and the values. */
void
scan_ints(const char *in, const char *fmt)
{
	int w[4] = { 0, 0, 0, 0 }, g[4] = { 0, 0, 0, 0 };
	int wn = sscanf(in, fmt, &w[0], &w[1], &w[2], &w[3]);
	int gn = libc_sscanf(in, fmt, &g[0], &g[1], &g[2], &g[3]);

	EXPECT_EQ(wn, gn) << "input \"" << in << "\" format " << fmt;
	for (int k = 0; k < 4; k++)
		EXPECT_EQ(w[k], g[k]) << "input \"" << in << "\" format "
				      << fmt << " value " << k;
}

} // namespace

TEST(LibcScanf, Integers)
{
	const char *inputs[] = { "42", "  -17", "+5 6 7 8", "0x1f 010 9 z",
		"12345678 1", "7fff", "0 0 0 0", "", "   ", "abc", "-", "+",
		"12abc", "1,2,3,4", "077 0x10 -0x10 0", "  9\n\t10" };
	const char *fmts[] = { "%d", "%d %d %d %d", "%i %i %i %i", "%x %x",
		"%o %o", "%u %u", "%3d%d", "%2i%i", "%d,%d,%d,%d", "%*d %d",
		"%1d%1d%1d", "%X%x" };

	for (const char *in : inputs)
		for (const char *f : fmts)
			scan_ints(in, f);
}

TEST(LibcScanf, Lengths)
{
	long long a = 0, b = 0;
	short h = 0;
	signed char c = 0;
	unsigned long ul = 0;
	size_t z = 0;

	EXPECT_EQ(6, libc_sscanf("-9000000000 123456789012 70 -3 4000000000 99",
	    "%lld %llu %hd %hhd %lu %zu", &a, &b, &h, &c, &ul, &z));
	EXPECT_EQ(-9000000000LL, a);
	EXPECT_EQ(123456789012LL, b);
	EXPECT_EQ(70, h);
	EXPECT_EQ(-3, c);
	EXPECT_EQ(4000000000UL, ul);
	EXPECT_EQ(99U, z);
	void *p = nullptr;
	EXPECT_EQ(1, libc_sscanf("0xdeadbeef", "%p", &p));
	EXPECT_EQ((void *)0xdeadbeef, p);
}

TEST(LibcScanf, Strings)
{
	struct {
		const char *in, *fmt;
	} cases[] = {
		{ "hello world", "%s %s" },
		{ "  lead", "%s" },
		{ "abcdef", "%3s%s" },
		{ "abc123def", "%[a-z]%[0-9]" },
		{ "abc123def", "%[^0-9]%s" },
		{ "]x]y", "%[]x]%s" },
		{ "key=value", "%[^=]=%s" },
		{ "x", "%c" },
		{ "xyz", "%2c" },
		{ " q", " %c" },
		{ "a b", "%c%c" },
		{ "", "%s" },
		{ "123", "%[a-z]" },
		{ "abc", "%*[a-z]%s" },
		{ "ab cd", "%*s %s" },
		{ "x-y", "%[a-]%s" },
	};

	for (auto &c : cases) {
		char w1[32], w2[32], g1[32], g2[32];
		memset(w1, 0, sizeof(w1));
		memset(w2, 0, sizeof(w2));
		memset(g1, 0, sizeof(g1));
		memset(g2, 0, sizeof(g2));
		int wn = sscanf(c.in, c.fmt, w1, w2);
		int gn = libc_sscanf(c.in, c.fmt, g1, g2);
		EXPECT_EQ(wn, gn) << c.in << " / " << c.fmt;
		EXPECT_STREQ(w1, g1) << c.in << " / " << c.fmt;
		EXPECT_STREQ(w2, g2) << c.in << " / " << c.fmt;
	}
}

TEST(LibcScanf, CountAndLiterals)
{
	int a = 0, n1 = -1, n2 = -1;

	EXPECT_EQ(1, libc_sscanf("  12  rest", "%n%d%n", &n1, &a, &n2));
	EXPECT_EQ(0, n1);
	EXPECT_EQ(12, a);
	EXPECT_EQ(4, n2);
	EXPECT_EQ(1, libc_sscanf("50%", "%d%%", &a));
	EXPECT_EQ(0, libc_sscanf("x5", "y%d", &a));
	EXPECT_EQ(-1, libc_sscanf("", "y%d", &a));
	EXPECT_EQ(2, libc_sscanf("(3,4)", "(%d,%d)", &a, &n1));
	EXPECT_EQ(4, n1);
}
