/*
 * regress/fds.c: the descriptor table: dup, dup2, fcntl (F_DUPFD,
 * F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL), close, O_CLOEXEC
 * across fork and exec, O_NONBLOCK, offsets shared between descriptors
 * and across fork, and EBADF from every call that takes a descriptor
 * (-1, 1000, one just closed).
 *
 * OpenBSD keeps the table in struct filedesc (kern_descrip.c): a
 * descriptor is a slot pointing to a struct file, which holds the
 * offset and the status flags; dup and fork share the struct file, so
 * they share those; the close-on-exec flag is the slot's own.
 */
#include "regress.h"

static char helper[PATH_MAX];

/* Run the helper with "fd N" after an exec; its exit code says. */
static int
fd_open_after_exec(int fd)
{
	char num[16];
	char *argv[4];
	pid_t pid;

	snprintf(num, sizeof(num), "%d", fd);
	argv[0] = (char *)"helper";
	argv[1] = (char *)"fd";
	argv[2] = num;
	argv[3] = NULL;
	pid = fork();
	if (pid == -1)
		return -1;
	if (pid == 0) {
		execve(helper, argv, environ);
		_exit(99);
	}
	return rg_wait(pid);
}

static int
fd_is_open(void *arg)
{
	return fcntl((int)(intptr_t)arg, F_GETFD) != -1 ? 0 : 1;
}

static void
test_dup(void)
{
	char buf[8];
	int fd, d, d2;

	fd = CHECK_OK(open("f", O_RDWR | O_CREAT | O_TRUNC, 0644));
	d = CHECK_OK(dup(fd));
	CHECK(d > fd, "dup returns a new descriptor (%d > %d)", d, fd);
	CHECK_EQ(write(fd, "abcdef", 6), 6, "write through the first");
	CHECK_EQ(lseek(d, 0, SEEK_CUR), 6, "the dup shares the offset");
	CHECK_EQ(lseek(d, 2, SEEK_SET), 2, "lseek through the dup");
	CHECK_EQ(read(fd, buf, 2), 2, "read through the first");
	CHECK(memcmp(buf, "cd", 2) == 0, "from the dup's offset");
	CHECK_OK(close(fd));
	CHECK_EQ(pread(d, buf, 6, 0), 6, "the dup works after close");
	/* The lowest free slot is reused. */
	fd = CHECK_OK(dup(d));
	CHECK(fd < d, "dup takes the lowest free descriptor (%d)", fd);

	d2 = CHECK_OK(dup2(d, 20));
	CHECK_EQ(d2, 20, "dup2 to 20");
	CHECK_EQ(lseek(20, 0, SEEK_CUR), lseek(d, 0, SEEK_CUR),
	    "dup2 shares the offset");
	CHECK_EQ(dup2(d, d), d, "dup2 onto itself returns it");
	CHECK_OK(fcntl(d, F_GETFD));
	/* dup2 onto an open descriptor closes it first. */
	CHECK_OK(rg_write_file("g", "G", 1, 0644));
	d2 = CHECK_OK(open("g", O_RDONLY));
	CHECK_EQ(dup2(d, d2), d2, "dup2 onto an open descriptor");
	CHECK_EQ(pread(d2, buf, 1, 0), 1, "read through it");
	CHECK_EQ(buf[0], 'a', "it is now the first file");
	CHECK_ERR(dup2(d, -1), EBADF);
	CHECK_ERR(dup2(d, 1000), EBADF);
	CHECK_ERR(dup2(-1, 21), EBADF);
	CHECK_ERR(fcntl(21, F_GETFD), EBADF);
	close(20);
	close(d2);
	close(d);
	close(fd);
}

