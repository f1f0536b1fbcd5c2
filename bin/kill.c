/*
 * bin/kill.c: kill(1), send a signal to processes.
 *
 *	kill [-s signal_name] pid ...
 *	kill -signal_name pid ...
 *	kill -signal_number pid ...
 *	kill -l [exit_status]
 *
 * The default signal is TERM.  Names are given without "SIG" (either
 * way is accepted, in any case); -l lists them, or names the signal
 * that killed a process whose shell status ($?) is given.  The table
 * uses the system's own SIG* numbers, so the same source is right on any
 * system.  As OpenBSD's bin/kill/kill.c, whose messages these are.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char	*name;
	int		num;
} sigs[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
	{ "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT },
	{ "FPE", SIGFPE }, { "KILL", SIGKILL }, { "BUS", SIGBUS },
	{ "SEGV", SIGSEGV }, { "SYS", SIGSYS }, { "PIPE", SIGPIPE },
	{ "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "URG", SIGURG },
	{ "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "CONT", SIGCONT },
	{ "CHLD", SIGCHLD }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
	{ "IO", SIGIO }, { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ },
	{ "VTALRM", SIGVTALRM }, { "PROF", SIGPROF }, { "WINCH", SIGWINCH },
	{ "USR1", SIGUSR1 }, { "USR2", SIGUSR2 },
};
#define NSIGS	((int)(sizeof(sigs) / sizeof(sigs[0])))

static const char *
signame(int num)
{
	for (int i = 0; i < NSIGS; i++)
		if (sigs[i].num == num)
			return sigs[i].name;
	return NULL;
}

/* A signal by name (with or without SIG) or number; -1 if unknown. */
static int
signum(const char *s)
{
	if (isdigit((unsigned char)*s)) {
		char *end;
		long n = strtol(s, &end, 10);
		if (*end != '\0' || n < 0 || n >= 64)
			return -1;
		return (int)n;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (int i = 0; i < NSIGS; i++)
		if (strcasecmp(s, sigs[i].name) == 0)
			return sigs[i].num;
	return -1;
}

static void
usage(void)
{
	fprintf(stderr, "usage: kill [-s signal_name] pid ...\n"
	    "       kill -l [exit_status]\n"
	    "       kill -signal_name pid ...\n"
	    "       kill -signal_number pid ...\n");
	exit(2);
}

/* kill -l: the names, sorted by number, as a paragraph. */
static void
list(void)
{
	int col = 0;

	for (int n = 1; n < 64; n++) {
		const char *name = signame(n);
		if (name == NULL)
			continue;
		int w = (int)strlen(name) + 1;
		if (col + w > 72) {
			putchar('\n');
			col = 0;
		}
		printf("%s%s", col ? " " : "", name);
		col += w;
	}
	putchar('\n');
}

int
main(int argc, char *argv[])
{
	int sig = SIGTERM, rval = 0;

	argc--;
	argv++;
	if (argc == 0)
		usage();
	if (strcmp(argv[0], "-l") == 0) {
		if (argc == 1) {
			list();
			return 0;
		}
		int n = atoi(argv[1]);
		if (n >= 128)
			n -= 128;
		const char *name = signame(n);
		if (name == NULL)
			errx(1, "unknown signal %s; valid signals:", argv[1]);
		printf("%s\n", name);
		return 0;
	}
	if (strcmp(argv[0], "-s") == 0) {
		if (argc < 2)
			errx(1, "option requires an argument -- s");
		if ((sig = signum(argv[1])) < 0)
			errx(1, "unknown signal %s; valid signals:", argv[1]);
		argc -= 2;
		argv += 2;
	} else if (argv[0][0] == '-' && argv[0][1] != '\0' &&
	    strcmp(argv[0], "--") != 0) {
		if ((sig = signum(argv[0] + 1)) < 0)
			errx(1, "unknown signal %s; valid signals:",
			    argv[0] + 1);
		argc--;
		argv++;
	}
	if (argc > 0 && strcmp(argv[0], "--") == 0) {
		argc--;
		argv++;
	}
	if (argc == 0)
		usage();
	for (; argc > 0; argc--, argv++) {
		char *end;
		long pid = strtol(argv[0], &end, 10);
		if (argv[0][0] == '\0' || *end != '\0') {
			warnx("illegal process id: %s", argv[0]);
			rval = 1;
			continue;
		}
		if (kill((pid_t)pid, sig) < 0) {
			warn("%s", argv[0]);
			rval = 1;
		}
	}
	return rval;
}
