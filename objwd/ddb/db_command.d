objwd/ddb/db_command.o: ddb/db_command.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/kernel.h objwd/include/machine/cpu.h sys/sched.h sys/queue.h \
 sys/msgbuf.h sys/malloc.h sys/pool.h sys/extent.h sys/proc.h \
 sys/timeout.h uvm/uvm_extern.h uvm/uvm_map.h ddb/db_extern.h dev/cons.h \
 objwd/include/machine/frame.h objwd/include/machine/intr.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/kernel.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
sys/msgbuf.h:
sys/malloc.h:
sys/pool.h:
sys/extent.h:
sys/proc.h:
sys/timeout.h:
uvm/uvm_extern.h:
uvm/uvm_map.h:
ddb/db_extern.h:
dev/cons.h:
objwd/include/machine/frame.h:
objwd/include/machine/intr.h:
