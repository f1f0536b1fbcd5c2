objwd/kern/subr_pool_test.o: kern/subr_pool_test.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h sys/errno.h sys/ktest.h sys/pool.h sys/queue.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/errno.h:
sys/ktest.h:
sys/pool.h:
sys/queue.h:
