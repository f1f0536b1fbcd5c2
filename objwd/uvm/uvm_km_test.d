objwd/uvm/uvm_km_test.o: uvm/uvm_km_test.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/ktest.h uvm/uvm_extern.h uvm/uvm_map.h sys/queue.h \
 objwd/include/machine/pmap.h objwd/include/machine/pte.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/ktest.h:
uvm/uvm_extern.h:
uvm/uvm_map.h:
sys/queue.h:
objwd/include/machine/pmap.h:
objwd/include/machine/pte.h:
