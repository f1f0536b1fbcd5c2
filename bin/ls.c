/*
 * bin/ls.c: ls(1), list directory contents.
 *
 *	ls [-1AadFilnRrt] [file ...]
 *
 * Each operand that is a file is listed, then each directory's entries
 * (the directory itself with -d).  Entries are sorted by name, or with
 * -t by modification time, newest first; -r reverses.  -a shows names
 * starting with '.', -A all but "." and "..".  -l is the long format:
 *
 *	drwxr-xr-x  2 root  wheel  512 Mar  1 12:00 etc
 *
 * the file's type and permissions, links, owner and group (numbers with
 * -n, or when /etc/passwd and /etc/group do not name them), size (or a
 * device's major and minor numbers), modification time (the year instead
 * of the hour for files older than six months) and name, "-> target" for
 * a symbolic link; a directory's listing starts with its "total" of
 * 512-byte blocks.  -i adds the inode number, -F a character showing the
 * type (/ directory, * executable, @ link, | fifo, = socket), -R lists
 * subdirectories too.  Without -l and -1, output to a terminal is in
 * columns ($COLUMNS wide, else 80).
 *
 * As OpenBSD's bin/ls (ls.c, print.c), whose formats these are.
 */
#include <dirent.h>
#include <err.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <sys/sysmacros.h>
#endif
#ifndef major	/* OpenBSD's dev_t packing (sys/types.h there) */
#define major(x)	((int)(((unsigned)(x) >> 8) & 0xff))
#define minor(x)	((int)(((unsigned)(x) & 0xff) | \
			    (((unsigned)(x) & 0xffff0000) >> 8)))
#endif

struct entry {
	char		*name;		/* as shown */
	char		*path;		/* to stat and descend */
	struct stat	sb;
};

static int f_all, f_almost, f_dir, f_type, f_inode, f_long, f_numeric,
    f_recurse, f_reverse, f_time, f_single;
static int rval;
static time_t now;

static int
compare(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int r;

	if (f_time && x->sb.st_mtim.tv_sec != y->sb.st_mtim.tv_sec)
		r = x->sb.st_mtim.tv_sec > y->sb.st_mtim.tv_sec ? -1 : 1;
	else
		r = strcmp(x->name, y->name);
	return f_reverse ? -r : r;
}

/* The "drwxr-xr-x" of a mode, as strmode(3). */
static void
modestr(mode_t m, char *s)
{
	const char *rwx = "rwxrwxrwx";

	switch (m & S_IFMT) {
	case S_IFDIR:  s[0] = 'd'; break;
	case S_IFCHR:  s[0] = 'c'; break;
	case S_IFBLK:  s[0] = 'b'; break;
	case S_IFLNK:  s[0] = 'l'; break;
	case S_IFIFO:  s[0] = 'p'; break;
	case S_IFSOCK: s[0] = 's'; break;
	default:       s[0] = '-'; break;
	}
	for (int i = 0; i < 9; i++)
		s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	if (m & S_ISUID)
		s[3] = (m & S_IXUSR) ? 's' : 'S';
	if (m & S_ISGID)
		s[6] = (m & S_IXGRP) ? 's' : 'S';
	if (m & S_ISVTX)
		s[9] = (m & S_IXOTH) ? 't' : 'T';
	s[10] = '\0';
}

static char
typechar(mode_t m)
{
	switch (m & S_IFMT) {
	case S_IFDIR:
		return '/';
	case S_IFLNK:
		return '@';
	case S_IFIFO:
		return '|';
	case S_IFSOCK:
		return '=';
	}
	return (m & 0111) ? '*' : '\0';
}

static const char *
user(uid_t uid)
{
	static char buf[16];
	struct passwd *pw = f_numeric ? NULL : getpwuid(uid);

	if (pw != NULL)
		return pw->pw_name;
	snprintf(buf, sizeof(buf), "%u", (unsigned)uid);
	return buf;
}

static const char *
group(gid_t gid)
{
	static char buf[16];
	struct group *gr = f_numeric ? NULL : getgrgid(gid);

	if (gr != NULL)
		return gr->gr_name;
	snprintf(buf, sizeof(buf), "%u", (unsigned)gid);
	return buf;
}

