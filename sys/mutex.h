/*
 * <sys/mutex.h>: mutex(9), the kernel's spinning mutual-exclusion lock.
 *
 * A mutex protects data that interrupt handlers share with the rest of
 * the kernel.  It is made with the highest interrupt level, mtx_wantipl,
 * at which any of its users runs; mtx_enter() raises the CPU to that
 * level before taking the lock, so no interrupt handler that also wants
 * the lock can run on this CPU while it is held, and mtx_leave() puts
 * the old level back.  Holding a mutex, a thread may not sleep.
 *
 *	struct mutex tq_mtx = MUTEX_INITIALIZER(IPL_CLOCK);
 *
 *	mtx_enter(&tq_mtx);
 *	... the timeout queue ...
 *	mtx_leave(&tq_mtx);
 *
 * This kernel runs on one CPU, where raising the level is all the
 * exclusion there is: the owner field is then only a debugging aid that
 * catches a thread taking a mutex twice ("locking against myself", the
 * usual result of a handler established below the mutex's level) and
 * leaving one it does not hold.  With several CPUs mtx_enter() would
 * also spin, with an atomic compare-and-swap, until mtx_owner is free;
 * the interface is already the one that needs.
 * Mirrors OpenBSD's sys/mutex.h and kern/kern_lock.c; see mutex(9).
 */
#ifndef _SYS_MUTEX_H_
#define _SYS_MUTEX_H_

#include <sys/cdefs.h>
#include <sys/systm.h>
#include <machine/cpu.h>
#include <machine/intr.h>

/*
 * Locking legend: [I] immutable after mtx_init, [m] written only by
 * the owner while it holds the mutex.
 */
struct mutex {
	int			mtx_wantipl;	/* [I] level to raise to */
	int			mtx_oldipl;	/* [m] level to restore */
	struct cpu_info *volatile mtx_owner;	/* [m] holder, or null */
	const char		*mtx_name;	/* [I] for messages, or null */
};

#define MUTEX_INITIALIZER_FLAGS(ipl, name, flags)			\
	{ (ipl), IPL_NONE, nullptr, (name) }
#define MUTEX_INITIALIZER(ipl)	MUTEX_INITIALIZER_FLAGS(ipl, nullptr, 0)

__BEGIN_DECLS
void	mtx_init_flags(struct mutex *mtx, int wantipl, const char *name,
	    int flags);
void	mtx_enter(struct mutex *mtx);
int	mtx_enter_try(struct mutex *mtx);
void	mtx_leave(struct mutex *mtx);
__END_DECLS

#define mtx_init(mtx, wantipl)	mtx_init_flags((mtx), (wantipl), nullptr, 0)
#define mtx_owned(mtx)		((mtx)->mtx_owner == curcpu())

/*
 * "This CPU holds / does not hold mtx."  Quiet after a panic and in
 * ddb, which run on whatever locks the crash left behind.
 */
#ifdef DIAGNOSTIC
#define MUTEX_ASSERT_LOCKED(mtx) do {					\
	if (!mtx_owned(mtx) && panicstr == nullptr && !db_active)	\
		panic("mutex %p not held in %s", (mtx), __func__);	\
} while (0)
#define MUTEX_ASSERT_UNLOCKED(mtx) do {					\
	if (mtx_owned(mtx) && panicstr == nullptr && !db_active)	\
		panic("mutex %p held in %s", (mtx), __func__);		\
} while (0)
#else
#define MUTEX_ASSERT_LOCKED(mtx)	do { } while (0)
#define MUTEX_ASSERT_UNLOCKED(mtx)	do { } while (0)
#endif

#endif /* !_SYS_MUTEX_H_ */
