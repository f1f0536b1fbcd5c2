/*
 * memset, memcmp: fill and compare bytes.
 * The kernel is built with -fno-tree-loop-distribute-patterns so that the
 * compiler does not turn the loop in memset into a call to memset.
 */
#include <sys/types.h>
#include <sys/systm.h>

void *
memset(void *dst, int c, size_t n)
{
	unsigned char *d = (unsigned char *)dst;

	while (n-- > 0)
		*d++ = (unsigned char)c;
	return dst;
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
