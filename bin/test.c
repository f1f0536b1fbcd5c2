/*
 * bin/test.c: test(1) and [, the condition evaluator of shell scripts.
 *
 *	test expression		[ expression ]
 *
 * Exits 0 when the expression is true, 1 when it is false and 2 on a
 * malformed one.  The grammar is OpenBSD's bin/test/test.c, by recursive
 * descent:
 *
 *	oexpr	:= aexpr [-o oexpr]
 *	aexpr	:= nexpr [-a aexpr]
 *	nexpr	:= ! nexpr | primary
 *	primary	:= ( oexpr ) | unary-op arg | arg binary-op arg | arg
 *
 * with POSIX's rules for one to four arguments first (so that
 * `test -n' and `test ! = x' mean what POSIX says).
 *
 * The same code is the shell's test and [ builtins: bin/sh/test.c
 * includes this file with TEST_BUILTIN defined, which leaves main out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **targv;		/* the arguments left */
static int targc;
static const char *tname;	/* "test" or "[" */
static int terror;		/* a syntax error was reported */

static int oexpr(void);

static void
syntax(const char *what, const char *arg)
{
	if (!terror) {
		if (arg != NULL)
			fprintf(stderr, "%s: %s: %s\n", tname, arg, what);
		else
			fprintf(stderr, "%s: %s\n", tname, what);
	}
	terror = 1;
}

static const char *
next_arg(void)
{
	if (targc == 0) {
		syntax("argument expected", NULL);
		return "";
	}
	targc--;
	return *targv++;
}

static long
number(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	while (*end == ' ' || *end == '\t')
		end++;
	if (*s == '\0' || *end != '\0')
		syntax("bad number", s);
	return n;
}

static int
is_unary(const char *op)
{
	return op[0] == '-' && op[1] != '\0' && op[2] == '\0' &&
	    strchr("bcdefghkLnprsStuwxz", op[1]) != NULL;
}

static int
is_binary(const char *op)
{
	static const char *const ops[] = { "=", "!=", "==", "<", ">", "-eq",
	    "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef", NULL };

	for (int i = 0; ops[i] != NULL; i++)
		if (strcmp(op, ops[i]) == 0)
			return 1;
	return 0;
}

static int
unary(char op, const char *arg)
{
	struct stat sb;

	switch (op) {
	case 'n':
		return arg[0] != '\0';
	case 'z':
		return arg[0] == '\0';
	case 't':
		return isatty((int)number(arg));
	case 'h':
	case 'L':
		return lstat(arg, &sb) == 0 && S_ISLNK(sb.st_mode);
	case 'r':
		return access(arg, R_OK) == 0;
	case 'w':
		return access(arg, W_OK) == 0;
	case 'x':
		return access(arg, X_OK) == 0;
	}
	if (stat(arg, &sb) < 0)
		return 0;
	switch (op) {
	case 'b':
		return S_ISBLK(sb.st_mode);
	case 'c':
		return S_ISCHR(sb.st_mode);
	case 'd':
		return S_ISDIR(sb.st_mode);
	case 'e':
		return 1;
	case 'f':
		return S_ISREG(sb.st_mode);
	case 'g':
		return (sb.st_mode & S_ISGID) != 0;
	case 'k':
		return (sb.st_mode & S_ISVTX) != 0;
	case 'p':
		return S_ISFIFO(sb.st_mode);
	case 's':
		return sb.st_size > 0;
	case 'S':
		return S_ISSOCK(sb.st_mode);
	case 'u':
		return (sb.st_mode & S_ISUID) != 0;
	}
	return 0;
}

static int
binary(const char *a, const char *op, const char *b)
{
	struct stat sa, sb;

	if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
		return strcmp(a, b) == 0;
	if (strcmp(op, "!=") == 0)
		return strcmp(a, b) != 0;
	if (strcmp(op, "<") == 0)
		return strcmp(a, b) < 0;
	if (strcmp(op, ">") == 0)
		return strcmp(a, b) > 0;
	if (op[1] == 'n' || op[1] == 'o' || (op[1] == 'e' && op[2] == 'f')) {
		int ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
		if (strcmp(op, "-ef") == 0)
			return ea && eb && sa.st_dev == sb.st_dev &&
			    sa.st_ino == sb.st_ino;
		if (strcmp(op, "-nt") == 0)
			return ea && (!eb || sa.st_mtim.tv_sec >
			    sb.st_mtim.tv_sec);
		if (strcmp(op, "-ot") == 0)
			return eb && (!ea || sa.st_mtim.tv_sec <
			    sb.st_mtim.tv_sec);
	}
	long x = number(a), y = number(b);
	if (strcmp(op, "-eq") == 0)
		return x == y;
	if (strcmp(op, "-ne") == 0)
		return x != y;
	if (strcmp(op, "-lt") == 0)
		return x < y;
	if (strcmp(op, "-le") == 0)
		return x <= y;
	if (strcmp(op, "-gt") == 0)
		return x > y;
	return x >= y;	/* -ge */
}

static int
primary(void)
{
	const char *a = next_arg();

	if (strcmp(a, "(") == 0 && targc > 0) {
		int v = oexpr();
		if (targc == 0 || strcmp(*targv, ")") != 0)
			syntax("closing paren expected", NULL);
		else
			next_arg();
		return v;
	}
	if (targc >= 2 && is_binary(targv[0])) {
		const char *op = next_arg();
		return binary(a, op, next_arg());
	}
	if (is_unary(a) && targc >= 1)
		return unary(a[1], next_arg());
	return a[0] != '\0';
}

static int
nexpr(void)
{
	if (targc > 1 && strcmp(*targv, "!") == 0) {
		next_arg();
		return !nexpr();
	}
	return primary();
}

static int
aexpr(void)
{
	int v = nexpr();

	if (targc > 0 && strcmp(*targv, "-a") == 0) {
		next_arg();
		int w = aexpr();
		return v && w;
	}
	return v;
}

static int
oexpr(void)
{
	int v = aexpr();

	if (targc > 0 && strcmp(*targv, "-o") == 0) {
		next_arg();
		int w = oexpr();
		return v || w;
	}
	return v;
}

/* POSIX's cases of one to three arguments, decided by their number. */
static int
posix_short(int n, char **a, int *result)
{
	if (n == 0) {
		*result = 0;
		return 1;
	}
	if (n == 1) {
		*result = a[0][0] != '\0';
		return 1;
	}
	if (n == 2 && strcmp(a[0], "!") == 0) {
		*result = a[1][0] == '\0';
		return 1;
	}
	if (n == 3 && is_binary(a[1])) {
		*result = binary(a[0], a[1], a[2]);
		return 1;
	}
	return 0;
}

/* => 0 true, 1 false, 2 an error (reported). */
int
test_eval(int argc, char **argv)
{
	int v;

	tname = strcmp(argv[0], "[") == 0 ? "[" : "test";
	terror = 0;
	argc--;
	argv++;
	if (tname[0] == '[') {
		if (argc == 0 || strcmp(argv[argc - 1], "]") != 0) {
			fprintf(stderr, "[: missing ]\n");
			return 2;
		}
		argc--;
	}
	if (posix_short(argc, argv, &v))
		return terror ? 2 : !v;
	targv = argv;
	targc = argc;
	v = oexpr();
	if (targc != 0)
		syntax("unexpected operator", *targv);
	return terror ? 2 : !v;
}

#ifndef TEST_BUILTIN
int
main(int argc, char **argv)
{
	const char *slash = strrchr(argv[0], '/');

	if (slash != NULL)
		argv[0] = (char *)slash + 1;
	return test_eval(argc, argv);
}
#endif
