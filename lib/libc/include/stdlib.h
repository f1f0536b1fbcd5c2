/*
 * <stdlib.h>: conversions, memory, the environment, sorting and leaving.
 */
#ifndef _STDLIB_H_
#define _STDLIB_H_

#include <sys/cdefs.h>
#include <stddef.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1
#define RAND_MAX	0x7fffffff
#define MB_CUR_MAX	1

typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;

__BEGIN_DECLS
__dead void	abort(void);
int	abs(int j);
int	atexit(void (*fn)(void));
int	atoi(const char *s);
long	atol(const char *s);
long long	atoll(const char *s);
void	*bsearch(const void *key, const void *base, size_t nmemb,
	    size_t size, int (*compar)(const void *, const void *));
void	*calloc(size_t nmemb, size_t size);
div_t	div(int num, int denom);
__dead void	exit(int status);
__dead void	_Exit(int status);
void	free(void *p);
char	*getenv(const char *name);
long	labs(long j);
ldiv_t	ldiv(long num, long denom);
long long	llabs(long long j);
void	*malloc(size_t size);
int	putenv(char *string);
void	qsort(void *base, size_t nmemb, size_t size,
	    int (*compar)(const void *, const void *));
int	rand(void);
int	rand_r(unsigned int *seed);
void	*realloc(void *p, size_t size);
void	*reallocarray(void *p, size_t nmemb, size_t size);
int	setenv(const char *name, const char *value, int overwrite);
void	srand(unsigned int seed);
long	strtol(const char *s, char **end, int base);
long long	strtoll(const char *s, char **end, int base);
unsigned long	strtoul(const char *s, char **end, int base);
unsigned long long	strtoull(const char *s, char **end, int base);
int	system(const char *command);
int	unsetenv(const char *name);
__END_DECLS

#endif /* !_STDLIB_H_ */
