/*
 * bin/echo.c: echo(1), write the arguments to standard output.
 *
 *	echo [-n] [string ...]
 *
 * The arguments are separated by single blanks and followed by a newline,
 * unless the first is -n.  As OpenBSD's bin/echo/echo.c: no other options
 * and no backslash escapes.
 */
#include <stdio.h>
#include <string.h>

int
main(int argc, char *argv[])
{
	int nflag = 0;

	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		nflag = 1;
		argv++;
	}
	while (*++argv != NULL) {
		fputs(*argv, stdout);
		if (argv[1] != NULL)
			putchar(' ');
	}
	if (!nflag)
		putchar('\n');
	return fflush(stdout) == 0 ? 0 : 1;
}
