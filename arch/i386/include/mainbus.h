/*
 * <machine/mainbus.h>: what mainbus tells the devices it finds: their
 * bus name ("cpu", "isa"), which their match functions compare.
 */
#ifndef _MACHINE_MAINBUS_H_
#define _MACHINE_MAINBUS_H_

struct mainbus_attach_args {
	const char	*mba_busname;
};

#endif /* !_MACHINE_MAINBUS_H_ */
