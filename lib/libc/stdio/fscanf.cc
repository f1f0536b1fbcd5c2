/*
 * lib/libc/stdio/fscanf.cc: scanf, fscanf, vscanf, vfscanf: __vfscanf
 * (vfscanf.cc) reading a stream through fgetc, with ungetc's one byte of
 * push-back for the byte that ends each field.
 */
#include <stdarg.h>
#include <stdio.h>

#include "local.h"

namespace {

int
file_get(struct __sfsource *src)
{
	return fgetc((FILE *)src->arg);
}

void
file_unget(struct __sfsource *src, int c)
{
	ungetc(c, (FILE *)src->arg);
}

} // namespace

extern "C" {

int
vfscanf(FILE *fp, const char *fmt, va_list ap)
{
	struct __sfsource src = { file_get, file_unget, fp };

	return __vfscanf(&src, fmt, ap);
}

int
fscanf(FILE *fp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vfscanf(fp, fmt, ap);
	va_end(ap);
	return r;
}

int
vscanf(const char *fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int
scanf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return r;
}

} // extern "C"
