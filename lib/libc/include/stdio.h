/*
 * <stdio.h>: buffered streams and formatted I/O (lib/libc/stdio).
 *
 * A FILE is a descriptor with a buffer.  A stream is reading or writing
 * at any moment, never both: switching direction flushes pending output
 * or drops read-ahead (seeking back over it).  Floating point
 * conversions are left out (the kernel does not save FPU state yet).
 */
#ifndef _STDIO_H_
#define _STDIO_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <stdarg.h>

#define BUFSIZ		1024
#define EOF		(-1)
#define FOPEN_MAX	20
#define FILENAME_MAX	1024
#define L_tmpnam	1024

#define _IOFBF		0	/* setvbuf: fully buffered */
#define _IOLBF		1	/* setvbuf: line buffered */
#define _IONBF		2	/* setvbuf: unbuffered */

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

typedef off_t	fpos_t;

/*
 * The stream.  Its members are libc's business (lib/libc/stdio/local.h
 * says what each holds); programs use the functions.
 */
typedef struct __sFILE {
	int		_fd;		/* descriptor, or -1 for a string */
	int		_flags;		/* __S* in local.h */
	unsigned char	*_buf;		/* the buffer, or _nbuf */
	size_t		_bufsize;	/* its size */
	size_t		_r;		/* reading: next byte in _buf */
	size_t		_rlen;		/* reading: bytes valid in _buf */
	size_t		_w;		/* writing: bytes waiting in _buf */
	int		_ungot;		/* a byte pushed back, or -1 */
	struct __sFILE	*_next;		/* all open streams, for fflush(NULL) */
	unsigned char	_nbuf[1];	/* the buffer of an unbuffered stream */
} FILE;

__BEGIN_DECLS
extern FILE	*stdin;
extern FILE	*stdout;
extern FILE	*stderr;

void	 clearerr(FILE *fp);
int	 dprintf(int fd, const char *fmt, ...) __printflike(2, 3);
int	 fclose(FILE *fp);
FILE	*fdopen(int fd, const char *mode);
int	 feof(FILE *fp);
int	 ferror(FILE *fp);
int	 fflush(FILE *fp);
int	 fgetc(FILE *fp);
int	 fgetpos(FILE *fp, fpos_t *pos);
char	*fgets(char *s, int n, FILE *fp);
int	 fileno(FILE *fp);
FILE	*fopen(const char *path, const char *mode);
int	 fprintf(FILE *fp, const char *fmt, ...) __printflike(2, 3);
int	 fputc(int c, FILE *fp);
int	 fputs(const char *s, FILE *fp);
size_t	 fread(void *buf, size_t size, size_t n, FILE *fp);
FILE	*freopen(const char *path, const char *mode, FILE *fp);
int	 fscanf(FILE *fp, const char *fmt, ...);
int	 fseek(FILE *fp, long offset, int whence);
int	 fseeko(FILE *fp, off_t offset, int whence);
int	 fsetpos(FILE *fp, const fpos_t *pos);
long	 ftell(FILE *fp);
off_t	 ftello(FILE *fp);
size_t	 fwrite(const void *buf, size_t size, size_t n, FILE *fp);
int	 getc(FILE *fp);
int	 getchar(void);
ssize_t	 getdelim(char **line, size_t *cap, int delim, FILE *fp);
ssize_t	 getline(char **line, size_t *cap, FILE *fp);
void	 perror(const char *s);
int	 printf(const char *fmt, ...) __printflike(1, 2);
int	 putc(int c, FILE *fp);
int	 putchar(int c);
int	 puts(const char *s);
int	 remove(const char *path);
int	 rename(const char *from, const char *to);
void	 rewind(FILE *fp);
int	 scanf(const char *fmt, ...);
void	 setbuf(FILE *fp, char *buf);
int	 setvbuf(FILE *fp, char *buf, int mode, size_t size);
int	 snprintf(char *s, size_t n, const char *fmt, ...) __printflike(3, 4);
int	 sprintf(char *s, const char *fmt, ...) __printflike(2, 3);
int	 sscanf(const char *s, const char *fmt, ...);
int	 ungetc(int c, FILE *fp);
int	 vdprintf(int fd, const char *fmt, va_list ap);
int	 vfprintf(FILE *fp, const char *fmt, va_list ap);
int	 vfscanf(FILE *fp, const char *fmt, va_list ap);
int	 vprintf(const char *fmt, va_list ap);
int	 vscanf(const char *fmt, va_list ap);
int	 vsnprintf(char *s, size_t n, const char *fmt, va_list ap);
int	 vsprintf(char *s, const char *fmt, va_list ap);
int	 vsscanf(const char *s, const char *fmt, va_list ap);
int	 asprintf(char **sp, const char *fmt, ...) __printflike(2, 3);
int	 vasprintf(char **sp, const char *fmt, va_list ap);
__END_DECLS

#endif /* !_STDIO_H_ */
