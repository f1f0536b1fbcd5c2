/*
 * kern_timeout.cc: timeout(9), calling functions after a delay in ticks.
 *
 * Drivers and the rest of the kernel arm thousands of timeouts and cancel
 * nearly all of them before they are due (a disk command that completes,
 * a packet that is acknowledged), so adding and deleting must be O(1),
 * and the clock interrupt, which runs hz times a second, must not walk
 * every pending timeout to find the due ones.  A sorted list fails the
 * first need, scanning an unsorted one the second.  OpenBSD, after Varghese
 * and Lauck's "Hashed and Hierarchical Timing Wheels", uses a hierarchical
 * timing wheel, and so do we:
 *
 *  - WHEELCOUNT (4) wheels of WHEELSIZE (256) buckets, timeout_wheel[],
 *    each bucket a circq of timeouts.  The 32 bits of a deadline (to_time,
 *    in ticks) are four bytes; wheel w is indexed by byte w.
 *  - A timeout due within 256 ticks goes on wheel 0, in the bucket of its
 *    deadline's low byte; one due within 2^16 ticks on wheel 1, in the
 *    bucket of its deadline's second byte; and so on (BUCKET below).
 *  - Each tick, timeout_hardclock_update() appends wheel 0's bucket for
 *    the new tick to timeout_todo.  When wheel 0 wraps (the low byte of
 *    ticks is 0) it also appends wheel 1's bucket for the new second byte,
 *    and so on up: this is the cascade.  softclock() then takes each
 *    timeout off timeout_todo: one that is due now is called, one that is
 *    not (a cascaded one) goes back on the wheel, on a lower wheel now
 *    that its deadline is nearer.
 *
 * Every bucket is moved at the first tick at which the byte it stands for
 * matches, and no timeout's deadline is later than that (a timeout on
 * wheel w is at most 256^w ticks away when added).  So each timeout is
 * looked at once per wheel at most, and arrives on timeout_todo exactly at
 * its deadline or, cascaded, before it: never late.  Since the byte of a
 * deadline is the same however often the 32-bit counter has wrapped, the
 * wheel needs no special case when ticks passes INT_MAX; comparisons of
 * times are written as differences, (int)(a - b) < 0, for the same reason.
 *
 * softclock() calls the due timeouts in deadline order (OpenBSD calls them
 * in queue order, which is the same unless softclock runs late).  It takes
 * each one off its queue before the call, so the function may re-add its
 * own timeout (then timeout_add returns 1) and timeout_del on it returns 0.
 * A timeout added with 0 ticks is due at the next tick, never at the
 * current one: a function that re-adds itself with 0 cannot loop forever.
 *
 * Mirrors OpenBSD's sys/kern/kern_timeout.c as of about 5.x, before the
 * kclock and TIMEOUT_PROC additions; timeout(9) is the manual.
 *
 * Locking: [T] below is timeout_lock(), because hardclock() moves buckets
 * from interrupt context.  Timeout functions run unlocked.
 */
#include <limits>

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/timeout.h>
#ifdef _KERNEL
#include <machine/intr.h>
#endif

constexpr int WHEELCOUNT = 4;
constexpr int WHEELBITS = 8;
constexpr int WHEELSIZE = 1 << WHEELBITS;
constexpr int WHEELMASK = WHEELSIZE - 1;
constexpr int BUCKETS = WHEELCOUNT * WHEELSIZE;

static_assert(WHEELCOUNT * WHEELBITS == 32, "the wheels cover all of to_time");
static_assert(offsetof(struct timeout, to_list) == 0,
    "timeout_from_circq converts a link back into its timeout");

/*
 * A queue head: empty when it points at itself.  The constructors run
 * from init386(), long before the first timeout_add.  (Not constinit:
 * GCC 12 accepts that on an array of self-pointing heads and then leaves
 * the array all zero.)
 */
struct circq_head : circq {
	constexpr
	circq_head()
	{
		next = this;
		prev = this;
	}
	circq_head(const circq_head &) = delete;
	circq_head &operator=(const circq_head &) = delete;
};

static circq_head timeout_wheel[BUCKETS]; /* [T] the 4 wheels, one array */
static circq_head timeout_todo;		/* [T] moved from the wheel, to do */
static circq_head timeout_due;		/* [T] softclock's due, by to_time */
static bool softclock_running;		/* [T] a softclock() is under way */

/*
 * The lock.  OpenBSD's timeout_mutex is a mutex at IPL_HIGH: the queues
 * are changed by hardclock() at IPL_CLOCK and by anyone calling
 * timeout_add, so holding it must keep the clock interrupt out.  With one
 * CPU, splhigh() is all of that mutex.  The host tests have no interrupts
 * and make these no-ops.  These two are the only place that knows how the
 * queues are protected.
 */
static inline int
timeout_lock(void)
{
#ifdef _KERNEL
	return splhigh();
#else
	return 0;
#endif
}

static inline void
timeout_unlock(int s)
{
#ifdef _KERNEL
	splx(s);
#else
	(void)s;
#endif
}

/*
 * The circq operations, OpenBSD's CIRCQ_* macros.  None needs the head of
 * the queue an element is on, which is why a timeout can be deleted
 * without knowing its bucket.
 */
static inline bool
circq_empty(const struct circq *head)
{
	return head->next == head;
}

static inline void
circq_insert_tail(struct circq *head, struct circq *elm)
{
	KASSERT(elm->next == nullptr && elm->prev == nullptr);
	elm->prev = head->prev;
	elm->next = head;
	head->prev->next = elm;
	head->prev = elm;
}

/* Insert elm in front of before (which may be the head: at the tail). */
static inline void
circq_insert_before(struct circq *before, struct circq *elm)
{
	circq_insert_tail(before, elm);
}

static inline void
circq_remove(struct circq *elm)
{
	KASSERT(elm->next != nullptr && elm->prev != nullptr);
	elm->next->prev = elm->prev;
	elm->prev->next = elm->next;
	elm->next = nullptr;
	elm->prev = nullptr;
}

/* Append all of from to the tail of to, in O(1); from is left empty. */
static inline void
circq_concat(struct circq *to, struct circq *from)
{
	if (circq_empty(from))
		return;
	from->next->prev = to->prev;
	to->prev->next = from->next;
	from->prev->next = to;
	to->prev = from->prev;
	from->next = from->prev = from;
}

static inline struct timeout *
timeout_from_circq(struct circq *elm)
{
	return reinterpret_cast<struct timeout *>(elm);
}

/* Byte w of a tick count: the bucket of wheel w it falls in. */
static inline int
maskwheel(int wheel, int time)
{
	return ((u_int)time >> (wheel * WHEELBITS)) & WHEELMASK;
}

/*
 * BUCKET: where a timeout due at abs, rel ticks from now (rel >= 1),
 * waits.  The lowest wheel whose span covers rel, so the bucket is not
 * moved again before abs.  (rel == 256 lands on wheel 0 in the bucket of
 * the current tick, already moved this tick, next moved at abs.)
 */
static struct circq *
timeout_bucket(int rel, int abs)
{
	int wheel;

	KASSERT(rel > 0);
	for (wheel = 0; wheel < WHEELCOUNT - 1; wheel++)
		if ((u_int)rel <= 1U << ((wheel + 1) * WHEELBITS))
			break;
	return &timeout_wheel[wheel * WHEELSIZE + maskwheel(wheel, abs)];
}

/* MOVEBUCKET: append wheel's bucket for time to the todo queue. */
static inline void
timeout_movebucket(int wheel, int time)
{
	circq_concat(&timeout_todo,
	    &timeout_wheel[wheel * WHEELSIZE + maskwheel(wheel, time)]);
}

/*
 * timeout_set: prepare to to call fn(arg) when it is added and due.
 * => any context; to is not pending (its links are overwritten).
 */
void
timeout_set(struct timeout *to, void (*fn)(void *), void *arg)
{
	to->to_list.next = nullptr;
	to->to_list.prev = nullptr;
	to->to_func = fn;
	to->to_arg = arg;
	to->to_time = 0;
	to->to_flags = TIMEOUT_INITIALIZED;
}

/*
 * timeout_add: arm to to be called to_ticks ticks from now.
 * => any context, including interrupts; does not sleep.
 * => to_ticks >= 0; 0 means the next tick, as 1 does.
 * => returns 1 if to was newly armed, 0 if it was pending and has been
 *    moved to the new deadline.  Either way its TRIGGERED flag is cleared.
 */
int
timeout_add(struct timeout *to, int to_ticks)
{
	int ret = 1, s;

	KASSERT(timeout_initialized(to));
	KASSERT(to_ticks >= 0);
	if (to_ticks <= 0)
		to_ticks = 1;

	s = timeout_lock();
	/* Unsigned: a deadline past INT_MAX wraps as ticks will. */
	to->to_time = (int)((u_int)ticks + (u_int)to_ticks);
	to->to_flags &= ~TIMEOUT_TRIGGERED;
	if (to->to_flags & TIMEOUT_ONQUEUE) {
		/* It may be in any bucket, or on todo, or on softclock's due. */
		circq_remove(&to->to_list);
		ret = 0;
	}
	to->to_flags |= TIMEOUT_ONQUEUE;
	circq_insert_tail(timeout_bucket(to_ticks, to->to_time),
	    &to->to_list);
	timeout_unlock(s);
	return ret;
}

/*
 * timeout_add_msec, timeout_add_sec: timeout_add with the delay in
 * milliseconds or seconds, rounded down to ticks but at least one tick
 * if the delay is not 0, and clamped to INT_MAX ticks.
 * => as timeout_add.
 */
int
timeout_add_msec(struct timeout *to, int msecs)
{
	uint64_t to_ticks;

	KASSERT(msecs >= 0);
	to_ticks = (uint64_t)msecs * hz / 1000;
	if (to_ticks > (uint64_t)std::numeric_limits<int>::max())
		to_ticks = std::numeric_limits<int>::max();
	if (to_ticks == 0 && msecs > 0)
		to_ticks = 1;
	return timeout_add(to, (int)to_ticks);
}

int
timeout_add_sec(struct timeout *to, int secs)
{
	uint64_t to_ticks;

	KASSERT(secs >= 0);
	to_ticks = (uint64_t)secs * hz;
	if (to_ticks > (uint64_t)std::numeric_limits<int>::max())
		to_ticks = std::numeric_limits<int>::max();
	return timeout_add(to, (int)to_ticks);
}

/*
 * timeout_del: disarm to.
 * => any context; does not sleep.  A timeout function already running
 *    is not waited for (OpenBSD's timeout_del_barrier would).
 * => returns 1 if to was pending (and now will not run), else 0.
 */
int
timeout_del(struct timeout *to)
{
	int ret = 0, s;

	s = timeout_lock();
	if (to->to_flags & TIMEOUT_ONQUEUE) {
		circq_remove(&to->to_list);
		to->to_flags &= ~TIMEOUT_ONQUEUE;
		ret = 1;
	}
	to->to_flags &= ~TIMEOUT_TRIGGERED;
	timeout_unlock(s);
	return ret;
}

/*
 * timeout_hardclock_update: the wheel's side of one clock tick.
 * => called by hardclock() at IPL_CLOCK, once for every value of ticks,
 *    just after incrementing it; may not sleep.
 * => returns non-zero if softclock() has work to do.
 */
int
timeout_hardclock_update(void)
{
	int now, ret, s;

	s = timeout_lock();
	now = ticks;
	timeout_movebucket(0, now);
	/* Wheel w wrapped: the next wheel's bucket for the new byte is due. */
	for (int w = 1; w < WHEELCOUNT && maskwheel(w - 1, now) == 0; w++)
		timeout_movebucket(w, now);
	ret = !circq_empty(&timeout_todo);
	timeout_unlock(s);
	return ret;
}

