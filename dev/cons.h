/*
 * <dev/cons.h>: the console, the device the kernel talks to before (and
 * besides) everything else.
 *
 * A console device is a small table of functions (struct consdev, as in
 * OpenBSD).  Several can be attached at once: kernel output goes to each,
 * input is read from any that has a character.  machdep.cc's consinit()
 * attaches com0 and the VGA text screen.
 */
#ifndef _DEV_CONS_H_
#define _DEV_CONS_H_

#include <sys/cdefs.h>
#include <sys/types.h>

struct consdev {
	const char *cn_name;		/* for messages: "com0", "vga0" */
	int	(*cn_getc)(dev_t);	/* next input character, or -1 */
	void	(*cn_putc)(dev_t, int);	/* output one character */
	void	(*cn_pollc)(dev_t, int); /* turn polled mode on and off */
	dev_t	cn_dev;			/* passed to each function */
};

__BEGIN_DECLS
void	cn_attach(struct consdev *);
void	cnputc(int c);
int	cngetc(void);		/* wait for a character */
int	cncheckc(void);		/* a character, or -1 if none waits */
void	cnpollc(int on);
void	cn_rawputc(int c);	/* one byte to every console, as given */
extern int cn_count;		/* console devices attached */
__END_DECLS

#endif /* !_DEV_CONS_H_ */
