objwd/lib/libkern/cxxabi.o: lib/libkern/cxxabi.cc sys/types.h \
 objwd/include/machine/types.h sys/systm.h
sys/types.h:
objwd/include/machine/types.h:
sys/systm.h:
