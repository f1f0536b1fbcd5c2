objwd/arch/i386/i386/trap_test.o: arch/i386/i386/trap_test.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/ktest.h objwd/include/machine/cpufunc.h \
 objwd/include/machine/segments.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/ktest.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/segments.h:
