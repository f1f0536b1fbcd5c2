/*
 * <ddb/db_extern.h>: the kernel debugger's entry points.
 *
 * ddb(4) is the debugger that lives inside the kernel: on a panic, on a
 * breakpoint trap, at boot with `boot -d`, or when asked from the console,
 * it stops the system and reads commands (trace, show registers, print
 * ticks, x/x ADDRESS, ...) on the console.  Ours is a small subset of
 * OpenBSD's, with the same command names.
 */
#ifndef _DDB_DB_EXTERN_H_
#define _DDB_DB_EXTERN_H_

#include <sys/types.h>

struct trapframe;

__BEGIN_DECLS
/* ddb/db_command.cc */
void	db_command_loop(struct trapframe *);
void	db_enter(void);			/* stop here and read commands */
void	db_panic_enter(void);		/* after a panic: commands, no return */

/* ddb/db_sym.cc: the kernel's own symbol table (built into the image). */
[[nodiscard]] const char *db_search_symbol(vaddr_t addr, vaddr_t *offp);
[[nodiscard]] int db_lookup_symbol(const char *name, vaddr_t *valp);
void	db_printsym(vaddr_t addr, int (*pr)(const char *, ...));

/* arch/i386/i386/db_trace.cc */
void	db_stack_trace_print(vaddr_t ebp, int count,
	    int (*pr)(const char *, ...));
void	db_trapframe_trace(const struct trapframe *, int count,
	    int (*pr)(const char *, ...));

/* arch/i386/i386/db_interface.cc */
[[nodiscard]] int kdb_trap(int type, int code, struct trapframe *);
void	db_print_regs(const struct trapframe *,
	    int (*pr)(const char *, ...));
__END_DECLS

#endif /* !_DDB_DB_EXTERN_H_ */
