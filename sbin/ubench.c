/*
 * ubench: the user-level micro-benchmarks of `make bench`.
 *
 * tools/bench boots the kernel with test=ubench under QEMU's
 * "-icount shift=0,sleep=off", where the TSC counts guest instructions,
 * so every figure is deterministic.  The kernel then starts this program
 * as process 1 instead of /sbin/init; it opens the console, runs each
 * benchmark, prints one line "RESULT name value unit" per figure (value:
 * TSC ticks per operation, that is guest instructions), and powers the
 * machine off.  Run by hand (not as pid 1) it prints the same lines in
 * real cycles and exits.
 *
 *	null_syscall		getpid(2) through int $0x80
 *	fork_exit_wait		fork, the child _exits, the parent wait4s
 *	fork_exec_wait		the same with an execve of a tiny program
 *				(this one, which exits at once given -x)
 *	pipe_roundtrip		one byte to a child and one back, by pipes
 *	pagefault_anon_write	the first write to a page of fresh anonymous
 *				memory (after the mapping's first, which
 *				also makes its amap)
 *	mmap_munmap_1page	mmap of one anonymous page, then munmap
 *	boot_to_shell		(as process 1 only) from kernel entry
 *				(machdep.boottsc) to the moment /bin/sh,
 *				started on the console as init would start
 *				it, has printed its prompt
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <err.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline unsigned long long
rdtsc(void)
{
	unsigned int lo, hi;

	__asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

static void
result(const char *name, unsigned long long ticks, unsigned long n)
{
	printf("RESULT %s %llu %s\n", name, ticks / n,
	    n == 1 ? "cycles" : "cycles/op");
}

static void
bench_null_syscall(void)
{
	const unsigned long n = 20000;
	unsigned long long t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++)
		(void)getpid();
	result("null_syscall", rdtsc() - t0, n);
}

static void
bench_fork_exit_wait(void)
{
	const unsigned long n = 200;
	unsigned long long t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++) {
		int status;
		pid_t pid = fork();
		if (pid == -1)
			err(1, "fork");
		if (pid == 0)
			_exit(0);
		if (waitpid(pid, &status, 0) != pid || status != 0)
			errx(1, "fork_exit_wait: wait");
	}
	result("fork_exit_wait", rdtsc() - t0, n);
}

static void
bench_fork_exec_wait(const char *self)
{
	const unsigned long n = 100;
	char *const argv[] = { (char *)"ubench", (char *)"-x", NULL };
	unsigned long long t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++) {
		int status;
		pid_t pid = fork();
		if (pid == -1)
			err(1, "fork");
		if (pid == 0) {
			execve(self, argv, NULL);
			_exit(127);
		}
		if (waitpid(pid, &status, 0) != pid || status != 0)
			errx(1, "fork_exec_wait: status %#x", status);
	}
	result("fork_exec_wait", rdtsc() - t0, n);
}

static void
bench_pipe_roundtrip(void)
{
	const unsigned long n = 2000;
	int to[2], from[2], status;
	char c = 'x';

	if (pipe(to) == -1 || pipe(from) == -1)
		err(1, "pipe");
	pid_t pid = fork();
	if (pid == -1)
		err(1, "fork");
	if (pid == 0) {
		close(to[1]);
		close(from[0]);
		while (read(to[0], &c, 1) == 1)
			if (write(from[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(to[0]);
	close(from[1]);
	unsigned long long t0 = rdtsc();
	for (unsigned long i = 0; i < n; i++)
		if (write(to[1], &c, 1) != 1 || read(from[0], &c, 1) != 1)
			errx(1, "pipe_roundtrip: short transfer");
	unsigned long long t = rdtsc() - t0;
	close(to[1]);
	close(from[0]);
	waitpid(pid, &status, 0);
	result("pipe_roundtrip", t, n);
}

static void
bench_pagefault(void)
{
	const size_t pages = 512, pgsz = 4096;
	char *p = mmap(NULL, pages * pgsz, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);

	if (p == MAP_FAILED)
		err(1, "mmap");
	/* The first fault also makes the mapping's amap: not counted. */
	p[0] = 1;
	unsigned long long t0 = rdtsc();
	for (size_t i = 1; i < pages; i++)
		p[i * pgsz] = 1;
	unsigned long long t = rdtsc() - t0;
	munmap(p, pages * pgsz);
	result("pagefault_anon_write", t, pages - 1);
}

static void
bench_mmap_munmap(void)
{
	const unsigned long n = 2000;
	unsigned long long t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++) {
		void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_PRIVATE, -1, 0);
		if (p == MAP_FAILED)
			err(1, "mmap");
		munmap(p, 4096);
	}
	result("mmap_munmap_1page", rdtsc() - t0, n);
}

/*
 * The shell on the console, its output (the prompt) into a pipe: the
 * figure is taken when the prompt arrives.
 */
static void
bench_boot_to_shell(void)
{
	int mib[2] = { CTL_MACHDEP, CPU_BOOTTSC };
	unsigned long long boottsc;
	size_t len = sizeof(boottsc);
	char buf[256];
	size_t got = 0;
	int out[2], status;

	if (sysctl(mib, 2, &boottsc, &len, NULL, 0) == -1)
		err(1, "sysctl machdep.boottsc");
	if (pipe(out) == -1)
		err(1, "pipe");
	pid_t pid = fork();
	if (pid == -1)
		err(1, "fork");
	if (pid == 0) {
		/* -i: interactive, though its stderr is our pipe. */
		char *const sh[] = { (char *)"-sh", (char *)"-i", NULL };
		char *const env[] = { (char *)"PATH=/bin:/sbin",
		    (char *)"HOME=/", NULL };
		dup2(out[1], 1);
		dup2(out[1], 2);
		close(out[0]);
		close(out[1]);
		execve("/bin/sh", sh, env);
		_exit(127);
	}
	close(out[1]);
	for (;;) {
		ssize_t n = read(out[0], buf + got, sizeof(buf) - 1 - got);
		if (n <= 0)
			errx(1, "boot_to_shell: the shell printed no prompt");
		got += n;
		buf[got] = '\0';
		if (strstr(buf, "# ") != NULL || strstr(buf, "$ ") != NULL)
			break;
		if (got == sizeof(buf) - 1)
			got = 0;
	}
	unsigned long long t = rdtsc() - boottsc;
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	close(out[0]);
	result("boot_to_shell", t, 1);
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "-x") == 0)
		return 0;		/* fork_exec_wait's child */
	if (getpid() == 1) {
		/* Started by the kernel: no descriptors yet. */
		int fd = open("/dev/console", O_RDWR);
		if (fd != 0 || dup(fd) != 1 || dup(fd) != 2)
			return 1;	/* nowhere to say so */
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (getpid() == 1)
		bench_boot_to_shell();
	bench_null_syscall();
	bench_fork_exit_wait();
	bench_fork_exec_wait(getpid() == 1 ? "/sbin/ubench" : argv[0]);
	bench_pipe_roundtrip();
	bench_pagefault();
	bench_mmap_munmap();
	printf("ubench: done\n");
	if (getpid() == 1) {
		sync();
		reboot(RB_POWERDOWN | RB_HALT);
	}
	return 0;
}
