/*
 * <sys/rwlock.h>: reader/writer locks, rwlock(9).
 *
 * Many readers or one writer.  Unlike a mutex(9), a thread may sleep
 * while holding a rwlock, and a thread that finds one busy sleeps
 * (tsleep on the lock) until it is released, so they protect things a
 * thread holds across disk I/O.  On one CPU without kernel preemption a
 * rwlock is only ever busy because its holder went to sleep.
 *
 *	struct rwlock maplock = RWLOCK_INITIALIZER("maplk");
 *
 *	rw_enter_read(&maplock);	...	rw_exit_read(&maplock);
 *	rw_enter_write(&maplock);	...	rw_exit_write(&maplock);
 *	error = rw_enter(&maplock, RW_WRITE | RW_NOSLEEP);	// EBUSY
 *
 * Ownership is checked: a write lock may only be released, or asserted
 * held, by the thread that took it; taking a write lock twice panics.
 * Mirrors OpenBSD's sys/kern/kern_rwlock.c (without its MP atomics).
 *
 * Locking legend: [I] immutable after rw_init, [S] splhigh.
 */
#ifndef _SYS_RWLOCK_H_
#define _SYS_RWLOCK_H_

#include <sys/cdefs.h>

struct proc;

struct rwlock {
	struct proc	*rwl_owner;	/* [S] the writer, or null */
	int		rwl_readers;	/* [S] readers holding it */
	int		rwl_waiters;	/* [S] threads asleep on it */
	const char	*rwl_name;	/* [I] wait message */
};

#define RWLOCK_INITIALIZER(name)	{ nullptr, 0, 0, (name) }

/* rw_enter() flags and rw_status() results. */
#define RW_WRITE	0x0001
#define RW_READ		0x0002
#define RW_NOSLEEP	0x0040		/* fail with EBUSY instead */
#define RW_WRITE_OTHER	0x0100		/* rw_status: another thread writes */

__BEGIN_DECLS
void	rw_init(struct rwlock *, const char *name);
[[nodiscard]] int rw_enter(struct rwlock *, int flags);
void	rw_enter_read(struct rwlock *);
void	rw_enter_write(struct rwlock *);
void	rw_exit_read(struct rwlock *);
void	rw_exit_write(struct rwlock *);
void	rw_exit(struct rwlock *);
int	rw_status(struct rwlock *);
void	rw_assert_wrlock(struct rwlock *);
void	rw_assert_rdlock(struct rwlock *);
void	rw_assert_unlocked(struct rwlock *);
__END_DECLS

#endif /* !_SYS_RWLOCK_H_ */