/*
 * Empty the todo queue: a timeout due now goes on timeout_due, kept in
 * deadline order; one that came down from a higher wheel and is not due
 * yet goes back on the wheel, on a lower one.  Insertion searches from
 * the tail, where a timeout almost always belongs, so this is O(1) per
 * timeout unless softclock has fallen behind.
 * => timeout_lock held.
 */
static void
timeout_sort_todo(void)
{
	struct circq *p;
	struct timeout *to;
	int delta;

	while (!circq_empty(&timeout_todo)) {
		to = timeout_from_circq(timeout_todo.next);
		circq_remove(&to->to_list);
		delta = (int)((u_int)to->to_time - (u_int)ticks);
		if (delta > 0) {
			circq_insert_tail(timeout_bucket(delta, to->to_time),
			    &to->to_list);
			continue;
		}
		for (p = timeout_due.prev; p != &timeout_due; p = p->prev)
			if ((int)((u_int)timeout_from_circq(p)->to_time -
			    (u_int)to->to_time) <= 0)
				break;
		circq_insert_before(p->next, &to->to_list);
	}
}

/*
 * softclock: call every timeout that is due, earliest deadline first.
 * => the softclock soft interrupt (established by initclocks(), scheduled
 *    by hardclock() when timeout_hardclock_update() says so), at
 *    IPL_SOFTCLOCK with the clock running; may not sleep, nor may the
 *    timeout functions it calls.
 */
void
softclock(void *)
{
	struct timeout *to;
	void (*fn)(void *);
	void *fnarg;
	int s;

	s = timeout_lock();
	/*
	 * Soft interrupts do not nest at one level, but a caller that runs
	 * us by hand (a test, a debugger) might, from a timeout function.
	 * The outer call's loop will find the new work, in order.
	 */
	if (softclock_running) {
		timeout_unlock(s);
		return;
	}
	softclock_running = true;
	for (;;) {
		/* Again each time: a clock tick may have added more. */
		timeout_sort_todo();
		if (circq_empty(&timeout_due))
			break;
		to = timeout_from_circq(timeout_due.next);
		circq_remove(&to->to_list);
		to->to_flags &= ~TIMEOUT_ONQUEUE;
		to->to_flags |= TIMEOUT_TRIGGERED;
		/* Copied first: fn may free to, or set it anew. */
		fn = to->to_func;
		fnarg = to->to_arg;
		timeout_unlock(s);
		fn(fnarg);
		s = timeout_lock();
	}
	softclock_running = false;
	timeout_unlock(s);
}

/* Print the timeouts on one queue, with where they wait. */
static void
db_show_callout_bucket(struct circq *head, const char *where, int bucket,
    int (*pr)(const char *, ...))
{
	struct circq *p;
	struct timeout *to;

	for (p = head->next; p != head; p = p->next) {
		to = timeout_from_circq(p);
		(*pr)("%10d %8d %5s/%-3d %10p %10p\n", to->to_time,
		    (int)((u_int)to->to_time - (u_int)ticks), where, bucket,
		    reinterpret_cast<void *>(to->to_func), to->to_arg);
	}
}

/*
 * db_show_callout: ddb's "show callout", every pending timeout: its
 * deadline, the ticks left, where it waits (todo, due, or wheel w/bucket),
 * its function (an address for ddb to name) and its argument.
 * => called from ddb with the machine stopped: takes no lock.
 */
void
db_show_callout(int (*pr)(const char *, ...))
{
	static const char *const wheelname[WHEELCOUNT] =
	    { "w0", "w1", "w2", "w3" };

	(*pr)("ticks now: %d\n", ticks);
	(*pr)("%10s %8s %9s %10s %10s\n", "due", "left", "where", "func",
	    "arg");
	db_show_callout_bucket(&timeout_todo, "todo", 0, pr);
	db_show_callout_bucket(&timeout_due, "due", 0, pr);
	for (int b = 0; b < BUCKETS; b++)
		db_show_callout_bucket(&timeout_wheel[b],
		    wheelname[b / WHEELSIZE], b % WHEELSIZE, pr);
}
