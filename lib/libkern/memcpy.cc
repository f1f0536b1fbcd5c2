/*
 * memcpy, memmove: copy bytes.  Word at a time ("rep movsl") when both
 * pointers allow it, since copies of page-sized blocks are common in a
 * kernel (copy-on-write faults copy whole pages).  OpenBSD's libkern has
 * these in assembly per architecture; here C++ with the one string
 * instruction inline.
 */
#include <sys/types.h>
#include <sys/systm.h>

void *
memcpy(void *dst, const void *src, size_t n)
{
	char *d = (char *)dst;
	const char *s = (const char *)src;

	if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0 && n >= 4) {
		/* Words with the string instruction: one per word. */
		size_t words = n / 4;
		__asm volatile("cld; rep movsl"
		    : "+D"(d), "+S"(s), "+c"(words) : : "memory");
		n &= 3;
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
