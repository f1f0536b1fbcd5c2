/*
 * strerror.cc: the message for an errno value, for boot(8)'s complaints
 * ("open hd0a:/bsd: No such file or directory").  Only the errors libsa
 * and boot(8) can produce are spelled out.
 */
#include "stand.h"

static const struct {
	int		e;
	const char	*msg;
} errlist[] = {
	{ ENOENT, "No such file or directory" },
	{ EIO, "Input/output error" },
	{ ENXIO, "Device not configured" },
	{ ENOEXEC, "Exec format error" },
	{ EBADF, "Bad file descriptor" },
	{ ENOMEM, "Cannot allocate memory" },
	{ ENOTDIR, "Not a directory" },
	{ EISDIR, "Is a directory" },
	{ EINVAL, "Invalid argument" },
	{ EMFILE, "Too many open files" },
	{ EFBIG, "File too large" },
	{ EROFS, "Read-only file system" },
	{ ELOOP, "Too many levels of symbolic links" },
	{ ENAMETOOLONG, "File name too long" },
	{ EFTYPE, "Inappropriate file type or format" },
};

/* strerror: a message for error; "Unknown error" for any other. */
const char *
strerror(int error)
{
	for (const auto &e : errlist)
		if (e.e == error)
			return e.msg;
	return "Unknown error";
}
