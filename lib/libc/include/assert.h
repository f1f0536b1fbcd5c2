/*
 * <assert.h>: assert(3).  Unlike the other headers this one may be read
 * more than once, with NDEBUG defined or not, as ISO C says.
 */
#include <sys/cdefs.h>

#undef assert
#ifdef NDEBUG
#define assert(e)	((void)0)
#else
#define assert(e)	((e) ? (void)0 : \
	    __assert2(__FILE__, __LINE__, __func__, #e))
#endif

#ifndef _ASSERT_H_DECLS_
#define _ASSERT_H_DECLS_
__BEGIN_DECLS
__dead void	__assert2(const char *file, int line, const char *func,
	    const char *expr);
__END_DECLS
#endif
