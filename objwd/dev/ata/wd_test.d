objwd/dev/ata/wd_test.o: dev/ata/wd_test.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/buf.h sys/queue.h sys/conf.h sys/device.h sys/disklabel.h \
 sys/errno.h sys/ktest.h sys/malloc.h dev/ata/wdvar.h \
 objwd/include/machine/intr.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/buf.h:
sys/queue.h:
sys/conf.h:
sys/device.h:
sys/disklabel.h:
sys/errno.h:
sys/ktest.h:
sys/malloc.h:
dev/ata/wdvar.h:
objwd/include/machine/intr.h:
