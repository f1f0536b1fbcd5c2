/*
 * regress/files.c: files and directories through the system calls that
 * name them: open (O_CREAT, O_EXCL, O_TRUNC, O_APPEND), read, write,
 * readv, writev, pread, pwrite, lseek, stat, fstat, lstat, access,
 * chdir, fchdir, __getcwd, mkdir, rmdir, unlink, link, symlink, readlink,
 * rename, chmod, fchmod, chown, umask, utimes, truncate, ftruncate,
 * fsync, getdents (through opendir/readdir), and ioctl(TIOCGETA).
 *
 * Everything happens in the program's scratch directory, on the root
 * file system (ext2 on our kernel).  Descriptors and their flags are
 * fds.c's; bad pointers are efault.c's; permissions as another user are
 * perms.c's.  OpenBSD's regress/sys/kern has the same kind of tests.
 */
#include "regress.h"

/* __getcwd(2) itself, which libc's getcwd(3) wraps. */
static int
raw_getcwd(char *buf, size_t len)
{
#ifdef REGRESS_HOST
	return syscall(SYS_getcwd, buf, len) < 0 ? -1 : 0;
#else
	return __getcwd(buf, len) < 0 ? -1 : 0;
#endif
}

static void
fill(char *buf, size_t len, unsigned seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (char)(seed + i * 7 + (i >> 9));
}

static void
test_open_rw(void)
{
	char buf[64];
	struct stat sb;
	mode_t old;
	int fd;

	old = umask(022);
	CHECK_EQ(old, 022, "umask returns the previous mask");
	fd = CHECK_OK(open("f1", O_RDWR | O_CREAT | O_EXCL, 0666));
	CHECK(fd >= 3, "open returns the lowest free descriptor above 2 (%d)",
	    fd);
	CHECK_OK(fstat(fd, &sb));
	CHECK(S_ISREG(sb.st_mode), "a new file is a regular file");
	CHECK_EQ(sb.st_mode & 07777, 0644, "mode 0666 & ~umask 022");
	CHECK_EQ(sb.st_size, 0, "a new file is empty");
	CHECK_EQ(sb.st_nlink, 1, "a new file has one link");
	CHECK_EQ(sb.st_uid, geteuid(), "a new file belongs to its creator");
	CHECK_ERR(open("f1", O_RDWR | O_CREAT | O_EXCL, 0666), EEXIST);
	CHECK_ERR(open("nonexistent", O_RDONLY), ENOENT);
	CHECK_ERR(open("f1/x", O_RDONLY), ENOTDIR);
	CHECK_ERR(open(".", O_WRONLY), EISDIR);

	CHECK_EQ(write(fd, "hello, world", 12), 12, "write 12 bytes");
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 12, "the offset follows the write");
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0, "lseek SEEK_SET 0");
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(read(fd, buf, sizeof(buf)), 12, "read what was written");
	CHECK(memcmp(buf, "hello, world", 12) == 0, "the same bytes");
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0, "read at the end: 0");
	CHECK_EQ(lseek(fd, -5, SEEK_END), 7, "lseek SEEK_END -5");
	CHECK_EQ(read(fd, buf, 5), 5, "read the last 5");
	CHECK(memcmp(buf, "world", 5) == 0, "they are \"world\"");
	CHECK_EQ(lseek(fd, -7, SEEK_CUR), 5, "lseek SEEK_CUR -7");
	CHECK_ERR(lseek(fd, -100, SEEK_CUR), EINVAL);
	CHECK_ERR(lseek(fd, 0, 42), EINVAL);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 5, "a failed lseek moves nothing");

	/* A write past the end leaves a hole that reads as zeros. */
	CHECK_EQ(lseek(fd, 100000, SEEK_SET), 100000, "lseek past the end");
	CHECK_EQ(write(fd, "x", 1), 1, "write past the end");
	CHECK_OK(fstat(fd, &sb));
	CHECK_EQ(sb.st_size, 100001, "the size grew to the write");
	CHECK_EQ(pread(fd, buf, 8, 50000), 8, "pread in the hole");
	CHECK(memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0, "a hole reads zeros");
	close(fd);

	/* O_RDONLY and O_WRONLY descriptors refuse the other direction. */
	fd = CHECK_OK(open("f1", O_RDONLY));
	CHECK_ERR(write(fd, "x", 1), EBADF);
	close(fd);
	fd = CHECK_OK(open("f1", O_WRONLY));
	CHECK_ERR(read(fd, buf, 1), EBADF);
	close(fd);

	/* O_TRUNC empties it. */
	fd = CHECK_OK(open("f1", O_RDWR | O_TRUNC));
	CHECK_OK(fstat(fd, &sb));
	CHECK_EQ(sb.st_size, 0, "O_TRUNC makes the file empty");
	close(fd);

	/* O_APPEND writes at the end whatever the offset. */
	CHECK_OK(rg_write_file("f2", "abc", 3, 0644));
	fd = CHECK_OK(open("f2", O_RDWR | O_APPEND));
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0, "lseek to 0 on O_APPEND");
	CHECK_EQ(write(fd, "def", 3), 3, "write on O_APPEND");
	CHECK_EQ(pread(fd, buf, 6, 0), 6, "pread the whole file");
	CHECK(memcmp(buf, "abcdef", 6) == 0, "O_APPEND wrote at the end");
	close(fd);
	CHECK_EQ(umask(077), 022, "umask returns the mask set before");
	fd = CHECK_OK(open("f3", O_RDWR | O_CREAT, 0666));
	CHECK_OK(fstat(fd, &sb));
	CHECK_EQ(sb.st_mode & 07777, 0600, "mode 0666 & ~umask 077");
	close(fd);
	umask(022);
}

static void
test_vector_io(void)
{
	struct iovec iov[3];
	char a[5], b[1], c[7], all[16];
	int fd;

	fd = CHECK_OK(open("v", O_RDWR | O_CREAT | O_TRUNC, 0644));
	iov[0].iov_base = (void *)"first";
	iov[0].iov_len = 5;
	iov[1].iov_base = (void *)"";
	iov[1].iov_len = 0;
	iov[2].iov_base = (void *)"-second";
	iov[2].iov_len = 7;
	CHECK_EQ(writev(fd, iov, 3), 12, "writev of 5 + 0 + 7 bytes");
	CHECK_EQ(pread(fd, all, 12, 0), 12, "pread them back");
	CHECK(memcmp(all, "first-second", 12) == 0, "writev wrote in order");

	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0, "rewind");
	iov[0].iov_base = a;
	iov[0].iov_len = sizeof(a);
	iov[1].iov_base = b;
	iov[1].iov_len = sizeof(b);
	iov[2].iov_base = c;
	iov[2].iov_len = sizeof(c);
	CHECK_EQ(readv(fd, iov, 3), 12, "readv into 5 + 1 + 7 bytes");
	CHECK(memcmp(a, "first", 5) == 0 && b[0] == '-' &&
	    memcmp(c, "second", 6) == 0, "readv scattered in order");
	CHECK_ERR(readv(fd, iov, -1), EINVAL);
	CHECK_ERR(writev(fd, iov, 100000), EINVAL);

	/* pread and pwrite leave the offset alone. */
	CHECK_EQ(lseek(fd, 3, SEEK_SET), 3, "lseek to 3");
	CHECK_EQ(pwrite(fd, "XY", 2, 0), 2, "pwrite at 0");
	CHECK_EQ(pread(fd, all, 4, 0), 4, "pread at 0");
	CHECK(memcmp(all, "XYrs", 4) == 0, "pwrite replaced two bytes");
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 3, "pread/pwrite kept the offset");
	CHECK_ERR(pread(fd, all, 1, -1), EINVAL);
	close(fd);
}

