objwd/kern/kern_rwlock_test.o: kern/kern_rwlock_test.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/errno.h sys/ktest.h sys/proc.h sys/queue.h sys/sched.h \
 sys/timeout.h objwd/include/machine/cpu.h sys/rwlock.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/errno.h:
sys/ktest.h:
sys/proc.h:
sys/queue.h:
sys/sched.h:
sys/timeout.h:
objwd/include/machine/cpu.h:
sys/rwlock.h:
