; lib/libc/arch/i386/vfork.asm: vfork(2), written by hand.
;
; After vfork the child runs on the parent's stack, in the parent's
; address space, until it calls execve or _exit; the parent sleeps until
; then.  If the stub returned through the stack as the generated ones do,
; the child's return (and whatever it then called) would overwrite the
; return address the parent will need.  So the return address is popped
; into %ecx, which the kernel leaves alone, and pushed back after the
; trap, in the child and again in the parent.  The child sees 0 in %eax,
; the parent the child's pid (OpenBSD's convention since the kernel
; stopped returning a "child" flag in %edx).  OpenBSD's is
; lib/libc/arch/i386/sys/vfork.S.

	bits	32
	section	.text

	extern	__cerror

	global	_thread_sys_vfork:function
	global	vfork:function weak
_thread_sys_vfork:
vfork:
	pop	ecx			; the return address
	mov	eax, 66			; SYS_vfork
	int	0x80
	push	ecx
	jc	.error
	ret
.error:
	jmp	__cerror

	; The stack need not be executable.
	section	.note.GNU-stack noalloc noexec nowrite progbits
