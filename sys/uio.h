/*
 * <sys/uio.h>: scatter/gather I/O descriptions.
 *
 * A read or write hands a driver a struct uio: a list of buffers (iovec),
 * where they are (kernel or user space), the file offset and how much is
 * left.  The driver moves data with uiomove(), which advances all of it,
 * so a driver never cares how the caller laid out its memory.
 */
#ifndef _SYS_UIO_H_
#define _SYS_UIO_H_

#include <sys/cdefs.h>
#include <sys/types.h>

struct proc;

struct iovec {
	void	*iov_base;	/* base address */
	size_t	iov_len;	/* length */
};

enum uio_rw { UIO_READ, UIO_WRITE };

/* Where the buffers are. */
enum uio_seg {
	UIO_USERSPACE,		/* from user data space */
	UIO_SYSSPACE		/* from system space */
};

struct uio {
	struct iovec	*uio_iov;	/* pointer to array of iovecs */
	int		uio_iovcnt;	/* number of iovecs in array */
	off_t		uio_offset;	/* offset into file this uio corresponds to */
	size_t		uio_resid;	/* residual i/o count */
	enum uio_seg	uio_segflg;	/* see above */
	enum uio_rw	uio_rw;		/* see above */
	struct proc	*uio_procp;	/* associated thread or NULL */
};

__BEGIN_DECLS
[[nodiscard]] int uiomove(void *cp, size_t n, struct uio *uio);
__END_DECLS

#endif /* !_SYS_UIO_H_ */
