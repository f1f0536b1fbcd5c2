objwd/arch/i386/i386/machdep.o: arch/i386/i386/machdep.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/msgbuf.h sys/reboot.h dev/cons.h dev/ic/comvar.h \
 dev/ic/vgavar.h objwd/include/machine/biosvar.h \
 objwd/include/machine/cpu.h sys/sched.h sys/queue.h \
 objwd/include/machine/cpufunc.h objwd/include/machine/i8259.h \
 objwd/include/machine/intr.h objwd/include/machine/pte.h \
 objwd/include/machine/segments.h objwd/include/machine/specialreg.h \
 objwd/include/machine/tss.h uvm/uvm_extern.h uvm/uvm_page.h \
 objwd/include/machine/pmap.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/msgbuf.h:
sys/reboot.h:
dev/cons.h:
dev/ic/comvar.h:
dev/ic/vgavar.h:
objwd/include/machine/biosvar.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/i8259.h:
objwd/include/machine/intr.h:
objwd/include/machine/pte.h:
objwd/include/machine/segments.h:
objwd/include/machine/specialreg.h:
objwd/include/machine/tss.h:
uvm/uvm_extern.h:
uvm/uvm_page.h:
objwd/include/machine/pmap.h:
