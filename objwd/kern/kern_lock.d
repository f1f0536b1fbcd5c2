objwd/kern/kern_lock.o: kern/kern_lock.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/mutex.h objwd/include/machine/cpu.h sys/sched.h sys/queue.h \
 objwd/include/machine/intr.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/mutex.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
objwd/include/machine/intr.h:
