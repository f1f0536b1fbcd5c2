objwd/arch/i386/i386/bootarg.o: arch/i386/i386/bootarg.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/errno.h sys/reboot.h objwd/include/machine/biosvar.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/errno.h:
sys/reboot.h:
objwd/include/machine/biosvar.h:
