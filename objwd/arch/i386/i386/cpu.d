objwd/arch/i386/i386/cpu.o: arch/i386/i386/cpu.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/device.h sys/queue.h objwd/include/machine/cpu.h sys/sched.h \
 objwd/include/machine/mainbus.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/device.h:
sys/queue.h:
objwd/include/machine/cpu.h:
sys/sched.h:
objwd/include/machine/mainbus.h:
