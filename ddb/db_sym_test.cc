/*
 * db_sym_test.cc: the built-in symbol table names kernel addresses.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <ddb/db_extern.h>
#include <machine/segments.h>

extern "C" void main(void *);

static int
expect_sym(vaddr_t addr, const char *want, vaddr_t wantoff)
{
	vaddr_t off = 0;
	const char *name = db_search_symbol(addr, &off);

	if (name == nullptr)
		return ktest_fail("0x%lx has no symbol, want %s", addr, want);
	if (strcmp(name, want) != 0 || off != wantoff)
		return ktest_fail("0x%lx is %s+0x%lx, want %s+0x%lx", addr,
		    name, off, want, wantoff);
	return 0;
}

static int
test_db_search_symbol(void)
{
	/* A C function, a C++ function (demangled, without parameters) and
	 * an address inside one. */
	if (expect_sym((vaddr_t)main, "main", 0) ||
	    expect_sym((vaddr_t)setsegment, "setsegment", 0) ||
	    expect_sym((vaddr_t)hardclock + 3, "hardclock", 3))
		return 1;
	vaddr_t off;
	if (db_search_symbol(0x1000, &off) != nullptr)
		return ktest_fail("0x1000 resolved to a symbol");
	return 0;
}
KTEST_DEFINE(db_search_symbol, test_db_search_symbol, 0);

static int
test_db_lookup_symbol(void)
{
	vaddr_t v;

	if (db_lookup_symbol("ticks", &v) != 0 || v != (vaddr_t)&ticks)
		return ktest_fail("ticks not found at %p", (void *)&ticks);
	if (db_lookup_symbol("no_such_symbol_here", &v) == 0)
		return ktest_fail("found a symbol that does not exist");
	return 0;
}
KTEST_DEFINE(db_lookup_symbol, test_db_lookup_symbol, 0);
