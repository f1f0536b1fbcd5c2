/*
 * <sys/mman.h>: the constants of mmap(2) and its family, with OpenBSD's
 * values, shared by the kernel (uvm/uvm_mmap.cc) and the user C library.
 *
 * A mapping has a protection (PROT_*), a sharing mode (MAP_SHARED: writes
 * reach the file and every other mapping of it; MAP_PRIVATE: writes go
 * to private copies of the pages, copy-on-write), what happens to it
 * across fork(2) (minherit(2): MAP_INHERIT_*), and a hint of how it will
 * be used (madvise(2): MADV_*).  docs/2-memory.md, "The address space of
 * a process", explains what the kernel does with each.
 *
 * Plain C: this header is included by C programs, so nothing here may
 * need C++ outside #ifdef _KERNEL.
 */
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#include <sys/cdefs.h>
#include <sys/types.h>

/* Protections: any combination of these. */
#define PROT_NONE	0x00	/* no permissions */
#define PROT_READ	0x01	/* pages can be read */
#define PROT_WRITE	0x02	/* pages can be written */
#define PROT_EXEC	0x04	/* pages can be executed */

/* Sharing types: exactly one of these. */
#define MAP_SHARED	0x0001	/* share changes */
#define MAP_PRIVATE	0x0002	/* changes are private */
#define MAP_COPY	MAP_PRIVATE	/* obsolete spelling */

/* Other flags. */
#define MAP_FIXED	0x0010	/* the address must be exactly as given */
#define __MAP_NOREPLACE	0x0800	/* with MAP_FIXED: fail if in use */
#define MAP_ANON	0x1000	/* anonymous memory, not a file */
#define MAP_ANONYMOUS	MAP_ANON	/* POSIX's spelling */
#define __MAP_NOFAULT	0x2000	/* (not supported) */
#define MAP_STACK	0x4000	/* the mapping is a stack */
#define MAP_CONCEAL	0x8000	/* leave out of core dumps */
#define MAP_FILE	0	/* compatibility: a file (the default) */
#define MAP_HASSEMAPHORE 0	/* compatibility */
#define MAP_INHERIT	0	/* compatibility */
#define MAP_NOEXTEND	0	/* compatibility */
#define MAP_NORESERVE	0	/* compatibility */
#define MAP_RENAME	0	/* compatibility */
#define MAP_TRYFIXED	0	/* compatibility */
#define MAP_FLAGMASK	0xfff7	/* every flag the kernel knows */

/* What mmap(2) returns on failure. */
#define MAP_FAILED	((void *)-1)

/* minherit(2): what fork(2) does with a mapping. */
#define MAP_INHERIT_SHARE	0	/* the child shares it */
#define MAP_INHERIT_COPY	1	/* the child gets a copy (default) */
#define MAP_INHERIT_NONE	2	/* the child does not have it */
#define MAP_INHERIT_ZERO	3	/* the child gets zeroed memory */

/* madvise(2): how the mapping will be used. */
#define MADV_NORMAL	0	/* no further special treatment */
#define MADV_RANDOM	1	/* expect random page references */
#define MADV_SEQUENTIAL	2	/* expect sequential page references */
#define MADV_WILLNEED	3	/* will need these pages */
#define MADV_DONTNEED	4	/* do not need these pages */
#define MADV_SPACEAVAIL	5	/* ensure that resources are reserved */
#define MADV_FREE	6	/* the pages are garbage: may be freed */

/* POSIX spellings of the same. */
#define POSIX_MADV_NORMAL	MADV_NORMAL
#define POSIX_MADV_RANDOM	MADV_RANDOM
#define POSIX_MADV_SEQUENTIAL	MADV_SEQUENTIAL
#define POSIX_MADV_WILLNEED	MADV_WILLNEED
#define POSIX_MADV_DONTNEED	MADV_DONTNEED

/* msync(2) flags. */
#define MS_ASYNC	0x01	/* perform asynchronous writes */
#define MS_SYNC		0x02	/* perform synchronous writes */
#define MS_INVALIDATE	0x04	/* invalidate cached data */

/* mlockall(2) flags. */
#define MCL_CURRENT	0x01	/* lock all pages currently mapped */
#define MCL_FUTURE	0x02	/* lock all pages mapped in the future */

#ifndef _KERNEL
__BEGIN_DECLS
void	*mmap(void *, size_t, int, int, int, off_t);
int	munmap(void *, size_t);
int	mprotect(void *, size_t, int);
int	madvise(void *, size_t, int);
int	minherit(void *, size_t, int);
void	*mquery(void *, size_t, int, int, int, off_t);
int	msync(void *, size_t, int);
int	mlock(const void *, size_t);
int	munlock(const void *, size_t);
int	posix_madvise(void *, size_t, int);
__END_DECLS
#endif /* !_KERNEL */

#endif /* !_SYS_MMAN_H_ */