/* A file bigger than the direct blocks, written and read in odd pieces. */
static void
test_big_file(void)
{
	static char out[300 * 1024], in[sizeof(out)];
	size_t off, n;
	int fd, ok = 1;

	fill(out, sizeof(out), 17);
	fd = CHECK_OK(open("big", O_RDWR | O_CREAT | O_TRUNC, 0644));
	for (off = 0; off < sizeof(out); off += n) {
		n = 4093;
		if (n > sizeof(out) - off)
			n = sizeof(out) - off;
		if (write(fd, out + off, n) != (ssize_t)n)
			ok = 0;
	}
	CHECK(ok, "write 300 KiB in 4093-byte pieces");
	CHECK_OK(fsync(fd));
	close(fd);
	fd = CHECK_OK(open("big", O_RDONLY));
	memset(in, 0, sizeof(in));
	for (off = 0, ok = 1; off < sizeof(in); off += n) {
		ssize_t r = read(fd, in + off, 10000);
		if (r <= 0) {
			ok = 0;
			break;
		}
		n = r;
	}
	CHECK(ok && off == sizeof(in), "read 300 KiB back in 10000-byte reads");
	CHECK(memcmp(in, out, sizeof(in)) == 0, "the big file is intact");
	close(fd);
	CHECK_OK(unlink("big"));
}

static void
test_stat(void)
{
	struct stat sb, sb2;
	int fd;

	CHECK_OK(rg_write_file("s", "12345", 5, 0640));
	CHECK_OK(stat("s", &sb));
	CHECK_EQ(sb.st_size, 5, "stat size");
	CHECK_EQ(sb.st_mode & 07777, 0640, "stat mode");
	fd = CHECK_OK(open("s", O_RDONLY));
	CHECK_OK(fstat(fd, &sb2));
	CHECK(sb.st_ino == sb2.st_ino && sb.st_dev == sb2.st_dev,
	    "stat and fstat see the same inode");
	close(fd);
	CHECK_OK(lstat("s", &sb2));
	CHECK(sb.st_ino == sb2.st_ino, "lstat on a file is stat");
	CHECK_OK(stat(".", &sb));
	CHECK(S_ISDIR(sb.st_mode), "\".\" is a directory");
	CHECK_EQ(sb.st_nlink, 2, "an empty directory has 2 links");
	CHECK_OK(mkdir("sub", 0755));
	CHECK_OK(stat(".", &sb));
	CHECK_EQ(sb.st_nlink, 3, "a subdirectory adds a link (its ..)");
	CHECK_OK(stat("sub/..", &sb2));
	CHECK(sb.st_ino == sb2.st_ino, "sub/.. is .");
	CHECK_OK(rmdir("sub"));
	CHECK_ERR(stat("", &sb), ENOENT);
	CHECK_ERR(stat("s/", &sb), ENOTDIR);
	CHECK_OK(stat("/", &sb));
	CHECK_OK(stat("/..", &sb2));
	CHECK(sb.st_ino == sb2.st_ino, "/.. is /");
#ifndef REGRESS_HOST
	/* The system disk has the device nodes (tools/mkdisk). */
	CHECK_OK(stat("/dev/null", &sb));
	CHECK(S_ISCHR(sb.st_mode), "/dev/null is a character device");
#endif
	CHECK_OK(unlink("s"));
}

static void
test_access(void)
{
	CHECK_OK(rg_write_file("acc", "x", 1, 0644));
	CHECK_OK(access("acc", F_OK));
	CHECK_OK(access("acc", R_OK | W_OK));
	/* Even root needs one execute bit to execute. */
	CHECK_ERR(access("acc", X_OK), EACCES);
	CHECK_OK(chmod("acc", 0744));
	CHECK_OK(access("acc", X_OK));
	CHECK_ERR(access("nope", F_OK), ENOENT);
	CHECK_ERR(access("acc", 0x100), EINVAL);
	CHECK_OK(access(".", X_OK));
	CHECK_OK(unlink("acc"));
}

