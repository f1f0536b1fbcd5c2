/*
 * kern_ktest.cc: run the in-kernel tests and report over the console.
 *
 * Tests register themselves with KTEST_DEFINE (see <sys/ktest.h>); the
 * linker collects the entries between ktest_start and ktest_end.  main()
 * calls ktest_run() with the selector from the boot command line
 * ("test=all" or "test=a,b"), after the system is up to the point the
 * tests need.  Each test prints exactly one result line, which
 * tools/qemu-run counts:
 *
 *	ktest: running 7 tests
 *	ktest: prf_formats ... ok
 *	ktest: clock_ticks ... FAILED: 3 ticks in 50 halts
 *	ktest: 6 passed, 1 failed
 *
 * and then the kernel ends the QEMU run through cpu_test_exit() with
 * KTEST_EXIT_PASS or KTEST_EXIT_FAIL.  A panic in a test ends it with
 * KTEST_EXIT_PANIC instead (panic() asks ktest_running()).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/mount.h>
#include <sys/ktest.h>
#include <machine/cpu.h>

extern "C" const struct ktest ktest_start[], ktest_end[];

static bool ktest_active;		/* a test run is in progress */
static char ktest_reason[160];		/* why the current test failed */

/*
 * ktest_fail: record why the running test fails; returns 1 so a test can
 * say "return ktest_fail(...)".
 */
int
ktest_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ktest_reason, sizeof(ktest_reason), fmt, ap);
	va_end(ap);
	return 1;
}

/*
 * ktest_arm: tests were asked for; from now on a panic ends the run with
 * KTEST_EXIT_PANIC, even one during startup before the tests begin.
 */
void
ktest_arm(void)
{
	ktest_active = true;
}

bool
ktest_running(void)
{
	return ktest_active;
}

void
ktest_exit(int code)
{
	cpu_test_exit(code);
}

/* Is name (NUL-terminated) one of the comma-separated words of sel? */
static bool
ktest_selected(const char *sel, const char *name, int flags)
{
	size_t len = strlen(name);

	if (strcmp(sel, "all") == 0)
		return (flags & (KTEST_CRASH | KTEST_BENCH | KTEST_DISK |
		    KTEST_FILES)) == 0;
	if (strcmp(sel, "bench") == 0)
		return (flags & KTEST_BENCH) != 0;
	if (strcmp(sel, "files") == 0)
		return (flags & KTEST_FILES) != 0 &&
		    (flags & (KTEST_CRASH | KTEST_BENCH)) == 0;
	for (const char *p = sel; *p != '\0';) {
		const char *e = p;
		while (*e != '\0' && *e != ',')
			e++;
		if ((size_t)(e - p) == len && strncmp(p, name, len) == 0)
			return true;
		p = (*e == ',') ? e + 1 : e;
	}
	return false;
}

/* Report selector words that name no test, as failures. */
static int
ktest_unknown(const char *sel)
{
	int nbad = 0;

	if (strcmp(sel, "all") == 0 || strcmp(sel, "bench") == 0 ||
	    strcmp(sel, "files") == 0)
		return 0;
	for (const char *p = sel; *p != '\0';) {
		const char *e = p;
		while (*e != '\0' && *e != ',')
			e++;
		bool found = false;
		for (const struct ktest *kt = ktest_start; kt < ktest_end; kt++)
			if (strlen(kt->kt_name) == (size_t)(e - p) &&
			    strncmp(p, kt->kt_name, e - p) == 0)
				found = true;
		if (!found && e > p) {
			printf("ktest: %.*s ... FAILED: no such test\n",
			    (int)(e - p), p);
			nbad++;
		}
		p = (*e == ',') ? e + 1 : e;
	}
	return nbad;
}

/*
 * ktest_run: run the selected tests, print the summary, end the run.
 * => process context (main), interrupts enabled; never returns.
 */
void
ktest_run(const char *sel)
{
	int total = 0, passed = 0, failed;

	ktest_active = true;
	for (const struct ktest *kt = ktest_start; kt < ktest_end; kt++)
		if (ktest_selected(sel, kt->kt_name, kt->kt_flags))
			total++;
	printf("ktest: running %d tests\n", total);
	failed = ktest_unknown(sel);

	for (const struct ktest *kt = ktest_start; kt < ktest_end; kt++) {
		if (!ktest_selected(sel, kt->kt_name, kt->kt_flags))
			continue;
		ktest_reason[0] = '\0';
		if ((*kt->kt_func)() == 0) {
			printf("ktest: %s ... ok\n", kt->kt_name);
			passed++;
		} else {
			printf("ktest: %s ... FAILED: %s\n", kt->kt_name,
			    ktest_reason[0] != '\0' ? ktest_reason :
			    "(no reason given)");
			failed++;
		}
	}
	printf("ktest: %d passed, %d failed\n", passed, failed);
	/* Leave the disk clean, for the host's e2fsck after the run. */
	vfs_unmountall();
	ktest_exit(failed == 0 && total > 0 ? KTEST_EXIT_PASS :
	    KTEST_EXIT_FAIL);
}
