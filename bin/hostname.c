/*
 * bin/hostname.c: hostname(1), print or set the host's name.
 *
 *	hostname [-s] [name]
 *
 * Without a name, prints the host's name (gethostname(3)), with -s only
 * up to the first dot.  With a name, sets it (sethostname(3), a write to
 * the sysctl kern.hostname), which only root may do.  /etc/rc sets it
 * from /etc/myname at boot.  As OpenBSD's bin/hostname/hostname.c.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	int ch, sflag = 0;
	char name[256];

	while ((ch = getopt(argc, argv, "s")) != -1) {
		if (ch != 's') {
			fprintf(stderr, "usage: hostname [-s] [name]\n");
			return 1;
		}
		sflag = 1;
	}
	argc -= optind;
	argv += optind;
	if (argc > 1) {
		fprintf(stderr, "usage: hostname [-s] [name]\n");
		return 1;
	}
	if (argc == 1) {
		if (sethostname(argv[0], strlen(argv[0])) < 0)
			err(1, "sethostname");
		return 0;
	}
	if (gethostname(name, sizeof(name)) < 0)
		err(1, "gethostname");
	name[sizeof(name) - 1] = '\0';
	if (sflag) {
		char *dot = strchr(name, '.');
		if (dot != NULL)
			*dot = '\0';
	}
	puts(name);
	return 0;
}
