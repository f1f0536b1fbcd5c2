objwd/lib/libkern/memcpy.o: lib/libkern/memcpy.cc sys/types.h \
 objwd/include/machine/types.h sys/systm.h
sys/types.h:
objwd/include/machine/types.h:
sys/systm.h:
