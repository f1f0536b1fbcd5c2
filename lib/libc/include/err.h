/* <err.h>: formatted error messages, "prog: message: strerror". */
#ifndef _ERR_H_
#define _ERR_H_

#include <sys/cdefs.h>
#include <stdarg.h>

__BEGIN_DECLS
__dead void	err(int eval, const char *fmt, ...) __printflike(2, 3);
__dead void	verr(int eval, const char *fmt, va_list ap);
__dead void	errx(int eval, const char *fmt, ...) __printflike(2, 3);
__dead void	verrx(int eval, const char *fmt, va_list ap);
__dead void	errc(int eval, int code, const char *fmt, ...)
	    __printflike(3, 4);
void	warn(const char *fmt, ...) __printflike(1, 2);
void	vwarn(const char *fmt, va_list ap);
void	warnx(const char *fmt, ...) __printflike(1, 2);
void	vwarnx(const char *fmt, va_list ap);
void	warnc(int code, const char *fmt, ...) __printflike(2, 3);
__END_DECLS

#endif /* !_ERR_H_ */
