/*
 * lib/libc/stdlib/getopt.cc: getopt(3), POSIX's option parser.
 *
 * argv[optind] is the next argument to look at; a "-abc" cluster is taken
 * one letter per call, with place remembering where in it we are.
 * Parsing stops at the first argument that is not an option, at "-"
 * alone, or after "--" (which is skipped).  An option letter followed by
 * ":" in optstring takes an argument: the rest of its cluster, or the
 * next argument.  Errors ("illegal option", "option requires an
 * argument") print to stderr unless opterr is 0 or optstring starts with
 * ":", and return '?' (or ':' for a missing argument with a leading ":").
 * Setting optreset (BSD) or optind to 0 starts again.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern "C" {
int opterr = 1;		/* print errors */
int optind = 1;		/* index of the next argument */
int optopt;		/* the option letter being looked at */
int optreset;		/* start again */
char *optarg;		/* an option's argument */
}

static const char *place = "";	/* the rest of the current cluster */

static const char *
progname(char *const *argv)
{
	const char *p = argv[0] != nullptr ? strrchr(argv[0], '/') : nullptr;

	return p != nullptr ? p + 1 : argv[0] != nullptr ? argv[0] : "";
}

extern "C" int
getopt(int argc, char *const *argv, const char *optstring)
{
	bool quiet = *optstring == ':';

	if (optind == 0) {
		optind = 1;
		optreset = 1;
	}
	optarg = nullptr;
	if (optreset || *place == '\0') {
		optreset = 0;
		if (optind >= argc || argv[optind][0] != '-' ||
		    argv[optind][1] == '\0') {
			place = "";
			return -1;
		}
		if (strcmp(argv[optind], "--") == 0) {
			optind++;
			place = "";
			return -1;
		}
		place = argv[optind] + 1;
	}

	optopt = (unsigned char)*place++;
	const char *spec = optopt != ':' ? strchr(optstring, optopt) : nullptr;
	if (spec == nullptr) {
		if (*place == '\0')
			optind++;
		if (opterr && !quiet)
			fprintf(stderr, "%s: unknown option -- %c\n",
			    progname(argv), optopt);
		return '?';
	}
	if (spec[1] != ':') {
		if (*place == '\0')
			optind++;
		return optopt;
	}
	/* The option takes an argument. */
	if (*place != '\0')
		optarg = (char *)place;
	else if (++optind < argc)
		optarg = argv[optind];
	else {
		place = "";
		if (quiet)
			return ':';
		if (opterr)
			fprintf(stderr, "%s: option requires an argument -- %c\n",
			    progname(argv), optopt);
		return '?';
	}
	place = "";
	optind++;
	return optopt;
}
