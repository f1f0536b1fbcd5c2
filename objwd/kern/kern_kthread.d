objwd/kern/kern_kthread.o: kern/kern_kthread.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/errno.h sys/proc.h sys/queue.h sys/sched.h sys/timeout.h \
 objwd/include/machine/cpu.h objwd/include/machine/intr.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/errno.h:
sys/proc.h:
sys/queue.h:
sys/sched.h:
sys/timeout.h:
objwd/include/machine/cpu.h:
objwd/include/machine/intr.h:
