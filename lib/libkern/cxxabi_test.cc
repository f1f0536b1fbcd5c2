/*
 * cxxabi_test.cc: global constructors ran before main().
 *
 * init386() calls every function in the linker's .init_array table; an
 * object with a constructor at namespace scope must therefore be built by
 * the time tests run.  A failure here means run_constructors() or the
 * linker script's __init_array_start/__init_array_end lost track of it.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>

namespace {

struct constructed {
	int	c_magic;
	constructed() : c_magic(0x600dc0de) {}
};

constructed global_object;	/* needs its constructor to run */

} // namespace

static int
test_global_constructors(void)
{
	if (global_object.c_magic != 0x600dc0de)
		return ktest_fail("global constructor did not run (magic 0x%x)",
		    global_object.c_magic);
	return 0;
}
KTEST_DEFINE(global_constructors, test_global_constructors, 0);
