/*
 * bin/env.c: env(1), run a program in a changed environment.
 *
 *	env [-i] [name=value ...] [utility [argument ...]]
 *
 * -i starts from an empty environment; each name=value is set; then the
 * utility runs (found along $PATH), or, without one, the environment is
 * printed.  Exit status 127 if the utility was not found, 126 if it could
 * not be run, as POSIX and OpenBSD's usr.bin/env/env.c have it.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int
main(int argc, char *argv[])
{
	int i = 1;

	if (i < argc && (strcmp(argv[i], "-i") == 0 ||
	    strcmp(argv[i], "-") == 0)) {
		static char *empty[1];
		environ = empty;
		i++;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	for (; i < argc && strchr(argv[i], '=') != NULL; i++) {
		char *eq = strchr(argv[i], '=');
		*eq = '\0';
		if (setenv(argv[i], eq + 1, 1) < 0)
			err(1, "setenv");
		*eq = '=';
	}
	if (i < argc) {
		execvp(argv[i], argv + i);
		int e = errno;
		warn("%s", argv[i]);
		return e == ENOENT ? 127 : 126;
	}
	for (char **e = environ; *e != NULL; e++)
		puts(*e);
	return 0;
}
