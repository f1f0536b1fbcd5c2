/*
 * bin/head.c: head(1), the first lines of files.
 *
 *	head [-count | -n count] [file ...]
 *
 * The first count lines (10 by default) of each file, or of standard
 * input; with more than one file, each is introduced by "==> name <==".
 * As OpenBSD's usr.bin/head/head.c.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
usage(void)
{
	fprintf(stderr, "usage: head [-count | -n count] [file ...]\n");
	exit(1);
}

static long
getcount(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < 0)
		errx(1, "count is invalid: %s", s);
	return n;
}

int
main(int argc, char *argv[])
{
	long count = 10;
	int i, rval = 0;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (isdigit((unsigned char)argv[i][1]))
			count = getcount(argv[i] + 1);
		else if (argv[i][1] == 'n') {
			if (argv[i][2] != '\0')
				count = getcount(argv[i] + 2);
			else if (i + 1 < argc)
				count = getcount(argv[++i]);
			else
				usage();
		} else
			usage();
	}
	int nfiles = argc - i;
	if (nfiles == 0) {
		int c;
		for (long n = 0; n < count && (c = getchar()) != EOF;)
			if (putchar(c) == '\n')
				n++;
		return 0;
	}
	for (int first = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "r");
		if (fp == NULL) {
			warn("%s", argv[i]);
			rval = 1;
			continue;
		}
		if (nfiles > 1) {
			printf("%s==> %s <==\n", first ? "" : "\n", argv[i]);
			first = 0;
		}
		int c;
		for (long n = 0; n < count && (c = getc(fp)) != EOF;)
			if (putchar(c) == '\n')
				n++;
		fclose(fp);
	}
	return rval;
}
