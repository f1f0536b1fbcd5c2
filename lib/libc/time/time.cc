/*
 * lib/libc/time/time.cc: calendar time: time, gmtime, localtime, mktime,
 * timegm, asctime, ctime and strftime.
 *
 * The kernel counts seconds since the Epoch (1970-01-01 00:00:00 UTC) in
 * a 64-bit time_t.  Turning that into a date is arithmetic on days: the
 * proleptic Gregorian calendar in "civil" form, where a year starts on
 * 1 March so that the leap day falls at its end, and 400 years (an "era")
 * always hold 146097 days.  days_to_civil and civil_to_days are the two
 * directions (after Howard Hinnant's well-known algorithms); everything
 * else is bookkeeping around them.
 *
 * There is no time zone database: local time is UTC, tm_isdst is 0 and
 * tm_zone is "UTC".  strftime knows the "C" locale's conversions most
 * programs use (see the switch); it mirrors OpenBSD's lib/libc/time/
 * strftime.c in results, not in code.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

namespace {

constexpr int64_t SECS_PER_DAY = 86400;

const char *const wday_name[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday",
};
const char *const mon_name[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
char utc_name[] = "UTC";

/* Floor division, for negative times. */
int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Days since 1970-01-01 of year y, month m (1-12), day d (1-31). */
int64_t
civil_to_days(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;				/* [0, 399] */
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* [0, 146096] */
	return era * 146097 + doe - 719468;
}

/* The inverse: a day number to year, month (1-12), day. */
void
days_to_civil(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

bool
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

} // namespace

extern "C" {

time_t
time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return -1;
	if (t != nullptr)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

struct tm *
gmtime_r(const time_t *t, struct tm *tm)
{
	int64_t days = floor_div(*t, SECS_PER_DAY);
	int64_t secs = *t - days * SECS_PER_DAY;
	int64_t y;
	int m, d;

	days_to_civil(days, &y, &m, &d);
	if (y - 1900 > INT32_MAX || y - 1900 < INT32_MIN) {
		errno = ERANGE;	/* the year does not fit an int */
		return nullptr;
	}
	tm->tm_sec = (int)(secs % 60);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_mday = d;
	tm->tm_mon = m - 1;
	tm->tm_year = (int)(y - 1900);
	tm->tm_wday = (int)(floor_div(days + 4, 7) * -7 + days + 4);
	tm->tm_yday = (int)(days - civil_to_days(y, 1, 1));
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = utc_name;
	return tm;
}

struct tm *
gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

struct tm *
localtime_r(const time_t *t, struct tm *tm)
{
	return gmtime_r(t, tm);
}

struct tm *
localtime(const time_t *t)
{
	return gmtime(t);
}

void
tzset(void)
{
}

/*
 * The time a broken-down UTC date names.  Fields out of range carry into
 * the next (the 32nd of January is the 1st of February), and *tm is
 * rewritten in normal form, with tm_wday and tm_yday, as mktime does.
 */
time_t
timegm(struct tm *tm)
{
	int64_t mon = tm->tm_mon;
	int64_t y = (int64_t)tm->tm_year + 1900 + floor_div(mon, 12);
	mon -= floor_div(mon, 12) * 12;
	int64_t days = civil_to_days(y, (int)mon + 1, 1) + tm->tm_mday - 1;
	time_t t = days * SECS_PER_DAY + (int64_t)tm->tm_hour * 3600 +
	    (int64_t)tm->tm_min * 60 + tm->tm_sec;
	if (gmtime_r(&t, tm) == nullptr)
		return -1;
	return t;
}

time_t
mktime(struct tm *tm)
{
	return timegm(tm);
}

/* "Thu Nov 24 18:22:48 1986\n", 26 bytes with the NUL. */
char *
asctime_r(const struct tm *tm, char *buf)
{
	snprintf(buf, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n",
	    wday_name[(unsigned)tm->tm_wday % 7],
	    mon_name[(unsigned)tm->tm_mon % 12], tm->tm_mday, tm->tm_hour,
	    tm->tm_min, tm->tm_sec, tm->tm_year + 1900);
	return buf;
}

char *
asctime(const struct tm *tm)
{
	static char buf[26];

	return asctime_r(tm, buf);
}

char *
ctime_r(const time_t *t, char *buf)
{
	struct tm tm;

	if (localtime_r(t, &tm) == nullptr)
		return nullptr;
	return asctime_r(&tm, buf);
}

char *
ctime(const time_t *t)
{
	static char buf[26];

	return ctime_r(t, buf);
}

} // extern "C"

namespace {

/* strftime's output, which stops growing when the buffer is full. */
struct sbuf {
	char *p;
	size_t left;	/* room, keeping one byte for the NUL */
	bool full;
};

void
put(sbuf &b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (b.left == 0) {
			b.full = true;
			return;
		}
		*b.p++ = *s;
		b.left--;
	}
}

void
putnum(sbuf &b, const char *fmt, long long v)
{
	char tmp[24];

	snprintf(tmp, sizeof(tmp), fmt, v);
	put(b, tmp);
}

/* ISO 8601 week number and year (%V, %G). */
int
iso_week(const struct tm *tm, long long *year)
{
	int wday = (tm->tm_wday + 6) % 7;	/* Monday = 0 */
	long long y = tm->tm_year + 1900LL;
	int week = (tm->tm_yday - wday + 10) / 7;

	if (week < 1) {
		y--;
		int ylen = is_leap(y) ? 366 : 365;
		week = (tm->tm_yday + ylen - wday + 10) / 7;
	} else if (week == 53) {
		int ylen = is_leap(y) ? 366 : 365;
		if (tm->tm_yday - wday + 3 >= ylen) {
			week = 1;
			y++;
		}
	}
	*year = y;
	return week;
}

void
format(sbuf &b, const char *fmt, const struct tm *tm)
{
	for (; *fmt != '\0' && !b.full; fmt++) {
		if (*fmt != '%') {
			char one[2] = { *fmt, '\0' };
			put(b, one);
			continue;
		}
		long long y = tm->tm_year + 1900LL;
		int hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
		long long iy;
		fmt++;
		switch (*fmt) {
		case '\0':
			return;
		case 'a': {
			char s[4];
			memcpy(s, wday_name[(unsigned)tm->tm_wday % 7], 3);
			s[3] = '\0';
			put(b, s);
			break;
		}
		case 'A':
			put(b, wday_name[(unsigned)tm->tm_wday % 7]);
			break;
		case 'b':
		case 'h': {
			char s[4];
			memcpy(s, mon_name[(unsigned)tm->tm_mon % 12], 3);
			s[3] = '\0';
			put(b, s);
			break;
		}
		case 'B':
			put(b, mon_name[(unsigned)tm->tm_mon % 12]);
			break;
		case 'c':
			format(b, "%a %b %e %H:%M:%S %Y", tm);
			break;
		case 'C':
			putnum(b, "%02lld", floor_div(y, 100));
			break;
		case 'd':
			putnum(b, "%02lld", tm->tm_mday);
			break;
		case 'D':
			format(b, "%m/%d/%y", tm);
			break;
		case 'e':
			putnum(b, "%2lld", tm->tm_mday);
			break;
		case 'F':
			format(b, "%Y-%m-%d", tm);
			break;
		case 'G':
			iso_week(tm, &iy);
			putnum(b, "%lld", iy);
			break;
		case 'g':
			iso_week(tm, &iy);
			putnum(b, "%02lld", (iy % 100 + 100) % 100);
			break;
		case 'H':
			putnum(b, "%02lld", tm->tm_hour);
			break;
		case 'I':
			putnum(b, "%02lld", hour12);
			break;
		case 'j':
			putnum(b, "%03lld", tm->tm_yday + 1);
			break;
		case 'k':
			putnum(b, "%2lld", tm->tm_hour);
			break;
		case 'l':
			putnum(b, "%2lld", hour12);
			break;
		case 'm':
			putnum(b, "%02lld", tm->tm_mon + 1);
			break;
		case 'M':
			putnum(b, "%02lld", tm->tm_min);
			break;
		case 'n':
			put(b, "\n");
			break;
		case 'p':
			put(b, tm->tm_hour < 12 ? "AM" : "PM");
			break;
		case 'r':
			format(b, "%I:%M:%S %p", tm);
			break;
		case 'R':
			format(b, "%H:%M", tm);
			break;
		case 's': {
			struct tm copy = *tm;
			putnum(b, "%lld", (long long)timegm(&copy));
			break;
		}
		case 'S':
			putnum(b, "%02lld", tm->tm_sec);
			break;
		case 't':
			put(b, "\t");
			break;
		case 'T':
			format(b, "%H:%M:%S", tm);
			break;
		case 'u':
			putnum(b, "%lld", tm->tm_wday == 0 ? 7 : tm->tm_wday);
			break;
		case 'U':
			putnum(b, "%02lld", (tm->tm_yday + 7 - tm->tm_wday) / 7);
			break;
		case 'V':
			putnum(b, "%02lld", iso_week(tm, &iy));
			break;
		case 'w':
			putnum(b, "%lld", tm->tm_wday);
			break;
		case 'W':
			putnum(b, "%02lld",
			    (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7);
			break;
		case 'x':
			format(b, "%m/%d/%y", tm);
			break;
		case 'X':
			format(b, "%H:%M:%S", tm);
			break;
		case 'y':
			putnum(b, "%02lld", (y % 100 + 100) % 100);
			break;
		case 'Y':
			putnum(b, "%lld", y);
			break;
		case 'z':
			put(b, "+0000");
			break;
		case 'Z':
			put(b, utc_name);
			break;
		case '%':
			put(b, "%");
			break;
		default: {
			/* Unknown: copied as written. */
			char s[3] = { '%', *fmt, '\0' };
			put(b, s);
			break;
		}
		}
	}
}

} // namespace

/*
 * => the length of the result, or 0 if it (with its NUL) did not fit in
 *    max bytes; then the buffer's contents are unspecified.
 */
extern "C" size_t
strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
	if (max == 0)
		return 0;
	sbuf b = { s, max - 1, false };
	format(b, fmt, tm);
	*b.p = '\0';
	if (b.full)
		return 0;
	return b.p - s;
}
