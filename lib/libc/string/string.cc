/*
 * lib/libc/string/string.cc: the byte and string functions of <string.h>
 * and <strings.h>, written plainly, a byte at a time.
 *
 * Speed is not the point here; each is the loop its manual page
 * describes.  The compiler must not turn these loops back into calls to
 * memset or memcpy (which would call themselves): libc is built with
 * -fno-tree-loop-distribute-patterns, as the kernel is.  Allocating ones
 * (strdup, strndup) use malloc(3).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

extern "C" {

void *
memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; n > 0; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return nullptr;
}

int
memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; n > 0; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

void *
memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = (unsigned char *)dst;
	const unsigned char *s = (const unsigned char *)src;

	while (n-- > 0)
		*d++ = *s++;
	return dst;
}

/* Copy backwards when the destination overlaps the source's end. */
void *
memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = (unsigned char *)dst;
	const unsigned char *s = (const unsigned char *)src;

	if (d < s || d >= s + n) {
		while (n-- > 0)
			*d++ = *s++;
	} else {
		d += n;
		s += n;
		while (n-- > 0)
			*--d = *--s;
	}
	return dst;
}

void *
memset(void *s, int c, size_t n)
{
	unsigned char *p = (unsigned char *)s;

	while (n-- > 0)
		*p++ = (unsigned char)c;
	return s;
}

void *
memmem(const void *big, size_t blen, const void *little, size_t llen)
{
	const char *b = (const char *)big;

	if (llen == 0)
		return (void *)big;
	for (size_t k = 0; k + llen <= blen; k++)
		if (memcmp(b + k, little, llen) == 0)
			return (void *)(b + k);
	return nullptr;
}

size_t
strlen(const char *s)
{
	const char *p = s;

	while (*p != '\0')
		p++;
	return p - s;
}

size_t
strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n] != '\0')
		n++;
	return n;
}

char *
stpcpy(char *dst, const char *src)
{
	while ((*dst = *src++) != '\0')
		dst++;
	return dst;
}

char *
strcpy(char *dst, const char *src)
{
	stpcpy(dst, src);
	return dst;
}

/* Copies at most n bytes and pads with NULs, as ISO C insists. */
char *
strncpy(char *dst, const char *src, size_t n)
{
	size_t k = 0;

	for (; k < n && src[k] != '\0'; k++)
		dst[k] = src[k];
	for (; k < n; k++)
		dst[k] = '\0';
	return dst;
}

char *
strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

char *
strncat(char *dst, const char *src, size_t n)
{
	char *d = dst + strlen(dst);

	while (n-- > 0 && *src != '\0')
		*d++ = *src++;
	*d = '\0';
	return dst;
}

/* => strlen(src): truncation happened if that is >= size. */
size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (size > 0) {
		size_t k = n < size - 1 ? n : size - 1;
		memcpy(dst, src, k);
		dst[k] = '\0';
	}
	return n;
}

size_t
strlcat(char *dst, const char *src, size_t size)
{
	size_t dlen = strnlen(dst, size);

	if (dlen == size)
		return size + strlen(src);
	return dlen + strlcpy(dst + dlen, src, size - dlen);
}

int
strcmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

int
strncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (*a == '\0')
			break;
	}
	return 0;
}

/* Only the "C" locale: collation is byte order. */
int
strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}

char *
strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return nullptr;
	}
}

char *
strrchr(const char *s, int c)
{
	const char *last = nullptr;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return (char *)last;
	}
}

char *
index(const char *s, int c)
{
	return strchr(s, c);
}

char *
rindex(const char *s, int c)
{
	return strrchr(s, c);
}

size_t
strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] != '\0' && strchr(accept, s[n]) != nullptr)
		n++;
	return n;
}

size_t
strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] != '\0' && strchr(reject, s[n]) == nullptr)
		n++;
	return n;
}

char *
strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s != '\0' ? (char *)s : nullptr;
}

char *
strstr(const char *big, const char *little)
{
	size_t n = strlen(little);

	for (; *big != '\0' || n == 0; big++) {
		if (strncmp(big, little, n) == 0)
			return (char *)big;
	}
	return nullptr;
}

/* Cut *sp at the first delimiter; => the token, *sp past it (or NULL). */
char *
strsep(char **sp, const char *delim)
{
	char *s = *sp;

	if (s == nullptr)
		return nullptr;
	char *e = s + strcspn(s, delim);
	if (*e != '\0') {
		*e = '\0';
		*sp = e + 1;
	} else
		*sp = nullptr;
	return s;
}

char *
strtok_r(char *s, const char *delim, char **last)
{
	if (s == nullptr)
		s = *last;
	if (s == nullptr)
		return nullptr;
	s += strspn(s, delim);
	if (*s == '\0') {
		*last = nullptr;
		return nullptr;
	}
	char *e = s + strcspn(s, delim);
	if (*e != '\0')
		*e++ = '\0';
	*last = e;
	return s;
}

char *
strtok(char *s, const char *delim)
{
	static char *last;

	return strtok_r(s, delim, &last);
}

char *
strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = (char *)malloc(n);

	if (p != nullptr)
		memcpy(p, s, n);
	return p;
}

char *
strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = (char *)malloc(len + 1);

	if (p != nullptr) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t)-1);
}

int
strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		int x = lower((unsigned char)*a), y = lower((unsigned char)*b);
		if (x != y)
			return x - y;
		if (x == '\0')
			break;
	}
	return 0;
}

int
bcmp(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n) != 0;
}

void
bcopy(const void *src, void *dst, size_t n)
{
	memmove(dst, src, n);
}

void
bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

int
ffs(int v)
{
	for (int k = 0; k < 32; k++)
		if (v & (1 << k))
			return k + 1;
	return 0;
}

} // extern "C"
