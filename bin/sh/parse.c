/*
 * bin/sh/parse.c: the parser.
 *
 * parse() takes the text of one or more whole lines and makes a tree of
 * struct node (sh.h) for all of it, or says the text is unfinished
 * (P_INCOMPLETE: an open quote, a trailing |, an if without fi, a
 * here-document without its end line), so that the caller reads another
 * line, appends it and parses again from the start; or that it is wrong
 * (P_ERROR, with parse_err saying why, in ksh's words).
 *
 * The grammar is the POSIX shell's, by recursive descent:
 *
 *	list	 := and_or ((';' | '&' | NL) and_or)*
 *	and_or	 := pipeline (('&&' | '||') NL* pipeline)*
 *	pipeline := ['!'] command ('|' NL* command)*
 *	command	 := simple | '(' list ')' | '{' list '}' | if | while
 *		  | until | for | case | name '(' ')' command
 *	simple	 := (word | redirection)+
 *
 * Reserved words (if, then, do, ...) are words that are recognised only
 * where a command may start, and only unquoted.  Words are kept exactly
 * as typed: quotes and $ are for expand.c, when the word is used.  The
 * tokens come from lex.c (peek, next).
 *
 * Errors and unfinished input unwind the descent with longjmp: all the
 * parser's memory is in the arena (salloc), so nothing leaks.
 */
#include <setjmp.h>
#include <string.h>

#include "sh.h"
#include "lex.h"

const char *parse_err;
static int *keepp;		/* set when a function is defined */

static struct node *parse_list(int nested);
static struct node *parse_command(void);

static void
expect_word(const char *w)
{
	if (!peek_word(w))
		unexpected();
	next();
}

static void
skip_newlines(void)
{
	while (peek() == T_NL)
		next();
}

static struct node *
mknode(int type)
{
	struct node *n = salloc(sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->type = type;
	return n;
}

static struct node *
mkbinary(int type, struct node *l, struct node *r)
{
	struct node *n = mknode(type);

	n->left = l;
	n->right = r;
	return n;
}

/* Words that end a list inside a compound command. */
static int
at_list_end(int nested)
{
	static const char *const enders[] = { "then", "else", "elif", "fi",
	    "do", "done", "esac", "}", NULL };
	int t = peek();

	if (t == T_EOF)
		return 1;
	if (!nested)
		return 0;
	if (t == T_RPAREN || t == T_DSEMI)
		return 1;
	if (t == T_WORD)
		for (int i = 0; enders[i] != NULL; i++)
			if (strcmp(tok.text, enders[i]) == 0)
				return 1;
	return 0;
}

/* A redirection: the operator is the lookahead, its word follows. */
static struct redir *
parse_redir(void)
{
	struct token op = next();
	struct redir *r = salloc(sizeof(*r));

	if (peek() != T_WORD)
		unexpected();
	r->type = op.rtype;
	r->fd = op.rfd & 0xffff;
	r->word = next().text;
	r->quoted = 0;
	r->next = NULL;
	if (r->type == R_HERE) {
		/* The delimiter is the word with its quotes removed. */
		char *d = salloc(strlen(r->word) + 1), *q = d;
		for (const char *p = r->word; *p != '\0'; p++) {
			if (*p == '\'' || *p == '"')
				r->quoted = 1;
			else if (*p == '\\' && p[1] != '\0') {
				r->quoted = 1;
				*q++ = *++p;
			} else
				*q++ = *p;
		}
		*q = '\0';
		r->word = d;
		if (op.rfd & 0x10000)
			r->quoted |= 2;
		lex_heredoc(r);
	}
	return r;
}

static void
add_redirs(struct node *n)
{
	struct redir **tail = &n->redirs;

	while (*tail != NULL)
		tail = &(*tail)->next;
	while (peek() == T_REDIR) {
		*tail = parse_redir();
		tail = &(*tail)->next;
	}
}

static void
add_word(struct node *n, char *w)
{
	char **v = salloc((n->nwords + 2) * sizeof(char *));

	if (n->nwords > 0)
		memcpy(v, n->words, n->nwords * sizeof(char *));
	v[n->nwords++] = w;
	v[n->nwords] = NULL;
	n->words = v;
}

static struct node *
parse_simple(void)
{
	struct node *n = mknode(N_CMD);
	struct redir **tail = &n->redirs;

	for (;;) {
		int t = peek();
		if (t == T_WORD) {
			add_word(n, next().text);
			if (n->nwords == 1 && n->redirs == NULL &&
			    peek() == T_LPAREN) {
				/* name () command: a function. */
				next();
				if (peek() != T_RPAREN)
					unexpected();
				next();
				if (!is_name(n->words[0],
				    strlen(n->words[0])))
					syntax_error("invalid function name");
				skip_newlines();
				struct node *f = mknode(N_FUNC);
				f->name = n->words[0];
				f->left = parse_command();
				*keepp = 1;
				return f;
			}
		} else if (t == T_REDIR) {
			*tail = parse_redir();
			tail = &(*tail)->next;
		} else
			break;
	}
	if (n->nwords == 0 && n->redirs == NULL)
		unexpected();
	return n;
}

static struct node *
parse_if(void)
{
	struct node *n = mknode(N_IF);

	next();			/* if or elif */
	n->left = parse_list(1);
	expect_word("then");
	n->right = parse_list(1);
	if (peek_word("elif"))
		n->third = parse_if();	/* consumes through fi */
	else {
		if (peek_word("else")) {
			next();
			n->third = parse_list(1);
		}
		expect_word("fi");
	}
	return n;
}

static struct node *
parse_loop(int type)
{
	struct node *n = mknode(type);

	next();
	n->left = parse_list(1);
	expect_word("do");
	n->right = parse_list(1);
	expect_word("done");
	return n;
}

static struct node *
parse_for(void)
{
	struct node *n = mknode(N_FOR);

	next();
	if (peek() != T_WORD || !is_name(tok.text, strlen(tok.text)))
		unexpected();
	n->name = next().text;
	skip_newlines();
	if (peek_word("in")) {
		next();
		n->words = salloc(sizeof(char *));
		n->words[0] = NULL;
		while (peek() == T_WORD)
			add_word(n, next().text);
		if (peek() != T_SEMI && peek() != T_NL)
			unexpected();
		next();
	} else if (peek() == T_SEMI)
		next();
	skip_newlines();
	expect_word("do");
	n->right = parse_list(1);
	expect_word("done");
	return n;
}

static struct node *
parse_case(void)
{
	struct node *n = mknode(N_CASE);

	next();
	if (peek() != T_WORD)
		unexpected();
	add_word(n, next().text);
	skip_newlines();
	expect_word("in");
	skip_newlines();
	while (!peek_word("esac")) {
		struct node *item = mknode(N_CASEITEM);
		if (peek() == T_LPAREN)
			next();
		for (;;) {
			if (peek() != T_WORD)
				unexpected();
			add_word(item, next().text);
			if (peek() != T_PIPE)
				break;
			next();
		}
		if (peek() != T_RPAREN)
			unexpected();
		next();
		item->left = parse_list(1);
		struct node **v = salloc((n->nkids + 1) * sizeof(*v));
		if (n->nkids > 0)
			memcpy(v, n->kids, n->nkids * sizeof(*v));
		v[n->nkids++] = item;
		n->kids = v;
		if (peek() == T_DSEMI)
			next();
		else if (!peek_word("esac"))
			unexpected();
		skip_newlines();
	}
	next();
	return n;
}

static struct node *
parse_command(void)
{
	struct node *n;

	if (peek() == T_LPAREN) {
		next();
		n = mknode(N_SUBSHELL);
		n->left = parse_list(1);
		if (peek() != T_RPAREN)
			unexpected();
		next();
	} else if (peek_word("{")) {
		next();
		n = mknode(N_BRACE);
		n->left = parse_list(1);
		expect_word("}");
	} else if (peek_word("if"))
		n = parse_if();
	else if (peek_word("while"))
		n = parse_loop(N_WHILE);
	else if (peek_word("until"))
		n = parse_loop(N_UNTIL);
	else if (peek_word("for"))
		n = parse_for();
	else if (peek_word("case"))
		n = parse_case();
	else if (peek() == T_WORD || peek() == T_REDIR) {
		if (at_list_end(1))
			unexpected();	/* then, fi, ... out of place */
		return parse_simple();
	} else
		unexpected();
	add_redirs(n);
	return n;
}

static struct node *
parse_pipeline(void)
{
	int bang = 0;

	if (peek_word("!")) {
		next();
		bang = 1;
	}
	struct node *n = parse_command();
	if (peek() == T_PIPE) {
		struct node *p = mknode(N_PIPE);
		struct node **v = salloc(64 * sizeof(*v));
		v[p->nkids++] = n;
		while (peek() == T_PIPE) {
			next();
			skip_newlines();
			if (p->nkids == 64)
				syntax_error("pipeline too long");
			v[p->nkids++] = parse_command();
		}
		p->kids = v;
		n = p;
	}
	if (bang) {
		struct node *b = mknode(N_NOT);
		b->left = n;
		n = b;
	}
	return n;
}

static struct node *
parse_andor(void)
{
	struct node *n = parse_pipeline();

	while (peek() == T_AND || peek() == T_OR) {
		int type = next().type == T_AND ? N_AND : N_OR;
		skip_newlines();
		n = mkbinary(type, n, parse_pipeline());
	}
	return n;
}

/*
 * A list of and_or's.  At the top (nested 0) it runs to the end of the
 * text; nested, it stops before a reserved word, ) or ;; that may end
 * it, which the caller checks.
 */
static struct node *
parse_list(int nested)
{
	struct node *list = NULL;

	for (;;) {
		skip_newlines();
		if (at_list_end(nested))
			break;
		size_t start = tok.start;
		struct node *n = parse_andor();
		int t = peek();
		if (t == T_AMP) {
			struct node *bg = mknode(N_BG);
			bg->left = n;
			bg->name = lex_text(start, tok.start);
			n = bg;
			next();
		} else if (t == T_SEMI || t == T_NL)
			next();
		else if (!at_list_end(nested))
			unexpected();
		list = list == NULL ? n : mkbinary(N_SEQ, list, n);
	}
	if (list == NULL && nested) {
		if (peek() == T_EOF)
			incomplete();
		unexpected();
	}
	return list;
}

/*
 * parse: the tree for the whole of text, into *tree (NULL for text with
 * no command in it).  *keep is set when the text defines a function, whose
 * body must outlive the arena's next reset.
 * => P_OK, P_INCOMPLETE (read more and try again) or P_ERROR (parse_err)
 */
int
parse(const char *text, struct node **tree, int *keep)
{
	int r;

	lex_init(text);
	keepp = keep;
	*tree = NULL;
	r = setjmp(parse_fail);
	if (r != 0)
		return r;
	struct node *n = parse_list(0);
	if (lex_heredocs_pending())
		incomplete();	/* a here-document with no newline yet */
	*tree = n;
	return P_OK;
}
