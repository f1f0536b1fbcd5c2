objwd/arch/i386/i386/vm_machdep.o: arch/i386/i386/vm_machdep.cc \
 sys/param.h sys/types.h objwd/include/machine/types.h \
 objwd/include/machine/param.h sys/systm.h sys/proc.h sys/queue.h \
 sys/sched.h sys/timeout.h objwd/include/machine/cpu.h sys/user.h \
 objwd/include/machine/pcb.h objwd/include/machine/cpufunc.h \
 objwd/include/machine/pmap.h objwd/include/machine/pte.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/proc.h:
sys/queue.h:
sys/sched.h:
sys/timeout.h:
objwd/include/machine/cpu.h:
sys/user.h:
objwd/include/machine/pcb.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/pmap.h:
objwd/include/machine/pte.h:
