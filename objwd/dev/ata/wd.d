objwd/dev/ata/wd.o: dev/ata/wd.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/device.h sys/queue.h sys/buf.h sys/conf.h sys/disklabel.h \
 sys/errno.h dev/ata/atareg.h dev/ata/wdvar.h dev/ic/wdcvar.h \
 sys/timeout.h objwd/include/machine/intr.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/device.h:
sys/queue.h:
sys/buf.h:
sys/conf.h:
sys/disklabel.h:
sys/errno.h:
dev/ata/atareg.h:
dev/ata/wdvar.h:
dev/ic/wdcvar.h:
sys/timeout.h:
objwd/include/machine/intr.h:
