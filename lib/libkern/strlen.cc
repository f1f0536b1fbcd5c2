/*
 * The string functions of libkern: strlen, strcmp, strncmp, and OpenBSD's
 * strlcpy/strlcat, which always terminate the destination and return the
 * length they tried to create, so truncation is detected by
 * "if (strlcpy(dst, src, sizeof(dst)) >= sizeof(dst))".
 */
#include <sys/types.h>
#include <sys/systm.h>

size_t
strlen(const char *s)
{
	const char *p = s;

	while (*p != '\0')
		p++;
	return p - s;
}

int
strcmp(const char *a, const char *b)
{
	for (; *a == *b; a++, b++)
		if (*a == '\0')
			return 0;
	return (unsigned char)*a - (unsigned char)*b;
}

int
strncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (*a == '\0')
			return 0;
	}
	return 0;
}

size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = (len >= size) ? size - 1 : len;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

size_t
strlcat(char *dst, const char *src, size_t size)
{
	size_t dlen = 0;

	while (dlen < size && dst[dlen] != '\0')
		dlen++;
	if (dlen == size)
		return size + strlen(src);
	return dlen + strlcpy(dst + dlen, src, size - dlen);
}
