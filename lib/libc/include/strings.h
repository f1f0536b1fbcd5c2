/* <strings.h>: the BSD byte functions and case-blind comparisons. */
#ifndef _STRINGS_H_
#define _STRINGS_H_

#include <sys/cdefs.h>
#include <stddef.h>

__BEGIN_DECLS
int	 bcmp(const void *a, const void *b, size_t n);
void	 bcopy(const void *src, void *dst, size_t n);
void	 bzero(void *s, size_t n);
int	 ffs(int v);
char	*index(const char *s, int c);
char	*rindex(const char *s, int c);
int	 strcasecmp(const char *a, const char *b);
int	 strncasecmp(const char *a, const char *b, size_t n);
__END_DECLS

#endif /* !_STRINGS_H_ */
