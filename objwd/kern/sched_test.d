objwd/kern/sched_test.o: kern/sched_test.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/errno.h sys/kernel.h objwd/include/machine/cpu.h sys/sched.h \
 sys/queue.h sys/ktest.h sys/mutex.h objwd/include/machine/intr.h \
 sys/pool.h sys/proc.h sys/timeout.h uvm/uvm_extern.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/errno.h:
sys/kernel.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
sys/ktest.h:
sys/mutex.h:
objwd/include/machine/intr.h:
sys/pool.h:
sys/proc.h:
sys/timeout.h:
uvm/uvm_extern.h:
