/*
 * regress/pipes.c: pipe(2) and pipe2(2): 1 MiB each way between two
 * processes in odd-sized pieces with checksums, EOF once every writer has
 * closed, EPIPE on a pipe with no reader (with SIGPIPE ignored; with the
 * default action the writer dies of SIGPIPE, as on OpenBSD), O_NONBLOCK
 * (EAGAIN on an empty pipe and on a full one), PIPE_BUF atomicity with
 * four writers at once, and the ends' directions.
 *
 * OpenBSD: kern/sys_pipe.c: a pipe is two struct pipe, each with a
 * buffer; writes of at most PIPE_BUF bytes are never interleaved with
 * other writes; a reader sleeps until data or EOF, a writer until room.
 */
#include "regress.h"

#define MIB	(1024 * 1024)

/* The stream both sides compute: byte i of it, from a seed. */
static unsigned char
byte_at(uint32_t seed, uint32_t i)
{
	uint32_t x = i * 2654435761U ^ seed;

	x ^= x >> 15;
	x *= 2246822519U;
	x ^= x >> 13;
	return (unsigned char)x;
}

/* Write len bytes of the stream seeded with seed, in pieces of 1..8191. */
static int
send_stream(int fd, uint32_t seed, size_t len)
{
	static unsigned char buf[8192];
	size_t done = 0, n, i;

	rg_srand(seed ^ 0x9e3779b9);
	while (done < len) {
		n = rg_rand() % 8191 + 1;
		if (n > len - done)
			n = len - done;
		for (i = 0; i < n; i++)
			buf[i] = byte_at(seed, done + i);
		if (write(fd, buf, n) != (ssize_t)n)
			return -1;
		done += n;
	}
	return 0;
}

/*
 * Read until EOF in pieces of 1..5000 bytes (unrelated to the writer's),
 * checking each byte against the stream seeded with seed.
 * => returns bytes read, or -1 at the first byte that differs.
 */
static long
recv_stream(int fd, uint32_t seed)
{
	static unsigned char buf[5000];
	long total = 0;
	ssize_t r, i;

	rg_srand(seed ^ 0x7f4a7c15);
	for (;;) {
		r = read(fd, buf, rg_rand() % 5000 + 1);
		if (r <= 0)
			return r == 0 ? total : -1;
		for (i = 0; i < r; i++)
			if (buf[i] != byte_at(seed, total + i))
				return -1;
		total += r;
	}
}

static void
test_transfer(void)
{
	int down[2], up[2], st;
	long got;
	pid_t pid;

	CHECK_OK(pipe(down));
	CHECK_OK(pipe(up));
	pid = fork();
	if (pid == 0) {
		long n;
		close(down[1]);
		close(up[0]);
		n = recv_stream(down[0], 1111);
		if (n != MIB)
			_exit(n == -1 ? 2 : 3);
		if (send_stream(up[1], 2222, MIB) == -1)
			_exit(4);
		_exit(0);
	}
	close(down[0]);
	close(up[1]);
	CHECK_OK(send_stream(down[1], 1111, MIB));
	close(down[1]);
	got = recv_stream(up[0], 2222);
	CHECK_EQ(got, MIB, "1 MiB back from the child, bytes all as sent");
	close(up[0]);
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0), "the child got 1 MiB intact (%s; 2: bad "
	    "bytes, 3: wrong length)", rg_status(st));
}

static void
test_eof(void)
{
	int p[2], st;
	char buf[8];
	pid_t pid;

	CHECK_OK(pipe(p));
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		rg_msleep(50);		/* the parent is in read by now */
		write(p[1], "late", 4);
		_exit(0);
	}
	close(p[1]);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 4, "a blocked read wakes for "
	    "data");
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 0, "then EOF once the writer "
	    "is gone");
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 0, "and again EOF");
	st = rg_wait(pid);
	CHECK(EXITED_WITH(st, 0), "writer exit (%s)", rg_status(st));
	close(p[0]);

	/* Every writer must close: a dup keeps it open. */
	CHECK_OK(pipe(p));
	st = dup(p[1]);
	close(p[1]);
	CHECK_EQ(write(st, "x", 1), 1, "write through a dup of the write end");
	close(st);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 1, "data, then");
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 0, "EOF after the last close");
	close(p[0]);
}

static int
write_no_reader(void *arg)
{
	int p[2];

	if (pipe(p) == -1)
		return 10;
	close(p[0]);
	write(p[1], "x", 1);	/* SIGPIPE ends us here */
	return 11;
}

static void
test_epipe(void)
{
	int p[2], st;

	st = rg_child(write_no_reader, NULL);
	CHECK(KILLED_BY(st, SIGPIPE), "a write with no reader: SIGPIPE "
	    "(%s)", rg_status(st));
	CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR, "signal(SIGPIPE, SIG_IGN)");
	CHECK_OK(pipe(p));
	close(p[0]);
	CHECK_ERR(write(p[1], "x", 1), EPIPE);
	close(p[1]);
	signal(SIGPIPE, SIG_DFL);
}

static void
test_nonblock(void)
{
	static char buf[4096];
	int p[2], fl;
	ssize_t r;
	long cap = 0;

	CHECK_OK(pipe2(p, O_NONBLOCK));
	fl = CHECK_OK(fcntl(p[0], F_GETFL));
	CHECK(fl & O_NONBLOCK, "pipe2(O_NONBLOCK) sets it on the read end");
	CHECK(fcntl(p[1], F_GETFL) & O_NONBLOCK, "and on the write end");
	CHECK_ERR(read(p[0], buf, 1), EAGAIN);
	memset(buf, 'n', sizeof(buf));
	while ((r = write(p[1], buf, sizeof(buf))) > 0 && cap < 16 * MIB)
		cap += r;
	CHECK(r == -1 && errno == EAGAIN, "writing a full pipe: EAGAIN after "
	    "%ld bytes", cap);
	CHECK(cap >= PIPE_BUF, "a pipe holds at least PIPE_BUF (%ld)", cap);
	CHECK_ERR(write(p[1], buf, 1), EAGAIN);
	/* (A whole page: Linux frees pipe space a page at a time.) */
	CHECK_EQ(read(p[0], buf, 4096), 4096, "read 4096");
	CHECK_EQ(write(p[1], buf, 1), 1, "then there is room for 1");
	close(p[0]);
	close(p[1]);

	/* O_NONBLOCK set later with F_SETFL. */
	CHECK_OK(pipe(p));
	CHECK_OK(fcntl(p[0], F_SETFL, O_NONBLOCK));
	CHECK_ERR(read(p[0], buf, 1), EAGAIN);
	close(p[0]);
	close(p[1]);

	CHECK_OK(pipe2(p, O_CLOEXEC));
	CHECK_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC, "pipe2(O_CLOEXEC)");
	close(p[0]);
	close(p[1]);
	CHECK_ERR(pipe2(p, 0x40000000), EINVAL);
}

static void
test_atomic(void)
{
	enum { WRITERS = 4, RECORDS = 100 };
	static char rec[PIPE_BUF], buf[PIPE_BUF * 4];
	int p[2], i, counts[WRITERS], bad = 0, st, allok = 1;
	size_t have = 0, k;
	ssize_t r;
	pid_t pid[WRITERS];

	CHECK_OK(pipe(p));
	for (i = 0; i < WRITERS; i++) {
		pid[i] = fork();
		if (pid[i] == 0) {
			int j;
			close(p[0]);
			memset(rec, 'A' + i, sizeof(rec));
			for (j = 0; j < RECORDS; j++)
				if (write(p[1], rec, sizeof(rec)) !=
				    (ssize_t)sizeof(rec))
					_exit(1);
			_exit(0);
		}
		counts[i] = 0;
	}
	close(p[1]);
	/* Whole records only, each of one writer's letter. */
	while ((r = read(p[0], buf + have, sizeof(buf) - have)) > 0) {
		have += r;
		while (have >= PIPE_BUF) {
			int w = buf[0] - 'A';
			for (k = 1; k < PIPE_BUF; k++)
				if (buf[k] != buf[0])
					break;
			if (k != PIPE_BUF || w < 0 || w >= WRITERS)
				bad++;
			else
				counts[w]++;
			memmove(buf, buf + PIPE_BUF, have - PIPE_BUF);
			have -= PIPE_BUF;
		}
	}
	close(p[0]);
	for (i = 0; i < WRITERS; i++) {
		st = rg_wait(pid[i]);
		if (!EXITED_WITH(st, 0) || counts[i] != RECORDS)
			allok = 0;
	}
	CHECK(bad == 0 && have == 0, "%d writers of PIPE_BUF (%d) records: "
	    "none interleaved (%d bad, %zu left over)", WRITERS, PIPE_BUF,
	    bad, have);
	CHECK(allok, "every writer's %d records arrived", RECORDS);
}

static void
test_ends(void)
{
	struct stat sb;
	char c;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK(p[0] != p[1] && p[0] >= 0 && p[1] >= 0, "two descriptors");
	CHECK_ERR(write(p[0], "x", 1), EBADF);
	CHECK_ERR(read(p[1], &c, 1), EBADF);
	CHECK_OK(fstat(p[0], &sb));
	CHECK(S_ISFIFO(sb.st_mode), "fstat of a pipe: S_IFIFO");
	CHECK_EQ(fcntl(p[0], F_GETFL) & O_ACCMODE, O_RDONLY,
	    "the read end is O_RDONLY");
	CHECK_EQ(fcntl(p[1], F_GETFL) & O_ACCMODE, O_WRONLY,
	    "the write end is O_WRONLY");
	close(p[0]);
	close(p[1]);
}

int
main(void)
{
	regress_begin("pipes");
	test_ends();
	test_eof();
	test_transfer();
	test_epipe();
	test_nonblock();
	test_atomic();
	return regress_end();
}
