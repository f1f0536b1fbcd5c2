/*
 * <string.h>: byte and string functions (lib/libc/string).
 */
#ifndef _STRING_H_
#define _STRING_H_

#include <sys/cdefs.h>
#include <stddef.h>

__BEGIN_DECLS
void	*memchr(const void *s, int c, size_t n);
int	 memcmp(const void *a, const void *b, size_t n);
void	*memcpy(void *dst, const void *src, size_t n);
void	*memmove(void *dst, const void *src, size_t n);
void	*memset(void *s, int c, size_t n);
void	*memmem(const void *big, size_t blen, const void *little,
	    size_t llen);
char	*stpcpy(char *dst, const char *src);
char	*strcat(char *dst, const char *src);
char	*strchr(const char *s, int c);
int	 strcmp(const char *a, const char *b);
int	 strcoll(const char *a, const char *b);
char	*strcpy(char *dst, const char *src);
size_t	 strcspn(const char *s, const char *reject);
char	*strdup(const char *s);
char	*strerror(int errnum);
size_t	 strlcat(char *dst, const char *src, size_t size);
size_t	 strlcpy(char *dst, const char *src, size_t size);
size_t	 strlen(const char *s);
char	*strncat(char *dst, const char *src, size_t n);
int	 strncmp(const char *a, const char *b, size_t n);
char	*strncpy(char *dst, const char *src, size_t n);
char	*strndup(const char *s, size_t n);
size_t	 strnlen(const char *s, size_t maxlen);
char	*strpbrk(const char *s, const char *accept);
char	*strrchr(const char *s, int c);
char	*strsep(char **sp, const char *delim);
char	*strsignal(int sig);
size_t	 strspn(const char *s, const char *accept);
char	*strstr(const char *big, const char *little);
char	*strtok(char *s, const char *delim);
char	*strtok_r(char *s, const char *delim, char **last);
__END_DECLS

#endif /* !_STRING_H_ */
