/*
 * tty.cc: /dev/console as a terminal, with a line discipline.
 *
 * /dev/console (cdevsw[0]: cnopen, cnread, cnwrite, cnioctl) is what user
 * programs read and write, and it behaves as a terminal (termios(4)),
 * after OpenBSD's sys/kern/tty.c, on the polled console devices of
 * dev/cons.cc:
 *
 *   input:  driver rings --cn_rxdrain--> ttyinput() --+--> t_rawq (ICANON:
 *           (com, pckbd)   every tick              |    the line being
 *                          and before each read    |    edited: VERASE,
 *                                                  |    VKILL, VWERASE)
 *                                                  |      | NL, VEOF
 *                                                  +----> t_canq --> cnread
 *                                                   (raw: at once)
 *   output: cnwrite -> ttyoutput() (OPOST: NL -> CR NL, tabs) -> devices
 *
 * With ICANON (the default) a read returns one line at most, once its
 * newline (or VEOF, ^D) has been typed; ^D on an empty line is end of
 * file.  Typed characters are echoed (ECHO), erasing visually (ECHOE);
 * ^C sends SIGINT to the terminal's foreground process group (ISIG).
 * With ICANON off, bytes are delivered as they come, VMIN and VTIME
 * saying when a read returns.
 *
 * The UART and keyboard drivers keep received bytes in rings of their
 * own (for the polled kernel console), and do not call the tty layer
 * from their interrupts as OpenBSD's comintr does.  So while
 * /dev/console is open, a timeout (cn_rxtick) moves their bytes into
 * the line discipline every tick: echo and ^C work while nobody reads,
 * and a sleeping reader is woken (wakeup, selwakeup) at most a tick late.
 * XXX A driver that called into the tty layer itself would remove that
 * tick of latency and the polling.
 *
 * Mirrors, much reduced, OpenBSD's sys/kern/tty.c (the line discipline)
 * and the tty half of sys/dev/cons.c.
 * Locking: [T] spltty: the tick's timeout and the reading process both
 * work on the queues.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/conf.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/filio.h>
#include <sys/kernel.h>
#include <sys/proc.h>
#include <sys/select.h>
#include <sys/signalvar.h>
#include <sys/termios.h>
#include <sys/timeout.h>
#include <sys/ttycom.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <dev/cons.h>
#include <machine/cpu.h>
#include <machine/intr.h>

/*
 * The terminal.  OpenBSD keeps this in a struct tty per line; the
 * console is our only terminal, so here is its state alone.
 */
#define TTYHOG		1024	/* bytes of input held, at most */
#define TTMAXLINES	64	/* complete lines waiting, at most */
#define TTIPRI		25	/* a reader's sleep priority (OpenBSD's) */

static struct {
	struct termios	t_termios;	/* [T] the settings */
	struct winsize	t_winsize;	/* [T] for programs that ask */
	char		t_rawq[TTYHOG];	/* [T] ICANON: the line being typed */
	u_int		t_rawcc;	/* [T] its length */
	char		t_canq[TTYHOG];	/* [T] ring: input ready to read */
	u_int		t_canin, t_canout, t_cancc;	/* [T] */
	u_short		t_lines[TTMAXLINES]; /* [T] ICANON: lengths of the */
	u_int		t_linein, t_nlines;  /* complete lines in t_canq */
	u_int		t_column;	/* [T] output column, for erasing */
	u_int		t_rocol;	/* [T] column where t_rawq began */
	bool		t_lnext;	/* [T] the next byte is literal */
	int		t_opencount;	/* [K] opens not yet closed */
	pid_t		t_sid;		/* [K] controlling session, or 0 */
	pid_t		t_pgid;		/* [K] foreground process group */
	struct selinfo	t_rsel;		/* [T] select(2) for reading */
	struct timeout	t_rxtick;	/* [I] cn_rxtick */
	bool		t_ready;	/* [K] set up (cn_ttyinit) */
} cn_tty;

#define CC(x)		(cn_tty.t_termios.c_cc[(x)])
#define IFLAG(f)	(cn_tty.t_termios.c_iflag & (f))
#define OFLAG(f)	(cn_tty.t_termios.c_oflag & (f))
#define LFLAG(f)	(cn_tty.t_termios.c_lflag & (f))
/* Is c the special character x (and x not disabled)? */
#define ISCC(c, x)	(CC(x) != _POSIX_VDISABLE && (c) == CC(x))

/*
 * ttyoutput: one byte out with OPOST processing: NL as CR NL (ONLCR),
 * tabs as spaces (OXTABS); keeps t_column for the erase logic.
 * => spltty or process context.
 */
static void
ttyoutput(int c)
{
	c &= 0xff;
	if (!OFLAG(OPOST)) {
		cn_rawputc(c);
		return;
	}
	if (c == '\t' && OFLAG(OXTABS)) {
		do {
			cn_rawputc(' ');
			cn_tty.t_column++;
		} while (cn_tty.t_column % 8 != 0);
		return;
	}
	if (c == '\n' && OFLAG(ONLCR))
		cn_rawputc('\r');
	else if (c == '\r' && OFLAG(OCRNL))
		c = '\n';
	cn_rawputc(c);
	switch (c) {
	case '\n':
		if (OFLAG(ONLCR | ONLRET))
			cn_tty.t_column = 0;
		break;
	case '\r':
		cn_tty.t_column = 0;
		break;
	case '\b':
		if (cn_tty.t_column > 0)
			cn_tty.t_column--;
		break;
	case '\t':
		cn_tty.t_column = (cn_tty.t_column | 7) + 1;
		break;
	default:
		if (c >= ' ' && c != 0177)
			cn_tty.t_column++;
	}
}

/* Is c echoed as two characters, ^X (ECHOCTL)? */
static bool
ttyisctl(int c)
{
	return LFLAG(ECHOCTL) && ((c < ' ' && c != '\t' && c != '\n') ||
	    c == 0177);
}

/* ttyecho: echo a typed byte, control characters as ^X with ECHOCTL. */
static void
ttyecho(int c)
{
	if (!LFLAG(ECHO) && !(c == '\n' && LFLAG(ECHONL)))
		return;
	if (ttyisctl(c)) {
		ttyoutput('^');
		ttyoutput(c == 0177 ? '?' : c + '@');
	} else
		ttyoutput(c);
}

/* The column after echoing t_rawq[0..n) from t_rocol. */
static u_int
ttycolumn(u_int n)
{
	u_int col = cn_tty.t_rocol;

	for (u_int i = 0; i < n; i++) {
		int c = (u_char)cn_tty.t_rawq[i];
		if (c == '\t')
			col = (col | 7) + 1;
		else if (ttyisctl(c))
			col += 2;
		else if (c >= ' ')
			col++;
	}
	return col;
}

/*
 * ttyrub: erase the last byte of the line being typed, and (ECHOE) its
 * echo: back up over as many columns as it took.
 */
static void
ttyrub(void)
{
	if (cn_tty.t_rawcc == 0)
		return;
	u_int before = ttycolumn(cn_tty.t_rawcc);
	cn_tty.t_rawcc--;
	if (!LFLAG(ECHO))
		return;
	if (!LFLAG(ECHOE)) {
		ttyecho(CC(VERASE));
		return;
	}
	for (u_int n = before - ttycolumn(cn_tty.t_rawcc); n > 0; n--) {
		ttyoutput('\b');
		ttyoutput(' ');
		ttyoutput('\b');
	}
}

/* canq_put: a byte into the ready ring; false if it is full. */
static bool
canq_put(int c)
{
	if (cn_tty.t_cancc >= TTYHOG)
		return false;
	cn_tty.t_canq[cn_tty.t_canin] = (char)c;
	cn_tty.t_canin = (cn_tty.t_canin + 1) % TTYHOG;
	cn_tty.t_cancc++;
	return true;
}

/* ttwakeup: input is ready: wake readers and selects. */
static void
ttwakeup(void)
{
	wakeup(&cn_tty.t_canq);
	selwakeup(&cn_tty.t_rsel);
}

/*
 * ttyline: the line in t_rawq is complete: it moves to t_canq as one
 * line (of zero bytes for ^D at the start of a line: end of file).
 */
static void
ttyline(void)
{
	u_int n = cn_tty.t_rawcc;

	if (cn_tty.t_nlines >= TTMAXLINES || cn_tty.t_cancc + n > TTYHOG) {
		cn_rawputc('\a');	/* no room: the line is lost */
		cn_tty.t_rawcc = 0;
		return;
	}
	for (u_int i = 0; i < n; i++)
		(void)canq_put(cn_tty.t_rawq[i]);
	cn_tty.t_lines[(cn_tty.t_linein + cn_tty.t_nlines) % TTMAXLINES] =
	    (u_short)n;
	cn_tty.t_nlines++;
	cn_tty.t_rawcc = 0;
	ttwakeup();
}

/* ttyflush_input: throw away what was typed and not yet read. */
static void
ttyflush_input(void)
{
	cn_tty.t_rawcc = 0;
	cn_tty.t_canin = cn_tty.t_canout = cn_tty.t_cancc = 0;
	cn_tty.t_linein = cn_tty.t_nlines = 0;
}

/*
 * ttysig: a signal character (ISIG): flush the input unless NOFLSH and
 * signal the foreground process group.
 */
static void
ttysig(int c, int sig)
{
	if (!LFLAG(NOFLSH))
		ttyflush_input();
	ttyecho(c);
	if (LFLAG(ECHO))
		ttyoutput('\n');
	if (cn_tty.t_pgid != 0)
		pgsignal(pgfind(cn_tty.t_pgid), sig);
}

/*
 * ttyinput: one received byte through the line discipline.
 * => spltty.
 */
static void
ttyinput(int c)
{
	c &= 0xff;
	if (IFLAG(ISTRIP))
		c &= 0x7f;
	if (cn_tty.t_lnext) {
		/* After VLNEXT (^V) a byte is only a byte. */
		cn_tty.t_lnext = false;
		if (LFLAG(ECHO))
			ttyoutput('\b');	/* over the '^' shown */
		goto store;
	}
	if (LFLAG(IEXTEN) && ISCC(c, VLNEXT) && LFLAG(ICANON)) {
		cn_tty.t_lnext = true;
		if (LFLAG(ECHO))
			ttyoutput('^');
		return;
	}
	if (LFLAG(ISIG)) {
		if (ISCC(c, VINTR)) {
			ttysig(c, SIGINT);
			return;
		}
		if (ISCC(c, VQUIT)) {
			ttysig(c, SIGQUIT);
			return;
		}
	}
	if (c == '\r') {
		if (IFLAG(IGNCR))
			return;
		if (IFLAG(ICRNL))
			c = '\n';
	} else if (c == '\n' && IFLAG(INLCR))
		c = '\r';

	if (LFLAG(ICANON)) {
		/* Backspace also erases, as on most terminals. */
		if (ISCC(c, VERASE) || c == '\b') {
			ttyrub();
			return;
		}
		if (ISCC(c, VKILL)) {
			if (LFLAG(ECHOKE) && LFLAG(ECHOE)) {
				while (cn_tty.t_rawcc > 0)
					ttyrub();
			} else {
				ttyecho(c);
				if (LFLAG(ECHOK))
					ttyoutput('\n');
				cn_tty.t_rawcc = 0;
			}
			return;
		}
		if (LFLAG(IEXTEN) && ISCC(c, VWERASE)) {
			while (cn_tty.t_rawcc > 0 &&
			    (cn_tty.t_rawq[cn_tty.t_rawcc - 1] == ' ' ||
			    cn_tty.t_rawq[cn_tty.t_rawcc - 1] == '\t'))
				ttyrub();
			while (cn_tty.t_rawcc > 0 &&
			    cn_tty.t_rawq[cn_tty.t_rawcc - 1] != ' ' &&
			    cn_tty.t_rawq[cn_tty.t_rawcc - 1] != '\t')
				ttyrub();
			return;
		}
		if (ISCC(c, VEOF)) {
			ttyline();	/* not stored: ends the line as it is */
			return;
		}
	}
store:
	if (!LFLAG(ICANON)) {
		if (!canq_put(c)) {
			if (IFLAG(IMAXBEL))
				cn_rawputc('\a');
			return;
		}
		ttyecho(c);
		ttwakeup();
		return;
	}
	/* Keep one byte of the line for its newline. */
	if (cn_tty.t_rawcc >= TTYHOG - 1 && c != '\n') {
		if (IFLAG(IMAXBEL))
			cn_rawputc('\a');
		return;
	}
	if (cn_tty.t_rawcc == 0)
		cn_tty.t_rocol = cn_tty.t_column;
	cn_tty.t_rawq[cn_tty.t_rawcc++] = (char)c;
	ttyecho(c);
	if (c == '\n' || ISCC(c, VEOL) || ISCC(c, VEOL2))
		ttyline();
}

