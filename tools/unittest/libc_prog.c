/*
 * tools/unittest/libc_prog.c: a small C program against every libc
 * header, linked static with crt0 and libc.a by tools/unittest/libc.cmake's
 * cross-build check: it must compile as C (and, as libc_prog.cc, as C++),
 * link with no undefined symbols, and come out a static ELF32 i386
 * executable whose entry point is _start.  It runs once the kernel has
 * exec.
 */
#include <assert.h>
#include <ctype.h>
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static jmp_buf env;

static int
cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int
main(int argc, char *argv[])
{
	int v[5] = { 3, 1, 4, 1, 5 };
	struct stat sb;
	struct utsname u;
	char buf[64];
	int c;

	while ((c = getopt(argc, argv, "v")) != -1)
		if (c != 'v')
			errx(1, "usage: %s [-v]", argv[0]);
	qsort(v, 5, sizeof(int), cmp);
	assert(v[0] == 1 && v[4] == 5);
	if (setjmp(env) == 0)
		longjmp(env, 7);
	if (stat("/", &sb) != 0)
		warn("stat /");
	uname(&u);
	snprintf(buf, sizeof(buf), "%s %d %-5s|%#x", u.sysname, argc, "ab", 255);
	printf("%s %s\n", buf, getenv("HOME") ? getenv("HOME") : "-");
	char *p = (char *)malloc(100000);
	free(p);
	DIR *d = opendir("/");
	struct dirent *de;
	while (d != NULL && (de = readdir(d)) != NULL)
		puts(de->d_name);
	time_t t = time(NULL);
	strftime(buf, sizeof(buf), "%F %T", gmtime(&t));
	fprintf(stderr, "%s errno %d O_CREAT %#x\n", buf, errno, O_CREAT);
	pid_t pid = fork();
	if (pid == 0)
		_exit(isatty(0));
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
