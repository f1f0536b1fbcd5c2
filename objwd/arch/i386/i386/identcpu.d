objwd/arch/i386/i386/identcpu.o: arch/i386/i386/identcpu.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h objwd/include/machine/cpu.h sys/sched.h sys/queue.h \
 objwd/include/machine/cpufunc.h objwd/include/machine/specialreg.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/specialreg.h:
