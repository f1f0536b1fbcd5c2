objwd/arch/i386/i386/multiboot.o: arch/i386/i386/multiboot.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/reboot.h objwd/include/machine/biosvar.h \
 objwd/include/machine/multiboot.h dev/ic/comvar.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/reboot.h:
objwd/include/machine/biosvar.h:
objwd/include/machine/multiboot.h:
dev/ic/comvar.h:
