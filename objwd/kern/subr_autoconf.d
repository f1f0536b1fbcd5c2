objwd/kern/subr_autoconf.o: kern/subr_autoconf.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/device.h sys/queue.h sys/malloc.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/device.h:
sys/queue.h:
sys/malloc.h:
