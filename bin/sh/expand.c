/*
 * bin/sh/expand.c: word expansion, the steps POSIX gives in order:
 *
 *	1. tilde expansion: ~ or ~/... at the start of a word is $HOME;
 *	2. parameter expansion ($name, ${name}, ${name:-word} and friends,
 *	   $? $$ $# $! $- $0..$9 $@ $*), command substitution ($(...) and
 *	   `...`) and arithmetic ($((...)), arith.c);
 *	3. field splitting of what step 2 produced outside double quotes,
 *	   at the characters of $IFS (default space, tab, newline);
 *	4. pathname expansion (globbing) of fields with an unquoted * ? or
 *	   [, against the directories; a pattern matching nothing stays;
 *	5. quote removal.
 *
 * The word is read once, left to right.  The field being built is kept
 * twice: as its final text (lit) and as a glob pattern (pat) in which
 * every quoted * ? [ ] \ is escaped with a backslash, so that "*.c" and
 * \*.c stay literal while *.c matches.  Mirrors what OpenBSD's ksh does
 * in bin/ksh/eval.c, in far fewer lines.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

int	substatus;		/* the status of the last $(...) */

struct buf {
	char	*s;
	size_t	len, cap;
};

struct exp {
	struct strlist	*out;
	int		flags;
	struct buf	lit;		/* the field's text */
	struct buf	pat;		/* the same as a glob pattern */
	int		started;	/* the field exists, even if empty */
	int		magic;		/* it has an unquoted * ? [ */
	int		failed;		/* ${x?} or a bad substitution */
};

static void
bufc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

/* One character into the field; quoted ones never glob. */
static void
addc(struct exp *e, char c, int quoted)
{
	bufc(&e->lit, c);
	if (quoted && strchr("*?[]\\", c) != NULL)
		bufc(&e->pat, '\\');
	else if (!quoted && strchr("*?[", c) != NULL)
		e->magic = 1;
	bufc(&e->pat, c);
	e->started = 1;
}

static void
adds(struct exp *e, const char *s, int quoted)
{
	while (*s != '\0')
		addc(e, *s++, quoted);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void glob_expand(const char *pat, struct strlist *out);

/* The field is complete: glob it if it may, and add it to the output. */
static void
endfield(struct exp *e, int force)
{
	if (!e->started && !force)
		return;
	if ((e->flags & E_GLOB) && e->magic) {
		int before = e->out->n;
		glob_expand(e->pat.s, e->out);
		if (e->out->n > before) {
			qsort(e->out->v + before, e->out->n - before,
			    sizeof(char *), cmpstr);
			goto reset;
		}
	}
	sl_add(e->out, xstrdup(e->lit.s != NULL ? e->lit.s : ""));
reset:
	e->lit.len = e->pat.len = 0;
	if (e->lit.s != NULL)
		e->lit.s[0] = e->pat.s[0] = '\0';
	e->started = e->magic = 0;
}

/*
 * The result of an expansion.  Quoted (or where nothing splits) it joins
 * the field as it is; otherwise each $IFS character ends a field.
 */
static void
add_expansion(struct exp *e, const char *s, int quoted)
{
	if (quoted || !(e->flags & E_SPLIT)) {
		adds(e, s, quoted);
		return;
	}
	const char *ifs = getvar("IFS");
	if (ifs == NULL)
		ifs = " \t\n";
	for (; *s != '\0'; s++) {
		if (strchr(ifs, *s) == NULL)
			addc(e, *s, 0);
		else if (isspace((unsigned char)*s))
			endfield(e, 0);
		else
			endfield(e, 1);
	}
}

int
is_name(const char *s, size_t n)
{
	if (n == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return 1;
}

/* $name's value, for the special parameters too; NULL if unset. */
static const char *
param(const char *name)
{
	static char num[24];

	if (isdigit((unsigned char)name[0])) {
		int i = atoi(name);
		if (i == 0)
			return arg0;
		return i <= nposargs ? posargs[i - 1] : NULL;
	}
	if (name[1] == '\0') {
		switch (name[0]) {
		case '?':
			snprintf(num, sizeof(num), "%d", exitstatus);
			return num;
		case '$':
			snprintf(num, sizeof(num), "%ld", (long)shellpid);
			return num;
		case '!':
			if (lastbg == 0)
				return NULL;
			snprintf(num, sizeof(num), "%ld", (long)lastbg);
			return num;
		case '#':
			snprintf(num, sizeof(num), "%d", nposargs);
			return num;
		case '-':
			snprintf(num, sizeof(num), "%s%s%s", eflag ? "e" : "",
			    xflag ? "x" : "", interactive ? "i" : "");
			return num;
		}
	}
	return getvar(name);
}

/* The output of a command, trailing newlines removed; sets $?. */
static char *
cmdsubst(const char *text)
{
	int fds[2];
	struct buf b = { NULL, 0, 0 };

	if (pipe(fds) < 0) {
		shwarn("cannot make pipe");
		return xstrdup("");
	}
	fflush(NULL);	/* or the child would write our buffers again */
	pid_t pid = fork();
	if (pid < 0) {
		shwarn("cannot fork");
		close(fds[0]);
		close(fds[1]);
		return xstrdup("");
	}
	if (pid == 0) {
		close(fds[0]);
		if (fds[1] != 1) {
			dup2(fds[1], 1);
			close(fds[1]);
		}
		child_setup(0);
		sh_exit(run_string(text, NULL));
	}
	close(fds[1]);
	char chunk[512];
	ssize_t n;
	while ((n = read(fds[0], chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (ssize_t i = 0; i < n; i++)
			bufc(&b, chunk[i]);
	}
	close(fds[0]);
	exitstatus = substatus = waitstatus(pid);
	if (b.s == NULL)
		return xstrdup("");
	while (b.len > 0 && b.s[b.len - 1] == '\n')
		b.s[--b.len] = '\0';
	return b.s;
}

/* The end of a $( ... ): p just past the "(", returns just past ")". */
static const char *
match_paren(const char *p)
{
	int depth = 1;
	char q = 0;

	for (; *p != '\0'; p++) {
		if (q != 0) {
			if (*p == '\\' && q == '"' && p[1] != '\0')
				p++;
			else if (*p == q)
				q = 0;
		} else if (*p == '\\' && p[1] != '\0')
			p++;
		else if (*p == '\'' || *p == '"' || *p == '`')
			q = *p;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p + 1;
	}
	return p;
}

/* The '}' ending a ${...}: p just past the "{". */
static const char *
match_brace(const char *p)
{
	int depth = 1;

	for (; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		else if (*p == '$' && p[1] == '{') {
			depth++;
			p++;
		} else if (*p == '}' && --depth == 0)
			break;
	}
	return p;
}

static void expand_dollar(struct exp *e, const char **pp, int quoted);

/* ${name op word}: op is one of - = + ? with or without a colon. */
static void
expand_brace(struct exp *e, const char *s, int quoted)
{
	int len = s[0] == '#' && s[1] != '\0';	/* ${#} is $# */
	const char *name = s + len, *p = name;

	if (isalpha((unsigned char)*p) || *p == '_')
		while (isalnum((unsigned char)*p) || *p == '_')
			p++;
	else if (isdigit((unsigned char)*p))
		while (isdigit((unsigned char)*p))
			p++;
	else if (*p != '\0' && strchr("?$#!@*-", *p) != NULL)
		p++;
	char *nm = xstrndup(name, p - name);
	const char *val = param(nm);
	if (len) {
		char num[24];
		snprintf(num, sizeof(num), "%zu", val ? strlen(val) : 0);
		add_expansion(e, num, quoted);
		free(nm);
		return;
	}
	int colon = *p == ':';
	char op = p[colon];
	if (p == name || (*p != '\0' && (op == '\0' ||
	    strchr("-=+?", op) == NULL))) {
		shwarn("${%s}: bad substitution", s);
		e->failed = 1;
		free(nm);
		return;
	}
	int set = val != NULL && (!colon || *val != '\0');
	const char *word = p + colon + (op != '\0');
	char *w;
	switch (op) {
	case '\0':
		if (val != NULL)
			add_expansion(e, val, quoted);
		break;
	case '-':
	case '=':
		if (set)
			add_expansion(e, val, quoted);
		else {
			w = expand1(word);
			if (op == '=')
				setvar(nm, w, 0);
			add_expansion(e, w, quoted);
			free(w);
		}
		break;
	case '+':
		if (set) {
			w = expand1(word);
			add_expansion(e, w, quoted);
			free(w);
		}
		break;
	case '?':
		if (set)
			add_expansion(e, val, quoted);
		else {
			w = expand1(word);
			shwarn("%s: %s", nm, *w ? w : "parameter null or not set");
			free(w);
			e->failed = 1;
		}
		break;
	}
	free(nm);
}

/* *pp at a '$': expand what it introduces and move past it. */
static void
expand_dollar(struct exp *e, const char **pp, int quoted)
{
	const char *p = *pp + 1;
	char name[2] = { 0, 0 };

	if (p[0] == '(' && p[1] == '(') {
		/* $(( expr )): the text between the double parentheses. */
		const char *end = match_paren(p + 1);
		size_t n = end - (p + 2);
		char *text = xstrndup(p + 2, n >= 2 ? n - 2 : 0);
		char *x = expand1(text);
		long v;
		if (arith(x, &v) == 0) {
			char num[24];
			snprintf(num, sizeof(num), "%ld", v);
			add_expansion(e, num, quoted);
		} else
			e->failed = 1;
		free(x);
		free(text);
		*pp = end;
	} else if (p[0] == '(') {
		const char *end = match_paren(p + 1);
		char *text = xstrndup(p + 1, end - (p + 1) - (end[-1] == ')'));
		char *out = cmdsubst(text);
		add_expansion(e, out, quoted);
		free(out);
		free(text);
		*pp = end;
	} else if (p[0] == '{') {
		const char *end = match_brace(p + 1);
		char *inner = xstrndup(p + 1, end - (p + 1));
		expand_brace(e, inner, quoted);
		free(inner);
		*pp = *end ? end + 1 : end;
	} else if (isalpha((unsigned char)*p) || *p == '_') {
		const char *s = p;
		while (isalnum((unsigned char)*p) || *p == '_')
			p++;
		char *nm = xstrndup(s, p - s);
		const char *val = getvar(nm);
		if (val != NULL)
			add_expansion(e, val, quoted);
		free(nm);
		*pp = p;
	} else if (*p == '@' || *p == '*') {
		for (int i = 0; i < nposargs; i++) {
			if (i > 0) {
				if (*p == '*' && quoted)
					addc(e, ' ', 1);
				else if (e->flags & E_SPLIT)
					endfield(e, 1);
				else
					addc(e, ' ', quoted);
			}
			add_expansion(e, posargs[i], quoted);
		}
		*pp = p + 1;
	} else if (*p != '\0' && (isdigit((unsigned char)*p) ||
	    strchr("?$#!-", *p) != NULL)) {
		name[0] = *p;
		const char *val = param(name);
		if (val != NULL)
			add_expansion(e, val, quoted);
		*pp = p + 1;
	} else {
		addc(e, '$', quoted);
		*pp = p;
	}
}

/* `...`: the text with \` \\ \$ unescaped, run as $(...) is. */
static void
expand_bquote(struct exp *e, const char **pp, int quoted)
{
	const char *p = *pp + 1;
	struct buf b = { NULL, 0, 0 };

	bufc(&b, '\0');
	b.len = 0;
	for (; *p != '\0' && *p != '`'; p++) {
		if (*p == '\\' && p[1] != '\0' && strchr("`\\$", p[1]) != NULL)
			p++;
		bufc(&b, *p);
	}
	char *out = cmdsubst(b.s);
	add_expansion(e, out, quoted);
	free(out);
	free(b.s);
	*pp = *p ? p + 1 : p;
}

/* Inside "...": *pp just past the opening quote. */
static void
expand_dquote(struct exp *e, const char **pp)
{
	const char *p = *pp;

	e->started = 1;
	while (*p != '\0' && *p != '"') {
		if (*p == '\\' && p[1] != '\0' &&
		    strchr("$`\"\\\n", p[1]) != NULL) {
			if (p[1] != '\n')
				addc(e, p[1], 1);
			p += 2;
		} else if (*p == '$')
			expand_dollar(e, &p, 1);
		else if (*p == '`')
			expand_bquote(e, &p, 1);
		else
			addc(e, *p++, 1);
	}
	*pp = *p ? p + 1 : p;
}

/* Expand word into e's fields. */
static void
expand_word(struct exp *e, const char *word)
{
	const char *p = word;

	if (*p == '~' && !(e->flags & E_HERE) && (p[1] == '\0' ||
	    p[1] == '/')) {
		const char *home = getvar("HOME");
		adds(e, home != NULL ? home : "~", 1);
		p++;
	}
	while (*p != '\0') {
		char c = *p;
		if (e->flags & E_HERE) {
			if (c == '\\' && p[1] != '\0' &&
			    strchr("$`\\\n", p[1]) != NULL) {
				if (p[1] != '\n')
					addc(e, p[1], 1);
				p += 2;
			} else if (c == '$')
				expand_dollar(e, &p, 1);
			else if (c == '`')
				expand_bquote(e, &p, 1);
			else
				addc(e, *p++, 1);
			continue;
		}
		if (c == '\'') {
			e->started = 1;
			for (p++; *p != '\0' && *p != '\''; p++)
				addc(e, *p, 1);
			if (*p)
				p++;
		} else if (c == '"') {
			p++;
			if (strcmp(p, "$@\"") == 0 && nposargs == 0 &&
			    (e->flags & E_SPLIT)) {
				p += 3;	/* "$@" with no arguments: no field */
				continue;
			}
			expand_dquote(e, &p);
		} else if (c == '\\') {
			if (p[1] == '\n')
				p += 2;
			else if (p[1] != '\0') {
				addc(e, p[1], 1);
				p += 2;
			} else
				addc(e, *p++, 0);
		} else if (c == '$')
			expand_dollar(e, &p, 0);
		else if (c == '`')
			expand_bquote(e, &p, 0);
		else
			addc(e, *p++, 0);
	}
}

/*
 * expand: the fields of word, appended to out.  flags: E_SPLIT, E_GLOB.
 * => 0, or -1 if an expansion failed (the message is printed).
 */
int
expand(const char *word, struct strlist *out, int flags)
{
	struct exp e;

	memset(&e, 0, sizeof(e));
	e.out = out;
	e.flags = flags;
	expand_word(&e, word);
	endfield(&e, 0);
	free(e.lit.s);
	free(e.pat.s);
	return e.failed ? -1 : 0;
}

/* The word as one string (no splitting, no globbing); malloc'd. */
static char *
expand_one(const char *word, int flags, int pattern)
{
	struct exp e;
	struct strlist sl = { NULL, 0, 0 };

	memset(&e, 0, sizeof(e));
	e.out = &sl;
	e.flags = flags;
	expand_word(&e, word);
	char *s = xstrdup(pattern ? (e.pat.s ? e.pat.s : "") :
	    (e.lit.s ? e.lit.s : ""));
	free(e.lit.s);
	free(e.pat.s);
	sl_free(&sl);
	if (e.failed)
		exitstatus = 1;
	return s;
}

char *
expand1(const char *word)
{
	return expand_one(word, 0, 0);
}

/* A case pattern: quoted characters escaped, for glob_match. */
char *
expand_pat(const char *word)
{
	return expand_one(word, 0, 1);
}

/* A here-document's body: $ and ` expand, quotes are plain text. */
char *
expand_here(const char *body)
{
	return expand_one(body, E_HERE, 0);
}

/*
 * A bracket expression at *pp (just past '['), against c.
 * => 1 match, 0 no match, -1 not a bracket expression (no ']').
 */
static int
match_bracket(const char **pp, char c)
{
	const char *p = *pp;
	int neg = 0, ok = 0;

	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	const char *first = p;
	while (*p != ']' || p == first) {
		if (*p == '\0')
			return -1;
		char lo = *p;
		if (lo == '\\' && p[1] != '\0')
			lo = *++p;
		char hi = lo;
		if (p[1] == '-' && p[2] != ']' && p[2] != '\0') {
			hi = p[2];
			p += 2;
			if (hi == '\\' && p[1] != '\0')
				hi = *++p;
		}
		if (lo <= c && c <= hi)
			ok = 1;
		p++;
	}
	*pp = p + 1;
	return ok != neg;
}

/* Does s match the pattern pat (* ? [...], \ escapes)? */
int
glob_match(const char *p, const char *s)
{
	for (;;) {
		switch (*p) {
		case '\0':
			return *s == '\0';
		case '*':
			while (*p == '*')
				p++;
			for (;; s++) {
				if (glob_match(p, s))
					return 1;
				if (*s == '\0')
					return 0;
			}
		case '?':
			if (*s == '\0')
				return 0;
			p++;
			s++;
			break;
		case '[': {
			const char *q = p + 1;
			int r = *s != '\0' ? match_bracket(&q, *s) : -1;
			if (r == 0 || (r == -1 && *s == '\0'))
				return 0;
			if (r == 1) {
				p = q;
				s++;
				break;
			}
			if (*s != '[')
				return 0;
			p++;
			s++;
			break;
		}
		case '\\':
			if (p[1] != '\0')
				p++;
			/* FALLTHROUGH */
		default:
			if (*p != *s)
				return 0;
			p++;
			s++;
		}
	}
}

/* Does the pattern component [p, end) have an unescaped * ? [ ? */
static int
has_magic(const char *p, const char *end)
{
	for (; p < end; p++) {
		if (*p == '\\' && p + 1 < end)
			p++;
		else if (*p == '*' || *p == '?' || *p == '[')
			return 1;
	}
	return 0;
}

/*
 * glob_rec: path[0..plen) is a directory prefix matched so far; add every
 * file matching the pattern rest below it.
 */
static void
glob_rec(char *path, size_t plen, const char *rest, struct strlist *out)
{
	while (*rest == '/' && plen < PATH_MAX - 1) {
		path[plen++] = '/';
		rest++;
	}
	path[plen] = '\0';
	if (*rest == '\0') {
		sl_add(out, xstrdup(path));
		return;
	}
	const char *end = strchr(rest, '/');
	if (end == NULL)
		end = rest + strlen(rest);
	if (!has_magic(rest, end)) {
		/* A plain name: no need to read the directory. */
		size_t n = plen;
		for (const char *p = rest; p < end && n < PATH_MAX - 1; p++) {
			if (*p == '\\' && p + 1 < end)
				p++;
			path[n++] = *p;
		}
		path[n] = '\0';
		struct stat sb;
		if (lstat(path, &sb) == 0)
			glob_rec(path, n, end, out);
		path[plen] = '\0';
		return;
	}
	char *comp = xstrndup(rest, end - rest);
	DIR *d = opendir(plen > 0 ? path : ".");
	if (d != NULL) {
		struct dirent *de;
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.' && comp[0] != '.')
				continue;
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			if (!glob_match(comp, de->d_name))
				continue;
			size_t n = strlen(de->d_name);
			if (plen + n >= PATH_MAX)
				continue;
			memcpy(path + plen, de->d_name, n + 1);
			glob_rec(path, plen + n, end, out);
			path[plen] = '\0';
		}
		closedir(d);
	}
	free(comp);
}

static void
glob_expand(const char *pat, struct strlist *out)
{
	char *path = xmalloc(PATH_MAX + 1);

	glob_rec(path, 0, pat, out);
	free(path);
}
