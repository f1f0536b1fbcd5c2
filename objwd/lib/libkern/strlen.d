objwd/lib/libkern/strlen.o: lib/libkern/strlen.cc sys/types.h \
 objwd/include/machine/types.h sys/systm.h
sys/types.h:
objwd/include/machine/types.h:
sys/systm.h:
