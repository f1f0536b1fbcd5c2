objwd/lib/libkern/cxxabi_test.o: lib/libkern/cxxabi_test.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/ktest.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/ktest.h:
