/*
 * machdep.cc: init386() and the machine-dependent part of startup.
 *
 * locore.asm runs init386() on proc0's stack with paging on and the
 * bootstrap page tables mapping the first 16 MiB at KERNBASE.  init386()
 * makes the machine a place C++ can work in, in the order OpenBSD's
 * i386 init386() does:
 *   1. check locore's constants against the headers, run global
 *      constructors;
 *   2. read the bootarg list (getbootinfo) and attach the console, so
 *      that everything after can print;
 *   3. load our own GDT (the loader's one may be anywhere), the TSS, and
 *      the IDT with every vector's entry stub from vector.asm;
 *   4. program the i8259 interrupt controllers (all lines masked);
 *   5. turn the BIOS memory map into the list of physical memory the VM
 *      system will manage: real memory (physmem) and, with the kernel
 *      image and low page cut out, the available memory;
 *   6. start the pmap (pmap_bootstrap) and hand the available memory to
 *      UVM (uvm_page_physload), low 16 MiB on a free list of its own.
 * main() (kern/init_main.cc) then takes over; cpu_startup() below prints
 * the version and memory lines.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/sysctl.h>
#include <sys/msgbuf.h>
#include <sys/reboot.h>
#include <dev/cons.h>
#include <dev/ic/comvar.h>
#include <dev/ic/vgavar.h>
#include <dev/pckbc/pckbdvar.h>
#include <machine/biosvar.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/i8259.h>
#include <machine/pte.h>
#include <machine/segments.h>
#include <machine/specialreg.h>
#include <machine/tss.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>

extern "C" {
/* From locore.asm. */
extern int boothowto, bootdev, bootapiver, bootargc;
extern void *bootargv;
extern char proc0stack[];
extern char locore_KERNBASE[], locore_PDSLOT_PTE[], locore_USPACE[];
extern pd_entry_t boot_pdir[];
/* From vector.asm: the entry stub of each IDT vector. */
extern void (*const idt_vectors[NIDT])();
/* From the linker script. */
extern char kernel_start_pa[], end[];
extern void (*__init_array_start[])(void), (*__init_array_end[])(void);
}
extern const char *multiboot_trouble;

union descriptor_slot gdt[NGDT_TOTAL];	/* [I] after init386 */
struct gate_descriptor idt[NIDT];	/* [I] after init386 */
static struct i386tss proc0_tss;	/* the one TSS */

struct bootinfo bootinfo;		/* [I] what the loader told us */
struct mem_cluster mem_clusters[VM_PHYSSEG_MAX]; /* [I] usable RAM */
int mem_cluster_cnt;
struct mem_cluster avail_clusters[VM_PHYSSEG_MAX]; /* [I] RAM for UVM */
int avail_cluster_cnt;
psize_t physmem;			/* [I] pages of real memory */
psize_t availmem;			/* [I] pages in avail_clusters */

static char msgbuf_storage[MSGBUFSIZE + sizeof(struct msgbuf)]
    __attribute__((__aligned__(8)));

/*
 * The TSC when the kernel's C++ code started: make bench's boot_to_shell
 * figure counts from here (sbin/ubench.c reads it as machdep.boottsc).
 */
u_int64_t tsc_boot;

/*
 * cpu_sysctl: the machdep.* names: the CPU's vendor, cpuid signature and
 * feature bits, the TSC frequency (OpenBSD's numbers), and our
 * machdep.boottsc (above) and machdep.cslimit (identcpu.cc's probe: 1 if
 * the CPU enforces the code segment limit, on which W^X rests).
 */
int
cpu_sysctl(int *name, u_int namelen, void *oldp, size_t *oldlenp,
    void *newp, size_t newlen, struct proc *p)
{
	struct cpu_info *ci = curcpu();

	if (namelen != 1)
		return ENOTDIR;
	switch (name[0]) {
	case CPU_CPUVENDOR:
		return sysctl_rdstring(oldp, oldlenp, newp, ci->ci_vendor);
	case CPU_CPUID:
		return sysctl_rdint(oldp, oldlenp, newp, ci->ci_signature);
	case CPU_CPUFEATURE:
		return sysctl_rdint(oldp, oldlenp, newp, ci->ci_feature_flags);
	case CPU_TSCFREQ:
		return sysctl_rdquad(oldp, oldlenp, newp, ci->ci_tsc_freq);
	case CPU_BOOTTSC:
		return sysctl_rdquad(oldp, oldlenp, newp, tsc_boot);
	case CPU_CSLIMIT:
		return sysctl_rdint(oldp, oldlenp, newp, ci->ci_cslimit);
	default:
		return EOPNOTSUPP;
	}
}

