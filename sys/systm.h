/*
 * <sys/systm.h>: the functions every part of the kernel may call.
 *
 * As in OpenBSD this is the kernel's "standard library" header: console
 * output (printf(9)), panic(9), the KASSERT(9) family, and the string and
 * memory helpers of libkern.  It is written so that the host unit tests can
 * include it too (they compile kernel sources such as subr_prf.cc with the
 * host compiler and supply their own panic()).
 */
#ifndef _SYS_SYSTM_H_
#define _SYS_SYSTM_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <stdarg.h>

#ifdef HOSTTEST
/*
 * The host unit tests link kernel sources into an ordinary hosted program
 * (GoogleTest needs libc).  There the kernel's printf(9) family must not
 * collide with libc's, so the kernel versions get other link names.  Test
 * files include <gtest/gtest.h> and libc headers before kernel headers.
 */
#include <string.h>
#define printf		kern_printf
#define vprintf		kern_vprintf
#define snprintf	kern_snprintf
#define vsnprintf	kern_vsnprintf
#define panic		kern_panic
#endif

__BEGIN_DECLS

/*
 * The system call table (kern/init_sysent.cc, generated from
 * kern/syscalls.master by tools/makesyscalls).  syscall() copies
 * sy_argsize bytes of arguments from the user stack into a
 * struct sys_NAME_args and calls sy_call(p, &args, retval); retval[0]
 * (and retval[1] for a 64-bit result) go back in %eax and %edx.
 */
struct proc;
typedef int sy_call_t(struct proc *, void *, register_t *);

struct sysent {
	short		sy_narg;	/* number of arguments */
	short		sy_argsize;	/* total size of the arguments */
	int		sy_flags;	/* SY_* */
	sy_call_t	*sy_call;	/* the handler */
};
#define SY_NOLOCK	0x01		/* (OpenBSD: runs without the kernel lock) */

extern const struct sysent sysent[];
extern const int nsysent;
extern const char *const syscallnames[];
int	sys_nosys(struct proc *, void *, register_t *);
__dead void reboot(int howto);	/* kern/kern_xxx.cc */

/*
 * kern/subr_prf.cc: printf(9).  The compiler checks format strings, but it
 * takes the kernel's %b (number and bit names, two arguments) for C23's
 * binary %b (one argument).  The build therefore tolerates one "extra"
 * argument (-Wno-format-extra-args), and %b must be the last conversion
 * in a format so that the arguments before it are still checked.
 */
int	printf(const char *fmt, ...) __printflike(1, 2);
int	vprintf(const char *fmt, va_list ap);
int	snprintf(char *buf, size_t size, const char *fmt, ...)
	    __printflike(3, 4);
int	vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
__dead void panic(const char *fmt, ...) __printflike(1, 2);
void	splassert_fail(int wantipl, int haveipl, const char *func);

/* kern/subr_prf.cc: the character sink under printf, kprintf(9)-style. */
int	kprintf(const char *fmt, void (*put)(int c, void *arg), void *arg,
	    va_list ap);

extern const char *panicstr;	/* set once the kernel has panicked */
extern int db_active;		/* non-zero while ddb owns the console */

#ifndef HOSTTEST
/* lib/libkern: the string functions the kernel uses. */
void	*memcpy(void *dst, const void *src, size_t n);
void	*memmove(void *dst, const void *src, size_t n);
void	*memset(void *dst, int c, size_t n);
int	memcmp(const void *a, const void *b, size_t n);
size_t	strlen(const char *s);
int	strcmp(const char *a, const char *b);
int	strncmp(const char *a, const char *b, size_t n);
size_t	strlcpy(char *dst, const char *src, size_t size);
size_t	strlcat(char *dst, const char *src, size_t size);
#endif

/* arch/i386/i386/copy.cc: moving bytes across the user boundary. */
[[nodiscard]] int copyin(const void *uaddr, void *kaddr, size_t len);
[[nodiscard]] int copyout(const void *kaddr, void *uaddr, size_t len);
[[nodiscard]] int copyinstr(const void *uaddr, void *kaddr, size_t len,
	    size_t *done);
[[nodiscard]] int copyoutstr(const void *kaddr, void *uaddr, size_t len,
	    size_t *done);
[[nodiscard]] int copystr(const void *kfaddr, void *kdaddr, size_t len,
	    size_t *done);

__END_DECLS

/*
 * KASSERT(9): with DIAGNOSTIC (every kernel we test is built with it) a
 * false expression panics with the expression, file and line; without it
 * the check compiles away.  KDASSERT is for checks too costly for DIAGNOSTIC.
 */
#ifdef DIAGNOSTIC
#define KASSERT(e)	((e) ? (void)0 :				\
	panic("kernel diagnostic assertion \"%s\" failed: file \"%s\", "\
	    "line %d", #e, __FILE__, __LINE__))
#else
#define KASSERT(e)	((void)0)
#endif

#ifdef DEBUG
#define KDASSERT(e)	KASSERT(e)
#else
#define KDASSERT(e)	((void)0)
#endif

/* CTASSERT: OpenBSD's compile-time assertion, spelled the C++ way. */
#define CTASSERT(e)	static_assert(e, #e)

#endif /* !_SYS_SYSTM_H_ */
