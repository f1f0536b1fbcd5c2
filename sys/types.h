/*
 * <sys/types.h>: the basic kernel types, with OpenBSD's names.
 *
 * Fixed-width integers come from the freestanding <cstdint>; the BSD spellings
 * (u_int, u_int32_t, ...) are kept because OpenBSD's sources and manual pages
 * use them and students read ours next to those.
 *
 * User programs see this header too (libc's <sys/types.h> is this one), in
 * C or C++: a C program takes the fixed-width types from <stddef.h> and
 * <stdint.h>, which libc provides for the freestanding user build.
 */
#ifndef _SYS_TYPES_H_
#define _SYS_TYPES_H_

#ifdef __cplusplus
#include <cstddef>
#include <cstdint>
#else
#include <stddef.h>
#include <stdint.h>
#endif
#include <machine/types.h>

typedef unsigned char	u_char;
typedef unsigned short	u_short;
typedef unsigned int	u_int;
typedef unsigned long	u_long;

typedef uint8_t		u_int8_t;
typedef uint16_t	u_int16_t;
typedef uint32_t	u_int32_t;
typedef uint64_t	u_int64_t;

typedef long		ssize_t;
typedef int64_t		off_t;
typedef int64_t		time_t;
typedef int32_t		pid_t;
typedef int32_t		dev_t;
typedef char		*caddr_t;
typedef int64_t		voff_t;		/* an offset into a uvm_object */
typedef uint64_t	u_quad_t;
typedef int64_t		quad_t;

/* Files and their owners, OpenBSD's sizes (<sys/_types.h>). */
typedef uint32_t	mode_t;		/* permissions and file type */
typedef uint32_t	uid_t;		/* user id */
typedef uint32_t	gid_t;		/* group id */
typedef uint64_t	ino_t;		/* inode number */
typedef uint32_t	nlink_t;	/* link count */
typedef int64_t		blkcnt_t;	/* blocks of a file */
typedef int32_t		blksize_t;	/* a file's block size */

#endif /* !_SYS_TYPES_H_ */
