/*
 * bin/uname.c: uname(1), print the system's name.
 *
 *	uname [-amnprsv]
 *
 * The fields of uname(3) (which asks the kernel by sysctl): -s the
 * system's name (the default), -n the host's, -r the release, -v the
 * version, -m the machine, -p the processor (the machine here); -a all
 * of them, in that order, separated by blanks.  As OpenBSD's
 * usr.bin/uname/uname.c.
 */
#include <err.h>
#include <stdio.h>
#include <sys/utsname.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	struct utsname u;
	int ch, s = 0, n = 0, r = 0, v = 0, m = 0, p = 0;

	while ((ch = getopt(argc, argv, "amnprsv")) != -1) {
		switch (ch) {
		case 'a':
			s = n = r = v = m = 1;
			break;
		case 'm':
			m = 1;
			break;
		case 'n':
			n = 1;
			break;
		case 'p':
			p = 1;
			break;
		case 'r':
			r = 1;
			break;
		case 's':
			s = 1;
			break;
		case 'v':
			v = 1;
			break;
		default:
			fprintf(stderr, "usage: uname [-amnprsv]\n");
			return 1;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: uname [-amnprsv]\n");
		return 1;
	}
	if (!(s || n || r || v || m || p))
		s = 1;
	if (uname(&u) < 0)
		err(1, NULL);
	const char *fields[6] = { s ? u.sysname : NULL, n ? u.nodename : NULL,
	    r ? u.release : NULL, v ? u.version : NULL, m ? u.machine : NULL,
	    p ? u.machine : NULL };
	const char *sep = "";
	for (int i = 0; i < 6; i++) {
		if (fields[i] != NULL) {
			printf("%s%s", sep, fields[i]);
			sep = " ";
		}
	}
	putchar('\n');
	return 0;
}
