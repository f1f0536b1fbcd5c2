/*
 * bin/cp.c: cp(1), copy files.
 *
 *	cp [-fpRr] source target
 *	cp [-fpRr] source ... directory
 *
 * A file is copied through a buffer into a file created with the
 * source's permission bits; -R (or -r) copies directories with all
 * they hold; -p also keeps the modification time; -f removes a target
 * that cannot be opened and tries again.  As OpenBSD's bin/cp (cp.c,
 * utils.c), whose messages these are.
 */
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static int fflag, pflag, rflag, rval;

static void copy(const char *from, const char *to);

static void
copy_file(const char *from, const char *to, const struct stat *sb)
{
	int in = open(from, O_RDONLY);

	if (in < 0) {
		warn("%s", from);
		rval = 1;
		return;
	}
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, sb->st_mode & 07777);
	if (out < 0 && fflag && unlink(to) == 0)
		out = open(to, O_WRONLY | O_CREAT | O_TRUNC,
		    sb->st_mode & 07777);
	if (out < 0) {
		warn("%s", to);
		close(in);
		rval = 1;
		return;
	}
	char buf[8192];
	ssize_t n;
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, n - off);
			if (w < 0) {
				warn("%s", to);
				rval = 1;
				goto out;
			}
			off += w;
		}
	}
	if (n < 0) {
		warn("%s", from);
		rval = 1;
	}
out:
	close(in);
	if (close(out) < 0) {
		warn("%s", to);
		rval = 1;
	}
	if (pflag) {
		struct timeval tv[2];
		tv[0].tv_sec = sb->st_atim.tv_sec;
		tv[0].tv_usec = sb->st_atim.tv_nsec / 1000;
		tv[1].tv_sec = sb->st_mtim.tv_sec;
		tv[1].tv_usec = sb->st_mtim.tv_nsec / 1000;
		utimes(to, tv);
	}
}

static void
copy_dir(const char *from, const char *to, const struct stat *sb)
{
	struct stat tsb;

	if (stat(to, &tsb) < 0) {
		if (mkdir(to, (sb->st_mode & 07777) | 0700) < 0) {
			warn("%s", to);
			rval = 1;
			return;
		}
	} else if (!S_ISDIR(tsb.st_mode)) {
		warnx("%s: Not a directory", to);
		rval = 1;
		return;
	}
	DIR *d = opendir(from);
	if (d == NULL) {
		warn("%s", from);
		rval = 1;
		return;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		char *f = malloc(strlen(from) + strlen(de->d_name) + 2);
		char *t = malloc(strlen(to) + strlen(de->d_name) + 2);
		if (f == NULL || t == NULL)
			err(1, NULL);
		sprintf(f, "%s/%s", from, de->d_name);
		sprintf(t, "%s/%s", to, de->d_name);
		copy(f, t);
		free(f);
		free(t);
	}
	closedir(d);
	if (!(sb->st_mode & 0200))
		chmod(to, sb->st_mode & 07777);
}

static void
copy(const char *from, const char *to)
{
	struct stat sb, tsb;

	if ((rflag ? lstat(from, &sb) : stat(from, &sb)) < 0) {
		warn("%s", from);
		rval = 1;
		return;
	}
	if (stat(to, &tsb) == 0 && sb.st_dev == tsb.st_dev &&
	    sb.st_ino == tsb.st_ino) {
		warnx("%s and %s are identical (not copied).", from, to);
		rval = 1;
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		if (!rflag) {
			warnx("%s is a directory (not copied).", from);
			rval = 1;
			return;
		}
		copy_dir(from, to, &sb);
	} else if (S_ISLNK(sb.st_mode)) {
		char link[1024];
		ssize_t n = readlink(from, link, sizeof(link) - 1);
		if (n < 0) {
			warn("%s", from);
			rval = 1;
			return;
		}
		link[n] = '\0';
		unlink(to);
		if (symlink(link, to) < 0) {
			warn("%s", to);
			rval = 1;
		}
	} else
		copy_file(from, to, &sb);
}

static void
usage(void)
{
	fprintf(stderr, "usage: cp [-fpRr] source target\n"
	    "       cp [-fpRr] source ... directory\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	int ch;
	struct stat sb;

	while ((ch = getopt(argc, argv, "fipRr")) != -1) {
		switch (ch) {
		case 'f':
			fflag = 1;
			break;
		case 'p':
			pflag = 1;
			break;
		case 'R':
		case 'r':
			rflag = 1;
			break;
		case 'i':
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2)
		usage();
	const char *target = argv[argc - 1];
	int todir = stat(target, &sb) == 0 && S_ISDIR(sb.st_mode);
	if (argc > 2 && !todir)
		errx(1, "%s is not a directory", target);
	if (!todir) {
		copy(argv[0], target);
		return rval;
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
		copy(src, to);
		free(to);
		free(src);
	}
	return rval;
}
