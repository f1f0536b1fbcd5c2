/*
 * subr_prf.cc: printf(9), snprintf(9) and panic(9).
 *
 * All kernel output is formatted by one engine, kprintf(), which walks the
 * format and hands each character to a "put" function: printf() puts to
 * the console and into the message buffer (so dmesg can show it later),
 * snprintf() puts into a caller's array.  The formats are OpenBSD's:
 * %d %i %u %o %x %X %c %s %p %%, the length modifiers h hh l ll q z t,
 * the flags - 0 # + and space, a width and precision (either may be *),
 * and the kernel-only %b, which prints a number and then the names of its
 * set bits:
 *
 *	printf("%b\n", 0x0b, "\20\1ONE\2TWO\4FOUR")  ->  b<ONE,TWO,FOUR>
 *
 * The first character of the %b string is the base to print the number in
 * (\10 octal, \12 decimal, \20 hexadecimal); then each bit name is
 * preceded by its bit number counted from 1 for the least significant bit.
 * Traps, page-table entries and cpuid flags are printed this way.
 *
 * panic() stops the system: it prints the message and a backtrace and
 * enters ddb, or, when the kernel is running its tests, ends the QEMU run
 * with the "panic" code so the test runner can tell a panic from a failure.
 *
 * This file is compiled into the host unit tests too (see sys/systm.h for
 * how its names avoid libc's there); only the console half is kernel-only.
 * Mirrors OpenBSD's sys/kern/subr_prf.c.
 */
#include <sys/param.h>
#include <sys/systm.h>

/* State for the put function of snprintf(). */
struct snprintf_arg {
	char	*sa_buf;	/* next byte to write */
	size_t	sa_left;	/* room left, the NUL included */
};

/*
 * Put the digits of a number, least significant first, into a buffer and
 * return how many there are.  Callers print them back to front.
 */
static int
ksprintn(char *buf, unsigned long long num, int base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do {
		buf[n++] = digits[num % base];
		num /= base;
	} while (num != 0);
	return n;
}

/* The printf state kept while one conversion is formatted. */
struct fmtspec {
	bool	ladjust;	/* '-' */
	bool	zeropad;	/* '0' */
	bool	sharp;		/* '#': 0x or 0 prefix */
	char	sign;		/* '+' or ' ' or 0 */
	int	width;		/* minimum field width */
	int	prec;		/* precision, -1 if none */
};

/*
 * Emit one converted number with its prefix, sign, padding and precision.
 * Returns the number of characters put.
 */
static int
put_number(const struct fmtspec *fs, unsigned long long num, int base,
    bool neg, bool upper, void (*put)(int, void *), void *arg)
{
	char digits[sizeof(num) * 8 / 3 + 2];
	const char *prefix = "";
	char signc = neg ? '-' : fs->sign;
	int ndig, zeros, pad, len, n = 0;

	ndig = ksprintn(digits, num, base, upper);
	/* Precision 0 with value 0 prints no digits at all (C rule). */
	if (fs->prec == 0 && num == 0)
		ndig = 0;
	if (fs->sharp && num != 0) {
		if (base == 16)
			prefix = upper ? "0X" : "0x";
		else if (base == 8)
			prefix = "0";
	}
	zeros = (fs->prec > ndig) ? fs->prec - ndig : 0;
	len = ndig + zeros + (signc ? 1 : 0) + (int)strlen(prefix);
	pad = (fs->width > len) ? fs->width - len : 0;
	/* A precision turns zero padding off, as in C. */
	if (fs->zeropad && !fs->ladjust && fs->prec < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!fs->ladjust)
		for (; pad > 0; pad--, n++)
			put(' ', arg);
	if (signc) {
		put(signc, arg);
		n++;
	}
	for (; *prefix != '\0'; prefix++, n++)
		put(*prefix, arg);
	for (; zeros > 0; zeros--, n++)
		put('0', arg);
	while (ndig > 0) {
		put(digits[--ndig], arg);
		n++;
	}
	for (; pad > 0; pad--, n++)
		put(' ', arg);
	return n;
}

/* Emit a string, honouring width, precision and '-'. */
static int
put_string(const struct fmtspec *fs, const char *s,
    void (*put)(int, void *), void *arg)
{
	int len = 0, pad, n = 0;

	if (s == nullptr)
		s = "(null)";
	while (s[len] != '\0' && (fs->prec < 0 || len < fs->prec))
		len++;
	pad = (fs->width > len) ? fs->width - len : 0;
	if (!fs->ladjust)
		for (; pad > 0; pad--, n++)
			put(' ', arg);
	for (int i = 0; i < len; i++, n++)
		put(s[i], arg);
	for (; pad > 0; pad--, n++)
		put(' ', arg);
	return n;
}

/*
 * %b: the number in the base the string names, then "<NAME,NAME>" for the
 * set bits that have names.  Returns the characters put.
 */
static int
put_bits(unsigned long long num, const char *bits,
    void (*put)(int, void *), void *arg)
{
	struct fmtspec fs = { false, false, false, 0, 0, -1 };
	int n, any = 0;

	n = put_number(&fs, num, *bits++, false, false, put, arg);
	if (num == 0)
		return n;
	for (int bit; (bit = *bits++) != '\0';) {
		if (num & (1ULL << (bit - 1))) {
			put(any ? ',' : '<', arg);
			n++;
			any = 1;
			for (; *bits > ' '; bits++, n++)
				put(*bits, arg);
		} else {
			/* Skip the name of a clear bit. */
			while (*bits > ' ')
				bits++;
		}
	}
	if (any) {
		put('>', arg);
		n++;
	}
	return n;
}

/*
 * kprintf: format fmt with the arguments in ap, giving each character to
 * put(c, arg).  Returns the number of characters produced.
 * => may be called at any IPL and from any context; it takes no locks and
 *    does not sleep (put must not either).
 */
int
kprintf(const char *fmt, void (*put)(int, void *), void *arg, va_list ap)
{
	int n = 0;

	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			put(*fmt, arg);
			n++;
			continue;
		}

		struct fmtspec fs = { false, false, false, 0, 0, -1 };
		int lflag = 0;		/* 1: long, 2: long long */
		int hflag = 0;		/* 1: short, 2: char */
		bool zflag = false;	/* size_t / ptrdiff_t */

		/* Flags, width, precision, length. */
		for (;;) {
			char c = *++fmt;
			if (c == '-')
				fs.ladjust = true;
			else if (c == '0')
				fs.zeropad = true;
			else if (c == '#')
				fs.sharp = true;
			else if (c == '+')
				fs.sign = '+';
			else if (c == ' ') {
				if (fs.sign == 0)
					fs.sign = ' ';
			} else
				break;
		}
		if (*fmt == '*') {
			fs.width = va_arg(ap, int);
			if (fs.width < 0) {
				fs.ladjust = true;
				fs.width = -fs.width;
			}
			fmt++;
		} else
			for (; *fmt >= '0' && *fmt <= '9'; fmt++)
				fs.width = fs.width * 10 + (*fmt - '0');
		if (*fmt == '.') {
			fmt++;
			fs.prec = 0;
			if (*fmt == '*') {
				fs.prec = va_arg(ap, int);
				fmt++;
			} else
				for (; *fmt >= '0' && *fmt <= '9'; fmt++)
					fs.prec = fs.prec * 10 + (*fmt - '0');
		}
		for (;; fmt++) {
			if (*fmt == 'l')
				lflag++;
			else if (*fmt == 'q')
				lflag = 2;
			else if (*fmt == 'h')
				hflag++;
			else if (*fmt == 'z' || *fmt == 't')
				zflag = true;
			else
				break;
		}

		unsigned long long u;
		long long s;
		int base = 10;
		bool upper = false;

		switch (*fmt) {
		case 'c':
			fs.prec = -1;
			{
				char cbuf[2] = { (char)va_arg(ap, int), '\0' };
				if (cbuf[0] == '\0') {
					/* A NUL is a character too. */
					put('\0', arg);
					n++;
				} else
					n += put_string(&fs, cbuf, put, arg);
			}
			break;
		case 's':
			n += put_string(&fs, va_arg(ap, const char *), put,
			    arg);
			break;
		case 'b':
			u = va_arg(ap, unsigned int);
			n += put_bits(u, va_arg(ap, const char *), put, arg);
			break;
		case 'd':
		case 'i':
			if (lflag >= 2)
				s = va_arg(ap, long long);
			else if (lflag == 1)
				s = va_arg(ap, long);
			else if (zflag)
				s = va_arg(ap, ssize_t);
			else
				s = va_arg(ap, int);
			if (hflag == 1)
				s = (short)s;
			else if (hflag >= 2)
				s = (signed char)s;
			/* Negate in unsigned arithmetic: LLONG_MIN has no
			 * positive twin. */
			u = (s < 0) ? 0ULL - (unsigned long long)s :
			    (unsigned long long)s;
			n += put_number(&fs, u, 10, s < 0, false, put, arg);
			break;
		case 'p':
			fs.sharp = true;
			u = (unsigned long long)(uintptr_t)va_arg(ap, void *);
			n += put_number(&fs, u, 16, false, false, put, arg);
			break;
		case 'X':
			upper = true;
			[[fallthrough]];
		case 'x':
			base = 16;
			goto unsigned_number;
		case 'o':
			base = 8;
			goto unsigned_number;
		case 'u':
		unsigned_number:
			if (lflag >= 2)
				u = va_arg(ap, unsigned long long);
			else if (lflag == 1)
				u = va_arg(ap, unsigned long);
			else if (zflag)
				u = va_arg(ap, size_t);
			else
				u = va_arg(ap, unsigned int);
			if (hflag == 1)
				u = (unsigned short)u;
			else if (hflag >= 2)
				u = (unsigned char)u;
			n += put_number(&fs, u, base, false, upper, put, arg);
			break;
		case '%':
			put('%', arg);
			n++;
			break;
		case '\0':
			/* A lone '%' at the end: print it and stop. */
			put('%', arg);
			return n + 1;
		default:
			/* Unknown conversion: show it rather than guess. */
			put('%', arg);
			put(*fmt, arg);
			n += 2;
			break;
		}
	}
	return n;
}

static void
snprintf_put(int c, void *v)
{
	struct snprintf_arg *sa = (struct snprintf_arg *)v;

	/* Keep the last byte for the NUL; count on regardless. */
	if (sa->sa_left > 1) {
		*sa->sa_buf++ = (char)c;
		sa->sa_left--;
	}
}

/*
 * vsnprintf: format into buf, at most size bytes including the NUL (buf is
 * always terminated when size > 0).  Returns the length the whole output
 * would have had, as C99 says, so truncation shows as a return >= size.
 */
int
vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct snprintf_arg sa = { buf, size };
	int n;

	n = kprintf(fmt, snprintf_put, &sa, ap);
	if (size > 0)
		*sa.sa_buf = '\0';
	return n;
}

int
snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

#ifdef _KERNEL
/*
 * The console half: printf(9) and panic(9).  Kernel only.
 */
#include <sys/msgbuf.h>
#include <sys/reboot.h>
#include <dev/cons.h>
#include <sys/ktest.h>
#include <ddb/db_extern.h>
#include <machine/cpufunc.h>

const char *panicstr;		/* the first panic's message, or null */
static char panicbuf[256];	/* where that message is formatted */

/* Every character printf produces: to the console and to dmesg. */
static void
kputchar(int c, void *)
{
	if (c == '\0')
		return;
	cnputc(c);
	if (msgbufp != nullptr)
		msgbuf_putchar(msgbufp, (char)c);
}

/*
 * printf: format to the console and the message buffer.
 * => any context, any IPL; does not sleep.  Interrupts are blocked while
 *    one call prints, so the lines of an interrupt handler do not land in
 *    the middle of another line.
 */
int
vprintf(const char *fmt, va_list ap)
{
	u_int ef = read_eflags();
	int n;

	disable_intr();
	n = kprintf(fmt, kputchar, nullptr, ap);
	write_eflags(ef);
	return n;
}

int
printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

/*
 * panic: something the kernel relies on is false; stop before it does
 * damage.  Prints "panic: message" and a backtrace starting at the caller,
 * then either ends the test run with the panic code (kernels running
 * their tests must not sit at a prompt) or enters ddb.
 * => any context; never returns.  A panic during a panic only prints its
 *    message and halts, since whatever broke may break again.
 */
void
panic(const char *fmt, ...)
{
	va_list ap;

	disable_intr();
	va_start(ap, fmt);
	if (panicstr != nullptr) {
		printf("panic (while panicking): ");
		vprintf(fmt, ap);
		printf("\n");
		va_end(ap);
		for (;;)
			halt();
	}
	vsnprintf(panicbuf, sizeof(panicbuf), fmt, ap);
	va_end(ap);
	panicstr = panicbuf;

	printf("panic: %s\n", panicbuf);
	db_stack_trace_print((vaddr_t)__builtin_frame_address(0), 64, printf);
	if (ktest_running())
		ktest_exit(KTEST_EXIT_PANIC);
	db_panic_enter();
	for (;;)
		halt();
}
#endif /* _KERNEL */
