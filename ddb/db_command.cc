/*
 * db_command.cc: ddb's command loop.
 *
 * ddb reads a line at the "ddb>" prompt, splits off the command word and
 * runs it.  The commands are a subset of OpenBSD's ddb(4), same names:
 *
 *	help			list the commands
 *	continue (c)		leave ddb, resume the kernel
 *	trace (bt)		backtrace from where ddb was entered
 *	show registers		the registers of the trapped context
 *	show msgbuf		the kernel message buffer (dmesg)
 *	show panic		the panic message, if any
 *	show uptime		ticks since boot and seconds (ours)
 *	show uvmexp		UVM's page counters
 *	show map		kernel_map's entries
 *	show malloc		malloc(9) statistics, as vmstat -m
 *	show pools		pool(9) statistics, as vmstat -m
 *	show extents		every extent(9) map
 *	show callout		pending timeouts
 *	show intr		interrupt counters, as vmstat -i
 *	ps			every thread: id, state, priority, wchan
 *	print EXPR (p)		the value of an expression
 *	x[/xduc] EXPR[,N]	examine N words of memory at EXPR
 *	boot sync|reboot|halt|poweroff
 *
 * An expression is a number (hexadecimal, ddb's default radix; 0t for
 * decimal, as in ddb), a symbol name, "*EXPR" for the word at an address,
 * and + or - between terms: "x/d ticks", "print *ticks", "x/x
 * hardclock+4".
 *
 * While ddb waits for a key the machine is as it was entered: when a
 * person enters ddb from main() interrupts stay on, so the clock keeps
 * ticking; after a panic they are off.
 * Mirrors OpenBSD's sys/ddb/db_command.c, much reduced.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/msgbuf.h>
#include <sys/buf.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/vnode.h>
#include <sys/malloc.h>
#include <sys/pool.h>
#include <sys/extent.h>
#include <sys/proc.h>
#include <sys/timeout.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <ddb/db_extern.h>
#include <dev/cons.h>
#include <machine/cpu.h>
#include <machine/frame.h>
#include <machine/intr.h>

int db_active;			/* non-zero while in ddb */
static bool db_panicked;	/* "continue" is refused after a panic */

#define DB_LINELEN	120

/* Read a line with echo and backspace; returns it without the newline. */
static void
db_readline(char *buf, size_t len)
{
	size_t n = 0;

	for (;;) {
		int c = cngetc();

		if (c == '\r' || c == '\n') {
			cnputc('\n');
			break;
		}
		if (c == '\b' || c == 0x7f) {
			if (n > 0) {
				n--;
				cnputc('\b');
				cnputc(' ');
				cnputc('\b');
			}
			continue;
		}
		if (c < ' ' || n + 1 >= len)
			continue;
		buf[n++] = (char)c;
		cnputc(c);
	}
	buf[n] = '\0';
}

