/*
 * bin/sh/main.c: the shell's main loop, its input, its memory and its
 * background jobs.
 *
 *	sh [-eixn] [-c string [name [arg ...]] | file [arg ...]]
 *
 * With -c the string is the program; with a file, the file is (and $0 is
 * its name, $1... the arguments); with neither, standard input is, and
 * the shell is interactive when standard input and standard error are
 * terminals (or -i says so): it prints a prompt ($PS1, by default "# "
 * for root and "$ " for others; "> " ($PS2) when a command continues on
 * the next line), reports background jobs that finished, and survives
 * SIGINT.  A login shell (argv[0] starting with '-', as init and login
 * start it) first reads /etc/profile and $HOME/.profile.
 *
 * Commands are read a line at a time (more while a command is unfinished),
 * parsed (parse.c) and run (exec.c).  Standard input that is not a terminal
 * is read a byte at a time, so that the commands the shell runs find the
 * rest of it unread, as sh(1) must: `sh <script' where the script runs
 * `read x' reads the script's next line.
 *
 * Messages go to standard error as ksh words them: "sh: foo: not found",
 * or "script[12]: foo: not found" when running a script.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

int	interactive;
int	exitstatus;
pid_t	lastbg;
pid_t	shellpid;
int	xflag, eflag, nflag;
const char *arg0 = "sh";
int	lineno;
volatile int intrpending;
extern char **environ;
static const char *scriptname;	/* for messages: the script running */
static int depth;		/* nesting of command loops */

/* ---- memory -------------------------------------------------------- */

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL) {
		shwarn("out of memory");
		exit(2);
	}
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL) {
		shwarn("out of memory");
		exit(2);
	}
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * The arena: parse trees live here and go all at once when the command
 * is done (sreset).  A tree defining a function is kept (skeep): the
 * function's body is part of it.
 */
struct chunk {
	struct chunk	*next;
	size_t		used, size;
	/* the memory follows */
};
static struct chunk *arena;

void *
salloc(size_t n)
{
	n = (n + 7) & ~(size_t)7;
	if (arena == NULL || arena->used + n > arena->size) {
		size_t size = n > 4096 ? n : 4096;
		struct chunk *c = xmalloc(sizeof(*c) + size);
		c->next = arena;
		c->used = 0;
		c->size = size;
		arena = c;
	}
	void *p = (char *)(arena + 1) + arena->used;
	arena->used += n;
	return p;
}

char *
sstrndup(const char *s, size_t n)
{
	char *p = salloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
sstrdup(const char *s)
{
	return sstrndup(s, strlen(s));
}

static void
sreset(void)
{
	while (arena != NULL) {
		struct chunk *c = arena;
		arena = c->next;
		free(c);
	}
}

/* Keep what is in the arena for good. */
static void
skeep(void)
{
	arena = NULL;
}

void
sl_add(struct strlist *sl, char *s)
{
	if (sl->n + 2 > sl->cap) {
		sl->cap = sl->cap ? sl->cap * 2 : 16;
		sl->v = xrealloc(sl->v, sl->cap * sizeof(char *));
	}
	sl->v[sl->n++] = s;
	sl->v[sl->n] = NULL;
}

void
sl_free(struct strlist *sl)
{
	for (int i = 0; i < sl->n; i++)
		free(sl->v[i]);
	free(sl->v);
	sl->v = NULL;
	sl->n = sl->cap = 0;
}

/* ---- messages and leaving ---------------------------------------------- */

void
shwarn(const char *fmt, ...)
{
	char buf[512];
	int n;
	va_list ap;

	if (scriptname != NULL)
		n = snprintf(buf, sizeof(buf), "%s[%d]: ", scriptname, lineno);
	else
		n = snprintf(buf, sizeof(buf), "sh: ");
	va_start(ap, fmt);
	vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);	/* room for \n */
	va_end(ap);
	n = strlen(buf);
	buf[n] = '\n';
	write(2, buf, n + 1);
}

void
sh_exit(int status)
{
	fflush(NULL);
	exit(status & 0xff);
}

/* ---- background jobs --------------------------------------------------- */

#define NJOBS	32

static struct job {
	pid_t	pid;		/* 0: the slot is free */
	char	*what;		/* the command, as typed */
} jobs[NJOBS];

/* A background job started; its number is its slot's, from 1. */
void
job_add(pid_t pid, const char *what)
{
	for (int i = 0; i < NJOBS; i++) {
		if (jobs[i].pid == 0) {
			jobs[i].pid = pid;
			jobs[i].what = xstrdup(what);
			if (interactive)
				dprintf(2, "[%d] %ld\n", i + 1, (long)pid);
			return;
		}
	}
	if (interactive)
		dprintf(2, "%ld\n", (long)pid);
}

/* pid has ended with wait status st: forget it, saying so if we talk. */
static void
job_done(pid_t pid, int st)
{
	for (int i = 0; i < NJOBS; i++) {
		if (jobs[i].pid != pid)
			continue;
		if (interactive) {
			char how[64];
			if (WIFSIGNALED(st))
				snprintf(how, sizeof(how), "%s",
				    strsignal(WTERMSIG(st)));
			else if (WEXITSTATUS(st) != 0)
				snprintf(how, sizeof(how), "Done (%d)",
				    WEXITSTATUS(st));
			else
				snprintf(how, sizeof(how), "Done");
			dprintf(2, "[%d] + %s %s\n", i + 1, how, jobs[i].what);
		}
		free(jobs[i].what);
		jobs[i].pid = 0;
		return;
	}
}

/*
 * jobs_reap: collect children that have ended.  block 0: only those
 * already gone (before a prompt); block 1: wait for which (-1: all).
 */
void
jobs_reap(int block, pid_t which)
{
	int st;

	for (;;) {
		pid_t pid = waitpid(which, &st, block ? 0 : WNOHANG);
		if (pid < 0 && errno == EINTR) {
			if (intrpending)
				return;
			continue;
		}
		if (pid <= 0)
			return;
		if (which > 0)
			exitstatus = WIFEXITED(st) ? WEXITSTATUS(st) :
			    128 + WTERMSIG(st);
		job_done(pid, st);
		if (which > 0)
			return;
	}
}

void
jobs_list(void)
{
	for (int i = 0; i < NJOBS; i++)
		if (jobs[i].pid != 0)
			printf("[%d] %ld Running %s\n", i + 1,
			    (long)jobs[i].pid, jobs[i].what);
}

/* ---- input --------------------------------------------------------- */

struct input {
	int	fd;
	int	bytewise;	/* leave the rest unread for our children */
	char	buf[512];
	int	pos, len;
};

/*
 * Append the next line (with its newline) to *line.
 * => 1 a line, 0 end of input, -1 interrupted (interactive SIGINT)
 */
static int
readline(struct input *in, char **line, size_t *len, size_t *cap)
{
	int got = 0;

	for (;;) {
		if (in->pos >= in->len) {
			ssize_t n = read(in->fd, in->buf,
			    in->bytewise ? 1 : sizeof(in->buf));
			if (n < 0 && errno == EINTR) {
				if (intrpending && interactive)
					return -1;
				continue;
			}
			if (n <= 0)
				return got;
			in->pos = 0;
			in->len = n;
		}
		char c = in->buf[in->pos++];
		if (*len + 2 > *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*line = xrealloc(*line, *cap);
		}
		(*line)[(*len)++] = c;
		(*line)[*len] = '\0';
		got = 1;
		if (c == '\n') {
			lineno++;
			return 1;
		}
	}
}

static void
prompt(int more)
{
	const char *ps;

	if (more)
		ps = getvar("PS2") ? getvar("PS2") : "> ";
	else if ((ps = getvar("PS1")) == NULL)
		ps = geteuid() == 0 ? "# " : "$ ";
	write(2, ps, strlen(ps));
}

/*
 * cmdloop: read, parse and run commands from in until its end (or, in a
 * `.' file, a return).  The parse tree of each command is freed after
 * it ran, unless a command loop further out is still running its own.
 */
static int
cmdloop(struct input *in)
{
	char *text = NULL;
	size_t len = 0, cap = 0;
	int top = interactive && in->fd == 0;

	depth++;
	for (;;) {
		if (top) {
			if (len == 0)
				jobs_reap(0, -1);
			intrpending = 0;
			prompt(len > 0);
		}
		int r = readline(in, &text, &len, &cap);
		if (r < 0) {
			write(2, "\n", 1);
			len = 0;
			continue;
		}
		if (r == 0 && len == 0)
			break;
		struct node *tree;
		int keep = 0;
		int p = parse(text, &tree, &keep);
		if (p == P_INCOMPLETE && r > 0)
			continue;	/* read the rest of it */
		len = 0;
		if (p != P_OK) {
			shwarn("%s", p == P_INCOMPLETE ?
			    "syntax error: unexpected end of file" : parse_err);
			exitstatus = 2;
			if (!interactive)
				sh_exit(exitstatus);
		} else if (!nflag)
			run(tree, 0);
		if (keep)
			skeep();
		else if (depth == 1)
			sreset();
		if (!interactive)
			jobs_reap(0, -1);
		if (returning)
			break;
	}
	free(text);
	depth--;
	return exitstatus;
}

/* Run the commands in text (sh -c, eval, $(...)). */
int
run_string(const char *text, const char *name)
{
	struct node *tree;
	int keep = 0;
	int p = parse(text, &tree, &keep);

	if (p != P_OK) {
		shwarn("%s", p == P_INCOMPLETE ?
		    "syntax error: unexpected end of file" : parse_err);
		exitstatus = 2;
		return exitstatus;
	}
	depth++;
	if (!nflag)
		run(tree, 0);
	depth--;
	if (keep)
		skeep();
	return exitstatus;
}

/*
 * Run the commands in the file path (a script, `.', a profile).  With
 * mustexist 0 a missing file is quietly nothing.
 */
int
run_file(const char *path, int mustexist)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		if (mustexist) {
			shwarn("%s: %s", path, strerror(errno));
			exitstatus = errno == ENOENT ? 127 : 126;
		}
		return exitstatus;
	}
	/* Out of the way of the descriptors commands redirect. */
	int hi = fcntl(fd, F_DUPFD, 10);
	if (hi >= 0) {
		close(fd);
		fd = hi;
	}
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	struct input *in = xmalloc(sizeof(*in));
	in->fd = fd;
	in->bytewise = 0;
	in->pos = in->len = 0;
	int savedline = lineno;
	lineno = 0;
	int st = cmdloop(in);
	lineno = savedline;
	returning = 0;
	close(fd);
	free(in);
	return st;
}

/* ---- signals and main ---------------------------------------------------- */

static void
onintr(int sig)
{
	(void)sig;
	intrpending = 1;
}

static void
usage(void)
{
	dprintf(2, "usage: sh [-eixn] [-c string [arg ...] | file [arg ...]]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *command = NULL;
	int iflag = 0, login = argv[0] != NULL && argv[0][0] == '-';
	int i;

	shellpid = getpid();
	import_env(environ);
	if (getvar("PATH") == NULL)
		setvar("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", 1);
	char num[24];
	snprintf(num, sizeof(num), "%ld", (long)getppid());
	setvar("PPID", num, 0);
	char *cwd = getcwd(NULL, 0);
	if (cwd != NULL) {
		setvar("PWD", cwd, 1);
		free(cwd);
	}
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o != '\0'; o++) {
			switch (*o) {
			case 'c':
				command = "";
				break;
			case 'e':
				eflag = 1;
				break;
			case 'i':
				iflag = 1;
				break;
			case 'l':
				login = 1;
				break;
			case 'n':
				nflag = 1;
				break;
			case 'x':
				xflag = 1;
				break;
			case 's':
				break;
			default:
				usage();
			}
		}
	}
	if (command != NULL) {
		if (i >= argc)
			usage();
		command = argv[i++];
		if (i < argc)
			arg0 = argv[i++];
	} else if (i < argc) {
		arg0 = scriptname = argv[i++];
	} else
		arg0 = argv[0];
	posargs = argv + i;
	nposargs = argc - i;

	if (command != NULL)
		sh_exit(run_string(command, NULL));
	if (scriptname != NULL) {
		int st = run_file(scriptname, 1);
		sh_exit(st);
	}

	interactive = iflag || (isatty(0) && isatty(2));
	if (interactive) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = onintr;	/* no SA_RESTART: read gives up */
		/*
		 * XXX The kernel does not run signal handlers yet (no
		 * sendsig/sigreturn: sigaction says EINVAL).  Ignore ^C
		 * then, rather than die of it; the terminal still throws
		 * the typed line away, and commands get SIGINT back.
		 */
		if (sigaction(SIGINT, &sa, NULL) == -1)
			signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
	}
	if (login) {
		run_file("/etc/profile", 0);
		const char *home = getvar("HOME");
		if (home != NULL) {
			char *p = xmalloc(strlen(home) + 16);
			sprintf(p, "%s/.profile", home);
			run_file(p, 0);
			free(p);
		}
	}
	static struct input in;
	in.fd = 0;
	in.bytewise = !isatty(0);
	int st = cmdloop(&in);
	if (interactive)
		write(2, "\n", 1);
	sh_exit(st);
}
