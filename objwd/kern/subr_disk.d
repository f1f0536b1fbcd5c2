objwd/kern/subr_disk.o: kern/subr_disk.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/buf.h sys/queue.h sys/disklabel.h sys/conf.h sys/errno.h \
 sys/malloc.h sys/proc.h sys/sched.h sys/timeout.h \
 objwd/include/machine/cpu.h objwd/include/machine/intr.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/buf.h:
sys/queue.h:
sys/disklabel.h:
sys/conf.h:
sys/errno.h:
sys/malloc.h:
sys/proc.h:
sys/sched.h:
sys/timeout.h:
objwd/include/machine/cpu.h:
objwd/include/machine/intr.h:
