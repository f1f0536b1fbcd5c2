objwd/arch/i386/i386/pmap_pv.o: arch/i386/i386/pmap_pv.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/errno.h sys/pool.h sys/queue.h uvm/uvm_extern.h \
 uvm/uvm_page.h objwd/include/machine/pmap.h objwd/include/machine/pte.h \
 objwd/include/machine/cpufunc.h arch/i386/i386/pmap_internal.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/errno.h:
sys/pool.h:
sys/queue.h:
uvm/uvm_extern.h:
uvm/uvm_page.h:
objwd/include/machine/pmap.h:
objwd/include/machine/pte.h:
objwd/include/machine/cpufunc.h:
arch/i386/i386/pmap_internal.h:
