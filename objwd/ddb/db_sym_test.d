objwd/ddb/db_sym_test.o: ddb/db_sym_test.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/kernel.h objwd/include/machine/cpu.h sys/sched.h sys/queue.h \
 sys/ktest.h ddb/db_extern.h objwd/include/machine/segments.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/kernel.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
sys/ktest.h:
ddb/db_extern.h:
objwd/include/machine/segments.h:
