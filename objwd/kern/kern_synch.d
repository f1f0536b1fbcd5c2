objwd/kern/kern_synch.o: kern/kern_synch.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/errno.h sys/kernel.h objwd/include/machine/cpu.h sys/sched.h \
 sys/queue.h sys/proc.h sys/timeout.h objwd/include/machine/cpufunc.h \
 objwd/include/machine/intr.h sys/mutex.h uvm/uvm_extern.h
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
sys/proc.h:
sys/timeout.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/intr.h:
sys/mutex.h:
uvm/uvm_extern.h:
