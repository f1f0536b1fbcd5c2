/*
 * <machine/psl.h>: bits of the i386 EFLAGS register (OpenBSD calls it the
 * processor status longword, after the VAX).  Printed with printf's %b using
 * PSL_BITS in trap reports.
 */
#ifndef _MACHINE_PSL_H_
#define _MACHINE_PSL_H_

#define PSL_C		0x00000001	/* carry flag */
#define PSL_PF		0x00000004	/* parity flag */
#define PSL_AF		0x00000010	/* auxiliary carry flag */
#define PSL_Z		0x00000040	/* zero flag */
#define PSL_N		0x00000080	/* sign flag */
#define PSL_T		0x00000100	/* trap flag (single step) */
#define PSL_I		0x00000200	/* interrupt enable flag */
#define PSL_D		0x00000400	/* string instruction direction */
#define PSL_V		0x00000800	/* overflow flag */
#define PSL_IOPL	0x00003000	/* i/o privilege level */
#define PSL_NT		0x00004000	/* nested task */
#define PSL_RF		0x00010000	/* resume flag */
#define PSL_VM		0x00020000	/* virtual 8086 mode */
#define PSL_AC		0x00040000	/* alignment check */
#define PSL_ID		0x00200000	/* identification (cpuid works) */

#define PSL_MBO		0x00000002	/* must be one bits */
#define PSL_USERSET	(PSL_MBO | PSL_I)	/* initial user EFLAGS */

/* For printf("%b", eflags, PSL_BITS). */
#define PSL_BITS	"\20\1C\3P\5A\7Z\10N\11T\12I\13D\14V\17NT\21RF\22VM" \
			"\23AC\26ID"

#endif /* !_MACHINE_PSL_H_ */
