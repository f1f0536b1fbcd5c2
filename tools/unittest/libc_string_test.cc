/*
 * tools/unittest/libc_string_test.cc: libc's <string.h>, <strings.h> and
 * <ctype.h> (lib/libc/string/string.cc, gen/ctype.cc) against the host's
 * C library: the same answers on every byte value, on overlapping moves,
 * on random strings, and on the BSD extras glibc lacks (strlcpy, strlcat)
 * against their manual page.
 */
#include <gtest/gtest.h>

#include <cctype>
#include <cstring>
#include <random>
#include <string>

#include "libc_host.h"

namespace {

int
sign(int v)
{
	return (v > 0) - (v < 0);
}

} // namespace

TEST(LibcCtype, EveryByte)
{
	for (int c = -1; c < 256; c++) {
		EXPECT_EQ(!!isalnum(c), !!libc_isalnum(c)) << c;
		EXPECT_EQ(!!isalpha(c), !!libc_isalpha(c)) << c;
		EXPECT_EQ(!!isblank(c), !!libc_isblank(c)) << c;
		EXPECT_EQ(!!iscntrl(c), !!libc_iscntrl(c)) << c;
		EXPECT_EQ(!!isdigit(c), !!libc_isdigit(c)) << c;
		EXPECT_EQ(!!isgraph(c), !!libc_isgraph(c)) << c;
		EXPECT_EQ(!!islower(c), !!libc_islower(c)) << c;
		EXPECT_EQ(!!isprint(c), !!libc_isprint(c)) << c;
		EXPECT_EQ(!!ispunct(c), !!libc_ispunct(c)) << c;
		EXPECT_EQ(!!isspace(c), !!libc_isspace(c)) << c;
		EXPECT_EQ(!!isupper(c), !!libc_isupper(c)) << c;
		EXPECT_EQ(!!isxdigit(c), !!libc_isxdigit(c)) << c;
		EXPECT_EQ(tolower(c), libc_tolower(c)) << c;
		EXPECT_EQ(toupper(c), libc_toupper(c)) << c;
	}
}

TEST(LibcString, RandomCompareAndSearch)
{
	std::mt19937 rng(1);
	const char alphabet[] = "abcAB\x80\xff ";

	for (int round = 0; round < 3000; round++) {
		std::string a, b;
		int la = rng() % 12, lb = rng() % 12;
		for (int k = 0; k < la; k++)
			a += alphabet[rng() % 8];
		for (int k = 0; k < lb; k++)
			b += alphabet[rng() % 8];
		const char *x = a.c_str(), *y = b.c_str();
		size_t n = rng() % 14;
		EXPECT_EQ(strlen(x), libc_strlen(x));
		EXPECT_EQ(strnlen(x, n), libc_strnlen(x, n));
		EXPECT_EQ(sign(strcmp(x, y)), sign(libc_strcmp(x, y)));
		EXPECT_EQ(sign(strncmp(x, y, n)), sign(libc_strncmp(x, y, n)));
		EXPECT_EQ(sign(strcasecmp(x, y)), sign(libc_strcasecmp(x, y)));
		EXPECT_EQ(sign(strncasecmp(x, y, n)),
		    sign(libc_strncasecmp(x, y, n)));
		size_t m = std::min(a.size(), b.size());
		EXPECT_EQ(sign(memcmp(x, y, m)), sign(libc_memcmp(x, y, m)));
		int c = (unsigned char)alphabet[rng() % 9];
		EXPECT_EQ(strchr(x, c), libc_strchr(x, c));
		EXPECT_EQ(strrchr(x, c), libc_strrchr(x, c));
		EXPECT_EQ(memchr(x, c, a.size()), libc_memchr(x, c, a.size()));
		EXPECT_EQ(strstr(x, y), libc_strstr(x, y));
		EXPECT_EQ(strspn(x, y), libc_strspn(x, y));
		EXPECT_EQ(strcspn(x, y), libc_strcspn(x, y));
		EXPECT_EQ(strpbrk(x, y), libc_strpbrk(x, y));
		EXPECT_EQ(memmem(x, a.size(), y, b.size()),
		    libc_memmem(x, a.size(), y, b.size()));
	}
}

TEST(LibcString, CopyAndMove)
{
	char buf[64], want[64];

	for (int len = 0; len < 20; len++)
		for (int src = 0; src < 20; src++)
			for (int dst = 0; dst < 20; dst++) {
				for (int k = 0; k < 64; k++)
					buf[k] = want[k] = (char)k;
				memmove(want + dst, want + src, len);
				libc_memmove(buf + dst, buf + src, len);
				ASSERT_EQ(0, memcmp(want, buf, 64));
			}
	libc_memset(buf, 'z', 10);
	buf[10] = '\0';
	EXPECT_STREQ("zzzzzzzzzz", buf);
	EXPECT_EQ(buf, libc_memcpy(buf, "abc", 4));
	EXPECT_STREQ("abc", buf);
	EXPECT_EQ(buf + 3, libc_stpcpy(buf, "xyz"));
	libc_strcat(buf, "123");
	EXPECT_STREQ("xyz123", buf);
	libc_strncat(buf, "4567", 2);
	EXPECT_STREQ("xyz12345", buf);
	memset(buf, 'Q', sizeof(buf));
	libc_strncpy(buf, "ab", 5);
	EXPECT_EQ(0, memcmp(buf, "ab\0\0\0Q", 6));
	libc_strcpy(buf, "copy");
	EXPECT_STREQ("copy", buf);
}

TEST(LibcString, Strlcpy)
{
	char buf[8];

	EXPECT_EQ(11U, libc_strlcpy(buf, "hello world", sizeof(buf)));
	EXPECT_STREQ("hello w", buf);
	EXPECT_EQ(2U, libc_strlcpy(buf, "hi", sizeof(buf)));
	EXPECT_STREQ("hi", buf);
	EXPECT_EQ(7U, libc_strlcat(buf, "there", sizeof(buf)));
	EXPECT_STREQ("hithere", buf);
	EXPECT_EQ(9U, libc_strlcat(buf, "xy", sizeof(buf)));
	EXPECT_STREQ("hithere", buf);
	EXPECT_EQ(3U, libc_strlcpy(buf, "abc", 0));
	EXPECT_EQ(10U, libc_strlcat(buf, "0123456789", 0));
}

TEST(LibcString, Tokens)
{
	char s[] = "a,b,,c";
	char *p = s;
	std::string out;
	char *t;

	while ((t = libc_strsep(&p, ",")) != nullptr)
		out += std::string("[") + t + "]";
	EXPECT_EQ("[a][b][][c]", out);

	char s2[] = "  one two\tthree  ";
	char *last;
	out.clear();
	for (t = libc_strtok_r(s2, " \t", &last); t != nullptr;
	    t = libc_strtok_r(nullptr, " \t", &last))
		out += std::string("[") + t + "]";
	EXPECT_EQ("[one][two][three]", out);
}

TEST(LibcString, DupAndMisc)
{
	char *d = libc_strdup("duplicate");
	EXPECT_STREQ("duplicate", d);
	libc_free(d);
	d = libc_strndup("duplicate", 3);
	EXPECT_STREQ("dup", d);
	libc_free(d);
	for (int v : { 0, 1, 2, 3, 0x80, 0x100, -1, INT_MIN })
		EXPECT_EQ(ffs(v), libc_ffs(v)) << v;
	EXPECT_STREQ("No such file or directory", libc_strerror(2));
	EXPECT_STREQ("Result too large", libc_strerror(34));
	EXPECT_STREQ("Unknown error: 999", libc_strerror(999));
	EXPECT_STREQ("Unknown error: -5", libc_strerror(-5));
}
