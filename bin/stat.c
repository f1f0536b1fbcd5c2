/*
 * bin/stat.c: stat(1), display file status.
 *
 *	stat [-Lx] file ...
 *
 * What stat(2) (lstat(2), unless -L) says about each file.  By default
 * one line in OpenBSD's default format: device, inode, mode, links,
 * owner, group, device type, size, access, modification and change
 * times, preferred block size, blocks, flags and name:
 *
 *	1028 12 -rw-r--r-- 1 root wheel 0 51 "Mar  1 12:00:00 2024" ...
 *
 * With -x, the verbose form, one field a line.  As OpenBSD's
 * usr.bin/stat/stat.c (without its -f format language).
 */
#include <err.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
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

static void
modestr(mode_t m, char *s)
{
	const char *types = "?pc?d?b?-?l?s???";
	const char *rwx = "rwxrwxrwx";

	s[0] = types[(m & S_IFMT) >> 12];
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

static const char *
typename(mode_t m)
{
	switch (m & S_IFMT) {
	case S_IFREG:
		return "Regular File";
	case S_IFDIR:
		return "Directory";
	case S_IFCHR:
		return "Character Device";
	case S_IFBLK:
		return "Block Device";
	case S_IFLNK:
		return "Symbolic Link";
	case S_IFIFO:
		return "Fifo File";
	case S_IFSOCK:
		return "Socket";
	}
	return "???";
}

static const char *
timestr(time_t t, const char *fmt)
{
	static char buf[64];
	struct tm *tm = localtime(&t);

	if (tm == NULL || strftime(buf, sizeof(buf), fmt, tm) == 0)
		snprintf(buf, sizeof(buf), "%lld", (long long)t);
	return buf;
}

static const char *
user(uid_t uid)
{
	static char buf[16];
	struct passwd *pw = getpwuid(uid);

	if (pw != NULL)
		return pw->pw_name;
	snprintf(buf, sizeof(buf), "%u", (unsigned)uid);
	return buf;
}

static const char *
group(gid_t gid)
{
	static char buf[16];
	struct group *gr = getgrgid(gid);

	if (gr != NULL)
		return gr->gr_name;
	snprintf(buf, sizeof(buf), "%u", (unsigned)gid);
	return buf;
}

static void
show(const char *name, const struct stat *sb, int verbose)
{
	char mode[12];

	modestr(sb->st_mode, mode);
	if (!verbose) {
		const char *tf = "%b %e %H:%M:%S %Y";
		printf("%lld %llu %s %u %s %s %lld %lld ",
		    (long long)sb->st_dev, (unsigned long long)sb->st_ino, mode,
		    (unsigned)sb->st_nlink, user(sb->st_uid), group(sb->st_gid),
		    (long long)sb->st_rdev, (long long)sb->st_size);
		printf("\"%s\" ", timestr(sb->st_atim.tv_sec, tf));
		printf("\"%s\" ", timestr(sb->st_mtim.tv_sec, tf));
		printf("\"%s\" ", timestr(sb->st_ctim.tv_sec, tf));
		printf("%ld %lld 0 %s\n", (long)sb->st_blksize,
		    (long long)sb->st_blocks, name);
		return;
	}
	const char *tf = "%a %b %e %H:%M:%S %Y";
	printf("  File: \"%s\"\n", name);
	printf("  Size: %-12lld FileType: %s\n", (long long)sb->st_size,
	    typename(sb->st_mode));
	printf("  Mode: (%04o/%s)         Uid: (%5u/%8s)  Gid: (%5u/%8s)\n",
	    (unsigned)(sb->st_mode & 07777), mode, (unsigned)sb->st_uid,
	    user(sb->st_uid), (unsigned)sb->st_gid, group(sb->st_gid));
	printf("Device: %d,%d   Inode: %llu    Links: %u\n",
	    major(sb->st_dev), minor(sb->st_dev),
	    (unsigned long long)sb->st_ino, (unsigned)sb->st_nlink);
	if (S_ISCHR(sb->st_mode) || S_ISBLK(sb->st_mode))
		printf("Device type: %d,%d\n", major(sb->st_rdev),
		    minor(sb->st_rdev));
	printf("Access: %s\n", timestr(sb->st_atim.tv_sec, tf));
	printf("Modify: %s\n", timestr(sb->st_mtim.tv_sec, tf));
	printf("Change: %s\n", timestr(sb->st_ctim.tv_sec, tf));
}

int
main(int argc, char *argv[])
{
	int ch, Lflag = 0, xflag = 0, rval = 0;

	while ((ch = getopt(argc, argv, "Lx")) != -1) {
		switch (ch) {
		case 'L':
			Lflag = 1;
			break;
		case 'x':
			xflag = 1;
			break;
		default:
			fprintf(stderr, "usage: stat [-Lx] file ...\n");
			return 1;
		}
	}
	argv += optind;
	if (*argv == NULL) {
		fprintf(stderr, "usage: stat [-Lx] file ...\n");
		return 1;
	}
	for (; *argv != NULL; argv++) {
		struct stat sb;
		if ((Lflag ? stat(*argv, &sb) : lstat(*argv, &sb)) < 0) {
			warn("%s", *argv);
			rval = 1;
			continue;
		}
		show(*argv, &sb, xflag);
	}
	return rval;
}
