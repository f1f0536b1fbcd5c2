/*
 * tools/unittest/libc_stdlib_test.cc: libc's <stdlib.h> parts that need
 * no kernel (lib/libc/stdlib): strtol and friends against the host's on
 * every base and on overflow (ERANGE), qsort on random arrays against
 * std::sort, bsearch, the environment, getopt, and malloc/realloc/free
 * on the host's mmap with a pattern check on every block.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "libc_host.h"

TEST(LibcStrtol, AgainstHost)
{
	const char *inputs[] = { "0", "42", "-42", "  +17xyz", "\t\n 99",
		"0x1F", "0X1f", "0x", "0xg", "077", "08", "-0", "z", "Zz",
		"", "   ", "-", "+", "2147483647", "2147483648", "-2147483648",
		"-2147483649", "4294967295", "4294967296",
		"9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616",
		"99999999999999999999999", "-1", "-18446744073709551615",
		"101010", "777777777777777777777777", "0x7fffffffffffffff",
		"0xffffffffffffffffff", "1e5", "  -0x10" };
	const int bases[] = { 0, 2, 8, 10, 16, 36 };
	int n = 0;

	for (const char *s : inputs)
		for (int base : bases) {
			char *we, *ge;
			errno = 0;
			libc_errno = 0;
			long wl = strtol(s, &we, base);
			int werr = errno;
			long gl = libc_strtol(s, &ge, base);
			EXPECT_EQ(wl, gl) << s << " base " << base;
			EXPECT_EQ(we - s, ge - s) << s << " base " << base;
			EXPECT_EQ(werr == ERANGE, libc_errno == ERANGE) << s;

			errno = 0;
			libc_errno = 0;
			unsigned long wu = strtoul(s, &we, base);
			werr = errno;
			unsigned long gu = libc_strtoul(s, &ge, base);
			EXPECT_EQ(wu, gu) << s << " base " << base;
			EXPECT_EQ(we - s, ge - s) << s << " base " << base;
			EXPECT_EQ(werr == ERANGE, libc_errno == ERANGE) << s;

			errno = 0;
			libc_errno = 0;
			long long wll = strtoll(s, &we, base);
			werr = errno;
			long long gll = libc_strtoll(s, &ge, base);
			EXPECT_EQ(wll, gll) << s << " base " << base;
			EXPECT_EQ(we - s, ge - s) << s;
			EXPECT_EQ(werr == ERANGE, libc_errno == ERANGE) << s;

			errno = 0;
			libc_errno = 0;
			unsigned long long wull = strtoull(s, &we, base);
			werr = errno;
			unsigned long long gull = libc_strtoull(s, &ge, base);
			EXPECT_EQ(wull, gull) << s << " base " << base;
			EXPECT_EQ(we - s, ge - s) << s;
			EXPECT_EQ(werr == ERANGE, libc_errno == ERANGE) << s;
			n++;
		}
	EXPECT_EQ(-123, libc_atoi("  -123abc"));
	EXPECT_EQ(77L, libc_atol("77"));
	EXPECT_EQ(5, libc_abs(-5));
	EXPECT_EQ(5L, libc_labs(-5L));
	EXPECT_GT(n, 200);
}

namespace {

int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

struct rec {
	char key[5];
	int val;
};

int
cmp_rec(const void *a, const void *b)
{
	return strcmp(((const rec *)a)->key, ((const rec *)b)->key);
}

} // namespace

TEST(LibcQsort, RandomArrays)
{
	std::mt19937 rng(7);

	for (int round = 0; round < 400; round++) {
		size_t n = rng() % 300;
		int range = round % 3 == 0 ? 5 : 1000000;
		std::vector<int> v(n);
		for (int &x : v)
			x = (int)(rng() % range) - range / 2;
		if (round % 7 == 1)
			std::sort(v.begin(), v.end());
		if (round % 7 == 2)
			std::sort(v.rbegin(), v.rend());
		std::vector<int> want = v;
		std::sort(want.begin(), want.end());
		libc_qsort(v.data(), n, sizeof(int), cmp_int);
		ASSERT_EQ(want, v) << "round " << round;
		for (size_t k = 0; k < n; k += 7) {
			int *hit = (int *)libc_bsearch(&want[k], v.data(), n,
			    sizeof(int), cmp_int);
			ASSERT_NE(nullptr, hit);
			EXPECT_EQ(want[k], *hit);
		}
		int missing = range;
		EXPECT_EQ(nullptr, libc_bsearch(&missing, v.data(), n,
		    sizeof(int), cmp_int));
	}
}

TEST(LibcQsort, OddSizedElements)
{
	std::mt19937 rng(3);
	std::vector<rec> v(500);

	for (size_t k = 0; k < v.size(); k++) {
		for (int j = 0; j < 4; j++)
			v[k].key[j] = 'a' + rng() % 26;
		v[k].key[4] = '\0';
		v[k].val = (int)k;
	}
	libc_qsort(v.data(), v.size(), sizeof(rec), cmp_rec);
	for (size_t k = 1; k < v.size(); k++)
		EXPECT_LE(strcmp(v[k - 1].key, v[k].key), 0);
}

TEST(LibcEnv, SetGetUnset)
{
	static char a[] = "HOME=/root", b[] = "PATH=/bin", c[] = "HOME=/dup";
	static char *initial[] = { a, b, c, nullptr };

	libc_environ = initial;
	EXPECT_STREQ("/root", libc_getenv("HOME"));
	EXPECT_STREQ("/bin", libc_getenv("PATH"));
	EXPECT_EQ(nullptr, libc_getenv("HOM"));
	EXPECT_EQ(nullptr, libc_getenv("USER"));

	EXPECT_EQ(0, libc_setenv("USER", "root", 0));
	EXPECT_STREQ("root", libc_getenv("USER"));
	EXPECT_EQ(0, libc_setenv("USER", "other", 0));
	EXPECT_STREQ("root", libc_getenv("USER"));
	EXPECT_EQ(0, libc_setenv("USER", "other", 1));
	EXPECT_STREQ("other", libc_getenv("USER"));
	EXPECT_STREQ("/bin", libc_getenv("PATH"));
	EXPECT_EQ(-1, libc_setenv("A=B", "x", 1));
	EXPECT_EQ(EINVAL, libc_errno);
	EXPECT_EQ(-1, libc_setenv("", "x", 1));

	EXPECT_EQ(0, libc_unsetenv("HOME"));	/* both copies */
	EXPECT_EQ(nullptr, libc_getenv("HOME"));
	EXPECT_STREQ("/bin", libc_getenv("PATH"));

	static char d[] = "TERM=vt100";
	EXPECT_EQ(0, libc_putenv(d));
	EXPECT_STREQ("vt100", libc_getenv("TERM"));
	d[5] = 'x';			/* putenv's string is the variable */
	EXPECT_STREQ("xt100", libc_getenv("TERM"));

	for (int k = 0; k < 100; k++) {
		std::string name = "V" + std::to_string(k);
		ASSERT_EQ(0, libc_setenv(name.c_str(), name.c_str(), 1));
	}
	for (int k = 0; k < 100; k++) {
		std::string name = "V" + std::to_string(k);
		ASSERT_STREQ(name.c_str(), libc_getenv(name.c_str()));
	}
	int count = 0;
	for (char **e = libc_environ; *e != nullptr; e++)
		count++;
	EXPECT_EQ(103, count);	/* PATH, USER, TERM, V0..V99 */
}

namespace {

/* Run getopt over args; => "letter[arg]" for each result, then optind. */
std::string
run_getopt(std::vector<const char *> args, const char *opts)
{
	std::string out;
	int c;

	args.insert(args.begin(), "prog");
	args.push_back(nullptr);
	libc_optind = 1;
	libc_optreset = 1;
	libc_opterr = 0;
	while ((c = libc_getopt((int)args.size() - 1,
	    (char *const *)args.data(), opts)) != -1) {
		out += (char)c;
		if (c == '?' || c == ':')
			out += (char)libc_optopt;
		if (libc_optarg != nullptr)
			out += std::string("[") + libc_optarg + "]";
	}
	return out + " " + std::to_string(libc_optind);
}

} // namespace

TEST(LibcGetopt, Cases)
{
	EXPECT_EQ("ab 3", run_getopt({ "-a", "-b", "file" }, "ab"));
	EXPECT_EQ("ab 2", run_getopt({ "-ab", "file" }, "ab"));
	EXPECT_EQ("a[x]b 4", run_getopt({ "-a", "x", "-b" }, "a:b"));
	EXPECT_EQ("a[x]b 3", run_getopt({ "-ax", "-b" }, "a:b"));
	EXPECT_EQ("ba[rest] 2", run_getopt({ "-barest" }, "a:b"));
	EXPECT_EQ("a 3", run_getopt({ "-a", "--", "-b" }, "ab"));
	EXPECT_EQ("a 2", run_getopt({ "-a", "-", "-b" }, "ab"));
	EXPECT_EQ("a 2", run_getopt({ "-a", "file", "-b" }, "ab"));
	EXPECT_EQ("?za 3", run_getopt({ "-z", "-a" }, "ab"));
	EXPECT_EQ("?a 2", run_getopt({ "-a" }, "a:"));
	EXPECT_EQ(":a 2", run_getopt({ "-a" }, ":a:"));
	EXPECT_EQ(" 1", run_getopt({}, "a"));
	EXPECT_EQ("a[--] 3", run_getopt({ "-a", "--" }, "a:"));

	/* The messages go to stderr unless opterr is 0. */
	const char *args[] = { "/bin/prog", "-q", "-a", nullptr };
	libc_optind = 1;
	libc_optreset = 1;
	libc_opterr = 1;
	libc_take_stderr();
	EXPECT_EQ('?', libc_getopt(2, (char *const *)args, "a:"));
	EXPECT_EQ("prog: unknown option -- q\n", libc_take_stderr());
	EXPECT_EQ('?', libc_getopt(3, (char *const *)args, "a:"));
	EXPECT_EQ("prog: option requires an argument -- a\n",
	    libc_take_stderr());
}

TEST(LibcMalloc, RandomWorkload)
{
	std::mt19937 rng(11);
	struct block {
		unsigned char *p;
		size_t n;
		unsigned char fill;
	};
	std::vector<block> live;

	for (int step = 0; step < 20000; step++) {
		unsigned op = rng() % 10;
		if (op < 5 || live.empty()) {
			size_t n = rng() % 4 == 0 ? rng() % 20000 : rng() % 300;
			unsigned char *p = (unsigned char *)(op == 0 ?
			    libc_calloc(1, n) : libc_malloc(n));
			ASSERT_NE(nullptr, p);
			ASSERT_EQ(0U, (uintptr_t)p % 16);
			if (op == 0) {
				for (size_t k = 0; k < n; k++)
					ASSERT_EQ(0, p[k]);
			}
			unsigned char f = (unsigned char)rng();
			memset(p, f, n);
			live.push_back({ p, n, f });
		} else {
			size_t i = rng() % live.size();
			block &b = live[i];
			for (size_t k = 0; k < b.n; k++)
				ASSERT_EQ(b.fill, b.p[k]) << "step " << step;
			if (op < 8) {
				libc_free(b.p);
				live[i] = live.back();
				live.pop_back();
			} else {
				size_t n = rng() % 6000;
				unsigned char *q =
				    (unsigned char *)libc_realloc(b.p, n);
				ASSERT_NE(nullptr, q);
				for (size_t k = 0; k < std::min(n, b.n); k++)
					ASSERT_EQ(b.fill, q[k]);
				memset(q, b.fill, n);
				b.p = q;
				b.n = n;
			}
		}
	}
	for (block &b : live)
		libc_free(b.p);
	libc_free(nullptr);
	EXPECT_EQ(nullptr, libc_reallocarray(nullptr, SIZE_MAX / 2, 3));
	EXPECT_EQ(nullptr, libc_calloc(SIZE_MAX / 2, 3));
}
