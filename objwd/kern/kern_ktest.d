objwd/kern/kern_ktest.o: kern/kern_ktest.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/ktest.h objwd/include/machine/cpu.h sys/sched.h sys/queue.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/ktest.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
