/*
 * lib/libc/stdio/printf.cc: the printf family's stream and descriptor
 * forms: printf, vprintf, fprintf, vfprintf, dprintf, vdprintf.
 *
 * They hand the format to __vfprintf (vfprintf.cc) with a sink that
 * writes into the stream's buffer (__sfsink_put, stdio.cc); dprintf's
 * sink gathers output in a small buffer of its own and writes it to the
 * descriptor when full and at the end.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "local.h"

namespace {

struct fdbuf {
	int fd;
	size_t len;
	char buf[256];
};

int
fd_flush(fdbuf *b)
{
	size_t done = 0;

	while (done < b->len) {
		ssize_t n = write(b->fd, b->buf + done, b->len - done);
		if (n <= 0)
			return -1;
		done += n;
	}
	b->len = 0;
	return 0;
}

int
fd_put(struct __pfsink *sk, const char *s, size_t n)
{
	fdbuf *b = (fdbuf *)sk->arg;

	while (n > 0) {
		if (b->len == sizeof(b->buf) && fd_flush(b) != 0)
			return -1;
		size_t k = sizeof(b->buf) - b->len;
		if (k > n)
			k = n;
		memcpy(b->buf + b->len, s, k);
		b->len += k;
		s += k;
		n -= k;
	}
	return 0;
}

} // namespace

extern "C" {

int
vfprintf(FILE *fp, const char *fmt, va_list ap)
{
	struct __pfsink sk = { __sfsink_put, fp };

	return __vfprintf(&sk, fmt, ap);
}

int
fprintf(FILE *fp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vfprintf(fp, fmt, ap);
	va_end(ap);
	return r;
}

int
vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int
printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

int
vdprintf(int fd, const char *fmt, va_list ap)
{
	fdbuf b;
	struct __pfsink sk = { fd_put, &b };

	b.fd = fd;
	b.len = 0;
	int r = __vfprintf(&sk, fmt, ap);
	if (fd_flush(&b) != 0)
		return -1;
	return r;
}

int
dprintf(int fd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vdprintf(fd, fmt, ap);
	va_end(ap);
	return r;
}

} // extern "C"
