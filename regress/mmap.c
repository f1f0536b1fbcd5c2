/*
 * regress/mmap.c: the address space from user level: mmap of anonymous
 * memory (private and shared, across fork), of a file (reads match
 * read(2); shared writes reach the file, private ones do not), MAP_FIXED,
 * munmap and mprotect (a touch afterwards faults: tested in a child,
 * which must die of SIGSEGV), placement (two unhinted mappings land
 * apart, with a gap, as OpenBSD randomises them), brk/sbrk, malloc and
 * free of many sizes, and the arguments mmap refuses.
 *
 * OpenBSD: uvm/uvm_mmap.c (sys_mmap, sys_munmap, sys_mprotect), uvm_map.c
 * (placement), uvm_unix.c (sys_obreak); lib/libc/stdlib/malloc.c.
 */
#include "regress.h"

#define PAGE	4096

static void *
map_anon(size_t len, int flags)
{
	return mmap(NULL, len, PROT_READ | PROT_WRITE, flags | MAP_ANON, -1,
	    0);
}

static void
test_anon(void)
{
	unsigned char *p, *q;
	int i, zero = 1, st;
	pid_t pid;

	p = map_anon(5 * PAGE + 100, MAP_PRIVATE);
	CHECK(p != MAP_FAILED, "mmap anonymous private, 5 pages + 100");
	if (p == MAP_FAILED)
		return;
	CHECK(((uintptr_t)p & (PAGE - 1)) == 0, "it is page aligned (%p)", p);
	for (i = 0; i < 6 * PAGE; i++)
		if (p[i] != 0)
			zero = 0;
	CHECK(zero, "anonymous memory is zero, to the end of the last page");
	memset(p, 0x5a, 6 * PAGE);
	CHECK(p[6 * PAGE - 1] == 0x5a, "and writable");

	/* Private: a child's writes stay in the child. */
	pid = fork();
	if (pid == 0) {
		memset(p, 0x11, PAGE);
		_exit(p[0] == 0x11 ? 0 : 1);
	}
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0) && p[0] == 0x5a, "MAP_PRIVATE: the child's "
	    "write is its own (%s, we see 0x%x)", rg_status(st), p[0]);
	CHECK_OK(munmap(p, 6 * PAGE));

	/* Shared: both ways. */
	q = map_anon(2 * PAGE, MAP_SHARED);
	CHECK(q != MAP_FAILED, "mmap anonymous shared");
	if (q == MAP_FAILED)
		return;
	q[0] = 1;
	pid = fork();
	if (pid == 0) {
		int seen = q[0];
		q[PAGE] = 42;
		q[0] = 2;
		_exit(seen == 1 ? 0 : 1);
	}
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0), "MAP_SHARED: the child sees our write "
	    "(%s)", rg_status(st));
	CHECK(q[0] == 2 && q[PAGE] == 42, "MAP_SHARED: we see the child's "
	    "writes (%d, %d)", q[0], q[PAGE]);
	CHECK_OK(munmap(q, 2 * PAGE));
}

static void
test_file(void)
{
	static unsigned char data[3 * PAGE + 123], back[PAGE];
	unsigned char *m;
	int fd, i, ok;
	ssize_t r;

	for (i = 0; i < (int)sizeof(data); i++)
		data[i] = (unsigned char)(i * 7 + i / 251);
	CHECK_OK(rg_write_file("mf", data, sizeof(data), 0644));
	fd = CHECK_OK(open("mf", O_RDWR));
	m = mmap(NULL, sizeof(data), PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(m != MAP_FAILED, "mmap a file, private, read-only");
	if (m != MAP_FAILED) {
		CHECK(memcmp(m, data, sizeof(data)) == 0,
		    "the mapping holds what read(2) gives");
		for (i = sizeof(data), ok = 1; i < 4 * PAGE; i++)
			if (m[i] != 0)
				ok = 0;
		CHECK(ok, "past the end of the file, the last page is zero");
		CHECK_OK(munmap(m, sizeof(data)));
	}
	m = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 2 * PAGE);
	CHECK(m != MAP_FAILED && memcmp(m, data + 2 * PAGE, PAGE) == 0,
	    "mmap at offset 2 pages");
	if (m != MAP_FAILED)
		munmap(m, PAGE);

	/* A private writable mapping does not write the file. */
	m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(m != MAP_FAILED, "mmap a file, private, writable");
	if (m != MAP_FAILED) {
		m[0] = (unsigned char)~data[0];
		r = pread(fd, back, 1, 0);
		CHECK(r == 1 && back[0] == data[0],
		    "a private write does not reach the file");
		munmap(m, PAGE);
	}

	/* A shared one does, and a write(2) shows in the mapping. */
	m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED, "mmap a file, shared, writable");
	if (m != MAP_FAILED) {
		memcpy(m + 10, "SHARED", 6);
		CHECK_OK(msync(m, 2 * PAGE, MS_SYNC));
		r = pread(fd, back, 6, 10);
		CHECK(r == 6 && memcmp(back, "SHARED", 6) == 0,
		    "a shared write reaches the file");
		CHECK_EQ(pwrite(fd, "written", 7, PAGE + 5), 7, "pwrite");
		CHECK(memcmp(m + PAGE + 5, "written", 7) == 0,
		    "a write(2) shows in the shared mapping");
		CHECK_OK(munmap(m, 2 * PAGE));
	}
	close(fd);

	/* What the descriptor allows, the mapping may not exceed. */
	fd = CHECK_OK(open("mf", O_RDONLY));
	CHECK_ERRN(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
	    0) == MAP_FAILED ? -1 : 0, EACCES,
	    "mmap shared writable on a read-only descriptor");
	close(fd);
	fd = CHECK_OK(open("mf", O_WRONLY));
	CHECK_ERRN(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0) ==
	    MAP_FAILED ? -1 : 0, EACCES, "mmap on a write-only descriptor");
	close(fd);
}

static int
touch_write(void *arg)
{
	*(volatile char *)arg = 1;
	return 0;
}

static int
touch_read(void *arg)
{
	return *(volatile char *)arg == 99 ? 1 : 0;
}

static void
test_protect(void)
{
	char *p, *f;
	int st;

	p = map_anon(3 * PAGE, MAP_PRIVATE);
	CHECK(p != MAP_FAILED, "mmap 3 pages");
	if (p == MAP_FAILED)
		return;
	p[PAGE] = 7;
	CHECK_OK(munmap(p + PAGE, PAGE));
	st = rg_child(touch_read, p + PAGE);
	CHECK(KILLED_BY(st, SIGSEGV), "reading an unmapped page: SIGSEGV "
	    "(%s)", rg_status(st));
	st = rg_child(touch_write, p + 2 * PAGE);
	CHECK(EXITED_WITH(st, 0), "the page after the hole is still there "
	    "(%s)", rg_status(st));

	CHECK_OK(mprotect(p, PAGE, PROT_READ));
	CHECK_EQ(p[0], 0, "a read-only page reads");
	st = rg_child(touch_write, p);
	CHECK(KILLED_BY(st, SIGSEGV), "writing a PROT_READ page: SIGSEGV "
	    "(%s)", rg_status(st));
	CHECK_OK(mprotect(p, PAGE, PROT_NONE));
	st = rg_child(touch_read, p);
	CHECK(KILLED_BY(st, SIGSEGV), "reading a PROT_NONE page: SIGSEGV "
	    "(%s)", rg_status(st));
	CHECK_OK(mprotect(p, PAGE, PROT_READ | PROT_WRITE));
	p[0] = 3;
	CHECK_EQ(p[0], 3, "read-write again after mprotect");
#ifdef REGRESS_HOST
	CHECK_ERR(mprotect(p + 1, PAGE, PROT_READ), EINVAL);
#else
	/*
	 * OpenBSD aligns the address down (ALIGN_ADDR in uvm_mmap.c);
	 * the range then takes in the hole: ENOMEM.  Linux refuses an
	 * unaligned address.
	 */
	CHECK_OK(mprotect(p + 1, 10, PROT_READ | PROT_WRITE));
	CHECK_ERR(mprotect(p + 1, PAGE, PROT_READ), ENOMEM);
#endif

	/* MAP_FIXED puts a mapping exactly where asked, replacing. */
	p[2 * PAGE] = 9;
	f = mmap(p + PAGE, 2 * PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0);
	CHECK(f == p + PAGE, "MAP_FIXED maps at the address (%p, want %p)",
	    f, p + PAGE);
	CHECK(f != MAP_FAILED && f[PAGE] == 0,
	    "MAP_FIXED over a mapping replaces it (zero)");
	CHECK_EQ(p[0], 3, "the page before is untouched");
	CHECK_ERRN(mmap(p + 1, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANON |
	    MAP_FIXED, -1, 0) == MAP_FAILED ? -1 : 0, EINVAL,
	    "MAP_FIXED at an unaligned address");
	CHECK_OK(munmap(p, 3 * PAGE));
	st = rg_child(touch_write, p);
	CHECK(KILLED_BY(st, SIGSEGV), "writing after munmap: SIGSEGV (%s)",
	    rg_status(st));
	/* Unaligned (Linux) or not mapped (OpenBSD: munmap checks that
	 * the whole range is mapped): EINVAL either way. */
	CHECK_ERR(munmap(p + 1, PAGE), EINVAL);
#ifndef REGRESS_HOST
	CHECK_ERR(munmap(p, PAGE), EINVAL);
#endif
}

static void
test_placement(void)
{
	char *a, *b;
	uintptr_t d;

	a = map_anon(PAGE, MAP_PRIVATE);
	b = map_anon(PAGE, MAP_PRIVATE);
	CHECK(a != MAP_FAILED && b != MAP_FAILED, "two mmaps");
	CHECK(a != b, "land at different addresses (%p, %p)", a, b);
	d = a > b ? (uintptr_t)(a - b) : (uintptr_t)(b - a);
#ifndef REGRESS_HOST
	/* Linux packs mappings together; OpenBSD leaves random gaps. */
	CHECK(d > PAGE, "and are not adjacent (%p, %p)", a, b);
#endif
	(void)d;
	munmap(a, PAGE);
	munmap(b, PAGE);
}

static void
test_bad_args(void)
{
	CHECK_ERRN(map_anon(0, MAP_PRIVATE) == MAP_FAILED ? -1 : 0, EINVAL,
	    "mmap of length 0");
	CHECK_ERRN(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_SHARED |
	    MAP_ANON, -1, 0) == MAP_FAILED ? -1 : 0, EINVAL,
	    "mmap MAP_PRIVATE|MAP_SHARED");
	CHECK_ERRN(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0) ==
	    MAP_FAILED ? -1 : 0, EBADF, "mmap of fd -1 without MAP_ANON");
#ifndef REGRESS_HOST
	/* Linux takes these: it ignores fd with MAP_ANON, and a 64-bit
	 * host has room above 0xd0000000 and overcommits. */
	CHECK_ERRN(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANON, 5, 0) ==
	    MAP_FAILED ? -1 : 0, EINVAL, "mmap MAP_ANON with an fd");
	CHECK_ERRN(mmap(BAD_KERNEL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANON |
	    MAP_FIXED, -1, 0) == MAP_FAILED ? -1 : 0, EINVAL,
	    "MAP_FIXED at the kernel's address");
	/* More than RLIMIT_DATA allows: ENOMEM (sys_mmap). */
	CHECK_ERRN(mmap(NULL, 0xe0000000UL, PROT_READ, MAP_PRIVATE |
	    MAP_ANON, -1, 0) == MAP_FAILED ? -1 : 0, ENOMEM,
	    "mmap of 3.5 GiB");
	CHECK_ERR(munmap(BAD_KERNEL, PAGE), EINVAL);
#endif
}

static void
test_sbrk(void)
{
	char *old, *now;
	int i, ok = 1;

	old = sbrk(0);
	CHECK(old != (char *)-1, "sbrk(0) (%p)", old);
	now = sbrk(3 * PAGE);
	CHECK(now == old, "sbrk(3 pages) returns the old break");
	if (now == (char *)-1)
		return;
	for (i = 0; i < 3 * PAGE; i++)
		now[i] = (char)i;
	for (i = 0; i < 3 * PAGE; i++)
		if (now[i] != (char)i)
			ok = 0;
	CHECK(ok, "the new break memory is usable");
	CHECK(sbrk(0) == old + 3 * PAGE, "the break moved by 3 pages");
	CHECK(sbrk(-(3 * PAGE)) == old + 3 * PAGE, "sbrk back down");
	CHECK(sbrk(0) == old, "the break is back");
}

static void
test_malloc(void)
{
	enum { N = 300 };
	static unsigned char *p[N];
	static size_t sz[N];
	unsigned char *r, *c;
	size_t i, j;
	int ok = 1, zero = 1;

	rg_srand(12345);
	for (i = 0; i < N; i++) {
		sz[i] = rg_rand() % (i % 10 == 0 ? 300000 : 3000) + 1;
		p[i] = malloc(sz[i]);
		if (p[i] == NULL) {
			ok = 0;
			continue;
		}
		memset(p[i], (int)i, sz[i]);
	}
	CHECK(ok, "malloc %d blocks of 1..300000 bytes", N);
	for (i = 0; i < N; i += 2) {
		for (j = 0; p[i] != NULL && j < sz[i]; j++)
			if (p[i][j] != (unsigned char)i)
				ok = 0;
		free(p[i]);
		p[i] = NULL;
	}
	CHECK(ok, "no block overlapped another (freed every other)");
	for (i = 0; i < N; i += 2) {
		sz[i] = rg_rand() % 5000 + 1;
		p[i] = malloc(sz[i]);
		if (p[i] != NULL)
			memset(p[i], (int)i, sz[i]);
	}
	for (i = 0; i < N; i++) {
		for (j = 0; p[i] != NULL && j < sz[i]; j++)
			if (p[i][j] != (unsigned char)i)
				ok = 0;
		free(p[i]);
	}
	CHECK(ok, "reused space did not overlap live blocks");

	r = malloc(10);
	CHECK(r != NULL, "malloc 10");
	memcpy(r, "0123456789", 10);
	r = realloc(r, 100000);
	CHECK(r != NULL && memcmp(r, "0123456789", 10) == 0,
	    "realloc to 100000 keeps the contents");
	free(r);
	c = calloc(1000, 100);
	for (i = 0; c != NULL && i < 100000; i++)
		if (c[i] != 0)
			zero = 0;
	CHECK(c != NULL && zero, "calloc memory is zero");
	free(c);
	free(NULL);
}

int
main(void)
{
	regress_begin("mmap");
	test_anon();
	test_file();
	test_protect();
	test_placement();
	test_bad_args();
	test_sbrk();
	test_malloc();
	return regress_end();
}
