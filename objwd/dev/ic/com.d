objwd/dev/ic/com.o: dev/ic/com.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/errno.h dev/cons.h dev/ic/comreg.h dev/ic/comvar.h \
 objwd/include/machine/cpufunc.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/errno.h:
dev/cons.h:
dev/ic/comreg.h:
dev/ic/comvar.h:
objwd/include/machine/cpufunc.h:
