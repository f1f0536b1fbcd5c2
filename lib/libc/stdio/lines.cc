/*
 * lib/libc/stdio/lines.cc: stdio's line and string operations: fgets,
 * getline, getdelim, fputs, puts, perror and psignal; remove(3).
 *
 * They are built on fgetc and __swrite (stdio.cc), so buffering and the
 * switch between reading and writing are decided in one place.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "local.h"

extern "C" {

/* At most n - 1 bytes, up to and including a newline. */
char *
fgets(char *s, int n, FILE *fp)
{
	int k = 0;

	if (n <= 0)
		return nullptr;
	while (k < n - 1) {
		int c = fgetc(fp);
		if (c == EOF)
			break;
		s[k++] = (char)c;
		if (c == '\n')
			break;
	}
	if (k == 0)
		return nullptr;
	s[k] = '\0';
	return s;
}

/*
 * A whole line (up to delim) into *line, which grows with realloc.
 * => its length, or -1 at end of file or on an error.
 */
ssize_t
getdelim(char **line, size_t *cap, int delim, FILE *fp)
{
	size_t n = 0;

	if (*line == nullptr)
		*cap = 0;
	for (;;) {
		int c = fgetc(fp);
		if (c == EOF) {
			if (n == 0)
				return -1;
			break;
		}
		if (n + 2 > *cap) {
			size_t ncap = *cap < 64 ? 64 : *cap * 2;
			char *p = (char *)realloc(*line, ncap);
			if (p == nullptr)
				return -1;
			*line = p;
			*cap = ncap;
		}
		(*line)[n++] = (char)c;
		if (c == delim)
			break;
	}
	(*line)[n] = '\0';
	return (ssize_t)n;
}

ssize_t
getline(char **line, size_t *cap, FILE *fp)
{
	return getdelim(line, cap, '\n', fp);
}

int
fputs(const char *s, FILE *fp)
{
	return __swrite(fp, s, strlen(s)) == 0 ? 0 : EOF;
}

int
puts(const char *s)
{
	if (__swrite(stdout, s, strlen(s)) != 0)
		return EOF;
	return __swrite(stdout, "\n", 1) == 0 ? 0 : EOF;
}

/* "s: message\n" on stderr, for the current errno. */
void
perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s != nullptr && *s != '\0') {
		fputs(s, stderr);
		fputs(": ", stderr);
	}
	fputs(msg, stderr);
	fputs("\n", stderr);
}

/*
 * "s: Segmentation fault\n" on stderr: perror for a signal number.
 * XXX <signal.h> should declare it: void psignal(unsigned int, const
 * char *), as OpenBSD's does.
 */
void
psignal(unsigned int sig, const char *s)
{
	if (s != nullptr && *s != '\0') {
		fputs(s, stderr);
		fputs(": ", stderr);
	}
	fputs(strsignal((int)sig), stderr);
	fputs("\n", stderr);
}

int
remove(const char *path)
{
	if (unlink(path) == 0)
		return 0;
	if (errno == EISDIR || errno == EPERM)
		return rmdir(path);
	return -1;
}

} // extern "C"
