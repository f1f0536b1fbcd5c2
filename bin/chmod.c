/*
 * bin/chmod.c: chmod(1), change file modes.
 *
 *	chmod [-R] mode file ...
 *
 * mode is octal (755) or symbolic: clauses [ugoa]*[+-=][rwxXst]*
 * separated by commas ("u+x", "go-w", "a=r,u+w"); who defaults to a,
 * less the umask for + and -.  X is x for directories and for files
 * that some already may execute.  -R changes whole trees.  As OpenBSD's
 * bin/chmod/chmod.c with setmode(3) inlined.
 */
#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *modearg;
static int rflag, rval;

/* The new mode for a file of mode old; -1 if modearg is malformed. */
static long
newmode(mode_t old)
{
	const char *p = modearg;

	if (*p >= '0' && *p <= '7') {
		char *end;
		long m = strtol(p, &end, 8);
		if (*end != '\0' || m > 07777)
			return -1;
		return (old & ~07777) | m;
	}
	mode_t m = old & 07777;
	mode_t mask = umask(0);
	umask(mask);
	for (;;) {
		mode_t who = 0;
		for (;; p++) {
			if (*p == 'u')
				who |= S_ISUID | S_IRWXU;
			else if (*p == 'g')
				who |= S_ISGID | S_IRWXG;
			else if (*p == 'o')
				who |= S_IRWXO;
			else if (*p == 'a')
				who |= 07777;
			else
				break;
		}
		if (*p != '+' && *p != '-' && *p != '=')
			return -1;
		while (*p == '+' || *p == '-' || *p == '=') {
			char op = *p++;
			mode_t bits = 0;
			for (; *p != '\0' && strchr("rwxXst", *p) != NULL; p++) {
				switch (*p) {
				case 'r': bits |= S_IRUSR | S_IRGRP | S_IROTH; break;
				case 'w': bits |= S_IWUSR | S_IWGRP | S_IWOTH; break;
				case 'x': bits |= S_IXUSR | S_IXGRP | S_IXOTH; break;
				case 'X':
					if (S_ISDIR(old) || (old & 0111))
						bits |= S_IXUSR | S_IXGRP |
						    S_IXOTH;
					break;
				case 's': bits |= S_ISUID | S_ISGID; break;
				case 't': bits |= S_ISVTX; break;
				}
			}
			mode_t w = who ? who : (07777 & ~mask);
			if (op == '=')
				m &= ~(who ? who : 07777);
			if (op == '-')
				m &= ~(bits & w);
			else
				m |= bits & w;
		}
		if (*p == '\0')
			return (old & ~07777) | m;
		if (*p++ != ',')
			return -1;
	}
}

static void
change(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) < 0) {
		warn("%s", path);
		rval = 1;
		return;
	}
	long m = newmode(sb.st_mode);
	if (m < 0)
		errx(1, "invalid file mode: %s", modearg);
	if (chmod(path, (mode_t)m & 07777) < 0) {
		warn("%s", path);
		rval = 1;
	}
	if (!rflag || !S_ISDIR(sb.st_mode))
		return;
	DIR *d = opendir(path);
	if (d == NULL) {
		warn("%s", path);
		rval = 1;
		return;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		char *child = malloc(strlen(path) + strlen(de->d_name) + 2);
		if (child == NULL)
			err(1, NULL);
		sprintf(child, "%s/%s", path, de->d_name);
		change(child);
		free(child);
	}
	closedir(d);
}

int
main(int argc, char *argv[])
{
	int ch;

	while ((ch = getopt(argc, argv, "R")) != -1) {
		if (ch != 'R') {
			fprintf(stderr, "usage: chmod [-R] mode file ...\n");
			return 1;
		}
		rflag = 1;
	}
	argc -= optind;
	argv += optind;
	if (argc < 2) {
		fprintf(stderr, "usage: chmod [-R] mode file ...\n");
		return 1;
	}
	modearg = argv[0];
	if (newmode(0) < 0)
		errx(1, "invalid file mode: %s", modearg);
	for (int i = 1; i < argc; i++)
		change(argv[i]);
	return rval;
}
