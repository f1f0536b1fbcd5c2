/*
 * kern_lock_test.cc: mutex(9), in-kernel tests.
 *
 * A mutex on one CPU is an spl section with an owner: the tests check
 * the level it raises to and restores, the owner assertions, and that
 * taking one twice is caught ("locking against myself").
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <sys/mutex.h>
#include <machine/cpu.h>
#include <machine/intr.h>

/* mtx_enter raises to the mutex's level; mtx_leave restores the old. */
static int
test_mtx_ipl(void)
{
	struct mutex m = MUTEX_INITIALIZER(IPL_VM);
	struct mutex hi, none;
	int err = 0;

	mtx_init(&hi, IPL_CLOCK);
	mtx_init(&none, IPL_NONE);
	int base = cpl;
	MUTEX_ASSERT_UNLOCKED(&m);
	mtx_enter(&m);
	if (cpl != IPL_VM || m.mtx_owner != curcpu())
		err |= ktest_fail("held: cpl %d, owner %p", cpl, m.mtx_owner);
	MUTEX_ASSERT_LOCKED(&m);

	/* Nested: the inner one raises further, and back. */
	mtx_enter(&hi);
	if (cpl != IPL_CLOCK)
		err |= ktest_fail("inner: cpl %d, want %d", cpl, IPL_CLOCK);
	mtx_leave(&hi);
	if (cpl != IPL_VM)
		err |= ktest_fail("inner left: cpl %d, want %d", cpl, IPL_VM);

	/* An IPL_NONE mutex leaves the level alone. */
	mtx_enter(&none);
	if (cpl != IPL_VM)
		err |= ktest_fail("IPL_NONE mutex: cpl %d", cpl);
	mtx_leave(&none);

	mtx_leave(&m);
	if (cpl != base || m.mtx_owner != nullptr)
		err |= ktest_fail("left: cpl %d (want %d), owner %p", cpl,
		    base, m.mtx_owner);
	MUTEX_ASSERT_UNLOCKED(&m);

	/* Taken above its level, a mutex does not lower cpl. */
	int s = splhigh();
	mtx_enter(&m);
	if (cpl != IPL_HIGH)
		err |= ktest_fail("at splhigh: cpl %d", cpl);
	mtx_leave(&m);
	if (cpl != IPL_HIGH)
		err |= ktest_fail("left at splhigh: cpl %d", cpl);
	splx(s);
	return err;
}
KTEST_DEFINE(mtx_ipl, test_mtx_ipl, 0);

/*
 * mtx_enter_try takes a free mutex and refuses a held one, leaving the
 * level alone when it refuses.  "Held by another CPU" is faked with an
 * owner that is not curcpu(): on one CPU nothing else can hold one.
 */
static int
test_mtx_enter_try(void)
{
	struct mutex m = MUTEX_INITIALIZER(IPL_BIO);
	struct cpu_info other;
	int err = 0;
	int base = cpl;

	if (!mtx_enter_try(&m))
		return ktest_fail("mtx_enter_try failed on a free mutex");
	if (cpl != IPL_BIO)
		err |= ktest_fail("held: cpl %d", cpl);
	mtx_leave(&m);

	m.mtx_owner = &other;
	if (mtx_enter_try(&m))
		err |= ktest_fail("mtx_enter_try took a held mutex");
	if (cpl != base)
		err |= ktest_fail("refused: cpl %d, want %d", cpl, base);
	if (m.mtx_owner != &other)
		err |= ktest_fail("refused: owner changed to %p", m.mtx_owner);
	MUTEX_ASSERT_UNLOCKED(&m);	/* not held by this CPU */
	return err;
}
KTEST_DEFINE(mtx_enter_try, test_mtx_enter_try, 0);

/* Taking a mutex twice must panic, not spin forever. */
__attribute__((noinline)) static int
crash_mutex_recurse(void)
{
	static struct mutex m = MUTEX_INITIALIZER(IPL_VM);

	mtx_enter(&m);
	mtx_enter(&m);
	return 0;
}
KTEST_DEFINE(crash_mutex_recurse, crash_mutex_recurse, KTEST_CRASH);
