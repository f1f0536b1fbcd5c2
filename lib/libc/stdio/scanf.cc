/*
 * lib/libc/stdio/scanf.cc: the scanf family over a string: sscanf and
 * vsscanf (the stream forms are in fscanf.cc).
 *
 * The source given to __vfscanf (vfscanf.cc) is a cursor that stops at
 * the NUL; pushing a byte back steps the cursor back.
 */
#include <stdarg.h>
#include <stdio.h>

#include "local.h"

namespace {

int
str_get(struct __sfsource *src)
{
	const char **s = (const char **)src->arg;

	if (**s == '\0')
		return EOF;
	return (unsigned char)*(*s)++;
}

void
str_unget(struct __sfsource *src, int c)
{
	const char **s = (const char **)src->arg;

	(*s)--;
}

} // namespace

extern "C" {

int
vsscanf(const char *s, const char *fmt, va_list ap)
{
	struct __sfsource src = { str_get, str_unget, &s };

	return __vfscanf(&src, fmt, ap);
}

int
sscanf(const char *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vsscanf(s, fmt, ap);
	va_end(ap);
	return r;
}

} // extern "C"
