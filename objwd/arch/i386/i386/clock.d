objwd/arch/i386/i386/clock.o: arch/i386/i386/clock.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/kernel.h objwd/include/machine/cpu.h sys/sched.h \
 sys/queue.h objwd/include/machine/cpufunc.h \
 objwd/include/machine/frame.h objwd/include/machine/i8253reg.h \
 objwd/include/machine/i8259.h objwd/include/machine/intr.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/kernel.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/frame.h:
objwd/include/machine/i8253reg.h:
objwd/include/machine/i8259.h:
objwd/include/machine/intr.h:
