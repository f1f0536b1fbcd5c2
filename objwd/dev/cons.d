objwd/dev/cons.o: dev/cons.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 dev/cons.h objwd/include/machine/cpu.h sys/sched.h sys/queue.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
dev/cons.h:
objwd/include/machine/cpu.h:
sys/sched.h:
sys/queue.h:
