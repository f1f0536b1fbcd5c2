/*
 * i8259.cc: the PC's two 8259A interrupt controllers and the dispatch of
 * device interrupts to their handlers.
 *
 * Sixteen IRQ lines reach the CPU through two cascaded 8259As: the
 * master takes lines 0-7, the slave 8-15 and reports to the master on line
 * 2.  At power-on the master raises vectors 8-15, which collide with CPU
 * exceptions, so isa_defaultirq() reprograms both to use vectors 32-47
 * (ICU_OFFSET) and masks every line; isa_intr_establish() unmasks a line
 * when a handler is added.  After a handler ran, the controller must be
 * told "end of interrupt" (EOI) before it delivers that line again.
 *
 * Spurious interrupts: when a line drops before the CPU acknowledges it,
 * the 8259A still delivers a vector, for line 7 (master) or 15 (slave),
 * without setting the line's bit in its in-service register.  Those are
 * counted and not acknowledged to that controller.
 * Mirrors OpenBSD's arch/i386/isa/icu.s and isa_machdep.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/i8259.h>
#include <machine/segments.h>

struct intrhand *intrhand[ICU_LEN];	/* [K] handlers per line */
u_long intrstray[ICU_LEN];		/* [K] spurious interrupts */
static u_int16_t imen = 0xffff;		/* [K] masked lines, 1 = off */

/* A fixed supply of handler records until malloc(9) exists. */
#define NINTRHAND	32
static struct intrhand intrhand_store[NINTRHAND];
static int intrhand_used;

/* Write the mask to both controllers. */
static void
i8259_setmask(void)
{
	outb(IO_ICU1 + 1, imen & 0xff);
	outb(IO_ICU2 + 1, imen >> 8);
}

/*
 * isa_defaultirq: initialise both controllers: vectors from ICU_OFFSET,
 * the slave on line 2, all lines masked but the cascade.
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

	imen = 0xffff & ~(1 << IRQ_SLAVE);
	i8259_setmask();
}

/*
 * isa_intr_establish: add a handler for IRQ line irq and unmask the line.
 * Returns the handler record, or null if none is left.
 * => called at startup with interrupts disabled (no locking yet).
 */
void *
isa_intr_establish(int irq, int level, int (*fun)(void *), void *arg,
    const char *name)
{
	struct intrhand *ih, **p;

	if (irq < 0 || irq >= ICU_LEN || irq == IRQ_SLAVE)
		panic("isa_intr_establish: bogus irq %d", irq);
	if (intrhand_used == NINTRHAND)
		return nullptr;
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

	imen &= ~(1 << irq);
	i8259_setmask();
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
 * intr_dispatch: called by vector.asm's Xintr_legacyN stubs for IRQ
 * tf_trapno - ICU_OFFSET, with interrupts disabled (interrupt gate).
 * Runs every handler on the line, then acknowledges the controller(s).
 */
extern "C" void
intr_dispatch(struct trapframe *frame)
{
	int irq = frame->tf_trapno - ICU_OFFSET;

	if ((irq == 7 || irq == 15) && !i8259_inservice(irq)) {
		intrstray[irq]++;
		/* A spurious 15 was real for the master (line 2). */
		if (irq == 15)
			outb(IO_ICU1, 0x20);
		return;
	}

	bool claimed = false;
	for (struct intrhand *ih = intrhand[irq]; ih != nullptr;
	    ih = ih->ih_next) {
		void *arg = ih->ih_arg != nullptr ? ih->ih_arg : frame;
		if ((*ih->ih_fun)(arg)) {
			ih->ih_count++;
			claimed = true;
		}
	}
	if (!claimed)
		intrstray[irq]++;

	/* Non-specific EOI: to the slave too if the line is its. */
	if (irq >= 8)
		outb(IO_ICU2, 0x20);
	outb(IO_ICU1, 0x20);
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
