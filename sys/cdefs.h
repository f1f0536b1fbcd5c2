/*
 * <sys/cdefs.h>: compiler helpers that the rest of the kernel names instead of
 * spelling out GCC attributes, as OpenBSD's <sys/cdefs.h> does.
 *
 * User programs read it too, through libc's headers, and they may be C:
 * the C++ attribute spellings and the extern "C" braces are C++ only.
 */
#ifndef _SYS_CDEFS_H_
#define _SYS_CDEFS_H_

#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#ifdef __cplusplus
#define __dead			[[noreturn]]
#define __unused		[[maybe_unused]]
#else
#define __dead			__attribute__((__noreturn__))
#define __unused		__attribute__((__unused__))
#endif
#define __used			__attribute__((__used__))
#define __section(s)		__attribute__((__section__(s)))
#define __printflike(f, a)	__attribute__((__format__(__printf__, f, a)))
#define __predict_true(e)	__builtin_expect(((e) != 0), 1)
#define __predict_false(e)	__builtin_expect(((e) != 0), 0)

/* Names that are visible to assembly and the linker keep C linkage. */
#ifdef __cplusplus
#define __BEGIN_DECLS		extern "C" {
#define __END_DECLS		}
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

#endif /* !_SYS_CDEFS_H_ */
