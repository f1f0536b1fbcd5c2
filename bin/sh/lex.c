/*
 * bin/sh/lex.c: the lexer, which cuts the text of a command into tokens
 * for the parser (parse.c): words, the operators ; & | && || ( ) ;; and
 * newline, and the redirections < > >> >| <& >& <> << <<- with the
 * descriptor number that may go before them (2>file).
 *
 * A word ends at an unquoted blank or operator character.  Finding that
 * end is the lexer's only real work: it has to follow '...', "...",
 * backslashes, and the $(...), ${...} and `...` a word may hold, which
 * may themselves hold quotes and blanks.  The word's text is kept as
 * typed; expand.c removes the quotes when the word is used.  A comment
 * (# at the start of a word) runs to the end of the line, and a
 * backslash before a newline joins two lines.
 *
 * Here-documents: "cat <<EOF" names a delimiter; the body is the lines
 * after the current one, up to a line that is the delimiter alone.  The
 * lexer reads the bodies when it passes that newline.
 *
 * When the text stops inside a quote, a $( or a here-document, the lexer
 * calls incomplete(), which unwinds to parse() (longjmp to parse_fail)
 * with P_INCOMPLETE: the shell then reads another line and tries again.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"
#include "lex.h"

struct token tok;		/* the lookahead */
jmp_buf	parse_fail;		/* where errors and unfinished text go */

static const char *src;		/* the text being parsed */
static size_t srclen, pos;
static int havetok;
static char errbuf[128];

/* Here-documents whose bodies start after the next newline. */
static struct redir *pending[16];
static int npending;

void
incomplete(void)
{
	longjmp(parse_fail, P_INCOMPLETE);
}

void
syntax_error(const char *msg)
{
	parse_err = msg;
	longjmp(parse_fail, P_ERROR);
}

/*
 * The skip_* helpers: p is just past an opening quote or bracket; each
 * returns the position just past the matching close, or calls
 * incomplete() if the text ends first.
 */
static size_t skip_paren(size_t p);

static size_t
skip_squote(size_t p)
{
	while (p < srclen && src[p] != '\'')
		p++;
	if (p >= srclen)
		incomplete();
	return p + 1;
}

static size_t
skip_bquote(size_t p)
{
	while (p < srclen && src[p] != '`')
		p += src[p] == '\\' ? 2 : 1;
	if (p >= srclen)
		incomplete();
	return p + 1;
}

/* After a $: ( , (( or { start something with its own end. */
static size_t
skip_dollar(size_t p)
{
	if (p < srclen && src[p] == '(')
		return skip_paren(p + 1);
	if (p < srclen && src[p] == '{') {
		p++;
		while (p < srclen && src[p] != '}') {
			if (src[p] == '\'')
				p = skip_squote(p + 1);
			else if (src[p] == '\\')
				p += 2;
			else
				p++;
		}
		if (p >= srclen)
			incomplete();
		return p + 1;
	}
	return p;
}

static size_t
skip_dquote(size_t p)
{
	while (p < srclen && src[p] != '"') {
		if (src[p] == '\\')
			p += 2;
		else if (src[p] == '`')
			p = skip_bquote(p + 1);
		else if (src[p] == '$')
			p = skip_dollar(p + 1);
		else
			p++;
	}
	if (p >= srclen)
		incomplete();
	return p + 1;
}

/* $( ... ): count parentheses, minding quotes. */
static size_t
skip_paren(size_t p)
{
	int depth = 1;

	while (p < srclen) {
		char c = src[p];
		if (c == '\\')
			p += 2;
		else if (c == '\'')
			p = skip_squote(p + 1);
		else if (c == '"')
			p = skip_dquote(p + 1);
		else if (c == '`')
			p = skip_bquote(p + 1);
		else if (c == '(') {
			depth++;
			p++;
		} else if (c == ')') {
			p++;
			if (--depth == 0)
				return p;
		} else
			p++;
	}
	incomplete();
}

static int
is_meta(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' ||
	    c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
}

/* The end of the word starting at p. */
static size_t
scan_word(size_t p)
{
	while (p < srclen && !is_meta(src[p])) {
		switch (src[p]) {
		case '\\':
			if (p + 1 >= srclen)
				incomplete();
			p += 2;
			break;
		case '\'':
			p = skip_squote(p + 1);
			break;
		case '"':
			p = skip_dquote(p + 1);
			break;
		case '`':
			p = skip_bquote(p + 1);
			break;
		case '$':
			p = skip_dollar(p + 1);
			break;
		default:
			p++;
		}
	}
	return p;
}

/*
 * read_heredocs: the lexer has just passed a newline; the bodies of the
 * here-documents named on that line follow, each up to a line holding
 * only its delimiter.
 */
static void
read_heredocs(void)
{
	for (int i = 0; i < npending; i++) {
		struct redir *r = pending[i];
		const char *delim = r->word;
		int striptabs = r->quoted & 2;
		size_t bodylen = 0;
		char *body = salloc(srclen - pos + 1);

		for (;;) {
			if (pos >= srclen)
				incomplete();
			size_t eol = pos;
			while (eol < srclen && src[eol] != '\n')
				eol++;
			size_t s = pos;
			if (striptabs)
				while (s < eol && src[s] == '\t')
					s++;
			int last = eol >= srclen;
			pos = last ? eol : eol + 1;
			if (eol - s == strlen(delim) &&
			    strncmp(src + s, delim, eol - s) == 0)
				break;
			if (last)
				incomplete();
			memcpy(body + bodylen, src + s, eol + 1 - s);
			bodylen += eol + 1 - s;
		}
		body[bodylen] = '\0';
		r->word = body;
		r->quoted &= 1;
	}
	npending = 0;
}

/* Read the next token into tok. */
static void
lex(void)
{
	for (;;) {
		while (pos < srclen && (src[pos] == ' ' || src[pos] == '\t'))
			pos++;
		if (pos < srclen && src[pos] == '\\' && pos + 1 < srclen &&
		    src[pos + 1] == '\n') {
			pos += 2;	/* a line continued */
			continue;
		}
		if (pos < srclen && src[pos] == '#')
			while (pos < srclen && src[pos] != '\n')
				pos++;
		break;
	}
	tok.start = pos;
	tok.text = NULL;
	if (pos >= srclen) {
		tok.type = T_EOF;
		tok.end = pos;
		return;
	}
	char c = src[pos], c2 = pos + 1 < srclen ? src[pos + 1] : '\0';
	size_t digits = pos;
	while (digits < srclen && isdigit((unsigned char)src[digits]))
		digits++;
	int fd = -1;
	if (digits > pos && digits < srclen &&
	    (src[digits] == '<' || src[digits] == '>')) {
		fd = atoi(src + pos);
		pos = digits;
		c = src[pos];
		c2 = pos + 1 < srclen ? src[pos + 1] : '\0';
	}
	tok.type = T_REDIR;
	if (c == '<') {
		tok.rfd = fd >= 0 ? fd : 0;
		if (c2 == '<') {
			tok.rtype = R_HERE;
			pos += 2;
			if (pos < srclen && src[pos] == '-') {
				tok.rfd |= 0x10000;	/* <<-: strip tabs */
				pos++;
			}
		} else if (c2 == '&') {
			tok.rtype = R_DUP;
			pos += 2;
		} else if (c2 == '>') {
			tok.rtype = R_RDWR;
			pos += 2;
		} else {
			tok.rtype = R_IN;
			pos++;
		}
	} else if (c == '>') {
		tok.rfd = fd >= 0 ? fd : 1;
		if (c2 == '>') {
			tok.rtype = R_APPEND;
			pos += 2;
		} else if (c2 == '&') {
			tok.rtype = R_DUP;
			pos += 2;
		} else {
			tok.rtype = R_OUT;
			pos += c2 == '|' ? 2 : 1;
		}
	} else if (c == '\n') {
		pos++;
		tok.type = T_NL;
		read_heredocs();
	} else if (c == ';') {
		tok.type = c2 == ';' ? T_DSEMI : T_SEMI;
		pos += c2 == ';' ? 2 : 1;
	} else if (c == '&') {
		tok.type = c2 == '&' ? T_AND : T_AMP;
		pos += c2 == '&' ? 2 : 1;
	} else if (c == '|') {
		tok.type = c2 == '|' ? T_OR : T_PIPE;
		pos += c2 == '|' ? 2 : 1;
	} else if (c == '(') {
		tok.type = T_LPAREN;
		pos++;
	} else if (c == ')') {
		tok.type = T_RPAREN;
		pos++;
	} else {
		size_t end = scan_word(pos);
		tok.type = T_WORD;
		tok.text = sstrndup(src + pos, end - pos);
		pos = end;
	}
	tok.end = pos;
}

int
peek(void)
{
	if (!havetok) {
		lex();
		havetok = 1;
	}
	return tok.type;
}

struct token
next(void)
{
	peek();
	havetok = 0;
	return tok;
}

/* Is the lookahead the unquoted word w? */
int
peek_word(const char *w)
{
	return peek() == T_WORD && strcmp(tok.text, w) == 0;
}

static const char *
tokname(void)
{
	static const char *names[] = { "end of file", "newline", "", ";",
	    "&", "|", "&&", "||", "(", ")", ";;", "redirection" };

	if (tok.type == T_EOF)
		incomplete();
	if (tok.type == T_WORD)
		return tok.text;
	return names[tok.type];
}

void
unexpected(void)
{
	const char *what = tokname();

	snprintf(errbuf, sizeof(errbuf), "syntax error: `%s' unexpected",
	    what);
	syntax_error(errbuf);
}

/* Start reading text from its beginning. */
void
lex_init(const char *text)
{
	src = text;
	srclen = strlen(text);
	pos = 0;
	havetok = 0;
	npending = 0;
}

/* A here-document whose body follows the next newline. */
void
lex_heredoc(struct redir *r)
{
	if (npending == (int)(sizeof(pending) / sizeof(pending[0])))
		syntax_error("too many here-documents");
	pending[npending++] = r;
}

/* Are here-documents still waiting for their newline? */
int
lex_heredocs_pending(void)
{
	return npending > 0;
}

/* The text from start to end, without trailing blanks, in the arena. */
char *
lex_text(size_t start, size_t end)
{
	while (end > start && (src[end - 1] == ' ' || src[end - 1] == '\t'))
		end--;
	return sstrndup(src + start, end - start);
}

