/*
 * lib/libc/stdio/vfprintf.cc: the core of the printf family.
 *
 * __vfprintf reads a format and writes the result to a sink (local.h),
 * so one piece of code serves printf, fprintf, snprintf, dprintf and
 * asprintf.  A conversion specification is
 *
 *	% [flags] [width] [.precision] [length] conversion
 *
 * flags "-+ #0", width and precision as digits or "*" (taken from the
 * arguments; a negative width means "-", a negative precision none),
 * length hh h l ll q j z t, and the conversions d i u o x X c s p n %.
 * Each integer is formatted the same way, in fmt_int: its digits into a
 * small buffer from the right, then the precision's zeros, the prefix
 * ("-", "+", " ", "0x") and the width's padding around them, in the order
 * ISO C gives (zero padding goes between the prefix and the digits).
 *
 * Floating point (e f g a) is left out: the kernel does not yet save the
 * FPU's state across a context switch, so a program must not use it.  An
 * unknown conversion is copied to the output as it stands.
 *
 * It mirrors OpenBSD's lib/libc/stdio/vfprintf.c, much reduced.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "local.h"

namespace {

enum : unsigned {
	F_MINUS = 0x01,		/* "-": left-justify */
	F_PLUS = 0x02,		/* "+": always a sign */
	F_SPACE = 0x04,		/* " ": a space for a plus sign */
	F_ALT = 0x08,		/* "#": 0 or 0x prefix */
	F_ZERO = 0x10,		/* "0": pad with zeros */
	F_PTR = 0x20,		/* %p: "0x" even before a 0 */
};

using len = __fmtlen;

/* The output so far, and whether the sink has failed. */
struct out {
	struct __pfsink *sk;
	size_t count;
	bool failed;
};

void
emit(out &o, const char *s, size_t n)
{
	if (n == 0 || o.failed)
		return;
	if (o.sk->put(o.sk, s, n) != 0)
		o.failed = true;
	o.count += n;
}

/* n copies of c. */
void
pad(out &o, char c, int n)
{
	char buf[32];

	if (n <= 0)
		return;
	memset(buf, c, sizeof(buf));
	while (n > 0) {
		int k = n < (int)sizeof(buf) ? n : (int)sizeof(buf);
		emit(o, buf, k);
		n -= k;
	}
}

/* A field of width w holding the n bytes s, padded as flags say. */
void
emit_field(out &o, const char *s, int n, int w, unsigned flags)
{
	if (!(flags & F_MINUS))
		pad(o, ' ', w - n);
	emit(o, s, n);
	if (flags & F_MINUS)
		pad(o, ' ', w - n);
}

/*
 * One integer: magnitude v, negative or not, in base 8, 10 or 16.
 * prec < 0 means none was given.
 */
void
fmt_int(out &o, uintmax_t v, bool neg, unsigned base, bool upper,
    unsigned flags, int width, int prec, bool is_signed)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[sizeof(uintmax_t) * 3 + 1];
	char prefix[3];
	int nd = 0, np = 0;
	char *p = buf + sizeof(buf);

	/* The digits, from the right; none for 0 with precision 0. */
	if (v != 0 || prec != 0) {
		do {
			*--p = digits[v % base];
			v /= base;
			nd++;
		} while (v != 0);
	}
	bool iszero = nd == 0 || (nd == 1 && *p == '0');

	if (is_signed) {
		if (neg)
			prefix[np++] = '-';
		else if (flags & F_PLUS)
			prefix[np++] = '+';
		else if (flags & F_SPACE)
			prefix[np++] = ' ';
	}
	if (((flags & F_ALT) && base == 16 && !iszero) || (flags & F_PTR)) {
		prefix[np++] = '0';
		prefix[np++] = upper ? 'X' : 'x';
	}
	/* "#o": the first digit must be a 0 (the precision may give it). */
	if ((flags & F_ALT) && base == 8 && (nd == 0 || *p != '0') &&
	    prec <= nd) {
		*--p = '0';
		nd++;
	}

	int zeros = prec > nd ? prec - nd : 0;
	/* "0" pads with zeros, unless "-" or a precision says otherwise. */
	if ((flags & F_ZERO) && !(flags & F_MINUS) && prec < 0) {
		int room = width - np - nd;
		if (room > zeros)
			zeros = room;
	}
	int total = np + zeros + nd;
	if (!(flags & F_MINUS))
		pad(o, ' ', width - total);
	emit(o, prefix, np);
	pad(o, '0', zeros);
	emit(o, p, nd);
	if (flags & F_MINUS)
		pad(o, ' ', width - total);
}

/* The next signed argument of length l, widened. */
intmax_t
arg_signed(va_list *ap, len l)
{
	switch (l) {
	case len::hh:
		return (signed char)va_arg(*ap, int);
	case len::h:
		return (short)va_arg(*ap, int);
	case len::l:
		return va_arg(*ap, long);
	case len::ll:
		return va_arg(*ap, long long);
	case len::j:
		return va_arg(*ap, intmax_t);
	case len::z:
		return va_arg(*ap, ptrdiff_t);	/* ssize_t's width */
	case len::t:
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

uintmax_t
arg_unsigned(va_list *ap, len l)
{
	switch (l) {
	case len::hh:
		return (unsigned char)va_arg(*ap, unsigned int);
	case len::h:
		return (unsigned short)va_arg(*ap, unsigned int);
	case len::l:
		return va_arg(*ap, unsigned long);
	case len::ll:
		return va_arg(*ap, unsigned long long);
	case len::j:
		return va_arg(*ap, uintmax_t);
	case len::z:
		return va_arg(*ap, size_t);
	case len::t:
		return (uintmax_t)va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/* A decimal number at *fp, advancing past it. */
int
read_num(const char **fp)
{
	int n = 0;

	while (**fp >= '0' && **fp <= '9') {
		if (n < 100000000)
			n = n * 10 + (**fp - '0');
		(*fp)++;
	}
	return n;
}

} // namespace

/*
 * __vfprintf: format fmt with the arguments ap into the sink sk.
 * => returns the number of bytes produced (even those a full snprintf
 *    buffer dropped), or -1 if the sink failed.
 */
extern "C" int
__vfprintf(struct __pfsink *sk, const char *fmt, va_list ap0)
{
	out o = { sk, 0, false };
	va_list ap;

	va_copy(ap, ap0);
	while (*fmt != '\0') {
		/* The literal text up to the next %. */
		const char *start = fmt;
		while (*fmt != '\0' && *fmt != '%')
			fmt++;
		emit(o, start, fmt - start);
		if (*fmt == '\0')
			break;
		const char *spec = fmt++;

		unsigned flags = 0;
		for (;; fmt++) {
			if (*fmt == '-')
				flags |= F_MINUS;
			else if (*fmt == '+')
				flags |= F_PLUS;
			else if (*fmt == ' ')
				flags |= F_SPACE;
			else if (*fmt == '#')
				flags |= F_ALT;
			else if (*fmt == '0')
				flags |= F_ZERO;
			else
				break;
		}

		int width = 0;
		if (*fmt == '*') {
			fmt++;
			width = va_arg(ap, int);
			if (width < 0) {
				flags |= F_MINUS;
				width = width == -width ? 0 : -width;
			}
		} else
			width = read_num(&fmt);

		int prec = -1;
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				fmt++;
				prec = va_arg(ap, int);
				if (prec < 0)
					prec = -1;
			} else
				prec = read_num(&fmt);
		}

		len l = __fmtlen_parse(&fmt);

		char conv = *fmt;
		if (conv == '\0') {
			/* A format ending inside a specification: print it. */
			emit(o, spec, fmt - spec);
			break;
		}
		fmt++;
		switch (conv) {
		case 'd':
		case 'i': {
			intmax_t v = arg_signed(&ap, l);
			uintmax_t mag = v < 0 ? -(uintmax_t)v : (uintmax_t)v;
			fmt_int(o, mag, v < 0, 10, false, flags, width, prec,
			    true);
			break;
		}
		case 'u':
			fmt_int(o, arg_unsigned(&ap, l), false, 10, false,
			    flags, width, prec, false);
			break;
		case 'o':
			fmt_int(o, arg_unsigned(&ap, l), false, 8, false,
			    flags, width, prec, false);
			break;
		case 'x':
		case 'X':
			fmt_int(o, arg_unsigned(&ap, l), false, 16,
			    conv == 'X', flags, width, prec, false);
			break;
		case 'p':
			/* OpenBSD prints a pointer as %#lx would, 0x0 for NULL. */
			fmt_int(o, (uintptr_t)va_arg(ap, void *), false, 16,
			    false, (flags & ~F_ALT) | F_PTR, width, prec, false);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);
			emit_field(o, &c, 1, width, flags);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (s == nullptr)
				s = "(null)";
			size_t n = prec >= 0 ? strnlen(s, prec) : strlen(s);
			emit_field(o, s, (int)n, width, flags);
			break;
		}
		case 'n':
			__fmtlen_store(&ap, l, o.count);
			break;
		case '%':
			emit(o, "%", 1);
			break;
		default:
			/* Unknown (or floating point): show it as written. */
			emit(o, spec, fmt - spec);
			break;
		}
	}
	va_end(ap);
	return o.failed ? -1 : (int)o.count;
}
