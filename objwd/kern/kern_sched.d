objwd/kern/kern_sched.o: kern/kern_sched.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/kernel.h objwd/include/machine/cpu.h sys/sched.h sys/queue.h \
 sys/proc.h sys/timeout.h objwd/include/machine/cpufunc.h \
 objwd/include/machine/intr.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/kernel.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
sys/proc.h:
sys/timeout.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/intr.h:
