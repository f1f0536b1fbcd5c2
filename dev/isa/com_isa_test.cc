/*
 * com_isa_test.cc: com(4) receives by interrupt.  The test machine has a
 * second UART (com1, QEMU "-serial null"); in loopback mode whatever it
 * sends it receives, so each byte written must arrive in com1's ring
 * through comintr, and the IRQ 3 handler's counter must move.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <sys/ktest.h>
#include <sys/proc.h>
#include <dev/ic/comvar.h>
#include <machine/i8259.h>

/* Interrupts the handlers on line irq have claimed so far. */
static u_long
irq_count(int irq)
{
	u_long n = 0;

	for (struct intrhand *ih = intrhand[irq]; ih != nullptr;
	    ih = ih->ih_next)
		n += ih->ih_count;
	return n;
}

static int
test_com_rx_interrupt(void)
{
	struct device *com1 = nullptr;
	static int chan;

	for (struct device *dv : alldevs)
		if (strcmp(dv->dv_xname, "com1") == 0)
			com1 = dv;
	if (com1 == nullptr)
		return ktest_fail("no com1 (the test machine has two UARTs)");
	u_long before = irq_count(3);

	const char msg[] = "loopback!";
	com_loopback(com1, true);
	for (const char *p = msg; *p != '\0'; p++)
		com_putc(com1, *p);
	(void)tsleep(&chan, PWAIT, "comtest", 2);	/* let IRQ 3 come */
	char got[sizeof(msg)] = {};
	for (size_t i = 0; i < sizeof(msg) - 1; i++) {
		int c = comgetc(com1);
		if (c < 0)
			break;
		got[i] = (char)c;
	}
	com_loopback(com1, false);

	u_long after = irq_count(3);
	if (strcmp(got, msg) != 0)
		return ktest_fail("received \"%s\", sent \"%s\"", got, msg);
	if (after == before)
		return ktest_fail("no interrupt on irq 3: polled, not received");
	return 0;
}
KTEST_DEFINE(com_rx_interrupt, test_com_rx_interrupt, 0);
