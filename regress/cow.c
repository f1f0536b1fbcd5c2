/*
 * regress/cow.c: copy-on-write across fork(2).  Parent and child write
 * different values to the same page of the data segment, the bss, the
 * heap (malloc) and the stack; each must see its own.  Then: a region of
 * many pages with every other page written by the child, three
 * generations of writers, fifty children writing one page in turn, a
 * child that only reads and must see what the parent had at fork, and a
 * shared page that one sharer's child gets a private copy of.
 *
 * OpenBSD: uvmspace_fork copies each map entry with needs_copy set, so
 * the first write by either side faults (uvm_fault) and gets its own
 * anon (amap_copy, then the anon's page copied: uvmfault_promote).
 */
#include "regress.h"

#define PAGE	4096
#define NPAGES	64

static volatile int data_var[PAGE / sizeof(int)] = { 1 };	/* .data */
static volatile int bss_var[PAGE / sizeof(int)];		/* .bss */

struct cells {
	volatile int *data, *bss, *heap, *stack;
};

static void
set_all(struct cells *c, int v)
{
	*c->data = v;
	*c->bss = v;
	*c->heap = v;
	*c->stack = v;
}

/* 0 if all four hold v, else a bit per cell that does not. */
static int
check_all(struct cells *c, int v)
{
	return (*c->data != v) | (*c->bss != v) << 1 |
	    (*c->heap != v) << 2 | (*c->stack != v) << 3;
}

static void
test_four_segments(void)
{
	volatile int stack_var[PAGE / sizeof(int)];
	struct cells c;
	int to_child[2], to_parent[2], st, bits;
	char x;
	pid_t pid;

	c.data = &data_var[5];
	c.bss = &bss_var[5];
	c.heap = malloc(PAGE);
	c.stack = &stack_var[5];
	CHECK(c.heap != NULL, "malloc a page");
	if (c.heap == NULL)
		return;
	set_all(&c, 1);
	CHECK_OK(pipe(to_child));
	CHECK_OK(pipe(to_parent));
	pid = fork();
	if (pid == 0) {
		int bad = check_all(&c, 1);	/* inherited */
		set_all(&c, 2);
		write(to_parent[1], "w", 1);
		read(to_child[0], &x, 1);	/* the parent wrote 3 */
		bad |= check_all(&c, 2) << 4;
		_exit(bad);
	}
	CHECK(pid > 0, "fork");
	CHECK_EQ(read(to_parent[0], &x, 1), 1, "the child wrote its values");
	bits = check_all(&c, 1);
	CHECK(bits == 0, "the parent still sees its own values after the "
	    "child wrote (bad: data %d bss %d heap %d stack %d)", bits & 1,
	    bits >> 1 & 1, bits >> 2 & 1, bits >> 3 & 1);
	set_all(&c, 3);
	write(to_child[1], "g", 1);
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0), "the child saw the parent's values at fork "
	    "and then only its own (%s: bits 0-3 before, 4-7 after)",
	    rg_status(st));
	bits = check_all(&c, 3);
	CHECK(bits == 0, "the parent keeps its own after the child exits "
	    "(bits %x)", bits);
	set_all(&c, 4);
	CHECK(check_all(&c, 4) == 0, "and can write them again");
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
	free((void *)c.heap);
}

static unsigned
page_sum(const unsigned char *p)
{
	unsigned s = 0;
	int i;

	for (i = 0; i < PAGE; i++)
		s = s * 31 + p[i];
	return s;
}

static void
fill_pages(unsigned char *buf, int seed)
{
	int i;

	for (i = 0; i < NPAGES * PAGE; i++)
		buf[i] = (unsigned char)(i * 13 + seed + i / PAGE);
}

static void
test_many_pages(void)
{
	unsigned char *buf = malloc(NPAGES * PAGE);
	unsigned sums[NPAGES];
	int i, st, ok;
	pid_t pid;

	CHECK(buf != NULL, "malloc %d pages", NPAGES);
	if (buf == NULL)
		return;
	fill_pages(buf, 9);
	for (i = 0; i < NPAGES; i++)
		sums[i] = page_sum(buf + i * PAGE);
	pid = fork();
	if (pid == 0) {
		int bad = 0;
		for (i = 0; i < NPAGES; i++)
			if (page_sum(buf + i * PAGE) != sums[i])
				bad = 1;
		for (i = 0; i < NPAGES; i += 2)
			memset(buf + i * PAGE, 0xee, PAGE);
		for (i = 1; i < NPAGES; i += 2)
			if (page_sum(buf + i * PAGE) != sums[i])
				bad |= 2;
		_exit(bad);
	}
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0), "the child saw all %d pages and kept the "
	    "ones it did not write (%s)", NPAGES, rg_status(st));
	for (i = 0, ok = 1; i < NPAGES; i++)
		if (page_sum(buf + i * PAGE) != sums[i])
			ok = 0;
	CHECK(ok, "the child's writes to every other page did not reach us");
	free(buf);
}

static void
test_generations(void)
{
	static volatile int gen = 0;
	int st;
	pid_t pid;

	gen = 1;
	pid = fork();
	if (pid == 0) {
		pid_t gc;
		int s;
		gen = 2;
		gc = fork();
		if (gc == 0) {
			if (gen != 2)
				_exit(1);
			gen = 3;
			_exit(gen == 3 ? 0 : 2);
		}
		s = rg_wait(gc);
		if (!EXITED_WITH(s, 0))
			_exit(10 + (WIFEXITED(s) ? WEXITSTATUS(s) : 9));
		_exit(gen == 2 ? 0 : 3);
	}
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0), "three generations, each its own value "
	    "(%s)", rg_status(st));
	CHECK_EQ(gen, 1, "the grandparent kept its value");
}

static void
test_fifty(void)
{
	static volatile int cell[PAGE / sizeof(int)];
	int i, st, good = 0;
	pid_t pid;

	cell[0] = -1;
	for (i = 0; i < 50; i++) {
		pid = fork();
		if (pid == 0) {
			int was = cell[0];
			cell[0] = i;
			_exit(was == -1 && cell[0] == i ? 0 : 1);
		}
		if (pid == -1)
			break;
		st = rg_wait(pid);
		if (EXITED_WITH(st, 0))
			good++;
		cell[0] = -1;	/* our write after each child: ours again */
	}
	CHECK_EQ(good, 50, "50 children in turn write the page we share");
	CHECK_EQ(cell[0], -1, "the page is still ours");
}

/* A child that only reads must see the pre-fork contents, even of a
 * page the parent writes right after fork. */
static void
test_read_only_child(void)
{
	unsigned char *buf = malloc(NPAGES * PAGE);
	unsigned sum;
	int p[2], st;
	char x;
	pid_t pid;

	CHECK(buf != NULL, "malloc");
	if (buf == NULL)
		return;
	fill_pages(buf, 77);
	sum = page_sum(buf + 3 * PAGE);
	CHECK_OK(pipe(p));
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		read(p[0], &x, 1);	/* wait until the parent wrote */
		_exit(page_sum(buf + 3 * PAGE) == sum ? 0 : 1);
	}
	close(p[0]);
	memset(buf + 3 * PAGE, 0, PAGE);
	write(p[1], "x", 1);
	close(p[1]);
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0), "a reading child is not disturbed by the "
	    "parent's write (%s)", rg_status(st));
	free(buf);
}

/*
 * A page shared for real (MAP_SHARED | MAP_ANON) between A and B, which
 * B then makes copy-on-write (minherit MAP_INHERIT_COPY) before forking
 * C: C's copy is C's alone.  A writing through its own, still shared,
 * mapping must neither reach C nor stop reaching B.
 */
#ifndef REGRESS_HOST		/* Linux has no minherit(2) */
static void
test_shared_then_copied(void)
{
	int ab[2], ca[2], ac[2], st;
	char x;
	volatile int *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANON, -1, 0);

	CHECK(p != MAP_FAILED, "mmap a shared anonymous page");
	if (p == MAP_FAILED)
		return;
	p[0] = 1;
	CHECK_OK(pipe(ab));		/* B -> A: C is ready */
	CHECK_OK(pipe(ac));		/* A -> C: A has written */
	CHECK_OK(pipe(ca));		/* unused end keeps EOF honest */
	pid_t b = fork();
	if (b == 0) {
		/* B: the page stays shared with A, but C gets a copy. */
		if (minherit((void *)p, PAGE, MAP_INHERIT_COPY) == -1)
			_exit(10);
		pid_t c = fork();
		if (c == 0) {
			int before = p[0];
			if (write(ab[1], "r", 1) != 1 ||
			    read(ac[0], &x, 1) != 1)
				_exit(11);
			/* A has written 2 since: C must still see 1. */
			_exit(before == 1 && p[0] == 1 ? 0 : 12);
		}
		int cst;
		if (waitpid(c, &cst, 0) != c)
			_exit(13);
		/* B shares with A: it sees A's write. */
		if (p[0] != 2)
			_exit(14);
		_exit(WIFEXITED(cst) ? WEXITSTATUS(cst) : 15);
	}
	CHECK(b > 0, "fork");
	CHECK_EQ(read(ab[0], &x, 1), 1, "C started");
	p[0] = 2;
	CHECK_EQ(write(ac[1], "w", 1), 1, "tell C");
	CHECK_EQ(waitpid(b, &st, 0), b, "wait for B");
	CHECK(EXITED_WITH(st, 0), "C kept its copy (1) while B saw A's "
	    "write (2) (%s)", rg_status(st));
	munmap((void *)p, PAGE);
}
#endif

int
main(void)
{
	regress_begin("cow");
	CHECK_EQ(data_var[0], 1, "the data segment is initialised");
	CHECK_EQ(bss_var[100], 0, "the bss is zero");
	test_four_segments();
	test_many_pages();
	test_generations();
	test_fifty();
	test_read_only_child();
#ifndef REGRESS_HOST
	test_shared_then_copied();
#endif
	return regress_end();
}
