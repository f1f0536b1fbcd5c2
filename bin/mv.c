/*
 * bin/mv.c: mv(1), move (rename) files.
 *
 *	mv [-fi] source target
 *	mv [-fi] source ... directory
 *
 * A move is rename(2).  OpenBSD's mv falls back to copying and removing
 * when the target is on another file system (EXDEV); with one file
 * system here, that case is only reported.  -f and -i are accepted;
 * mv never asks.  Messages as OpenBSD's bin/mv/mv.c.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
do_move(const char *from, const char *to)
{
	if (rename(from, to) < 0) {
		warn("rename %s to %s", from, to);
		return 1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	int ch, rval = 0;
	struct stat sb;

	while ((ch = getopt(argc, argv, "fiv")) != -1) {
		if (ch == '?') {
			fprintf(stderr, "usage: mv [-fiv] source target\n"
			    "       mv [-fiv] source ... directory\n");
			return 1;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2) {
		fprintf(stderr, "usage: mv [-fiv] source target\n"
		    "       mv [-fiv] source ... directory\n");
		return 1;
	}
	const char *target = argv[argc - 1];
	if (stat(target, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		if (argc > 2)
			errx(1, "%s is not a directory", target);
		return do_move(argv[0], target);
	}
	for (int i = 0; i < argc - 1; i++) {
		char *src = strdup(argv[i]);
		if (src == NULL)
			err(1, NULL);
		size_t len = strlen(src);
		while (len > 1 && src[len - 1] == '/')
			src[--len] = '\0';
		const char *base = strrchr(src, '/');
		base = base != NULL ? base + 1 : src;
		char *to = malloc(strlen(target) + strlen(base) + 2);
		if (to == NULL)
			err(1, NULL);
		sprintf(to, "%s/%s", target, base);
		rval |= do_move(src, to);
		free(to);
		free(src);
	}
	return rval;
}
