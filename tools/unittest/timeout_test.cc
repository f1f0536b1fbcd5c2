/*
 * timeout_test.cc: host tests for timeout(9), kern/kern_timeout.cc.
 *
 * There is no clock interrupt here: the tests are the clock.  tick() does
 * what hardclock() does in the kernel, "ticks++, then the wheel", and runs
 * softclock() when the wheel says there is work, so time only moves one
 * tick at a time through the real timeout_hardclock_update(), and every
 * cascade between the four wheels happens as it would in the kernel.
 * (Neither ticks nor hz is defined by a kernel source compiled here, so
 * this file defines them.)  Every handler records the tick it ran at;
 * the tests check that each timeout ran exactly at its deadline, once, in
 * deadline order.  The randomised test at the end checks thousands of
 * adds, deletes and moves against a plain map of deadlines.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "support.h"

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/timeout.h>

volatile int ticks;
int hz = 100;

namespace {

/* What ran, in order: (tick, id) pairs. */
struct firing {
	int	tick;
	int	id;
};
std::vector<firing> fired;

/* A timeout that records its firings, and is never left on the wheel. */
struct test_timeout {
	struct timeout	to;
	int		id;
	int		readd = 0;	/* re-add itself with this delay */
	int		readd_left = 0;	/* that many more times */

	explicit test_timeout(int i = 0) : id(i)
	{
		timeout_set(&to, handler, this);
	}
	~test_timeout()
	{
		timeout_del(&to);
	}
	test_timeout(const test_timeout &) = delete;

	static void
	handler(void *arg)
	{
		test_timeout *t = static_cast<test_timeout *>(arg);

		fired.push_back({ ticks, t->id });
		if (t->readd_left > 0) {
			t->readd_left--;
			EXPECT_EQ(timeout_add(&t->to, t->readd), 1);
		}
	}
};

/* One clock tick, as hardclock() does it; the counter wraps, not UB. */
void
tick(bool run_softclock = true)
{
	ticks = (int)((unsigned)ticks + 1);
	if (timeout_hardclock_update() && run_softclock)
		softclock(nullptr);
}

void
advance(long n)
{
	while (n-- > 0)
		tick();
}

/* ticks + d, modulo 2^32, as the kernel computes deadlines. */
int
later(int t, long d)
{
	return (int)((unsigned)t + (unsigned long)d);
}

/* How many timeouts db_show_callout lists: every pending one. */
int
npending_listed()
{
	captured.clear();
	db_show_callout(capture_printf);
	return (int)std::count(captured.begin(), captured.end(), '\n') - 2;
}

class Timeout : public testing::Test {
protected:
	void
	SetUp() override
	{
		fired.clear();
		ticks = 0;
		ASSERT_EQ(npending_listed(), 0) << captured;
	}
	void
	TearDown() override
	{
		EXPECT_EQ(npending_listed(), 0) << captured;
	}
};

/* Arm one timeout per delay in ds, all at once, from ticks == start. */
void
check_delays(int start, const std::vector<long> &ds)
{
	std::vector<std::unique_ptr<test_timeout>> ts;
	long maxd = 0;

	fired.clear();
	ticks = start;
	for (size_t i = 0; i < ds.size(); i++) {
		ts.push_back(std::make_unique<test_timeout>((int)i));
		EXPECT_EQ(timeout_add(&ts[i]->to, (int)ds[i]), 1);
		maxd = std::max(maxd, ds[i]);
	}
	advance(maxd + 2);
	ASSERT_EQ(fired.size(), ds.size()) << "start " << start;
	for (const firing &f : fired)
		EXPECT_EQ(f.tick, later(start, ds[f.id]))
		    << "start " << start << " delay " << ds[f.id];
	for (auto &t : ts) {
		EXPECT_FALSE(timeout_pending(&t->to));
		EXPECT_TRUE(timeout_triggered(&t->to));
	}
}

TEST_F(Timeout, EveryDelayUpTo2000FiresOnTime)
{
	std::vector<long> ds;

	for (long d = 1; d <= 2000; d++)
		ds.push_back(d);
	for (int start : { 0, 1, 100, 255, 256, 65535, 0x00ffff80 })
		check_delays(start, ds);
}

/* Each delay alone too: a wheel holding one timeout, at odd phases. */
TEST_F(Timeout, EachDelayAloneFiresOnTime)
{
	for (long d = 1; d <= 600; d++)
		check_delays((int)(d * 37), { d });
}

/* Delays at the edges of wheels 0, 1 and 2, from phases that cascade. */
TEST_F(Timeout, WheelBoundaries)
{
	std::vector<long> ds = { 1, 2, 255, 256, 257, 511, 512, 513, 65535,
	    65536, 65537, 65791, 131072, 299999 };

	for (int start : { 0, 1, 255, 256, 257, 65535, 65536, 0x00fffe00,
	    0x7ffe0000 })
		check_delays(start, ds);
}

/* Wheel 3: more than 2^24 ticks, cascading through every wheel. */
TEST_F(Timeout, FourthWheel)
{
	check_delays(0x00fffff0, { 16777216, 16777217, 16777216 + 300 });
}

TEST_F(Timeout, WrapsPastIntMax)
{
	std::vector<long> ds;

	for (long d = 1; d <= 3000; d++)
		ds.push_back(d);
	check_delays(INT_MAX - 1000, ds);
	check_delays(INT_MAX - 70000, { 1, 256, 65537, 70000, 70001, 200000 });
	check_delays(-1, { 1, 2, 256, 257 });	/* 0xffffffff wraps to 0 */
}

TEST_F(Timeout, ZeroTicksMeansNextTick)
{
	test_timeout t;

	ticks = 41;
	EXPECT_EQ(timeout_add(&t.to, 0), 1);
	EXPECT_EQ(t.to.to_time, 42);
	advance(3);
	ASSERT_EQ(fired.size(), 1u);
	EXPECT_EQ(fired[0].tick, 42);
	EXPECT_THROW(timeout_add(&t.to, -1), kernel_panic);
}

TEST_F(Timeout, DeadlineOrderFromRandomAdds)
{
	std::mt19937 rng(1);
	std::vector<std::unique_ptr<test_timeout>> ts;
	std::vector<int> deadline;

	ticks = 200;
	for (int i = 0; i < 1000; i++) {
		ts.push_back(std::make_unique<test_timeout>(i));
		int d = 1 + (int)(rng() % (i % 3 == 0 ? 70000 : 600));
		deadline.push_back(ticks + d);
		timeout_add(&ts[i]->to, d);
	}
	advance(70002);
	ASSERT_EQ(fired.size(), 1000u);
	for (size_t i = 0; i < fired.size(); i++) {
		EXPECT_EQ(fired[i].tick, deadline[fired[i].id]);
		if (i > 0) {
			EXPECT_LE(deadline[fired[i - 1].id],
			    deadline[fired[i].id]);
		}
	}
}

/* A softclock that runs late still calls everything in deadline order. */
TEST_F(Timeout, LateSoftclockKeepsDeadlineOrder)
{
	std::mt19937 rng(2);
	std::vector<std::unique_ptr<test_timeout>> ts;
	std::vector<int> deadline;

	ticks = 1000;
	for (int i = 0; i < 400; i++) {
		ts.push_back(std::make_unique<test_timeout>(i));
		int d = 1 + (int)(rng() % 3000);
		deadline.push_back(ticks + d);
		timeout_add(&ts[i]->to, d);
	}
	/* softclock only every 700 ticks: buckets of many ticks pile up. */
	for (int n = 1; n <= 3100; n++)
		tick(n % 700 == 0);
	softclock(nullptr);
	ASSERT_EQ(fired.size(), 400u);
	for (size_t i = 0; i < fired.size(); i++) {
		EXPECT_GE(fired[i].tick, deadline[fired[i].id]);
		if (i > 0) {
			ASSERT_LE(deadline[fired[i - 1].id],
			    deadline[fired[i].id]) << "position " << i;
		}
	}
}

TEST_F(Timeout, SameDeadlineRunsInAddOrder)
{
	test_timeout a(0), b(1), c(2);

	timeout_add(&b.to, 300);	/* wheel 1, cascades down */
	advance(100);
	timeout_add(&a.to, 200);	/* wheel 0 */
	timeout_add(&c.to, 200);
	advance(201);
	ASSERT_EQ(fired.size(), 3u);
	EXPECT_EQ(fired[0].tick, 300);
	/* b came down from wheel 1 at tick 256, behind a and c. */
	EXPECT_EQ(fired[0].id, 0);
	EXPECT_EQ(fired[1].id, 2);
	EXPECT_EQ(fired[2].id, 1);
}

TEST_F(Timeout, DeleteBeforeFiring)
{
	test_timeout t, u;

	EXPECT_EQ(timeout_del(&t.to), 0);	/* never added */
	timeout_add(&t.to, 5);
	timeout_add(&u.to, 70000);
	EXPECT_TRUE(timeout_pending(&t.to));
	advance(4);
	EXPECT_EQ(timeout_del(&t.to), 1);
	EXPECT_EQ(timeout_del(&t.to), 0);
	EXPECT_FALSE(timeout_pending(&t.to));
	advance(66000);				/* u has cascaded */
	EXPECT_EQ(timeout_del(&u.to), 1);
	advance(5000);
	EXPECT_TRUE(fired.empty());
	EXPECT_FALSE(timeout_triggered(&t.to));
}

TEST_F(Timeout, AddOnPendingMovesIt)
{
	test_timeout t;

	EXPECT_EQ(timeout_add(&t.to, 100), 1);
	EXPECT_EQ(timeout_add(&t.to, 10), 0);	/* earlier */
	advance(200);
	ASSERT_EQ(fired.size(), 1u);
	EXPECT_EQ(fired[0].tick, 10);

	fired.clear();
	EXPECT_EQ(timeout_add(&t.to, 10), 1);
	EXPECT_FALSE(timeout_triggered(&t.to));
	EXPECT_EQ(timeout_add(&t.to, 70000), 0);	/* later, other wheel */
	advance(70001);
	ASSERT_EQ(fired.size(), 1u);
	EXPECT_EQ(fired[0].tick, 200 + 70000);
}

TEST_F(Timeout, PeriodicReAddFromHandler)
{
	test_timeout t;

	t.readd = 7;
	t.readd_left = 49;
	ticks = 3;
	timeout_add(&t.to, 7);
	advance(1000);
	ASSERT_EQ(fired.size(), 50u);
	for (int k = 0; k < 50; k++)
		EXPECT_EQ(fired[k].tick, 3 + 7 * (k + 1));
	EXPECT_FALSE(timeout_pending(&t.to));
}

/* Inside its handler a timeout is off the queue, and triggered. */
struct self_check {
	struct timeout	to;
	int		del_ret = -1, pending = -1, triggered = -1;
};

void
self_check_handler(void *arg)
{
	self_check *s = static_cast<self_check *>(arg);

	s->pending = timeout_pending(&s->to);
	s->triggered = timeout_triggered(&s->to);
	s->del_ret = timeout_del(&s->to);
}

TEST_F(Timeout, HandlerSeesItselfOffQueue)
{
	self_check s;

	timeout_set(&s.to, self_check_handler, &s);
	timeout_add(&s.to, 3);
	advance(5);
	EXPECT_EQ(s.pending, 0);
	EXPECT_EQ(s.triggered, 1);
	EXPECT_EQ(s.del_ret, 0);
}

/* A handler that deletes or moves another timeout due at the same tick. */
test_timeout *victim, *moved;

void
meddle_handler(void *)
{
	fired.push_back({ ticks, 100 });
	EXPECT_EQ(timeout_del(&victim->to), 1);
	EXPECT_EQ(timeout_add(&moved->to, 5), 0);
}

TEST_F(Timeout, HandlerDeletesAndMovesOthersDueNow)
{
	test_timeout v(1), m(2);
	struct timeout first;

	victim = &v;
	moved = &m;
	timeout_set(&first, meddle_handler, nullptr);
	timeout_add(&first, 10);
	timeout_add(&v.to, 10);
	timeout_add(&m.to, 10);
	advance(20);
	ASSERT_EQ(fired.size(), 2u);
	EXPECT_EQ(fired[0].id, 100);
	EXPECT_EQ(fired[1].id, 2);
	EXPECT_EQ(fired[1].tick, 15);
}

/*
 * A clock tick inside a handler: the nested softclock must not run b
 * inside a's handler, but leave it to the outer loop, after a returns.
 */
void
nested_tick_handler(void *)
{
	tick();
	fired.push_back({ ticks, 100 });
}

TEST_F(Timeout, ClockTickDuringHandler)
{
	test_timeout b(1);
	struct timeout a;

	timeout_set(&a, nested_tick_handler, nullptr);
	timeout_add(&a, 4);
	timeout_add(&b.to, 5);
	advance(4);
	ASSERT_EQ(fired.size(), 2u);
	EXPECT_EQ(fired[0].id, 100);
	EXPECT_EQ(fired[1].id, 1);
	EXPECT_EQ(fired[1].tick, 5);
	advance(5);
	EXPECT_EQ(fired.size(), 2u);
}

TEST_F(Timeout, MsecAndSecConvertAtHz100)
{
	test_timeout t;

	ticks = 1000;
	struct { int ms, want; } ms[] = { { 0, 1 }, { 1, 1 }, { 9, 1 },
	    { 10, 1 }, { 19, 1 }, { 20, 2 }, { 1000, 100 },
	    { INT_MAX, INT_MAX / 10 } };
	for (auto &c : ms) {
		timeout_add_msec(&t.to, c.ms);
		EXPECT_EQ(t.to.to_time - 1000, c.want) << c.ms << " ms";
	}
	struct { int s, want; } ss[] = { { 0, 1 }, { 1, 100 }, { 2, 200 },
	    { INT_MAX, INT_MAX } };
	for (auto &c : ss) {
		timeout_add_sec(&t.to, c.s);
		EXPECT_EQ(later(t.to.to_time, -1000L), c.want) << c.s << " s";
	}
	timeout_del(&t.to);
	timeout_add_msec(&t.to, 250);
	advance(30);
	ASSERT_EQ(fired.size(), 1u);
	EXPECT_EQ(fired[0].tick, 1025);
}

void
nop(void *)
{
}

struct timeout static_to = TIMEOUT_INITIALIZER(nop, &fired);

TEST_F(Timeout, FlagsAndInitializer)
{
	struct timeout to = {};

	EXPECT_FALSE(timeout_initialized(&to));
	timeout_set(&to, nop, nullptr);
	EXPECT_TRUE(timeout_initialized(&to));
	EXPECT_FALSE(timeout_pending(&to));
	EXPECT_TRUE(timeout_initialized(&static_to));
	EXPECT_EQ(static_to.to_arg, &fired);
	EXPECT_EQ(timeout_add(&static_to, 2), 1);
	advance(2);
	EXPECT_TRUE(timeout_triggered(&static_to));
	EXPECT_EQ(timeout_del(&static_to), 0);
	EXPECT_FALSE(timeout_triggered(&static_to));
	EXPECT_THROW(timeout_add(&to, -5), kernel_panic);
}

TEST_F(Timeout, ShowCalloutListsEachPending)
{
	test_timeout a(0), b(1);

	ticks = 50;
	timeout_add(&a.to, 5);
	timeout_add(&b.to, 1000);
	EXPECT_EQ(npending_listed(), 2);
	EXPECT_NE(captured.find("ticks now: 50"), std::string::npos);
	/* a on wheel 0, bucket 55; b on wheel 1, bucket 1050 >> 8 = 4. */
	EXPECT_NE(captured.find("55        5    w0/55"), std::string::npos)
	    << captured;
	EXPECT_NE(captured.find("1050     1000    w1/4"), std::string::npos)
	    << captured;
	char arg[32];
	snprintf(arg, sizeof(arg), "%p", (void *)&b);
	EXPECT_NE(captured.find(arg + 2), std::string::npos) << captured;
}

/*
 * Random adds, moves and deletes against a map of id -> deadline, with
 * delays on every wheel but the last, and a clock that sometimes skips
 * softclock for a while.  Each firing must be that id's deadline (or,
 * after skipped softclocks, the tick of the next softclock) and come in
 * deadline order; the return values must say what the model says.
 */
TEST_F(Timeout, RandomAgainstModel)
{
	constexpr int N = 300;
	std::mt19937 rng(12345);
	std::vector<std::unique_ptr<test_timeout>> ts;
	std::map<int, int> model;		/* id -> deadline */
	int late_until = 0, nlate = 0;

	ticks = INT_MAX - 100000;		/* wrap half way */
	for (int i = 0; i < N; i++)
		ts.push_back(std::make_unique<test_timeout>(i));
	for (int step = 0; step < 600000; step++) {
		int id = (int)(rng() % N), op = (int)(rng() % 10);
		int d;

		if (op < 4) {
			switch (rng() % 4) {
			case 0: d = (int)(rng() % 3); break;
			case 1: d = 1 + (int)(rng() % 300); break;
			case 2: d = 1 + (int)(rng() % 70000); break;
			default: d = 65000 + (int)(rng() % 200000); break;
			}
			EXPECT_EQ(timeout_add(&ts[id]->to, d),
			    model.count(id) ? 0 : 1);
			model[id] = later(ticks, std::max(d, 1));
		} else if (op < 6) {
			EXPECT_EQ(timeout_del(&ts[id]->to),
			    (int)model.erase(id));
		} else {
			size_t before = fired.size();
			bool late = (int)((unsigned)ticks - late_until) < 0;
			int prev_due = 0;

			if (!late && rng() % 5000 == 0)
				late_until = later(ticks, 1 + rng() % 600), nlate++;
			tick(!late);
			for (size_t f = before; f < fired.size(); f++) {
				auto it = model.find(fired[f].id);
				ASSERT_NE(it, model.end())
				    << "fired " << fired[f].id;
				int due = it->second;
				EXPECT_LE((int)((unsigned)due - ticks), 0);
				if (f > before) {
					EXPECT_LE((int)((unsigned)prev_due -
					    due), 0) << "out of order";
				}
				prev_due = due;
				model.erase(it);
			}
			if (!late) {
				for (auto &[mid, due] : model)
					ASSERT_GT((int)((unsigned)due - ticks),
					    0) << "id " << mid << " is late";
			}
		}
	}
	for (auto &[mid, due] : model)
		EXPECT_TRUE(timeout_pending(&ts[mid]->to));
	EXPECT_EQ(npending_listed(), (int)model.size());
	EXPECT_GT(fired.size(), 50000u);	/* the test tested something */
	EXPECT_GT(nlate, 10);
}

} // namespace