/* Skip blanks; return the rest. */
static char *
db_skip(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Split off the next word: NUL-terminate it, return what follows. */
static char *
db_word(char *s)
{
	while (*s != '\0' && *s != ' ' && *s != '\t' && *s != ',')
		s++;
	if (*s != '\0')
		*s++ = '\0';
	return db_skip(s);
}

static bool
db_isdigit(char c, int radix)
{
	if (c >= '0' && c <= '9')
		return c - '0' < radix;
	c |= 0x20;
	return radix == 16 && c >= 'a' && c <= 'f';
}

/*
 * Parse one term: [*]number or [*]symbol.  Returns false, and prints why,
 * if the text is not a term.
 */
static bool
db_term(char **sp, vaddr_t *valp)
{
	char *s = db_skip(*sp);
	bool deref = false;
	int radix = 16;

	if (*s == '*') {
		deref = true;
		s++;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 't')) {
		radix = (s[1] == 'x') ? 16 : 10;
		s += 2;
	}
	/* A symbol starts with a letter or '_' (hex "abc" is taken as a
	 * symbol first and as a number only if no symbol matches). */
	char name[64];
	size_t n = 0;
	while ((s[n] == '_' || ((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z') ||
	    (s[n] >= '0' && s[n] <= '9') || s[n] == '.') && n < 63) {
		name[n] = s[n];
		n++;
	}
	name[n] = '\0';
	if (n == 0) {
		printf("expected a number or a symbol\n");
		return false;
	}

	vaddr_t v = 0;
	if (db_lookup_symbol(name, &v) != 0) {
		for (size_t i = 0; i < n; i++) {
			if (!db_isdigit(name[i], radix)) {
				printf("symbol \"%s\" not found\n", name);
				return false;
			}
			char c = name[i] | 0x20;
			v = v * radix + (c >= 'a' ? c - 'a' + 10 : c - '0');
		}
	}
	if (deref) {
		if (v < KERNBASE || (v & 3) != 0) {
			printf("cannot read 0x%lx\n", v);
			return false;
		}
		v = *(const u_int32_t *)v;
	}
	*sp = s + n;
	*valp = v;
	return true;
}

/* Parse an expression: term { (+|-) term }. */
static bool
db_expression(char **sp, vaddr_t *valp)
{
	vaddr_t v, t;

	if (!db_term(sp, &v))
		return false;
	for (;;) {
		char *s = db_skip(*sp);
		if (*s != '+' && *s != '-')
			break;
		char op = *s++;
		*sp = s;
		if (!db_term(sp, &t))
			return false;
		v = (op == '+') ? v + t : v - t;
	}
	*valp = v;
	return true;
}

/* x[/fmt] addr[,count]: print count words from addr. */
static void
db_examine_cmd(char *modif, char *args)
{
	char fmt = (*modif != '\0') ? *modif : 'x';
	vaddr_t addr, count = 1;

	if (!db_expression(&args, &addr))
		return;
	args = db_skip(args);
	if (*args == ',') {
		args++;
		if (!db_expression(&args, &count))
			return;
	}
	for (vaddr_t i = 0; i < count && i < 256; i++, addr += 4) {
		if (addr < KERNBASE) {
			printf("cannot read 0x%lx\n", addr);
			return;
		}
		u_int32_t w = *(const u_int32_t *)addr;
		db_printsym(addr, printf);
		switch (fmt) {
		case 'd':
			printf(":\t%d\n", (int)w);
			break;
		case 'u':
			printf(":\t%u\n", w);
			break;
		case 'c':
			printf(":\t'%c'\n", (w & 0xff) >= ' ' ? w & 0xff : '.');
			break;
		default:
			printf(":\t0x%x\n", w);
			break;
		}
	}
}

static void
db_show_msgbuf(void)
{
	const struct msgbuf *mbp = msgbufp;

	if (mbp == nullptr)
		return;
	for (long i = mbp->msg_bufr; i != mbp->msg_bufx;) {
		cnputc(mbp->msg_bufc[i]);
		if (++i >= mbp->msg_bufs)
			i = 0;
	}
}

static void
db_show_uvmexp(void)
{
	printf("%d pages of %d bytes: %d free, %d wired, %d kept for the "
	    "kernel\n", uvmexp.npages, uvmexp.pagesize, uvmexp.free,
	    uvmexp.wired, uvmexp.reserve_kernel);
	printf("free lists: %d above 16 MiB, %d below\n",
	    uvmexp.nfreelist[0], uvmexp.nfreelist[1]);
	printf("%d page allocations (%d zeroed), %d frees, %d failures\n",
	    uvmexp.pgallocs, uvmexp.pga_zerohit, uvmexp.pgfrees,
	    uvmexp.pgafails);
	printf("%d kernel map entries in use\n", uvmexp.kmapent);
}

static void
db_show_map(struct vm_map *map)
{
	printf("%s: 0x%lx-0x%lx, %lu bytes in %d entries\n", map->name,
	    map->min_offset, map->max_offset, map->size, map->nentries);
	for (struct vm_map_entry *e : map->entries)
		printf("  0x%08lx-0x%08lx %7lu KiB%s\n", e->start, e->end,
		    (e->end - e->start) / 1024, e->sub_map ? "  submap" : "");
}

static void
db_help(void)
{
	printf("help                 this list\n"
	    "continue (c)         resume the kernel\n"
	    "trace (bt)           backtrace\n"
	    "show registers       registers where ddb was entered\n"
	    "show msgbuf          the kernel message buffer\n"
	    "show panic           the panic message\n"
	    "show uptime          clock ticks and seconds since boot\n"
	    "show uvmexp          page counters\n"
	    "show map             kernel_map's entries\n"
	    "show malloc          malloc(9) statistics\n"
	    "show pools           pool(9) statistics\n"
	    "show extents         extent(9) maps\n"
	    "show callout         pending timeouts\n"
	    "show intr            interrupt counters\n"
	    "show mount           mounted file systems\n"
	    "show vnodes          the vnode table and vnodes in use\n"
	    "show bcstats         buffer cache statistics\n"
	    "show nchstats        name cache statistics\n"
	    "ps                   threads: pid, state, priority, wchan\n"
	    "print EXPR (p)       value of EXPR (number, symbol, *addr, +, -)\n"
	    "x[/x|d|u|c] EXPR[,N] examine N words at EXPR, e.g. x/d ticks\n"
	    "boot sync|reboot|halt|poweroff  (sync: write the disks first)\n");
}

/*
 * db_command_loop: read and run commands until "continue".
 * => frame is the trapped context, or null after a panic.
 */
void
db_command_loop(struct trapframe *frame)
{
	char line[DB_LINELEN];

	for (;;) {
		printf("ddb> ");
		db_readline(line, sizeof(line));

		char *cmd = db_skip(line);
		char *args = db_word(cmd);
		char *modif = cmd;
		while (*modif != '\0' && *modif != '/')
			modif++;
		if (*modif == '/')
			*modif++ = '\0';

		if (*cmd == '\0')
			continue;
		if (strcmp(cmd, "help") == 0) {
			db_help();
		} else if (strcmp(cmd, "c") == 0 ||
		    strcmp(cmd, "continue") == 0) {
			if (!db_panicked)
				return;
			printf("cannot continue after a panic\n");
		} else if (strcmp(cmd, "trace") == 0 ||
		    strcmp(cmd, "bt") == 0) {
			if (frame != nullptr)
				db_trapframe_trace(frame, 64, printf);
			else
				db_stack_trace_print((vaddr_t)
				    __builtin_frame_address(0), 64, printf);
		} else if (strcmp(cmd, "show") == 0) {
			char *what = args;
			(void)db_word(what);
			if (strcmp(what, "registers") == 0 && frame != nullptr)
				db_print_regs(frame, printf);
			else if (strcmp(what, "registers") == 0)
				printf("no trap frame\n");
			else if (strcmp(what, "msgbuf") == 0)
				db_show_msgbuf();
			else if (strcmp(what, "panic") == 0)
				printf("%s\n", panicstr != nullptr ? panicstr :
				    "the kernel did not panic");
			else if (strcmp(what, "uptime") == 0) {
				printf("ticks %d, hz %d, uptime %d.%02d s\n",
				    ticks, hz, ticks / hz,
				    (ticks % hz) * 100 / hz);
				printf("load averages:");
				for (u_int32_t l : averunnable.ldavg)
					printf(" %u.%02u", l >> FSHIFT,
					    ((l & (FSCALE - 1)) * 100) >> FSHIFT);
				printf("\n");
			}
			else if (strcmp(what, "uvmexp") == 0)
				db_show_uvmexp();
			else if (strcmp(what, "map") == 0)
				db_show_map(kernel_map);
			else if (strcmp(what, "malloc") == 0)
				malloc_printit(printf);
			else if (strcmp(what, "pools") == 0)
				pool_printit_all(printf);
			else if (strcmp(what, "extents") == 0)
				extent_print_all();
			else if (strcmp(what, "callout") == 0)
				db_show_callout(printf);
			else if (strcmp(what, "intr") == 0)
				intr_printit(printf);
			else if (strcmp(what, "mount") == 0)
				vfs_show_mounts(printf);
			else if (strcmp(what, "vnodes") == 0)
				vfs_show_vnodes(printf);
			else if (strcmp(what, "bcstats") == 0)
				bcstats_print(printf);
			else if (strcmp(what, "nchstats") == 0)
				printf("name cache: %lld good hits, %lld "
				    "negative hits, %lld stale, %lld misses, "
				    "%lld entered\n", nchstats.ncs_goodhits,
				    nchstats.ncs_neghits, nchstats.ncs_badhits,
				    nchstats.ncs_miss, nchstats.ncs_enters);
			else
				printf("show what? registers, msgbuf, panic, "
				    "uptime, uvmexp, map, malloc, pools, "
				    "extents, callout, intr, mount, vnodes, "
				    "bcstats, nchstats\n");
		} else if (strcmp(cmd, "print") == 0 ||
		    strcmp(cmd, "p") == 0) {
			vaddr_t v;
			if (db_expression(&args, &v))
				printf("0x%lx (%ld)\n", v, (long)v);
		} else if (strcmp(cmd, "ps") == 0) {
			proc_printit_all(printf);
		} else if (strcmp(cmd, "x") == 0) {
			db_examine_cmd(modif, args);
		} else if (strcmp(cmd, "boot") == 0) {
			char *how = args;
			(void)db_word(how);
			if (strcmp(how, "sync") == 0) {
				/* OpenBSD's: write the disks, then reboot. */
				vfs_sync_all(MNT_WAIT);
				cpu_reset();
			} else if (strcmp(how, "reboot") == 0)
				cpu_reset();
			else if (strcmp(how, "poweroff") == 0)
				cpu_powerdown();
			else if (strcmp(how, "halt") == 0)
				cpu_halt();
			else
				printf("boot sync, boot reboot, boot halt or "
				    "boot poweroff\n");
		} else {
			printf("unknown command \"%s\"; try help\n", cmd);
		}
	}
}

/*
 * db_panic_enter: the end of panic(): ddb with the panic's stack and no
 * way to continue.  Never returns.
 */
void
db_panic_enter(void)
{
	db_panicked = true;
	db_active = 1;
	printf("The kernel has stopped.  Type \"help\" for ddb's commands.\n");
	db_command_loop(nullptr);
}
