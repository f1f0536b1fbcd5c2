/*
 * subr_log.cc: the kernel message buffer (msgbuf), the memory behind
 * dmesg(8).
 *
 * printf() appends every character here as well as to the console.  The
 * buffer is a ring: msg_bufx is where the next character goes, msg_bufr
 * where a reader (dmesg, ddb's "show msgbuf") starts; when the writer
 * catches up with the reader the oldest text is lost and counted.
 * OpenBSD keeps the buffer at the top of physical memory so that it
 * survives a reboot; ours lives in the kernel's bss and starts empty.
 * Mirrors the msgbuf half of OpenBSD's sys/kern/subr_log.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/msgbuf.h>

struct msgbuf *msgbufp;		/* [K] the ring, once initmsgbuf ran */

/*
 * initmsgbuf: make the bufsize bytes at buf an empty message buffer.
 * => called once, early in init386(), before the first printf.
 */
void
initmsgbuf(caddr_t buf, size_t bufsize)
{
	struct msgbuf *mbp = (struct msgbuf *)buf;

	memset(mbp, 0, bufsize);
	mbp->msg_magic = MSG_MAGIC;
	mbp->msg_bufs = bufsize - offsetof(struct msgbuf, msg_bufc);
	msgbufp = mbp;
}

/*
 * msgbuf_putchar: append one character.
 * => called from printf with interrupts blocked, so nothing interleaves.
 */
void
msgbuf_putchar(struct msgbuf *mbp, const char c)
{
	if (mbp->msg_magic != MSG_MAGIC)
		return;		/* not set up (or overwritten): drop */
	mbp->msg_bufc[mbp->msg_bufx++] = c;
	if (mbp->msg_bufx < 0 || mbp->msg_bufx >= mbp->msg_bufs)
		mbp->msg_bufx = 0;
	/* If the writer caught up with the reader, the oldest byte is gone. */
	if (mbp->msg_bufr == mbp->msg_bufx) {
		if (++mbp->msg_bufr >= mbp->msg_bufs)
			mbp->msg_bufr = 0;
		mbp->msg_bufd++;
	}
}

/*
 * msgbuf_copy: copy the buffer's text, oldest first, into dst (at most
 * len - 1 bytes, NUL-terminated).  Returns the number of bytes copied.
 */
size_t
msgbuf_copy(const struct msgbuf *mbp, char *dst, size_t len)
{
	size_t n = 0;

	if (len == 0)
		return 0;
	for (long i = mbp->msg_bufr; i != mbp->msg_bufx && n < len - 1;) {
		dst[n++] = mbp->msg_bufc[i];
		if (++i >= mbp->msg_bufs)
			i = 0;
	}
	dst[n] = '\0';
	return n;
}
