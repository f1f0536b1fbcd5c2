/*
 * <sys/timeout.h>: timeout(9), functions called once after a delay.
 *
 * A timeout is a structure the caller owns (inside a driver's softc, a
 * struct proc, ...), so arming one never allocates and cannot fail:
 *
 *	struct timeout to;
 *
 *	timeout_set(&to, wdc_timeout, sc);	once, before any use
 *	timeout_add_msec(&to, 500);		arm: wdc_timeout(sc) in 0.5 s
 *	timeout_del(&to);			disarm, if it has not run
 *
 * The function runs once, from softclock(), with the timeout already off
 * every queue: it may re-arm its own timeout (that is how periodic work is
 * written) or free the structure holding it.  See kern/kern_timeout.cc for
 * the timing wheel behind this, and OpenBSD's timeout(9) for the manual.
 *
 * Locking: [T] timeout_lock() in kern/kern_timeout.cc (the clock interrupt
 * touches the queues), [I] set by timeout_set() and not changed while the
 * timeout is pending.
 */
#ifndef _SYS_TIMEOUT_H_
#define _SYS_TIMEOUT_H_

#include <sys/cdefs.h>

/*
 * A circular doubly linked queue, as OpenBSD's <sys/circq.h>.  The head is
 * a circq too, pointing at itself when empty, so an element can be removed
 * without knowing which of the 1024 wheel buckets holds it, and a whole
 * bucket can be appended to another queue in O(1).  (The TAILQ of
 * <sys/queue.h> needs its head to remove its last element, which is why
 * timeouts do not use it.)  An element's links are nullptr while it is on
 * no queue.
 */
struct circq {
	struct circq	*next = nullptr; /* [T] next element, or the head */
	struct circq	*prev = nullptr; /* [T] previous element, or the head */
};

struct timeout {
	struct circq	to_list;	/* [T] wheel bucket or todo queue */
	void		(*to_func)(void *); /* [I] the function to call */
	void		*to_arg;	/* [I] its argument */
	int		to_time;	/* [T] the tick it is due at */
	int		to_flags;	/* [T] TIMEOUT_* below */
};

/* to_flags, with OpenBSD's values. */
#define TIMEOUT_ONQUEUE		0x02	/* on the wheel or the todo queue */
#define TIMEOUT_INITIALIZED	0x04	/* timeout_set() was called */
#define TIMEOUT_TRIGGERED	0x08	/* its function has been called */

/* For a static timeout: the same as calling timeout_set() on it. */
#define TIMEOUT_INITIALIZER(fn, arg)					\
	{ {}, (fn), (arg), 0, TIMEOUT_INITIALIZED }

/* Is it armed (added and neither run nor deleted since)? */
static inline int
timeout_pending(const struct timeout *to)
{
	return (to->to_flags & TIMEOUT_ONQUEUE) != 0;
}

/* Has timeout_set() been called on it? */
static inline int
timeout_initialized(const struct timeout *to)
{
	return (to->to_flags & TIMEOUT_INITIALIZED) != 0;
}

/* Has its function been called since the last timeout_add or timeout_del? */
static inline int
timeout_triggered(const struct timeout *to)
{
	return (to->to_flags & TIMEOUT_TRIGGERED) != 0;
}

__BEGIN_DECLS
void	timeout_set(struct timeout *, void (*)(void *), void *);
int	timeout_add(struct timeout *, int);
int	timeout_add_msec(struct timeout *, int);
int	timeout_add_sec(struct timeout *, int);
int	timeout_del(struct timeout *);

/* The clock's side: hardclock() and the soft clock interrupt. */
int	timeout_hardclock_update(void);
void	softclock(void *);

/* ddb's "show callout". */
void	db_show_callout(int (*)(const char *, ...));
__END_DECLS

#endif /* !_SYS_TIMEOUT_H_ */
