; mbr.asm: the master boot record, the first sector of the disk.
;
; The BIOS reads sector 0 of the boot disk to 0x7c00 and jumps to it in
; real mode, %dl = its drive number (0x80: the first hard disk).  These
; 512 bytes hold our code (at most 440 bytes), a 4-byte disk signature
; and 2 reserved bytes (left alone), the partition table (four 16-byte
; entries at offset 446) and the signature 0xaa55 at 510.  The code:
;
;   1. copies itself to 0x7a00 and continues there, freeing 0x7c00 for
;      the partition boot record (the same address is the custom);
;   2. finds the first partition marked active (status 0x80);
;   3. reads that partition's first sector to 0x7c00: through the INT 13h
;      extensions (AH=42h, a 64-bit LBA in a "disk address packet") when
;      AH=41h says the BIOS has them, else with the original AH=02h,
;      converting the LBA into cylinder/head/sector by the geometry AH=08h
;      reports; three tries, with a drive reset between;
;   4. checks that it ends in 0xaa55 and jumps to it at 0:0x7c00 with
;      %dl = the drive and %ds:%si = the partition's table entry, which
;      is what partition boot records expect (biosboot is ours).
;
; Messages go to the screen (INT 10h) and to the first serial port (INT
; 14h, 9600 8N1), where the test harness reads them: "Using drive 0,
; partition 0." on the way, or "No active partition", "Read error",
; "Missing operating system", after which it halts.
; OpenBSD's counterpart is sys/arch/amd64/stand/mbr/mbr.S.

BOOTADDR	equ	0x7c00		; where the BIOS loads us, and we load
RELOCADDR	equ	0x7a00		; where we move to
PARTTAB		equ	446		; offset of the partition table
NPART		equ	4
PARTSIZE	equ	16
PART_STATUS	equ	0		; 0x80 = active
PART_LBA	equ	8		; first sector
DOSACTIVE	equ	0x80
SIGOFF		equ	510
SIGNATURE	equ	0xaa55
NTRIES		equ	3

bits 16
org RELOCADDR

start:
	cli
	xor	ax, ax
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	sp, RELOCADDR		; the stack grows down from under us
	cld
	mov	si, BOOTADDR
	mov	di, RELOCADDR
	mov	cx, 512 / 2
	rep movsw
	jmp	0:relocated

relocated:
	sti
	; Some BIOSes pass a wrong %dl; a hard disk has bit 7 set.
	test	dl, 0x80
	jnz	.drive_ok
	mov	dl, 0x80
.drive_ok:
	mov	[drive], dl

	; The serial port: INT 14h AH=00h, AL = 9600 baud, 8N1.
	mov	ax, 0x00e3
	xor	dx, dx
	int	0x14

	; Step 2: the first active partition.
	mov	si, RELOCADDR + PARTTAB
	mov	cx, NPART
.find:
	cmp	byte [si + PART_STATUS], DOSACTIVE
	je	.found
	add	si, PARTSIZE
	loop	.find
	mov	si, msg_noactive
	jmp	fail

.found:
	push	si
	mov	si, msg_using
	call	puts
	mov	al, [drive]
	and	al, 0x7f
	call	putdigit
	mov	si, msg_partition
	call	puts
	pop	si
	mov	ax, si
	sub	ax, RELOCADDR + PARTTAB
	shr	ax, 4			; / PARTSIZE
	call	putdigit
	push	si
	mov	si, msg_dot
	call	puts
	pop	si

	; Step 3, with retries.
	mov	bp, NTRIES
.retry:
	call	read_sector
	jnc	.read_ok
	xor	ah, ah			; AH=00h: reset the drive
	mov	dl, [drive]
	int	0x13
	dec	bp
	jnz	.retry
	mov	si, msg_readerr
	jmp	fail

.read_ok:
	; Step 4.
	cmp	word [BOOTADDR + SIGOFF], SIGNATURE
	je	.boot
	mov	si, msg_noos
	jmp	fail
.boot:
	mov	dl, [drive]
	jmp	0:BOOTADDR		; %ds:%si = the partition entry

; read_sector: read the first sector of the partition whose entry %si
; points at to BOOTADDR.  Out: CF set on error.  Keeps %si and %bp.
read_sector:
	mov	ah, 0x41		; extensions present?
	mov	bx, 0x55aa
	mov	dl, [drive]
	int	0x13
	jc	.chs
	cmp	bx, 0xaa55
	jne	.chs
	test	cl, 1			; packet access (AH=42h) supported
	jz	.chs

	mov	eax, [si + PART_LBA]
	mov	[dap_lba], eax
	push	si
	mov	si, dap
	mov	ah, 0x42
	mov	dl, [drive]
	int	0x13
	pop	si
	ret

.chs:
	; AH=08h: CL bits 0-5 = sectors per track, DH = last head.
	push	es
	mov	ah, 0x08
	mov	dl, [drive]
	xor	di, di			; ES:DI = 0 works round BIOS bugs
	mov	es, di
	int	0x13
	pop	es
	jc	.out
	and	cx, 0x3f
	jz	.fail
	movzx	ebx, cx			; sectors per track
	movzx	ecx, dh
	inc	ecx			; heads
	mov	eax, [si + PART_LBA]
	xor	edx, edx
	div	ebx			; eax = track, edx = sector - 1
	inc	dx
	mov	bx, dx			; bl = sector (1-based)
	xor	edx, edx
	div	ecx			; eax = cylinder, dl = head
	cmp	eax, 1023
	ja	.fail			; beyond CHS's reach
	mov	ch, al			; cylinder, low 8 bits
	mov	cl, ah
	shl	cl, 6			; cylinder bits 8-9 into CL bits 6-7
	or	cl, bl
	mov	dh, dl
	mov	dl, [drive]
	mov	bx, BOOTADDR		; ES:BX = 0:BOOTADDR
	mov	ax, 0x0201		; AH=02h, one sector
	int	0x13
.out:
	ret
.fail:
	stc
	ret

; fail: print the message at %si and stop.
fail:
	call	puts
.halt:
	hlt
	jmp	.halt

; putdigit: print %al (0-9) as a digit.
putdigit:
	add	al, '0'
	; fall into putc

; putc: print %al on the screen and the serial port.
putc:
	pusha
	push	ax
	mov	ah, 0x0e		; INT 10h AH=0Eh: teletype output
	mov	bx, 0x0007
	int	0x10
	pop	ax
	mov	ah, 0x01		; INT 14h AH=01h: send %al
	xor	dx, dx
	int	0x14
	popa
	ret

; puts: print the NUL-terminated string at %si.
puts:
	lodsb
	test	al, al
	jz	.done
	call	putc
	jmp	puts
.done:
	ret

msg_using:	db	"Using drive ", 0
msg_partition:	db	", partition ", 0
msg_dot:	db	".", 13, 10, 0
msg_noactive:	db	"No active partition", 13, 10, 0
msg_readerr:	db	"Read error", 13, 10, 0
msg_noos:	db	"Missing operating system", 13, 10, 0

drive:		db	0x80

; The disk address packet for AH=42h: one sector to 0:BOOTADDR.
align 4
dap:
		db	16, 0		; size of the packet, reserved
		dw	1		; sectors
		dw	BOOTADDR, 0	; buffer offset, segment
dap_lba:	dd	0, 0		; first sector (64 bits)

	times	440 - ($ - $$) db 0	; code ends here: then disk signature,
	times	PARTTAB - 440 db 0	; reserved word and partition table,
	times	SIGOFF - PARTTAB db 0	; which installboot keeps from the disk
	dw	SIGNATURE
