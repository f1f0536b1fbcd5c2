/*
 * <sys/ioctl.h>: every ioctl request a program may make, by gathering
 * the headers that define them, as OpenBSD's sys/sys/ioctl.h does: the
 * terminal requests (sys/ttycom.h) and those of all open files
 * (sys/filio.h), both built with sys/ioccom.h's encoding.
 *
 * C-compatible: libc's <sys/ioctl.h> includes this one and adds the
 * prototype of ioctl(2).
 */
#ifndef _SYS_IOCTL_H_
#define _SYS_IOCTL_H_

#include <sys/ttycom.h>
#include <sys/filio.h>

#endif /* !_SYS_IOCTL_H_ */
