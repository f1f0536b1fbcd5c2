; locore.asm: the first instructions of the kernel.
;
; A boot loader (GRUB or QEMU through multiboot, later our own boot(8))
; jumps to `start' with paging off, at the physical address it loaded us,
; 2 MiB.  The kernel proper is linked to run at KERNBASE + 2 MiB and up
; (0xd02xxxxx): every absolute address in it is a virtual one.  Only the
; few instructions that run before paging, in the section .locore0 (named
; after OpenBSD's locore0.S), are linked at their physical address, which
; is also what loaders need: GRUB insists that the ELF entry point lies in
; a segment, QEMU jumps to it as a physical address.  Until paging is on,
; this code may touch the kernel's variables only through RELOC(), which
; turns a link address into the physical address where the byte really is.
;
; What happens here, in order (OpenBSD's i386 locore0.S does the same):
;  1. remember what the loader passed: multiboot's magic and info pointer,
;     or boot(8)'s arguments on the stack;
;  2. zero the bss (not every loader does it);
;  3. build the bootstrap page directory: the first NKPT_BOOT * 4 MiB of
;     physical memory mapped twice, at 0 (so the instruction after the
;     paging switch still exists) and at KERNBASE, plus the recursive slot
;     PDSLOT_PTE that pmap(9) will use to find page tables;
;  4. turn paging on and jump to the high (linked) address;
;  5. switch to proc0's kernel stack, translate multiboot's information
;     into OpenBSD's bootarg list (multiboot.cc, still needing the identity
;     map to read it), then remove the identity map;
;  6. call init386() and main(), which never returns.
;
; The constants below repeat <machine/param.h> and <machine/pte.h> (NASM
; cannot include C++ headers); init386() compares the copies exported at
; the end of this file with them and panics at boot if the two disagree.

KERNBASE	equ	0xd0000000
NBPG		equ	4096
PGSHIFT		equ	12
PDSHIFT		equ	22
UPAGES		equ	4
USPACE		equ	UPAGES * NBPG
PDSLOT_PTE	equ	830
NKPT_BOOT	equ	4		; bootstrap page tables: 16 MiB mapped

PG_V		equ	0x001
PG_KW		equ	0x002

CR0_PG		equ	0x80000000
CR0_WP		equ	0x00010000

MULTIBOOT_MAGIC		equ	0x1badb002	; in our header
MULTIBOOT_LOADER_MAGIC	equ	0x2badb002	; in %eax from the loader
MULTIBOOT_PAGE_ALIGN	equ	0x00000001	; modules on page boundaries
MULTIBOOT_MEMORY_INFO	equ	0x00000002	; we want mem_* and mmap_*
MULTIBOOT_FLAGS		equ	MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO

%define RELOC(x)	((x) - KERNBASE)

extern __bss_start, __bss_end		; from the linker script
extern locore_bootargs, init386, main	; C++ (extern "C")

; The multiboot header: a loader finds it by its magic in the first 8 KiB
; of the file (the linker script puts .multiboot first).
section .multiboot
align 4
multiboot_header:
	dd	MULTIBOOT_MAGIC
	dd	MULTIBOOT_FLAGS
	dd	-(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)

section .locore0 progbits alloc exec nowrite align=16

; start: the kernel's entry point, linked and loaded at its physical
; address (the ELF entry point).
; In:  multiboot: %eax = MULTIBOOT_LOADER_MAGIC, %ebx = physical address
;      of the multiboot information; boot(8): the OpenBSD argument list on
;      the stack (howto, bootdev, bootapiver, esym, extmem, cnvmem, argc,
;      argv).  Interrupts are off; paging is off.
global start
start:
	cli
	cld
	cmp	eax, MULTIBOOT_LOADER_MAGIC
	jne	.bsdboot
	mov	[RELOC(multiboot_magic)], eax
	mov	[RELOC(multiboot_info)], ebx
	jmp	.zero_bss
.bsdboot:
	; OpenBSD's boot(8) calls start(howto, bootdev, bootapiver, esym,
	; extmem, cnvmem, argc, argv) like a C function.
	mov	eax, [esp + 4]
	mov	[RELOC(boothowto)], eax
	mov	eax, [esp + 8]
	mov	[RELOC(bootdev)], eax
	mov	eax, [esp + 12]
	mov	[RELOC(bootapiver)], eax
	mov	eax, [esp + 16]
	mov	[RELOC(esym)], eax
	mov	eax, [esp + 20]
	mov	[RELOC(biosextmem)], eax
	mov	eax, [esp + 24]
	mov	[RELOC(biosbasemem)], eax
	mov	eax, [esp + 28]
	mov	[RELOC(bootargc)], eax
	mov	eax, [esp + 32]
	mov	[RELOC(bootargv)], eax

.zero_bss:
	; Step 2.  Multiboot loaders zero the bss, but nothing promises it,
	; and the page tables below live there.
	mov	edi, RELOC(__bss_start)
	mov	ecx, RELOC(__bss_end)
	sub	ecx, edi
	shr	ecx, 2
	xor	eax, eax
	rep stosd

	; Step 3a: the page tables.  boot_ptab is NKPT_BOOT contiguous page
	; tables; entry i maps physical page i, kernel read/write.
	mov	edi, RELOC(boot_ptab)
	mov	eax, PG_V | PG_KW
	mov	ecx, NKPT_BOOT * 1024
.fill_pte:
	mov	[edi], eax
	add	eax, NBPG
	add	edi, 4
	loop	.fill_pte

	; Step 3b: the page directory points at them twice, at PDE 0 (the
	; identity map) and at PDE KERNBASE >> PDSHIFT (the kernel map).
	mov	edi, RELOC(boot_pdir)
	mov	eax, RELOC(boot_ptab) + (PG_V | PG_KW)
	mov	ecx, 0
.fill_pde:
	mov	[edi + ecx * 4], eax
	mov	[edi + ecx * 4 + (KERNBASE >> PDSHIFT) * 4], eax
	add	eax, NBPG
	inc	ecx
	cmp	ecx, NKPT_BOOT
	jne	.fill_pde

	; Step 3c: the recursive slot maps the page directory itself.
	mov	dword [edi + PDSLOT_PTE * 4], RELOC(boot_pdir) + (PG_V | PG_KW)

	; Step 4: paging on.  CR0_WP makes the kernel honour read-only pages
	; too, which copy-on-write will need.
	mov	eax, RELOC(boot_pdir)
	mov	cr3, eax
	mov	eax, cr0
	or	eax, CR0_PG | CR0_WP
	mov	cr0, eax

	; We still run at the low address, through the identity map.  An
	; absolute jump takes us to the same code at its linked address.
	mov	eax, begin
	jmp	eax

section .text
begin:
	; Step 5: from here on all addresses are the linked ones.
	mov	esp, proc0stack + USPACE
	xor	ebp, ebp		; ends backtraces here

	; Translate what the loader gave us while low memory is still
	; mapped: the multiboot information may lie anywhere in the first
	; NKPT_BOOT * 4 MiB.
	call	locore_bootargs

	; Drop the identity map; nothing below KERNBASE is used any more.
	; The same page tables stay in use through the KERNBASE slots.
	mov	edi, boot_pdir
	mov	ecx, 0
.clear_pde:
	mov	dword [edi + ecx * 4], 0
	inc	ecx
	cmp	ecx, NKPT_BOOT
	jne	.clear_pde
	mov	eax, cr3		; flush the TLB
	mov	cr3, eax

	; Step 6.
	call	init386
	push	0			; main(framep): no user frame yet
	call	main
.hang:					; main does not return
	cli
	hlt
	jmp	.hang

section .data
align 4
global boothowto, bootdev, bootapiver, esym, biosextmem, biosbasemem
global bootargc, bootargv, multiboot_magic, multiboot_info
; Filled from boot(8)'s arguments, or by locore_bootargs for multiboot.
boothowto:	dd	0
bootdev:	dd	0
bootapiver:	dd	0
esym:		dd	0
biosextmem:	dd	0
biosbasemem:	dd	0
bootargc:	dd	0
bootargv:	dd	0
multiboot_magic: dd	0
multiboot_info:	dd	0

; The constants above, exported for init386()'s check (the
; values of these absolute symbols are the constants themselves).
global locore_KERNBASE, locore_PDSLOT_PTE, locore_USPACE
locore_KERNBASE		equ	KERNBASE
locore_PDSLOT_PTE	equ	PDSLOT_PTE
locore_USPACE		equ	USPACE

section .bss
align NBPG
global boot_pdir, boot_ptab, proc0stack, NKPT_BOOT_PAGES
boot_pdir:	resb	NBPG			; the bootstrap page directory
boot_ptab:	resb	NKPT_BOOT * NBPG	; and its page tables
proc0stack:	resb	USPACE			; proc0's kernel stack
NKPT_BOOT_PAGES	equ	NKPT_BOOT

; Tell the linker this object needs no executable stack.
section .note.GNU-stack noalloc noexec nowrite progbits
