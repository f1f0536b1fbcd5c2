/*
 * kern_lock.cc: mutex(9) for one CPU.
 *
 * <sys/mutex.h> explains what a mutex is for.  Here is the mechanism:
 * mtx_enter() raises the interrupt level to the mutex's mtx_wantipl,
 * remembers the level it found in mtx_oldipl and records this CPU as the
 * owner; mtx_leave() undoes the three in reverse.  Because the level
 * raised in mtx_enter() is only restored in the matching mtx_leave(),
 * mutexes must be released in the reverse order they were taken, as
 * spl(9) sections nest.
 *
 * After a panic, and while ddb runs, the functions do nothing: the
 * crashed kernel may hold any lock, and the debugger must still get
 * through code that takes them.
 * Mirrors OpenBSD's kern/kern_lock.c (its mutex part; rwlock(9) lives in
 * kern/kern_rwlock.cc).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/mutex.h>
#include <machine/cpu.h>
#include <machine/intr.h>

/*
 * mtx_init_flags: make mtx an unlocked mutex for users at levels up to
 * wantipl (IPL_NONE: only process context uses it).  mtx_init(mtx, ipl)
 * is the usual spelling; flags are reserved (OpenBSD's MTX_NOWITNESS).
 * => any context; mtx must not be held.
 */
void
mtx_init_flags(struct mutex *mtx, int wantipl, const char *name, int flags)
{
	KASSERT(wantipl >= IPL_NONE && wantipl <= IPL_HIGH);
	mtx->mtx_wantipl = wantipl;
	mtx->mtx_oldipl = IPL_NONE;
	mtx->mtx_owner = nullptr;
	mtx->mtx_name = name;
}

/*
 * mtx_enter_try: take mtx if it is free.  Returns 1 with the mutex held
 * and the level raised to its mtx_wantipl, or 0 with nothing changed.
 * => any context at or below mtx_wantipl; does not sleep.
 * => DIAGNOSTIC: panics if this CPU already holds mtx.
 */
int
mtx_enter_try(struct mutex *mtx)
{
	if (panicstr != nullptr || db_active)
		return 1;

	int s = splraise(mtx->mtx_wantipl);
	struct cpu_info *owner = mtx->mtx_owner;
	if (owner != nullptr) {
#ifdef DIAGNOSTIC
		/*
		 * On one CPU the owner can only be us: an interrupt handler
		 * (or a code path) taking a mutex its interrupted context
		 * holds.  Spinning would never end.
		 */
		if (owner == curcpu())
			panic("mtx_enter: %s %p: locking against myself",
			    mtx->mtx_name ? mtx->mtx_name : "mutex", mtx);
#endif
		splx(s);
		return 0;
	}
	mtx->mtx_owner = curcpu();
	mtx->mtx_oldipl = s;
	return 1;
}

/*
 * mtx_enter: take mtx, raising the level to its mtx_wantipl.
 * => any context at or below mtx_wantipl; does not sleep.
 * => DIAGNOSTIC: panics if this CPU already holds mtx.
 */
void
mtx_enter(struct mutex *mtx)
{
	/*
	 * Another CPU's mutex would be waited for here.  With one CPU,
	 * mtx_enter_try fails only on a mutex that is ours, and then it
	 * has panicked already; without DIAGNOSTIC, say so here.
	 */
	if (!mtx_enter_try(mtx))
		panic("mtx_enter: %s %p: held by cpu %p, and there is one cpu",
		    mtx->mtx_name ? mtx->mtx_name : "mutex", mtx,
		    mtx->mtx_owner);
}

/*
 * mtx_leave: release mtx and return to the level mtx_enter found.
 * => this CPU holds mtx, and it is the most recently taken one still
 *    held (or the levels would be restored out of order).
 */
void
mtx_leave(struct mutex *mtx)
{
	if (panicstr != nullptr || db_active)
		return;

	MUTEX_ASSERT_LOCKED(mtx);
	int s = mtx->mtx_oldipl;
	mtx->mtx_owner = nullptr;
	splx(s);
}
