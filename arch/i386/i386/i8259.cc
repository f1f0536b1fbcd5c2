/*
 * i8259.cc: the PC's two 8259A interrupt controllers and the dispatch of
 * device interrupts to their handlers.
 *
 * Sixteen IRQ lines reach the CPU through two cascaded 8259As: the
 * master takes lines 0-7, the slave 8-15 and reports to the master on line
 * 2.  At power-on the master raises vectors 8-15, which collide with CPU
 * exceptions, so isa_defaultirq() reprograms both to use vectors 32-47
 * (ICU_OFFSET) and masks every line.  After an interrupt, the controller
 * must be told "end of interrupt" (EOI) before it delivers that line again.
 *
 * Priorities are spl(9)'s (see intr.cc), kept in the controllers' mask
 * registers: a line's level, intrlevel[irq], is the highest level of its
 * handlers, and imask[ipl] holds the lines to mask at level ipl: each
 * line at every level from its own up, lines without a handler always,
 * and everything at IPL_HIGH.  isa_intr_establish() recomputes the table;
 * i8259_setlevel() writes a level's mask when cpl changes.
 *
 * The 8259A has a priority scheme of its own ("fully nested mode": line
 * 0 first, the slave's lines in place of line 2), which would stop a
 * low-numbered line from interrupting a handler on a higher-numbered one
 * until that handler's EOI.  It knows nothing of spl levels, so
 * intr_dispatch() sends the EOI before the handlers run, once the raised
 * mask keeps the line itself quiet, and leaves priority to the masks.
 *
 * Spurious interrupts: when a line drops before the CPU acknowledges it,
 * the 8259A still delivers a vector, for line 7 (master) or 15 (slave),
 * without setting the line's bit in its in-service register.  Those are
 * counted and not acknowledged to that controller.
 * Mirrors OpenBSD's arch/i386/isa/icu.s and isa_machdep.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/i8259.h>
#include <machine/segments.h>

/*
 * Locking legend: [K] changed with the CPU's interrupts disabled (the
 * handler lists and tables also only at startup).
 */
struct intrhand *intrhand[ICU_LEN];	/* [K] handlers per line */
u_long intrstray[ICU_LEN];		/* [K] interrupts no handler took */
u_long intrspurious[ICU_LEN];		/* [K] the 8259's phantom 7 and 15 */
int intrlevel[ICU_LEN];			/* [K] a line's level, IPL_NONE if
					   it has no handler */
u_int16_t imask[NIPL];			/* [K] lines off at each level, 1 =
					   masked; set by isa_defaultirq() */
static u_int16_t imen = 0xffff;		/* [K] what the controllers hold */

/* A fixed supply of handler records until malloc(9) exists. */
#define NINTRHAND	32
static struct intrhand intrhand_store[NINTRHAND];
static int intrhand_used;

/*
 * i8259_setmask: load mask into both controllers' mask registers.  Each
 * outb is slow (a bus cycle to the old ISA speed on real hardware), so a
 * controller whose half did not change is not written.
 * => CPU interrupts disabled.
 */
static void
i8259_setmask(u_int16_t mask)
{
	u_int16_t changed = mask ^ imen;

	imen = mask;
	if (changed & 0x00ff)
		outb(IO_ICU1 + 1, mask & 0xff);
	if (changed & 0xff00)
		outb(IO_ICU2 + 1, mask >> 8);
}

/*
 * i8259_setlevel: mask what level ipl must not see (for spl(9)).
 * => CPU interrupts disabled.
 */
void
i8259_setlevel(int ipl)
{
	i8259_setmask(imask[ipl]);
}

/*
 * intr_calculatemasks: recompute intrlevel[] and imask[] from the
 * handler lists.
 * => CPU interrupts disabled.
 */
static void
intr_calculatemasks(void)
{
	for (int irq = 0; irq < ICU_LEN; irq++) {
		int level = IPL_NONE;
		for (struct intrhand *ih = intrhand[irq]; ih != nullptr;
		    ih = ih->ih_next)
			if (ih->ih_level > level)
				level = ih->ih_level;
		intrlevel[irq] = level;
	}
	for (int ipl = IPL_NONE; ipl < IPL_HIGH; ipl++) {
		u_int16_t m = 0;
		for (int irq = 0; irq < ICU_LEN; irq++) {
			/* The cascade stays open: slave lines mask singly. */
			if (irq == IRQ_SLAVE)
				continue;
			if (intrhand[irq] == nullptr || intrlevel[irq] <= ipl)
				m |= 1 << irq;
		}
		imask[ipl] = m;
	}
	imask[IPL_HIGH] = 0xffff;
}

/*
 * isa_defaultirq: initialise both controllers: vectors from ICU_OFFSET,
 * the slave on line 2, all lines masked (the boot runs at IPL_HIGH).
 * => called from init386() with interrupts disabled.
 */
void
isa_defaultirq(void)
{
	/* ICW1: edge triggered, cascade, ICW4 follows. */
	outb(IO_ICU1, 0x11);
	outb(IO_ICU1 + 1, ICU_OFFSET);		/* ICW2: vector base */
	outb(IO_ICU1 + 1, 1 << IRQ_SLAVE);	/* ICW3: slave on line 2 */
	outb(IO_ICU1 + 1, 0x01);		/* ICW4: 8086 mode */

	outb(IO_ICU2, 0x11);
	outb(IO_ICU2 + 1, ICU_OFFSET + 8);
	outb(IO_ICU2 + 1, IRQ_SLAVE);		/* ICW3: our id */
	outb(IO_ICU2 + 1, 0x01);

	/* OCW3: make reads of the command port return the ISR. */
	outb(IO_ICU1, 0x0b);
	outb(IO_ICU2, 0x0b);

	outb(IO_ICU1 + 1, 0xff);
	outb(IO_ICU2 + 1, 0xff);
	imen = 0xffff;
	intr_calculatemasks();
	i8259_setlevel(cpl);
}

/*
 * isa_intr_establish: add a handler for IRQ line irq that runs at level
 * (IPL_BIO ... IPL_HIGH); the line opens below the highest level of its
 * handlers.  Returns the handler record, or null if none is left.
 * => process context (autoconf); may not sleep.
 */
void *
isa_intr_establish(int irq, int level, int (*fun)(void *), void *arg,
    const char *name)
{
	struct intrhand *ih, **p;

	if (irq < 0 || irq >= ICU_LEN || irq == IRQ_SLAVE)
		panic("isa_intr_establish: bogus irq %d", irq);
	if (level <= IPL_NONE || level > IPL_HIGH)
		panic("isa_intr_establish: bogus level %d", level);

	/* The line's handlers and masks must not change under a dispatch. */
	u_int ef = read_eflags();
	disable_intr();
	if (intrhand_used == NINTRHAND) {
		write_eflags(ef);
		return nullptr;
	}
	ih = &intrhand_store[intrhand_used++];
	ih->ih_fun = fun;
	ih->ih_arg = arg;
	ih->ih_level = level;
	ih->ih_irq = irq;
	ih->ih_name = name;
	ih->ih_count = 0;
	ih->ih_next = nullptr;
	/* Append: handlers are asked in the order they were added. */
	for (p = &intrhand[irq]; *p != nullptr; p = &(*p)->ih_next)
		continue;
	*p = ih;

	intr_calculatemasks();
	i8259_setlevel(cpl);
	write_eflags(ef);
	return ih;
}

/* Did the controller really raise irq (is it in service)? */
static bool
i8259_inservice(int irq)
{
	if (irq < 8)
		return inb(IO_ICU1) & (1 << irq);
	return inb(IO_ICU2) & (1 << (irq - 8));
}

/*
 * i8259_eoi: a specific EOI for irq ("line irq is done"), to the slave
 * and for its cascade line to the master, or to the master alone.
 */
static void
i8259_eoi(int irq)
{
	if (irq >= 8) {
		outb(IO_ICU2, 0x60 | (irq - 8));
		irq = IRQ_SLAVE;
	}
	outb(IO_ICU1, 0x60 | irq);
}

/*
 * intr_dispatch: called by vector.asm's Xintr_legacyN stubs for IRQ
 * tf_trapno - ICU_OFFSET, with interrupts disabled (interrupt gate).
 * Runs every handler on the line at the line's level with interrupts
 * enabled, so that lines of higher levels may nest, then puts back the
 * interrupted level, running soft interrupts that are now due.
 * => returns with interrupts disabled; the iret restores the flag.
 */
extern "C" void
intr_dispatch(struct trapframe *frame)
{
	int irq = frame->tf_trapno - ICU_OFFSET;

	/*
	 * An 8259 that sees a request vanish before the CPU acknowledges
	 * it delivers its lowest-priority line (7, or 15 on the slave) with
	 * no bit in service.  That is the chip's, not a device's: count it
	 * apart from the strays, send no EOI for it, and go back.
	 */
	if ((irq == 7 || irq == 15) && !i8259_inservice(irq)) {
		intrspurious[irq]++;
		/* A spurious 15 was real for the master (line 2). */
		if (irq == 15)
			outb(IO_ICU1, 0x60 | IRQ_SLAVE);
		return;
	}

	/*
	 * The mask of the interrupted level let this line through, so that
	 * level is below the line's.  Raising to the line's level masks
	 * the line itself (and everything at or below it); only then may
	 * the EOI go out and interrupts come back on.
	 */
	KASSERT(cpl < intrlevel[irq]);
	int s = splraise(intrlevel[irq]);
	i8259_eoi(irq);
	enable_intr();

	bool claimed = false;
	for (struct intrhand *ih = intrhand[irq]; ih != nullptr;
	    ih = ih->ih_next) {
		void *arg = ih->ih_arg != nullptr ? ih->ih_arg : frame;
		if ((*ih->ih_fun)(arg)) {
			ih->ih_count++;
			claimed = true;
		}
	}

	disable_intr();
	if (!claimed)
		intrstray[irq]++;
	intr_spllower(s);
}

/*
 * stray_intr: a vector no device and no exception uses was raised (a
 * buggy "int $n", or a misprogrammed controller).  Say so, a few times.
 */
extern "C" void
stray_intr(struct trapframe *frame)
{
	static int nstray;

	if (nstray++ < 10)
		printf("stray interrupt vector %d at eip 0x%x\n",
		    frame->tf_trapno, frame->tf_eip);
}

/*
 * intr_printit: the interrupt counters, as vmstat -i prints them: each
 * handler with its line, its count and its average rate, the strays per
 * line, and the soft interrupts.
 */
void
intr_printit(int (*pr)(const char *, ...))
{
	u_long total = 0;
	int secs = ticks / hz;

	(*pr)("%-24s %12s %8s\n", "interrupt", "total", "rate");
	for (int irq = 0; irq < ICU_LEN; irq++) {
		for (struct intrhand *ih = intrhand[irq]; ih != nullptr;
		    ih = ih->ih_next) {
			char name[32];
			snprintf(name, sizeof(name), "irq%d/%s", irq,
			    ih->ih_name);
			(*pr)("%-24s %12lu %8lu\n", name, ih->ih_count,
			    secs > 0 ? ih->ih_count / secs : 0UL);
			total += ih->ih_count;
		}
		if (intrstray[irq] != 0)
			(*pr)("irq%-21d %12lu %8s\n", irq, intrstray[irq],
			    "stray");
		if (intrspurious[irq] != 0)
			(*pr)("irq%-21d %12lu %8s\n", irq, intrspurious[irq],
			    "spurious");
	}
	for (int ipl = 0; ipl < NIPL; ipl++)
		if (softintr_count[ipl] != 0)
			(*pr)("soft/ipl%-16d %12lu %8lu\n", ipl,
			    softintr_count[ipl], secs > 0 ?
			    softintr_count[ipl] / secs : 0UL);
	(*pr)("%-24s %12lu %8lu\n", "Total", total,
	    secs > 0 ? total / secs : 0UL);
}
