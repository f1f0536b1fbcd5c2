; swtch.asm: the instant one thread stops and another goes on.
;
; cpu_switchto_stack(oldpcb, newpcb) is called by cpu_switchto()
; (vm_machdep.cc) with interrupts blocked.  It pushes the callee-saved
; registers on the current (old) kernel stack, records %esp and %ebp in
; the old thread's pcb, loads %esp and %ebp from the new thread's pcb,
; and pops the new thread's callee-saved registers from *its* stack.  The
; "ret" then returns into whatever the new thread was doing when it was
; switched away, normally the cpu_switchto() call in its own mi_switch().
; A thread that has never run returns into proc_trampoline instead:
; cpu_fork() built its stack to look as if it had been switched out there.
;
; The caller-saved registers (%eax, %ecx, %edx) need no saving: the C++
; caller of a function expects them to be clobbered anyway.
; Mirrors OpenBSD's cpu_switchto in arch/i386/i386/locore.s.

PCB_ESP	equ	0		; offsets in struct pcb (machine/pcb.h)
PCB_EBP	equ	4

extern proc_trampoline_mi

section .text

; void cpu_switchto_stack(struct pcb *oldpcb, struct pcb *newpcb)
;   oldpcb may be null: the old thread is dead and its state unwanted.
global cpu_switchto_stack
cpu_switchto_stack:
	push	ebp
	push	ebx
	push	esi
	push	edi
	mov	eax, [esp + 20]		; oldpcb
	mov	ecx, [esp + 24]		; newpcb
	test	eax, eax
	jz	.load
	mov	[eax + PCB_ESP], esp
	mov	[eax + PCB_EBP], ebp
.load:
	mov	esp, [ecx + PCB_ESP]
	mov	ebp, [ecx + PCB_EBP]
	pop	edi
	pop	esi
	pop	ebx
	pop	ebp
	ret

; proc_trampoline: where a new kernel thread starts.  cpu_fork() left
; the thread's function in %esi and its argument in %ebx.
global proc_trampoline
proc_trampoline:
	call	proc_trampoline_mi	; leave the scheduler's state behind
	push	ebx
	call	esi			; func(arg)
	add	esp, 4
	push	0
	extern	kthread_exit
	call	kthread_exit		; if func returns: exit(0)
.hang:
	hlt
	jmp	.hang

; proc_trampoline_user: where a new user process starts (cpu_fork put a
; trapframe at the top of its stack, just above this frame).  func(arg)
; is child_return, or start_init for init; then "return from the trap"
; into user mode, as vector.asm's trap_return does.
global proc_trampoline_user
extern trap_return
proc_trampoline_user:
	call	proc_trampoline_mi
	push	ebx
	call	esi			; func(arg)
	add	esp, 4
	push	esp			; trap_return pops trap()'s argument
	jmp	trap_return

section .note.GNU-stack noalloc noexec nowrite progbits
