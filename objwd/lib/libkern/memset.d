objwd/lib/libkern/memset.o: lib/libkern/memset.cc sys/types.h \
 objwd/include/machine/types.h sys/systm.h
sys/types.h:
objwd/include/machine/types.h:
sys/systm.h:
