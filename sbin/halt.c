/*
 * sbin/halt.c: halt(8), the same program as reboot(8) (sbin/reboot.c)
 * with RB_HALT: stop the machine, or with -p power it off.
 */
#define HALT
#include "reboot.c"
