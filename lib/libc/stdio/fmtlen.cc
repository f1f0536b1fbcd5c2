/*
 * lib/libc/stdio/fmtlen.cc: the length modifiers printf and scanf share
 * (hh, h, l, ll or q, j, z, t): reading one from a format, and storing
 * an integer through a pointer of the type it names, which is what
 * printf's %n and every scanf integer conversion do.
 */
#include <stddef.h>
#include <stdint.h>

#include "local.h"

/* __fmtlen_parse: the modifier at *fmt, if any; *fmt moves past it. */
__fmtlen
__fmtlen_parse(const char **fmt)
{
	const char *p = *fmt;
	__fmtlen l = __fmtlen::none;

	switch (*p) {
	case 'h':
		l = p[1] == 'h' ? __fmtlen::hh : __fmtlen::h;
		p += l == __fmtlen::hh ? 2 : 1;
		break;
	case 'l':
		l = p[1] == 'l' ? __fmtlen::ll : __fmtlen::l;
		p += l == __fmtlen::ll ? 2 : 1;
		break;
	case 'q':
		l = __fmtlen::ll;
		p++;
		break;
	case 'j':
		l = __fmtlen::j;
		p++;
		break;
	case 'z':
		l = __fmtlen::z;
		p++;
		break;
	case 't':
		l = __fmtlen::t;
		p++;
		break;
	}
	*fmt = p;
	return l;
}

/* __fmtlen_store: v through the next argument, a pointer of l's type. */
void
__fmtlen_store(va_list *ap, __fmtlen l, uintmax_t v)
{
	switch (l) {
	case __fmtlen::hh:
		*va_arg(*ap, signed char *) = (signed char)v;
		break;
	case __fmtlen::h:
		*va_arg(*ap, short *) = (short)v;
		break;
	case __fmtlen::l:
		*va_arg(*ap, long *) = (long)v;
		break;
	case __fmtlen::ll:
		*va_arg(*ap, long long *) = (long long)v;
		break;
	case __fmtlen::j:
		*va_arg(*ap, intmax_t *) = (intmax_t)v;
		break;
	case __fmtlen::z:
		*va_arg(*ap, size_t *) = (size_t)v;
		break;
	case __fmtlen::t:
		*va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)v;
		break;
	default:
		*va_arg(*ap, int *) = (int)v;
		break;
	}
}
