/*
 * sbin/reboot.c: reboot(8) and halt(8), stop the system.
 *
 *	reboot [-dnq]
 *	halt [-dnpq]
 *
 * Writes the buffer cache to disk (sync(2), unless -n) and calls
 * reboot(2): reboot restarts the machine, halt stops it, and halt -p
 * powers it off (QEMU exits).  -d asks for a crash dump, -q does
 * nothing more than the call (no sync either way here).  Only root may.
 * sbin/halt.c is this file compiled with HALT defined, as OpenBSD's
 * sbin/reboot/reboot.c is one program linked under both names.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>


int
main(int argc, char *argv[])
{
	int ch, howto = 0;
#ifdef HALT
	const char *opts = "dnpq", *name = "halt";
	howto = RB_HALT;
#else
	const char *opts = "dnq", *name = "reboot";
#endif

	while ((ch = getopt(argc, argv, opts)) != -1) {
		switch (ch) {
		case 'd':
			howto |= RB_DUMP;
			break;
		case 'n':
			howto |= RB_NOSYNC;
			break;
		case 'p':
			howto |= RB_POWERDOWN;
			break;
		case 'q':
			howto |= RB_NOSYNC;
			break;
		default:
			fprintf(stderr, "usage: %s [-%s]\n", name, opts);
			return 1;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: %s [-%s]\n", name, opts);
		return 1;
	}
	if (geteuid() != 0)
		errx(1, "Operation not permitted");
	if (!(howto & RB_NOSYNC))
		sync();
	reboot(howto);
	err(1, "reboot");
}
