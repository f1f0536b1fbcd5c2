objwd/dev/pci/pci.o: dev/pci/pci.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/device.h sys/queue.h objwd/include/machine/mainbus.h \
 objwd/include/machine/pci_machdep.h dev/pci/pcireg.h dev/pci/pcivar.h \
 dev/pci/pcidevs.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/device.h:
sys/queue.h:
objwd/include/machine/mainbus.h:
objwd/include/machine/pci_machdep.h:
dev/pci/pcireg.h:
dev/pci/pcivar.h:
dev/pci/pcidevs.h:
