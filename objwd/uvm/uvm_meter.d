objwd/uvm/uvm_meter.o: uvm/uvm_meter.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/proc.h sys/queue.h sys/sched.h sys/timeout.h \
 objwd/include/machine/cpu.h uvm/uvm_extern.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/proc.h:
sys/queue.h:
sys/sched.h:
sys/timeout.h:
objwd/include/machine/cpu.h:
uvm/uvm_extern.h:
