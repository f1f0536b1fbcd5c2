/*
 * <machine/i8259.h>: the two Intel 8259A programmable interrupt
 * controllers of the PC ("ICU" in OpenBSD), the interrupt handler
 * list and the per-level masks that spl(9) writes to the controllers.
 * See arch/i386/i386/i8259.cc and intr.cc.
 */
#ifndef _MACHINE_I8259_H_
#define _MACHINE_I8259_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <machine/intr.h>

#define IO_ICU1		0x20	/* master 8259A */
#define IO_ICU2		0xa0	/* slave 8259A, cascaded on IRQ 2 */
#define ICU_LEN		16	/* IRQ lines */
#define IRQ_SLAVE	2	/* where the slave is attached */


struct trapframe;

/*
 * One handler on an IRQ line.  Several may share a line; each is asked in
 * turn and returns 1 if the interrupt was its device's, 0 if not.  As in
 * OpenBSD, a handler registered with a null argument gets the trap frame
 * instead (the clock needs it to tell user from kernel time).
 */
struct intrhand {
	int		(*ih_fun)(void *);
	void		*ih_arg;
	int		ih_level;	/* IPL_* */
	int		ih_irq;
	const char	*ih_name;	/* "clock", "com0", ... */
	u_long		ih_count;	/* interrupts handled */
	struct intrhand	*ih_next;	/* next handler on this line */
};

extern struct intrhand *intrhand[ICU_LEN];
extern u_long intrstray[ICU_LEN];	/* unclaimed interrupts per line */
extern u_long intrspurious[ICU_LEN];	/* the 8259's phantom 7 and 15 */
extern int intrlevel[ICU_LEN];		/* each line's level (IPL_*) */
extern u_int16_t imask[NIPL];		/* lines masked at each level */

__BEGIN_DECLS
void	isa_defaultirq(void);
void	i8259_setlevel(int ipl);
void	*isa_intr_establish(int irq, int level, int (*fun)(void *),
	    void *arg, const char *name);
__END_DECLS

#endif /* !_MACHINE_I8259_H_ */
