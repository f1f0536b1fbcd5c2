/*
 * lib/libc/stdio/local.h: what the stdio files share and programs do not
 * see: the FILE flags, the cores of the printf and scanf families, and the
 * buffer routines every stream operation goes through.
 *
 * The formatting cores know nothing about FILEs: __vfprintf writes to a
 * "sink" (a function that takes a run of bytes), __vfscanf reads from a
 * "source" (a function that yields one byte, and one that pushes one
 * back).  snprintf's sink is a string, vfprintf's a stream, dprintf's a
 * descriptor; the same code formats for all of them, and the host unit
 * tests call it through snprintf and sscanf.
 */
#ifndef _LIBC_STDIO_LOCAL_H_
#define _LIBC_STDIO_LOCAL_H_

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* FILE::_flags */
#define __SRD	0x0001		/* open for reading */
#define __SWR	0x0002		/* open for writing */
#define __SRW	0x0003		/* both */
#define __SEOF	0x0004		/* end of file seen */
#define __SERR	0x0008		/* an I/O error happened */
#define __SLBF	0x0010		/* line buffered */
#define __SNBF	0x0020		/* unbuffered */
#define __SMBF	0x0040		/* _buf came from malloc: free it */
#define __SAPP	0x0080		/* append: every write goes to the end */
#define __SWRITING 0x0100	/* the buffer holds output (else input) */
#define __SSETUP 0x0200		/* the buffer has been chosen */
#define __SUSED	0x0400		/* the slot is in use (static streams) */

struct __pfsink {
	/* Take n bytes; 0, or -1 on an error (which ends the format). */
	int	(*put)(struct __pfsink *sk, const char *s, size_t n);
	void	*arg;
};

struct __sfsource {
	int	(*get)(struct __sfsource *src);		/* a byte or EOF */
	void	(*unget)(struct __sfsource *src, int c);
	void	*arg;
};

/* printf's and scanf's length modifiers (fmtlen.cc). */
enum class __fmtlen { none, hh, h, l, ll, j, z, t };
__fmtlen __fmtlen_parse(const char **fmt);
void	__fmtlen_store(va_list *ap, __fmtlen l, uintmax_t v);

extern "C" {
int	__vfprintf(struct __pfsink *sk, const char *fmt, va_list ap);
int	__vfscanf(struct __sfsource *src, const char *fmt, va_list ap);

int	__sflush(FILE *fp);
int	__srefill(FILE *fp);
int	__swrite(FILE *fp, const char *s, size_t n);
int	__sfsink_put(struct __pfsink *sk, const char *s, size_t n);
void	__sinit(void);
}

#endif /* !_LIBC_STDIO_LOCAL_H_ */
