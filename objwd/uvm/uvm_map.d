objwd/uvm/uvm_map.o: uvm/uvm_map.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/errno.h uvm/uvm_extern.h uvm/uvm_map.h sys/queue.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/errno.h:
uvm/uvm_extern.h:
uvm/uvm_map.h:
sys/queue.h:
