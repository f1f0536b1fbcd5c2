/*
 * regress/helper.c: a program the other tests execute; not a test itself
 * (regress/run.c does not list it).
 *
 *	helper echo ARG ...	write argc, each argv[i] and each environment
 *				string to standard output, one per line:
 *				"argc=N", "argv[I]=...", "envp[I]=..."
 *	helper fd N		exit 0 if descriptor N is open, 1 if fcntl
 *				says EBADF, 2 on any other answer
 *	helper exit N		exit with status N
 *	helper pid		write "pid=P ppid=Q" to standard output
 *
 * exec.c compares what it reads back with what it passed to execve(2).
 */
#include "regress.h"

static void
put(const char *key, int i, const char *val)
{
	char line[4096];
	size_t n;

	if (i >= 0)
		n = snprintf(line, sizeof(line), "%s[%d]=%s\n", key, i, val);
	else
		n = snprintf(line, sizeof(line), "%s=%s\n", key, val);
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	if (write(1, line, n) != (ssize_t)n)
		_exit(3);
}

int
main(int argc, char *argv[], char *envp[])
{
	char num[16];
	int i;

	if (argc >= 2 && strcmp(argv[1], "echo") == 0) {
		snprintf(num, sizeof(num), "%d", argc);
		put("argc", -1, num);
		for (i = 0; i < argc; i++)
			put("argv", i, argv[i]);
		for (i = 0; envp[i] != NULL; i++)
			put("envp", i, envp[i]);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "fd") == 0) {
		if (fcntl(atoi(argv[2]), F_GETFD) != -1)
			return 0;
		return errno == EBADF ? 1 : 2;
	}
	if (argc == 3 && strcmp(argv[1], "exit") == 0)
		return atoi(argv[2]);
	if (argc == 2 && strcmp(argv[1], "pid") == 0) {
		rg_print("pid=%d ppid=%d\n", (int)getpid(), (int)getppid());
		return 0;
	}
	rg_print("usage: helper echo ARG ... | fd N | exit N | pid\n");
	return 100;
}
