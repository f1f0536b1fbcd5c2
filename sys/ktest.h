/*
 * <sys/ktest.h>: in-kernel tests.
 *
 * A test is a function beside the code it tests (in a *_test.cc file)
 * that returns 0 when everything held and otherwise the value of
 * ktest_fail(), which prints why.  KTEST_DEFINE() registers it: the entry
 * goes into the linker section ".ktests", which the linker script gathers
 * between ktest_start and ktest_end, so no central list needs editing.
 *
 *	static int
 *	test_snprintf_bits(void)
 *	{
 *		char buf[32];
 *
 *		snprintf(buf, sizeof(buf), "%b", 3, "\20\1A\2B");
 *		if (strcmp(buf, "3<A,B>") != 0)
 *			return ktest_fail("got \"%s\"", buf);
 *		return 0;
 *	}
 *	KTEST_DEFINE(prf_bits, test_snprintf_bits, 0);
 *
 * The boot argument "test=all" runs every test without KTEST_CRASH or
 * KTEST_BENCH; "test=a,b" runs the named ones (crash tests only run this
 * way); "test=bench" runs the benchmarks, which print "RESULT name value
 * unit" lines for `make bench`; "test=files" runs the KTEST_FILES tests,
 * which need the system disk mounted as the root.  Each
 * prints one line "ktest: NAME ... ok" or "ktest: NAME ... FAILED: why",
 * then a summary, and the kernel ends the QEMU run through the
 * isa-debug-exit device with KTEST_EXIT_PASS or KTEST_EXIT_FAIL; a panic
 * ends it with KTEST_EXIT_PANIC.  tools/qemu-run reads those codes.
 */
#ifndef _SYS_KTEST_H_
#define _SYS_KTEST_H_

#include <sys/cdefs.h>

struct ktest {
	const char	*kt_name;	/* what test=NAME selects */
	int		(*kt_func)(void); /* 0 = pass */
	int		kt_flags;	/* KTEST_* */
};

#define KTEST_CRASH	0x01	/* crashes on purpose: only run by name */
#define KTEST_BENCH	0x02	/* a benchmark: "test=bench" or by name */
#define KTEST_DISK	0x04	/* needs a disk image: only by name */
#define KTEST_FILES	0x08	/* needs the system disk as root: "files" */

/* The byte written to the isa-debug-exit port; QEMU exits (b << 1) | 1. */
#define KTEST_EXIT_PASS		0x10	/* QEMU exit status 33 */
#define KTEST_EXIT_FAIL		0x11	/* 35 */
#define KTEST_EXIT_PANIC	0x12	/* 37 */

#define KTEST_DEFINE(name, func, flags)					\
	__attribute__((__section__(".ktests"), __used__))		\
	static const struct ktest ktest_##name = { #name, func, flags }

__BEGIN_DECLS
int	ktest_fail(const char *fmt, ...) __printflike(1, 2);
void	ktest_run(const char *selector);
void	ktest_arm(void);
bool	ktest_running(void);
__dead void ktest_exit(int code);
__END_DECLS

#endif /* !_SYS_KTEST_H_ */
