/*
 * lib/libc/gen/errno.cc: errno itself.  A plain global (no threads): the
 * system call stubs' error path, __cerror (lib/libc/sys/syscalls.asm),
 * stores into it by name, so it has C linkage.
 */
#include <errno.h>

extern "C" {
int errno;
}
