/*
 * identcpu.cc: find out which processor this is, with cpuid, and print
 * OpenBSD's two cpu0 lines:
 *
 *   cpu0: QEMU Virtual CPU version 2.5+ ("GenuineIntel" 686-class) 2394.55 MHz, 06-06-03
 *   cpu0: FPU,DE,PSE,TSC,MSR,PAE,MCE,CX8,APIC,SEP,MTRR,PGE,MCA,CMOV,...
 *
 * cpuid leaf 0 gives the vendor, leaf 1 the family/model/stepping
 * signature and the feature flags, leaves 0x80000002-4 the brand string.
 * Mirrors OpenBSD's arch/i386/i386/machdep.c identifycpu().
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/segments.h>
#include <machine/specialreg.h>

struct cpu_info cpu_info_primary;

u_int64_t calibrate_cyclecounter(void);

/* Print the names of the set bits of a %b description, comma-separated. */
static void
print_flag_names(const char *prefix, u_int32_t flags, const char *bits)
{
	char buf[256];
	char *names;

	snprintf(buf, sizeof(buf), "%b", flags, bits);
	names = buf;
	while (*names != '\0' && *names != '<')
		names++;
	if (*names == '\0')
		return;
	names++;
	names[strlen(names) - 1] = '\0';	/* the closing '>' */
	printf("%s%s", prefix, names);
}

void
identifycpu(struct cpu_info *ci)
{
	u_int32_t r[4], maxext;
	const char *brand;

	cpuid(0, r);
	memcpy(ci->ci_vendor, &r[1], 4);	/* ebx, edx, ecx */
	memcpy(ci->ci_vendor + 4, &r[3], 4);
	memcpy(ci->ci_vendor + 8, &r[2], 4);
	ci->ci_vendor[12] = '\0';

	cpuid(1, r);
	ci->ci_signature = r[0];
	ci->ci_feature_ecx = r[2];
	ci->ci_feature_flags = r[3];

	cpuid(0x80000000, r);
	maxext = r[0];
	if (maxext >= 0x80000004) {
		for (u_int32_t i = 0; i < 3; i++) {
			cpuid(0x80000002 + i, r);
			memcpy(ci->ci_brand + 16 * i, r, 16);
		}
		ci->ci_brand[48] = '\0';
	}
	brand = ci->ci_brand;
	while (*brand == ' ')
		brand++;

	u_int family = (ci->ci_signature >> 8) & 0xf;
	u_int model = (ci->ci_signature >> 4) & 0xf;
	u_int step = ci->ci_signature & 0xf;
	if (family == 0xf)
		family += (ci->ci_signature >> 20) & 0xff;
	if (family >= 6)
		model |= ((ci->ci_signature >> 16) & 0xf) << 4;

	if (ci->ci_feature_flags & CPUID_TSC)
		ci->ci_tsc_freq = calibrate_cyclecounter();
	u_int64_t khz = ci->ci_tsc_freq / 1000;

	printf("cpu0: %s (\"%s\" %s-class) %llu.%02llu MHz, %02x-%02x-%02x\n",
	    *brand != '\0' ? brand : "unknown CPU", ci->ci_vendor,
	    family >= 6 ? "686" : family == 5 ? "586" : "486",
	    (unsigned long long)(khz / 1000),
	    (unsigned long long)(khz % 1000 / 10), family, model, step);
	print_flag_names("cpu0: ", ci->ci_feature_flags, CPUID_EDX_BITS);
	print_flag_names(",", ci->ci_feature_ecx, CPUID_ECX_BITS);
	printf("\n");

	ci->ci_cslimit = cslimit_probe();
	if (!ci->ci_cslimit)
		printf("cpu0: code segment limit not enforced (an emulator?): "
		    "user stacks and heaps are executable\n");
}

/*
 * Does this CPU stop a program at the end of its code segment?
 *
 * Without PAE the i386's page tables cannot forbid execution, so W^X for
 * user memory rests on the code segment's limit (pmap_load_codeseg in
 * pmap.cc).  Real CPUs and Bochs enforce it; QEMU's TCG does not check
 * it when instructions run on past the limit.  The probe finds out: a
 * far call into a two-byte segment (GTRAMP_SEL, unused otherwise) whose
 * code continues past its end.  An enforcing CPU raises a general
 * protection fault at the third byte; trap() sees cslimit_probing and
 * resumes at cslimit_probe_fault in the kernel's own segment, which
 * returns 1.  A CPU that runs on returns 0 from cslimit_probe_code.
 */
volatile bool cslimit_probing;			/* [I] trap.cc looks */

asm(
"	.text\n"
"	.globl	cslimit_probe_code, cslimit_probe_fault\n"
"cslimit_probe_code:\n"
"	xorl	%eax, %eax\n"		/* 2 bytes: inside the segment */
"	nop\n"				/* past its limit */
"	lret\n"
"cslimit_probe_fault:\n"
"	movl	$1, %eax\n"
"	lret\n");
extern "C" void cslimit_probe_code(void);

bool
cslimit_probe(void)
{
	struct { u_int32_t off; u_int16_t sel; } __attribute__((packed))
	    target = { 0, GSEL(GTRAMP_SEL, SEL_KPL) };
	int r;

	/* Base: the probe's code; limit 1: its first two bytes. */
	setsegment(&gdt[GTRAMP_SEL].sd, (const void *)cslimit_probe_code, 1,
	    SDT_MEMERA, SEL_KPL, 1, 0);
	cslimit_probing = true;
	__asm volatile("lcall *%1" : "=a"(r) : "m"(target) : "memory");
	cslimit_probing = false;
	memset(&gdt[GTRAMP_SEL], 0, sizeof(gdt[GTRAMP_SEL]));
	return r != 0;
}
