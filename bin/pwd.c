/*
 * bin/pwd.c: pwd(1), print the working directory.
 *
 *	pwd [-LP]
 *
 * The kernel's answer (getcwd(3) over __getcwd(2)), which is -P's; -L
 * is accepted and means the same, as there are no symbolic links the
 * shell tracks for us.  Mirrors OpenBSD's bin/pwd/pwd.c.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	int ch;

	while ((ch = getopt(argc, argv, "LP")) != -1) {
		if (ch != 'L' && ch != 'P') {
			fprintf(stderr, "usage: pwd [-LP]\n");
			return 1;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: pwd [-LP]\n");
		return 1;
	}
	char *cwd = getcwd(NULL, 0);
	if (cwd == NULL)
		err(1, NULL);
	puts(cwd);
	return 0;
}
