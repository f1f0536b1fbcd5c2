/*
 * <sys/queue.h>: intrusive lists and queues, queue(3) written as C++
 * templates.
 *
 * A kernel keeps most of its objects on lists: runnable processes on a run
 * queue, sleeping ones on a sleep queue, buffers on a free list, vnodes on a
 * hash chain.  BSD does this without allocating anything: the links live
 * inside the object itself, and a list head is just a pointer or two.  An
 * object that must sit on several lists at once simply has several links.
 * OpenBSD spells this with the macros of <sys/queue.h> (see queue(3)):
 *
 *	struct proc {
 *		TAILQ_ENTRY(proc) p_runq;
 *	};
 *	TAILQ_HEAD(prochead, proc) qs[NQS];
 *	TAILQ_INSERT_TAIL(&qs[i], p, p_runq);
 *	TAILQ_FOREACH(p, &qs[i], p_runq) ...
 *
 * Here the same data structures are templates, with queue(3)'s words:
 *
 *	struct proc {
 *		tailq_entry<proc> p_runq;	// the link, inside the object
 *	};
 *	tailq_head<proc, &proc::p_runq> qs[NQS];	// the head knows the link
 *	qs[i].insert_tail(p);
 *	for (proc *p : qs[i]) ...
 *
 * The second template argument, a pointer to member, is what the "field"
 * argument of every queue(3) macro was; since the head carries it in its
 * type, no call has to repeat it, and putting an object on a list through
 * the wrong link is a compile error instead of a corrupted list.
 *
 * Three shapes are provided, as in queue(3):
 *
 *	LIST	 list_entry / list_head: doubly linked, head is one pointer.
 *		 An element can be removed without knowing its head, which
 *		 is why hash chains use it.
 *	SIMPLEQ	 simpleq_entry / simpleq_head: singly linked with a tail
 *		 pointer.  A cheap FIFO: insert at either end, remove only
 *		 from the head (or after a known element).
 *	TAILQ	 tailq_entry / tailq_head: doubly linked with a tail pointer.
 *		 The general-purpose queue: insert and remove anywhere in
 *		 O(1), walk both ways.
 *
 * The pointers keep queue(3)'s layout and names, so gdb shows the same
 * fields OpenBSD's do: an element's "prev" link (le_prev, tqe_prev) is not
 * the previous element but the address of the pointer that points at this
 * element, which is either the previous element's next link or the head's
 * first pointer.  That lets removal work the same way for the first element
 * and any other one, without a special case.
 *
 * Rules that C's macros left to the reader, checked here:
 *
 *  - An entry is "on a queue" exactly when its prev link is set.  Entries
 *    start cleared (the members have initialisers, and memory from
 *    malloc(9) with M_ZERO or pool(9) with PR_ZERO reads the same), and
 *    remove() clears them again.  With DIAGNOSTIC, inserting an entry that
 *    is already on a queue, or removing or stepping past one that is not,
 *    panics through KASSERT(9) instead of quietly corrupting two lists.
 *    SIMPLEQ has no prev link, so with DIAGNOSTIC its entry carries one
 *    extra flag for the same checks (its size therefore differs between
 *    DIAGNOSTIC and other kernels).
 *  - A head must not be copied: the first element (and for TAILQ and
 *    SIMPLEQ the head itself) holds pointers into it.  Copying is deleted.
 *  - A head built by its constructor is empty, and a global one is set up
 *    at compile time (no constructor runs at boot).  A head in memory that
 *    was never constructed, such as a malloc(9)ed hash table, needs init()
 *    first, as queue(3) needs TAILQ_INIT.  (An all-zero list_head happens
 *    to be empty already; the others point at themselves and are not.)
 *
 * Walking a queue: "for (proc *p : q)" is TAILQ_FOREACH, and the body must
 * not remove p (the walk reads p's next link after the body; with DIAGNOSTIC
 * that read panics once p is off the queue).  To remove while walking, use
 * "for (proc *p : q.foreach_safe())", which is TAILQ_FOREACH_SAFE: it fetches
 * the next element before the body runs, so the body may remove p, but not
 * the element after it.  The same rule written by hand:
 *
 *	for (p = q.first(); p != nullptr; p = np) {
 *		np = q.next(p);		// fetch next before removing p
 *		if (...)
 *			q.remove(p);
 *	}
 *
 * None of this locks anything: the caller protects a queue with whatever
 * protects the objects on it (a lock, or an spl level).
 */
#ifndef _SYS_QUEUE_H_
#define _SYS_QUEUE_H_

#include <cstddef>
#include <type_traits>

#include <sys/systm.h>		/* KASSERT */

/*
 * Iterators for range-for, shared by the three heads.  Head supplies the
 * element type and a static next(); the iterator yields element pointers,
 * as the loop variable of queue(3)'s FOREACH macros is a pointer.
 */
template <typename Head>
struct queue_iter {
	typename Head::elem_type *qi_elm;	/* current; nullptr at the end */

	typename Head::elem_type *
	operator*() const
	{
		return qi_elm;
	}

	queue_iter &
	operator++()
	{
		qi_elm = Head::next(qi_elm);
		return *this;
	}

	bool
	operator!=(const queue_iter &other) const
	{
		return qi_elm != other.qi_elm;
	}
};

/*
 * The FOREACH_SAFE iterator: it keeps the next element aside before the
 * loop body sees the current one, so the body may take the current element
 * off the queue.
 */
template <typename Head>
struct queue_safe_iter {
	typename Head::elem_type *qi_elm;	/* current; nullptr at the end */
	typename Head::elem_type *qi_next;	/* fetched before the body runs */

	explicit
	queue_safe_iter(typename Head::elem_type *elm)
	    : qi_elm(elm), qi_next(elm != nullptr ? Head::next(elm) : nullptr)
	{
	}

	typename Head::elem_type *
	operator*() const
	{
		return qi_elm;
	}

	queue_safe_iter &
	operator++()
	{
		qi_elm = qi_next;
		qi_next = qi_elm != nullptr ? Head::next(qi_elm) : nullptr;
		return *this;
	}

	bool
	operator!=(const queue_safe_iter &other) const
	{
		return qi_elm != other.qi_elm;
	}
};

/* What foreach_safe() returns: something range-for can walk. */
template <typename Head>
struct queue_safe_range {
	typename Head::elem_type *qr_first;

	queue_safe_iter<Head>
	begin() const
	{
		return queue_safe_iter<Head>(qr_first);
	}

	queue_safe_iter<Head>
	end() const
	{
		return queue_safe_iter<Head>(nullptr);
	}
};

/*
 * LIST: a doubly linked list whose head is a single pointer.
 * queue(3): LIST_ENTRY, LIST_HEAD, LIST_INSERT_HEAD, LIST_REMOVE, ...
 */
template <typename T>
struct list_entry {
	T	*le_next = nullptr;	/* next element; nullptr at the end */
	T	**le_prev = nullptr;	/* the pointer that points at us;
					   nullptr while not on a list */
};

template <typename T, list_entry<T> T::*F>
struct list_head {
	using elem_type = T;

	T	*lh_first;		/* first element */

	constexpr
	list_head() : lh_first(nullptr)
	{
	}
	list_head(const list_head &) = delete;
	list_head &operator=(const list_head &) = delete;

	/* LIST_INIT: make a never-constructed head empty. */
	void
	init()
	{
		lh_first = nullptr;
	}

	bool
	empty() const
	{
		return lh_first == nullptr;
	}

	T *
	first() const
	{
		return lh_first;
	}

	/*
	 * Is elm on some list through this link?  (Not necessarily this one:
	 * a LIST element does not know its head.)
	 */
	static bool
	onqueue(const T *elm)
	{
		return (elm->*F).le_prev != nullptr;
	}

	/* LIST_NEXT.  => elm is on a list. */
	static T *
	next(T *elm)
	{
		KASSERT(onqueue(elm));
		return (elm->*F).le_next;
	}

	/* LIST_INSERT_HEAD.  => elm is on no list through this link. */
	void
	insert_head(T *elm)
	{
		list_entry<T> &e = elm->*F;

		KASSERT(!onqueue(elm));
		e.le_next = lh_first;
		if (lh_first != nullptr)
			(lh_first->*F).le_prev = &e.le_next;
		lh_first = elm;
		e.le_prev = &lh_first;
	}

	/*
	 * LIST_INSERT_AFTER and LIST_INSERT_BEFORE need no head: the
	 * neighbour's links say everything.  They are static so that code
	 * holding only an element can call them through the head's type.
	 * => listelm is on a list, elm is not.
	 */
	static void
	insert_after(T *listelm, T *elm)
	{
		list_entry<T> &le = listelm->*F, &e = elm->*F;

		KASSERT(onqueue(listelm));
		KASSERT(!onqueue(elm));
		e.le_next = le.le_next;
		if (e.le_next != nullptr)
			(e.le_next->*F).le_prev = &e.le_next;
		le.le_next = elm;
		e.le_prev = &le.le_next;
	}

	static void
	insert_before(T *listelm, T *elm)
	{
		list_entry<T> &le = listelm->*F, &e = elm->*F;

		KASSERT(onqueue(listelm));
		KASSERT(!onqueue(elm));
		e.le_prev = le.le_prev;
		e.le_next = listelm;
		/* Whatever pointed at listelm (a next link or lh_first). */
		*le.le_prev = elm;
		le.le_prev = &e.le_next;
	}

	/*
	 * LIST_REMOVE: take elm off whatever list it is on; the head is not
	 * needed, which is what hash chains rely on.
	 * => elm is on a list.  Its links are cleared afterwards.
	 */
	static void
	remove(T *elm)
	{
		list_entry<T> &e = elm->*F;

		KASSERT(onqueue(elm));
		/* Catches an entry that was copied or scribbled on. */
		KASSERT(*e.le_prev == elm);
		if (e.le_next != nullptr)
			(e.le_next->*F).le_prev = e.le_prev;
		*e.le_prev = e.le_next;
		e.le_next = nullptr;
		e.le_prev = nullptr;
	}

	/* LIST_FOREACH and LIST_FOREACH_SAFE; see the top of the file. */
	queue_iter<list_head>
	begin() const
	{
		return { lh_first };
	}

	queue_iter<list_head>
	end() const
	{
		return { nullptr };
	}

	queue_safe_range<list_head>
	foreach_safe() const
	{
		return { lh_first };
	}
};

/*
 * SIMPLEQ: a singly linked queue with a tail pointer.
 * queue(3): SIMPLEQ_ENTRY, SIMPLEQ_HEAD, SIMPLEQ_INSERT_TAIL, ...
 */
template <typename T>
struct simpleq_entry {
	T	*sqe_next = nullptr;	/* next element; nullptr at the end */
#ifdef DIAGNOSTIC
	/*
	 * A lone next pointer cannot tell "last on a queue" from "on no
	 * queue" (both are nullptr), so checked kernels keep a flag.
	 */
	bool	sqe_onqueue = false;
#endif
};

template <typename T, simpleq_entry<T> T::*F>
struct simpleq_head {
	using elem_type = T;

	T	*sqh_first;		/* first element */
	T	**sqh_last;		/* the last element's sqe_next, or
					   sqh_first when empty */

	constexpr
	simpleq_head() : sqh_first(nullptr), sqh_last(&sqh_first)
	{
	}
	simpleq_head(const simpleq_head &) = delete;
	simpleq_head &operator=(const simpleq_head &) = delete;

	/* SIMPLEQ_INIT: make a never-constructed head empty. */
	void
	init()
	{
		sqh_first = nullptr;
		sqh_last = &sqh_first;
	}

	bool
	empty() const
	{
		return sqh_first == nullptr;
	}

	T *
	first() const
	{
		return sqh_first;
	}

	/* SIMPLEQ_NEXT.  => elm is on a queue. */
	static T *
	next(T *elm)
	{
		KASSERT(onqueue(elm));
		return (elm->*F).sqe_next;
	}

	/* SIMPLEQ_INSERT_HEAD.  => elm is on no queue through this link. */
	void
	insert_head(T *elm)
	{
		simpleq_entry<T> &e = elm->*F;

		KASSERT(!onqueue(elm));
		e.sqe_next = sqh_first;
		if (e.sqe_next == nullptr)
			sqh_last = &e.sqe_next;
		sqh_first = elm;
		set_onqueue(e, true);
	}

	/* SIMPLEQ_INSERT_TAIL.  => elm is on no queue through this link. */
	void
	insert_tail(T *elm)
	{
		simpleq_entry<T> &e = elm->*F;

		KASSERT(!onqueue(elm));
		e.sqe_next = nullptr;
		*sqh_last = elm;
		sqh_last = &e.sqe_next;
		set_onqueue(e, true);
	}

	/*
	 * SIMPLEQ_INSERT_AFTER: the head is needed in case listelm is the
	 * tail.  => listelm is on this queue, elm on none.
	 */
	void
	insert_after(T *listelm, T *elm)
	{
		simpleq_entry<T> &le = listelm->*F, &e = elm->*F;

		KASSERT(onqueue(listelm));
		KASSERT(!onqueue(elm));
		e.sqe_next = le.sqe_next;
		if (e.sqe_next == nullptr)
			sqh_last = &e.sqe_next;
		le.sqe_next = elm;
		set_onqueue(e, true);
	}

	/*
	 * SIMPLEQ_REMOVE_HEAD.  queue(3)'s macro returns nothing; returning
	 * the element saves the caller a first() beforehand.
	 * => the queue is not empty.  The element's link is cleared.
	 */
	T *
	remove_head()
	{
		T *elm = sqh_first;

		KASSERT(elm != nullptr);
		simpleq_entry<T> &e = elm->*F;
		sqh_first = e.sqe_next;
		if (sqh_first == nullptr)
			sqh_last = &sqh_first;
		e.sqe_next = nullptr;
		set_onqueue(e, false);
		return elm;
	}

	/*
	 * SIMPLEQ_REMOVE_AFTER: remove the element that follows elm.  There
	 * is no general remove: finding the element before an arbitrary one
	 * means walking the queue, and a TAILQ is the right tool for that.
	 * => elm is on this queue and is not the last.
	 */
	void
	remove_after(T *elm)
	{
		simpleq_entry<T> &e = elm->*F;

		KASSERT(onqueue(elm));
		KASSERT(e.sqe_next != nullptr);
		simpleq_entry<T> &victim = e.sqe_next->*F;
		e.sqe_next = victim.sqe_next;
		if (e.sqe_next == nullptr)
			sqh_last = &e.sqe_next;
		victim.sqe_next = nullptr;
		set_onqueue(victim, false);
	}

	/*
	 * SIMPLEQ_CONCAT: move all of other's elements to the end of this
	 * queue, in O(1).  other is left empty.
	 */
	void
	concat(simpleq_head &other)
	{
		KASSERT(&other != this);
		if (other.sqh_first == nullptr)
			return;
		*sqh_last = other.sqh_first;
		sqh_last = other.sqh_last;
		other.init();
	}

	/* SIMPLEQ_FOREACH and SIMPLEQ_FOREACH_SAFE. */
	queue_iter<simpleq_head>
	begin() const
	{
		return { sqh_first };
	}

	queue_iter<simpleq_head>
	end() const
	{
		return { nullptr };
	}

	queue_safe_range<simpleq_head>
	foreach_safe() const
	{
		return { sqh_first };
	}

private:
#ifdef DIAGNOSTIC
	static bool
	onqueue(const T *elm)
	{
		return (elm->*F).sqe_onqueue;
	}
#endif

	static void
	set_onqueue([[maybe_unused]] simpleq_entry<T> &e,
	    [[maybe_unused]] bool on)
	{
#ifdef DIAGNOSTIC
		e.sqe_onqueue = on;
#endif
	}
};

/*
 * TAILQ: a doubly linked queue with a tail pointer.
 * queue(3): TAILQ_ENTRY, TAILQ_HEAD, TAILQ_INSERT_TAIL, TAILQ_REMOVE, ...
 */
template <typename T>
struct tailq_entry {
	T	*tqe_next = nullptr;	/* next element; nullptr at the tail */
	T	**tqe_prev = nullptr;	/* the pointer that points at us;
					   nullptr while not on a queue */
};

template <typename T, tailq_entry<T> T::*F>
struct tailq_head {
	using elem_type = T;

	T	*tqh_first;		/* first element */
	T	**tqh_last;		/* the last element's tqe_next, or
					   tqh_first when empty */

	constexpr
	tailq_head() : tqh_first(nullptr), tqh_last(&tqh_first)
	{
	}
	tailq_head(const tailq_head &) = delete;
	tailq_head &operator=(const tailq_head &) = delete;

	/* TAILQ_INIT: make a never-constructed head empty. */
	void
	init()
	{
		tqh_first = nullptr;
		tqh_last = &tqh_first;
	}

	bool
	empty() const
	{
		return tqh_first == nullptr;
	}

	T *
	first() const
	{
		return tqh_first;
	}

	/* TAILQ_LAST: nullptr when empty. */
	T *
	last() const
	{
		if (tqh_first == nullptr)
			return nullptr;
		return slot_owner(tqh_last);
	}

	/*
	 * Is elm on some queue through this link?  (Not necessarily this
	 * one; remove() checks that where it can.)
	 */
	static bool
	onqueue(const T *elm)
	{
		return (elm->*F).tqe_prev != nullptr;
	}

	/* TAILQ_NEXT.  => elm is on a queue. */
	static T *
	next(T *elm)
	{
		KASSERT(onqueue(elm));
		return (elm->*F).tqe_next;
	}

	/* TAILQ_PREV: nullptr for the first element.  => elm is on this queue. */
	T *
	prev(T *elm) const
	{
		T **slot = (elm->*F).tqe_prev;

		KASSERT(onqueue(elm));
		if (slot == &tqh_first)
			return nullptr;
		return slot_owner(slot);
	}

	/* TAILQ_INSERT_HEAD.  => elm is on no queue through this link. */
	void
	insert_head(T *elm)
	{
		tailq_entry<T> &e = elm->*F;

		KASSERT(!onqueue(elm));
		e.tqe_next = tqh_first;
		if (tqh_first != nullptr)
			(tqh_first->*F).tqe_prev = &e.tqe_next;
		else
			tqh_last = &e.tqe_next;
		tqh_first = elm;
		e.tqe_prev = &tqh_first;
	}

	/* TAILQ_INSERT_TAIL.  => elm is on no queue through this link. */
	void
	insert_tail(T *elm)
	{
		tailq_entry<T> &e = elm->*F;

		KASSERT(!onqueue(elm));
		e.tqe_next = nullptr;
		e.tqe_prev = tqh_last;
		*tqh_last = elm;
		tqh_last = &e.tqe_next;
	}

	/*
	 * TAILQ_INSERT_AFTER: the head is needed in case listelm is the tail.
	 * => listelm is on this queue, elm on none.
	 */
	void
	insert_after(T *listelm, T *elm)
	{
		tailq_entry<T> &le = listelm->*F, &e = elm->*F;

		KASSERT(onqueue(listelm));
		KASSERT(!onqueue(elm));
		e.tqe_next = le.tqe_next;
		if (e.tqe_next != nullptr)
			(e.tqe_next->*F).tqe_prev = &e.tqe_next;
		else
			tqh_last = &e.tqe_next;
		le.tqe_next = elm;
		e.tqe_prev = &le.tqe_next;
	}

	/*
	 * TAILQ_INSERT_BEFORE needs no head, as in queue(3): listelm's prev
	 * link already names the pointer to redirect.
	 * => listelm is on a queue, elm on none.
	 */
	static void
	insert_before(T *listelm, T *elm)
	{
		tailq_entry<T> &le = listelm->*F, &e = elm->*F;

		KASSERT(onqueue(listelm));
		KASSERT(!onqueue(elm));
		e.tqe_prev = le.tqe_prev;
		e.tqe_next = listelm;
		*le.tqe_prev = elm;
		le.tqe_prev = &e.tqe_next;
	}

	/*
	 * TAILQ_REMOVE.
	 * => elm is on this queue.  Its links are cleared afterwards, which
	 *    is what lets the checks above tell a removed entry from a linked
	 *    one.
	 */
	void
	remove(T *elm)
	{
		tailq_entry<T> &e = elm->*F;

		KASSERT(onqueue(elm));
		/* Catches an entry that was copied or scribbled on. */
		KASSERT(*e.tqe_prev == elm);
		/* The tail of another queue would leave our tqh_last dangling. */
		KASSERT(e.tqe_next != nullptr || tqh_last == &e.tqe_next);
		if (e.tqe_next != nullptr)
			(e.tqe_next->*F).tqe_prev = e.tqe_prev;
		else
			tqh_last = e.tqe_prev;
		*e.tqe_prev = e.tqe_next;
		e.tqe_next = nullptr;
		e.tqe_prev = nullptr;
	}

	/*
	 * TAILQ_CONCAT: move all of other's elements to the end of this
	 * queue, in O(1).  other is left empty.
	 */
	void
	concat(tailq_head &other)
	{
		KASSERT(&other != this);
		if (other.tqh_first == nullptr)
			return;
		*tqh_last = other.tqh_first;
		/* The old first of other pointed back at other.tqh_first. */
		(other.tqh_first->*F).tqe_prev = tqh_last;
		tqh_last = other.tqh_last;
		other.init();
	}

	/* TAILQ_FOREACH and TAILQ_FOREACH_SAFE; see the top of the file. */
	queue_iter<tailq_head>
	begin() const
	{
		return { tqh_first };
	}

	queue_iter<tailq_head>
	end() const
	{
		return { nullptr };
	}

	queue_safe_range<tailq_head>
	foreach_safe() const
	{
		return { tqh_first };
	}

private:
	/*
	 * The element whose tqe_next is *slot, for TAILQ_LAST and TAILQ_PREV.
	 * tqh_last and tqe_prev point at a tqe_next, not at an element.  But
	 * tqe_next is the first member of its tailq_entry, so that address is
	 * also the address of the entry (C++ calls the two "pointer-
	 * interconvertible"), and that entry's tqe_prev points at the pointer
	 * that points at its element: one more dereference gives the element.
	 * C's TAILQ_LAST does the same walk by casting to the head's type.
	 * => slot is the tqe_next of an element, never &tqh_first.
	 */
	static T *
	slot_owner(T *const *slot)
	{
		static_assert(std::is_standard_layout_v<tailq_entry<T>>);
		static_assert(offsetof(tailq_entry<T>, tqe_next) == 0);
		auto *e = reinterpret_cast<const tailq_entry<T> *>(slot);
		return *e->tqe_prev;
	}
};

#endif /* !_SYS_QUEUE_H_ */
