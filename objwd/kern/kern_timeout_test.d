objwd/kern/kern_timeout_test.o: kern/kern_timeout_test.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/kernel.h objwd/include/machine/cpu.h sys/sched.h \
 sys/queue.h sys/ktest.h sys/timeout.h objwd/include/machine/cpufunc.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/kernel.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
sys/ktest.h:
sys/timeout.h:
objwd/include/machine/cpufunc.h:
