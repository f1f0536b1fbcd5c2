objwd/uvm/uvm_km.o: uvm/uvm_km.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 uvm/uvm_extern.h uvm/uvm_map.h sys/queue.h uvm/uvm_page.h \
 objwd/include/machine/pmap.h objwd/include/machine/pte.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
uvm/uvm_extern.h:
uvm/uvm_map.h:
sys/queue.h:
uvm/uvm_page.h:
objwd/include/machine/pmap.h:
objwd/include/machine/pte.h:
