objwd/arch/i386/i386/machdep_test.o: arch/i386/i386/machdep_test.cc \
 sys/param.h sys/types.h objwd/include/machine/types.h \
 objwd/include/machine/param.h sys/systm.h sys/ktest.h \
 objwd/include/machine/biosvar.h objwd/include/machine/cpu.h sys/sched.h \
 sys/queue.h objwd/include/machine/cpufunc.h objwd/include/machine/pte.h \
 objwd/include/machine/segments.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/ktest.h:
objwd/include/machine/biosvar.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/pte.h:
objwd/include/machine/segments.h:
