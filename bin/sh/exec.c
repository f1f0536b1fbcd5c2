/*
 * bin/sh/exec.c: running a parse tree.
 *
 * run() walks the tree.  A simple command is expanded (expand.c); then
 * it is a function, a builtin (run in the shell itself, with its
 * redirections undone afterwards) or a program: the shell forks, the
 * child applies the redirections and execs the program found along
 * $PATH, and the parent waits for it.  A pipeline forks a child per
 * command, each with its standard input and output joined to its
 * neighbours' by pipe(2); the shell waits for all of them and takes the
 * last one's status.  A background command (&) is forked and not waited
 * for: main.c reaps it later.
 *
 * Exit statuses are sh(1)'s: a program's exit code; 128 + N when
 * signal N killed it (the shell then says which, as ksh does:
 * "Segmentation fault (core dumped)"); 127 for a command not found and
 * 126 for one that cannot be run.
 *
 * Redirections in the shell itself (for builtins and compound commands)
 * first save the descriptor they replace, with fcntl(F_DUPFD) to 10 or
 * above and close-on-exec, and put it back afterwards.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

int	breakcount, contcount, returning;
int	inloop, infunc;
int	condition;
static int bgchild;		/* in a child running a background job */

/* fork(2), with our buffered output written first, not twice. */
static pid_t
sh_fork(void)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		shwarn("cannot fork - %s", strerror(errno));
	return pid;
}

/*
 * A forked child that runs shell code: it is not interactive, and the
 * signals an interactive shell catches or ignores are the default again
 * (a background job keeps SIGINT and SIGQUIT ignored instead).
 */
void
child_setup(int bg)
{
	interactive = 0;
	if (bg)
		bgchild = 1;
	if (bgchild) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
	} else {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
	}
	signal(SIGTERM, SIG_DFL);
}

/* The shell's status for a wait(2) status, reporting deaths by signal. */
static int
status_of(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st)) {
		int sig = WTERMSIG(st);
		if (sig == SIGINT) {
			if (interactive)
				write(2, "\n", 1);
		} else if (sig != SIGPIPE)
			dprintf(2, "%s%s\n", strsignal(sig),
			    WCOREDUMP(st) ? " (core dumped)" : "");
		return 128 + sig;
	}
	return 128 + WSTOPSIG(st);
}

/* Wait for the child pid; => its status as the shell counts it. */
int
waitstatus(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR)
			return 127;
	}
	return status_of(st);
}

/* ---- redirections ------------------------------------------------------- */

static void
save_fd(int **savedp, int fd)
{
	int n = 0;

	if (*savedp != NULL)
		while ((*savedp)[n] != -1)
			n += 2;
	*savedp = xrealloc(*savedp, (n + 3) * sizeof(int));
	int copy = fcntl(fd, F_DUPFD, 10);
	if (copy >= 0)
		fcntl(copy, F_SETFD, FD_CLOEXEC);
	(*savedp)[n] = fd;
	(*savedp)[n + 1] = copy;	/* -1: fd was closed */
	(*savedp)[n + 2] = -1;
}

/* Put back what apply_redirs saved, last first. */
void
undo_redirs(int *saved)
{
	int n = 0;

	if (saved == NULL)
		return;
	while (saved[n] != -1)
		n += 2;
	while ((n -= 2) >= 0) {
		if (saved[n + 1] >= 0) {
			dup2(saved[n + 1], saved[n]);
			close(saved[n + 1]);
		} else
			close(saved[n]);
	}
	free(saved);
}

/* A here-document: a pipe with the body in it. */
static int
heredoc_fd(struct redir *r)
{
	char *body = (r->quoted & 1) ? xstrdup(r->word) : expand_here(r->word);
	size_t n = strlen(body);
	int fds[2];

	if (pipe(fds) < 0) {
		free(body);
		return -1;
	}
	if (n <= 512) {
		/* Fits in any pipe's buffer: no writer needed. */
		write(fds[1], body, n);
	} else {
		pid_t pid = sh_fork();
		if (pid == 0) {
			close(fds[0]);
			for (size_t off = 0; off < n;) {
				ssize_t w = write(fds[1], body + off, n - off);
				if (w <= 0)
					break;
				off += w;
			}
			_exit(0);
		}
	}
	close(fds[1]);
	free(body);
	return fds[0];
}

/*
 * apply_redirs: make the redirections in r.  With savedp non-NULL the
 * descriptors replaced are saved there for undo_redirs.
 * => 0, or -1 after saying what failed.
 */
int
apply_redirs(struct redir *r, int **savedp)
{
	for (; r != NULL; r = r->next) {
		int fd = r->fd, newfd;
		char *w = NULL;

		if (savedp != NULL)
			save_fd(savedp, fd);
		if (r->type == R_HERE) {
			newfd = heredoc_fd(r);
			if (newfd < 0) {
				shwarn("cannot make here-document");
				return -1;
			}
		} else if (r->type == R_DUP) {
			w = expand1(r->word);
			if (strcmp(w, "-") == 0) {
				close(fd);
				free(w);
				continue;
			}
			char *end;
			long from = strtol(w, &end, 10);
			if (*w == '\0' || *end != '\0' || from < 0) {
				shwarn("%s: illegal file descriptor name", w);
				free(w);
				return -1;
			}
			if (from != fd && dup2(from, fd) < 0) {
				shwarn("%s: %s", w, strerror(errno));
				free(w);
				return -1;
			}
			free(w);
			continue;
		} else {
			int flags;
			switch (r->type) {
			case R_IN:
				flags = O_RDONLY;
				break;
			case R_OUT:
				flags = O_WRONLY | O_CREAT | O_TRUNC;
				break;
			case R_APPEND:
				flags = O_WRONLY | O_CREAT | O_APPEND;
				break;
			default:
				flags = O_RDWR | O_CREAT;
				break;
			}
			w = expand1(r->word);
			newfd = open(w, flags, 0666);
			if (newfd < 0) {
				shwarn("cannot %s %s: %s", r->type == R_IN ?
				    "open" : "create", w, strerror(errno));
				free(w);
				return -1;
			}
			free(w);
		}
		if (newfd != fd) {
			dup2(newfd, fd);
			close(newfd);
		}
	}
	return 0;
}

/* ---- programs ------------------------------------------------------- */

/* The file could not be run: say why and leave with 126 or 127. */
static __attribute__((noreturn)) void
exec_failed(const char *name, int error)
{
	if (error == ENOENT || error == ENOTDIR) {
		shwarn("%s: not found", name);
		_exit(127);
	}
	shwarn("%s: cannot execute - %s", name, strerror(error));
	_exit(126);
}

/* execve, or, for a file without #! the kernel refuses, sh on it. */
static void
try_exec(const char *path, char **argv, char **envp)
{
	execve(path, argv, envp);
	if (errno == ENOEXEC) {
		int n = 0;
		while (argv[n] != NULL)
			n++;
		char **v = xmalloc((n + 2) * sizeof(char *));
		v[0] = "sh";
		v[1] = (char *)path;
		for (int i = 1; i <= n; i++)
			v[i + 1] = argv[i];
		execve("/bin/sh", v, envp);
		errno = ENOEXEC;
	}
}

/*
 * shell_execve: run argv[0], from $PATH if it has no '/', in this
 * process (a child, or `exec').  Does not return.
 */
void
shell_execve(char **argv)
{
	const char *name = argv[0];
	char **envp = make_env();

	if (strchr(name, '/') != NULL) {
		try_exec(name, argv, envp);
		exec_failed(name, errno);
	}
	const char *path = getvar("PATH");
	if (path == NULL)
		path = "/bin:/usr/bin";
	int error = ENOENT;
	char *buf = xmalloc(strlen(path) + strlen(name) + 2);
	for (const char *p = path;; p++) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		if (n == 0)
			strcpy(buf, name);	/* empty: the directory we are in */
		else
			sprintf(buf, "%.*s/%s", (int)n, p, name);
		try_exec(buf, argv, envp);
		if (errno != ENOENT && errno != ENOTDIR)
			error = errno;
		if (colon == NULL)
			break;
		p = colon;
	}
	exec_failed(name, error);
}

/* -x: the command, before it runs. */
static void
trace(char **words, int n)
{
	char line[1024];
	size_t len = 1;

	line[0] = '+';
	for (int i = 0; i < n; i++) {
		int k = snprintf(line + len, sizeof(line) - len - 1, " %s",
		    words[i]);
		len += k < (int)(sizeof(line) - len - 1) ? (size_t)k :
		    sizeof(line) - len - 2;
	}
	line[len++] = '\n';
	write(2, line, len);
}

/* In the child: redirections, the command's own variables, exec. */
static __attribute__((noreturn)) void
exec_child(struct node *n, int nassign, char **argv)
{
	if (apply_redirs(n->redirs, NULL) < 0)
		_exit(1);
	for (int i = 0; i < nassign; i++) {
		char *w = n->words[i];
		int len = assignment(w);
		char *name = xstrndup(w, len);
		char *value = expand1(w + len + 1);
		setvar(name, value, 1);
	}
	shell_execve(argv);
}

/* A function: $1... are its arguments while it runs. */
static int
call_func(struct node *body, int argc, char **argv)
{
	struct argsave save;

	args_push(&save, argc - 1, argv + 1);
	infunc++;
	int st = run(body, 0);
	infunc--;
	if (returning) {
		returning = 0;
		st = exitstatus;
	}
	args_pop(&save);
	return st;
}

static int
run_cmd(struct node *n, int flags)
{
	struct strlist args = { NULL, 0, 0 };
	int nassign = 0, st;

	while (nassign < n->nwords && assignment(n->words[nassign]) > 0)
		nassign++;
	substatus = 0;	/* what a command of assignments alone returns */
	for (int i = nassign; i < n->nwords; i++) {
		if (expand(n->words[i], &args, E_SPLIT | E_GLOB) < 0) {
			sl_free(&args);
			if (!interactive)
				sh_exit(1);
			return 1;
		}
	}
	if (xflag)
		trace(args.n > 0 ? args.v : n->words,
		    args.n > 0 ? args.n : nassign);

	if (args.n == 0) {
		/* Assignments and redirections only, in the shell. */
		st = substatus;
		for (int i = 0; i < nassign; i++) {
			char *w = n->words[i];
			int len = assignment(w);
			char *name = xstrndup(w, len);
			substatus = 0;
			char *value = expand1(w + len + 1);
			if (substatus != 0)
				st = substatus;
			setvar(name, value, 0);
			free(name);
			free(value);
		}
		int *saved = NULL;
		if (apply_redirs(n->redirs, &saved) < 0)
			st = 1;
		undo_redirs(saved);
		sl_free(&args);
		return st;
	}

	struct node *func = find_func(args.v[0]);
	builtin_fn bi = func == NULL ? find_builtin(args.v[0]) : NULL;
	if (func != NULL || bi != NULL) {
		int *saved = NULL;
		if (apply_redirs(n->redirs, &saved) < 0)
			st = 1;
		else {
			for (int i = 0; i < nassign; i++) {
				char *w = n->words[i];
				int len = assignment(w);
				char *name = xstrndup(w, len);
				char *value = expand1(w + len + 1);
				setvar(name, value, 0);
				free(name);
				free(value);
			}
			if (func != NULL)
				st = call_func(func, args.n, args.v);
			else
				st = bi(args.n, args.v);
			fflush(stdout);
			fflush(stderr);
		}
		undo_redirs(saved);
		sl_free(&args);
		return st;
	}

	if (strcmp(args.v[0], "exec") == 0) {
		/* exec with no command: the redirections stay. */
		if (args.n == 1) {
			st = apply_redirs(n->redirs, NULL) < 0 ? 1 : 0;
			sl_free(&args);
			return st;
		}
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		exec_child(n, nassign, args.v + 1);
	}
	if (flags & X_NOFORK)
		exec_child(n, nassign, args.v);
	pid_t pid = sh_fork();
	if (pid < 0) {
		sl_free(&args);
		return 2;
	}
	if (pid == 0) {
		child_setup(0);
		exec_child(n, nassign, args.v);
	}
	sl_free(&args);
	return waitstatus(pid);
}

/* a | b | c: a child for each, the status of the last. */
static int
run_pipe(struct node *n)
{
	pid_t pids[64];
	int npids = 0, in = -1, st = 0;

	for (int i = 0; i < n->nkids; i++) {
		int fds[2] = { -1, -1 };
		if (i < n->nkids - 1 && pipe(fds) < 0) {
			shwarn("cannot make pipe - %s", strerror(errno));
			st = 1;
			break;
		}
		pid_t pid = sh_fork();
		if (pid < 0) {
			if (fds[0] >= 0) {
				close(fds[0]);
				close(fds[1]);
			}
			st = 2;
			break;
		}
		if (pid == 0) {
			child_setup(0);
			if (in >= 0) {
				dup2(in, 0);
				close(in);
			}
			if (fds[1] >= 0) {
				close(fds[0]);
				dup2(fds[1], 1);
				close(fds[1]);
			}
			sh_exit(run(n->kids[i], X_NOFORK));
		}
		pids[npids++] = pid;
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
	}
	if (in >= 0)
		close(in);
	for (int i = 0; i < npids; i++)
		st = waitstatus(pids[i]);
	return st;
}

/* a &: not waited for; $! is its process id. */
static int
run_bg(struct node *n)
{
	pid_t pid = sh_fork();

	if (pid < 0)
		return 2;
	if (pid == 0) {
		child_setup(1);
		/* No job control: it must not read the terminal. */
		int fd = open("/dev/null", O_RDONLY);
		if (fd > 0) {
			dup2(fd, 0);
			close(fd);
		}
		sh_exit(run(n->left, X_NOFORK));
	}
	lastbg = pid;
	job_add(pid, n->name);
	return 0;
}

/* After a loop's body: leave the loop?  (break n, continue n, return) */
static int
loop_done(void)
{
	if (returning || intrpending)
		return 1;
	if (breakcount > 0) {
		breakcount--;
		return 1;
	}
	if (contcount > 0) {
		if (--contcount > 0)
			return 1;	/* continue an outer loop */
	}
	return 0;
}

static int
run_loop(struct node *n)
{
	int st = 0;

	inloop++;
	for (;;) {
		condition++;
		int c = run(n->left, 0);
		condition--;
		if (returning || intrpending || breakcount > 0)
			break;
		if ((c == 0) != (n->type == N_WHILE))
			break;
		st = run(n->right, 0);
		if (loop_done())
			break;
	}
	inloop--;
	return st;
}

static int
run_for(struct node *n)
{
	struct strlist words = { NULL, 0, 0 };
	int st = 0;

	if (n->words != NULL) {
		for (int i = 0; i < n->nwords; i++)
			if (expand(n->words[i], &words, E_SPLIT | E_GLOB) < 0) {
				sl_free(&words);
				return 1;
			}
	} else
		for (int i = 0; i < nposargs; i++)
			sl_add(&words, xstrdup(posargs[i]));
	inloop++;
	for (int i = 0; i < words.n; i++) {
		setvar(n->name, words.v[i], 0);
		st = run(n->right, 0);
		if (loop_done())
			break;
	}
	inloop--;
	sl_free(&words);
	return st;
}

static int
run_case(struct node *n)
{
	char *word = expand1(n->words[0]);
	int st = 0;

	for (int i = 0; i < n->nkids; i++) {
		struct node *item = n->kids[i];
		for (int j = 0; j < item->nwords; j++) {
			char *pat = expand_pat(item->words[j]);
			int m = glob_match(pat, word);
			free(pat);
			if (m) {
				st = run(item->left, 0);
				goto out;
			}
		}
	}
out:
	free(word);
	return st;
}

/*
 * run: run the tree n; => its exit status, also left in $?.
 * flags X_NOFORK: this process is a child that ends after n, so a
 * program can replace it instead of being forked.
 */
int
run(struct node *n, int flags)
{
	int st = 0, *saved = NULL;

	if (n == NULL)
		return exitstatus = 0;
	if (n->type != N_CMD && n->redirs != NULL &&
	    apply_redirs(n->redirs, &saved) < 0) {
		undo_redirs(saved);
		return exitstatus = 1;
	}
	switch (n->type) {
	case N_CMD:
		st = run_cmd(n, flags);
		break;
	case N_PIPE:
		st = run_pipe(n);
		break;
	case N_AND:
	case N_OR:
		condition++;
		st = run(n->left, 0);
		condition--;
		if ((st == 0) == (n->type == N_AND) && !returning &&
		    breakcount == 0 && contcount == 0)
			st = run(n->right, flags);
		break;
	case N_SEQ:
		run(n->left, 0);
		if (returning || breakcount > 0 || contcount > 0 ||
		    (intrpending && !interactive))
			st = exitstatus;
		else
			st = run(n->right, flags);
		break;
	case N_BG:
		st = run_bg(n);
		break;
	case N_NOT:
		condition++;
		st = !run(n->left, 0);
		condition--;
		break;
	case N_SUBSHELL: {
		if (flags & X_NOFORK)
			sh_exit(run(n->left, 0));
		pid_t pid = sh_fork();
		if (pid == 0) {
			child_setup(0);
			sh_exit(run(n->left, 0));
		}
		st = pid < 0 ? 2 : waitstatus(pid);
		break;
	}
	case N_BRACE:
		st = run(n->left, 0);
		break;
	case N_IF: {
		condition++;
		int c = run(n->left, 0);
		condition--;
		if (c == 0)
			st = run(n->right, 0);
		else if (n->third != NULL)
			st = run(n->third, 0);
		break;
	}
	case N_WHILE:
	case N_UNTIL:
		st = run_loop(n);
		break;
	case N_FOR:
		st = run_for(n);
		break;
	case N_CASE:
		st = run_case(n);
		break;
	case N_FUNC:
		define_func(n->name, n->left);
		break;
	}
	undo_redirs(saved);
	exitstatus = st;
	if (eflag && st != 0 && !condition &&
	    (n->type == N_CMD || n->type == N_PIPE || n->type == N_SUBSHELL))
		sh_exit(st);
	return st;
}
