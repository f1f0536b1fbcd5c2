/*
 * sbin/dmesg.c: dmesg(8), print the kernel's message buffer.
 *
 *	dmesg
 *
 * The kernel keeps what it prints in a ring (struct msgbuf,
 * <sys/msgbuf.h>, kern/subr_log.cc); sysctl(2) copies it out:
 * { CTL_KERN, KERN_MSGBUFSIZE } is the ring's size, and
 * { CTL_KERN, KERN_MSGBUF } the header and the ring.  The text starts at
 * the write pointer (msg_bufx), where the oldest character is once the
 * ring has wrapped, and goes round; NULs (the part never written) are
 * skipped.  As OpenBSD's sbin/dmesg/dmesg.c.
 */
#include <err.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/msgbuf.h>
#include <sys/sysctl.h>
#include <unistd.h>

/*
 * OpenBSD's numbers for the two names.  XXX The kernel's <sys/sysctl.h>
 * does not list them yet (kern_sysctl.cc does not answer them); until it
 * does, dmesg says so.
 */
#ifndef KERN_MSGBUFSIZE
#define KERN_MSGBUFSIZE	38	/* int: size of the message buffer */
#endif
#ifndef KERN_MSGBUF
#define KERN_MSGBUF	48	/* struct: the message buffer */
#endif

int
main(int argc, char *argv[])
{
	int mib[2] = { CTL_KERN, KERN_MSGBUFSIZE };
	int bufsize;
	size_t len = sizeof(bufsize);

	if (argc > 1) {
		fprintf(stderr, "usage: dmesg\n");
		return 1;
	}
	if (sysctl(mib, 2, &bufsize, &len, NULL, 0) < 0)
		err(1, "sysctl kern.msgbufsize");
	len = offsetof(struct msgbuf, msg_bufc) + bufsize;
	struct msgbuf *mb = malloc(len);
	if (mb == NULL)
		err(1, NULL);
	mib[1] = KERN_MSGBUF;
	if (sysctl(mib, 2, mb, &len, NULL, 0) < 0)
		err(1, "sysctl kern.msgbuf");
	if (mb->msg_magic != MSG_MAGIC)
		errx(1, "magic number incorrect");
	long size = mb->msg_bufs;
	if (size > bufsize)
		size = bufsize;
	long x = mb->msg_bufx < size ? mb->msg_bufx : 0;
	int last = '\n';
	for (long i = 0; i < size; i++) {
		char c = mb->msg_bufc[(x + i) % size];
		if (c == '\0')
			continue;
		putchar(c);
		last = c;
	}
	if (last != '\n')
		putchar('\n');
	free(mb);
	return 0;
}
