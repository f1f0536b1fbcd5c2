objwd/kern/kern_proc.o: kern/kern_proc.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/pool.h sys/queue.h sys/proc.h sys/sched.h sys/timeout.h \
 objwd/include/machine/cpu.h sys/user.h objwd/include/machine/pcb.h \
 uvm/uvm_extern.h objwd/include/machine/intr.h \
 objwd/include/machine/pmap.h objwd/include/machine/pte.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/pool.h:
sys/queue.h:
sys/proc.h:
sys/sched.h:
sys/timeout.h:
objwd/include/machine/cpu.h:
sys/user.h:
objwd/include/machine/pcb.h:
uvm/uvm_extern.h:
objwd/include/machine/intr.h:
objwd/include/machine/pmap.h:
objwd/include/machine/pte.h:
