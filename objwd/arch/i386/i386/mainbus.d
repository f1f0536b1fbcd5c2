objwd/arch/i386/i386/mainbus.o: arch/i386/i386/mainbus.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/device.h sys/queue.h objwd/include/machine/mainbus.h \
 objwd/include/machine/pci_machdep.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/device.h:
sys/queue.h:
objwd/include/machine/mainbus.h:
objwd/include/machine/pci_machdep.h:
