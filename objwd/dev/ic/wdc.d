objwd/dev/ic/wdc.o: dev/ic/wdc.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/buf.h sys/queue.h sys/device.h sys/errno.h dev/ata/atareg.h \
 dev/ic/wdcvar.h sys/timeout.h objwd/include/machine/cpu.h sys/sched.h \
 objwd/include/machine/cpufunc.h objwd/include/machine/intr.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/buf.h:
sys/queue.h:
sys/device.h:
sys/errno.h:
dev/ata/atareg.h:
dev/ic/wdcvar.h:
sys/timeout.h:
objwd/include/machine/cpu.h:
sys/sched.h:
objwd/include/machine/cpufunc.h:
objwd/include/machine/intr.h:
