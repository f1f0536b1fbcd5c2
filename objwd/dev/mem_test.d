objwd/dev/mem_test.o: dev/mem_test.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/conf.h sys/errno.h sys/ktest.h sys/uio.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/conf.h:
sys/errno.h:
sys/ktest.h:
sys/uio.h:
