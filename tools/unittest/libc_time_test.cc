/*
 * tools/unittest/libc_time_test.cc: libc's calendar functions
 * (lib/libc/time/time.cc) against the host's, in UTC: gmtime_r and timegm
 * over a wide range of times (including before 1970 and leap days),
 * timegm's normalising of out-of-range fields, asctime/ctime, and
 * strftime on every conversion it knows.
 */
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>
#include <string>

#include "libc_host.h"

namespace {

void
expect_same_tm(const struct tm &w, const struct tm &g, time_t t)
{
	EXPECT_EQ(w.tm_sec, g.tm_sec) << t;
	EXPECT_EQ(w.tm_min, g.tm_min) << t;
	EXPECT_EQ(w.tm_hour, g.tm_hour) << t;
	EXPECT_EQ(w.tm_mday, g.tm_mday) << t;
	EXPECT_EQ(w.tm_mon, g.tm_mon) << t;
	EXPECT_EQ(w.tm_year, g.tm_year) << t;
	EXPECT_EQ(w.tm_wday, g.tm_wday) << t;
	EXPECT_EQ(w.tm_yday, g.tm_yday) << t;
	EXPECT_EQ(0, g.tm_isdst) << t;
}

std::vector<time_t>
sample_times()
{
	std::vector<time_t> v = { 0, -1, 1, 86399, 86400, 951782400,
		951868800, 4107542400LL, -2208988800LL, 2147483647LL,
		2147483648LL, -2147483648LL, 1700000000, 253402300799LL,
		-62135596800LL, 68256000, 946684799, 978307200 };
	std::mt19937_64 rng(5);

	for (int k = 0; k < 20000; k++)
		v.push_back((time_t)(rng() % 40000000000ULL) - 20000000000LL);
	/* Every day of a leap year and its neighbours. */
	for (time_t t = 946684800 - 86400 * 400; t < 946684800 + 86400 * 800;
	    t += 86400 - 1)
		v.push_back(t);
	return v;
}

} // namespace

TEST(LibcTime, GmtimeAndTimegm)
{
	for (time_t t : sample_times()) {
		struct tm w, g;
		ASSERT_NE(nullptr, gmtime_r(&t, &w));
		ASSERT_NE(nullptr, libc_gmtime_r(&t, &g));
		expect_same_tm(w, g, t);
		struct tm copy = g;
		EXPECT_EQ(t, libc_timegm(&copy)) << t;
	}
}

TEST(LibcTime, TimegmNormalises)
{
	struct {
		int year, mon, mday, hour, min, sec;
	} cases[] = {
		{ 2024, 0, 32, 0, 0, 0 },	/* 1 February */
		{ 2023, 1, 29, 0, 0, 0 },	/* 1 March */
		{ 2024, 12, 1, 0, 0, 0 },	/* January next year */
		{ 2024, -1, 1, 0, 0, 0 },	/* December before */
		{ 2024, 5, 0, 0, 0, 0 },	/* the last of May */
		{ 2024, 5, 10, 25, 61, 61 },
		{ 2024, 5, 10, -1, -1, -1 },
		{ 1969, 11, 31, 23, 59, 60 },
		{ 2000, 25, 400, 100, 1000, 10000 },
	};

	for (auto &c : cases) {
		struct tm w = {}, g = {};
		w.tm_year = g.tm_year = c.year - 1900;
		w.tm_mon = g.tm_mon = c.mon;
		w.tm_mday = g.tm_mday = c.mday;
		w.tm_hour = g.tm_hour = c.hour;
		w.tm_min = g.tm_min = c.min;
		w.tm_sec = g.tm_sec = c.sec;
		time_t wt = timegm(&w);
		time_t gt = libc_timegm(&g);
		EXPECT_EQ(wt, gt) << c.year << "-" << c.mon << "-" << c.mday;
		expect_same_tm(w, g, wt);
	}
}

TEST(LibcTime, Asctime)
{
	for (time_t t : { (time_t)0, (time_t)1700000000, (time_t)951782400,
	    (time_t)-86400 * 365 }) {
		struct tm tm;
		char w[64], g[64];
		gmtime_r(&t, &tm);
		asctime_r(&tm, w);
		libc_asctime_r(&tm, g);
		EXPECT_STREQ(w, g);
		setenv("TZ", "UTC", 1);
		tzset();
		ctime_r(&t, w);
		libc_ctime_r(&t, g);
		EXPECT_STREQ(w, g);
	}
}

TEST(LibcTime, Strftime)
{
	const char *fmts[] = { "%a %A %b %B %h", "%c", "%C %y %Y", "%d %e %j",
		"%D %F %T %R %r", "%H %I %k %l %p", "%m %M %S", "%n%t%%",
		"%u %w", "%U %W", "%V %G %g", "%x %X", "%z", "%s",
		"plain text", "", "%Y-%m-%dT%H:%M:%S" };

	setenv("TZ", "UTC", 1);
	tzset();
	for (time_t t : sample_times()) {
		struct tm tm;
		gmtime_r(&t, &tm);
		/*
		 * Before the year 1000 glibc prints %C unpadded ("0");
		 * OpenBSD, and we, pad it to two digits.
		 */
		if (tm.tm_year + 1900 < 1000)
			continue;
		for (const char *f : fmts) {
			char w[256], g[256];
			size_t wn = strftime(w, sizeof(w), f, &tm);
			size_t gn = libc_strftime(g, sizeof(g), f, &tm);
			ASSERT_EQ(wn, gn) << f << " at " << t;
			ASSERT_STREQ(w, g) << f << " at " << t;
		}
	}
}

TEST(LibcTime, StrftimeTooSmall)
{
	struct tm tm;
	time_t t = 1700000000;
	char buf[8];

	gmtime_r(&t, &tm);
	EXPECT_EQ(0U, libc_strftime(buf, sizeof(buf), "%Y-%m-%d", &tm));
	EXPECT_EQ(7U, libc_strftime(buf, sizeof(buf), "%Y-%m", &tm));
	EXPECT_STREQ("2023-11", buf);
	EXPECT_EQ(0U, libc_strftime(buf, 0, "x", &tm));
	EXPECT_EQ(3U, libc_strftime(buf, sizeof(buf), "%Z", &tm));
	EXPECT_STREQ("UTC", buf);
}

TEST(LibcTime, Now)
{
	time_t a = time(nullptr), b;
	time_t g = libc_time(&b);

	EXPECT_EQ(g, b);
	EXPECT_LE(a, g);
	EXPECT_LE(g, a + 5);
}
