/*
 * <stdarg.h>: variable argument lists, through GCC's builtins, which know
 * the calling convention (on i386: every argument on the stack).
 */
#ifndef _STDARG_H_
#define _STDARG_H_

typedef __builtin_va_list	va_list;
#define va_start(ap, last)	__builtin_va_start(ap, last)
#define va_arg(ap, type)	__builtin_va_arg(ap, type)
#define va_copy(dst, src)	__builtin_va_copy(dst, src)
#define va_end(ap)		__builtin_va_end(ap)

#endif /* !_STDARG_H_ */
