/*
 * lib/libc/stdio/snprintf.cc: the printf family's string forms:
 * snprintf, vsnprintf, sprintf, vsprintf, asprintf, vasprintf.
 *
 * Their sink (local.h) copies into a caller's buffer and keeps counting
 * once it is full, so snprintf returns the length the whole result would
 * have had, and the caller can tell it was cut short.  asprintf formats
 * twice: once to measure, once into a buffer of that size.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "local.h"

namespace {

struct strbuf {
	char *p;	/* where the next byte goes */
	size_t room;	/* bytes left, keeping one for the NUL */
};

int
str_put(struct __pfsink *sk, const char *s, size_t n)
{
	strbuf *b = (strbuf *)sk->arg;

	for (; n > 0 && b->room > 0; n--, b->room--)
		*b->p++ = *s++;
	return 0;
}

} // namespace

extern "C" {

int
vsnprintf(char *s, size_t n, const char *fmt, va_list ap)
{
	strbuf b = { s, n > 0 ? n - 1 : 0 };
	struct __pfsink sk = { str_put, &b };

	int r = __vfprintf(&sk, fmt, ap);
	if (n > 0)
		*b.p = '\0';
	return r;
}

int
snprintf(char *s, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vsnprintf(s, n, fmt, ap);
	va_end(ap);
	return r;
}

/* No bound: the caller promised the room (INT_MAX keeps it finite). */
int
vsprintf(char *s, const char *fmt, va_list ap)
{
	return vsnprintf(s, INT32_MAX, fmt, ap);
}

int
sprintf(char *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vsprintf(s, fmt, ap);
	va_end(ap);
	return r;
}

int
vasprintf(char **sp, const char *fmt, va_list ap)
{
	va_list ap2;

	va_copy(ap2, ap);
	int n = vsnprintf(nullptr, 0, fmt, ap2);
	va_end(ap2);
	*sp = nullptr;
	if (n < 0)
		return -1;
	char *s = (char *)malloc(n + 1);
	if (s == nullptr)
		return -1;
	vsnprintf(s, n + 1, fmt, ap);
	*sp = s;
	return n;
}

int
asprintf(char **sp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vasprintf(sp, fmt, ap);
	va_end(ap);
	return r;
}

} // extern "C"
