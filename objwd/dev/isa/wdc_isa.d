objwd/dev/isa/wdc_isa.o: dev/isa/wdc_isa.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 sys/device.h sys/queue.h dev/ata/atareg.h dev/ic/wdcvar.h sys/timeout.h \
 dev/isa/isavar.h objwd/include/machine/intr.h \
 objwd/include/machine/i8259.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
sys/device.h:
sys/queue.h:
dev/ata/atareg.h:
dev/ic/wdcvar.h:
sys/timeout.h:
dev/isa/isavar.h:
objwd/include/machine/intr.h:
objwd/include/machine/i8259.h:
