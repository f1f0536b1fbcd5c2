/*
 * <sys/fcntl.h>: open(2)'s flags, OpenBSD's values, and their kernel
 * form.  The kernel keeps an open file's mode as FREAD | FWRITE | ...:
 * O_RDONLY is 0, so open adds one (FFLAGS) to make read and write
 * separate bits, and the descriptor calls subtract it again (OFLAGS).
 */
#ifndef _SYS_FCNTL_H_
#define _SYS_FCNTL_H_

#define O_RDONLY	0x0000		/* open for reading only */
#define O_WRONLY	0x0001		/* open for writing only */
#define O_RDWR		0x0002		/* open for reading and writing */
#define O_ACCMODE	0x0003		/* mask for above modes */
#define O_NONBLOCK	0x0004		/* no delay */
#define O_APPEND	0x0008		/* set append mode */
#define O_SHLOCK	0x0010		/* open with shared file lock */
#define O_EXLOCK	0x0020		/* open with exclusive file lock */
#define O_ASYNC		0x0040		/* signal pgrp when data ready */
#define O_FSYNC		0x0080		/* backwards compatibility */
#define O_NOFOLLOW	0x0100		/* if path is a symlink, don't follow */
#define O_SYNC		0x0080		/* synchronous writes */
#define O_CREAT		0x0200		/* create if nonexistent */
#define O_TRUNC		0x0400		/* truncate to zero length */
#define O_EXCL		0x0800		/* error if already exists */
#define O_NOCTTY	0x8000		/* don't assign controlling terminal */
#define O_CLOEXEC	0x10000		/* atomically set FD_CLOEXEC */
#define O_DIRECTORY	0x20000		/* fail if not a directory */

/* The kernel's form of the mode (struct file's f_flag). */
#define FREAD		0x0001
#define FWRITE		0x0002
#define FNONBLOCK	O_NONBLOCK
#define FAPPEND		O_APPEND
#define FFSYNC		O_FSYNC
#define FFLAGS(oflags)	((oflags) + 1)
#define OFLAGS(fflags)	((fflags) - 1)
#define FMASK		(FREAD | FWRITE | FAPPEND | FNONBLOCK | FFSYNC)

#endif /* !_SYS_FCNTL_H_ */
