objwd/kern/kern_subr.o: kern/kern_subr.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/errno.h sys/uio.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/errno.h:
sys/uio.h:
