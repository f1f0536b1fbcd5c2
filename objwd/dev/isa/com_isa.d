objwd/dev/isa/com_isa.o: dev/isa/com_isa.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/device.h sys/queue.h dev/ic/comreg.h dev/ic/comvar.h \
 dev/isa/isavar.h objwd/include/machine/cpufunc.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/device.h:
sys/queue.h:
dev/ic/comreg.h:
dev/ic/comvar.h:
dev/isa/isavar.h:
objwd/include/machine/cpufunc.h:
