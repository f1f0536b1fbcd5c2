; biosboot.asm: the partition boot record: load /boot from ext2, start it.
;
; The mbr loads the first sector of the active partition to 0x7c00 and
; jumps to it in real mode with %dl = the BIOS drive.  That sector is the
; first half of this program; it loads the second half (the partition's
; sector 1) to 0x7e00 itself.  ext2 leaves the first 1024 bytes of its
; partition to boot code (the superblock is at byte 1024), so biosboot
; may be 1024 bytes long, but no more.
;
; 1024 bytes cannot hold a file system's path lookup, so biosboot does
; not look anything up: tools/installboot, which knows the image, finds
; /boot's inode and patches four fields near our start (after the jump,
; behind the magic "biosboot"):
;
;	offset	field		what installboot puts there
;	0x03	bb_magic	"biosboot" (how installboot finds the fields)
;	0x0b	bb_poffset	the partition's first sector (LBA)
;	0x0f	bb_inodeblk	the fs block that holds /boot's inode
;	0x13	bb_inodeoff	the byte offset of the inode in that block
;	0x17	bb_bsize	the fs block size: 1024, 2048 or 4096
;
; OpenBSD's installboot patches its biosboot the same way for FFS (with
; nlist on the symbols; we have a flat binary, hence the magic).  With
; them biosboot reads the inode, takes the file size and the block
; numbers from it (12 direct, then a single and a double indirect block
; of block numbers; block 0 is a hole and loads as zeros) and loads
; /boot's blocks one after the other to 0x40000 (LOADSEG:0).  Then
;
;	jmp 0x4000:0000 with %dl = the drive, %ebx = bb_poffset
;
; and boot(8) takes over (boot/boot/srt0.asm).  Sectors are read with
; INT 13h AH=42h (LBA) if AH=41h says so, else AH=02h (CHS) with the
; geometry of AH=08h.  If /boot is replaced, its inode may move: run
; installboot again (as on OpenBSD).
;
; Memory: 0x7c00 this sector, 0x7e00 the second one, 0x8000 the inode's
; block, 0x9000 and 0xa000 the indirect blocks (4 KiB each: the largest
; block size we take), 0x40000-0x8ffff /boot.  Messages go to the screen
; and the serial port: "Loading /boot", or "Read error", "Bad /boot"
; (no inode data, too big, or a block size we cannot load),
; "Missing second sector" (installboot did not write it); then it halts.

BOOTADDR	equ	0x7c00
SECT1		equ	0x7e00
INODEBUF	equ	0x8000
INDBUF		equ	0x9000
DINDBUF		equ	0xa000
LOADSEG		equ	0x4000		; /boot at linear 0x40000
MAXSIZE		equ	0x50000		; up to 0x90000
I_SIZE		equ	4		; ext2 inode: size, low 32 bits
I_BLOCK		equ	40		; block numbers: 12 + 3 indirect
NDADDR		equ	12
SECT1_MAGIC	equ	0xb007
NTRIES		equ	3

bits 16
org BOOTADDR

start:
	jmp	short main
	nop
bb_magic:	db	"biosboot"
bb_poffset:	dd	0
bb_inodeblk:	dd	0
bb_inodeoff:	dd	0
bb_bsize:	dd	0

main:
	cli
	xor	ax, ax
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	sp, BOOTADDR
	sti
	cld
	mov	[drive], dl
	mov	ax, 0x00e3		; com0: 9600 baud, 8N1
	xor	dx, dx
	int	0x14
	mov	si, msg_loading
	call	puts

	; LBA or CHS?
	mov	ah, 0x41
	mov	bx, 0x55aa
	mov	dl, [drive]
	int	0x13
	jc	.chs
	cmp	bx, 0xaa55
	jne	.chs
	test	cl, 1
	jz	.chs
	mov	byte [use_lba], 1
	jmp	.probed
.chs:
	mov	ah, 0x08
	mov	dl, [drive]
	xor	di, di
	int	0x13
	jc	err_read
	xor	ax, ax
	mov	es, ax			; AH=08h may change ES
	and	cx, 0x3f
	jz	err_read
	mov	[spt], cx
	movzx	ax, dh
	inc	ax
	mov	[heads], ax
.probed:
	mov	eax, [bb_poffset]
	inc	eax
	mov	cx, 1
	mov	bx, SECT1
	call	readsect
	cmp	word [sect1_magic], SECT1_MAGIC
	jne	err_second
	jmp	load_boot

; readsect: read %cx sectors (1-8) from sector %eax of the disk to
; %es:%bx.  Does not return on failure ("Read error").
; Clobbers %eax, %cx, %dx, %si, %di.
readsect:
	mov	di, NTRIES
.try:
	pushad
	cmp	byte [use_lba], 0
	je	.chs
	mov	[dap_count], cx
	mov	[dap_off], bx
	mov	[dap_seg], es
	mov	[dap_lba], eax
	mov	si, dap
	mov	ah, 0x42
	mov	dl, [drive]
	int	0x13
	jmp	.done
.chs:					; a sector at a time
	push	eax
	push	cx
	xor	edx, edx
	movzx	ecx, word [spt]
	div	ecx			; eax = track, dx = sector - 1
	inc	dx
	mov	si, dx
	xor	edx, edx
	movzx	ecx, word [heads]
	div	ecx			; eax = cylinder, dx = head
	cmp	eax, 1023
	ja	.chs_fail
	mov	ch, al
	mov	cl, ah
	shl	cl, 6
	or	cx, si
	mov	dh, dl
	mov	dl, [drive]
	mov	ax, 0x0201
	int	0x13
	jc	.chs_fail
	pop	cx
	pop	eax
	inc	eax
	add	bx, 512
	loop	.chs
	clc
	jmp	.done
.chs_fail:
	pop	cx
	pop	eax
	stc
.done:
	popad
	jnc	.ok
	pusha
	xor	ah, ah			; reset, then try again
	mov	dl, [drive]
	int	0x13
	popa
	dec	di
	jnz	.try
	jmp	err_read
.ok:
	ret

err_read:
	mov	si, msg_read
	jmp	fail
err_second:
	mov	si, msg_second
fail:
	call	puts
.halt:
	hlt
	jmp	.halt

; putc: %al on the screen and com0.
putc:
	pusha
	push	ax
	mov	ah, 0x0e
	mov	bx, 0x0007
	int	0x10
	pop	ax
	mov	ah, 0x01
	xor	dx, dx
	int	0x14
	popa
	ret

; puts: the NUL-terminated string at %si.
puts:
	lodsb
	test	al, al
	jz	.done
	call	putc
	jmp	puts
.done:
	ret

msg_loading:	db	"Loading /boot", 0
msg_read:	db	13, 10, "Read error", 13, 10, 0
msg_second:	db	13, 10, "Missing second sector", 13, 10, 0

drive:		db	0x80
use_lba:	db	0
spt:		dw	0
heads:		dw	0

align 4
dap:		db	16, 0
dap_count:	dw	0
dap_off:	dw	0
dap_seg:	dw	0
dap_lba:	dd	0, 0

	times	510 - ($ - $$) db 0
	dw	0xaa55

; ---- Sector 1, at 0x7e00: find /boot's blocks and load them. ----

load_boot:
	; The block size: 1, 2 or 4 KiB (the buffers are 4 KiB).
	mov	eax, [bb_bsize]
	cmp	eax, 1024
	je	.bsize_ok
	cmp	eax, 2048
	je	.bsize_ok
	cmp	eax, 4096
	jne	err_bad
.bsize_ok:
	shr	eax, 9
	mov	[spb], ax		; sectors per block
	mov	eax, [bb_bsize]
	shr	eax, 2
	mov	[nindir], ax		; block numbers per indirect block

	; The block holding the inode.
	mov	eax, [bb_inodeblk]
	test	eax, eax
	jz	err_bad
	mov	bx, INODEBUF
	call	readblock
	mov	si, [bb_inodeoff]
	cmp	si, [bb_bsize]
	jae	err_bad
	add	si, INODEBUF
	mov	[inode], si

	; Blocks to load: the size, rounded up.
	mov	eax, [si + I_SIZE]
	test	eax, eax
	jz	err_bad
	cmp	eax, MAXSIZE
	ja	err_bad
	mov	ecx, [bb_bsize]
	add	eax, ecx
	dec	eax
	xor	edx, edx
	div	ecx
	mov	[remaining], ax
	mov	word [dest], LOADSEG

	; The 12 direct blocks.
	add	si, I_BLOCK
	mov	cx, NDADDR
	call	load_list
	; The single indirect block.
	mov	si, [inode]
	mov	eax, [si + I_BLOCK + NDADDR * 4]
	mov	bx, INDBUF
	call	load_indirect
	; The double indirect block: a block of indirect blocks.
	mov	si, [inode]
	mov	eax, [si + I_BLOCK + (NDADDR + 1) * 4]
	cmp	word [remaining], 0
	je	.loaded
	xor	bx, bx
	mov	es, bx
	mov	bx, DINDBUF
	call	readblock
	mov	si, DINDBUF
	mov	cx, [nindir]
.dind:
	mov	eax, [si]
	mov	bx, INDBUF
	pusha
	call	load_indirect
	popa
	add	si, 4
	loop	.dind
	cmp	word [remaining], 0
	jne	err_bad			; would need triple indirect: too big

.loaded:
	mov	si, msg_crlf
	call	puts
	mov	dl, [drive]
	mov	ebx, [bb_poffset]
	jmp	LOADSEG:0

err_bad:
	mov	si, msg_bad
	jmp	fail

; load_indirect: read indirect block %eax to 0:%bx, load the blocks it
; lists.  Does nothing once all blocks are loaded.
load_indirect:
	cmp	word [remaining], 0
	je	.done
	push	ds
	pop	es
	call	readblock
	mov	si, bx
	mov	cx, [nindir]
	call	load_list
.done:
	ret

; load_list: load the blocks whose numbers are the %cx dwords at %si to
; [dest]:0, one after the other, until [remaining] is 0.
load_list:
	cmp	word [remaining], 0
	je	.done
	mov	eax, [si]
	mov	es, [dest]
	xor	bx, bx
	pusha
	call	readblock
	popa
	mov	ax, [spb]
	shl	ax, 5			; bytes / 16 = sectors * 32
	add	[dest], ax
	dec	word [remaining]
	add	si, 4
	loop	load_list
.done:
	xor	ax, ax
	mov	es, ax
	ret

; readblock: fs block %eax to %es:%bx; block 0 (a hole) is zeros.
readblock:
	test	eax, eax
	jnz	.read
	mov	di, bx
	mov	cx, [bb_bsize]
	rep stosb			; %al = 0
	ret
.read:
	movzx	ecx, word [spb]
	mul	ecx
	add	eax, [bb_poffset]
	call	readsect
	ret

msg_bad:	db	13, 10, "Bad /boot", 13, 10, 0
msg_crlf:	db	13, 10, 0

spb:		dw	0
nindir:		dw	0
inode:		dw	0
remaining:	dw	0
dest:		dw	0

	times	1022 - ($ - $$) db 0
sect1_magic:	dw	SECT1_MAGIC