/* cn_rxdrain: every byte the drivers hold, through ttyinput.  spltty. */
static void
cn_rxdrain(void)
{
	int c;

	while ((c = cncheckc()) >= 0)
		ttyinput(c);
}

/* cn_rxtick: the timeout that drains the drivers while the tty is open. */
static void
cn_rxtick(void *)
{
	int s = spltty();

	cn_rxdrain();
	splx(s);
	if (cn_tty.t_opencount > 0)
		timeout_add(&cn_tty.t_rxtick, 1);
}

/* cn_ttyinit: the terminal's defaults, OpenBSD's (sys/termios.h). */
static void
cn_ttyinit(void)
{
	/* In c_cc order: VEOF, VEOL, VEOL2, VERASE, ... (sys/termios.h). */
	static const cc_t defcc[NCCS] = {
		CEOF, _POSIX_VDISABLE, _POSIX_VDISABLE, CERASE,
		CWERASE, CKILL, CREPRINT, _POSIX_VDISABLE,
		CINTR, CQUIT, CSUSP, CDSUSP,
		CSTART, CSTOP, CLNEXT, CDISCARD,
		CMIN, CTIME, CSTATUS, _POSIX_VDISABLE,
	};
	struct termios *t = &cn_tty.t_termios;

	t->c_iflag = TTYDEF_IFLAG;
	t->c_oflag = TTYDEF_OFLAG;
	t->c_cflag = TTYDEF_CFLAG;
	t->c_lflag = TTYDEF_LFLAG;
	memcpy(t->c_cc, defcc, sizeof(defcc));
	t->c_ispeed = t->c_ospeed = TTYDEF_SPEED;
	cn_tty.t_winsize.ws_row = 24;
	cn_tty.t_winsize.ws_col = 80;
	timeout_set(&cn_tty.t_rxtick, cn_rxtick, nullptr);
	cn_tty.t_ready = true;
}

/*
 * cn_setctty: the console becomes the controlling terminal of p's
 * session, and its group the foreground one (OpenBSD's ttyopen does
 * this for a session leader opening a terminal without O_NOCTTY).
 */
static void
cn_setctty(struct proc *p)
{
	struct process *pr = p->p_p;

	cn_tty.t_sid = pr->ps_pgrp->pg_session->s_sid;
	cn_tty.t_pgid = pr->ps_pgrp->pg_id;
	pr->ps_flags |= PS_CONTROLT;
}

/*
 * cn_ctty_check: forget the controlling session once it has lost its
 * leader (OpenBSD's exit1 takes the terminal from the session when the
 * leader exits), so that the next session may have the console.
 */
static void
cn_ctty_check(void)
{
	if (cn_tty.t_sid == 0)
		return;
	for (struct process *pr : allprocess) {
		struct pgrp *pg = pr->ps_pgrp;
		if (pg != nullptr && pg->pg_session->s_sid == cn_tty.t_sid &&
		    pg->pg_session->s_leader != nullptr)
			return;
	}
	cn_tty.t_sid = cn_tty.t_pgid = 0;
}

/*
 * cnopen: open /dev/console.  The first open starts the input tick; a
 * session leader without a terminal gets this one as its controlling
 * terminal (unless O_NOCTTY).
 */
int
cnopen(dev_t, int flag, int, struct proc *p)
{
	if (cn_count == 0)
		return ENXIO;
	if (!cn_tty.t_ready)
		cn_ttyinit();
	if (cn_tty.t_opencount++ == 0)
		timeout_add(&cn_tty.t_rxtick, 1);
	struct process *pr = p->p_p;
	cn_ctty_check();
	if (!(flag & O_NOCTTY) && !(pr->ps_flags & (PS_CONTROLT | PS_SYSTEM)) &&
	    SESS_LEADER(pr) && cn_tty.t_sid == 0)
		cn_setctty(p);
	return 0;
}

int
cnclose(dev_t, int, int, struct proc *)
{
	if (cn_tty.t_opencount > 0 && --cn_tty.t_opencount == 0)
		timeout_del(&cn_tty.t_rxtick);
	return 0;
}

/*
 * cn_readable: bytes a read may take now: with ICANON, those of the
 * complete lines (-1 for an empty line: end of file waits); without,
 * all that are queued.  => spltty.
 */