/* setsegment: fill a memory or system segment descriptor. */
void
setsegment(struct segment_descriptor *sd, const void *base, size_t limit,
    int type, int dpl, int def32, int gran)
{
	sd->sd_lolimit = (int)limit;
	sd->sd_lobase = (int)(uintptr_t)base;
	sd->sd_type = type;
	sd->sd_dpl = dpl;
	sd->sd_p = 1;
	sd->sd_hilimit = (int)limit >> 16;
	sd->sd_xx = 0;
	sd->sd_def32 = def32;
	sd->sd_gran = gran;
	sd->sd_hibase = (int)(uintptr_t)base >> 24;
}

/* setgate: point an IDT entry at func. */
void
setgate(struct gate_descriptor *gd, void (*func)(), int args, int type,
    int dpl, int sel)
{
	gd->gd_looffset = (int)(uintptr_t)func;
	gd->gd_selector = sel;
	gd->gd_stkcpy = args;
	gd->gd_xx = 0;
	gd->gd_type = type;
	gd->gd_dpl = dpl;
	gd->gd_p = 1;
	gd->gd_hioffset = (int)(uintptr_t)func >> 16;
}

void
unsetgate(struct gate_descriptor *gd)
{
	memset(gd, 0, sizeof(*gd));
}

/*
 * The GDT: flat 4 GiB code and data segments for the kernel (DPL 0) and
 * for user space (DPL 3; user space ends below KERNBASE by paging, not by
 * segment limits), and the TSS.  After lgdt the segment registers still
 * hold the loader's values; reloading them (%cs needs a far jump) makes
 * the CPU fetch our descriptors.
 */
static void
init_gdt(void)
{
	struct region_descriptor region;

	setsegment(&gdt[GCODE_SEL].sd, 0, 0xfffff, SDT_MEMERA, SEL_KPL, 1, 1);
	setsegment(&gdt[GDATA_SEL].sd, 0, 0xfffff, SDT_MEMRWA, SEL_KPL, 1, 1);
	setsegment(&gdt[GUCODE_SEL].sd, 0, 0xfffff, SDT_MEMERA, SEL_UPL, 1, 1);
	setsegment(&gdt[GUDATA_SEL].sd, 0, 0xfffff, SDT_MEMRWA, SEL_UPL, 1, 1);
	setsegment(&gdt[GUFS_SEL].sd, 0, 0xfffff, SDT_MEMRWA, SEL_UPL, 1, 1);
	setsegment(&gdt[GUGS_SEL].sd, 0, 0xfffff, SDT_MEMRWA, SEL_UPL, 1, 1);

	proc0_tss.tss_ss0 = GSEL(GDATA_SEL, SEL_KPL);
	proc0_tss.tss_esp0 = (int)(proc0stack + USPACE);
	proc0_tss.tss_cr3 = (int)rcr3();
	/* No I/O permission bitmap: its offset lies past the limit. */
	proc0_tss.tss_ioopt = sizeof(proc0_tss) << 16;
	setsegment(&gdt[GTSS_SEL].sd, &proc0_tss, sizeof(proc0_tss) - 1,
	    SDT_SYS386TSS, SEL_KPL, 0, 0);

	region.rd_limit = sizeof(gdt) - 1;
	region.rd_base = (int)(uintptr_t)gdt;
	__asm volatile("lgdt %0" : : "m"(region));
	__asm volatile(
	    "ljmp %0, $1f\n"
	    "1:\n"
	    "movw %w1, %%ds\n"
	    "movw %w1, %%es\n"
	    "movw %w1, %%fs\n"
	    "movw %w1, %%gs\n"
	    "movw %w1, %%ss\n"
	    : : "i"(GSEL(GCODE_SEL, SEL_KPL)), "r"(GSEL(GDATA_SEL, SEL_KPL))
	    : "memory");
	__asm volatile("ltr %w0" : : "r"(GSEL(GTSS_SEL, SEL_KPL)));
}

/*
 * The IDT.  Exceptions use trap gates (interrupts stay enabled as they
 * were) except the page fault, whose handler must read %cr2 before an
 * interrupt could cause another fault, and the NMI: both use interrupt
 * gates, as OpenBSD does.  int3 and into may be used from user mode
 * (DPL 3), and so may int $0x80, the system call gate, a trap gate.
 * Device interrupts and strays use interrupt gates.
 */
static void
init_idt(void)
{
	struct region_descriptor region;
	int sel = GSEL(GCODE_SEL, SEL_KPL);

	for (int i = 0; i < NIDT; i++) {
		int type = SDT_SYS386IGT;
		int dpl = SEL_KPL;

		if (i < NRSVIDT && i != 2 && i != 14)
			type = SDT_SYS386TGT;
		if (i == 3 || i == 4)
			dpl = SEL_UPL;
		if (i == T_SYSCALL_VEC) {	/* int $0x80 from user mode */
			type = SDT_SYS386TGT;
			dpl = SEL_UPL;
		}
		setgate(&idt[i], idt_vectors[i], 0, type, dpl, sel);
	}
	region.rd_limit = sizeof(idt) - 1;
	region.rd_base = (int)(uintptr_t)idt;
	__asm volatile("lidt %0" : : "m"(region));
}

/*
 * consinit: attach the consoles.  The serial port the loader named (or
 * COM1) first, since the test runner reads it, then the VGA screen and
 * the PS/2 keyboard (so a QEMU window works as a console too).
 */
static void
consinit(void)
{
	int addr = CONADDR, speed = CONSPEED;

	if (bootinfo.bi_consdev != nullptr &&
	    bootinfo.bi_consdev->consaddr > 0) {
		addr = bootinfo.bi_consdev->consaddr;
		speed = bootinfo.bi_consdev->conspeed;
	}
	(void)comcnattach(addr, speed);
	vga_cnattach();
	pckbd_cnattach();	/* the PS/2 keyboard, if the 8042 answers */
}

/* Add [start, end) to a cluster list, if it is not empty. */
static void
cluster_add(struct mem_cluster *list, int *cnt, paddr_t start, paddr_t end)
{
	if (start >= end)
		return;
	if (*cnt == VM_PHYSSEG_MAX) {
		printf("WARNING: too many memory segments, "
		    "ignoring 0x%lx-0x%lx\n", start, end);
		return;
	}
	list[*cnt].start = start;
	list[*cnt].end = end;
	(*cnt)++;
}

/*
 * Add [s, e) to avail_clusters minus the reserved ranges that overlap it:
 * the kernel [kstart, kend) and the ramdisk image the loader placed.
 */
static void
avail_add_except(u_int64_t s, u_int64_t e, paddr_t kstart, paddr_t kend)
{
	paddr_t cut[2][2] = { { kstart, kend }, { 0, 0 } };

	if (bootinfo.bi_rdimage != nullptr) {
		cut[1][0] = trunc_page(bootinfo.bi_rdimage->rd_start);
		cut[1][1] = round_page(bootinfo.bi_rdimage->rd_end);
		if (cut[1][0] < cut[0][0]) {	/* keep them in order */
			paddr_t t0 = cut[0][0], t1 = cut[0][1];
			cut[0][0] = cut[1][0];
			cut[0][1] = cut[1][1];
			cut[1][0] = t0;
			cut[1][1] = t1;
		}
	}
	for (auto &c : cut) {
		if (c[1] <= c[0] || c[1] <= s || c[0] >= e)
			continue;
		cluster_add(avail_clusters, &avail_cluster_cnt, s,
		    MIN(e, (u_int64_t)c[0]));
		s = MAX(s, (u_int64_t)c[1]);
	}
	if (s < e)
		cluster_add(avail_clusters, &avail_cluster_cnt, s, e);
}

/*
 * Build mem_clusters (all usable RAM, as real mem counts it) and
 * avail_clusters (what the VM system may hand out).  Only whole pages
 * count.  Without PAE an i386 reaches 4 GiB, so memory above is ignored.
 * Reserved for the kernel: page 0 (the BIOS's interrupt vectors and data
 * area, which boot(8) and BIOS calls still use) and the kernel image with
 * everything locore placed after it, [2 MiB, end).
 */
static void
init386_memory(void)
{
	const paddr_t kstart = (paddr_t)kernel_start_pa;
	const paddr_t kend = round_page((paddr_t)end - KERNBASE);
	const u_int64_t four_gb = 0x100000000ULL;

	if (bootinfo.bi_memmap == nullptr)
		panic("no memory map from the boot loader");

	for (bios_memmap_t *bm = bootinfo.bi_memmap;
	    bm->type != BIOS_MAP_END; bm++) {
		if (bm->type != BIOS_MAP_FREE || bm->addr >= four_gb)
			continue;
		u_int64_t s = round_page(bm->addr);
		u_int64_t e = trunc_page(MIN(bm->addr + bm->size, four_gb));
		if (s >= e)
			continue;
		cluster_add(mem_clusters, &mem_cluster_cnt, s, e);
		physmem += atop(e - s);

		/* Cut out page 0, the kernel and a ramdisk image. */
		s = MAX(s, (u_int64_t)PAGE_SIZE);
		avail_add_except(s, e, kstart, kend);
	}
	for (int i = 0; i < avail_cluster_cnt; i++)
		availmem += atop(avail_clusters[i].end -
		    avail_clusters[i].start);
	if (physmem == 0)
		panic("no usable memory in the boot loader's memory map");
}

/*
 * Give UVM the available memory, split at 16 MiB: ISA DMA reaches only
 * below, so those pages go on their own free list, used last.
 */
static void
init386_physload(void)
{
	const paddr_t dma_end = atop(16UL * 1024 * 1024);

	for (int i = 0; i < avail_cluster_cnt; i++) {
		paddr_t s = atop(avail_clusters[i].start);
		paddr_t e = atop(avail_clusters[i].end);
		if (s < dma_end)
			uvm_page_physload(s, MIN(e, dma_end), s, MIN(e, dma_end),
			    VM_FREELIST_FIRST16);
		if (e > dma_end)
			uvm_page_physload(MAX(s, dma_end), e, MAX(s, dma_end), e,
			    VM_FREELIST_DEFAULT);
	}
}

/* Run the constructors of global objects (the .init_array table). */
static void
run_constructors(void)
{
	for (void (**f)(void) = __init_array_start; f < __init_array_end; f++)
		(*f)();
}

/*
 * init386: set up the machine.  See the comment at the top of the file.
 * => called once, by locore, on proc0's stack, interrupts disabled.
 */
extern "C" void
init386(void)
{
	int error;

	tsc_boot = rdtsc();	/* first thing: "machdep.boottsc" */
	run_constructors();
	initmsgbuf(msgbuf_storage, sizeof(msgbuf_storage));
	error = getbootinfo(bootargv, bootargc, &bootinfo);
	consinit();

	/* locore repeats these constants; make sure nobody changed one. */
	if ((vaddr_t)locore_KERNBASE != KERNBASE ||
	    (u_int)(uintptr_t)locore_PDSLOT_PTE != PDSLOT_PTE ||
	    (u_int)(uintptr_t)locore_USPACE != USPACE)
		panic("locore.asm and <machine/param.h> disagree");

	if (error != 0)
		printf("WARNING: malformed boot arguments (error %d)\n", error);
	if (multiboot_trouble != nullptr)
		printf("WARNING: %s\n", multiboot_trouble);

	init_gdt();
	init_idt();
	isa_defaultirq();
	init386_memory();
	pmap_bootstrap(round_page((vaddr_t)end));
	init386_physload();
}

/*
 * cpu_startup: the machine-dependent startup messages, as OpenBSD prints
 * them: the version, then real and available memory (the free pages left
 * once UVM and malloc(9) have started).
 * => called from main() once the console works.
 */
void
cpu_startup(void)
{
	extern const char version[];

	printf("%s", version);
	printf("real mem  = %llu (%lluMB)\n",
	    (unsigned long long)ptoa((u_int64_t)physmem),
	    (unsigned long long)ptoa((u_int64_t)physmem) / 1024 / 1024);
	/* As OpenBSD: what is free once the kernel has set itself up. */
	printf("avail mem = %llu (%lluMB)\n",
	    (unsigned long long)ptoa((u_int64_t)uvmexp.free),
	    (unsigned long long)ptoa((u_int64_t)uvmexp.free) / 1024 / 1024);
	if (boothowto != 0)
		printf("boot flags: %b\n", boothowto, RB_BITS);
}

/*
 * cpu_set_kstack: the kernel stack the CPU switches to when a trap or
 * interrupt arrives in user mode (the TSS's esp0); cpu_switchto sets it
 * to the top of each thread's stack.
 */
void
cpu_set_kstack(vaddr_t esp0)
{
	proc0_tss.tss_esp0 = (int)esp0;
}

/*
 * cpu_test_exit: end a QEMU run with a status the test runner reads.
 * QEMU's isa-debug-exit device (at I/O port 0xf4 in our runs) makes QEMU
 * exit with status (code << 1) | 1.  On a machine without it the write
 * does nothing and we halt.
 */
void
cpu_test_exit(int code)
{
	disable_intr();
	outb(0xf4, (u_int8_t)code);
	for (;;)
		halt();
}

/*
 * cpu_reset: restart the machine: pulse the reset line through the
 * keyboard controller, and if that does nothing, triple fault (an empty
 * IDT makes the next exception unhandlable).
 */
void
cpu_reset(void)
{
	struct region_descriptor region = { 0, 0 };

	disable_intr();
	outb(0x64, 0xfe);
	for (int i = 0; i < 100000; i++)
		CPU_BUSY_CYCLE();
	__asm volatile("lidt %0; int3" : : "m"(region));
	for (;;)
		halt();
}

/*
 * cpu_powerdown: switch the machine off.
 * XXX Without an acpi(4) driver the ACPI sleep register and the S5 sleep
 * type are not read from the firmware's tables; these are the values
 * SeaBIOS sets up on QEMU's "pc" machine (PIIX4 power management at
 * 0x600, PM1a control at +4, S5 = type 0 with SLP_EN).  Elsewhere this
 * does nothing and we halt.
 */
void
cpu_powerdown(void)
{
	disable_intr();
	outw(0x604, 0x2000);
	for (;;)
		halt();
}

/* cpu_halt: stop for good, interrupts off ("boot halt" in ddb). */
void
cpu_halt(void)
{
	printf("halted\n");
	disable_intr();
	for (;;)
		halt();
}
