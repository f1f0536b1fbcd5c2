/*
 * kern_rwlock_test.cc: readers share, a writer excludes, waiters sleep and
 * are woken, ownership is checked.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <sys/proc.h>
#include <sys/rwlock.h>

static struct rwlock testlk = RWLOCK_INITIALIZER("testlk");
static volatile int got_write;

/* Takes testlk for writing: must wait until the main thread lets go. */
static void
writer_main(void *)
{
	rw_enter_write(&testlk);
	got_write = 1;
	rw_assert_wrlock(&testlk);
	rw_exit_write(&testlk);
}

static int
test_rwlock(void)
{
	static int chan;
	int base = nthreads, err = 0;

	got_write = 0;
	rw_enter_read(&testlk);
	rw_enter_read(&testlk);			/* readers share */
	if (rw_status(&testlk) != RW_READ)
		return ktest_fail("status %d with two readers",
		    rw_status(&testlk));
	if (rw_enter(&testlk, RW_WRITE | RW_NOSLEEP) != EBUSY)
		return ktest_fail("write lock granted beside readers");
	if (kthread_create(writer_main, nullptr, nullptr, "writer"))
		return ktest_fail("kthread_create failed");
	(void)tsleep(&chan, PWAIT, "rwtest", 3);	/* writer blocks */
	if (got_write || testlk.rwl_waiters != 1)
		err = ktest_fail("writer got in (%d) or not waiting (%d)",
		    got_write, testlk.rwl_waiters);
	rw_exit_read(&testlk);
	rw_exit_read(&testlk);			/* last reader wakes it */
	for (int i = 0; i < 10 && nthreads > base; i++)
		(void)tsleep(&chan, PWAIT, "rwtest", 1);
	if (!err && (!got_write || nthreads != base))
		err = ktest_fail("writer did not run after the readers left");
	rw_assert_unlocked(&testlk);
	rw_enter_write(&testlk);
	if (rw_status(&testlk) != RW_WRITE)
		err = ktest_fail("status %d, want RW_WRITE", rw_status(&testlk));
	rw_exit(&testlk);
	return err;
}
KTEST_DEFINE(rwlock, test_rwlock, 0);

/* Releasing a write lock this thread does not hold panics. */
static int
crash_rwlock_owner(void)
{
	rw_exit_write(&testlk);
	return 0;
}
KTEST_DEFINE(crash_rwlock_owner, crash_rwlock_owner, KTEST_CRASH);
