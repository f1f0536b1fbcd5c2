/*
 * <ddb/db_sym.h>: the layout of the kernel's built-in symbol table.
 *
 * OpenBSD's boot(8) loads the kernel's ELF symbol table after the image
 * and ddb reads it from there.  Our kernel carries its own instead, so it
 * can name functions in a backtrace whichever loader started it: the
 * build links the kernel once, lists its symbols with nm (C++ names
 * demangled), turns the list into a table (tools/ksyms.py) and links again
 * with the table in the section .ksyms, which the linker script places
 * after everything else so that no other address moves (the build checks
 * that).  Symbols are sorted by address.
 */
#ifndef _DDB_DB_SYM_H_
#define _DDB_DB_SYM_H_

#include <sys/types.h>

struct db_ksym {
	u_int32_t	ks_value;	/* address */
	u_int32_t	ks_name;	/* offset of the name in kt_names */
};

struct db_ksymtab {
	u_int32_t		kt_nsyms;
	const struct db_ksym	*kt_syms;	/* sorted by ks_value */
	const char		*kt_names;	/* NUL-separated names */
};

extern "C" const struct db_ksymtab db_ksymtab;

#endif /* !_DDB_DB_SYM_H_ */
