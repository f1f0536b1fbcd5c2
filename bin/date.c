/*
 * bin/date.c: date(1), print the date and time.
 *
 *	date [-u] [-r seconds] [+format]
 *
 * The time of day from gettimeofday(2), or the given number of seconds
 * since the Epoch with -r, printed with strftime(3) in the format given
 * after the "+", by default OpenBSD's "%a %b %e %H:%M:%S %Z %Y".  There
 * are no time zones (local time is UTC), so -u changes nothing.  Setting
 * the clock is left out: the kernel has no settimeofday(2) yet.
 * As OpenBSD's bin/date/date.c.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: date [-u] [-r seconds] [+format]\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	struct timeval tv;
	const char *format = "%a %b %e %H:%M:%S %Z %Y";
	int ch, rflag = 0, uflag = 0;
	time_t t = 0;

	while ((ch = getopt(argc, argv, "r:u")) != -1) {
		switch (ch) {
		case 'r': {
			char *end;
			t = (time_t)strtoll(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0')
				errx(1, "seconds is invalid: %s", optarg);
			rflag = 1;
			break;
		}
		case 'u':
			uflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1 || (argc == 1 && argv[0][0] != '+'))
		usage();
	if (argc == 1)
		format = argv[0] + 1;
	if (!rflag) {
		if (gettimeofday(&tv, NULL) < 0)
			err(1, "gettimeofday");
		t = tv.tv_sec;
	}
	struct tm *tm = uflag ? gmtime(&t) : localtime(&t);
	if (tm == NULL)
		errx(1, "time out of range");
	char buf[1024];
	if (strftime(buf, sizeof(buf), format, tm) == 0 && format[0] != '\0')
		errx(1, "format too long");
	puts(buf);
	return 0;
}
