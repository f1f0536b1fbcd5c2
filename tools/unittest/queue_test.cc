/*
 * queue_test.cc: host tests for <sys/queue.h>, the queue(3) templates.
 *
 * Every test builds small queues of "item"s, which carry one link of each
 * kind (and a second TAILQ link, to sit on two TAILQs at once), and checks
 * the order of values seen walking forward and, for TAILQ, backward: a
 * broken prev link shows up as a backward walk that disagrees with the
 * forward one.  The DIAGNOSTIC checks are tested by expecting the host
 * panic() (support.cc) to throw kernel_panic, and then checking that the
 * queue was left as it was, since every KASSERT comes before the first
 * store.  A randomised test at the end runs long mixed sequences of
 * operations against std::list as a model.
 */
#include <gtest/gtest.h>

#include <cstring>
#include <iterator>
#include <list>
#include <random>
#include <vector>

#include "support.h"

#include <sys/queue.h>

namespace {

struct item {
	int			i_value;
	tailq_entry<item>	i_tq;		/* on a tq_head */
	tailq_entry<item>	i_tq2;		/* on a second tq2_head */
	list_entry<item>	i_le;		/* on a list */
	simpleq_entry<item>	i_sq;		/* on a simpleq */
};

using tq_head = tailq_head<item, &item::i_tq>;
using tq2_head = tailq_head<item, &item::i_tq2>;
using le_head = list_head<item, &item::i_le>;
using sq_head = simpleq_head<item, &item::i_sq>;

using values = std::vector<int>;

/* A pool of items numbered 0..n-1, as a test's working set. */
struct items {
	std::vector<item> it_v;

	explicit items(int n) : it_v(n)
	{
		for (int i = 0; i < n; i++)
			it_v[i].i_value = i;
	}
	item *operator[](int i) { return &it_v[i]; }
};

/*
 * No test queue is longer than this; a walk that goes further has met a
 * cycle, which is what a broken link often makes, and stops there.
 */
constexpr size_t max_walk = 1000;

/* The values met walking with range-for, i.e. FOREACH. */
template <typename Head>
values
walk(const Head &q)
{
	values v;

	for (item *it : q) {
		if (v.size() == max_walk) {
			ADD_FAILURE() << "forward walk does not end";
			break;
		}
		v.push_back(it->i_value);
	}
	return v;
}

/* The values met walking a TAILQ backwards, from last() by prev(). */
template <typename Head>
values
walk_back(const Head &q)
{
	values v;

	for (item *it = q.last(); it != nullptr; it = q.prev(it)) {
		if (v.size() == max_walk) {
			ADD_FAILURE() << "backward walk does not end";
			break;
		}
		v.push_back(it->i_value);
	}
	return v;
}

/*
 * A TAILQ's contents: forward, then checked against the backward walk and
 * against first()/last()/empty(), so every test also checks the links that
 * it does not look at directly.
 */
template <typename Head>
values
contents(const Head &q)
{
	values fwd = walk(q);
	values back = walk_back(q);

	EXPECT_EQ(values(fwd.rbegin(), fwd.rend()), back)
	    << "backward walk disagrees with forward walk";
	EXPECT_EQ(q.empty(), fwd.empty());
	if (fwd.empty()) {
		EXPECT_EQ(q.first(), nullptr);
		EXPECT_EQ(q.last(), nullptr);
	} else {
		EXPECT_EQ(q.first()->i_value, fwd.front());
		EXPECT_EQ(q.last()->i_value, fwd.back());
	}
	return fwd;
}

/* Expect stmt to trip a KASSERT: a panic whose message says so. */
#define EXPECT_KASSERT(stmt) do {					\
	try {								\
		stmt;							\
		ADD_FAILURE() << "no panic from: " #stmt;		\
	} catch (const kernel_panic &e) {				\
		EXPECT_NE(std::string(e.what()).find(			\
		    "kernel diagnostic assertion"), std::string::npos)	\
		    << e.what();					\
	}								\
} while (0)

/*
 * TAILQ
 */

TEST(Tailq, EmptyQueue)
{
	tq_head q;

	EXPECT_TRUE(q.empty());
	EXPECT_EQ(q.first(), nullptr);
	EXPECT_EQ(q.last(), nullptr);
	EXPECT_EQ(contents(q), values{});
	EXPECT_EQ(walk(q.foreach_safe()), values{});
}

TEST(Tailq, GlobalHeadIsEmptyWithoutConstructorAtRunTime)
{
	/* The kernel relies on this: no constructors run at boot. */
	static constinit tq_head q;

	EXPECT_TRUE(q.empty());
	EXPECT_EQ(q.tqh_last, &q.tqh_first);
}

TEST(Tailq, InsertTailKeepsOrder)
{
	items it(4);
	tq_head q;

	for (int i = 0; i < 4; i++) {
		q.insert_tail(it[i]);
		EXPECT_EQ(q.last(), it[i]);
	}
	EXPECT_EQ(contents(q), (values{0, 1, 2, 3}));
}

TEST(Tailq, InsertHeadReversesOrder)
{
	items it(4);
	tq_head q;

	for (int i = 0; i < 4; i++) {
		q.insert_head(it[i]);
		EXPECT_EQ(q.first(), it[i]);
	}
	EXPECT_EQ(contents(q), (values{3, 2, 1, 0}));
	EXPECT_EQ(q.last(), it[0]);
}

TEST(Tailq, InsertAfterMiddleAndTail)
{
	items it(5);
	tq_head q;

	q.insert_tail(it[0]);
	q.insert_tail(it[1]);
	q.insert_after(it[0], it[2]);		/* middle */
	EXPECT_EQ(contents(q), (values{0, 2, 1}));
	q.insert_after(it[1], it[3]);		/* after the tail: new tail */
	EXPECT_EQ(contents(q), (values{0, 2, 1, 3}));
	EXPECT_EQ(q.last(), it[3]);
	q.insert_tail(it[4]);			/* tqh_last must have moved */
	EXPECT_EQ(contents(q), (values{0, 2, 1, 3, 4}));
}

TEST(Tailq, InsertBeforeMiddleAndHead)
{
	items it(4);
	tq_head q;

	q.insert_tail(it[0]);
	q.insert_tail(it[1]);
	q.insert_before(it[1], it[2]);		/* middle */
	EXPECT_EQ(contents(q), (values{0, 2, 1}));
	tq_head::insert_before(it[0], it[3]);	/* before the head, headless */
	EXPECT_EQ(contents(q), (values{3, 0, 2, 1}));
	EXPECT_EQ(q.first(), it[3]);
}

TEST(Tailq, RemoveHeadMiddleTail)
{
	items it(6);
	tq_head q;

	for (int i = 0; i < 5; i++)
		q.insert_tail(it[i]);
	q.remove(it[0]);			/* head */
	EXPECT_EQ(contents(q), (values{1, 2, 3, 4}));
	q.remove(it[2]);			/* middle */
	EXPECT_EQ(contents(q), (values{1, 3, 4}));
	q.remove(it[4]);			/* tail */
	EXPECT_EQ(contents(q), (values{1, 3}));
	q.insert_tail(it[5]);			/* goes after the new tail */
	EXPECT_EQ(contents(q), (values{1, 3, 5}));
	EXPECT_FALSE(tq_head::onqueue(it[0]));
	EXPECT_FALSE(tq_head::onqueue(it[2]));
	EXPECT_TRUE(tq_head::onqueue(it[3]));
}

TEST(Tailq, RemoveOnlyElementLeavesEmptyQueue)
{
	items it(2);
	tq_head q;

	q.insert_tail(it[0]);
	q.remove(it[0]);
	EXPECT_EQ(contents(q), values{});
	EXPECT_EQ(q.tqh_last, &q.tqh_first);
	q.insert_tail(it[1]);
	EXPECT_EQ(contents(q), values{1});
}

TEST(Tailq, RemovedElementCanGoBackOn)
{
	items it(3);
	tq_head q;

	for (int i = 0; i < 3; i++)
		q.insert_tail(it[i]);
	q.remove(it[1]);
	EXPECT_EQ(it[1]->i_tq.tqe_next, nullptr);
	EXPECT_EQ(it[1]->i_tq.tqe_prev, nullptr);
	q.insert_head(it[1]);
	EXPECT_EQ(contents(q), (values{1, 0, 2}));
}

TEST(Tailq, NextAndPrev)
{
	items it(3);
	tq_head q;

	for (int i = 0; i < 3; i++)
		q.insert_tail(it[i]);
	EXPECT_EQ(q.next(it[0]), it[1]);
	EXPECT_EQ(q.next(it[2]), nullptr);
	EXPECT_EQ(q.prev(it[2]), it[1]);
	EXPECT_EQ(q.prev(it[0]), nullptr);
}

TEST(Tailq, Concat)
{
	items it(5);
	tq_head a, b, empty;

	a.insert_tail(it[0]);
	a.insert_tail(it[1]);
	b.insert_tail(it[2]);
	b.insert_tail(it[3]);
	a.concat(b);
	EXPECT_EQ(contents(a), (values{0, 1, 2, 3}));
	EXPECT_EQ(contents(b), values{});
	a.concat(empty);
	EXPECT_EQ(contents(a), (values{0, 1, 2, 3}));
	empty.concat(a);			/* onto an empty queue */
	EXPECT_EQ(contents(empty), (values{0, 1, 2, 3}));
	EXPECT_EQ(contents(a), values{});
	empty.insert_tail(it[4]);		/* tqh_last came over too */
	EXPECT_EQ(contents(empty), (values{0, 1, 2, 3, 4}));
}

TEST(Tailq, ForeachSafeRemovesEveryOther)
{
	items it(7);
	tq_head q;

	for (int i = 0; i < 7; i++)
		q.insert_tail(it[i]);
	for (item *p : q.foreach_safe())
		if (p->i_value % 2 == 0)
			q.remove(p);
	EXPECT_EQ(contents(q), (values{1, 3, 5}));
}

TEST(Tailq, ForeachSafeEmptiesQueue)
{
	items it(4);
	tq_head q;
	values seen;

	for (int i = 0; i < 4; i++)
		q.insert_tail(it[i]);
	for (item *p : q.foreach_safe()) {
		seen.push_back(p->i_value);
		q.remove(p);
	}
	EXPECT_EQ(seen, (values{0, 1, 2, 3}));
	EXPECT_EQ(contents(q), values{});
}

TEST(Tailq, FetchNextBeforeRemoving)
{
	items it(5);
	tq_head q;
	item *p, *np;

	for (int i = 0; i < 5; i++)
		q.insert_tail(it[i]);
	for (p = q.first(); p != nullptr; p = np) {
		np = q.next(p);
		if (p->i_value != 2)
			q.remove(p);
	}
	EXPECT_EQ(contents(q), values{2});
}

TEST(Tailq, OnTwoQueuesThroughTwoEntries)
{
	items it(4);
	tq_head q1;
	tq2_head q2;

	for (int i = 0; i < 4; i++) {
		q1.insert_tail(it[i]);
		q2.insert_head(it[i]);
	}
	EXPECT_EQ(contents(q1), (values{0, 1, 2, 3}));
	EXPECT_EQ(contents(q2), (values{3, 2, 1, 0}));
	q1.remove(it[1]);
	q2.remove(it[2]);
	EXPECT_EQ(contents(q1), (values{0, 2, 3}));
	EXPECT_EQ(contents(q2), (values{3, 1, 0}));
	EXPECT_TRUE(tq2_head::onqueue(it[1]));
	EXPECT_FALSE(tq_head::onqueue(it[1]));
}

TEST(Tailq, ZeroedMemoryIsOffQueue)
{
	/* What malloc(9) with M_ZERO hands out. */
	item x;
	tq_head q;

	std::memset(static_cast<void *>(&x), 0, sizeof(x));
	EXPECT_FALSE(tq_head::onqueue(&x));
	q.insert_tail(&x);
	EXPECT_EQ(q.first(), &x);
}

TEST(Tailq, InitEmptiesNeverConstructedHead)
{
	/* A head in memory that no constructor ran on, as from malloc(9). */
	alignas(tq_head) unsigned char mem[sizeof(tq_head)];
	std::memset(mem, 0xa5, sizeof(mem));
	auto *q = reinterpret_cast<tq_head *>(mem);
	items it(1);

	q->init();
	EXPECT_TRUE(q->empty());
	q->insert_tail(it[0]);
	EXPECT_EQ(contents(*q), values{0});
}

/* DIAGNOSTIC: each misuse panics and leaves the queue as it was. */

TEST(TailqDiagnostic, DoubleInsertPanics)
{
	items it(2);
	tq_head q;

	q.insert_tail(it[0]);
	q.insert_tail(it[1]);
	EXPECT_KASSERT(q.insert_tail(it[0]));
	EXPECT_KASSERT(q.insert_head(it[1]));
	EXPECT_KASSERT(q.insert_after(it[0], it[1]));
	EXPECT_KASSERT(q.insert_before(it[1], it[0]));
	EXPECT_EQ(contents(q), (values{0, 1}));
}

TEST(TailqDiagnostic, InsertWhileOnAnotherQueuePanics)
{
	items it(1);
	tq_head a, b;

	a.insert_tail(it[0]);
	EXPECT_KASSERT(b.insert_tail(it[0]));
	EXPECT_EQ(contents(a), values{0});
	EXPECT_EQ(contents(b), values{});
}

TEST(TailqDiagnostic, RemoveOffQueuePanics)
{
	items it(2);
	tq_head q;

	q.insert_tail(it[0]);
	EXPECT_KASSERT(q.remove(it[1]));	/* never inserted */
	q.remove(it[0]);
	EXPECT_KASSERT(q.remove(it[0]));	/* removed twice */
	EXPECT_EQ(contents(q), values{});
}

TEST(TailqDiagnostic, RemoveTailThroughWrongHeadPanics)
{
	items it(2);
	tq_head a, b;

	a.insert_tail(it[0]);
	b.insert_tail(it[1]);
	EXPECT_KASSERT(b.remove(it[0]));
	EXPECT_EQ(contents(a), values{0});
	EXPECT_EQ(contents(b), values{1});
}

TEST(TailqDiagnostic, CopiedEntryPanicsOnRemove)
{
	items it(3);
	tq_head q;

	q.insert_tail(it[0]);
	q.insert_tail(it[1]);
	/* A struct copy duplicates links; the copy is not really linked. */
	it[2]->i_tq = it[1]->i_tq;
	EXPECT_KASSERT(q.remove(it[2]));
	EXPECT_EQ(contents(q), (values{0, 1}));
}

TEST(TailqDiagnostic, InsertNextToOffQueueElementPanics)
{
	items it(2);
	tq_head q;

	EXPECT_KASSERT(q.insert_after(it[0], it[1]));
	EXPECT_KASSERT(q.insert_before(it[0], it[1]));
	EXPECT_FALSE(tq_head::onqueue(it[1]));
}

TEST(TailqDiagnostic, RemovingInsidePlainForeachPanics)
{
	items it(3);
	tq_head q;

	for (int i = 0; i < 3; i++)
		q.insert_tail(it[i]);
	/* Plain range-for reads p's next link after the body: a bug. */
	EXPECT_KASSERT(for (item *p : q) q.remove(p));
	EXPECT_EQ(contents(q), (values{1, 2}));
}

TEST(TailqDiagnostic, RemovingNextInsideForeachSafePanics)
{
	items it(3);
	tq_head q;

	for (int i = 0; i < 3; i++)
		q.insert_tail(it[i]);
	/* foreach_safe lets the body remove p, not the one after it. */
	EXPECT_KASSERT(for (item *p : q.foreach_safe()) {
		if (p == it[0])
			q.remove(it[1]);
	});
	EXPECT_EQ(contents(q), (values{0, 2}));
}

/*
 * LIST
 */

TEST(List, EmptyList)
{
	le_head l;

	EXPECT_TRUE(l.empty());
	EXPECT_EQ(l.first(), nullptr);
	EXPECT_EQ(walk(l), values{});
}

TEST(List, ZeroedHeadIsEmpty)
{
	/* Unlike the others, an all-zero LIST head is a valid empty one. */
	static constinit le_head l;

	EXPECT_EQ(l.lh_first, nullptr);
	EXPECT_TRUE(l.empty());
}

TEST(List, InsertHeadReversesOrder)
{
	items it(4);
	le_head l;

	for (int i = 0; i < 4; i++)
		l.insert_head(it[i]);
	EXPECT_EQ(walk(l), (values{3, 2, 1, 0}));
	EXPECT_EQ(l.first(), it[3]);
	EXPECT_EQ(l.next(it[0]), nullptr);
}

TEST(List, InsertAfterAndBefore)
{
	items it(6);
	le_head l;

	l.insert_head(it[0]);
	le_head::insert_after(it[0], it[1]);	/* after the last */
	le_head::insert_after(it[0], it[2]);	/* middle */
	EXPECT_EQ(walk(l), (values{0, 2, 1}));
	le_head::insert_before(it[1], it[3]);	/* middle */
	EXPECT_EQ(walk(l), (values{0, 2, 3, 1}));
	le_head::insert_before(it[0], it[4]);	/* before the first */
	EXPECT_EQ(walk(l), (values{4, 0, 2, 3, 1}));
	EXPECT_EQ(l.first(), it[4]);
	l.insert_head(it[5]);			/* le_prev of 4 updated */
	le_head::remove(it[4]);
	EXPECT_EQ(walk(l), (values{5, 0, 2, 3, 1}));
	/* Elements that had a neighbour put before them come off cleanly. */
	le_head::remove(it[1]);
	le_head::remove(it[0]);
	EXPECT_EQ(walk(l), (values{5, 2, 3}));
}

TEST(List, RemoveWithoutTheHead)
{
	items it(5);
	le_head l;

	for (int i = 4; i >= 0; i--)
		l.insert_head(it[i]);
	le_head::remove(it[0]);			/* first */
	EXPECT_EQ(walk(l), (values{1, 2, 3, 4}));
	EXPECT_EQ(l.first(), it[1]);
	le_head::remove(it[2]);			/* middle */
	EXPECT_EQ(walk(l), (values{1, 3, 4}));
	le_head::remove(it[4]);			/* last */
	EXPECT_EQ(walk(l), (values{1, 3}));
	le_head::remove(it[1]);
	le_head::remove(it[3]);
	EXPECT_TRUE(l.empty());
	EXPECT_FALSE(le_head::onqueue(it[3]));
}

TEST(List, HashChains)
{
	/* A small hash table, as pidhash or the vnode hash use LIST. */
	items it(20);
	le_head chain[4];

	for (int i = 0; i < 20; i++)
		chain[i % 4].insert_head(it[i]);
	for (int i = 0; i < 20; i += 3)
		le_head::remove(it[i]);		/* without knowing the chain */
	EXPECT_EQ(walk(chain[0]), (values{16, 8, 4}));
	EXPECT_EQ(walk(chain[1]), (values{17, 13, 5, 1}));
	EXPECT_EQ(walk(chain[2]), (values{14, 10, 2}));
	EXPECT_EQ(walk(chain[3]), (values{19, 11, 7}));
}

TEST(List, ForeachSafeRemoves)
{
	items it(6);
	le_head l;

	for (int i = 5; i >= 0; i--)
		l.insert_head(it[i]);
	for (item *p : l.foreach_safe())
		if (p->i_value % 3 != 1)
			l.remove(p);
	EXPECT_EQ(walk(l), (values{1, 4}));
}

TEST(ListDiagnostic, DoubleInsertAndRemovePanic)
{
	items it(3);
	le_head l, other;

	l.insert_head(it[0]);
	l.insert_head(it[1]);
	EXPECT_KASSERT(l.insert_head(it[0]));
	EXPECT_KASSERT(other.insert_head(it[1]));
	EXPECT_KASSERT(le_head::insert_after(it[0], it[1]));
	EXPECT_KASSERT(le_head::insert_before(it[2], it[1]));
	EXPECT_KASSERT(le_head::remove(it[2]));
	le_head::remove(it[0]);
	EXPECT_KASSERT(le_head::remove(it[0]));
	EXPECT_KASSERT(for (item *p : l) l.remove(p));
	EXPECT_EQ(walk(l), values{});
	EXPECT_EQ(walk(other), values{});
}

/*
 * SIMPLEQ
 */

TEST(Simpleq, EmptyQueue)
{
	sq_head q;

	EXPECT_TRUE(q.empty());
	EXPECT_EQ(q.first(), nullptr);
	EXPECT_EQ(walk(q), values{});
}

TEST(Simpleq, InsertHeadAndTail)
{
	items it(4);
	sq_head q;

	q.insert_tail(it[0]);
	q.insert_head(it[1]);
	q.insert_tail(it[2]);
	q.insert_head(it[3]);
	EXPECT_EQ(walk(q), (values{3, 1, 0, 2}));
}

TEST(Simpleq, InsertHeadIntoEmptySetsTail)
{
	items it(2);
	sq_head q;

	q.insert_head(it[0]);
	q.insert_tail(it[1]);
	EXPECT_EQ(walk(q), (values{0, 1}));
}

TEST(Simpleq, InsertAfter)
{
	items it(4);
	sq_head q;

	q.insert_tail(it[0]);
	q.insert_tail(it[1]);
	q.insert_after(it[0], it[2]);		/* middle */
	q.insert_after(it[1], it[3]);		/* after the tail */
	EXPECT_EQ(walk(q), (values{0, 2, 1, 3}));
	q.remove_head();
	q.remove_head();
	q.remove_head();
	EXPECT_EQ(q.first(), it[3]);
	EXPECT_EQ(q.next(it[3]), nullptr);
}

TEST(Simpleq, RemoveHeadIsFifo)
{
	items it(5);
	sq_head q;
	values out;

	for (int i = 0; i < 4; i++)
		q.insert_tail(it[i]);
	while (!q.empty())
		out.push_back(q.remove_head()->i_value);
	EXPECT_EQ(out, (values{0, 1, 2, 3}));
	q.insert_tail(it[4]);			/* sqh_last was reset */
	EXPECT_EQ(walk(q), values{4});
}

TEST(Simpleq, RemoveAfter)
{
	items it(5);
	sq_head q;

	for (int i = 0; i < 4; i++)
		q.insert_tail(it[i]);
	q.remove_after(it[0]);			/* middle */
	EXPECT_EQ(walk(q), (values{0, 2, 3}));
	q.remove_after(it[2]);			/* the tail */
	EXPECT_EQ(walk(q), (values{0, 2}));
	q.insert_tail(it[4]);			/* sqh_last moved back */
	EXPECT_EQ(walk(q), (values{0, 2, 4}));
	q.insert_tail(it[3]);			/* removed ones go back on */
	EXPECT_EQ(walk(q), (values{0, 2, 4, 3}));
}

TEST(Simpleq, Concat)
{
	items it(5);
	sq_head a, b;

	a.insert_tail(it[0]);
	b.insert_tail(it[1]);
	b.insert_tail(it[2]);
	a.concat(b);
	EXPECT_EQ(walk(a), (values{0, 1, 2}));
	EXPECT_TRUE(b.empty());
	a.insert_tail(it[3]);
	b.insert_tail(it[4]);
	EXPECT_EQ(walk(a), (values{0, 1, 2, 3}));
	EXPECT_EQ(walk(b), values{4});
}

TEST(Simpleq, ForeachSafeDrains)
{
	items it(3);
	sq_head q;
	values seen;

	for (int i = 0; i < 3; i++)
		q.insert_tail(it[i]);
	for (item *p : q.foreach_safe())
		seen.push_back(q.remove_head() == p ? p->i_value : -1);
	EXPECT_EQ(seen, (values{0, 1, 2}));
	EXPECT_TRUE(q.empty());
}

TEST(SimpleqDiagnostic, MisusePanics)
{
	items it(3);
	sq_head q, other;

	EXPECT_KASSERT(q.remove_head());	/* empty */
	q.insert_tail(it[0]);
	q.insert_tail(it[1]);
	EXPECT_KASSERT(q.insert_tail(it[0]));
	/* The tail's link is nullptr like a free one's; the flag knows. */
	EXPECT_KASSERT(other.insert_tail(it[1]));
	EXPECT_KASSERT(q.insert_after(it[2], it[1]));
	EXPECT_KASSERT(q.remove_after(it[1]));	/* nothing after the tail */
	EXPECT_KASSERT(q.remove_after(it[2]));	/* not on the queue */
	EXPECT_EQ(walk(q), (values{0, 1}));
	EXPECT_EQ(walk(other), values{});
}

/*
 * All three kinds of link in one object at once.
 */
TEST(Mixed, OneObjectOnEveryKindOfQueue)
{
	items it(3);
	tq_head tq;
	tq2_head tq2;
	le_head le;
	sq_head sq;

	for (int i = 0; i < 3; i++) {
		tq.insert_tail(it[i]);
		tq2.insert_head(it[i]);
		le.insert_head(it[i]);
		sq.insert_tail(it[i]);
	}
	tq.remove(it[1]);
	le_head::remove(it[0]);
	sq.remove_head();
	EXPECT_EQ(contents(tq), (values{0, 2}));
	EXPECT_EQ(contents(tq2), (values{2, 1, 0}));
	EXPECT_EQ(walk(le), (values{2, 1}));
	EXPECT_EQ(walk(sq), (values{1, 2}));
}

/*
 * Long random sequences of TAILQ operations, checked after each step
 * against std::list holding the same values.
 */
TEST(Tailq, RandomOperationsMatchModel)
{
	constexpr int n = 64;
	items it(n);
	tq_head q;
	std::list<int> model;
	std::vector<bool> on(n);
	std::mt19937 rng(1234);

	auto pos = [&](int v) {
		for (auto i = model.begin(); i != model.end(); ++i)
			if (*i == v)
				return i;
		return model.end();
	};
	auto random_on = [&]() {
		auto i = model.begin();
		std::advance(i, rng() % model.size());
		return *i;
	};

	for (int step = 0; step < 20000; step++) {
		int v = rng() % n;
		int op = rng() % 5;

		if (on[v]) {
			q.remove(it[v]);
			model.erase(pos(v));
			on[v] = false;
		} else if (op == 0 || model.empty()) {
			q.insert_head(it[v]);
			model.push_front(v);
			on[v] = true;
		} else if (op == 1) {
			q.insert_tail(it[v]);
			model.push_back(v);
			on[v] = true;
		} else if (op == 2) {
			int w = random_on();
			q.insert_after(it[w], it[v]);
			model.insert(std::next(pos(w)), v);
			on[v] = true;
		} else {
			int w = random_on();
			q.insert_before(it[w], it[v]);
			model.insert(pos(w), v);
			on[v] = true;
		}
		if (step % 97 == 0 || step < 200) {
			ASSERT_EQ(contents(q), values(model.begin(),
			    model.end())) << "after step " << step;
		}
	}
	EXPECT_EQ(contents(q), values(model.begin(), model.end()));
}

} // namespace