static void
print_long(struct entry *v, int n)
{
	int wlink = 1, wuser = 1, wgroup = 1, wsize = 1, wino = 1;
	char buf[64];

	/* First the widths, so that the columns line up. */
	for (int i = 0; i < n; i++) {
		struct stat *sb = &v[i].sb;
		int w;
		w = snprintf(buf, sizeof(buf), "%u", (unsigned)sb->st_nlink);
		wlink = w > wlink ? w : wlink;
		w = (int)strlen(user(sb->st_uid));
		wuser = w > wuser ? w : wuser;
		w = (int)strlen(group(sb->st_gid));
		wgroup = w > wgroup ? w : wgroup;
		if (S_ISCHR(sb->st_mode) || S_ISBLK(sb->st_mode))
			w = 8;
		else
			w = snprintf(buf, sizeof(buf), "%lld",
			    (long long)sb->st_size);
		wsize = w > wsize ? w : wsize;
		w = snprintf(buf, sizeof(buf), "%llu",
		    (unsigned long long)sb->st_ino);
		wino = w > wino ? w : wino;
	}
	for (int i = 0; i < n; i++) {
		struct stat *sb = &v[i].sb;
		char mode[12];
		if (f_inode)
			printf("%*llu ", wino, (unsigned long long)sb->st_ino);
		modestr(sb->st_mode, mode);
		/* OpenBSD's mode has an 11th column, blank here (no ACLs). */
		printf("%s  %*u %-*s  %-*s  ", mode, wlink,
		    (unsigned)sb->st_nlink, wuser, user(sb->st_uid), wgroup,
		    group(sb->st_gid));
		if (S_ISCHR(sb->st_mode) || S_ISBLK(sb->st_mode))
			printf("%*s%3d, %3d ", wsize - 8, "",
			    major(sb->st_rdev), minor(sb->st_rdev));
		else
			printf("%*lld ", wsize, (long long)sb->st_size);
		time_t t = sb->st_mtim.tv_sec;
		struct tm *tm = localtime(&t);
		const char *fmt = (t > now - 182 * 86400 && t <= now + 3600) ?
		    "%b %e %H:%M" : "%b %e  %Y";
		if (tm == NULL || strftime(buf, sizeof(buf), fmt, tm) == 0)
			strcpy(buf, "?");
		printf("%s %s", buf, v[i].name);
		if (f_type && typechar(sb->st_mode) != '\0')
			putchar(typechar(sb->st_mode));
		if (S_ISLNK(sb->st_mode)) {
			char target[1024];
			ssize_t k = readlink(v[i].path, target,
			    sizeof(target) - 1);
			if (k >= 0) {
				target[k] = '\0';
				printf(" -> %s", target);
			}
		}
		putchar('\n');
	}
}

/* One name as the short formats show it; => the columns it took. */
static int
print_name(struct entry *e, int wino)
{
	int w = 0;

	if (f_inode)
		w += printf("%*llu ", wino, (unsigned long long)e->sb.st_ino);
	w += printf("%s", e->name);
	if (f_type && typechar(e->sb.st_mode) != '\0') {
		putchar(typechar(e->sb.st_mode));
		w++;
	}
	return w;
}

static void
print_entries(struct entry *v, int n)
{
	if (n == 0)
		return;
	if (f_long) {
		print_long(v, n);
		return;
	}
	int wino = 0, maxw = 0;
	char buf[32];
	for (int i = 0; i < n; i++) {
		int w = snprintf(buf, sizeof(buf), "%llu",
		    (unsigned long long)v[i].sb.st_ino);
		wino = w > wino ? w : wino;
	}
	for (int i = 0; i < n; i++) {
		int w = (int)strlen(v[i].name) + (f_type ? 1 : 0) +
		    (f_inode ? wino + 1 : 0);
		maxw = w > maxw ? w : maxw;
	}
	if (f_single) {
		for (int i = 0; i < n; i++) {
			print_name(&v[i], wino);
			putchar('\n');
		}
		return;
	}
	/* Columns, filled top to bottom, as OpenBSD's printcol. */
	int width = 80;
	const char *cols = getenv("COLUMNS");
	if (cols != NULL && atoi(cols) > 0)
		width = atoi(cols);
	int colw = maxw + 2;
	int ncols = width / colw > 0 ? width / colw : 1;
	int nrows = (n + ncols - 1) / ncols;
	for (int r = 0; r < nrows; r++) {
		for (int c = 0; c < ncols; c++) {
			int i = c * nrows + r;
			if (i >= n)
				break;
			int w = print_name(&v[i], wino);
			if ((c + 1) * nrows + r < n)
				printf("%*s", colw - w, "");
		}
		putchar('\n');
	}
}

static int
get_entry(struct entry *e, const char *name, const char *path)
{
	e->name = strdup(name);
	e->path = strdup(path);
	if (e->name == NULL || e->path == NULL)
		err(1, NULL);
	if (lstat(path, &e->sb) < 0) {
		warn("%s", path);
		rval = 1;
		free(e->name);
		free(e->path);
		return -1;
	}
	return 0;
}

static void
free_entries(struct entry *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
	}
	free(v);
}

static void
list_dir(const char *path, int header, int first)
{
	DIR *d = opendir(path);

	if (header)
		printf("%s%s:\n", first ? "" : "\n", path);
	if (d == NULL) {
		warn("%s", path);
		rval = 1;
		return;
	}
	struct entry *v = NULL;
	int n = 0;
	long long blocks = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		const char *nm = de->d_name;
		if (nm[0] == '.' && !f_all) {
			if (!f_almost || strcmp(nm, ".") == 0 ||
			    strcmp(nm, "..") == 0)
				continue;
		}
		v = realloc(v, (n + 1) * sizeof(*v));
		char *child = malloc(strlen(path) + strlen(nm) + 2);
		if (v == NULL || child == NULL)
			err(1, NULL);
		sprintf(child, "%s%s%s", path,
		    path[strlen(path) - 1] == '/' ? "" : "/", nm);
		if (get_entry(&v[n], nm, child) == 0) {
			blocks += v[n].sb.st_blocks;
			n++;
		}
		free(child);
	}
	closedir(d);
	if (n > 0)
		qsort(v, n, sizeof(*v), compare);
	if (f_long)
		printf("total %lld\n", blocks);
	print_entries(v, n);
	if (f_recurse)
		for (int i = 0; i < n; i++)
			if (S_ISDIR(v[i].sb.st_mode) &&
			    strcmp(v[i].name, ".") != 0 &&
			    strcmp(v[i].name, "..") != 0)
				list_dir(v[i].path, 1, 0);
	free_entries(v, n);
}

int
main(int argc, char *argv[])
{
	int ch;

	f_single = !isatty(1);
	while ((ch = getopt(argc, argv, "1AaCdFilnRrt")) != -1) {
		switch (ch) {
		case '1': f_single = 1; break;
		case 'A': f_almost = 1; break;
		case 'a': f_all = 1; break;
		case 'C': f_single = 0; break;
		case 'd': f_dir = 1; break;
		case 'F': f_type = 1; break;
		case 'i': f_inode = 1; break;
		case 'l': f_long = 1; break;
		case 'n': f_long = f_numeric = 1; break;
		case 'R': f_recurse = 1; break;
		case 'r': f_reverse = 1; break;
		case 't': f_time = 1; break;
		default:
			fprintf(stderr,
			    "usage: ls [-1AaCdFilnRrt] [file ...]\n");
			return 1;
		}
	}
	argc -= optind;
	argv += optind;
	now = time(NULL);
	if (argc == 0) {
		static char *dot[] = { ".", NULL };
		argv = dot;
		argc = 1;
	}

	/* Files first, then directories, each group sorted. */
	struct entry *files = calloc(argc, sizeof(*files));
	struct entry *dirs = calloc(argc, sizeof(*dirs));
	int nfiles = 0, ndirs = 0;
	if (files == NULL || dirs == NULL)
		err(1, NULL);
	for (int i = 0; i < argc; i++) {
		struct entry e;
		if (get_entry(&e, argv[i], argv[i]) < 0)
			continue;
		/* A link to a directory named on the line is followed. */
		struct stat sb;
		if (S_ISLNK(e.sb.st_mode) && !f_long && !f_dir &&
		    stat(argv[i], &sb) == 0)
			e.sb = sb;
		if (S_ISDIR(e.sb.st_mode) && !f_dir)
			dirs[ndirs++] = e;
		else
			files[nfiles++] = e;
	}
	qsort(files, nfiles, sizeof(*files), compare);
	qsort(dirs, ndirs, sizeof(*dirs), compare);
	print_entries(files, nfiles);
	for (int i = 0; i < ndirs; i++)
		list_dir(dirs[i].path, argc > 1 || f_recurse,
		    i == 0 && nfiles == 0);
	free_entries(files, nfiles);
	free_entries(dirs, ndirs);
	fflush(stdout);
	return rval;
}
