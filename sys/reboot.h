/*
 * <sys/reboot.h>: the boot flags ("howto"), as boot(8) and reboot(2) use
 * them.  The loader sets them from its command line: `boot -s` gives
 * RB_SINGLE, `boot -d` gives RB_KDB.
 */
#ifndef _SYS_REBOOT_H_
#define _SYS_REBOOT_H_

#define RB_AUTOBOOT	0x00000	/* flags for system auto-booting itself */
#define RB_ASKNAME	0x00001	/* ask for file name to reboot from */
#define RB_SINGLE	0x00002	/* reboot to single user only */
#define RB_NOSYNC	0x00004	/* dont sync before reboot */
#define RB_HALT		0x00008	/* don't reboot, just halt */
#define RB_INITNAME	0x00010	/* name given for /etc/init (unused) */
#define RB_DFLTROOT	0x00020	/* use compiled-in rootdev */
#define RB_KDB		0x00040	/* give control to kernel debugger */
#define RB_RDONLY	0x00080	/* mount root fs read-only */
#define RB_DUMP		0x00100	/* dump kernel memory before reboot */
#define RB_MINIROOT	0x00200	/* mini-root present in memory */
#define RB_CONFIG	0x00400	/* change configured devices */
#define RB_TIMEBAD	0x00800	/* don't call resettodr() in boot() */
#define RB_POWERDOWN	0x01000	/* attempt to power down machine */
#define RB_SERCONS	0x02000	/* use serial console if available */
#define RB_USERREQ	0x04000	/* boot() called at user request */

#define RB_BITS		"\20\1ASKNAME\2SINGLE\3NOSYNC\4HALT\5INITNAME" \
			"\6DFLTROOT\7KDB\10RDONLY\11DUMP\12MINIROOT\13CONFIG" \
			"\14TIMEBAD\15POWERDOWN\16SERCONS\17USERREQ"

/*
 * The boot device, as boot(8) encodes it for the kernel (bootdev):
 * type (the block device major), adaptor, controller, unit and partition
 * packed into one word, marked by B_DEVMAGIC.
 */
#define B_ADAPTORSHIFT		24
#define B_ADAPTORMASK		0x0f
#define B_CONTROLLERSHIFT	20
#define B_CONTROLLERMASK	0xf
#define B_UNITSHIFT		16
#define B_UNITMASK		0xff
#define B_PARTITIONSHIFT	8
#define B_PARTITIONMASK		0xff
#define B_TYPESHIFT		0
#define B_TYPEMASK		0xff
#define B_MAGICMASK		0xf0000000
#define B_DEVMAGIC		0xa0000000

#define MAKEBOOTDEV(type, adaptor, controller, unit, partition)	\
	(((type) << B_TYPESHIFT) | ((adaptor) << B_ADAPTORSHIFT) |	\
	((controller) << B_CONTROLLERSHIFT) | ((unit) << B_UNITSHIFT) |	\
	((partition) << B_PARTITIONSHIFT) | B_DEVMAGIC)

#endif /* !_SYS_REBOOT_H_ */
