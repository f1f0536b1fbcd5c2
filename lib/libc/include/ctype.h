/*
 * <ctype.h>: character classes, for the "C" locale only (ASCII).  They
 * are functions, not table macros, so a student can step into them.
 */
#ifndef _CTYPE_H_
#define _CTYPE_H_

#include <sys/cdefs.h>

__BEGIN_DECLS
int	isalnum(int c);
int	isalpha(int c);
int	isascii(int c);
int	isblank(int c);
int	iscntrl(int c);
int	isdigit(int c);
int	isgraph(int c);
int	islower(int c);
int	isprint(int c);
int	ispunct(int c);
int	isspace(int c);
int	isupper(int c);
int	isxdigit(int c);
int	toascii(int c);
int	tolower(int c);
int	toupper(int c);
__END_DECLS

#endif /* !_CTYPE_H_ */
