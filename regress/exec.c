/*
 * regress/exec.c: execve(2): the new image gets exactly the arguments and
 * environment it was given (regress/helper echoes them back through a
 * pipe), keeps the pid and the parent, and the errors of an image that
 * cannot run: ENOENT, EACCES (no execute bit, a directory), ENOEXEC (text
 * without #!, a broken ELF header, an empty file), ENOTDIR, and E2BIG for
 * argument lists longer than ARG_MAX.  A failed execve leaves the caller
 * as it was.  vfork(2) followed by execve, too.
 *
 * OpenBSD: kern_exec.c (sys_execve: copying argv/envp in, check_exec,
 * the exec switch) and exec_elf.c.
 */
#include "regress.h"

static const char *helper;

/*
 * run_capture: execve path with argv and envp in a child whose standard
 * output is a pipe; read everything it writes into out (NUL-terminated).
 * => returns the wait status; *outlen the bytes read.
 */
static int
run_capture(const char *path, char *const argv[], char *const envp[],
    char *out, size_t outsz, size_t *outlen)
{
	int p[2], st;
	size_t n = 0;
	ssize_t r;
	pid_t pid;

	if (pipe(p) == -1)
		return -1;
	pid = fork();
	if (pid == -1)
		return -1;
	if (pid == 0) {
		close(p[0]);
		if (dup2(p[1], 1) == -1)
			_exit(98);
		close(p[1]);
		execve(path, argv, envp);
		_exit(99);
	}
	close(p[1]);
	while (n < outsz - 1 && (r = read(p[0], out + n, outsz - 1 - n)) > 0)
		n += r;
	out[n] = '\0';
	close(p[0]);
	*outlen = n;
	st = rg_wait(pid);
	return st;
}

static void
test_args(void)
{
	char *argv[] = { (char *)"helper", (char *)"echo", (char *)"a b",
	    (char *)"", (char *)"ccc\tx", NULL };
	char *envp[] = { (char *)"FOO=bar", (char *)"EMPTY=",
	    (char *)"X=1=2", NULL };
	char *noenv[] = { NULL };
	static const char want[] =
	    "argc=5\n"
	    "argv[0]=helper\nargv[1]=echo\nargv[2]=a b\nargv[3]=\n"
	    "argv[4]=ccc\tx\n"
	    "envp[0]=FOO=bar\nenvp[1]=EMPTY=\nenvp[2]=X=1=2\n";
	static char out[64 * 1024];
	size_t n;
	int st;

	st = run_capture(helper, argv, envp, out, sizeof(out), &n);
	CHECK(EXITED_WITH(st, 0), "execve helper echo (%s)", rg_status(st));
	CHECK(strcmp(out, want) == 0, "argv and envp arrive exactly "
	    "(got %zu bytes: %.60s...)", n, out);

	argv[2] = NULL;
	st = run_capture(helper, argv, noenv, out, sizeof(out), &n);
	CHECK(EXITED_WITH(st, 0) &&
	    strcmp(out, "argc=2\nargv[0]=helper\nargv[1]=echo\n") == 0,
	    "an empty environment (got %.60s)", out);
}

/* Many arguments, and large ones, under ARG_MAX. */
static void
test_many_args(void)
{
	static char out[256 * 1024];
	char **argv, *big, want[64];
	size_t n;
	int i, st, nargs = 1000;

	argv = calloc(nargs + 4, sizeof(char *));
	big = malloc(20001);
	CHECK(argv != NULL && big != NULL, "malloc");
	if (argv == NULL || big == NULL)
		return;
	memset(big, 'q', 20000);
	big[20000] = '\0';
	argv[0] = (char *)"helper";
	argv[1] = (char *)"echo";
	for (i = 2; i < nargs; i++)
		argv[i] = i % 100 == 0 ? big : (char *)"arg";
	argv[nargs] = NULL;
	st = run_capture(helper, argv, environ, out, sizeof(out), &n);
	snprintf(want, sizeof(want), "argc=%d\n", nargs);
	CHECK(EXITED_WITH(st, 0) && strncmp(out, want, strlen(want)) == 0,
	    "1000 arguments, 9 of them 20000 bytes: %s (%s)", want,
	    rg_status(st));
	CHECK(strstr(out, "argv[900]=qqqq") != NULL &&
	    strstr(out, "argv[999]=arg\n") != NULL, "and they arrive");
	free(argv);
	free(big);
}

static void
test_e2big(void)
{
	char **argv, *chunk;
	long argmax;
	int i, n;

#ifdef REGRESS_HOST
	argmax = sysconf(_SC_ARG_MAX);	/* glibc has no ARG_MAX macro */
#else
	argmax = ARG_MAX;
#endif
	/* Chunks of 64 KiB: Linux also limits one string to 128 KiB. */
	n = argmax / 65536 + 2;
	argv = calloc(n + 3, sizeof(char *));
	chunk = malloc(65536);
	CHECK(argv != NULL && chunk != NULL, "malloc for E2BIG");
	if (argv == NULL || chunk == NULL)
		return;
	memset(chunk, 'e', 65535);
	chunk[65535] = '\0';
	argv[0] = (char *)"helper";
	argv[1] = (char *)"echo";
	for (i = 0; i < n; i++)
		argv[2 + i] = chunk;
	argv[2 + n] = NULL;
	CHECK_ERRN(execve(helper, argv, environ), E2BIG,
	    "execve with %d x 64 KiB of arguments (ARG_MAX %ld)", n, argmax);
	/* The same in the environment. */
	argv[2] = NULL;
	CHECK_ERRN(execve(helper, argv, argv + 3), E2BIG,
	    "execve with %d x 64 KiB of environment", n - 1);
	free(argv);
	free(chunk);
}

static void
test_bad_images(void)
{
	char *argv[] = { (char *)"x", NULL };
	static const char elfjunk[64] = "\177ELF";

	CHECK_ERR(execve("no-such-file", argv, environ), ENOENT);
	CHECK_ERR(execve("no/such/dir", argv, environ), ENOENT);
	CHECK_OK(rg_write_file("text", "hello, world\n", 13, 0755));
	CHECK_ERRN(execve("text", argv, environ), ENOEXEC,
	    "execve of a text file without #!");
	CHECK_OK(rg_write_file("noexec", "hello, world\n", 13, 0644));
	CHECK_ERRN(execve("noexec", argv, environ), EACCES,
	    "execve of a file without x permission");
	CHECK_OK(rg_write_file("elfjunk", elfjunk, sizeof(elfjunk), 0755));
	CHECK_ERRN(execve("elfjunk", argv, environ), ENOEXEC,
	    "execve of an ELF magic with a zeroed header");
	CHECK_OK(rg_write_file("empty", "", 0, 0755));
	CHECK_ERRN(execve("empty", argv, environ), ENOEXEC,
	    "execve of an empty file");
	CHECK_OK(mkdir("dir", 0755));
	CHECK_ERRN(execve("dir", argv, environ), EACCES,
	    "execve of a directory");
	CHECK_ERRN(execve("text/x", argv, environ), ENOTDIR,
	    "execve through a file as a directory");
	/* After all that we are still ourselves. */
	CHECK(access("text", F_OK) == 0 && rg_count > 0,
	    "a failed execve leaves the process as it was");
}

static void
test_same_process(void)
{
	char *argv[] = { (char *)"helper", (char *)"pid", NULL };
	char out[128], want[128];
	int p[2], st;
	ssize_t n;
	pid_t pid;

	CHECK_OK(pipe(p));
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execve(helper, argv, environ);
		_exit(99);
	}
	close(p[1]);
	n = read(p[0], out, sizeof(out) - 1);
	out[n > 0 ? n : 0] = '\0';
	close(p[0]);
	st = rg_wait(pid);
	snprintf(want, sizeof(want), "pid=%d ppid=%d\n", (int)pid,
	    (int)getpid());
	CHECK(EXITED_WITH(st, 0) && strcmp(out, want) == 0,
	    "exec keeps the pid and the parent (want %.20s, got %.40s)",
	    want, out);
}

static volatile int vfork_shared;

static void
test_vfork(void)
{
	char *argv[] = { (char *)"helper", (char *)"exit", (char *)"3", NULL };
	int st;
	pid_t pid;

	vfork_shared = 0;
	pid = vfork();
	if (pid == 0) {
		/* OpenBSD's vfork lends the child our address space
		 * until it execs or exits (the libc stub counts on it). */
		vfork_shared = 1;
		execve(helper, argv, environ);
		_exit(99);
	}
	CHECK(pid > 0, "vfork");
	CHECK_EQ(vfork_shared, 1, "a vfork child runs in our memory, not a "
	    "copy");
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 3), "vfork + execve helper exit 3 (%s)",
	    rg_status(st));
	pid = vfork();
	if (pid == 0)
		_exit(4);
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 4), "vfork + _exit 4 (%s)", rg_status(st));
}

int
main(void)
{
	regress_begin("exec");
	helper = strdup(rg_prog("helper"));
	CHECK_OK(access(helper, X_OK));
	test_args();
	test_many_args();
	test_e2big();
	test_bad_images();
	test_same_process();
	test_vfork();
	return regress_end();
}
