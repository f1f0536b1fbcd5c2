/*
 * kern_subr.cc: uiomove(), copying between a kernel buffer and the
 * buffers a struct uio describes, in the direction uio_rw says.
 * Mirrors OpenBSD's sys/kern/kern_subr.c.  User-space buffers are
 * reached only through copyin/copyout, which check the addresses and
 * turn a bad one into EFAULT.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/uio.h>

/*
 * uiomove: move up to n bytes between cp and uio; advance uio.
 * => process context for UIO_USERSPACE (the user's address space is
 *    the current one).  Returns 0, or EFAULT for a bad user buffer (what
 *    was moved before it stays moved, and uio says how much).
 */
int
uiomove(void *cp, size_t n, struct uio *uio)
{
	char *p = (char *)cp;

	while (n > 0 && uio->uio_resid > 0) {
		struct iovec *iov = uio->uio_iov;
		if (iov->iov_len == 0) {
			KASSERT(uio->uio_iovcnt > 1);
			uio->uio_iov++;
			uio->uio_iovcnt--;
			continue;
		}
		size_t cnt = MIN(n, iov->iov_len);
		if (uio->uio_segflg == UIO_SYSSPACE) {
			if (uio->uio_rw == UIO_READ)
				memcpy(iov->iov_base, p, cnt);
			else
				memcpy(p, iov->iov_base, cnt);
		} else {
			int error = uio->uio_rw == UIO_READ ?
			    copyout(p, iov->iov_base, cnt) :
			    copyin(iov->iov_base, p, cnt);
			if (error != 0)
				return error;
		}
		iov->iov_base = (char *)iov->iov_base + cnt;
		iov->iov_len -= cnt;
		uio->uio_resid -= cnt;
		uio->uio_offset += cnt;
		p += cnt;
		n -= cnt;
	}
	return 0;
}
