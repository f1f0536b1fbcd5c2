; vector.asm: the entry points of every IDT vector.
;
; When an exception or interrupt arrives the CPU switches to the kernel
; stack (from the TSS if it came from user mode), pushes %eflags, %cs,
; %eip (and %ss, %esp first when it changed privilege level) and, for a few
; exceptions, an error code, then jumps to the handler the IDT names.
;
; Each stub here pushes what is missing to give every vector the same
; frame: a zero where the CPU pushed no error code, then a trap number.
; INTRENTRY then saves the rest of the interrupted context, so that on the
; stack lies a complete `struct trapframe' (<machine/frame.h>, whose
; static_asserts pin the layout built here), and C++ gets a pointer to it.
;
;   vectors 0-31    CPU exceptions -> alltraps -> trap(frame)
;                   the stubs push OpenBSD's T_* code, not the vector
;   vectors 32-47   i8259 IRQ 0-15 -> intr_common -> intr_dispatch(frame)
;                   tf_trapno holds the vector (32 + irq)
;   vector 128      int $0x80 -> Xsyscall -> syscall(frame)
;   other vectors   stray_common -> stray_intr(frame), vector in tf_trapno
;
; OpenBSD's arch/i386/i386/locore.s and vector.s hold the same stubs
; (IDTVEC(div) ... ), written with the C preprocessor in AT&T syntax.

GCODE_SEL	equ	1
GDATA_SEL	equ	2
KDSEL		equ	(GDATA_SEL << 3)	; kernel data selector

; The T_* codes of <machine/trap.h>.
T_PRIVINFLT	equ	0
T_BPTFLT	equ	1
T_ARITHTRAP	equ	2
T_PROTFLT	equ	4
T_TRCTRAP	equ	5
T_PAGEFLT	equ	6
T_ALIGNFLT	equ	7
T_DIVIDE	equ	8
T_NMI		equ	9
T_OFLOW		equ	10
T_BOUND		equ	11
T_DNA		equ	12
T_DOUBLEFLT	equ	13
T_FPOPFLT	equ	14
T_TSSFLT	equ	15
T_SEGNPFLT	equ	16
T_STKFLT	equ	17
T_MACHK		equ	18
T_XFTRAP	equ	19
T_RESERVED	equ	20

extern trap, intr_dispatch, stray_intr, syscall, intr_userret

T_ASTFLT	equ	3
TF_CS		equ	56		; offsetof(struct trapframe, tf_cs)

; INTRENTRY: save the interrupted context; the order makes struct
; trapframe (tf_eax is pushed first, tf_fs last), then load the kernel's
; data segments and clear the direction flag, which user code may have
; changed (the compiler assumes DF clear for its string instructions).
%macro INTRENTRY 0
	push	eax
	push	ecx
	push	edx
	push	ebx
	push	ebp
	push	esi
	push	edi
	push	ds
	push	es
	push	gs
	push	fs
	mov	eax, KDSEL
	mov	ds, eax
	mov	es, eax
	mov	fs, eax
	mov	gs, eax
	cld				; a program may have left DF set:
					; string instructions run forward
%endmacro

; INTRFASTEXIT: the inverse; drop tf_trapno and tf_err, then iret.
%macro INTRFASTEXIT 0
	pop	fs
	pop	gs
	pop	es
	pop	ds
	pop	edi
	pop	esi
	pop	ebp
	pop	ebx
	pop	edx
	pop	ecx
	pop	eax
	add	esp, 8
	iret
%endmacro

; TRAP(name, code): the CPU pushed an error code.
%macro TRAP 2
global X%1
X%1:
	push	%2
	jmp	alltraps
%endmacro

; ZTRAP(name, code): it did not; push a zero in its place.
%macro ZTRAP 2
global X%1
X%1:
	push	0
	push	%2
	jmp	alltraps
%endmacro

section .text

ZTRAP	div,	T_DIVIDE	; 0  divide error
ZTRAP	dbg,	T_TRCTRAP	; 1  debug
ZTRAP	nmi,	T_NMI		; 2  non-maskable interrupt
ZTRAP	bpt,	T_BPTFLT	; 3  breakpoint (int3)
ZTRAP	ofl,	T_OFLOW		; 4  overflow (into)
ZTRAP	bnd,	T_BOUND		; 5  bound range exceeded
ZTRAP	ill,	T_PRIVINFLT	; 6  invalid opcode
ZTRAP	dna,	T_DNA		; 7  device (FPU) not available
TRAP	dble,	T_DOUBLEFLT	; 8  double fault
ZTRAP	fpusegm, T_FPOPFLT	; 9  coprocessor segment overrun
TRAP	tss,	T_TSSFLT	; 10 invalid TSS
TRAP	missing, T_SEGNPFLT	; 11 segment not present
TRAP	stk,	T_STKFLT	; 12 stack-segment fault
TRAP	prot,	T_PROTFLT	; 13 general protection
TRAP	page,	T_PAGEFLT	; 14 page fault
ZTRAP	rsvd,	T_RESERVED	; 15 reserved
ZTRAP	fpu,	T_ARITHTRAP	; 16 x87 floating point error
TRAP	align,	T_ALIGNFLT	; 17 alignment check
ZTRAP	mchk,	T_MACHK		; 18 machine check
ZTRAP	simd,	T_XFTRAP	; 19 SIMD floating point
; 20-31 are reserved by Intel: all share Xrsvd.

; alltraps: every exception ends up here with a full hardware frame plus
; error code and trap number.  trap() may change the frame (the return
; path restores whatever it holds), so nothing is cached across the call.
global alltraps, trap_return
alltraps:
	INTRENTRY
	push	esp			; trap(struct trapframe *)
	call	trap
trap_return:				; db_trace.cc recognises this address
	add	esp, 4
	INTRFASTEXIT

; Xsyscall: int $0x80, the system call gate (vector 128, DPL 3, a trap
; gate: interrupts stay enabled).  The frame is a trap's, with tf_err
; holding the length of the int instruction, 2, so that syscall() can back
; %eip up over it to restart the call (ERESTART).  syscall() does the
; rest: the number is in tf_eax, the arguments on the user stack.
global Xsyscall, syscall_return
Xsyscall:
	push	2			; tf_err: the size of "int $0x80"
	push	T_ASTFLT		; tf_trapno, as OpenBSD
	INTRENTRY
	push	esp			; syscall(struct trapframe *)
	call	syscall
syscall_return:				; db_trace.cc recognises this address
	add	esp, 4
	INTRFASTEXIT

; The i8259 interrupt stubs, one per IRQ line, Xintr_legacy0..15.
%assign irq 0
%rep 16
global Xintr_legacy %+ irq
Xintr_legacy %+ irq:
	push	0
	push	32 + irq
	jmp	intr_common
%assign irq irq + 1
%endrep

global intr_common, intr_return
intr_common:
	INTRENTRY
	push	esp			; intr_dispatch(struct trapframe *)
	call	intr_dispatch
intr_return:
	add	esp, 4
	; Back to user mode?  Then this is where an interrupted program is
	; preempted (the clock asked for a switch) or meets a signal: the
	; AST, which OpenBSD delivers the same way on its way out of
	; interrupts.  Returning to the kernel, nothing: kernel code is
	; never preempted.
	test	dword [esp + TF_CS], 3
	jz	.out
	push	esp
	call	intr_userret		; intr_userret(struct trapframe *)
	add	esp, 4
.out:
	INTRFASTEXIT

; Stubs for the vectors nobody should raise (48-255): each pushes its
; vector so stray_intr() can name it.
%assign vec 48
%rep 256 - 48
Xstray %+ vec:
	push	0
	push	vec
	jmp	stray_common
%assign vec vec + 1
%endrep

stray_common:
	INTRENTRY
	push	esp
	call	stray_intr
	add	esp, 4
	INTRFASTEXIT

section .rodata
align 4
; The table machdep.cc's IDT setup walks: the entry for each vector.
global idt_vectors
idt_vectors:
	dd	Xdiv, Xdbg, Xnmi, Xbpt, Xofl, Xbnd, Xill, Xdna
	dd	Xdble, Xfpusegm, Xtss, Xmissing, Xstk, Xprot, Xpage, Xrsvd
	dd	Xfpu, Xalign, Xmchk, Xsimd
%rep 12
	dd	Xrsvd			; 20-31
%endrep
%assign irq 0
%rep 16
	dd	Xintr_legacy %+ irq
%assign irq irq + 1
%endrep
%assign vec 48
%rep 256 - 48
%if vec == 128
	dd	Xsyscall		; int $0x80
%else
	dd	Xstray %+ vec
%endif
%assign vec vec + 1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