static void
test_cwd(void)
{
	char before[PATH_MAX], now[PATH_MAX], tiny[2];
	int dfd, ffd;
	size_t n;

	CHECK(getcwd(before, sizeof(before)) != NULL, "getcwd");
	CHECK(strcmp(before, rg_tmpdir) == 0,
	    "getcwd is the scratch directory (%s)", before);
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(chdir("d"));
	CHECK(getcwd(now, sizeof(now)) != NULL, "getcwd after chdir");
	n = strlen(now);
	CHECK(n > 2 && strcmp(now + n - 2, "/d") == 0 &&
	    strncmp(now, before, strlen(before)) == 0,
	    "getcwd after chdir d is %s/d (%s)", before, now);
	CHECK_OK(chdir(".."));
	CHECK(getcwd(now, sizeof(now)) != NULL && strcmp(now, before) == 0,
	    "chdir .. comes back");
	dfd = CHECK_OK(open("d", O_RDONLY));
	CHECK_OK(fchdir(dfd));
	CHECK(getcwd(now, sizeof(now)) != NULL &&
	    strcmp(now + strlen(now) - 2, "/d") == 0, "fchdir to d");
	CHECK_OK(chdir(before));
	ffd = CHECK_OK(open("plain", O_RDWR | O_CREAT, 0644));
	CHECK_ERR(fchdir(ffd), ENOTDIR);
	CHECK_ERR(chdir("plain"), ENOTDIR);
	CHECK_ERR(chdir("nowhere"), ENOENT);
	CHECK_OK(raw_getcwd(now, sizeof(now)));
	CHECK(strcmp(now, before) == 0, "__getcwd agrees with getcwd");
	CHECK_ERR(raw_getcwd(tiny, sizeof(tiny)), ERANGE);
	CHECK_OK(chdir("/"));
	CHECK(getcwd(now, sizeof(now)) != NULL && strcmp(now, "/") == 0,
	    "getcwd at the root is \"/\"");
	CHECK_OK(chdir(before));
	close(dfd);
	close(ffd);
	CHECK_OK(unlink("plain"));
	CHECK_OK(rmdir("d"));
}

static void
test_dirs(void)
{
	struct stat sb;

	CHECK_OK(mkdir("dd", 0750));
	CHECK_OK(stat("dd", &sb));
	CHECK(S_ISDIR(sb.st_mode) && (sb.st_mode & 0777) == 0750,
	    "mkdir makes a directory with its mode");
	CHECK_ERR(mkdir("dd", 0755), EEXIST);
	CHECK_ERR(mkdir("no/such", 0755), ENOENT);
	CHECK_OK(rg_write_file("dd/f", "", 0, 0644));
	CHECK_ERR(rmdir("dd"), ENOTEMPTY);
	CHECK_ERR(rmdir("dd/f"), ENOTDIR);
	CHECK_ERR(rmdir("dd/."), EINVAL);
	CHECK_ERR(mkdir("dd/f", 0755), EEXIST);
#ifdef REGRESS_HOST
	CHECK_ERR(unlink("dd"), EISDIR);	/* Linux says EISDIR */
#else
	CHECK_ERR(unlink("dd"), EPERM);		/* OpenBSD: EPERM */
#endif
	CHECK_OK(unlink("dd/f"));
	CHECK_ERR(unlink("dd/f"), ENOENT);
	CHECK_OK(rmdir("dd"));
	CHECK_ERR(rmdir("dd"), ENOENT);
}

static void
test_links(void)
{
	struct stat a, b;
	char buf[64];
	int fd;

	CHECK_OK(rg_write_file("orig", "data", 4, 0644));
	CHECK_OK(link("orig", "hard"));
	CHECK_OK(stat("orig", &a));
	CHECK_OK(stat("hard", &b));
	CHECK(a.st_ino == b.st_ino, "a hard link is the same inode");
	CHECK_EQ(a.st_nlink, 2, "two links");
	CHECK_ERR(link("orig", "hard"), EEXIST);
	CHECK_ERR(link("none", "x"), ENOENT);
	CHECK_OK(mkdir("ldir", 0755));
	CHECK_ERR(link("ldir", "ldir2"), EPERM);

	/* A file unlinked while open lives on until closed. */
	fd = CHECK_OK(open("hard", O_RDONLY));
	CHECK_OK(unlink("hard"));
	CHECK_OK(unlink("orig"));
	CHECK_ERR(stat("orig", &a), ENOENT);
	CHECK_OK(fstat(fd, &a));
	CHECK_EQ(a.st_nlink, 0, "an unlinked open file has no links");
	CHECK_EQ(read(fd, buf, sizeof(buf)), 4, "it can still be read");
	close(fd);

	/* Symbolic links. */
	CHECK_OK(rg_write_file("target", "0123456789", 10, 0644));
	CHECK_OK(symlink("target", "sl"));
	CHECK_OK(lstat("sl", &a));
	CHECK(S_ISLNK(a.st_mode), "lstat sees the link");
	CHECK_EQ(a.st_size, 6, "a link's size is its target's length");
	CHECK_OK(stat("sl", &b));
	CHECK(S_ISREG(b.st_mode) && b.st_size == 10, "stat follows it");
	memset(buf, 'Z', sizeof(buf));
	CHECK_EQ(readlink("sl", buf, sizeof(buf)), 6, "readlink length");
	CHECK(memcmp(buf, "target", 6) == 0 && buf[6] == 'Z',
	    "readlink writes the target, without a NUL");
	CHECK_EQ(readlink("sl", buf, 3), 3, "readlink into 3 bytes");
	CHECK_ERR(readlink("target", buf, sizeof(buf)), EINVAL);
	CHECK_ERR(symlink("x", "sl"), EEXIST);
	fd = CHECK_OK(open("sl", O_RDONLY));
	CHECK_EQ(read(fd, buf, 10), 10, "open follows the link");
	close(fd);
	CHECK_OK(symlink("missing", "dangling"));
	CHECK_ERR(stat("dangling", &a), ENOENT);
	CHECK_OK(lstat("dangling", &a));
	CHECK_OK(symlink("loop2", "loop1"));
	CHECK_OK(symlink("loop1", "loop2"));
	CHECK_ERR(stat("loop1", &a), ELOOP);
	CHECK_ERR(open("loop1", O_RDONLY), ELOOP);
	CHECK_OK(symlink("ldir", "sldir"));
	CHECK_OK(rg_write_file("sldir/in", "", 0, 0644));
	CHECK_OK(stat("ldir/in", &a));
	CHECK_OK(unlink("sl"));
	CHECK_ERR(lstat("sl", &a), ENOENT);
	CHECK_OK(stat("target", &a));
	rg_rmtree("ldir");
}

static void
test_rename(void)
{
	struct stat a, b;
	char buf[8];
	int fd;

	CHECK_OK(rg_write_file("r1", "one", 3, 0644));
	CHECK_OK(rg_write_file("r2", "two", 3, 0644));
	CHECK_OK(stat("r1", &a));
	CHECK_OK(rename("r1", "r3"));
	CHECK_ERR(stat("r1", &b), ENOENT);
	CHECK_OK(stat("r3", &b));
	CHECK(a.st_ino == b.st_ino, "rename keeps the inode");
	CHECK_OK(rename("r3", "r2"));
	fd = CHECK_OK(open("r2", O_RDONLY));
	CHECK(read(fd, buf, 3) == 3 && memcmp(buf, "one", 3) == 0,
	    "rename over a file replaces it");
	close(fd);
	CHECK_ERR(rename("nothing", "r4"), ENOENT);
	CHECK_OK(mkdir("rd", 0755));
	CHECK_OK(mkdir("rd/sub", 0755));
	CHECK_ERR(rename("rd", "rd/sub/x"), EINVAL);
	CHECK_ERR(rename("r2", "rd"), EISDIR);
	CHECK_ERR(rename("rd", "r2"), ENOTDIR);
	CHECK_OK(mkdir("rd2", 0755));
	CHECK_OK(mkdir("rd2/full", 0755));
	CHECK_ERR(rename("rd", "rd2"), ENOTEMPTY);
	CHECK_OK(rename("rd/sub", "rd2/moved"));
	CHECK_OK(stat("rd2/moved/..", &a));
	CHECK_OK(stat("rd2", &b));
	CHECK(a.st_ino == b.st_ino, "a moved directory's .. follows it");
	CHECK_OK(stat("rd", &a));
	CHECK_EQ(a.st_nlink, 2, "the old parent lost the link of ..");
	CHECK_OK(rename("r2", "r2"));
	CHECK_OK(stat("r2", &a));
	rg_rmtree("rd");
	rg_rmtree("rd2");
	unlink("r2");
}

static void
test_attrs(void)
{
	struct timeval tv[2], now;
	struct stat sb;
	int fd;

	fd = CHECK_OK(open("at", O_RDWR | O_CREAT | O_TRUNC, 0644));
	CHECK_OK(chmod("at", 0600));
	CHECK_OK(fstat(fd, &sb));
	CHECK_EQ(sb.st_mode & 07777, 0600, "chmod 0600");
	CHECK_OK(fchmod(fd, 04755));
	CHECK_OK(stat("at", &sb));
	CHECK_EQ(sb.st_mode & 07777, 04755, "fchmod 04755");
	CHECK_OK(chown("at", 1000, 1000));
	CHECK_OK(stat("at", &sb));
	CHECK(sb.st_uid == 1000 && sb.st_gid == 1000, "chown 1000:1000");
#ifdef REGRESS_HOST
	/* Linux clears set-user-id on any chown of a file. */
	CHECK_EQ(sb.st_mode & 04000, 0, "chown clears set-user-id");
#else
	/* OpenBSD (ufs_chown) clears it only when not root does it. */
	CHECK_EQ(sb.st_mode & 04000, 04000, "root's chown keeps set-user-id");
#endif
	CHECK_OK(fchown(fd, 0, 0));
	CHECK_OK(fstat(fd, &sb));
	CHECK(sb.st_uid == 0 && sb.st_gid == 0, "fchown 0:0");
	CHECK_OK(chown("at", -1, -1));
	CHECK_OK(stat("at", &sb));
	CHECK(sb.st_uid == 0 && sb.st_gid == 0, "chown -1 -1 changes nothing");
	CHECK_ERR(chmod("none", 0644), ENOENT);

	tv[0].tv_sec = 1000000000;
	tv[0].tv_usec = 0;
	tv[1].tv_sec = 1234567890;
	tv[1].tv_usec = 0;
	CHECK_OK(utimes("at", tv));
	CHECK_OK(stat("at", &sb));
	CHECK_EQ(sb.st_atim.tv_sec, 1000000000, "utimes sets atime");
	CHECK_EQ(sb.st_mtim.tv_sec, 1234567890, "utimes sets mtime");
	CHECK_OK(utimes("at", NULL));
	CHECK_OK(gettimeofday(&now, NULL));
	CHECK_OK(stat("at", &sb));
	CHECK(sb.st_mtim.tv_sec >= now.tv_sec - 5 &&
	    sb.st_mtim.tv_sec <= now.tv_sec + 1,
	    "utimes NULL sets now (%lld vs %lld)",
	    (long long)sb.st_mtim.tv_sec, (long long)now.tv_sec);
	tv[0].tv_usec = 1000000;
	CHECK_ERR(utimes("at", tv), EINVAL);

	/* A write moves mtime. */
	tv[0].tv_usec = 0;
	CHECK_OK(utimes("at", tv));
	CHECK_EQ(write(fd, "x", 1), 1, "write");
	CHECK_OK(fstat(fd, &sb));
	CHECK(sb.st_mtim.tv_sec >= now.tv_sec - 5, "a write updates mtime");
	close(fd);
	CHECK_OK(unlink("at"));
}

