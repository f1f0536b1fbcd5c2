/*
 * lib/csu/crt0.cc: the start of every program: _start, the entry point
 * the kernel's execve jumps to in user mode.
 *
 * execve leaves the new program's stack as OpenBSD's i386 exec lays it
 * out (sys/kern/kern_exec.c, copyargs):
 *
 *	%esp ->	argc
 *		argv[0] ... argv[argc - 1], NULL
 *		envp[0] ... , NULL
 *		(then the strings themselves)
 *
 * _start (a few lines of assembly, since nothing may be pushed before
 * argc is read) finds argv and envp from argc, aligns the stack to 16
 * bytes as GCC expects at a call, and calls ___start, which sets environ
 * and __progname, runs the C++ constructors the linker gathered in
 * .init_array, and calls exit(main(argc, argv, envp)).  %ebp is zeroed
 * so that a debugger's backtrace stops here.  OpenBSD's equivalents are
 * lib/csu/crt0.c and lib/csu/i386/md_init.h.
 */
#include <stdlib.h>
#include <string.h>

extern "C" {

extern char **environ;			/* lib/libc/stdlib/getenv.cc */
const char *__progname = "";		/* argv[0]'s last component */

int	main(int argc, char **argv, char **envp);

/* Set by the linker around .init_array (static constructors). */
typedef void (*init_fn)(int, char **, char **);
extern init_fn __init_array_start[] __attribute__((weak));
extern init_fn __init_array_end[] __attribute__((weak));

__attribute__((used, noreturn)) void
___start(int argc, char **argv, char **envp)
{
	environ = envp;
	if (argc > 0 && argv[0] != nullptr) {
		const char *slash = strrchr(argv[0], '/');
		__progname = slash != nullptr ? slash + 1 : argv[0];
	}
	for (init_fn *f = __init_array_start; f < __init_array_end; f++)
		(*f)(argc, argv, envp);
	exit(main(argc, argv, envp));
}

} // extern "C"

asm(
"	.text\n"
"	.globl	_start\n"
"	.globl	__start\n"
"	.type	_start, @function\n"
"_start:\n"
"__start:\n"
"	movl	(%esp), %eax\n"		/* argc */
"	leal	4(%esp), %ecx\n"	/* argv */
"	leal	8(%esp,%eax,4), %edx\n"	/* envp: past argv's NULL */
"	andl	$-16, %esp\n"
"	subl	$4, %esp\n"		/* 3 pushes: aligned at the call */
"	pushl	%edx\n"
"	pushl	%ecx\n"
"	pushl	%eax\n"
"	xorl	%ebp, %ebp\n"
"	call	___start\n"
"	hlt\n"				/* not reached */
"	.size	_start, . - _start\n"
);
