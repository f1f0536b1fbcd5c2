objwd/dev/mem.o: dev/mem.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/conf.h sys/errno.h sys/uio.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/conf.h:
sys/errno.h:
sys/uio.h:
