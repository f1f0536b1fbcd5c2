; srt0.asm: boot(8)'s first instructions, and its way back to the BIOS.
;
; biosboot loads the file /boot at linear address BOOTADDR (0x40000) and
; jumps to its first byte in real mode, CS:IP = 0x4000:0000, with the BIOS
; drive number in %dl and the partition's first sector in %ebx.  boot(8)
; is a flat binary (objcopy -O binary of boot.elf, linked at BOOTADDR by
; ld.script), and this file is first in it.  `start':
;
;   1. saves %dl and %ebx, loads our GDT and sets CR0_PE: protected mode;
;   2. in 32-bit code with flat segments, switches to boot(8)'s stack,
;      zeroes the bss and calls boot_main(drive, partition offset) (C++).
;
; boot(8) then runs in 32-bit protected mode with interrupts off.  Paging
; stays off, so every address is a physical one; everything boot(8) is
; and uses lies below 640 KiB, where real mode can reach it too:
;
;	0x00000-0x004ff	BIOS interrupt vectors and data area
;	0x07a00-0x07fff	mbr and biosboot (done with by now)
;	0x10000-0x17fff	BOUNCE: disk and E820 buffer for BIOS calls
;	0x30000-0x3ffef	our stack (SS = 0x3000 in real mode), BOOTSTACK top
;	0x40000-...	boot(8): this file, C++ code, data, bss, heap
;	0x200000-	where the kernel will be loaded
;
; The BIOS only runs in real mode, so every BIOS service (console, disk,
; memory map) goes through bioscall(): back to real mode, `int N' with
; the registers of a struct BIOS_regs, and back to protected mode with the
; registers the BIOS returned.  The way down passes through a 16-bit
; protected mode segment, as Intel's manual prescribes: a 16-bit code
; segment to run in, and data segments with 64 KiB limits, which real
; mode then keeps.  The real-mode code addresses itself relative to
; BOOTADDR (CS = DS = BOOTSEG), which is why all of it lives in this one
; section at the very start of boot(8): `label - start' is its offset.
;
; Finally startprog() calls the kernel like a C function with OpenBSD's
; argument list.  OpenBSD splits this file into srt0.S (entry) and
; gidt.S (the BIOS trampoline, "BIOSINT"); the ideas are the same.

BOOTADDR	equ	0x40000		; linear address we are loaded at
BOOTSEG		equ	BOOTADDR >> 4	; CS and DS in real mode
BOOTSTACK	equ	0x3fff0		; top of our stack, linear
STACKSEG	equ	0x3000		; SS in real mode

GSEL_CODE32	equ	0x08		; flat 32-bit code
GSEL_DATA32	equ	0x10		; flat 32-bit data
GSEL_CODE16	equ	0x18		; 16-bit code, base BOOTADDR, 64 KiB
GSEL_DATA16	equ	0x20		; 16-bit data, base 0, 64 KiB

CR0_PE		equ	0x00000001	; protection enable

; struct BIOS_regs (boot.h; static_asserts there pin these offsets)
R_AX		equ	0
R_BX		equ	4
R_CX		equ	8
R_DX		equ	12
R_SI		equ	16
R_DI		equ	20
R_BP		equ	24
R_DS		equ	28
R_ES		equ	30
R_FL		equ	32
R_SIZE		equ	36

extern boot_main, __bss_start, __bss_end

section .srt0 progbits alloc exec write align=16

; start: the entry point.
; In:  real mode, CS:IP = BOOTSEG:0000, %dl = BIOS drive, %ebx = first
;      sector of our partition.  Out: never returns.
bits 16
global start
start:
	cli
	cld
	mov	ax, cs
	mov	ds, ax
	mov	es, ax
	mov	ax, STACKSEG
	mov	ss, ax
	mov	sp, BOOTSTACK - (STACKSEG << 4)
	mov	[boot_drive - start], dl
	mov	[boot_poffset - start], ebx

	; Protected mode: the GDT, CR0_PE, and a far jump that loads CS
	; with the 32-bit code selector.  (o32: the full 32-bit base.)
	o32 lgdt [gdt_desc - start]
	mov	eax, cr0
	or	al, CR0_PE
	mov	cr0, eax
	jmp	dword GSEL_CODE32:pm_start

bits 32
pm_start:
	mov	ax, GSEL_DATA32
	mov	ds, ax
	mov	es, ax
	mov	fs, ax
	mov	gs, ax
	mov	ss, ax
	mov	esp, BOOTSTACK
	; An empty IDT: should anything trap now, the CPU resets rather
	; than run the real-mode vectors as protected-mode gates.
	lidt	[null_idt]

	mov	edi, __bss_start
	mov	ecx, __bss_end
	sub	ecx, edi
	xor	eax, eax
	rep stosb

	push	dword [boot_poffset]
	movzx	eax, byte [boot_drive]
	push	eax
	call	boot_main		; boot_main(drive, poffset)
.hang:					; it does not return
	cli
	hlt
	jmp	.hang

; void bioscall(int intno, struct BIOS_regs *regs)
; Runs BIOS interrupt intno in real mode with the registers in *regs and
; stores the registers it returns there (%eflags in R_FL: CF is the usual
; error flag).  Interrupts are on during the call and off again after.
; => called in protected mode with the flat selectors; the stack must be
;    the one in [0x30000, BOOTSTACK], which real mode reaches as SS=0x3000.
global bioscall
bioscall:
	push	ebp
	push	ebx
	push	esi
	push	edi
	mov	eax, [esp + 20]
	mov	[intno], al		; patch the operand of `int' below
	mov	esi, [esp + 24]
	mov	edi, rm_regs
	mov	ecx, R_SIZE
	rep movsb
	mov	[saved_esp], esp
	jmp	GSEL_CODE16:(rm16 - start)

bits 16
rm16:
	; 16-bit protected mode: load 64 KiB limits into the data segment
	; registers (real mode keeps the limits), then leave protected mode.
	mov	ax, GSEL_DATA16
	mov	ds, ax
	mov	es, ax
	mov	fs, ax
	mov	gs, ax
	mov	ss, ax
	mov	eax, cr0
	and	al, ~CR0_PE
	mov	cr0, eax
	jmp	BOOTSEG:(rm_real - start)

rm_real:
	mov	ax, BOOTSEG
	mov	ds, ax
	mov	ax, STACKSEG
	mov	ss, ax
	mov	esp, [saved_esp - start]
	sub	esp, STACKSEG << 4
	xor	ax, ax
	mov	fs, ax
	mov	gs, ax
	o32 lidt [rm_idt - start]	; the BIOS's interrupt vectors at 0

	mov	eax, [rm_regs - start + R_AX]
	mov	ebx, [rm_regs - start + R_BX]
	mov	ecx, [rm_regs - start + R_CX]
	mov	edx, [rm_regs - start + R_DX]
	mov	esi, [rm_regs - start + R_SI]
	mov	edi, [rm_regs - start + R_DI]
	mov	ebp, [rm_regs - start + R_BP]
	mov	es, [rm_regs - start + R_ES]
	mov	ds, [rm_regs - start + R_DS]	; last: it was our base
	sti
	db	0xcd			; int imm8
intno:	db	0
	cli
	pushfd
	push	ds
	push	word BOOTSEG
	pop	ds
	mov	[rm_regs - start + R_AX], eax
	mov	[rm_regs - start + R_BX], ebx
	mov	[rm_regs - start + R_CX], ecx
	mov	[rm_regs - start + R_DX], edx
	mov	[rm_regs - start + R_SI], esi
	mov	[rm_regs - start + R_DI], edi
	mov	[rm_regs - start + R_BP], ebp
	mov	[rm_regs - start + R_ES], es
	pop	word [rm_regs - start + R_DS]
	pop	dword [rm_regs - start + R_FL]

	; Back up to protected mode, as start did.
	o32 lgdt [gdt_desc - start]
	mov	eax, cr0
	or	al, CR0_PE
	mov	cr0, eax
	jmp	dword GSEL_CODE32:pm_back

bits 32
pm_back:
	mov	ax, GSEL_DATA32
	mov	ds, ax
	mov	es, ax
	mov	fs, ax
	mov	gs, ax
	mov	ss, ax
	mov	esp, [saved_esp]
	lidt	[null_idt]
	mov	edi, [esp + 24]
	mov	esi, rm_regs
	mov	ecx, R_SIZE
	rep movsb
	pop	edi
	pop	esi
	pop	ebx
	pop	ebp
	ret

; void startprog(u_int32_t entry, int argc, const u_int32_t *argv)
; Calls entry(argv[0], ..., argv[argc - 1]) on a fresh stack, as a C
; function: the kernel's locore reads its arguments at 4(%esp) on.
; %eax is zero, so that locore does not take us for a multiboot loader.
; => argv must not lie on the stack; does not return.
global startprog
startprog:
	mov	ebx, [esp + 4]
	mov	ecx, [esp + 8]
	mov	esi, [esp + 12]
	mov	esp, BOOTSTACK
.push:
	jecxz	.call
	dec	ecx
	push	dword [esi + ecx * 4]
	jmp	.push
.call:
	xor	eax, eax
	call	ebx
.hang:
	cli
	hlt
	jmp	.hang

; Data the real-mode code reaches through DS = BOOTSEG.
align 8
gdt:
	dq	0				; 0x00: the null selector
	dw	0xffff, 0x0000			; 0x08: code, 32-bit, 4 GiB
	db	0x00, 0x9a, 0xcf, 0x00
	dw	0xffff, 0x0000			; 0x10: data, 32-bit, 4 GiB
	db	0x00, 0x92, 0xcf, 0x00
	dw	0xffff, BOOTADDR & 0xffff	; 0x18: code, 16-bit, 64 KiB
	db	(BOOTADDR >> 16) & 0xff, 0x9a, 0x00, BOOTADDR >> 24
	dw	0xffff, 0x0000			; 0x20: data, 16-bit, 64 KiB
	db	0x00, 0x92, 0x00, 0x00
gdt_end:

align 4
gdt_desc:
	dw	gdt_end - gdt - 1
	dd	gdt
null_idt:
	dw	0
	dd	0
rm_idt:
	dw	0x3ff				; 256 four-byte vectors
	dd	0

global boot_drive, boot_poffset
boot_drive:	db	0		; %dl from biosboot
align 4
boot_poffset:	dd	0		; %ebx from biosboot
saved_esp:	dd	0		; protected mode %esp during a BIOS call
rm_regs:	times R_SIZE db 0	; the registers of the BIOS call

section .note.GNU-stack noalloc noexec nowrite progbits
