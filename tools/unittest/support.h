/*
 * support.h: what the host unit tests put in place of the running kernel.
 *
 * The tests compile kernel sources and headers with the host's g++ and link
 * them into one ordinary program, hosttests, driven by GoogleTest.  A few
 * things a kernel source calls have no meaning there; support.cc provides
 * host versions of them.  The one that matters most is panic(9): in the
 * kernel it never returns, and here it throws kernel_panic instead, so a
 * test can check that a KASSERT fires (EXPECT_THROW) and then go on running
 * the other tests.
 *
 * Include this after <gtest/gtest.h> and before any kernel header: under
 * HOSTTEST, <sys/systm.h> renames the kernel's printf(9) family and panic
 * with macros, and host headers must be read before that.
 */
#ifndef _UNITTEST_SUPPORT_H_
#define _UNITTEST_SUPPORT_H_

#include <stdexcept>
#include <string>

/* Thrown by the host panic(); what() is the formatted panic message. */
struct kernel_panic : std::runtime_error {
	using std::runtime_error::runtime_error;
};

/*
 * A printer for the kernel functions that take one (extent_print1,
 * malloc_printit, pool_printit_all: int (*pr)(const char *, ...)): it
 * formats with the kernel's own vsnprintf and appends to captured, which
 * a test clears, lets the kernel print into, and searches.
 */
extern std::string captured;
int	capture_printf(const char *fmt, ...);

#endif /* !_UNITTEST_SUPPORT_H_ */
