/*
 * regress/limits.c: running out, and coming back.  Descriptors until
 * EMFILE (open, dup, pipe), then one closed and open works again, and a
 * lowered RLIMIT_NOFILE; processes until fork fails with EAGAIN, then
 * everything reaped and fork works again; names until ENAMETOOLONG (a
 * path of PATH_MAX bytes with its NUL passes, one more does not; a
 * component of NAME_MAX bytes passes, NAME_MAX + 1 does not).
 *
 * OpenBSD: kern/kern_descrip.c (fdalloc: EMFILE past RLIMIT_NOFILE),
 * kern/kern_fork.c (fork1: EAGAIN past maxprocess, or for an ordinary
 * user RLIMIT_NPROC), kern/vfs_lookup.c (namei: ENAMETOOLONG).
 */
#include "regress.h"

#define USER	1000

static int
count_open(int limit)
{
	int fd, n = 0;

	for (fd = 0; fd < limit; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			n++;
	return n;
}

static void
test_emfile(void)
{
	struct rlimit rl, low;
	static int fds[4096];
	int n = 0, fd, already, p[2], i;

	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	CHECK(rl.rlim_cur > 3 && rl.rlim_cur <= 4096, "RLIMIT_NOFILE %lld",
	    (long long)rl.rlim_cur);
	if (rl.rlim_cur > 4096)
		return;
	already = count_open(rl.rlim_cur);
	while ((fd = open("/dev/null", O_RDONLY)) != -1 && n < 4096)
		fds[n++] = fd;
	CHECK(fd == -1 && errno == EMFILE, "open until EMFILE");
	CHECK_EQ(n + already, (long long)rl.rlim_cur,
	    "exactly RLIMIT_NOFILE descriptors (%d were open)", already);
	CHECK_ERR(dup(0 + fds[0]), EMFILE);
	CHECK_ERR(fcntl(fds[0], F_DUPFD, 0), EMFILE);
	CHECK_ERR(pipe(p), EMFILE);
	CHECK_ERR(open("/dev/null", O_RDONLY), EMFILE);
	CHECK_ERR(dup2(fds[0], rl.rlim_cur), EBADF);

	/* One free slot: open works, pipe (two) does not. */
	close(fds[--n]);
	CHECK_ERR(pipe(p), EMFILE);
	fd = CHECK_OK(open("/dev/null", O_RDONLY));
	CHECK_EQ(fd, fds[n], "the freed slot is reused");
	fds[n++] = fd;
	while (n > 0)
		close(fds[--n]);
	CHECK_OK(pipe(p));
	close(p[0]);
	close(p[1]);

	/* A lower limit applies at once; raising it back is allowed. */
	/* (The limit is on descriptor numbers: count the free ones.) */
	low = rl;
	low.rlim_cur = 12;
	already = 12 - count_open(12);
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &low));
	for (i = 0; (fd = open("/dev/null", O_RDONLY)) != -1 && i < 100; i++)
		fds[n++] = fd;
	CHECK(fd == -1 && errno == EMFILE && n == already,
	    "RLIMIT_NOFILE lowered to 12: %d more opens (%d)", already, n);
	while (n > 0)
		close(fds[--n]);
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	low.rlim_cur = rl.rlim_max + 1;
	low.rlim_max = rl.rlim_max;
	if (rl.rlim_max < RLIM_INFINITY)
		CHECK_ERRN(setrlimit(RLIMIT_NOFILE, &low), EINVAL,
		    "a soft limit above the hard one");
}

/*
 * fork_until_eagain: in a child that has become uid USER, fork children
 * that wait on a pipe until fork fails.  Reports through out:
 * [0] how many were made, [1] fork's errno, [2] whether all were reaped,
 * [3] whether fork worked again after.
 */
static void
fork_until_eagain(int out)
{
	int hold[2], r[4] = { 0, 0, 0, 0 }, st;
	char c;
	pid_t pid;

#ifdef REGRESS_HOST
	/* Linux does not limit root; this keeps the host safe too. */
	struct rlimit rl = { 200, 200 };
	setrlimit(RLIMIT_NPROC, &rl);
#endif
	if (setgid(USER) == -1 || setuid(USER) == -1)
		_exit(10);
	if (pipe(hold) == -1)
		_exit(11);
	for (;;) {
		pid = fork();
		if (pid == 0) {
			close(hold[1]);
			read(hold[0], &c, 1);	/* EOF: the parent let go */
			_exit(0);
		}
		if (pid == -1) {
			r[1] = errno;
			break;
		}
		if (++r[0] >= 20000)
			break;
	}
	close(hold[1]);
	close(hold[0]);
	r[2] = 1;
	for (st = 0; st < r[0]; st++) {
		int s;
		if (wait(&s) == -1 || !EXITED_WITH(s, 0))
			r[2] = 0;
	}
	if (wait(&st) != -1 || errno != ECHILD)
		r[2] = 0;
	pid = fork();
	if (pid == 0)
		_exit(33);
	r[3] = pid > 0 && waitpid(pid, &st, 0) == pid && EXITED_WITH(st, 33);
	write(out, r, sizeof(r));
	_exit(0);
}

static void
test_nproc(void)
{
	int p[2], r[4], st;
	pid_t pid;

	CHECK_OK(pipe(p));
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		fork_until_eagain(p[1]);
	}
	close(p[1]);
	CHECK_EQ(read(p[0], r, sizeof(r)), (ssize_t)sizeof(r),
	    "the forking child reports");
	close(p[0]);
	st = rg_wait_bounded(pid, 240, NULL);
	CHECK(EXITED_WITH(st, 0), "the forking child finished (%s)",
	    rg_status(st));
	CHECK(r[0] > 1 && r[0] < 20000, "uid %d forked %d processes before "
	    "fork failed", USER, r[0]);
	CHECK(r[1] == EAGAIN, "fork failed with EAGAIN (errno %s)",
	    rg_errname(r[1]));
	CHECK(r[2], "all %d were reaped, then ECHILD", r[0]);
	CHECK(r[3], "fork works again afterwards");
}

/* "./" repeated (".//" first if need be), then name: a path of exactly
 * len bytes that names name in the current directory. */
static char *
long_path(size_t len, const char *name)
{
	char *p = malloc(len + 1);
	size_t n = strlen(name), i = 0;

	if (p == NULL || len < n + 3)
		return NULL;
	if ((len - n) % 2 == 1) {
		memcpy(p, ".//", 3);
		i = 3;
	}
	for (; i + n < len; i += 2)
		memcpy(p + i, "./", 2);
	memcpy(p + i, name, n);
	p[len] = '\0';
	return p;
}

static void
test_names(void)
{
	char comp[NAME_MAX + 2], *ok, *tl;
	struct stat sb;
	int fd;

	CHECK_OK(rg_write_file("f", "", 0, 0644));
	memset(comp, 'n', sizeof(comp));
	comp[NAME_MAX] = '\0';
	fd = CHECK_OK(open(comp, O_RDWR | O_CREAT, 0644));
	close(fd);
	CHECK_OK(stat(comp, &sb));
	CHECK_OK(unlink(comp));
	comp[NAME_MAX] = 'n';
	comp[NAME_MAX + 1] = '\0';
	CHECK_ERRN(open(comp, O_RDWR | O_CREAT, 0644), ENAMETOOLONG,
	    "open O_CREAT of a %d-byte name", NAME_MAX + 1);
	CHECK_ERRN(open(comp, O_RDONLY), ENAMETOOLONG, "open");
	CHECK_ERRN(stat(comp, &sb), ENAMETOOLONG, "stat");
	CHECK_ERRN(lstat(comp, &sb), ENAMETOOLONG, "lstat");
	CHECK_ERRN(mkdir(comp, 0755), ENAMETOOLONG, "mkdir");
	CHECK_ERRN(rmdir(comp), ENAMETOOLONG, "rmdir");
	CHECK_ERRN(unlink(comp), ENAMETOOLONG, "unlink");
	CHECK_ERRN(chdir(comp), ENAMETOOLONG, "chdir");
	CHECK_ERRN(access(comp, F_OK), ENAMETOOLONG, "access");
	CHECK_ERRN(link("f", comp), ENAMETOOLONG, "link");
	CHECK_ERRN(symlink("x", comp), ENAMETOOLONG, "symlink");
	CHECK_ERRN(rename("f", comp), ENAMETOOLONG, "rename");
	CHECK_ERRN(chmod(comp, 0644), ENAMETOOLONG, "chmod");
	CHECK_ERRN(truncate(comp, 0), ENAMETOOLONG, "truncate");
	CHECK_ERRN(execve(comp, NULL, NULL), ENAMETOOLONG, "execve");

	/* PATH_MAX counts the NUL: PATH_MAX - 1 bytes pass, PATH_MAX not. */
	ok = long_path(PATH_MAX - 1, "f");
	tl = long_path(PATH_MAX, "f");
	CHECK(ok != NULL && tl != NULL && strlen(ok) == PATH_MAX - 1 &&
	    strlen(tl) == PATH_MAX, "make paths of %d and %d bytes",
	    PATH_MAX - 1, PATH_MAX);
	if (ok == NULL || tl == NULL)
		return;
	CHECK_OK(stat(ok, &sb));
	CHECK_ERRN(stat(tl, &sb), ENAMETOOLONG, "stat of a %d-byte path",
	    PATH_MAX);
	CHECK_ERRN(open(tl, O_RDONLY), ENAMETOOLONG, "open of it");
	CHECK_ERRN(mkdir(tl, 0755), ENAMETOOLONG, "mkdir of it");
	CHECK_ERRN(chdir(tl), ENAMETOOLONG, "chdir to it");
	CHECK_ERRN(unlink(tl), ENAMETOOLONG, "unlink of it");
	CHECK_ERRN(access(tl, F_OK), ENAMETOOLONG, "access of it");
	free(ok);
	free(tl);
}

int
main(void)
{
	regress_begin("limits");
	test_emfile();
	test_names();
	test_nproc();
	return regress_end();
}