static void
test_truncate(void)
{
	char buf[4096];
	struct stat sb;
	int fd, i, zero = 1;

	fill(buf, sizeof(buf), 3);
	CHECK_OK(rg_write_file("t", buf, sizeof(buf), 0644));
	CHECK_OK(truncate("t", 100));
	CHECK_OK(stat("t", &sb));
	CHECK_EQ(sb.st_size, 100, "truncate shrinks");
	fd = CHECK_OK(open("t", O_RDWR));
	CHECK_OK(ftruncate(fd, 10000));
	CHECK_OK(fstat(fd, &sb));
	CHECK_EQ(sb.st_size, 10000, "ftruncate extends");
	CHECK_EQ(pread(fd, buf, sizeof(buf), 100), (ssize_t)sizeof(buf),
	    "read the extension");
	for (i = 0; i < (int)sizeof(buf); i++)
		if (buf[i] != 0)
			zero = 0;
	CHECK(zero, "old data past a shrink does not come back: zeros");
	CHECK_OK(ftruncate(fd, 0));
	CHECK_EQ(read(fd, buf, 1), 0, "ftruncate 0 empties it");
	CHECK_ERR(ftruncate(fd, -1), EINVAL);
	close(fd);
	fd = CHECK_OK(open("t", O_RDONLY));
	CHECK_ERR(ftruncate(fd, 0), EINVAL);
	CHECK_OK(fsync(fd));
	close(fd);
	CHECK_ERR(truncate(".", 0), EISDIR);
	CHECK_ERR(truncate("none", 0), ENOENT);
	CHECK_OK(unlink("t"));
}

static void
test_readdir(void)
{
	enum { N = 40 };
	int seen[N], dots = 0, other = 0, i, dup = 0, all = 1;
	struct dirent *de;
	char name[32];
	DIR *d;

	CHECK_OK(mkdir("rdir", 0755));
	for (i = 0; i < N; i++) {
		/* Long and short names, so records have many sizes. */
		snprintf(name, sizeof(name), "rdir/%.*s%d", i % 20,
		    "abcdefghijklmnopqrstuvwxyz", i);
		if (rg_write_file(name, "", 0, 0644) == -1)
			all = 0;
		seen[i] = 0;
	}
	CHECK(all, "create %d files", N);
	CHECK_OK(unlink("rdir/abc3"));	/* a hole in the directory */
	seen[3] = 1;
	d = opendir("rdir");
	CHECK(d != NULL, "opendir");
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		const char *p = de->d_name;
		if (strcmp(p, ".") == 0 || strcmp(p, "..") == 0) {
			dots++;
			continue;
		}
		while (*p >= 'a' && *p <= 'z')
			p++;
		i = atoi(p);
		if (*p == '\0' || i < 0 || i >= N) {
			other++;
			continue;
		}
		if (seen[i]++)
			dup++;
	}
	closedir(d);
	for (i = 0, all = 1; i < N; i++)
		if (seen[i] != 1)
			all = 0;
	CHECK_EQ(dots, 2, "readdir returns . and ..");
	CHECK(all && dup == 0 && other == 0,
	    "readdir returns each file once (dup %d, other %d)", dup, other);
	CHECK_ERR(opendir("rdir/abcde5") == NULL ? -1 : 0, ENOTDIR);
	rg_rmtree("rdir");
}

static void
test_ioctl(void)
{
	struct termios t;
	int fd;

#ifdef REGRESS_HOST
	/* The host has no console of ours: a pseudo-terminal is a tty. */
	fd = CHECK_OK(open("/dev/ptmx", O_RDWR | O_NOCTTY));
	CHECK_OK(tcgetattr(fd, &t));
#else
	fd = CHECK_OK(open("/dev/console", O_RDWR));
	CHECK_OK(ioctl(fd, TIOCGETA, &t));
#endif
	CHECK(isatty(fd), "isatty on the console");
	close(fd);
	fd = CHECK_OK(open("tty-not", O_RDWR | O_CREAT, 0644));
#ifdef REGRESS_HOST
	CHECK_ERR(ioctl(fd, TCGETS, &t), ENOTTY);
#else
	CHECK_ERR(ioctl(fd, TIOCGETA, &t), ENOTTY);
#endif
	CHECK(!isatty(fd), "isatty on a file is 0");
	close(fd);
}

int
main(void)
{
	regress_begin("files");
	umask(022);
	test_open_rw();
	test_vector_io();
	test_big_file();
	test_stat();
	test_access();
	test_cwd();
	test_dirs();
	test_links();
	test_rename();
	test_attrs();
	test_truncate();
	test_readdir();
	test_ioctl();
	return regress_end();
}