static int
cn_readable(void)
{
	if (!LFLAG(ICANON))
		return (int)cn_tty.t_cancc;
	if (cn_tty.t_nlines == 0)
		return 0;
	return cn_tty.t_cancc > 0 ? (int)cn_tty.t_cancc : -1;
}

/*
 * cn_takeq: up to len bytes of input into buf, as a read may take them:
 * with ICANON only from the first complete line, whose end ends the
 * read.  => spltty.  Returns the bytes taken.
 */
static size_t
cn_takeq(char *buf, size_t len, bool *lineend)
{
	size_t n = cn_tty.t_cancc;

	*lineend = false;
	if (LFLAG(ICANON) && cn_tty.t_nlines > 0) {
		u_short *left = &cn_tty.t_lines[cn_tty.t_linein];
		n = MIN(*left, len);
		*left -= n;
		if (*left == 0) {
			cn_tty.t_linein = (cn_tty.t_linein + 1) % TTMAXLINES;
			cn_tty.t_nlines--;
			*lineend = true;
		}
	}
	n = MIN(n, len);
	for (size_t i = 0; i < n; i++) {
		buf[i] = cn_tty.t_canq[cn_tty.t_canout];
		cn_tty.t_canout = (cn_tty.t_canout + 1) % TTYHOG;
	}
	cn_tty.t_cancc -= n;
	return n;
}

/*
 * cn_waitinput: sleep until a read may return, as the settings say.
 * Returns 0 to read now, EWOULDBLOCK (non-blocking, or VTIME passed),
 * or EINTR/ERESTART for a signal.  => spltty, process context.
 */
static int
cn_waitinput(struct uio *uio, int flag)
{
	for (;;) {
		cn_rxdrain();
		int have = cn_readable(), timo = 0;
		if (LFLAG(ICANON)) {
			if (have != 0)
				return 0;
		} else {
			int vmin = CC(VMIN), vtime = CC(VTIME);
			int need = MAX(1, MIN(vmin, (int)uio->uio_resid));
			if (have >= need || (vmin == 0 && vtime == 0))
				return 0;
			/* VTIME: the whole read (VMIN 0) or between bytes. */
			if (vtime > 0 && (vmin == 0 || have > 0))
				timo = MAX(1, vtime * hz / 10);
		}
		if (flag & IO_NDELAY)
			return EWOULDBLOCK;
		int error = tsleep(&cn_tty.t_canq, TTIPRI | PCATCH, "ttyin",
		    timo);
		if (error == EWOULDBLOCK)
			return 0;	/* VTIME ran out: what is there */
		if (error != 0)
			return error;
	}
}

/*
 * cnread: read the console: a line at most with ICANON, else what the
 * VMIN/VTIME rules allow; 0 bytes is end of file (^D at a line's start)
 * or a raw read that timed out.
 * => process context, may sleep (interruptibly).
 */
int
cnread(dev_t, struct uio *uio, int flag)
{
	char buf[128];
	int error = 0;

	if (!cn_tty.t_ready)
		cn_ttyinit();
	int s = spltty();
	if ((error = cn_waitinput(uio, flag)) != 0) {
		splx(s);
		return error;
	}
	/* Copy out at low spl: a fault in uiomove may sleep. */
	bool lineend = false;
	while (error == 0 && uio->uio_resid > 0 && !lineend) {
		size_t n = cn_takeq(buf, MIN(sizeof(buf), uio->uio_resid),
		    &lineend);
		if (n == 0)
			break;
		splx(s);
		error = uiomove(buf, n, uio);
		s = spltty();
	}
	splx(s);
	return error;
}

/* cnwrite: the bytes to every console, through OPOST processing. */
int
cnwrite(dev_t, struct uio *uio, int)
{
	char buf[64];

	if (!cn_tty.t_ready)
		cn_ttyinit();
	while (uio->uio_resid > 0) {
		size_t n = MIN(sizeof(buf), uio->uio_resid);
		int error = uiomove(buf, n, uio);
		if (error != 0)
			return error;
		int s = spltty();
		for (size_t i = 0; i < n; i++)
			ttyoutput(buf[i]);
		splx(s);
	}
	return 0;
}

