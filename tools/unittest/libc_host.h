/*
 * tools/unittest/libc_host.h: the user C library's functions as the host
 * tests see them: renamed libc_NAME (libc_rename.h), declared here with
 * the host's types, which have the same sizes and layouts on the host as
 * libc's own on it (size_t, time_t, struct tm, struct timespec).  A test
 * calls libc_snprintf and compares the result with the host's snprintf.
 */
#ifndef _LIBC_HOST_H_
#define _LIBC_HOST_H_

#include <cstdarg>
#include <cstddef>
#include <ctime>
#include <string>

extern "C" {
extern int libc_errno;
extern char **libc_environ;
extern char *libc_optarg;
extern int libc_opterr, libc_optind, libc_optopt, libc_optreset;

void	*libc_memchr(const void *, int, size_t);
int	 libc_memcmp(const void *, const void *, size_t);
void	*libc_memcpy(void *, const void *, size_t);
void	*libc_memmove(void *, const void *, size_t);
void	*libc_memset(void *, int, size_t);
void	*libc_memmem(const void *, size_t, const void *, size_t);
size_t	 libc_strlen(const char *);
size_t	 libc_strnlen(const char *, size_t);
char	*libc_stpcpy(char *, const char *);
char	*libc_strcpy(char *, const char *);
char	*libc_strncpy(char *, const char *, size_t);
char	*libc_strcat(char *, const char *);
char	*libc_strncat(char *, const char *, size_t);
size_t	 libc_strlcpy(char *, const char *, size_t);
size_t	 libc_strlcat(char *, const char *, size_t);
int	 libc_strcmp(const char *, const char *);
int	 libc_strncmp(const char *, const char *, size_t);
char	*libc_strchr(const char *, int);
char	*libc_strrchr(const char *, int);
size_t	 libc_strspn(const char *, const char *);
size_t	 libc_strcspn(const char *, const char *);
char	*libc_strpbrk(const char *, const char *);
char	*libc_strstr(const char *, const char *);
char	*libc_strsep(char **, const char *);
char	*libc_strtok_r(char *, const char *, char **);
char	*libc_strdup(const char *);
char	*libc_strndup(const char *, size_t);
int	 libc_strcasecmp(const char *, const char *);
int	 libc_strncasecmp(const char *, const char *, size_t);
int	 libc_ffs(int);
char	*libc_strerror(int);

int	libc_isalnum(int);
int	libc_isalpha(int);
int	libc_isblank(int);
int	libc_iscntrl(int);
int	libc_isdigit(int);
int	libc_isgraph(int);
int	libc_islower(int);
int	libc_isprint(int);
int	libc_ispunct(int);
int	libc_isspace(int);
int	libc_isupper(int);
int	libc_isxdigit(int);
int	libc_tolower(int);
int	libc_toupper(int);

long	libc_strtol(const char *, char **, int);
unsigned long	libc_strtoul(const char *, char **, int);
long long	libc_strtoll(const char *, char **, int);
unsigned long long	libc_strtoull(const char *, char **, int);
int	libc_atoi(const char *);
long	libc_atol(const char *);
int	libc_abs(int);
long	libc_labs(long);
void	libc_qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void	*libc_bsearch(const void *, const void *, size_t, size_t,
	    int (*)(const void *, const void *));

char	*libc_getenv(const char *);
int	libc_setenv(const char *, const char *, int);
int	libc_unsetenv(const char *);
int	libc_putenv(char *);

void	*libc_malloc(size_t);
void	libc_free(void *);
void	*libc_calloc(size_t, size_t);
void	*libc_realloc(void *, size_t);
void	*libc_reallocarray(void *, size_t, size_t);

int	libc_snprintf(char *, size_t, const char *, ...);
int	libc_vsnprintf(char *, size_t, const char *, va_list);
int	libc_sprintf(char *, const char *, ...);
int	libc_asprintf(char **, const char *, ...);
int	libc_sscanf(const char *, const char *, ...);

int	libc_getopt(int, char *const *, const char *);

struct tm	*libc_gmtime_r(const time_t *, struct tm *);
time_t	libc_timegm(struct tm *);
time_t	libc_mktime(struct tm *);
char	*libc_asctime_r(const struct tm *, char *);
char	*libc_ctime_r(const time_t *, char *);
size_t	libc_strftime(char *, size_t, const char *, const struct tm *);
time_t	libc_time(time_t *);

/* stdio: a libc FILE is opaque to the tests. */
typedef struct libc_FILE libc_FILE;
extern libc_FILE *libc_stdin, *libc_stdout, *libc_stderr;
libc_FILE	*libc_fopen(const char *, const char *);
libc_FILE	*libc_fdopen(int, const char *);
int	libc_fclose(libc_FILE *);
int	libc_fflush(libc_FILE *);
int	libc_setvbuf(libc_FILE *, char *, int, size_t);
int	libc_fgetc(libc_FILE *);
int	libc_ungetc(int, libc_FILE *);
int	libc_fputc(int, libc_FILE *);
size_t	libc_fread(void *, size_t, size_t, libc_FILE *);
size_t	libc_fwrite(const void *, size_t, size_t, libc_FILE *);
int	libc_fseek(libc_FILE *, long, int);
long	libc_ftell(libc_FILE *);
void	libc_rewind(libc_FILE *);
int	libc_feof(libc_FILE *);
int	libc_ferror(libc_FILE *);
void	libc_clearerr(libc_FILE *);
int	libc_fileno(libc_FILE *);
char	*libc_fgets(char *, int, libc_FILE *);
long	libc_getline(char **, size_t *, libc_FILE *);
int	libc_fputs(const char *, libc_FILE *);
int	libc_fprintf(libc_FILE *, const char *, ...);
int	libc_dprintf(int, const char *, ...);
int	libc_fscanf(libc_FILE *, const char *, ...);
void	libc_perror(const char *);
void	libc_psignal(unsigned int, const char *);
}

/* What libc wrote to "stderr" (libc_host.cc), cleared by reading it. */
std::string	libc_take_stderr();

#endif /* !_LIBC_HOST_H_ */
