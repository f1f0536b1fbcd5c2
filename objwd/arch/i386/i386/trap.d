objwd/arch/i386/i386/trap.o: arch/i386/i386/trap.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h ddb/db_extern.h objwd/include/machine/cpufunc.h \
 objwd/include/machine/frame.h objwd/include/machine/psl.h \
 objwd/include/machine/segments.h objwd/include/machine/trap.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
ddb/db_extern.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/frame.h:
objwd/include/machine/psl.h:
objwd/include/machine/segments.h:
objwd/include/machine/trap.h:
