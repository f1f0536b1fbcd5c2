/*
 * sys_pipe_test.cc: in-kernel tests of pipes (kern/sys_pipe.cc): the
 * ring buffer's wrap-around, PIPE_BUF atomicity, non-blocking EAGAIN,
 * end of file and EPIPE, and a reader and a writer thread that sleep
 * on each other.  They work through the files pipe(2) makes (dopipe
 * with UIO_SYSSPACE) and their fo_read/fo_write, with kernel buffers,
 * in a descriptor table of their own that replaces proc0's meanwhile.
 * No disk needed: they run with test=all.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/filio.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <sys/malloc.h>
#include <sys/pipe.h>
#include <sys/proc.h>
#include <sys/uio.h>

#include "kern_descrip_test.h"

/* rw: len bytes between buf and descriptor fd; *done gets the count. */
static int
rw(enum uio_rw dir, int fd, void *buf, size_t len, size_t *done)
{
	struct proc *p = curproc;
	struct file *fp = fd_getfile(p->p_p->ps_fd, fd);
	struct iovec iov = { buf, len };
	struct uio uio = { &iov, 1, 0, len, UIO_SYSSPACE, dir, p };

	if (fp == nullptr)
		return EBADF;
	int error = dir == UIO_READ ? fp->f_ops->fo_read(fp, &uio, 0) :
	    fp->f_ops->fo_write(fp, &uio, 0);
	FRELE(fp, p);
	*done = len - uio.uio_resid;
	return error;
}

/* nread: FIONREAD of fd. */
static int
nread(int fd)
{
	struct file *fp = fd_getfile(curproc->p_p->ps_fd, fd);
	int n = -1;

	if (fp != nullptr) {
		(void)fp->f_ops->fo_ioctl(fp, FIONREAD, (caddr_t)&n, curproc);
		FRELE(fp, curproc);
	}
	return n;
}

static u_char
pattern(size_t i)
{
	return (u_char)(i * 31 + (i >> 8));
}

/* What goes in comes out, in order, across the end of the ring. */
static int
test_pipe_ring(void)
{
	fdscope scope;
	int fds[2];
	size_t n;
	const size_t total = 3 * PIPE_SIZE + 123;
	u_char *buf = (u_char *)malloc(PIPE_SIZE, M_TEMP, M_WAITOK);
	size_t wrote = 0, got = 0;
	int error = dopipe(curproc, fds, 0, UIO_SYSSPACE);

	if (error != 0)
		return ktest_fail("dopipe: %d", error);
	/* Uneven pieces, so the ring's ends move all round. */
	while (got < total && error == 0) {
		size_t w = MIN(total - wrote, (size_t)7000);
		for (size_t i = 0; i < w; i++)
			buf[i] = pattern(wrote + i);
		if (w > 0 && nread(fds[0]) + w <= PIPE_SIZE) {
			error = rw(UIO_WRITE, fds[1], buf, w, &n);
			wrote += n;
			if (error == 0 && n != w)
				error = EIO;
		}
		size_t r = MIN(nread(fds[0]), 5000);
		if (error == 0)
			error = rw(UIO_READ, fds[0], buf, r, &n);
		for (size_t i = 0; error == 0 && i < n; i++)
			if (buf[i] != pattern(got + i))
				error = EIO;
		got += n;
	}
	free(buf, M_TEMP, PIPE_SIZE);
	if (error != 0)
		return ktest_fail("at byte %zu of %zu: error %d", got, total,
		    error);
	if (nread(fds[0]) != 0)
		return ktest_fail("%d bytes left", nread(fds[0]));
	return 0;
}
KTEST_DEFINE(pipe_ring, test_pipe_ring, 0);

/*
 * Non-blocking ends: EAGAIN on an empty pipe and a full one; a write of
 * PIPE_BUF bytes goes whole or not at all, a larger one in part.
 */
static int
test_pipe_nonblock(void)
{
	fdscope scope;
	int fds[2];
	size_t n;
	char *buf = (char *)malloc(PIPE_SIZE, M_TEMP, M_WAITOK | M_ZERO);
	int error = dopipe(curproc, fds, O_NONBLOCK, UIO_SYSSPACE), e1, e2,
	    e3, e4;
	size_t n2, n3, n4;

	if (error != 0)
		return ktest_fail("dopipe: %d", error);
	e1 = rw(UIO_READ, fds[0], buf, 10, &n);
	/* Fill all but 100 bytes. */
	error = rw(UIO_WRITE, fds[1], buf, PIPE_SIZE - 100, &n2);
	e2 = rw(UIO_WRITE, fds[1], buf, PIPE_BUF, &n3);
	e3 = rw(UIO_WRITE, fds[1], buf, PIPE_BUF + 1, &n4);
	e4 = rw(UIO_WRITE, fds[1], buf, 1, &n);
	free(buf, M_TEMP, PIPE_SIZE);
	if (e1 != EAGAIN)
		return ktest_fail("read of an empty pipe: %d", e1);
	if (error != 0 || n2 != PIPE_SIZE - 100)
		return ktest_fail("fill: %d, %zu", error, n2);
	if (e2 != EAGAIN || n3 != 0)
		return ktest_fail("atomic write: %d, %zu bytes", e2, n3);
	/* EAGAIN after 100 bytes: write(2) reports the 100. */
	if (e3 != EAGAIN || n4 != 100)
		return ktest_fail("large write: %d, %zu bytes", e3, n4);
	if (e4 != EAGAIN)
		return ktest_fail("write to a full pipe: %d", e4);
	return 0;
}
KTEST_DEFINE(pipe_nonblock, test_pipe_nonblock, 0);

/* The writer's close is the reader's end of file; the reverse, EPIPE. */
static int
test_pipe_eof(void)
{
	fdscope scope;
	struct proc *p = curproc;
	int fds[2], e1, e2, e3;
	size_t n1, n2, n3;
	char buf[8];

	if (dopipe(p, fds, 0, UIO_SYSSPACE) != 0)
		return ktest_fail("dopipe");
	(void)rw(UIO_WRITE, fds[1], (void *)"abc", 3, &n1);
	(void)fdrelease(p, fds[1]);
	e1 = rw(UIO_READ, fds[0], buf, sizeof(buf), &n1);
	e2 = rw(UIO_READ, fds[0], buf, sizeof(buf), &n2);
	if (e1 != 0 || n1 != 3 || e2 != 0 || n2 != 0)
		return ktest_fail("read %d/%zu then %d/%zu, want 3 then EOF",
		    e1, n1, e2, n2);
	(void)fdrelease(p, fds[0]);
	if (dopipe(p, fds, 0, UIO_SYSSPACE) != 0)
		return ktest_fail("dopipe");
	(void)fdrelease(p, fds[0]);
	e3 = rw(UIO_WRITE, fds[1], (void *)"x", 1, &n3);
	if (e3 != EPIPE)
		return ktest_fail("write without a reader: %d", e3);
	return 0;
}
KTEST_DEFINE(pipe_eof, test_pipe_eof, 0);

/* A writer thread pushes more than the pipe holds; we read it all. */
static struct file *writer_fp;
static volatile int writer_done;
#define BIG	(5 * PIPE_SIZE / 2)

static void
pipe_writer(void *)
{
	struct proc *p = curproc;
	static u_char buf[BIG];
	struct iovec iov = { buf, BIG };
	struct uio uio = { &iov, 1, 0, BIG, UIO_SYSSPACE, UIO_WRITE, p };

	for (size_t i = 0; i < BIG; i++)
		buf[i] = pattern(i);
	/* One write: it must sleep for room more than once. */
	int error = writer_fp->f_ops->fo_write(writer_fp, &uio, 0);
	writer_done = error == 0 && uio.uio_resid == 0 ? 1 : -1;
	(void)FRELE(writer_fp, p);	/* closes: the reader sees EOF */
	wakeup(&writer_done);
	kthread_exit(0);
}

static int
test_pipe_sleep(void)
{
	fdscope scope;
	struct proc *p = curproc;
	int fds[2], error = 0;
	size_t got = 0, n;
	u_char buf[1000];

	if (dopipe(p, fds, 0, UIO_SYSSPACE) != 0)
		return ktest_fail("dopipe");
	/* The thread gets its own reference; our slot goes. */
	writer_fp = fd_getfile(p->p_p->ps_fd, fds[1]);
	(void)fdrelease(p, fds[1]);
	writer_done = 0;
	if (kthread_create(pipe_writer, nullptr, nullptr, "pipewr") != 0)
		return ktest_fail("kthread_create");
	/* Blocking reads until end of file. */
	for (;;) {
		if ((error = rw(UIO_READ, fds[0], buf, sizeof(buf), &n)) != 0)
			break;
		if (n == 0)
			break;
		for (size_t i = 0; i < n; i++)
			if (buf[i] != pattern(got + i))
				return ktest_fail("byte %zu is %#x", got + i,
				    buf[i]);
		got += n;
	}
	while (writer_done == 0)
		tsleep(&writer_done, PWAIT, "pipetest", hz / 10);
	if (error != 0 || got != BIG || writer_done != 1)
		return ktest_fail("read %zu of %d (error %d, writer %d)", got,
		    BIG, error, writer_done);
	return 0;
}
KTEST_DEFINE(pipe_sleep, test_pipe_sleep, 0);
