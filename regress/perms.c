/*
 * regress/perms.c: credentials and permissions.  Root may setuid(1000);
 * after that the process is an ordinary user: a 0600 root file gives
 * EACCES, setuid(0) gives EPERM, so do chmod and chown of others' files,
 * creating in a directory without write permission, and a lookup through
 * a directory without search permission.  seteuid keeps the real uid,
 * which access(2) checks; root passes permission bits except execute.
 *
 * Each unprivileged test runs in a child, which notes each step that
 * went wrong (a `#' line) and exits with the number of the first (0: all
 * held); the parent, root, checks that status.
 *
 * OpenBSD: kern/kern_prot.c (setuid, seteuid, setgid, setegid),
 * kern/vfs_subr.c (vaccess), kern/vfs_syscalls.c (access, chmod, chown).
 */
#include "regress.h"

#define USER	1000	/* an unprivileged uid and gid */
#define OTHER	1001

/* Step n failed unless cond: noted, and the first is the exit status. */
static int first_bad;
#define STEP(n, cond) do {						\
	if (!(cond)) {							\
		rg_note("uid %d step %d failed: %s (errno %s)",		\
		    (int)geteuid(), n, #cond, rg_errname(errno));	\
		if (first_bad == 0)					\
			first_bad = (n);				\
	}								\
} while (0)
#define FAILS(n, call, err) \
	STEP(n, (call) == -1 && errno == (err))

static void
ids(void)
{
	CHECK_EQ(getuid(), 0, "the suite runs as root: getuid");
	CHECK_EQ(geteuid(), 0, "geteuid");
	CHECK_EQ(getgid(), 0, "getgid");
	CHECK_EQ(getegid(), 0, "getegid");
}

static int
as_user(void *arg)
{
	int fd;

	STEP(1, setgid(USER) == 0);
	STEP(2, setuid(USER) == 0);
	if (first_bad)
		return first_bad;
	STEP(3, getuid() == USER && geteuid() == USER);
	STEP(4, getgid() == USER && getegid() == USER);
	FAILS(5, open("secret", O_RDONLY), EACCES);
	FAILS(6, open("secret", O_WRONLY), EACCES);
	FAILS(7, setuid(0), EPERM);
	FAILS(8, seteuid(0), EPERM);
	FAILS(9, setgid(0), EPERM);
	FAILS(10, setegid(0), EPERM);
	STEP(11, getuid() == USER && geteuid() == USER);
	/* Only the owner (or root) changes a file's mode or owner. */
	FAILS(12, chmod("secret", 0666), EPERM);
	FAILS(13, chown("secret", USER, USER), EPERM);
	/* No write permission in the directory (root's, 0755). */
	FAILS(14, open("new", O_RDWR | O_CREAT, 0644), EACCES);
	FAILS(15, mkdir("newdir", 0755), EACCES);
	FAILS(16, unlink("secret"), EACCES);
	FAILS(17, rename("secret", "pub/mine"), EACCES);
	/* No search permission: the path cannot be followed. */
	FAILS(18, open("closed/inside", O_RDONLY), EACCES);
	FAILS(19, chdir("closed"), EACCES);
	FAILS(20, access("secret", R_OK), EACCES);
	/* What we create is ours; we may chmod it but not give it away. */
	fd = open("pub/mine", O_RDWR | O_CREAT | O_EXCL, 0644);
	STEP(21, fd >= 0);
	STEP(22, fchmod(fd, 0400) == 0);
	FAILS(23, fchown(fd, OTHER, -1), EPERM);
	/* A group we are not in (the file is already in group 0, the
	 * directory's, so asking for 0 would change nothing: allowed). */
	FAILS(24, chown("pub/mine", -1, OTHER), EPERM);
	close(fd);
	/* Our own 0400 file is read-only for us too. */
	FAILS(25, open("pub/mine", O_WRONLY), EACCES);
	STEP(26, (fd = open("pub/mine", O_RDONLY)) >= 0);
	close(fd);
	/* Nor may we execute root's 0700 program. */
	FAILS(27, access("prog", X_OK), EACCES);
	return first_bad;
}

/* seteuid: effective uid for files, real uid for access(2). */
static int
as_euser(void *arg)
{
	int fd;

	STEP(1, seteuid(USER) == 0);
	STEP(2, getuid() == 0 && geteuid() == USER);
	if (first_bad)
		return first_bad;
	FAILS(3, open("secret", O_RDONLY), EACCES);
	STEP(4, access("secret", R_OK | W_OK) == 0);	/* real uid 0 */
	STEP(5, seteuid(0) == 0);	/* the real uid allows it */
	STEP(6, geteuid() == 0);
	STEP(7, (fd = open("secret", O_RDONLY)) >= 0);
	close(fd);
	STEP(8, setuid(USER) == 0);
	FAILS(9, seteuid(0), EPERM);	/* setuid as root set all three */
	return first_bad;
}

/* Root passes read and write bits, not execute. */
static void
root_bits(void)
{
	int fd;

	CHECK_OK(rg_write_file("none", "x", 1, 0000));
	fd = CHECK_OK(open("none", O_RDWR));
	close(fd);
	CHECK_OK(access("none", R_OK | W_OK));
	CHECK_ERR(access("none", X_OK), EACCES);
	CHECK_OK(chown("none", USER, USER));
	fd = CHECK_OK(open("none", O_RDWR));	/* someone else's, 0000 */
	close(fd);
}

static void
creation(void)
{
	struct stat sb;
	pid_t pid;
	int st;

	pid = fork();
	if (pid == 0) {
		if (setgid(USER) == -1 || setuid(USER) == -1)
			_exit(1);
		_exit(rg_write_file("pub/byuser", "u", 1, 0644) == 0 ? 0 : 2);
	}
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0), "uid %d creates a file in a 0777 directory "
	    "(%s)", USER, rg_status(st));
	CHECK_OK(stat("pub/byuser", &sb));
#ifdef REGRESS_HOST
	/* Linux: the creator's group. */
	CHECK(sb.st_uid == USER && sb.st_gid == USER,
	    "it belongs to %d:%d (%d:%d)", USER, USER, (int)sb.st_uid,
	    (int)sb.st_gid);
#else
	/* BSD: the directory's group (here root's, 0). */
	CHECK(sb.st_uid == USER && sb.st_gid == 0,
	    "it belongs to %d:0, the directory's group (%d:%d)", USER,
	    (int)sb.st_uid, (int)sb.st_gid);
#endif
}

int
main(void)
{
	int st;

	regress_begin("perms");
	ids();
	CHECK_OK(rg_write_file("secret", "root only", 9, 0600));
	CHECK_OK(rg_write_file("prog", "#!/bin/sh\n", 10, 0700));
	CHECK_OK(mkdir("pub", 0777));
	CHECK_OK(chmod("pub", 0777));	/* whatever the umask */
	CHECK_OK(mkdir("closed", 0700));
	CHECK_OK(rg_write_file("closed/inside", "x", 1, 0644));

	st = rg_child(as_user, NULL);
	CHECK(EXITED_WITH(st, 0), "as uid %d: EACCES on a 0600 root file, "
	    "EPERM for setuid(0) and others' files (%s: the first step "
	    "that failed)", USER, rg_status(st));
	st = rg_child(as_euser, NULL);
	CHECK(EXITED_WITH(st, 0), "seteuid(%d) and back; access uses the "
	    "real uid (%s: the first step that failed)", USER,
	    rg_status(st));
	root_bits();
	creation();
	ids();
	return regress_end();
}
