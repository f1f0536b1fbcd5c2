/*
 * <machine/intr.h>: interrupt priority levels (spl(9)) and soft
 * interrupts (softintr(9)).
 *
 * A level names the most important kind of interrupt that is held off
 * while code runs at it: code at IPL_VM may not be interrupted by devices
 * that allocate memory, IPL_HIGH blocks everything.  The values are
 * OpenBSD/i386's order, lowest first.  The CPU's current level is `cpl';
 * the spl functions move it, and arch/i386/i386/intr.cc explains how a
 * level becomes a mask in the interrupt controllers.
 *
 * The usual pattern protects data shared with an interrupt handler:
 *
 *	int s = splbio();	// disk interrupts held off from here...
 *	... touch the buffer queue ...
 *	splx(s);		// ...to here; back to where we were
 *
 * or, the same with a guard that cannot forget the splx:
 *
 *	splguard s(IPL_BIO);
 *
 * Levels nest: splraise never lowers, so an inner splbio inside an
 * splclock section changes nothing, and its splx puts back IPL_CLOCK.
 * Mirrors OpenBSD's arch/i386/include/intr.h and spl(9).
 */
#ifndef _MACHINE_INTR_H_
#define _MACHINE_INTR_H_

#include <sys/cdefs.h>

#define IPL_NONE	0	/* nothing blocked */
#define IPL_SOFTCLOCK	1	/* timeouts */
#define IPL_SOFTNET	2	/* network protocols */
#define IPL_BIO		3	/* block I/O */
#define IPL_NET		4	/* network interfaces */
#define IPL_TTY		5	/* terminals */
#define IPL_VM		6	/* memory allocation */
#define IPL_CLOCK	7	/* the clock */
#define IPL_HIGH	8	/* everything */
#define NIPL		9	/* number of levels */

/*
 * The current level.  [K] it only changes with the CPU's interrupts
 * disabled, and an interrupt handler puts back the value it found, so
 * code reading it sees its own level.  One CPU: OpenBSD's i386 kept a
 * global `cpl' too before it went multiprocessor (now ci_ilevel).
 */
extern volatile int cpl;

/* Soft interrupt handlers run so far, per level. [S] at that level. */
extern unsigned long softintr_count[NIPL];

__BEGIN_DECLS
int	splraise(int ipl);
int	spllower(int ipl);
void	splx(int s);
void	splassert_fail(int wantipl, int haveipl, const char *func);

void	*softintr_establish(int level, void (*fn)(void *), void *arg);
void	softintr_schedule(void *sih);
void	intr_printit(int (*pr)(const char *, ...));	/* vmstat -i */

/* For intr_dispatch (i8259.cc) only; see intr.cc. */
void	intr_spllower(int ncpl);
__END_DECLS

/* spl(9): raise to a named level, return the old one for splx(). */
static inline int splsoftclock(void)	{ return splraise(IPL_SOFTCLOCK); }
static inline int splsoftnet(void)	{ return splraise(IPL_SOFTNET); }
static inline int splbio(void)		{ return splraise(IPL_BIO); }
static inline int splnet(void)		{ return splraise(IPL_NET); }
static inline int spltty(void)		{ return splraise(IPL_TTY); }
static inline int splvm(void)		{ return splraise(IPL_VM); }
static inline int splclock(void)	{ return splraise(IPL_CLOCK); }
static inline int splstatclock(void)	{ return splraise(IPL_CLOCK); }
static inline int splhigh(void)		{ return splraise(IPL_HIGH); }
/* spl0: drop to IPL_NONE, running any soft interrupt that was held off. */
static inline int spl0(void)		{ return spllower(IPL_NONE); }

/*
 * splassert(9): "the caller must be at wantipl or above".  A macro so
 * that the message can name the function that broke the rule.
 */
#ifdef DIAGNOSTIC
#define splassert(wantipl) do {						\
	int haveipl_ = cpl;						\
	if (haveipl_ < (wantipl))					\
		splassert_fail((wantipl), haveipl_, __func__);		\
} while (0)
#else
#define splassert(wantipl)	do { } while (0)
#endif
#define splsoftassert(wantipl)	splassert(wantipl)

/*
 * splguard: splraise(ipl) for the rest of the scope.  The destructor
 * does the splx; release() gives that duty back to the caller (for a
 * hand-off to code that will splx later) and returns the level to go
 * back to.
 *
 *	splguard s(IPL_VM);
 *	if (error)
 *		return error;	// splx happens here, too
 */
struct splguard {
	int	sg_oldipl;	/* what splx() will restore */
	bool	sg_held;	/* false after release() */

	explicit
	splguard(int ipl) : sg_oldipl(splraise(ipl)), sg_held(true)
	{
	}

	~splguard()
	{
		if (sg_held)
			splx(sg_oldipl);
	}

	int
	release()
	{
		sg_held = false;
		return sg_oldipl;
	}

	splguard(const splguard &) = delete;
	splguard &operator=(const splguard &) = delete;
};

#endif /* !_MACHINE_INTR_H_ */
