objwd/kern/init_main.o: kern/init_main.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/kernel.h objwd/include/machine/cpu.h sys/sched.h sys/queue.h \
 sys/ktest.h sys/malloc.h sys/proc.h sys/timeout.h sys/device.h \
 sys/reboot.h ddb/db_extern.h dev/cons.h objwd/include/machine/biosvar.h \
 objwd/include/machine/cpufunc.h objwd/include/machine/intr.h \
 uvm/uvm_extern.h
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
sys/malloc.h:
sys/proc.h:
sys/timeout.h:
sys/device.h:
sys/reboot.h:
ddb/db_extern.h:
dev/cons.h:
objwd/include/machine/biosvar.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/intr.h:
uvm/uvm_extern.h:
