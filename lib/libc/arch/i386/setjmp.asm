; lib/libc/arch/i386/setjmp.asm: setjmp(3) and longjmp(3) for i386.
;
; setjmp saves what the i386 System V calling convention says a called
; function must preserve (%ebx, %esi, %edi, %ebp, %esp) and its own
; return address, in the caller's jmp_buf, and returns 0.  longjmp puts
; them back, overwrites the return address on the restored stack with
; the saved one and returns from setjmp a second time, with val (1 if
; val is 0).  The signal mask is not saved or restored: setjmp is
; _setjmp.  OpenBSD's is lib/libc/arch/i386/gen/_setjmp.S.
;
; jmp_buf layout (<setjmp.h>, longs):
;	0 return address, 1 %ebx, 2 %esp, 3 %ebp, 4 %esi, 5 %edi

	bits	32
	section	.text

	global	setjmp:function
	global	_setjmp:function
setjmp:
_setjmp:
	mov	eax, [esp + 4]		; jmp_buf
	mov	edx, [esp]		; our return address
	mov	[eax + 0], edx
	mov	[eax + 4], ebx
	mov	[eax + 8], esp
	mov	[eax + 12], ebp
	mov	[eax + 16], esi
	mov	[eax + 20], edi
	xor	eax, eax
	ret

	global	longjmp:function
	global	_longjmp:function
longjmp:
_longjmp:
	mov	edx, [esp + 4]		; jmp_buf
	mov	eax, [esp + 8]		; val
	mov	ebx, [edx + 4]
	mov	esp, [edx + 8]
	mov	ebp, [edx + 12]
	mov	esi, [edx + 16]
	mov	edi, [edx + 20]
	test	eax, eax		; setjmp must not seem to return 0
	jnz	.nonzero
	inc	eax
.nonzero:
	mov	ecx, [edx + 0]
	mov	[esp], ecx		; the stack now is setjmp's: return there
	ret

	; The stack need not be executable.
	section	.note.GNU-stack noalloc noexec nowrite progbits
