objwd/uvm/uvm_page_test.o: uvm/uvm_page_test.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/ktest.h uvm/uvm_extern.h uvm/uvm_page.h sys/queue.h \
 objwd/include/machine/pmap.h objwd/include/machine/pte.h \
 objwd/include/machine/cpu.h sys/sched.h objwd/include/machine/cpufunc.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/ktest.h:
uvm/uvm_extern.h:
uvm/uvm_page.h:
sys/queue.h:
objwd/include/machine/pmap.h:
objwd/include/machine/pte.h:
objwd/include/machine/cpu.h:
sys/sched.h:
objwd/include/machine/cpufunc.h:
