objwd/kern/subr_prf.o: kern/subr_prf.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/msgbuf.h sys/reboot.h dev/cons.h sys/ktest.h ddb/db_extern.h \
 objwd/include/machine/cpufunc.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/msgbuf.h:
sys/reboot.h:
dev/cons.h:
sys/ktest.h:
ddb/db_extern.h:
objwd/include/machine/cpufunc.h:
