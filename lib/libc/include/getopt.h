/* <getopt.h>: getopt(3) (lib/libc/stdlib/getopt.cc); no getopt_long. */
#ifndef _GETOPT_H_
#define _GETOPT_H_

#include <sys/cdefs.h>

__BEGIN_DECLS
extern char	*optarg;
extern int	opterr, optind, optopt, optreset;
int	getopt(int argc, char *const *argv, const char *optstring);
__END_DECLS

#endif /* !_GETOPT_H_ */
