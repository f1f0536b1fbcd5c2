/*
 * bin/touch.c: touch(1), set a file's access and modification times.
 *
 *	touch [-c] file ...
 *
 * Each file's times become now (utimes(2) with a null time); a file
 * that does not exist is created empty, unless -c.  As OpenBSD's
 * usr.bin/touch/touch.c (without its -a -m -d -r -t).
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	int ch, cflag = 0, rval = 0;

	while ((ch = getopt(argc, argv, "c")) != -1) {
		if (ch != 'c') {
			fprintf(stderr, "usage: touch [-c] file ...\n");
			return 1;
		}
		cflag = 1;
	}
	argv += optind;
	if (*argv == NULL) {
		fprintf(stderr, "usage: touch [-c] file ...\n");
		return 1;
	}
	for (; *argv != NULL; argv++) {
		if (utimes(*argv, NULL) == 0)
			continue;
		if (errno != ENOENT) {
			warn("%s", *argv);
			rval = 1;
			continue;
		}
		if (cflag)
			continue;
		int fd = open(*argv, O_WRONLY | O_CREAT, 0666);
		if (fd < 0) {
			warn("%s", *argv);
			rval = 1;
			continue;
		}
		close(fd);
	}
	return rval;
}
