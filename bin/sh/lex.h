/*
 * bin/sh/lex.h: the lexer's interface to the parser (lex.c, parse.c).
 */
#ifndef SH_LEX_H
#define SH_LEX_H

#include <setjmp.h>
#include <stddef.h>

struct token {
	int	type;		/* T_* (sh.h) */
	char	*text;		/* T_WORD: as typed */
	int	rtype;		/* T_REDIR: R_* */
	int	rfd;		/* T_REDIR: the descriptor; 0x10000: <<- */
	size_t	start, end;	/* where it is in the text */
};

extern struct token tok;	/* the lookahead, valid after peek() */
extern jmp_buf	parse_fail;	/* parse() sets it; errors longjmp to it */

void	lex_init(const char *text);
int	peek(void);
struct token	next(void);
int	peek_word(const char *w);
void	lex_heredoc(struct redir *r);
int	lex_heredocs_pending(void);
char	*lex_text(size_t start, size_t end);
__attribute__((noreturn)) void	incomplete(void);
__attribute__((noreturn)) void	syntax_error(const char *msg);
__attribute__((noreturn)) void	unexpected(void);

#endif /* SH_LEX_H */
