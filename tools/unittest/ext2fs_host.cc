/*
 * ext2fs_host.cc: the rest of the kernel, as far as the ext2 tests
 * need it, for one host thread.
 *
 * The ext2 code and the VFS under it (vfs_*.cc, specfs, the buffer
 * cache) are the kernel's own sources; this file supplies what they
 * call and the tests do not compile:
 *
 *  - spl(9) as a plain variable, so the splassert()s stay armed;
 *  - tsleep(9): there is one thread and every disk finishes its I/O at
 *    once, so nothing should ever sleep; a sleep would never end, and
 *    panics (the test fails with the sleeper's wmesg) instead;
 *  - proc0 with root's credentials and a filedesc, as curproc;
 *  - the clocks (getnanotime from the host's clock);
 *  - printf(9), kept in a string the tests search for the messages a
 *    damaged disk must produce, and echoed to stderr;
 *  - bdevsw[] with one driver, the host disk: a file on the host whose
 *    strategy routine is pread/pwrite and biodone.
 */
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

#include "support.h"
#include "uvm_stub.h"
#include "ext2fs_host.h"

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/dirent.h>
#include <sys/errno.h>
#include <sys/filedesc.h>
#include <sys/kernel.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <machine/cpu.h>
#include <machine/intr.h>
#include <uvm/uvm_extern.h>
#include <ufs/ext2fs/ext2fs_extern.h>

/* The kernel's globals the VFS reads (ticks, hz, cpl: kern_stub.cc). */
struct proc proc0;
struct process process0;
volatile time_t time_second;
volatile time_t time_uptime;

static struct ucred cred0;	/* root */
static struct filedesc fd0;
static std::string messages;

void
splassert_fail(int wantipl, int haveipl, const char *func)
{
	panic("splassert: %s: want %d have %d", func, wantipl, haveipl);
}

/* printf(9): into `messages' and to stderr. */
int
printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);	/* the kernel's */
	va_end(ap);
	messages += buf;
	fputs(buf, stderr);
	return n;
}

std::string
ext2host_messages(void)
{
	return messages;
}

void
ext2host_clear_messages(void)
{
	messages.clear();
}

#if defined(__GLIBC__) && !__GLIBC_PREREQ(2, 38)
/* OpenBSD's strlcpy and strlcat, which this glibc lacks. */
extern "C" size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

extern "C" size_t
strlcat(char *dst, const char *src, size_t size)
{
	size_t dlen = strnlen(dst, size);

	if (dlen == size)
		return size + strlen(src);
	return dlen + strlcpy(dst + dlen, src, size - dlen);
}
#endif

/* One thread, disks that finish at once: a sleep would be forever. */
int
tsleep(const volatile void *, int, const char *wmesg, int timo)
{
	if (timo > 0)
		return EWOULDBLOCK;
	panic("tsleep(\"%s\"): the only thread would sleep forever", wmesg);
}

void
wakeup(const volatile void *)
{
}

void
wakeup_n(const volatile void *, int)
{
}

void
yield(void)
{
}

/* The clocks: the host's time of day. */
void
nanotime(struct timespec *ts)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	ts->tv_sec = now.tv_sec;
	ts->tv_nsec = now.tv_nsec;
	time_second = now.tv_sec;
}

void
getnanotime(struct timespec *ts)
{
	nanotime(ts);
}

void
getnanouptime(struct timespec *ts)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ts->tv_sec = now.tv_sec;
	ts->tv_nsec = now.tv_nsec;
}

/*
 * The host disks.  [K] one thread.
 */
struct hostdisk {
	int		hd_fd = -1;	/* the file, or -1 */
	int64_t		hd_size = 0;	/* its bytes */
	uint64_t	hd_reads = 0;	/* transfers done */
	uint64_t	hd_writes = 0;
};
static struct hostdisk hostdisks[EXT2HOST_NDISK];

static struct hostdisk *
hd_lookup(dev_t dev)
{
	int unit = minor(dev);

	if (major(dev) != EXT2HOST_MAJOR || unit < 0 || unit >= EXT2HOST_NDISK ||
	    hostdisks[unit].hd_fd < 0)
		return nullptr;
	return &hostdisks[unit];
}

static int
hdopen(dev_t dev, int, int, struct proc *)
{
	return hd_lookup(dev) != nullptr ? 0 : ENXIO;
}

static int
hdclose(dev_t, int, int, struct proc *)
{
	return 0;
}

/* The whole transfer at once, then biodone, as an interrupt would. */
static void
hdstrategy(struct buf *bp)
{
	struct hostdisk *hd = hd_lookup(bp->b_dev);
	int64_t off = bp->b_blkno * DEV_BSIZE;
	int error;

	if (hd == nullptr)
		error = ENXIO;
	else if (bp->b_blkno < 0 || off + bp->b_bcount > hd->hd_size)
		error = EINVAL;
	else if (bp->b_flags & B_READ) {
		error = hostfile_pread(hd->hd_fd, bp->b_data, bp->b_bcount, off);
		hd->hd_reads++;
	} else {
		error = hostfile_pwrite(hd->hd_fd, bp->b_data, bp->b_bcount,
		    off);
		hd->hd_writes++;
	}
	bp->b_resid = error != 0 ? bp->b_bcount : 0;
	if (error != 0) {
		bp->b_error = error;
		bp->b_flags |= B_ERROR;
	}
	int s = splbio();
	biodone(bp);
	splx(s);
}

static int64_t
hdsize(dev_t dev)
{
	struct hostdisk *hd = hd_lookup(dev);

	return hd != nullptr ? hd->hd_size / DEV_BSIZE : -1;
}

const struct bdevsw bdevsw[] = {
	{ hdopen, hdclose, hdstrategy, nullptr, hdsize, D_DISK },
};
const int nblkdev = nitems(bdevsw);
const struct cdevsw cdevsw[] = {
	{ nullptr, nullptr, nullptr, nullptr, nullptr, 0 },
};
const int nchrdev = nitems(cdevsw);

/* findblkname: the name of block major maj (arch conf.cc's, here ours). */
const char *
findblkname(int maj)
{
	return maj == EXT2HOST_MAJOR ? "hd" : nullptr;
}

/*
 * The user boundary (arch/i386/i386/copy.cc): the host tests have no
 * user space, so every user address is a bad one; kernel-to-kernel
 * string copies (namei's UIO_SYSSPACE paths) are real.
 */
int
copyin(const void *, void *, size_t)
{
	return EFAULT;
}

int
copyout(const void *, void *, size_t)
{
	return EFAULT;
}

int
copyinstr(const void *, void *, size_t, size_t *)
{
	return EFAULT;
}

int
copyoutstr(const void *, void *, size_t, size_t *)
{
	return EFAULT;
}

int
copystr(const void *from, void *to, size_t len, size_t *done)
{
	for (size_t n = 0; n < len; n++) {
		char c = ((const char *)from)[n];
		((char *)to)[n] = c;
		if (c == '\0') {
			if (done != nullptr)
				*done = n + 1;
			return 0;
		}
	}
	if (done != nullptr)
		*done = len;
	return ENAMETOOLONG;
}

int
hostdisk_attach(int unit, const char *path)
{
	struct hostdisk *hd = &hostdisks[unit];

	hostdisk_detach(unit);
	int fd = hostfile_open(path);
	if (fd < 0)
		return -fd;
	hd->hd_fd = fd;
	hd->hd_size = hostfile_size(fd);
	hd->hd_reads = hd->hd_writes = 0;
	return 0;
}

void
hostdisk_detach(int unit)
{
	struct hostdisk *hd = &hostdisks[unit];

	if (hd->hd_fd >= 0)
		hostfile_close(hd->hd_fd);
	hd->hd_fd = -1;
}

int
hostdisk_dev(int unit)
{
	return makedev(EXT2HOST_MAJOR, unit);
}

uint64_t
hostdisk_reads(int unit)
{
	return hostdisks[unit].hd_reads;
}

uint64_t
hostdisk_writes(int unit)
{
	return hostdisks[unit].hd_writes;
}

/*
 * ext2host_init: what main() does before the root is mounted, for the
 * parts the tests have: malloc(9), proc0 and its credentials, the
 * buffer cache and the VFS (which calls ext2fs_init).
 */
void
ext2host_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	uvm_stub_reset();
	uvmexp.npages = 20480;		/* 80 MiB: an 8 MiB buffer cache */
	kmeminit();

	cred0.cr_ref = 1;
	proc0cred = &cred0;
	fd0.fd_refcnt = 1;
	fd0.fd_cmask = CMASK;
	process0.ps_fd = &fd0;
	process0.ps_ucred = proc0cred;
	process0.ps_mainproc = &proc0;
	proc0.p_p = &process0;
	proc0.p_ucred = proc0cred;
	cpu_info_primary.ci_curproc = &proc0;
	time_second = time(nullptr);

	bufinit();
	vfsinit();
}
