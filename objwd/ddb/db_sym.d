objwd/ddb/db_sym.o: ddb/db_sym.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 ddb/db_extern.h ddb/db_sym.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
ddb/db_extern.h:
ddb/db_sym.h:
