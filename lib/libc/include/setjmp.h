/*
 * <setjmp.h>: non-local jumps (lib/libc/arch/i386/setjmp.asm).  A
 * jmp_buf holds what the i386 calling convention says a function keeps:
 * %ebx, %esi, %edi, %ebp, %esp and the return address.  The signal mask
 * is not saved (setjmp is _setjmp), as there is no sigsetjmp yet.
 */
#ifndef _SETJMP_H_
#define _SETJMP_H_

#include <sys/cdefs.h>

typedef long	jmp_buf[10];

__BEGIN_DECLS
int	setjmp(jmp_buf env) __attribute__((__returns_twice__));
__dead void	longjmp(jmp_buf env, int val);
int	_setjmp(jmp_buf env) __attribute__((__returns_twice__));
__dead void	_longjmp(jmp_buf env, int val);
__END_DECLS

#endif /* !_SETJMP_H_ */
