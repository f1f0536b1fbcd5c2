/*
 * bin/cat.c: cat(1), concatenate files to standard output.
 *
 *	cat [-nu] [file ...]
 *
 * With no file, or the file "-", standard input.  Bytes are copied with
 * read(2) and write(2) through one buffer; -n numbers the output lines
 * (then stdio does the copying); -u (unbuffered) is what cat does anyway.
 * As OpenBSD's bin/cat/cat.c, whose messages these are.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int nflag;
static int rval;
static long long line = 1;
static int atstart = 1;

/* Copy fd to standard output; name is for messages. */
static void
copy(int fd, const char *name)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn("%s", name);
			rval = 1;
			return;
		}
		if (nflag) {
			for (ssize_t i = 0; i < n; i++) {
				if (atstart)
					printf("%6lld\t", line++);
				putchar(buf[i]);
				atstart = buf[i] == '\n';
			}
			continue;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(1, buf + off, n - off);
			if (w < 0) {
				if (errno == EINTR)
					continue;
				err(1, "stdout");
			}
			off += w;
		}
	}
}

int
main(int argc, char *argv[])
{
	int ch;

	while ((ch = getopt(argc, argv, "nu")) != -1) {
		switch (ch) {
		case 'n':
			nflag = 1;
			break;
		case 'u':
			break;
		default:
			fprintf(stderr, "usage: cat [-nu] [file ...]\n");
			return 1;
		}
	}
	argv += optind;
	if (*argv == NULL)
		copy(0, "stdin");
	for (; *argv != NULL; argv++) {
		if (strcmp(*argv, "-") == 0) {
			copy(0, "stdin");
			continue;
		}
		int fd = open(*argv, O_RDONLY);
		if (fd < 0) {
			warn("%s", *argv);
			rval = 1;
			continue;
		}
		copy(fd, *argv);
		close(fd);
	}
	if (fflush(stdout) != 0)
		err(1, "stdout");
	return rval;
}
