/*
 * lib/libc/stdlib/strtol.cc: strtol, strtoul, strtoll, strtoull and the
 * ato* functions over them.
 *
 * One template does the work for all four: skip white space, take a sign,
 * find the base (0 means: "0x" hexadecimal, "0" octal, else decimal; 16
 * accepts an optional "0x"), then digits while they fit.  On overflow the
 * result saturates (LONG_MAX, LONG_MIN, ULONG_MAX, ...) and errno is
 * ERANGE; with no digits at all *end is the start of the string.  The
 * unsigned forms accept a "-" and negate, as ISO C says.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

namespace {

int
digit_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* U is the unsigned type; lo/hi the result type's range (hi as U). */
template <typename U, bool is_signed>
U
strto(const char *s, char **end, int base, U hi)
{
	const char *p = s;
	bool neg = false;

	if (base < 0 || base == 1 || base > 36) {
		if (end)
			*end = (char *)s;
		errno = EINVAL;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') &&
	    digit_value((unsigned char)p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0)
		base = p[0] == '0' ? 8 : 10;

	/* The largest magnitude allowed: hi, or hi + 1 for a negative. */
	U limit = is_signed && neg ? hi + 1 : (is_signed ? hi : (U)-1);
	U v = 0;
	bool any = false, over = false;
	int d;
	while ((d = digit_value((unsigned char)*p)) < base) {
		any = true;
		if (!over) {
			if (v > (limit - d) / base)
				over = true;
			else
				v = v * base + d;
		}
		p++;
	}
	if (end)
		*end = (char *)(any ? p : s);
	if (over) {
		errno = ERANGE;
		if (is_signed)
			return neg ? hi + 1 : hi;	/* MIN's bits, MAX */
		return (U)-1;
	}
	return neg ? -v : v;
}

} // namespace

extern "C" {

long
strtol(const char *s, char **end, int base)
{
	return (long)strto<unsigned long, true>(s, end, base, LONG_MAX);
}

unsigned long
strtoul(const char *s, char **end, int base)
{
	return strto<unsigned long, false>(s, end, base, ULONG_MAX);
}

long long
strtoll(const char *s, char **end, int base)
{
	return (long long)strto<unsigned long long, true>(s, end, base,
	    LLONG_MAX);
}

unsigned long long
strtoull(const char *s, char **end, int base)
{
	return strto<unsigned long long, false>(s, end, base, ULLONG_MAX);
}

int
atoi(const char *s)
{
	return (int)strtol(s, nullptr, 10);
}

long
atol(const char *s)
{
	return strtol(s, nullptr, 10);
}

long long
atoll(const char *s)
{
	return strtoll(s, nullptr, 10);
}

} // extern "C"
