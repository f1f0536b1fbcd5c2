/*
 * bin/grep.c: grep(1), print the lines that match a pattern.
 *
 *	grep [-cEFhilnqsv] [-e pattern] ... [pattern] [file ...]
 *
 * Patterns are basic regular expressions: a character matches itself,
 * . any character, [abc] [a-z] [^0-9] one of a set, \c the character c,
 * and * after any of these repeats it zero or more times; ^ at the
 * start and $ at the end anchor the match to the line's ends.  -E adds
 * + (one or more), ? (zero or one) and | between alternatives (there
 * are no groups); -F takes the pattern as a plain string.  Options as
 * OpenBSD's usr.bin/grep: -c count, -h no file names, -i ignore case,
 * -l list files, -n line numbers, -q quiet, -s no messages about files,
 * -v the lines that do not match.  Exit status 0 if a line was selected,
 * 1 if none, 2 on an error.
 *
 * The matcher is the small backtracking one of Kernighan and Pike's
 * "The Practice of Programming", over a pattern compiled into an array
 * of atoms, each with its repetition.
 */
#include <ctype.h>
#include <err.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { A_CHAR, A_ANY, A_SET };

struct atom {
	int		type;		/* A_* */
	unsigned char	c;		/* A_CHAR */
	unsigned char	set[32];	/* A_SET: a bit per byte */
	char		rep;		/* 0, '*', '+' or '?' */
};

struct re {
	int		bol, eol;	/* anchored by ^, $ */
	struct atom	*a;
	int		n;
	char		*fixed;		/* -F: the string */
};

static int cflag, Eflag, Fflag, hflag, iflag, lflag, nflag, qflag, sflag,
    vflag;
static struct re *res;
static int nres;

static void
setbit(unsigned char *set, unsigned char c)
{
	set[c >> 3] |= 1 << (c & 7);
	if (iflag) {
		unsigned char l = tolower(c), u = toupper(c);
		set[l >> 3] |= 1 << (l & 7);
		set[u >> 3] |= 1 << (u & 7);
	}
}

/* A bracket expression; p is just past the '['.  => past the ']'. */
static const char *
compile_set(struct atom *a, const char *p)
{
	int neg = 0;

	a->type = A_SET;
	memset(a->set, 0, sizeof(a->set));
	if (*p == '^') {
		neg = 1;
		p++;
	}
	const char *first = p;
	for (; *p != ']' || p == first; p++) {
		if (*p == '\0')
			errx(2, "brackets ([ ]) not balanced");
		unsigned char lo = *p, hi = lo;
		if (p[1] == '-' && p[2] != ']' && p[2] != '\0') {
			hi = p[2];
			p += 2;
		}
		for (int c = lo; c <= hi; c++)
			setbit(a->set, (unsigned char)c);
	}
	if (neg)
		for (int i = 0; i < 32; i++)
			a->set[i] = ~a->set[i];
	return p + 1;
}

/* Compile the pattern [p, end) into re. */
static void
compile(struct re *re, const char *p, const char *end)
{
	memset(re, 0, sizeof(*re));
	if (Fflag) {
		re->fixed = strndup(p, end - p);
		if (re->fixed == NULL)
			err(2, NULL);
		return;
	}
	re->a = calloc(end - p + 1, sizeof(struct atom));
	if (re->a == NULL)
		err(2, NULL);
	if (p < end && *p == '^') {
		re->bol = 1;
		p++;
	}
	while (p < end) {
		if (*p == '$' && p + 1 == end) {
			re->eol = 1;
			break;
		}
		int isrep = *p == '*' || (Eflag && (*p == '+' || *p == '?'));
		if (isrep && re->n > 0 && re->a[re->n - 1].rep == 0) {
			re->a[re->n - 1].rep = *p++;
			continue;
		}
		struct atom *a = &re->a[re->n++];
		if (*p == '.') {
			a->type = A_ANY;
			p++;
		} else if (*p == '[') {
			p = compile_set(a, p + 1);
		} else {
			if (*p == '\\' && p + 1 < end) {
				p++;
				if (*p == '(' || *p == ')' || *p == '{')
					errx(2, "\\%c is not supported", *p);
			}
			a->type = A_CHAR;
			a->c = iflag ? tolower((unsigned char)*p) : *p;
			p++;
		}
	}
}

static int
atom_match(const struct atom *a, unsigned char c)
{
	switch (a->type) {
	case A_ANY:
		return 1;
	case A_CHAR:
		return a->c == (iflag ? tolower(c) : c);
	default:
		return (a->set[c >> 3] >> (c & 7)) & 1;
	}
}

/* Does the pattern from atom i on match at s (the line ends at end)? */
static int
match_here(const struct re *re, int i, const char *s, const char *end)
{
	for (; i < re->n; i++) {
		const struct atom *a = &re->a[i];
		if (a->rep != 0) {
			int min = a->rep == '+', max = a->rep == '?' ? 1 : INT_MAX;
			const char *p = s;
			int k = 0;
			while (k < max && p < end && atom_match(a, *p)) {
				p++;
				k++;
			}
			/* Longest first, then shorter: backtracking. */
			for (; k >= min; k--, p--)
				if (match_here(re, i + 1, p, end))
					return 1;
			return 0;
		}
		if (s >= end || !atom_match(a, *s))
			return 0;
		s++;
	}
	return !re->eol || s == end;
}

static int
match_fixed(const char *pat, const char *s, const char *end)
{
	size_t n = strlen(pat);

	for (; s + n <= end; s++) {
		size_t i = 0;
		while (i < n && (iflag ? tolower((unsigned char)s[i]) ==
		    tolower((unsigned char)pat[i]) : s[i] == pat[i]))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

static int
match_line(const char *line, size_t len)
{
	const char *end = line + len;

	for (int r = 0; r < nres; r++) {
		const struct re *re = &res[r];
		if (re->fixed != NULL) {
			if (match_fixed(re->fixed, line, end))
				return 1;
			continue;
		}
		if (re->bol) {
			if (match_here(re, 0, line, end))
				return 1;
			continue;
		}
		for (const char *s = line; s <= end; s++)
			if (match_here(re, 0, s, end))
				return 1;
	}
	return 0;
}

/* Add a pattern: with -E (and -F), each line and alternative apart. */
static void
add_pattern(const char *pat)
{
	const char *p = pat;

	for (;;) {
		size_t n = strcspn(p, Eflag ? "\n|" : "\n");
		res = realloc(res, (nres + 1) * sizeof(*res));
		if (res == NULL)
			err(2, NULL);
		compile(&res[nres++], p, p + n);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

/* => the number of lines selected. */
static long
grep(FILE *fp, const char *name, int showname)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long count = 0, lineno = 0;

	while ((len = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if (match_line(line, len) == vflag)
			continue;
		count++;
		if (qflag)
			exit(0);
		if (lflag) {
			printf("%s\n", name);
			break;
		}
		if (cflag)
			continue;
		if (showname)
			printf("%s:", name);
		if (nflag)
			printf("%ld:", lineno);
		fwrite(line, 1, len, stdout);
		putchar('\n');
	}
	free(line);
	if (cflag) {
		if (showname)
			printf("%s:", name);
		printf("%ld\n", count);
	}
	return count;
}

static void
usage(void)
{
	fprintf(stderr, "usage: grep [-cEFhilnqsv] [-e pattern] [pattern] "
	    "[file ...]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	int ch, error = 0;
	long total = 0;
	const char **pats = NULL;
	int npats = 0;

	while ((ch = getopt(argc, argv, "ce:EFhilnqsv")) != -1) {
		switch (ch) {
		case 'c': cflag = 1; break;
		case 'E': Eflag = 1; break;
		case 'F': Fflag = 1; break;
		case 'h': hflag = 1; break;
		case 'i': iflag = 1; break;
		case 'l': lflag = 1; break;
		case 'n': nflag = 1; break;
		case 'q': qflag = 1; break;
		case 's': sflag = 1; break;
		case 'v': vflag = 1; break;
		case 'e':
			pats = realloc(pats, (npats + 1) * sizeof(char *));
			if (pats == NULL)
				err(2, NULL);
			pats[npats++] = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (npats == 0) {
		if (argc == 0)
			usage();
		add_pattern(argv[0]);
		argc--;
		argv++;
	}
	for (int i = 0; i < npats; i++)
		add_pattern(pats[i]);
	if (argc == 0)
		total = grep(stdin, "(standard input)", 0);
	for (int i = 0; i < argc; i++) {
		FILE *fp = strcmp(argv[i], "-") == 0 ? stdin :
		    fopen(argv[i], "r");
		if (fp == NULL) {
			if (!sflag)
				warn("%s", argv[i]);
			error = 1;
			continue;
		}
		total += grep(fp, argv[i], argc > 1 && !hflag);
		if (fp != stdin)
			fclose(fp);
	}
	fflush(stdout);
	if (error)
		return 2;
	return total > 0 ? 0 : 1;
}
