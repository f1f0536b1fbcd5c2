/*
 * printf.cc: formatted output for the standalone programs.
 *
 * One engine, kprintn-style as in OpenBSD's libsa printf.c, walks the
 * format and hands each character to a put function: printf() puts to the
 * console (putchar, which the program supplies), snprintf() into an
 * array.  The conversions are the ones a loader prints with: %d %i %u %x
 * %X %o %c %s %p %%, the length modifiers l, ll (q) and z, a width (or *)
 * with the flags - and 0, and a precision for %s.  Formats are checked by
 * the compiler (__printflike in stand.h).
 */
#include "stand.h"

struct sink {
	void	(*put)(struct sink *, int);
	char	*buf;		/* snprintf: where the next byte goes */
	size_t	left;		/* and the room left, NUL included */
	int	count;		/* characters produced */
};

static void
put_console(struct sink *s, int c)
{
	putchar(c);
	s->count++;
}

static void
put_buffer(struct sink *s, int c)
{
	if (s->left > 1) {
		*s->buf++ = (char)c;
		s->left--;
	}
	s->count++;
}

/* Put the number n in base with width and flags. */
static void
put_number(struct sink *s, unsigned long long n, int base, bool neg,
    bool upper, int width, bool ladjust, bool zeropad)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int len = 0;

	do {
		tmp[len++] = digits[n % base];
		n /= base;
	} while (n != 0);
	int pad = width - len - (neg ? 1 : 0);
	if (!ladjust && !zeropad)
		for (; pad > 0; pad--)
			s->put(s, ' ');
	if (neg)
		s->put(s, '-');
	if (!ladjust && zeropad)
		for (; pad > 0; pad--)
			s->put(s, '0');
	while (len > 0)
		s->put(s, tmp[--len]);
	for (; pad > 0; pad--)
		s->put(s, ' ');
}

static void
kdoprnt(struct sink *s, const char *fmt, va_list ap)
{
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			s->put(s, *fmt);
			continue;
		}
		bool ladjust = false, zeropad = false;
		int width = 0, prec = -1, lng = 0;
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				ladjust = true;
			else if (*fmt == '0')
				zeropad = true;
			else
				break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		} else
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + *fmt++ - '0';
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			} else
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + *fmt++ - '0';
		}
		for (;; fmt++) {
			if (*fmt == 'l')
				lng++;
			else if (*fmt == 'q')
				lng = 2;
			else if (*fmt == 'z')
				lng = sizeof(size_t) == sizeof(long) ? 1 : 0;
			else
				break;
		}

		unsigned long long u;
		long long d;
		switch (*fmt) {
		case 'c':
			s->put(s, va_arg(ap, int));
			break;
		case 's': {
			const char *p = va_arg(ap, const char *);
			if (p == nullptr)
				p = "(null)";
			int len = 0;
			while (p[len] != '\0' && (prec < 0 || len < prec))
				len++;
			int pad = width - len;
			if (!ladjust)
				for (; pad > 0; pad--)
					s->put(s, ' ');
			for (int i = 0; i < len; i++)
				s->put(s, p[i]);
			for (; pad > 0; pad--)
				s->put(s, ' ');
			break;
		}
		case 'd':
		case 'i':
			if (lng >= 2)
				d = va_arg(ap, long long);
			else if (lng == 1)
				d = va_arg(ap, long);
			else
				d = va_arg(ap, int);
			put_number(s, d < 0 ? -(unsigned long long)d : d, 10,
			    d < 0, false, width, ladjust, zeropad);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng >= 2)
				u = va_arg(ap, unsigned long long);
			else if (lng == 1)
				u = va_arg(ap, unsigned long);
			else
				u = va_arg(ap, unsigned int);
			put_number(s, u, *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16,
			    false, *fmt == 'X', width, ladjust, zeropad);
			break;
		case 'p':
			s->put(s, '0');
			s->put(s, 'x');
			put_number(s, (uintptr_t)va_arg(ap, void *), 16, false,
			    false, width, ladjust, zeropad);
			break;
		case '%':
			s->put(s, '%');
			break;
		case '\0':
			return;
		default:		/* not a conversion: show it */
			s->put(s, '%');
			s->put(s, *fmt);
			break;
		}
	}
}

int
vprintf(const char *fmt, va_list ap)
{
	struct sink s = { put_console, nullptr, 0, 0 };

	kdoprnt(&s, fmt, ap);
	return s.count;
}

int
printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

/*
 * vsnprintf: format into buf of size bytes, always NUL-terminated when
 * size > 0.  Returns the length the whole output would have had.
 */
int
vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { put_buffer, buf, size, 0 };

	kdoprnt(&s, fmt, ap);
	if (size > 0)
		*s.buf = '\0';
	return s.count;
}

int
snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
