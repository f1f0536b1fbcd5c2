/*
 * bin/mkdir.c: mkdir(1), make directories.
 *
 *	mkdir [-p] [-m mode] directory ...
 *
 * -p makes the missing parents too and is quiet about directories that
 * exist; -m gives the mode (octal) instead of 0777 less the umask.  As
 * OpenBSD's bin/mkdir/mkdir.c, whose messages these are.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkdir -p: each prefix of path that is not a directory yet. */
static int
mkpath(char *path, mode_t mode)
{
	struct stat sb;
	char *slash = path;

	for (;;) {
		slash += strspn(slash, "/");
		slash += strcspn(slash, "/");
		int done = *slash == '\0';
		*slash = '\0';
		if (mkdir(path, done ? mode : 0777) < 0) {
			int e = errno;
			if (stat(path, &sb) < 0) {
				errno = e;
				warn("%s", path);
				return -1;
			}
			if (!S_ISDIR(sb.st_mode)) {
				errno = ENOTDIR;
				warn("%s", path);
				return -1;
			}
		}
		if (done)
			return 0;
		*slash = '/';
	}
}

int
main(int argc, char *argv[])
{
	int ch, pflag = 0, rval = 0;
	mode_t mode = 0777;

	while ((ch = getopt(argc, argv, "m:p")) != -1) {
		switch (ch) {
		case 'p':
			pflag = 1;
			break;
		case 'm': {
			char *end;
			long m = strtol(optarg, &end, 8);
			if (*end != '\0' || m < 0 || m > 07777)
				errx(1, "invalid file mode: %s", optarg);
			mode = (mode_t)m;
			break;
		}
		default:
			fprintf(stderr,
			    "usage: mkdir [-p] [-m mode] directory ...\n");
			return 1;
		}
	}
	argv += optind;
	if (*argv == NULL) {
		fprintf(stderr, "usage: mkdir [-p] [-m mode] directory ...\n");
		return 1;
	}
	for (; *argv != NULL; argv++) {
		/* Trailing slashes name the same directory. */
		size_t len = strlen(*argv);
		while (len > 1 && (*argv)[len - 1] == '/')
			(*argv)[--len] = '\0';
		if (pflag) {
			if (mkpath(*argv, mode) < 0)
				rval = 1;
		} else if (mkdir(*argv, mode) < 0) {
			warn("%s", *argv);
			rval = 1;
		}
	}
	return rval;
}
