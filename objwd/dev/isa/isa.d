objwd/dev/isa/isa.o: dev/isa/isa.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/device.h sys/queue.h dev/isa/isavar.h \
 objwd/include/machine/mainbus.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/device.h:
sys/queue.h:
dev/isa/isavar.h:
objwd/include/machine/mainbus.h:
