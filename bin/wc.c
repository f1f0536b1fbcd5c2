/*
 * bin/wc.c: wc(1), count lines, words and bytes.
 *
 *	wc [-clw] [file ...]
 *
 * A word is a run of characters between white space.  Without options
 * all three counts are printed, in the order lines, words, bytes, each
 * right-aligned in 8 columns as OpenBSD's usr.bin/wc/wc.c prints them,
 * then the file's name; with more than one file, a total line.
 */
#include <ctype.h>
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static int lflag, wflag, cflag;
static long long tlines, twords, tbytes;

static void
print(long long lines, long long words, long long bytes, const char *name)
{
	if (lflag)
		printf(" %7lld", lines);
	if (wflag)
		printf(" %7lld", words);
	if (cflag)
		printf(" %7lld", bytes);
	if (name != NULL)
		printf(" %s", name);
	putchar('\n');
}

static int
count(int fd, const char *name)
{
	char buf[4096];
	ssize_t n;
	long long lines = 0, words = 0, bytes = 0;
	int inword = 0;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		bytes += n;
		for (ssize_t i = 0; i < n; i++) {
			unsigned char c = buf[i];
			if (c == '\n')
				lines++;
			if (isspace(c))
				inword = 0;
			else if (!inword) {
				inword = 1;
				words++;
			}
		}
	}
	if (n < 0) {
		warn("%s", name != NULL ? name : "stdin");
		return 1;
	}
	print(lines, words, bytes, name);
	tlines += lines;
	twords += words;
	tbytes += bytes;
	return 0;
}

int
main(int argc, char *argv[])
{
	int ch, rval = 0;

	while ((ch = getopt(argc, argv, "clmw")) != -1) {
		switch (ch) {
		case 'l':
			lflag = 1;
			break;
		case 'w':
			wflag = 1;
			break;
		case 'c':
		case 'm':
			cflag = 1;
			break;
		default:
			fprintf(stderr, "usage: wc [-c | -m] [-lw] [file ...]\n");
			return 1;
		}
	}
	argc -= optind;
	argv += optind;
	if (!lflag && !wflag && !cflag)
		lflag = wflag = cflag = 1;
	if (argc == 0)
		return count(0, NULL);
	for (int i = 0; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			warn("%s", argv[i]);
			rval = 1;
			continue;
		}
		rval |= count(fd, argv[i]);
		close(fd);
	}
	if (argc > 1)
		print(tlines, twords, tbytes, "total");
	return rval;
}
