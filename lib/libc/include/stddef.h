/*
 * <stddef.h>: size_t, ptrdiff_t, NULL and offsetof for user programs.
 *
 * User programs are compiled with -nostdinc, so the compiler's own
 * freestanding headers are not seen; these few lines take the types from
 * the compiler's predefined macros instead, which keeps them right for
 * both the i386 target and the host that runs libc's unit tests.
 */
#ifndef _STDDEF_H_
#define _STDDEF_H_

typedef __SIZE_TYPE__		size_t;
typedef __PTRDIFF_TYPE__	ptrdiff_t;
#ifndef __cplusplus
typedef __WCHAR_TYPE__		wchar_t;
#endif
typedef struct {
	long long	__ll __attribute__((__aligned__(__alignof__(long long))));
	long double	__ld __attribute__((__aligned__(__alignof__(long double))));
} max_align_t;

#ifdef __cplusplus
#define NULL	nullptr
#else
#define NULL	((void *)0)
#endif

#define offsetof(type, member)	__builtin_offsetof(type, member)

#endif /* !_STDDEF_H_ */
