objwd/kern/kern_malloc_test.o: kern/kern_malloc_test.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/ktest.h sys/malloc.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/ktest.h:
sys/malloc.h:
