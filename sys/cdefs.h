/*
 * <sys/cdefs.h>: compiler helpers that the rest of the kernel names instead of
 * spelling out GCC attributes, as OpenBSD's <sys/cdefs.h> does.
 */
#ifndef _SYS_CDEFS_H_
#define _SYS_CDEFS_H_

#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __dead			[[noreturn]]
#define __unused		[[maybe_unused]]
#define __used			__attribute__((__used__))
#define __section(s)		__attribute__((__section__(s)))
#define __printflike(f, a)	__attribute__((__format__(__printf__, f, a)))
#define __predict_true(e)	__builtin_expect(((e) != 0), 1)
#define __predict_false(e)	__builtin_expect(((e) != 0), 0)

/* Names that are visible to assembly and the linker keep C linkage. */
#define __BEGIN_DECLS		extern "C" {
#define __END_DECLS		}

#endif /* !_SYS_CDEFS_H_ */
