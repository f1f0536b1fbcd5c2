/*
 * bin/rmdir.c: rmdir(1), remove empty directories.
 *
 *	rmdir [-p] directory ...
 *
 * -p removes each parent in turn as well, as long as it too becomes
 * empty.  As OpenBSD's bin/rmdir/rmdir.c.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	int ch, pflag = 0, rval = 0;

	while ((ch = getopt(argc, argv, "p")) != -1) {
		if (ch != 'p') {
			fprintf(stderr, "usage: rmdir [-p] directory ...\n");
			return 1;
		}
		pflag = 1;
	}
	argv += optind;
	if (*argv == NULL) {
		fprintf(stderr, "usage: rmdir [-p] directory ...\n");
		return 1;
	}
	for (; *argv != NULL; argv++) {
		char *p = *argv;
		size_t len = strlen(p);
		while (len > 1 && p[len - 1] == '/')
			p[--len] = '\0';
		if (rmdir(p) < 0) {
			warn("%s", p);
			rval = 1;
			continue;
		}
		while (pflag) {
			char *slash = strrchr(p, '/');
			if (slash == NULL || slash == p)
				break;
			while (slash > p && *slash == '/')
				*slash-- = '\0';
			if (rmdir(p) < 0) {
				warn("%s", p);
				rval = 1;
				break;
			}
		}
	}
	return rval;
}
