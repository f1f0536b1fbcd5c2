/*
 * bootarg_test.cc: the loader's information arrived in bootarg form.
 * (The parser itself is tested on the host with malformed input:
 * tools/unittest/bootarg_test.cc.)
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <machine/biosvar.h>
#include <machine/cpu.h>

static int
test_bootinfo_present(void)
{
	if (bootinfo.bi_memmap == nullptr)
		return ktest_fail("no memory map");
	if (bootinfo.bi_consdev == nullptr)
		return ktest_fail("no console record");
	if (bootinfo.bi_ktest == nullptr)
		return ktest_fail("no test selector, yet tests run");
	/* The map has a free range above 1 MiB: the kernel was loaded in it. */
	for (const bios_memmap_t *bm = bootinfo.bi_memmap;
	    bm->type != BIOS_MAP_END; bm++)
		if (bm->type == BIOS_MAP_FREE && bm->addr <= 0x200000 &&
		    bm->addr + bm->size > 0x200000)
			return 0;
	return ktest_fail("no free memory map range holds the kernel");
}
KTEST_DEFINE(bootinfo_present, test_bootinfo_present, 0);
