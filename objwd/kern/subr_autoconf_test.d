objwd/kern/subr_autoconf_test.o: kern/subr_autoconf_test.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/device.h sys/queue.h sys/ktest.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/device.h:
sys/queue.h:
sys/ktest.h:
