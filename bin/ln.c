/*
 * bin/ln.c: ln(1), make links.
 *
 *	ln [-fs] source [target]
 *	ln [-fs] source ... directory
 *
 * A hard link (link(2)), or with -s a symbolic one (symlink(2)); -f
 * removes an existing target first.  A missing target, or a directory,
 * gets the source's last component as the new name.  As OpenBSD's
 * bin/ln/ln.c.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fflag, sflag;

static int
linkit(const char *source, const char *target, int isdir)
{
	char *path = NULL;

	if (isdir) {
		const char *base = strrchr(source, '/');
		base = base != NULL ? base + 1 : source;
		path = malloc(strlen(target) + strlen(base) + 2);
		if (path == NULL)
			err(1, NULL);
		sprintf(path, "%s/%s", target, base);
		target = path;
	}
	if (!sflag) {
		struct stat sb;
		if (stat(source, &sb) < 0) {
			warn("%s", source);
			free(path);
			return 1;
		}
	}
	if (fflag && unlink(target) < 0 && errno != ENOENT) {
		warn("%s", target);
		free(path);
		return 1;
	}
	if ((sflag ? symlink(source, target) : link(source, target)) < 0) {
		warn("%s", target);
		free(path);
		return 1;
	}
	free(path);
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: ln [-fs] source [target]\n"
	    "       ln [-fs] source ... directory\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	int ch, rval = 0;
	struct stat sb;

	while ((ch = getopt(argc, argv, "fs")) != -1) {
		switch (ch) {
		case 'f':
			fflag = 1;
			break;
		case 's':
			sflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage();
	if (argc == 1)
		return linkit(argv[0], ".", 1);
	const char *target = argv[argc - 1];
	int isdir = stat(target, &sb) == 0 && S_ISDIR(sb.st_mode);
	if (argc == 2)
		return linkit(argv[0], target, isdir);
	if (!isdir)
		usage();
	for (int i = 0; i < argc - 1; i++)
		rval |= linkit(argv[i], target, 1);
	return rval;
}
