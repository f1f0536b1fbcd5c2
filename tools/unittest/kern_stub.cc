/*
 * kern_stub.cc: the kernel's clock and interrupt-priority globals, as a
 * single-threaded host test needs them (biotests, ext2tests).
 *
 * There are no interrupts on the host: spl(9) is a plain variable,
 * cpl, so that the code's splassert()s still check that each list is
 * touched at the right level, and ticks moves only when a test moves
 * it.
 */
#include "support.h"

#include <sys/param.h>
#include <sys/systm.h>
#include <machine/cpu.h>
#include <machine/intr.h>

volatile int ticks;
int hz = 100;
volatile int cpl;
struct cpu_info cpu_info_primary;

int
splraise(int ipl)
{
	int old = cpl;

	if (ipl > cpl)
		cpl = ipl;
	return old;
}

int
spllower(int ipl)
{
	int old = cpl;

	cpl = ipl;
	return old;
}

void
splx(int s)
{
	cpl = s;
}
