/*
 * support.cc: host stand-ins for the parts of the kernel that the unit
 * tests do not compile; see support.h.
 *
 * panic(9) lives here, and a printer that captures what kernel code
 * prints (capture_printf).  Under HOSTTEST <sys/systm.h> turns the
 * name into kern_panic (libc has no panic, but the kernel's printf family
 * does collide with libc's, and the renaming is done for all of them alike),
 * so what is defined below is the function every KASSERT calls.
 */
#include <cstdarg>
#include <cstdio>
#include <string>

#include "support.h"

/*
 * Format with the host's vsnprintf.  This has to come before <sys/systm.h>,
 * which renames vsnprintf to the kernel's own under HOSTTEST.
 */
static std::string
host_vformat(const char *fmt, va_list ap)
{
	char buf[1024];

	std::vsnprintf(buf, sizeof(buf), fmt, ap);
	return buf;
}

#include <sys/systm.h>

/*
 * panic(9) for the host: instead of stopping the machine, throw the message,
 * so that a test expecting a KASSERT to fire catches kernel_panic, and a test
 * that trips one by mistake fails with the message rather than killing the
 * whole run.  Declared [[noreturn]]; leaving by an exception keeps that
 * promise.
 */
void
panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	std::string msg = "panic: " + host_vformat(fmt, ap);
	va_end(ap);
	throw kernel_panic(msg);
}

std::string captured;

int
capture_printf(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);	/* the kernel's */
	va_end(ap);
	captured += buf;
	return n;
}
