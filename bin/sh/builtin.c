/*
 * bin/sh/builtin.c: the variables, the functions and the builtins.
 *
 * Variables are a small table of name, value and an export flag; the
 * environment the shell was started with is imported (exported), and a
 * program the shell runs gets the exported ones (make_env).
 *
 * Builtins are the commands that must change the shell itself (cd, exit,
 * export, set, shift, read, wait, ., eval, break, return, ...), plus a
 * few cheap ones (:, true, false, test and [, type).  echo, pwd's
 * sibling ls and the rest are programs in /bin.  Messages are ksh's:
 * "sh: cd: /nowhere - No such file or directory".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

char	**posargs;
int	nposargs;
static int posargs_ours;	/* posargs were allocated by set */

/* ---- variables ------------------------------------------------------- */

struct var {
	char	*name;
	char	*value;		/* NULL: exported but never set */
	int	exported;
};
static struct var *vars;
static int nvars, capvars;

static struct var *
lookup(const char *name)
{
	for (int i = 0; i < nvars; i++)
		if (strcmp(vars[i].name, name) == 0)
			return &vars[i];
	return NULL;
}

const char *
getvar(const char *name)
{
	struct var *v = lookup(name);

	return v != NULL ? v->value : NULL;
}

/* Set name to value (NULL: leave the value); export 1 marks it exported. */
int
setvar(const char *name, const char *value, int export)
{
	struct var *v = lookup(name);

	if (v == NULL) {
		if (nvars == capvars) {
			capvars = capvars ? capvars * 2 : 32;
			vars = xrealloc(vars, capvars * sizeof(*vars));
		}
		v = &vars[nvars++];
		v->name = xstrdup(name);
		v->value = NULL;
		v->exported = 0;
	}
	if (value != NULL) {
		char *copy = xstrdup(value);
		free(v->value);
		v->value = copy;
	}
	if (export)
		v->exported = 1;
	return 0;
}

int
unsetvar(const char *name)
{
	struct var *v = lookup(name);

	if (v != NULL) {
		free(v->name);
		free(v->value);
		*v = vars[--nvars];
	}
	return 0;
}

/* If word is NAME=..., the length of NAME; else 0. */
int
assignment(const char *word)
{
	const char *eq = strchr(word, '=');

	if (eq == NULL || !is_name(word, eq - word))
		return 0;
	return eq - word;
}

/* The environment for a program: NAME=value of each exported variable. */
char **
make_env(void)
{
	char **env = xmalloc((nvars + 1) * sizeof(char *));
	int n = 0;

	for (int i = 0; i < nvars; i++) {
		if (!vars[i].exported || vars[i].value == NULL)
			continue;
		env[n] = xmalloc(strlen(vars[i].name) +
		    strlen(vars[i].value) + 2);
		sprintf(env[n++], "%s=%s", vars[i].name, vars[i].value);
	}
	env[n] = NULL;
	return env;
}

void
import_env(char **envp)
{
	for (; envp != NULL && *envp != NULL; envp++) {
		int len = assignment(*envp);
		if (len == 0)
			continue;
		char *name = xstrndup(*envp, len);
		setvar(name, *envp + len + 1, 1);
		free(name);
	}
}

/* ---- functions ------------------------------------------------------ */

static struct func {
	char		*name;
	struct node	*body;
} *funcs;
static int nfuncs;

struct node *
find_func(const char *name)
{
	for (int i = 0; i < nfuncs; i++)
		if (strcmp(funcs[i].name, name) == 0)
			return funcs[i].body;
	return NULL;
}

void
define_func(const char *name, struct node *body)
{
	for (int i = 0; i < nfuncs; i++) {
		if (strcmp(funcs[i].name, name) == 0) {
			funcs[i].body = body;
			return;
		}
	}
	funcs = xrealloc(funcs, (nfuncs + 1) * sizeof(*funcs));
	funcs[nfuncs].name = xstrdup(name);
	funcs[nfuncs++].body = body;
}

/* ---- builtins ------------------------------------------------------- */

/* A count argument (exit, shift, break, ...): n >= 0, or -1. */
static int
number(const char *cmd, const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < 0) {
		shwarn("%s: %s: bad number", cmd, s);
		return -1;
	}
	return (int)n;
}

static int
b_colon(int argc, char **argv)
{
	return 0;
}

static int
b_false(int argc, char **argv)
{
	return 1;
}

static int
b_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getvar("HOME");
	int print = 0;

	if (dir == NULL) {
		shwarn("cd: no home directory (HOME not set)");
		return 1;
	}
	if (strcmp(dir, "-") == 0) {
		dir = getvar("OLDPWD");
		if (dir == NULL) {
			shwarn("cd: no OLDPWD");
			return 1;
		}
		print = 1;
	}
	if (chdir(dir) < 0) {
		shwarn("cd: %s - %s", dir, strerror(errno));
		return 1;
	}
	const char *old = getvar("PWD");
	if (old != NULL)
		setvar("OLDPWD", old, 0);
	char *cwd = getcwd(NULL, 0);
	if (cwd != NULL) {
		setvar("PWD", cwd, 0);
		if (print)
			printf("%s\n", cwd);
		free(cwd);
	}
	return 0;
}

static int
b_pwd(int argc, char **argv)
{
	char *cwd = getcwd(NULL, 0);

	if (cwd == NULL) {
		shwarn("pwd: %s", strerror(errno));
		return 1;
	}
	printf("%s\n", cwd);
	free(cwd);
	return 0;
}

static int
b_exit(int argc, char **argv)
{
	int n = argc > 1 ? number("exit", argv[1]) : exitstatus;

	sh_exit(n < 0 ? 1 : n);
}

static int
b_export(int argc, char **argv)
{
	if (argc == 1) {
		for (int i = 0; i < nvars; i++)
			if (vars[i].exported && vars[i].value != NULL)
				printf("export %s=%s\n", vars[i].name,
				    vars[i].value);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		int len = assignment(argv[i]);
		if (len > 0) {
			char *name = xstrndup(argv[i], len);
			setvar(name, argv[i] + len + 1, 1);
			free(name);
		} else if (is_name(argv[i], strlen(argv[i])))
			setvar(argv[i], NULL, 1);
		else {
			shwarn("export: %s: is not an identifier", argv[i]);
			return 1;
		}
	}
	return 0;
}

static int
b_unset(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		unsetvar(argv[i]);
	return 0;
}

/* Forget $1... if set made them (they are main's argv otherwise). */
static void
free_posargs(void)
{
	if (posargs_ours) {
		for (int i = 0; i < nposargs; i++)
			free(posargs[i]);
		free(posargs);
	}
	posargs_ours = 0;
}

static void
set_posargs(int argc, char **argv)
{
	char **v = xmalloc((argc + 1) * sizeof(char *));

	for (int i = 0; i < argc; i++)
		v[i] = xstrdup(argv[i]);
	v[argc] = NULL;
	free_posargs();
	posargs = v;
	nposargs = argc;
	posargs_ours = 1;
}

/* A function's call: its arguments are $1... until args_pop. */
void
args_push(struct argsave *save, int argc, char **argv)
{
	save->args = posargs;
	save->n = nposargs;
	save->ours = posargs_ours;
	posargs = argv;
	nposargs = argc;
	posargs_ours = 0;
}

void
args_pop(struct argsave *save)
{
	free_posargs();
	posargs = save->args;
	nposargs = save->n;
	posargs_ours = save->ours;
}

static int
b_set(int argc, char **argv)
{
	int i;

	if (argc == 1) {
		for (i = 0; i < nvars; i++)
			if (vars[i].value != NULL)
				printf("%s=%s\n", vars[i].name, vars[i].value);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if ((a[0] != '-' && a[0] != '+') || a[1] == '\0')
			break;
		for (char *o = a + 1; *o != '\0'; o++) {
			int on = a[0] == '-';
			if (*o == 'e')
				eflag = on;
			else if (*o == 'x')
				xflag = on;
			else if (*o == 'n')
				nflag = on && !interactive;
			else {
				shwarn("set: -%c: unknown option", *o);
				return 1;
			}
		}
	}
	if (i < argc || strcmp(argv[i - 1], "--") == 0)
		set_posargs(argc - i, argv + i);
	return 0;
}

static int
b_shift(int argc, char **argv)
{
	int n = argc > 1 ? number("shift", argv[1]) : 1;

	if (n < 0)
		return 1;
	if (n > nposargs) {
		shwarn("shift: nothing to shift");
		return 1;
	}
	if (posargs_ours) {
		for (int i = 0; i < n; i++)
			free(posargs[i]);
		memmove(posargs, posargs + n,
		    (nposargs - n + 1) * sizeof(char *));
	} else
		posargs += n;	/* main's argv, or a function's */
	nposargs -= n;
	return 0;
}

/* read [-r] name...: a line of standard input into variables. */
static int
b_read(int argc, char **argv)
{
	int raw = 0, i = 1, eof = 0;
	char *line = NULL;
	size_t len = 0, cap = 0;

	if (i < argc && strcmp(argv[i], "-r") == 0) {
		raw = 1;
		i++;
	}
	for (;;) {
		char c;
		ssize_t n = read(0, &c, 1);
		if (n < 0 && errno == EINTR && !intrpending)
			continue;
		if (n <= 0) {
			eof = 1;
			break;
		}
		if (!raw && c == '\\') {
			if (read(0, &c, 1) <= 0)
				break;
			if (c == '\n')
				continue;	/* the line goes on */
		} else if (c == '\n')
			break;
		if (len + 2 > cap) {
			cap = cap ? cap * 2 : 128;
			line = xrealloc(line, cap);
		}
		line[len++] = c;
	}
	if (line == NULL)
		line = xstrdup("");
	line[len] = '\0';
	const char *ifs = getvar("IFS");
	if (ifs == NULL)
		ifs = " \t\n";
	char *p = line;
	for (; i < argc; i++) {
		while (*p != '\0' && strchr(ifs, *p) != NULL)
			p++;
		char *start = p;
		if (i == argc - 1) {
			/* The last name takes the rest, less trailing IFS. */
			char *end = start + strlen(start);
			while (end > start && strchr(ifs, end[-1]) != NULL)
				end--;
			*end = '\0';
			p = end;
		} else {
			while (*p != '\0' && strchr(ifs, *p) == NULL)
				p++;
			if (*p != '\0')
				*p++ = '\0';
		}
		setvar(argv[i], start, 0);
	}
	free(line);
	return eof && len == 0 ? 1 : 0;
}

static int
b_wait(int argc, char **argv)
{
	if (argc == 1) {
		jobs_reap(1, -1);
		return 0;
	}
	int st = 0;
	for (int i = 1; i < argc; i++) {
		pid_t pid = (pid_t)atol(argv[i]);
		exitstatus = 127;
		if (pid > 0)
			jobs_reap(1, pid);
		st = exitstatus;
	}
	return st;
}

/* . file: its commands, run in this shell. */
static int
b_dot(int argc, char **argv)
{
	if (argc < 2) {
		shwarn(".: missing file name");
		return 1;
	}
	const char *file = argv[1];
	char *found = NULL;
	if (strchr(file, '/') == NULL) {
		const char *path = getvar("PATH");
		for (const char *p = path; p != NULL && *p != '\0';) {
			const char *colon = strchr(p, ':');
			size_t n = colon ? (size_t)(colon - p) : strlen(p);
			found = xmalloc(n + strlen(file) + 2);
			sprintf(found, "%.*s/%s", (int)n, p, file);
			struct stat sb;
			if (stat(found, &sb) == 0 && S_ISREG(sb.st_mode))
				break;
			free(found);
			found = NULL;
			p = colon ? colon + 1 : NULL;
		}
	}
	int st = run_file(found != NULL ? found : file, 1);
	free(found);
	return st;
}

static int
b_eval(int argc, char **argv)
{
	size_t len = 1;

	for (int i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *text = xmalloc(len);
	text[0] = '\0';
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			strcat(text, " ");
		strcat(text, argv[i]);
	}
	int st = run_string(text, NULL);
	free(text);
	return st;
}

static int
b_break(int argc, char **argv)
{
	int n = argc > 1 ? number(argv[0], argv[1]) : 1;

	if (n <= 0)
		return 1;
	if (inloop == 0) {
		shwarn("%s: cannot %s", argv[0], argv[0]);
		return 1;
	}
	if (n > inloop)
		n = inloop;
	if (argv[0][0] == 'b')
		breakcount = n;
	else
		contcount = n;
	return 0;
}

static int
b_return(int argc, char **argv)
{
	int n = argc > 1 ? number("return", argv[1]) : exitstatus;

	returning = 1;
	exitstatus = n < 0 ? 1 : n;
	return exitstatus;
}

static int
b_umask(int argc, char **argv)
{
	if (argc == 1) {
		mode_t m = umask(0);
		umask(m);
		printf("%03o\n", (unsigned)m);
		return 0;
	}
	char *end;
	long m = strtol(argv[1], &end, 8);
	if (*end != '\0' || m < 0 || m > 0777) {
		shwarn("umask: %s: bad mask", argv[1]);
		return 1;
	}
	umask((mode_t)m);
	return 0;
}

static int
b_jobs(int argc, char **argv)
{
	jobs_list();
	return 0;
}

static int
b_test(int argc, char **argv)
{
	return test_eval(argc, argv);
}

static int
b_type(int argc, char **argv)
{
	int st = 0;

	for (int i = 1; i < argc; i++) {
		const char *name = argv[i];
		if (find_func(name) != NULL) {
			printf("%s is a function\n", name);
			continue;
		}
		if (find_builtin(name) != NULL || strcmp(name, "exec") == 0) {
			printf("%s is a shell builtin\n", name);
			continue;
		}
		const char *path = getvar("PATH");
		int found = 0;
		for (const char *p = path; p != NULL && !found;) {
			const char *colon = strchr(p, ':');
			size_t n = colon ? (size_t)(colon - p) : strlen(p);
			char *f = xmalloc(n + strlen(name) + 2);
			sprintf(f, "%.*s/%s", (int)n, p, name);
			struct stat sb;
			if (strchr(name, '/') != NULL)
				strcpy(f, name);
			if (stat(f, &sb) == 0 && S_ISREG(sb.st_mode) &&
			    access(f, X_OK) == 0) {
				printf("%s is %s\n", name, f);
				found = 1;
			}
			free(f);
			p = colon ? colon + 1 : NULL;
		}
		if (!found) {
			printf("%s not found\n", name);
			st = 1;
		}
	}
	return st;
}

static const struct {
	const char	*name;
	builtin_fn	fn;
} builtins[] = {
	{ ".", b_dot },
	{ ":", b_colon },
	{ "[", b_test },
	{ "break", b_break },
	{ "cd", b_cd },
	{ "continue", b_break },
	{ "eval", b_eval },
	{ "exit", b_exit },
	{ "export", b_export },
	{ "false", b_false },
	{ "jobs", b_jobs },
	{ "pwd", b_pwd },
	{ "read", b_read },
	{ "return", b_return },
	{ "set", b_set },
	{ "shift", b_shift },
	{ "test", b_test },
	{ "true", b_colon },
	{ "type", b_type },
	{ "umask", b_umask },
	{ "unset", b_unset },
	{ "wait", b_wait },
};

builtin_fn
find_builtin(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return builtins[i].fn;
	return NULL;
}
