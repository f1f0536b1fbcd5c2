/*
 * memcpy, memmove: copy bytes.  Word at a time when both pointers allow
 * it, since copies of page-sized blocks are common in a kernel.
 * (OpenBSD's libkern has these in assembly per architecture; plain C++
 * here, so the file reads the same on every port.)
 */
#include <sys/types.h>
#include <sys/systm.h>

void *
memcpy(void *dst, const void *src, size_t n)
{
	char *d = (char *)dst;
	const char *s = (const char *)src;

	if ((((uintptr_t)d | (uintptr_t)s) & (sizeof(long) - 1)) == 0) {
		for (; n >= sizeof(long); n -= sizeof(long)) {
			*(long *)d = *(const long *)s;
			d += sizeof(long);
			s += sizeof(long);
		}
	}
	while (n-- > 0)
		*d++ = *s++;
	return dst;
}

/* memmove: like memcpy, but the regions may overlap. */
void *
memmove(void *dst, const void *src, size_t n)
{
	char *d = (char *)dst;
	const char *s = (const char *)src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	/* dst overlaps the end of src: copy backwards. */
	d += n;
	s += n;
	while (n-- > 0)
		*--d = *--s;
	return dst;
}
