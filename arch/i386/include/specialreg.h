/*
 * <machine/specialreg.h>: bits of the i386 control registers and the cpuid
 * feature words, with OpenBSD's names.  The *_BITS strings are for
 * printf's %b (see subr_prf.cc).
 */
#ifndef _MACHINE_SPECIALREG_H_
#define _MACHINE_SPECIALREG_H_

/* %cr0 */
#define CR0_PE	0x00000001	/* protected mode enable */
#define CR0_MP	0x00000002	/* monitor coprocessor */
#define CR0_EM	0x00000004	/* emulate coprocessor */
#define CR0_TS	0x00000008	/* task switched */
#define CR0_ET	0x00000010	/* extension type (387) */
#define CR0_NE	0x00000020	/* numeric error */
#define CR0_WP	0x00010000	/* write protect, also in supervisor mode */
#define CR0_AM	0x00040000	/* alignment mask */
#define CR0_NW	0x20000000	/* not write-through */
#define CR0_CD	0x40000000	/* cache disable */
#define CR0_PG	0x80000000	/* paging enable */

/* %cr4 */
#define CR4_VME	0x00000001	/* virtual 8086 mode extension */
#define CR4_PVI	0x00000002	/* protected-mode virtual interrupts */
#define CR4_TSD	0x00000004	/* time stamp disable */
#define CR4_DE	0x00000008	/* debugging extensions */
#define CR4_PSE	0x00000010	/* 4 MiB pages */
#define CR4_PAE	0x00000020	/* physical address extension */
#define CR4_MCE	0x00000040	/* machine check enable */
#define CR4_PGE	0x00000080	/* global pages */

/* cpuid leaf 1, %edx */
#define CPUID_FPU	0x00000001
#define CPUID_VME	0x00000002
#define CPUID_DE	0x00000004
#define CPUID_PSE	0x00000008
#define CPUID_TSC	0x00000010
#define CPUID_MSR	0x00000020
#define CPUID_PAE	0x00000040
#define CPUID_MCE	0x00000080
#define CPUID_CX8	0x00000100
#define CPUID_APIC	0x00000200
#define CPUID_SEP	0x00000800
#define CPUID_MTRR	0x00001000
#define CPUID_PGE	0x00002000
#define CPUID_MCA	0x00004000
#define CPUID_CMOV	0x00008000
#define CPUID_PAT	0x00010000
#define CPUID_PSE36	0x00020000
#define CPUID_CFLUSH	0x00080000
#define CPUID_MMX	0x00800000
#define CPUID_FXSR	0x01000000
#define CPUID_SSE	0x02000000
#define CPUID_SSE2	0x04000000
#define CPUID_HTT	0x10000000

/* The flag names as OpenBSD prints them on the cpu0 line. */
#define CPUID_EDX_BITS	"\20\1FPU\2VME\3DE\4PSE\5TSC\6MSR\7PAE\10MCE\11CX8" \
			"\12APIC\14SEP\15MTRR\16PGE\17MCA\20CMOV\21PAT\22PSE36" \
			"\24CFLUSH\30MMX\31FXSR\32SSE\33SSE2\35HTT"

/* cpuid leaf 1, %ecx */
#define CPUIDECX_SSE3	0x00000001
#define CPUIDECX_PCLMUL	0x00000002
#define CPUIDECX_SSSE3	0x00000200
#define CPUIDECX_CX16	0x00002000
#define CPUIDECX_SSE41	0x00080000
#define CPUIDECX_SSE42	0x00100000
#define CPUIDECX_POPCNT	0x00800000
#define CPUIDECX_HV	0x80000000	/* running under a hypervisor */

#define CPUID_ECX_BITS	"\20\1SSE3\2PCLMUL\12SSSE3\16CX16\24SSE4.1" \
			"\25SSE4.2\30POPCNT\40HV"

#endif /* !_MACHINE_SPECIALREG_H_ */