/* cn_settermios: TIOCSETA and kin: new settings, and what they imply. */
static void
cn_settermios(const struct termios *t, bool flush)
{
	bool wascanon = LFLAG(ICANON);

	if (flush)
		ttyflush_input();
	cn_tty.t_termios.c_iflag = t->c_iflag;
	cn_tty.t_termios.c_oflag = t->c_oflag;
	cn_tty.t_termios.c_cflag = t->c_cflag;
	cn_tty.t_termios.c_lflag = t->c_lflag;
	memcpy(cn_tty.t_termios.c_cc, t->c_cc, sizeof(t->c_cc));
	cn_tty.t_termios.c_ispeed = t->c_ispeed;
	cn_tty.t_termios.c_ospeed = t->c_ospeed;
	if (wascanon && !LFLAG(ICANON)) {
		/* A half-typed line becomes plain input; lines forget. */
		for (u_int i = 0; i < cn_tty.t_rawcc; i++)
			(void)canq_put(cn_tty.t_rawq[i]);
		cn_tty.t_rawcc = 0;
		cn_tty.t_linein = cn_tty.t_nlines = 0;
		if (cn_tty.t_cancc > 0)
			ttwakeup();
	} else if (!wascanon && LFLAG(ICANON) && cn_tty.t_cancc > 0) {
		/* What is queued counts as one complete line. */
		cn_tty.t_linein = 0;
		cn_tty.t_lines[0] = (u_short)cn_tty.t_cancc;
		cn_tty.t_nlines = 1;
	}
}

/* cn_isctty: is the console pr's controlling terminal? */
static bool
cn_isctty(struct process *pr)
{
	return cn_tty.t_sid != 0 && (pr->ps_flags & PS_CONTROLT) &&
	    pr->ps_pgrp->pg_session->s_sid == cn_tty.t_sid;
}

/*
 * cnioctl: the terminal ioctls (sys/ttycom.h) and FIONREAD; the
 * argument is already in the kernel (sys_ioctl copied it).
 */
int
cnioctl(dev_t, u_long cmd, caddr_t data, int, struct proc *p)
{
	struct process *pr = p->p_p;
	int error = 0;

	if (!cn_tty.t_ready)
		cn_ttyinit();
	int s = spltty();
	switch (cmd) {
	case TIOCGETA:
		memcpy(data, &cn_tty.t_termios, sizeof(struct termios));
		break;
	case TIOCSETA:
	case TIOCSETAW:		/* output is synchronous: always drained */
	case TIOCSETAF:
		cn_settermios((const struct termios *)data, cmd == TIOCSETAF);
		break;
	case TIOCGWINSZ:
		memcpy(data, &cn_tty.t_winsize, sizeof(struct winsize));
		break;
	case TIOCSWINSZ:
		memcpy(&cn_tty.t_winsize, data, sizeof(struct winsize));
		break;
	case FIONREAD:
		cn_rxdrain();
		*(int *)data = MAX(cn_readable(), 0);
		break;
	case FIONBIO:
	case FIOASYNC:
	case TIOCDRAIN:
		break;
	case TIOCOUTQ:
		*(int *)data = 0;	/* output never waits */
		break;
	case TIOCGETD:
		*(int *)data = TTYDISC;
		break;
	case TIOCFLUSH: {
		int what = *(int *)data;
		if (what == 0 || (what & FREAD))
			ttyflush_input();
		break;
	}
	case TIOCSCTTY:
		/* Only a session leader without a terminal, for a free one. */
		cn_ctty_check();
		if (!SESS_LEADER(pr) || (pr->ps_flags & PS_CONTROLT) ||
		    (cn_tty.t_sid != 0 &&
		    cn_tty.t_sid != pr->ps_pgrp->pg_session->s_sid))
			error = EPERM;
		else
			cn_setctty(p);
		break;
	case TIOCGPGRP:
		if (!cn_isctty(pr))
			error = ENOTTY;
		else
			*(int *)data = cn_tty.t_pgid;
		break;
	case TIOCSPGRP: {
		struct pgrp *pg = pgfind(*(int *)data);
		if (!cn_isctty(pr))
			error = ENOTTY;
		else if (pg == nullptr ||
		    pg->pg_session->s_sid != cn_tty.t_sid)
			error = EPERM;
		else
			cn_tty.t_pgid = pg->pg_id;
		break;
	}
	default:
		error = ENOTTY;
	}
	splx(s);
	return error;
}
