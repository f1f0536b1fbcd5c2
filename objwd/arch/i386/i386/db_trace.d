objwd/arch/i386/i386/db_trace.o: arch/i386/i386/db_trace.cc sys/param.h \
 sys/types.h objwd/include/machine/types.h objwd/include/machine/param.h \
 sys/systm.h ddb/db_extern.h objwd/include/machine/frame.h \
 objwd/include/machine/segments.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
ddb/db_extern.h:
objwd/include/machine/frame.h:
objwd/include/machine/segments.h:
