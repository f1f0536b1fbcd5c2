objwd/kern/subr_pool.o: kern/subr_pool.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/errno.h sys/kernel.h objwd/include/machine/cpu.h sys/sched.h \
 sys/queue.h sys/pool.h uvm/uvm_extern.h
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
sys/pool.h:
uvm/uvm_extern.h:
