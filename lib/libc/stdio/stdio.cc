/*
 * lib/libc/stdio/stdio.cc: the buffered stream (FILE) and its basic
 * operations: opening, closing, the buffer, reading and writing bytes,
 * seeking.
 *
 * A FILE (<stdio.h>) is a descriptor and a buffer that is either holding
 * input read ahead (_r of _rlen bytes used) or output not yet written (_w
 * bytes), never both: __SWRITING says which.  Every read goes through
 * __srefill and every write through __swrite, which choose the buffer the
 * first time (__smakebuf: BUFSIZ from malloc, line buffered if the
 * descriptor is a terminal, as isatty(3) says) and switch direction when
 * needed (a write after reads seeks back over the unread input; a read
 * after writes flushes them).  Buffering modes, as setvbuf(3) sets them:
 * full (write when the buffer fills), line (also at each newline, and
 * before reading from any line-buffered stream) and none (every write at
 * once; stderr is like that).
 *
 * stdin, stdout and stderr are static; fopen'd streams come from malloc.
 * All open streams are on one list so that fflush(NULL) and exit(3) reach
 * them.  OpenBSD keeps these in lib/libc/stdio/{findfp,refill,fvwrite,
 * fflush,fseek}.c; this is a simpler relative.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "local.h"

#define STDFILE(fd, flags) \
	{ (fd), (flags) | __SUSED, nullptr, 0, 0, 0, 0, -1, nullptr, { 0 } }

static FILE std_files[3] = {
	STDFILE(0, __SRD),
	STDFILE(1, __SWR),
	STDFILE(2, __SWR | __SNBF),
};

extern "C" {
FILE *stdin = &std_files[0];
FILE *stdout = &std_files[1];
FILE *stderr = &std_files[2];
}

/* Every open stream, for fflush(NULL); the three standard ones first. */
static FILE *streams;
static bool streams_init;

static void
link_std()
{
	if (streams_init)
		return;
	streams_init = true;
	std_files[0]._next = &std_files[1];
	std_files[1]._next = &std_files[2];
	std_files[2]._next = streams;
	streams = &std_files[0];
}

/*
 * Choose fp's buffer if nothing (setvbuf) has: an unbuffered stream uses
 * its one-byte _nbuf, others BUFSIZ bytes from malloc (unbuffered if that
 * fails).  A terminal is line buffered.
 */
static void
__smakebuf(FILE *fp)
{
	if (fp->_flags & __SSETUP)
		return;
	fp->_flags |= __SSETUP;
	if (!(fp->_flags & __SNBF)) {
		fp->_buf = (unsigned char *)malloc(BUFSIZ);
		if (fp->_buf != nullptr) {
			fp->_bufsize = BUFSIZ;
			fp->_flags |= __SMBF;
			if (fp->_fd >= 0 && isatty(fp->_fd))
				fp->_flags |= __SLBF;
			return;
		}
		fp->_flags |= __SNBF;
	}
	fp->_buf = fp->_nbuf;
	fp->_bufsize = 1;
}

/* Write out pending output.  => 0, or EOF with __SERR set. */
extern "C" int
__sflush(FILE *fp)
{
	if (!(fp->_flags & __SWRITING) || fp->_w == 0)
		return 0;
	size_t done = 0;
	while (done < fp->_w) {
		ssize_t n = write(fp->_fd, fp->_buf + done, fp->_w - done);
		if (n <= 0) {
			/* Keep what was not written, for a later retry. */
			memmove(fp->_buf, fp->_buf + done, fp->_w - done);
			fp->_w -= done;
			fp->_flags |= __SERR;
			return EOF;
		}
		done += n;
	}
	fp->_w = 0;
	return 0;
}

/* Make fp a writing stream: drop read-ahead by seeking back over it. */
static int
start_writing(FILE *fp)
{
	if (!(fp->_flags & __SWR)) {
		fp->_flags |= __SERR;
		errno = EBADF;
		return EOF;
	}
	__smakebuf(fp);
	if (fp->_flags & __SWRITING)
		return 0;
	size_t unread = fp->_rlen - fp->_r + (fp->_ungot >= 0);
	if (unread > 0 && fp->_fd >= 0)
		lseek(fp->_fd, -(off_t)unread, SEEK_CUR);
	fp->_r = fp->_rlen = 0;
	fp->_ungot = -1;
	fp->_w = 0;
	fp->_flags |= __SWRITING;
	return 0;
}

/*
 * Add n bytes to fp's output.  => 0, or EOF on an error (__SERR set).
 */
extern "C" int
__swrite(FILE *fp, const char *s, size_t n)
{
	if (start_writing(fp) != 0)
		return EOF;
	if (fp->_flags & __SAPP && fp->_w == 0)
		lseek(fp->_fd, 0, SEEK_END);
	bool newline = false;
	while (n > 0) {
		size_t room = fp->_bufsize - fp->_w;
		if (room == 0) {
			if (__sflush(fp) != 0)
				return EOF;
			room = fp->_bufsize;
		}
		size_t k = n < room ? n : room;
		memcpy(fp->_buf + fp->_w, s, k);
		if ((fp->_flags & __SLBF) && memchr(s, '\n', k) != nullptr)
			newline = true;
		fp->_w += k;
		s += k;
		n -= k;
	}
	if ((fp->_flags & __SNBF) || newline || fp->_w == fp->_bufsize)
		return __sflush(fp);
	return 0;
}

/* printf's sink for a stream (local.h). */
extern "C" int
__sfsink_put(struct __pfsink *sk, const char *s, size_t n)
{
	return __swrite((FILE *)sk->arg, s, n);
}

/*
 * Fill fp's empty read buffer.  => 0, or EOF at end of file (__SEOF) or
 * on an error (__SERR).
 */
extern "C" int
__srefill(FILE *fp)
{
	if (!(fp->_flags & __SRD)) {
		fp->_flags |= __SERR;
		errno = EBADF;
		return EOF;
	}
	__smakebuf(fp);
	link_std();
	if (fp->_flags & __SWRITING) {
		if (__sflush(fp) != 0)
			return EOF;
		fp->_flags &= ~__SWRITING;
	}
	/* Before waiting for input, show any prompt still buffered. */
	if (fp->_flags & (__SLBF | __SNBF))
		for (FILE *f = streams; f != nullptr; f = f->_next)
			if ((f->_flags & __SLBF) && (f->_flags & __SWRITING))
				__sflush(f);
	ssize_t n = read(fp->_fd, fp->_buf, fp->_bufsize);
	fp->_r = 0;
	fp->_rlen = n > 0 ? n : 0;
	if (n == 0) {
		fp->_flags |= __SEOF;
		return EOF;
	}
	if (n < 0) {
		fp->_flags |= __SERR;
		return EOF;
	}
	return 0;
}

/* Parse an fopen mode.  => open(2)'s flags and ours, or -1. */
static int
parse_mode(const char *mode, int *oflags)
{
	int flags;

	switch (*mode++) {
	case 'r':
		flags = __SRD;
		*oflags = O_RDONLY;
		break;
	case 'w':
		flags = __SWR;
		*oflags = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case 'a':
		flags = __SWR | __SAPP;
		*oflags = O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	for (; *mode != '\0'; mode++) {
		if (*mode == '+') {
			flags |= __SRW;
			*oflags = (*oflags & ~O_ACCMODE) | O_RDWR;
		} else if (*mode == 'x')
			*oflags |= O_EXCL;
		else if (*mode == 'e')
			*oflags |= O_CLOEXEC;
		/* "b" means nothing on a POSIX system. */
	}
	return flags;
}

static FILE *
new_stream(int fd, int flags)
{
	FILE *fp = (FILE *)calloc(1, sizeof(FILE));

	if (fp == nullptr)
		return nullptr;
	link_std();
	fp->_fd = fd;
	fp->_flags = flags | __SUSED;
	fp->_ungot = -1;
	fp->_next = streams;
	streams = fp;
	return fp;
}

extern "C" {

FILE *
fopen(const char *path, const char *mode)
{
	int oflags;
	int flags = parse_mode(mode, &oflags);

	if (flags < 0)
		return nullptr;
	int fd = open(path, oflags, 0666);
	if (fd < 0)
		return nullptr;
	FILE *fp = new_stream(fd, flags);
	if (fp == nullptr)
		close(fd);
	return fp;
}

FILE *
fdopen(int fd, const char *mode)
{
	int oflags;
	int flags = parse_mode(mode, &oflags);

	if (flags < 0)
		return nullptr;
	return new_stream(fd, flags);
}

int
fclose(FILE *fp)
{
	int r = 0;

	if (fp->_flags & __SWRITING)
		r = __sflush(fp);
	if (close(fp->_fd) < 0)
		r = EOF;
	if (fp->_flags & __SMBF)
		free(fp->_buf);
	if (fp >= &std_files[0] && fp <= &std_files[2]) {
		/* A standard stream stays on the list, closed. */
		fp->_flags = 0;
		fp->_buf = nullptr;
		return r;
	}
	for (FILE **pp = &streams; *pp != nullptr; pp = &(*pp)->_next)
		if (*pp == fp) {
			*pp = fp->_next;
			break;
		}
	free(fp);
	return r;
}

FILE *
freopen(const char *path, const char *mode, FILE *fp)
{
	int oflags;
	int flags = parse_mode(mode, &oflags);

	if (flags < 0)
		return nullptr;
	if (fp->_flags & __SWRITING)
		__sflush(fp);
	int fd = open(path, oflags, 0666);
	if (fd < 0)
		return nullptr;
	if (fd != fp->_fd) {
		close(fp->_fd);
		if (dup2(fd, fp->_fd) >= 0) {
			close(fd);
			fd = fp->_fd;
		}
	}
	fp->_fd = fd;
	fp->_flags = (fp->_flags & (__SSETUP | __SMBF | __SLBF | __SNBF)) |
	    flags | __SUSED;
	fp->_r = fp->_rlen = fp->_w = 0;
	fp->_ungot = -1;
	return fp;
}

int
fflush(FILE *fp)
{
	int r = 0;

	if (fp == nullptr) {
		link_std();
		for (FILE *f = streams; f != nullptr; f = f->_next)
			if ((f->_flags & __SWRITING) && __sflush(f) != 0)
				r = EOF;
		return r;
	}
	return __sflush(fp);
}

int
setvbuf(FILE *fp, char *buf, int mode, size_t size)
{
	if (mode != _IONBF && mode != _IOLBF && mode != _IOFBF) {
		errno = EINVAL;
		return EOF;
	}
	if (fp->_flags & __SWRITING)
		__sflush(fp);
	if (fp->_flags & __SMBF)
		free(fp->_buf);
	fp->_flags &= ~(__SLBF | __SNBF | __SMBF);
	fp->_flags |= __SSETUP;
	fp->_r = fp->_rlen = fp->_w = 0;
	if (mode == _IONBF || size == 0) {
		fp->_flags |= __SNBF;
		fp->_buf = fp->_nbuf;
		fp->_bufsize = 1;
		return 0;
	}
	if (buf == nullptr) {
		buf = (char *)malloc(size);
		if (buf == nullptr) {
			fp->_flags |= __SNBF;
			fp->_buf = fp->_nbuf;
			fp->_bufsize = 1;
			return EOF;
		}
		fp->_flags |= __SMBF;
	}
	fp->_buf = (unsigned char *)buf;
	fp->_bufsize = size;
	if (mode == _IOLBF)
		fp->_flags |= __SLBF;
	return 0;
}

void
setbuf(FILE *fp, char *buf)
{
	setvbuf(fp, buf, buf != nullptr ? _IOFBF : _IONBF, BUFSIZ);
}

int
fgetc(FILE *fp)
{
	if (fp->_ungot >= 0) {
		int c = fp->_ungot;
		fp->_ungot = -1;
		return c;
	}
	if (!(fp->_flags & __SWRITING) && fp->_r < fp->_rlen)
		return fp->_buf[fp->_r++];
	if (__srefill(fp) != 0)
		return EOF;
	return fp->_buf[fp->_r++];
}

int
getc(FILE *fp)
{
	return fgetc(fp);
}

int
getchar(void)
{
	return fgetc(stdin);
}

/* One byte of push-back, which clears end of file. */
int
ungetc(int c, FILE *fp)
{
	if (c == EOF || fp->_ungot >= 0)
		return EOF;
	fp->_ungot = (unsigned char)c;
	fp->_flags &= ~__SEOF;
	return (unsigned char)c;
}

int
fputc(int c, FILE *fp)
{
	char b = (char)c;

	return __swrite(fp, &b, 1) == 0 ? (unsigned char)c : EOF;
}

int
putc(int c, FILE *fp)
{
	return fputc(c, fp);
}

int
putchar(int c)
{
	return fputc(c, stdout);
}

size_t
fread(void *buf, size_t size, size_t n, FILE *fp)
{
	size_t want = size * n, got = 0;
	unsigned char *p = (unsigned char *)buf;

	if (want == 0)
		return 0;
	if (fp->_ungot >= 0) {
		p[got++] = (unsigned char)fp->_ungot;
		fp->_ungot = -1;
	}
	while (got < want) {
		if ((fp->_flags & __SWRITING) || fp->_r == fp->_rlen) {
			if (__srefill(fp) != 0)
				break;
		}
		size_t k = fp->_rlen - fp->_r;
		if (k > want - got)
			k = want - got;
		memcpy(p + got, fp->_buf + fp->_r, k);
		fp->_r += k;
		got += k;
	}
	return got / size;
}

size_t
fwrite(const void *buf, size_t size, size_t n, FILE *fp)
{
	if (size == 0 || n == 0)
		return 0;
	if (__swrite(fp, (const char *)buf, size * n) != 0)
		return 0;
	return n;
}

int
fseeko(FILE *fp, off_t offset, int whence)
{
	if (fp->_flags & __SWRITING) {
		if (__sflush(fp) != 0)
			return -1;
	} else if (whence == SEEK_CUR)
		offset -= fp->_rlen - fp->_r + (fp->_ungot >= 0);
	if (lseek(fp->_fd, offset, whence) < 0)
		return -1;
	fp->_r = fp->_rlen = 0;
	fp->_ungot = -1;
	fp->_flags &= ~__SEOF;
	return 0;
}

int
fseek(FILE *fp, long offset, int whence)
{
	return fseeko(fp, offset, whence);
}

off_t
ftello(FILE *fp)
{
	off_t pos = lseek(fp->_fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	if (fp->_flags & __SWRITING)
		return pos + fp->_w;
	return pos - (fp->_rlen - fp->_r) - (fp->_ungot >= 0);
}

long
ftell(FILE *fp)
{
	return (long)ftello(fp);
}

void
rewind(FILE *fp)
{
	fseeko(fp, 0, SEEK_SET);
	fp->_flags &= ~__SERR;
}

int
fgetpos(FILE *fp, fpos_t *pos)
{
	*pos = ftello(fp);
	return *pos < 0 ? -1 : 0;
}

int
fsetpos(FILE *fp, const fpos_t *pos)
{
	return fseeko(fp, *pos, SEEK_SET);
}

int
feof(FILE *fp)
{
	return (fp->_flags & __SEOF) != 0;
}

int
ferror(FILE *fp)
{
	return (fp->_flags & __SERR) != 0;
}

void
clearerr(FILE *fp)
{
	fp->_flags &= ~(__SEOF | __SERR);
}

int
fileno(FILE *fp)
{
	return fp->_fd;
}

} // extern "C"
