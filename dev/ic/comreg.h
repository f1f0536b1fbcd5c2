/*
 * <dev/ic/comreg.h>: the registers of the National Semiconductor 16450 /
 * 16550 UART, the PC's serial port, with OpenBSD's names.  Offsets are
 * from the port's I/O base (0x3f8 for COM1).
 */
#ifndef _DEV_IC_COMREG_H_
#define _DEV_IC_COMREG_H_

#define COM_FREQ	1843200		/* the UART's input clock, Hz */

#define com_data	0	/* data register (R/W) */
#define com_dlbl	0	/* divisor latch low (W, with LCR_DLAB) */
#define com_dlbh	1	/* divisor latch high (W, with LCR_DLAB) */
#define com_ier		1	/* interrupt enable (W) */
#define com_iir		2	/* interrupt identification (R) */
#define com_fifo	2	/* FIFO control (W) */
#define com_lctl	3	/* line control */
#define com_mcr		4	/* modem control */
#define com_lsr		5	/* line status (R) */
#define com_msr		6	/* modem status (R) */
#define com_scratch	7	/* scratch register (R/W) */

#define LCR_DLAB	0x80	/* divisor latch access enable */
#define LCR_8BITS	0x03	/* 8 data bits, 1 stop bit, no parity */

#define MCR_DTR		0x01
#define MCR_RTS		0x02
#define MCR_IENABLE	0x08	/* out2: lets the UART's IRQ reach the PIC */
#define MCR_LOOPBACK	0x10	/* transmitter wired to the receiver */

#define IER_ERXRDY	0x01	/* interrupt when a byte is received */
#define IER_ERLS	0x04	/* ... on a line status error */

#define LSR_RXRDY	0x01	/* a byte has been received */
#define LSR_TXRDY	0x20	/* the transmit holding register is empty */

#define FIFO_ENABLE	0x01
#define FIFO_RCV_RST	0x02
#define FIFO_XMT_RST	0x04
#define FIFO_TRIGGER_1	0x00

/* The divisor for a baud rate. */
#define comspeed(rate)	(COM_FREQ / (16 * (rate)))

#endif /* !_DEV_IC_COMREG_H_ */
