/*
 * bin/sh/arith.c: arithmetic expansion, $(( expression )).
 *
 * Integer (long) arithmetic in C's syntax and precedence, by recursive
 * descent, one function per level:
 *
 *	cond	 := or ['?' cond ':' cond]
 *	or	 := and ('||' and)*
 *	and	 := bor ('&&' bor)*
 *	bor	 := bxor ('|' bxor)*	... and so on down through
 *		    ^ & == != < <= > >= << >> + - * / %
 *	unary	 := ('-' | '+' | '!' | '~') unary | primary
 *	primary	 := number | name | '(' cond ')'
 *
 * A name stands for its variable's value read as a number (unset or
 * empty is 0).  $VAR inside the parentheses was already expanded by
 * expand.c.  There is no assignment (i=$((i+1)) is the way to count).
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

static const char *ap;		/* where the scan is */
static jmp_buf afail;

static __attribute__((noreturn)) void
afailed(const char *msg)
{
	shwarn("%s", msg);
	longjmp(afail, 1);
}

static void
blanks(void)
{
	while (isspace((unsigned char)*ap))
		ap++;
}

/* Is the operator op next?  Then step over it.  (Not "&" in "&&".) */
static int
accept(const char *op)
{
	size_t n = strlen(op);

	blanks();
	if (strncmp(ap, op, n) != 0)
		return 0;
	if (n == 1 && (op[0] == '&' || op[0] == '|' || op[0] == '<' ||
	    op[0] == '>') && (ap[1] == op[0] || ap[1] == '='))
		return 0;
	if (n == 1 && (op[0] == '!' || op[0] == '=') && ap[1] == '=')
		return 0;
	ap += n;
	return 1;
}

static long cond(void);

static long
primary(void)
{
	blanks();
	if (accept("(")) {
		long v = cond();
		if (!accept(")"))
			afailed("arithmetic: missing )");
		return v;
	}
	if (isdigit((unsigned char)*ap)) {
		char *end;
		long v = strtol(ap, &end, 0);
		ap = end;
		return v;
	}
	if (isalpha((unsigned char)*ap) || *ap == '_') {
		const char *s = ap;
		while (isalnum((unsigned char)*ap) || *ap == '_')
			ap++;
		char *name = xstrndup(s, ap - s);
		const char *val = getvar(name);
		free(name);
		return val != NULL ? strtol(val, NULL, 0) : 0;
	}
	afailed(*ap == '\0' ? "arithmetic: missing operand" :
	    "arithmetic: syntax error");
}

static long
unary(void)
{
	if (accept("-"))
		return -unary();
	if (accept("+"))
		return unary();
	if (accept("!"))
		return !unary();
	if (accept("~"))
		return ~unary();
	return primary();
}

static long
mul(void)
{
	long v = unary();

	for (;;) {
		if (accept("*"))
			v *= unary();
		else if (accept("/") || accept("%")) {
			char op = ap[-1];
			long d = unary();
			if (d == 0)
				afailed("arithmetic: divide by zero");
			v = op == '/' ? v / d : v % d;
		} else
			return v;
	}
}

static long
add(void)
{
	long v = mul();

	for (;;) {
		if (accept("+"))
			v += mul();
		else if (accept("-"))
			v -= mul();
		else
			return v;
	}
}

static long
shift(void)
{
	long v = add();

	for (;;) {
		if (accept("<<"))
			v <<= add();
		else if (accept(">>"))
			v >>= add();
		else
			return v;
	}
}

static long
rel(void)
{
	long v = shift();

	for (;;) {
		if (accept("<="))
			v = v <= shift();
		else if (accept(">="))
			v = v >= shift();
		else if (accept("<"))
			v = v < shift();
		else if (accept(">"))
			v = v > shift();
		else
			return v;
	}
}

static long
eq(void)
{
	long v = rel();

	for (;;) {
		if (accept("=="))
			v = v == rel();
		else if (accept("!="))
			v = v != rel();
		else
			return v;
	}
}

static long
band(void)
{
	long v = eq();

	while (accept("&"))
		v &= eq();
	return v;
}

static long
bxor(void)
{
	long v = band();

	while (accept("^"))
		v ^= band();
	return v;
}

static long
bor(void)
{
	long v = bxor();

	while (accept("|"))
		v |= bxor();
	return v;
}

/* && and || evaluate both sides: no side effects exist to skip. */
static long
land(void)
{
	long v = bor();

	while (accept("&&")) {
		long r = bor();
		v = v && r;
	}
	return v;
}

static long
lor(void)
{
	long v = land();

	while (accept("||")) {
		long r = land();
		v = v || r;
	}
	return v;
}

static long
cond(void)
{
	long v = lor();

	if (accept("?")) {
		long a = cond();
		if (!accept(":"))
			afailed("arithmetic: missing :");
		long b = cond();
		v = v ? a : b;
	}
	return v;
}

/*
 * arith: the value of expr into *result.
 * => 0, or -1 after printing what is wrong with it.
 */
int
arith(const char *expr, long *result)
{
	ap = expr;
	if (setjmp(afail) != 0)
		return -1;
	blanks();
	*result = *ap == '\0' ? 0 : cond();
	blanks();
	if (*ap != '\0') {
		shwarn("arithmetic: unexpected `%s'", ap);
		return -1;
	}
	return 0;
}
