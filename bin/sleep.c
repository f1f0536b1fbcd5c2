/*
 * bin/sleep.c: sleep(1), suspend execution for an interval.
 *
 *	sleep seconds
 *
 * seconds may have a fraction ("0.25"), read here digit by digit into
 * a struct timespec: there is no floating point in this system's user
 * programs.  As OpenBSD's bin/sleep/sleep.c, which parses the same way.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <time.h>

static void
usage(void)
{
	fprintf(stderr, "usage: sleep seconds\n");
}

int
main(int argc, char *argv[])
{
	struct timespec ts = { 0, 0 };
	const char *p;
	long scale = 100000000;

	if (argc == 3 && argv[1][0] == '-' && argv[1][1] == '-' &&
	    argv[1][2] == '\0') {
		argv++;
		argc--;
	}
	if (argc != 2) {
		usage();
		return 1;
	}
	for (p = argv[1]; isdigit((unsigned char)*p); p++) {
		if (ts.tv_sec > 100000000) {
			errx(1, "seconds is too large: %s", argv[1]);
		}
		ts.tv_sec = ts.tv_sec * 10 + (*p - '0');
	}
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++) {
			ts.tv_nsec += (*p - '0') * scale;
			scale /= 10;
		}
	}
	if (*p != '\0' || p == argv[1])
		errx(1, "seconds is invalid: %s", argv[1]);
	while (nanosleep(&ts, &ts) < 0) {
		if (errno != EINTR)
			err(1, "nanosleep");
	}
	return 0;
}
