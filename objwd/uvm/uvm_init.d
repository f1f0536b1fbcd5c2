objwd/uvm/uvm_init.o: uvm/uvm_init.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 uvm/uvm_extern.h uvm/uvm_page.h sys/queue.h objwd/include/machine/pmap.h \
 objwd/include/machine/pte.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
uvm/uvm_extern.h:
uvm/uvm_page.h:
sys/queue.h:
objwd/include/machine/pmap.h:
objwd/include/machine/pte.h:
