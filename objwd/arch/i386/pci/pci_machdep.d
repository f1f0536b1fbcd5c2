objwd/arch/i386/pci/pci_machdep.o: arch/i386/pci/pci_machdep.cc \
 sys/param.h sys/types.h objwd/include/machine/types.h \
 objwd/include/machine/param.h sys/systm.h \
 objwd/include/machine/cpufunc.h objwd/include/machine/intr.h \
 objwd/include/machine/pci_machdep.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/intr.h:
objwd/include/machine/pci_machdep.h:
