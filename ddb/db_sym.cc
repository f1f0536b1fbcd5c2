/*
 * db_sym.cc: looking up the kernel's symbols, for backtraces and for
 * ddb commands that take a name ("x/d ticks").
 *
 * The table (see <ddb/db_sym.h>) is sorted by address, so the symbol
 * containing an address is the last one that does not lie above it: a
 * binary search.  Name lookups are rare (a person typed the name) and
 * scan the table.  Mirrors OpenBSD's sys/ddb/db_sym.c, whose interface
 * (db_search_symbol, db_printsym) this keeps in simpler form.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <ddb/db_extern.h>
#include <ddb/db_sym.h>

extern "C" char kernel_text[], end[];

/*
 * db_search_symbol: the name of the symbol at or below addr, with the
 * distance from it in *offp; null if addr is not inside the kernel image.
 */
const char *
db_search_symbol(vaddr_t addr, vaddr_t *offp)
{
	const struct db_ksymtab *kt = &db_ksymtab;
	u_int32_t lo = 0, hi = kt->kt_nsyms;

	if (addr < (vaddr_t)kernel_text || addr >= (vaddr_t)end ||
	    kt->kt_nsyms == 0 || addr < kt->kt_syms[0].ks_value)
		return nullptr;
	/* Invariant: syms[lo].value <= addr, and addr < syms[hi].value. */
	while (hi - lo > 1) {
		u_int32_t mid = lo + (hi - lo) / 2;
		if (kt->kt_syms[mid].ks_value <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offp = addr - kt->kt_syms[lo].ks_value;
	return kt->kt_names + kt->kt_syms[lo].ks_name;
}

/*
 * db_lookup_symbol: the address of the symbol called name, in *valp.
 * Returns 0, or ENOENT (2) if there is none.
 */
int
db_lookup_symbol(const char *name, vaddr_t *valp)
{
	const struct db_ksymtab *kt = &db_ksymtab;

	for (u_int32_t i = 0; i < kt->kt_nsyms; i++) {
		if (strcmp(kt->kt_names + kt->kt_syms[i].ks_name, name) == 0) {
			*valp = kt->kt_syms[i].ks_value;
			return 0;
		}
	}
	return 2;
}

/* db_printsym: print addr as "name+0xoff", or as a number. */
void
db_printsym(vaddr_t addr, int (*pr)(const char *, ...))
{
	vaddr_t off;
	const char *name = db_search_symbol(addr, &off);

	if (name == nullptr)
		(*pr)("0x%lx", addr);
	else if (off == 0)
		(*pr)("%s", name);
	else
		(*pr)("%s+0x%lx", name, off);
}
