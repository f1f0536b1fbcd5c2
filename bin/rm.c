/*
 * bin/rm.c: rm(1), remove directory entries.
 *
 *	rm [-fRr] file ...
 *
 * -r (or -R) removes directories and everything below them, depth
 * first; -f says nothing about files that do not exist and makes the
 * exit status 0 for them.  "." and ".." are never removed.  As OpenBSD's
 * bin/rm/rm.c, whose messages these are (it walks the tree with fts(3),
 * this one with opendir(3) and recursion).
 */
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fflag, rflag, rval;

static void
rm_tree(const char *path)
{
	struct stat sb;

	if (lstat(path, &sb) < 0) {
		if (!fflag || errno != ENOENT) {
			warn("%s", path);
			rval = 1;
		}
		return;
	}
	if (!S_ISDIR(sb.st_mode)) {
		if (unlink(path) < 0) {
			warn("%s", path);
			rval = 1;
		}
		return;
	}
	if (!rflag) {
		warnx("%s: is a directory", path);
		rval = 1;
		return;
	}
	DIR *d = opendir(path);
	if (d == NULL) {
		warn("%s", path);
		rval = 1;
		return;
	}
	/* Names first, then removal: the directory changes under readdir. */
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		names = realloc(names, (n + 1) * sizeof(char *));
		char *child = malloc(strlen(path) + strlen(de->d_name) + 2);
		if (names == NULL || child == NULL)
			err(1, NULL);
		sprintf(child, "%s/%s", path, de->d_name);
		names[n++] = child;
	}
	closedir(d);
	for (size_t i = 0; i < n; i++) {
		rm_tree(names[i]);
		free(names[i]);
	}
	free(names);
	if (rmdir(path) < 0) {
		warn("%s", path);
		rval = 1;
	}
}

/* Is the last component of path "." or ".."? */
static int
dotdot(const char *path)
{
	const char *p = path + strlen(path);

	while (p > path && p[-1] == '/')
		p--;
	const char *end = p;
	while (p > path && p[-1] != '/')
		p--;
	return (end - p == 1 && p[0] == '.') ||
	    (end - p == 2 && p[0] == '.' && p[1] == '.');
}

int
main(int argc, char *argv[])
{
	int ch;

	while ((ch = getopt(argc, argv, "fiPRr")) != -1) {
		switch (ch) {
		case 'f':
			fflag = 1;
			break;
		case 'R':
		case 'r':
			rflag = 1;
			break;
		case 'i':
		case 'P':
			break;
		default:
			fprintf(stderr, "usage: rm [-fiPRr] file ...\n");
			return 1;
		}
	}
	argv += optind;
	if (*argv == NULL) {
		if (fflag)
			return 0;
		fprintf(stderr, "usage: rm [-fiPRr] file ...\n");
		return 1;
	}
	for (; *argv != NULL; argv++) {
		if (dotdot(*argv)) {
			warnx("\".\" and \"..\" may not be removed");
			rval = 1;
			continue;
		}
		rm_tree(*argv);
	}
	return rval;
}
