/*
 * getln.cc: read a command line from the console, for boot(8)'s prompt.
 *
 * Characters are echoed as they come; backspace and DEL erase the last
 * one, ^U the whole line; CR or LF ends it (an LF right after a CR is the
 * same line end, as terminals and the test harness send "\r\n").  The
 * first character may be waited for only so long: that is how the
 * `boot>' prompt times out into booting the default kernel.  OpenBSD's
 * boot(8) reads its lines in cmd.c's readline(); same behaviour.
 */
#include "stand.h"

static bool last_cr;		/* the previous line ended in CR */

/*
 * getln: read a line into buf (size bytes, NUL-terminated, without the
 * line end).
 * => timeout > 0: give up if no character came within that many seconds.
 * => returns the line's length, or -1 on a timeout.
 */
int
getln(char *buf, size_t size, int timeout)
{
	size_t n = 0;

	if (timeout > 0) {
		time_t start = getsecs();
		while (!cnischar()) {
			time_t now = getsecs();
			/* now < start: midnight passed; call it time. */
			if (now < start || now - start >= timeout)
				return -1;
		}
	}
	for (;;) {
		int c = getchar();
		if (c == '\n' && last_cr) {
			last_cr = false;
			continue;
		}
		last_cr = c == '\r';
		switch (c) {
		case '\r':
		case '\n':
			putchar('\n');
			buf[n] = '\0';
			return (int)n;
		case '\b':
		case 0x7f:
			if (n > 0) {
				n--;
				printf("\b \b");
			}
			break;
		case 'U' & 0x1f:	/* ^U */
			while (n > 0) {
				n--;
				printf("\b \b");
			}
			break;
		default:
			if (c >= ' ' && c < 0x7f && n + 1 < size) {
				buf[n++] = (char)c;
				putchar(c);
			}
			break;
		}
	}
}
