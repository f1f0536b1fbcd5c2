/*
 * libsa_host.cc: what the host tests of libsa put in place of boot(8).
 *
 * libsa takes its memory from alloc()/free() (lib/libsa/alloc.cc, a fixed
 * heap in boot(8)).  The ext2 tests use the host's malloc instead, so that
 * AddressSanitizer sees every block the reader allocates and catches a
 * read or write past one.  Under HOSTTEST <stand.h> names them sa_alloc
 * and sa_free; this file does not include it, to be free to call malloc.
 * strlcpy (OpenBSD's, which older C libraries lack) is here too.
 */
#include <stddef.h>
#include <stdlib.h>

extern "C" void *
sa_alloc(size_t size)
{
	return malloc(size);
}

extern "C" void
sa_free(void *ptr, size_t size)
{
	(void)size;
	free(ptr);
}

extern "C" size_t
sa_strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = 0;

	while (src[len] != '\0')
		len++;
	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;
		for (size_t i = 0; i < n; i++)
			dst[i] = src[i];
		dst[n] = '\0';
	}
	return len;
}
