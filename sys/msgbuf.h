/*
 * <sys/msgbuf.h>: the kernel message buffer behind dmesg(8).
 *
 * Every character the kernel prints also goes into this ring, so the boot
 * messages can be read again after they scrolled away (ddb's "show
 * msgbuf" now, dmesg(8) once user space exists).  When the ring is full
 * the oldest characters are overwritten and counted in msg_bufd.
 */
#ifndef _SYS_MSGBUF_H_
#define _SYS_MSGBUF_H_

#include <sys/types.h>

struct msgbuf {
#define MSG_MAGIC	0x063061
	long	msg_magic;
	long	msg_bufx;		/* write pointer */
	long	msg_bufr;		/* read pointer */
	long	msg_bufs;		/* real msg_bufc size (bytes) */
	long	msg_bufd;		/* number of dropped bytes */
	char	msg_bufc[1];		/* buffer */
};

#define MSGBUFSIZE	(16 * 1024)	/* bytes of ring, header excluded */

#ifdef _KERNEL
extern struct msgbuf *msgbufp;

void	initmsgbuf(caddr_t buf, size_t bufsize);
void	msgbuf_putchar(struct msgbuf *, const char c);
size_t	msgbuf_copy(const struct msgbuf *, char *dst, size_t len);
#endif

#endif /* !_SYS_MSGBUF_H_ */
