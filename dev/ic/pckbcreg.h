/*
 * <dev/ic/pckbcreg.h>: the registers and commands of the Intel 8042 PC
 * keyboard controller and of the keyboard behind it.
 *
 * The 8042 is a small microcontroller between the CPU and the keyboard
 * (and, on PS/2 machines, the mouse).  It has two I/O ports: the data
 * port, through which scancodes and command answers come in and
 * arguments go out, and the status/command port, whose read side says
 * whether a byte waits (DIB) and whether the controller may take another
 * (IBF), and whose write side takes controller commands.  A byte written
 * to the data port without a preceding controller command goes on to the
 * keyboard itself (the KBC_* keyboard commands below).
 *
 * Names follow OpenBSD's sys/dev/ic/i8042reg.h and sys/dev/pckbc/pckbdreg.h.
 */
#ifndef _DEV_IC_PCKBCREG_H_
#define _DEV_IC_PCKBCREG_H_

#include <sys/types.h>

/* The controller's ports, as offsets from its base (0x60). */
constexpr int IO_KBD = 0x60;	/* the PC's one keyboard controller */
constexpr int KBDATAP = 0;	/* data port, read and write */
constexpr int KBSTATP = 4;	/* status port, read */
constexpr int KBCMDP = 4;	/* command port, write */
constexpr int KBC_NPORTS = 5;	/* 0x60 ... 0x64 */

/* Status register bits. */
constexpr u_int8_t KBS_DIB = 0x01;	/* a byte waits in the data port */
constexpr u_int8_t KBS_IBF = 0x02;	/* controller busy: do not write */
constexpr u_int8_t KBS_WARM = 0x04;	/* system flag: self-test passed */
constexpr u_int8_t KBS_OCMD = 0x08;	/* last write went to the cmd port */
constexpr u_int8_t KBS_NOSEC = 0x10;	/* keyboard not inhibited */
constexpr u_int8_t KBS_AUXDATA = 0x20;	/* the waiting byte is the mouse's */
constexpr u_int8_t KBS_TERR = 0x40;	/* timeout error */
constexpr u_int8_t KBS_PERR = 0x80;	/* parity error */

/* Controller commands (written to KBCMDP). */
constexpr u_int8_t KBC_RAMREAD = 0x20;	/* read the command byte */
constexpr u_int8_t KBC_RAMWRITE = 0x60;	/* write the command byte */
constexpr u_int8_t KBC_AUXDISABLE = 0xa7; /* disable the mouse port */
constexpr u_int8_t KBC_AUXENABLE = 0xa8; /* enable the mouse port */
constexpr u_int8_t KBC_SELFTEST = 0xaa;	/* controller self-test */
constexpr u_int8_t KBC_KBDTEST = 0xab;	/* keyboard interface test */
constexpr u_int8_t KBC_KBDDISABLE = 0xad; /* disable the keyboard port */
constexpr u_int8_t KBC_KBDENABLE = 0xae; /* enable the keyboard port */
constexpr u_int8_t KBC_KBDECHO = 0xd2;	/* next data byte comes back */

/* Answers to controller commands. */
constexpr u_int8_t KBC_SELFTEST_OK = 0x55;	/* to KBC_SELFTEST */
constexpr u_int8_t KBC_KBDTEST_OK = 0x00;	/* to KBC_KBDTEST */

/* The command byte (KBC_RAMREAD/KBC_RAMWRITE). */
constexpr u_int8_t KC8_KENABLE = 0x01;	/* interrupt on keyboard data */
constexpr u_int8_t KC8_MENABLE = 0x02;	/* interrupt on mouse data */
constexpr u_int8_t KC8_CPU = 0x04;	/* system flag */
constexpr u_int8_t KC8_IGNSEC = 0x08;	/* ignore the security lock */
constexpr u_int8_t KC8_KDISABLE = 0x10;	/* keyboard port off */
constexpr u_int8_t KC8_MDISABLE = 0x20;	/* mouse port off */
constexpr u_int8_t KC8_TRANS = 0x40;	/* translate to scancode set 1 */

/* Keyboard commands (written to KBDATAP) and the keyboard's answers. */
constexpr u_int8_t KBC_RESET = 0xff;	/* reset, then self-test */
constexpr u_int8_t KBC_ENABLE = 0xf4;	/* start scanning */
constexpr u_int8_t KBC_DISABLE = 0xf5;	/* stop scanning, set defaults */
constexpr u_int8_t KBC_ECHO = 0xee;	/* answers KBR_ECHO */
constexpr u_int8_t KBR_ACK = 0xfa;	/* command taken */
constexpr u_int8_t KBR_RESEND = 0xfe;	/* say it again */
constexpr u_int8_t KBR_ECHO = 0xee;	/* answer to KBC_ECHO */
constexpr u_int8_t KBR_RSTDONE = 0xaa;	/* reset self-test passed */
constexpr u_int8_t KBR_OVERRUN = 0xff;	/* keyboard buffer overflowed */

#endif /* !_DEV_IC_PCKBCREG_H_ */
