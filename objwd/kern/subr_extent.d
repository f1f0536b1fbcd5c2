objwd/kern/subr_extent.o: kern/subr_extent.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/errno.h sys/malloc.h sys/extent.h sys/queue.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/errno.h:
sys/malloc.h:
sys/extent.h:
sys/queue.h:
