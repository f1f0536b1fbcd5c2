objwd/kern/kern_malloc.o: kern/kern_malloc.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/malloc.h uvm/uvm_extern.h uvm/uvm_map.h sys/queue.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/malloc.h:
uvm/uvm_extern.h:
uvm/uvm_map.h:
sys/queue.h:
