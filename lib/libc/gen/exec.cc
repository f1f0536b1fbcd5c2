/*
 * lib/libc/gen/exec.cc: the exec family over execve(2) (execl, execle,
 * execlp, execv, execvp) and system(3).
 *
 * The l-forms gather their arguments into an array on the stack; the
 * p-forms search the directories of $PATH (default "/bin:/usr/bin") for a
 * name without a "/", as OpenBSD's lib/libc/gen/exec.c does, trying the
 * next directory when one has no such file.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

/* Count the NULL-terminated list after arg0. */
int
count_args(const char *arg0, va_list ap)
{
	int n = 1;

	if (arg0 == nullptr)
		return 0;
	while (va_arg(ap, const char *) != nullptr)
		n++;
	return n;
}

/*
 * fill_args: argv[0..n-1] from arg0 and the list in *ap (n from
 * count_args), argv[n] null; *ap is left past the list's NULL, where
 * execle's environment is.
 */
void
fill_args(char **argv, int n, const char *arg0, va_list *ap)
{
	if (n > 0)
		argv[0] = (char *)arg0;
	for (int k = 1; k <= n; k++)	/* argv[n] reads the NULL */
		argv[k] = va_arg(*ap, char *);
	argv[n] = nullptr;
}

} // namespace

extern "C" {

int
execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

int
execvp(const char *file, char *const argv[])
{
	if (*file == '\0') {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/') != nullptr)
		return execve(file, argv, environ);

	const char *path = getenv("PATH");
	if (path == nullptr)
		path = "/bin:/usr/bin";
	int saved = ENOENT;
	char buf[PATH_MAX];
	while (path != nullptr) {
		const char *colon = strchr(path, ':');
		size_t dlen = colon ? (size_t)(colon - path) : strlen(path);
		size_t flen = strlen(file);
		if (dlen + 1 + flen + 1 <= sizeof(buf)) {
			/* An empty entry is the current directory. */
			if (dlen == 0)
				buf[0] = '.', dlen = 1;
			else
				memcpy(buf, path, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, file, flen + 1);
			execve(buf, argv, environ);
			if (errno == EACCES)
				saved = EACCES;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		path = colon ? colon + 1 : nullptr;
	}
	errno = saved;
	return -1;
}

int
execl(const char *path, const char *arg, ...)
{
	va_list ap;

	va_start(ap, arg);
	int n = count_args(arg, ap);
	va_end(ap);
	char *argv[n + 1];
	va_start(ap, arg);
	fill_args(argv, n, arg, &ap);
	va_end(ap);
	return execve(path, argv, environ);
}

int
execlp(const char *file, const char *arg, ...)
{
	va_list ap;

	va_start(ap, arg);
	int n = count_args(arg, ap);
	va_end(ap);
	char *argv[n + 1];
	va_start(ap, arg);
	fill_args(argv, n, arg, &ap);
	va_end(ap);
	return execvp(file, argv);
}

/* execl with the environment after the terminating NULL. */
int
execle(const char *path, const char *arg, ...)
{
	va_list ap;

	va_start(ap, arg);
	int n = count_args(arg, ap);
	va_end(ap);
	char *argv[n + 1];
	va_start(ap, arg);
	fill_args(argv, n, arg, &ap);
	char **envp = va_arg(ap, char **);
	va_end(ap);
	return execve(path, argv, envp);
}

/* Run command with /bin/sh -c; => its wait status, or -1. */
int
system(const char *command)
{
	if (command == nullptr)
		return access("/bin/sh", X_OK) == 0;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", command, (char *)nullptr);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

} // extern "C"
