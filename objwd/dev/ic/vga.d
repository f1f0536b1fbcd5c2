objwd/dev/ic/vga.o: dev/ic/vga.cc sys/param.h sys/types.h \
 objwd/include/machine/types.h objwd/include/machine/param.h sys/systm.h \
 dev/cons.h dev/ic/vgavar.h objwd/include/machine/cpufunc.h
sys/param.h:
sys/types.h:
objwd/include/machine/types.h:
objwd/include/machine/param.h:
sys/systm.h:
dev/cons.h:
dev/ic/vgavar.h:
objwd/include/machine/cpufunc.h:
