/*
 * lib/libc/stdio/vfscanf.cc: the core of the scanf family.
 *
 * __vfscanf reads bytes from a source (local.h: a string for sscanf, a
 * stream for fscanf) under the control of a format:
 *
 *	white space	skips any amount of white space in the input
 *	a plain byte	must come next in the input, or the scan stops
 *	% [*] [width] [length] conversion
 *
 * with "*" to match without storing, the length modifiers hh h l ll q j z
 * t, and the conversions d i u o x X p (integers, with strtol's syntax),
 * c, s, [set] (strings) and n (the count of bytes read so far).  It
 * returns how many conversions were stored, or EOF if the input ended
 * before one was (as OpenBSD and glibc read ISO C: a conversion that
 * "*" suppressed does not count).  One byte of push-back is all it needs: a number
 * ends at the first byte that cannot continue it, which goes back.
 *
 * Floating point conversions are left out, as in printf (vfprintf.cc).
 * It mirrors OpenBSD's lib/libc/stdio/vfscanf.c, much reduced.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>

#include "local.h"

namespace {

using len = __fmtlen;

/* The input, with a count of the bytes taken. */
struct in {
	struct __sfsource *src;
	size_t count;

	int
	get()
	{
		int c = src->get(src);
		if (c != EOF)
			count++;
		return c;
	}

	void
	unget(int c)
	{
		if (c != EOF) {
			src->unget(src, c);
			count--;
		}
	}
};

/* Skip white space; => the first other byte (still unread), or EOF. */
int
skip_space(in &i)
{
	int c;

	while ((c = i.get()) != EOF && isspace(c))
		;
	i.unget(c);
	return c;
}

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

/*
 * An integer of at most width bytes in base (0: as C source says).
 * => true and *v, *neg if there was at least one digit.
 */
bool
scan_int(in &i, int width, int base, uintmax_t *v, bool *neg)
{
	int c = i.get();
	int n = 0;
	bool any = false;

	*neg = false;
	*v = 0;
	if (c == '+' || c == '-') {
		*neg = c == '-';
		n++;
		if (n >= width) {
			i.unget(c);
			return false;
		}
		c = i.get();
	}
	if ((base == 0 || base == 16) && c == '0') {
		any = true;	/* the 0 is a digit whatever follows */
		n++;
		c = n < width ? i.get() : EOF;
		if ((c == 'x' || c == 'X') && n < width) {
			n++;
			base = 16;
			c = n < width ? i.get() : EOF;
		} else if (base == 0)
			base = 8;
	}
	if (base == 0)
		base = 10;
	while (c != EOF && digit_value(c) < base) {
		*v = *v * base + digit_value(c);
		any = true;
		if (++n >= width) {
			c = EOF;
			break;
		}
		c = i.get();
	}
	i.unget(c);
	return any;
}

/*
 * A [set]: fmt points past the "[".  Fills in[256] and returns the
 * position after the closing "]".
 */
const char *
parse_set(const char *fmt, bool set[256])
{
	bool invert = false;

	if (*fmt == '^') {
		invert = true;
		fmt++;
	}
	for (int k = 0; k < 256; k++)
		set[k] = false;
	/* A "]" first is a member, not the end. */
	if (*fmt == ']') {
		set[(unsigned char)']'] = true;
		fmt++;
	}
	while (*fmt != '\0' && *fmt != ']') {
		unsigned char lo = *fmt++;
		if (*fmt == '-' && fmt[1] != ']' && fmt[1] != '\0') {
			unsigned char hi = fmt[1];
			fmt += 2;
			for (unsigned k = lo; k <= hi; k++)
				set[k] = true;
		} else
			set[lo] = true;
	}
	if (*fmt == ']')
		fmt++;
	if (invert)
		for (int k = 0; k < 256; k++)
			set[k] = !set[k];
	return fmt;
}

} // namespace

/*
 * __vfscanf: scan the source src as fmt says, storing through ap.
 * => the number of stored conversions, or EOF for an input failure
 *    before the first.
 */
extern "C" int
__vfscanf(struct __sfsource *src, const char *fmt, va_list ap0)
{
	in i = { src, 0 };
	int stored = 0;
	va_list ap;

	va_copy(ap, ap0);
	while (*fmt != '\0') {
		unsigned char f = *fmt++;
		if (isspace(f)) {
			skip_space(i);
			continue;
		}
		if (f != '%' || *fmt == '%') {
			if (f == '%') {
				fmt++;
				skip_space(i);
			}
			int c = i.get();
			if (c == EOF)
				goto input_failure;
			if (c != f) {
				i.unget(c);
				goto done;
			}
			continue;
		}

		bool suppress = false;
		if (*fmt == '*') {
			suppress = true;
			fmt++;
		}
		int width = 0;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		len l = __fmtlen_parse(&fmt);
		char conv = *fmt++;
		int base = 10;
		switch (conv) {
		case 'n':
			if (!suppress)
				__fmtlen_store(&ap, l, i.count);
			continue;
		case 'c': {
			if (width == 0)
				width = 1;
			char *p = suppress ? nullptr : va_arg(ap, char *);
			int n = 0;
			for (; n < width; n++) {
				int c = i.get();
				if (c == EOF)
					break;
				if (p)
					p[n] = (char)c;
			}
			if (n == 0)
				goto input_failure;
			if (!suppress)
				stored++;
			if (n < width)
				goto done;
			continue;
		}
		case 's':
		case '[': {
			bool set[256];
			if (conv == '[')
				fmt = parse_set(fmt, set);
			else {
				for (int k = 0; k < 256; k++)
					set[k] = !isspace(k);
				if (skip_space(i) == EOF)
					goto input_failure;
			}
			if (width == 0)
				width = INT32_MAX;
			char *p = suppress ? nullptr : va_arg(ap, char *);
			int n = 0, c = EOF;
			while (n < width && (c = i.get()) != EOF &&
			    set[(unsigned char)c]) {
				if (p)
					p[n] = (char)c;
				n++;
			}
			if (n < width)
				i.unget(c);
			if (n == 0) {
				if (c == EOF)
					goto input_failure;
				goto done;
			}
			if (p)
				p[n] = '\0';
			if (!suppress)
				stored++;
			continue;
		}
		case 'd':
			base = 10;
			break;
		case 'i':
			base = 0;
			break;
		case 'u':
			base = 10;
			break;
		case 'o':
			base = 8;
			break;
		case 'x':
		case 'X':
			base = 16;
			break;
		case 'p':
			base = 16;
			break;
		default:
			/* An unknown conversion ends the scan. */
			goto done;
		}

		/* The integer conversions. */
		if (skip_space(i) == EOF)
			goto input_failure;
		if (width == 0)
			width = INT32_MAX;
		uintmax_t v;
		bool neg;
		if (!scan_int(i, width, base, &v, &neg))
			goto done;
		if (neg)
			v = -v;
		if (!suppress) {
			if (conv == 'p')
				*va_arg(ap, void **) = (void *)(uintptr_t)v;
			else
				__fmtlen_store(&ap, l, v);
			stored++;
		}
	}
done:
	va_end(ap);
	return stored;

input_failure:
	va_end(ap);
	return stored > 0 ? stored : EOF;
}
