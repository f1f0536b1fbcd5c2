/*
 * bin/sh/sh.h: the shell's shared declarations.
 *
 * sh(1) is a small Bourne-style shell in the spirit of OpenBSD's ksh
 * (bin/ksh), in a few files that each do one step:
 *
 *	main.c		options, reading lines, the prompt, the main loop,
 *			background jobs and signals
 *	lex.c		the lexer: where words and operators end (lex.h)
 *	parse.c		the recursive-descent parser that turns the tokens
 *			into a tree of struct node
 *	expand.c	word expansion: $parameters, ${...}, $(...), `...`,
 *			~, quote removal, field splitting, globbing
 *	arith.c		$((...)): integer expressions
 *	exec.c		running a tree: pipelines, redirections, fork/exec
 *			with the PATH search, wait and exit statuses
 *	builtin.c	the builtins, the variables and the functions
 *	test.c		test and [ (the code of bin/test.c)
 *
 * A line (or as many lines as an unfinished command needs) is parsed
 * whole into a tree allocated from an arena (salloc), the tree is run,
 * and the arena is emptied.  Words stay as they were typed, quotes and
 * all, until the moment they are used: then expand() makes the fields.
 *
 * The code is portable C (POSIX), so the same shell builds for the
 * system (against lib/libc) and on a Linux host (tools/userland-hosttest.sh
 * tests it there).
 */
#ifndef SH_H
#define SH_H

#include <sys/types.h>
#include <stddef.h>

/* Tokens (lex.c). */
enum {
	T_EOF, T_NL, T_WORD, T_SEMI, T_AMP, T_PIPE, T_AND, T_OR, T_LPAREN,
	T_RPAREN, T_DSEMI, T_REDIR
};

/* Redirections. */
enum {
	R_IN,		/* fd < word */
	R_OUT,		/* fd > word */
	R_APPEND,	/* fd >> word */
	R_DUP,		/* fd >& word or fd <& word (word "-" closes) */
	R_RDWR,		/* fd <> word */
	R_HERE		/* fd << word: the body follows the line */
};

struct redir {
	int		fd;		/* the descriptor redirected */
	int		type;		/* R_* */
	char		*word;		/* the file, or the here-document body */
	int		quoted;		/* R_HERE: delimiter quoted, no $ */
	struct redir	*next;
};

/* Tree nodes. */
enum {
	N_CMD,		/* a simple command: words, redirs */
	N_PIPE,		/* kids[0] | kids[1] | ... */
	N_AND,		/* left && right */
	N_OR,		/* left || right */
	N_SEQ,		/* left ; right */
	N_BG,		/* left & */
	N_NOT,		/* ! left */
	N_SUBSHELL,	/* ( left ) */
	N_BRACE,	/* { left } */
	N_IF,		/* if left then right else third */
	N_WHILE,	/* while left do right */
	N_UNTIL,	/* until left do right */
	N_FOR,		/* for name in words do right */
	N_CASE,		/* case words[0] in: kids[] are N_CASEITEM */
	N_CASEITEM,	/* words[] patterns ) left ;; */
	N_FUNC		/* name () left */
};

struct node {
	int		type;		/* N_* */
	char		**words;	/* N_CMD, N_FOR, N_CASE*: raw words */
	int		nwords;
	struct redir	*redirs;	/* on N_CMD and compound commands */
	struct node	*left, *right, *third;
	struct node	**kids;		/* N_PIPE, N_CASE */
	int		nkids;
	char		*name;		/* N_FOR, N_FUNC; N_BG: the text */
};

/* Parse results. */
enum { P_OK, P_INCOMPLETE, P_ERROR };

/* A growing list of strings (argv building). */
struct strlist {
	char	**v;
	int	n, cap;
};

/* main.c */
extern int	interactive;	/* reading commands from a terminal */
extern int	exitstatus;	/* $? */
extern pid_t	lastbg;		/* $! */
extern pid_t	shellpid;	/* $$ */
extern int	xflag;		/* set -x */
extern int	eflag;		/* set -e */
extern int	nflag;		/* set -n: parse only */
extern const char *arg0;	/* $0 */
extern int	lineno;		/* line being read */
extern volatile int intrpending; /* SIGINT arrived */
void	*salloc(size_t n);
char	*sstrdup(const char *s);
char	*sstrndup(const char *s, size_t n);
void	*xmalloc(size_t n);
void	*xrealloc(void *p, size_t n);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
void	sl_add(struct strlist *sl, char *s);
void	sl_free(struct strlist *sl);
void	shwarn(const char *fmt, ...);
int	run_string(const char *text, const char *name);
int	run_file(const char *path, int mustexist);
void	job_add(pid_t pid, const char *what);
void	jobs_reap(int block, pid_t which);
void	jobs_list(void);
__attribute__((noreturn)) void	sh_exit(int status);

/* parse.c */
int	parse(const char *text, struct node **tree, int *keep);
extern const char *parse_err;	/* the message of the last P_ERROR */

/* expand.c */
extern int	substatus;	/* the status of the last $(...) */
#define E_SPLIT	0x1	/* split unquoted expansions into fields */
#define E_GLOB	0x2	/* expand unquoted * ? [ against files */
#define E_HERE	0x4	/* a here-document body: no quotes but \$ \` \\ */
int	expand(const char *word, struct strlist *out, int flags);
char	*expand1(const char *word);
char	*expand_pat(const char *word);
char	*expand_here(const char *body);
int	glob_match(const char *pat, const char *s);
int	is_name(const char *s, size_t n);

/* arith.c */
int	arith(const char *expr, long *result);

/* exec.c */
#define X_NOFORK 0x1	/* already in a child: exec without forking */
int	run(struct node *n, int flags);
int	waitstatus(pid_t pid);
int	apply_redirs(struct redir *r, int **saved);
void	undo_redirs(int *saved);
void	child_setup(int bg);
__attribute__((noreturn)) void	shell_execve(char **argv);
extern int	breakcount, contcount, returning;
extern int	inloop, infunc;
extern int	condition;	/* in an if/while test or && || left */

/* test.c */
int	test_eval(int argc, char **argv);

/* builtin.c */
typedef int	(*builtin_fn)(int argc, char **argv);
builtin_fn	find_builtin(const char *name);
const char	*getvar(const char *name);
int	setvar(const char *name, const char *value, int export);
int	unsetvar(const char *name);
int	assignment(const char *word);
char	**make_env(void);
void	import_env(char **envp);
struct node	*find_func(const char *name);
void	define_func(const char *name, struct node *body);
extern char	**posargs;	/* $1 ... */
extern int	nposargs;
struct argsave {		/* $1... saved while a function runs */
	char	**args;
	int	n, ours;
};
void	args_push(struct argsave *save, int argc, char **argv);
void	args_pop(struct argsave *save);

#endif /* SH_H */
