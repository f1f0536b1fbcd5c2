; copyloops.asm: the byte-moving loops of copyin, copyout and their string
; forms, with a way back when a user address faults.
;
; The kernel reads and writes user memory only through copyin/copyout
; (arch/i386/i386/copy.cc), which check that the range is user space
; and then call these loops.  The range may still be unmapped, or mapped
; read-only: the loop then takes a page fault in kernel mode.  Before it
; touches user memory, each loop stores the address of its own recovery
; code in *onfault (the thread's pcb_onfault); trap() sees a kernel page
; fault with pcb_onfault set and, instead of panicking, resumes there,
; and the loop returns EFAULT.  The stack is as the loop left it when
; the fault came (rep movsb does not move %esp), so the recovery code
; pops what the loop pushed.  OpenBSD keeps these in locore.s.

EFAULT		equ	14
ENAMETOOLONG	equ	63

section .text

; int copy_bytes(void *dst, const void *src, size_t len, caddr_t *onfault)
;   0, or EFAULT if a fault stopped it.
global copy_bytes
copy_bytes:
	push	esi
	push	edi
	mov	edi, [esp + 12]		; dst
	mov	esi, [esp + 16]		; src
	mov	ecx, [esp + 20]		; len
	mov	edx, [esp + 24]		; onfault
	mov	dword [edx], copy_bytes_fault
	cld
	rep movsb
	mov	edx, [esp + 24]
	mov	dword [edx], 0
	xor	eax, eax
	pop	edi
	pop	esi
	ret
copy_bytes_fault:
	mov	edx, [esp + 24]
	mov	dword [edx], 0
	mov	eax, EFAULT
	pop	edi
	pop	esi
	ret

; int copy_string(void *dst, const void *src, size_t maxlen, size_t *done,
;     caddr_t *onfault)
;   Copies up to and including the NUL, at most maxlen bytes; *done gets
;   the bytes copied (with the NUL).  0, ENAMETOOLONG if no NUL came
;   within maxlen bytes, or EFAULT.
global copy_string
copy_string:
	push	esi
	push	edi
	mov	edi, [esp + 12]		; dst
	mov	esi, [esp + 16]		; src
	mov	ecx, [esp + 20]		; maxlen
	mov	edx, [esp + 28]		; onfault
	mov	dword [edx], copy_string_fault
	cld
	mov	eax, ENAMETOOLONG
	jecxz	.out
.loop:
	lodsb
	stosb
	test	al, al
	jz	.nul
	loop	.loop
	mov	eax, ENAMETOOLONG
	jmp	.out
.nul:
	xor	eax, eax
.out:
	mov	edx, [esp + 28]
	mov	dword [edx], 0
	mov	ecx, edi		; bytes copied = edi - dst
	sub	ecx, [esp + 12]
	mov	edx, [esp + 24]		; done
	test	edx, edx
	jz	.ret
	mov	[edx], ecx
.ret:
	pop	edi
	pop	esi
	ret
copy_string_fault:
	mov	edx, [esp + 28]
	mov	dword [edx], 0
	mov	eax, EFAULT
	pop	edi
	pop	esi
	ret

; No executable stack wanted.
section .note.GNU-stack noalloc noexec nowrite progbits
