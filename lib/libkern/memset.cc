/*
 * memset, memcmp: fill and compare bytes.
 * memset fills whole words with the string instruction "rep stosl", as
 * OpenBSD's i386 libkern does in assembly: zeroing pages is the kernel's
 * most common fill (every fresh page of anonymous memory, every kernel
 * stack), and a byte loop costs four instructions per byte where this
 * costs one per word.
 * The kernel is built with -fno-tree-loop-distribute-patterns so that the
 * compiler does not turn the byte loops into calls to memset.
 */
#include <sys/types.h>
#include <sys/systm.h>

void *
memset(void *dst, int c, size_t n)
{
	unsigned char *d = (unsigned char *)dst;

	/* Bytes up to a word boundary, then words, then the tail. */
	while (n > 0 && ((uintptr_t)d & 3) != 0) {
		*d++ = (unsigned char)c;
		n--;
	}
	if (n >= 4) {
		u_int32_t w = (unsigned char)c * 0x01010101u;
		size_t words = n / 4;
		__asm volatile("cld; rep stosl"
		    : "+D"(d), "+c"(words) : "a"(w) : "memory");
		n &= 3;
	}
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
