/*
 * kern_rwlock.cc: reader/writer locks; see <sys/rwlock.h>.
 *
 * The state is a writer pointer and a reader count, changed at splhigh
 * (an interrupt handler never takes a rwlock, but the scheduler state the
 * sleep uses is protected that way).  A thread that must wait counts
 * itself in rwl_waiters and tsleeps on the lock; whoever releases it last
 * wakes all waiters, who each try again: simple, and fair enough with one
 * CPU.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/rwlock.h>
#include <machine/intr.h>

void
rw_init(struct rwlock *rwl, const char *name)
{
	rwl->rwl_owner = nullptr;
	rwl->rwl_readers = 0;
	rwl->rwl_waiters = 0;
	rwl->rwl_name = name;
}

/* Can a thread take rwl the way flags say, right now? */
static bool
rw_available(const struct rwlock *rwl, int flags)
{
	if (flags & RW_WRITE)
		return rwl->rwl_owner == nullptr && rwl->rwl_readers == 0;
	return rwl->rwl_owner == nullptr;
}

/*
 * rw_enter: take rwl for reading (RW_READ) or writing (RW_WRITE),
 * sleeping until it is free, or with RW_NOSLEEP returning EBUSY.
 * => process context; may sleep unless RW_NOSLEEP.
 */
int
rw_enter(struct rwlock *rwl, int flags)
{
	struct proc *p = curproc;
	int s = splhigh();

	if (rwl->rwl_owner == p)
		panic("rw_enter: %s: locking against myself", rwl->rwl_name);
	while (!rw_available(rwl, flags)) {
		if (flags & RW_NOSLEEP) {
			splx(s);
			return EBUSY;
		}
		rwl->rwl_waiters++;
		(void)tsleep(rwl, PLOCK, rwl->rwl_name, 0);
		rwl->rwl_waiters--;
	}
	if (flags & RW_WRITE)
		rwl->rwl_owner = p;
	else
		rwl->rwl_readers++;
	splx(s);
	return 0;
}

void
rw_enter_read(struct rwlock *rwl)
{
	(void)rw_enter(rwl, RW_READ);
}

void
rw_enter_write(struct rwlock *rwl)
{
	(void)rw_enter(rwl, RW_WRITE);
}

void
rw_exit_read(struct rwlock *rwl)
{
	int s = splhigh();

	if (rwl->rwl_readers <= 0)
		panic("rw_exit_read: %s: not read-locked", rwl->rwl_name);
	if (--rwl->rwl_readers == 0 && rwl->rwl_waiters > 0)
		wakeup(rwl);
	splx(s);
}

void
rw_exit_write(struct rwlock *rwl)
{
	int s = splhigh();

	if (rwl->rwl_owner != curproc)
		panic("rw_exit_write: %s: not held by this thread",
		    rwl->rwl_name);
	rwl->rwl_owner = nullptr;
	if (rwl->rwl_waiters > 0)
		wakeup(rwl);
	splx(s);
}

/* rw_exit: release whichever kind of hold the thread has. */
void
rw_exit(struct rwlock *rwl)
{
	if (rwl->rwl_owner != nullptr)
		rw_exit_write(rwl);
	else
		rw_exit_read(rwl);
}

/*
 * rw_status: RW_WRITE if the calling thread holds it for writing,
 * RW_WRITE_OTHER if another does, RW_READ if readers hold it, else 0.
 */
int
rw_status(struct rwlock *rwl)
{
	if (rwl->rwl_owner != nullptr)
		return rwl->rwl_owner == curproc ? RW_WRITE : RW_WRITE_OTHER;
	return rwl->rwl_readers > 0 ? RW_READ : 0;
}

void
rw_assert_wrlock(struct rwlock *rwl)
{
	if (rw_status(rwl) != RW_WRITE)
		panic("%s: lock not held for writing", rwl->rwl_name);
}

void
rw_assert_rdlock(struct rwlock *rwl)
{
	if (rw_status(rwl) != RW_READ)
		panic("%s: lock not held for reading", rwl->rwl_name);
}

void
rw_assert_unlocked(struct rwlock *rwl)
{
	if (rw_status(rwl) != 0)
		panic("%s: lock held", rwl->rwl_name);
}