static void
test_fcntl(void)
{
	int fd, d, fl;

	fd = CHECK_OK(open("f", O_RDWR));
	d = CHECK_OK(fcntl(fd, F_DUPFD, 10));
	CHECK(d >= 10, "F_DUPFD 10 gives a descriptor >= 10 (%d)", d);
	CHECK_EQ(fcntl(d, F_GETFD), 0, "F_DUPFD clears close-on-exec");
	close(d);
	d = CHECK_OK(fcntl(fd, F_DUPFD_CLOEXEC, 10));
	CHECK_EQ(fcntl(d, F_GETFD), FD_CLOEXEC, "F_DUPFD_CLOEXEC sets it");
	CHECK_EQ(fcntl(fd, F_GETFD), 0, "but not on the original");
	close(d);
	CHECK_ERR(fcntl(fd, F_DUPFD, -1), EINVAL);

	CHECK_OK(fcntl(fd, F_SETFD, FD_CLOEXEC));
	CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC, "F_SETFD FD_CLOEXEC");
	d = CHECK_OK(dup(fd));
	CHECK_EQ(fcntl(d, F_GETFD), 0, "dup does not copy close-on-exec");
	CHECK_OK(fcntl(fd, F_SETFD, 0));
	CHECK_EQ(fcntl(fd, F_GETFD), 0, "F_SETFD 0");

	fl = CHECK_OK(fcntl(fd, F_GETFL));
	CHECK_EQ(fl & O_ACCMODE, O_RDWR, "F_GETFL: O_RDWR");
	CHECK_EQ(fl & (O_APPEND | O_NONBLOCK), 0, "F_GETFL: no flags");
	CHECK_OK(fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK | O_RDONLY));
	fl = CHECK_OK(fcntl(fd, F_GETFL));
	CHECK_EQ(fl & (O_APPEND | O_NONBLOCK), O_APPEND | O_NONBLOCK,
	    "F_SETFL O_APPEND|O_NONBLOCK");
	CHECK_EQ(fl & O_ACCMODE, O_RDWR, "F_SETFL keeps the access mode");
	CHECK_EQ(fcntl(d, F_GETFL) & O_APPEND, O_APPEND,
	    "status flags are shared with the dup");
	CHECK_EQ(pwrite(fd, "zz", 2, 0), 2, "pwrite");
	CHECK_OK(fcntl(fd, F_SETFL, 0));
	CHECK_EQ(fcntl(d, F_GETFL) & (O_APPEND | O_NONBLOCK), 0,
	    "F_SETFL 0 clears them for both");
	CHECK_ERR(fcntl(fd, 9999), EINVAL);
	close(d);
	close(fd);

	fd = CHECK_OK(open("f", O_WRONLY | O_NONBLOCK | O_APPEND));
	fl = CHECK_OK(fcntl(fd, F_GETFL));
	CHECK_EQ(fl & (O_ACCMODE | O_NONBLOCK | O_APPEND),
	    O_WRONLY | O_NONBLOCK | O_APPEND, "open's flags in F_GETFL");
	close(fd);
}

static void
test_cloexec(void)
{
	int fd, keep, st;

	fd = CHECK_OK(open("f", O_RDONLY | O_CLOEXEC));
	CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC, "O_CLOEXEC sets FD_CLOEXEC");
	keep = CHECK_OK(open("f", O_RDONLY));
	st = rg_child(fd_is_open, (void *)(intptr_t)fd);
	CHECK(EXITED_WITH(st, 0), "an O_CLOEXEC descriptor survives fork "
	    "(%s)", rg_status(st));
	st = fd_open_after_exec(fd);
	CHECK(EXITED_WITH(st, 1), "an O_CLOEXEC descriptor is closed by "
	    "exec (helper: %s)", rg_status(st));
	st = fd_open_after_exec(keep);
	CHECK(EXITED_WITH(st, 0), "other descriptors stay open across exec "
	    "(helper: %s)", rg_status(st));
	CHECK_OK(fcntl(keep, F_SETFD, FD_CLOEXEC));
	st = fd_open_after_exec(keep);
	CHECK(EXITED_WITH(st, 1), "F_SETFD FD_CLOEXEC closes it in exec "
	    "(helper: %s)", rg_status(st));
	close(fd);
	close(keep);
}

static int
child_reads(void *arg)
{
	char c;

	/* Move the shared offset by 3 and write through the descriptor. */
	if (read((int)(intptr_t)arg, &c, 1) != 1 || c != 'z')
		return 1;
	if (lseek((int)(intptr_t)arg, 2, SEEK_CUR) != 3)
		return 2;
	return write((int)(intptr_t)arg, "CHILD", 5) == 5 ? 0 : 3;
}

static void
test_fork_shares(void)
{
	char buf[16];
	int fd, st;

	fd = CHECK_OK(open("f", O_RDWR | O_TRUNC));
	CHECK_EQ(write(fd, "zzzzzzzzzz", 10), 10, "write 10");
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0, "rewind");
	st = rg_child(child_reads, (void *)(intptr_t)fd);
	CHECK(EXITED_WITH(st, 0), "the child used the inherited descriptor "
	    "(%s)", rg_status(st));
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 8,
	    "parent and child share the offset");
	CHECK_EQ(pread(fd, buf, 10, 0), 10, "pread");
	CHECK(memcmp(buf, "zzzCHILDzz", 10) == 0,
	    "the child wrote at the shared offset");
	close(fd);
}

/* Every call that takes a descriptor, with the descriptor bad. */
static void
test_ebadf(void)
{
	static const char *names[] = { "-1", "1000", "closed" };
	char buf[64];
	struct iovec iov = { buf, sizeof(buf) };
	struct stat sb;
	struct termios t;
	int bad[3], i, fd;

	/* "closed" is high, so that no call here gets its number again. */
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(dup2(fd, 40), 40, "dup2 to 40");
	CHECK_OK(close(40));
	CHECK_ERR(close(40), EBADF);
	close(fd);
	bad[0] = -1;
	bad[1] = 1000;
	bad[2] = 40;
	for (i = 0; i < 3; i++) {
		int b = bad[i];
		const char *n = names[i];
		CHECK_ERRN(read(b, buf, 1), EBADF, "read(%s)", n);
		CHECK_ERRN(write(b, buf, 1), EBADF, "write(%s)", n);
		CHECK_ERRN(readv(b, &iov, 1), EBADF, "readv(%s)", n);
		CHECK_ERRN(writev(b, &iov, 1), EBADF, "writev(%s)", n);
		CHECK_ERRN(pread(b, buf, 1, 0), EBADF, "pread(%s)", n);
		CHECK_ERRN(pwrite(b, buf, 1, 0), EBADF, "pwrite(%s)", n);
		CHECK_ERRN(lseek(b, 0, SEEK_SET), EBADF, "lseek(%s)", n);
		CHECK_ERRN(fstat(b, &sb), EBADF, "fstat(%s)", n);
		CHECK_ERRN(fchdir(b), EBADF, "fchdir(%s)", n);
		CHECK_ERRN(fchmod(b, 0644), EBADF, "fchmod(%s)", n);
		CHECK_ERRN(fchown(b, 0, 0), EBADF, "fchown(%s)", n);
		CHECK_ERRN(fsync(b), EBADF, "fsync(%s)", n);
		CHECK_ERRN(ftruncate(b, 0), EBADF, "ftruncate(%s)", n);
#ifdef REGRESS_HOST
		CHECK_ERRN(syscall(SYS_getdents64, b, buf, sizeof(buf)),
		    EBADF, "getdents(%s)", n);
		CHECK_ERRN(ioctl(b, TCGETS, &t), EBADF, "ioctl(%s)", n);
#else
		CHECK_ERRN(getdents(b, buf, sizeof(buf)), EBADF,
		    "getdents(%s)", n);
		CHECK_ERRN(ioctl(b, TIOCGETA, &t), EBADF, "ioctl(%s)", n);
#endif
		CHECK_ERRN(fcntl(b, F_GETFD), EBADF, "fcntl F_GETFD(%s)", n);
		CHECK_ERRN(fcntl(b, F_SETFL, 0), EBADF, "fcntl F_SETFL(%s)",
		    n);
		CHECK_ERRN(dup(b), EBADF, "dup(%s)", n);
		CHECK_ERRN(dup2(b, 30), EBADF, "dup2(%s, 30)", n);
		CHECK_ERRN(close(b), EBADF, "close(%s)", n);
		CHECK_ERRN(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, b, 0) ==
		    MAP_FAILED ? -1 : 0, EBADF, "mmap(fd %s)", n);
	}
	/* A descriptor open for the wrong direction. */
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_ERR(write(fd, buf, 1), EBADF);
	CHECK_ERR(pwrite(fd, buf, 1, 0), EBADF);
	close(fd);
}

static void
test_lseek_pipe(void)
{
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_ERR(lseek(p[0], 0, SEEK_CUR), ESPIPE);
	CHECK_ERR(lseek(p[1], 0, SEEK_SET), ESPIPE);
	CHECK_ERR(pread(p[0], p, 1, 0), ESPIPE);
	CHECK_ERR(pwrite(p[1], "x", 1, 0), ESPIPE);
	close(p[0]);
	close(p[1]);
}

int
main(void)
{
	regress_begin("fds");
	snprintf(helper, sizeof(helper), "%s", rg_prog("helper"));
	CHECK_OK(rg_write_file("f", "", 0, 0644));
	test_dup();
	test_fcntl();
	test_cloexec();
	test_fork_shares();
	test_ebadf();
	test_lseek_pipe();
	return regress_end();
}
