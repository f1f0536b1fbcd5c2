/*
 * cmd.cc: the `boot>' prompt and its commands, after OpenBSD's boot(8)
 * (sys/stand/boot/cmd.c, vars.c and arch/i386/stand/libsa/cmd_i386.c).
 *
 *	boot [image] [-acds] [test=LIST]
 *		load image (default: `set image', /bsd) and start it with
 *		the flags: -s single user (RB_SINGLE), -d enter ddb early
 *		(RB_KDB), -a ask for the root device, -c configure;
 *		test=LIST runs the kernel's in-kernel tests, as the same
 *		word on a multiboot command line does (our addition:
 *		BOOTARG_KTEST).  The words are read by the kernel's own
 *		boot_parse_flags(), so both boot paths agree on them.
 *		An image may be given as hd0a:/bsd.
 *	echo [words]	print the words
 *	help		list the commands
 *	ls [dir]	list a directory (default /): mode, owner, size, name
 *	machine mem	the BIOS memory map, as the kernel will get it
 *	machine diskinfo  the boot disk as the BIOS describes it
 *	reboot		restart the machine
 *	set [name [value]]  show or set image, howto (e.g. -s), timeout,
 *		device (only the boot partition, hd0a, exists)
 *
 * At the first prompt boot(8) waits `timeout' seconds (5) for a key, and
 * boots the default image if none comes; once a key was pressed, or a
 * boot failed, it waits for good.  Before the first prompt it runs the
 * lines of /etc/boot.conf as commands (a "boot" line there boots at
 * once); `#' starts a comment.
 */
#include <sys/param.h>
#include <sys/reboot.h>
#include <machine/cpufunc.h>
#include "boot.h"

#define CMD_BUFF_SIZE	133		/* a command line, as OpenBSD's */
#define MAXARGS		16
#define CONF_SIZE	4096		/* boot.conf read at most */

struct cmd_state cmd = { "/bsd", 0, 5, true };

static int	Xboot(int, char **);
static int	Xecho(int, char **);
static int	Xhelp(int, char **);
static int	Xls(int, char **);
static int	Xmachine(int, char **);
static int	Xreboot(int, char **);
static int	Xset(int, char **);

static const struct cmd_table {
	const char	*ct_name;
	int		(*ct_fn)(int argc, char **argv);
} cmd_table[] = {
	{ "boot", Xboot },
	{ "echo", Xecho },
	{ "help", Xhelp },
	{ "ls", Xls },
	{ "machine", Xmachine },
	{ "reboot", Xreboot },
	{ "set", Xset },
};

/* The first c in s, or nullptr. */
static const char *
findchar(const char *s, int c)
{
	for (; *s != '\0'; s++)
		if (*s == c)
			return s;
	return nullptr;
}

/* The name of the boot partition, OpenBSD's way: hd0a. */
static const char *
devname(void)
{
	static char name[8];

	snprintf(name, sizeof(name), "hd%da", bootdisk.di_drive & 0x7f);
	return name;
}

/*
 * Strip a device prefix ("hd0a:/bsd") from path.  Returns the path
 * without it, or nullptr (with a message) for a device we do not have.
 */
static const char *
strip_device(const char *path)
{
	const char *colon = findchar(path, ':');

	if (colon == nullptr)
		return path;
	if ((size_t)(colon - path) != strlen(devname()) ||
	    strncmp(path, devname(), colon - path) != 0) {
		printf("%.*s: no such device; the boot partition is %s\n",
		    (int)(colon - path), path, devname());
		return nullptr;
	}
	return colon + 1;
}

/*
 * docmd: run one command line (it is cut into words in place).
 * => returns what the command returned: 0, or an errno (a boot that
 *    failed, a bad argument).
 */
int
docmd(char *line)
{
	char *argv[MAXARGS + 1];
	int argc = 0;

	for (char *p = line; *p != '\0';) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (*p == '\0' || *p == '#')
			break;
		if (argc == MAXARGS) {
			printf("too many words\n");
			return EINVAL;
		}
		argv[argc++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
	}
	argv[argc] = nullptr;
	if (argc == 0)
		return 0;
	for (const auto &ct : cmd_table)
		if (strcmp(argv[0], ct.ct_name) == 0)
			return ct.ct_fn(argc, argv);
	printf("%s: unknown command; \"help\" lists them\n", argv[0]);
	return EINVAL;
}

/*
 * boot_prompt: print `boot>', read a command and run it.  The first time
 * only, no key within cmd.timeout seconds means "boot".
 */
void
boot_prompt(void)
{
	char line[CMD_BUFF_SIZE];
	int n;

	printf("boot> ");
	if (cmd.autoboot && cmd.timeout <= 0)
		n = -1;
	else
		n = getln(line, sizeof(line), cmd.autoboot ? cmd.timeout : 0);
	cmd.autoboot = false;
	if (n < 0) {
		printf("\n");
		strlcpy(line, "boot", sizeof(line));
	}
	(void)docmd(line);
}

/*
 * read_conf: run /etc/boot.conf, one command per line, each echoed after
 * a prompt so that the console shows what ran.  Returns 0, or ENOENT when
 * there is no such file.
 */
int
read_conf(void)
{
	char *buf = (char *)alloc(CONF_SIZE + 1);
	int fd;
	ssize_t n;

	if (buf == nullptr)
		return ENOMEM;
	fd = open("/etc/boot.conf", 0);
	if (fd < 0) {
		free(buf, CONF_SIZE + 1);
		return ENOENT;
	}
	n = read(fd, buf, CONF_SIZE);
	close(fd);
	if (n < 0) {
		printf("/etc/boot.conf: %s\n", strerror(errno));
		n = 0;
	}
	buf[n] = '\0';
	for (char *line = buf; *line != '\0';) {
		char *end = line;
		while (*end != '\0' && *end != '\n')
			end++;
		bool last = *end == '\0';
		*end = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		if (*line != '\0' && *line != '#') {
			printf("boot> %s\n", line);
			(void)docmd(line);
		}
		if (last)
			break;
		line = end + 1;
	}
	free(buf, CONF_SIZE + 1);
	return 0;
}

/* The RB_* flags as boot(8) options: "-sd". */
static void
format_howto(char *buf, size_t size, int howto)
{
	static const struct {
		int	flag;
		char	c;
	} opts[] = {
		{ RB_ASKNAME, 'a' }, { RB_HALT, 'b' }, { RB_CONFIG, 'c' },
		{ RB_KDB, 'd' }, { RB_SINGLE, 's' },
	};
	size_t n = 0;

	if (size < 2)
		return;
	buf[n++] = '-';
	for (const auto &o : opts)
		if ((howto & o.flag) && n + 1 < size)
			buf[n++] = o.c;
	buf[n == 1 ? 0 : n] = '\0';
}

static int
Xboot(int argc, char **argv)
{
	char words[CMD_BUFF_SIZE];
	static char ktest[CMD_BUFF_SIZE];
	const char *image = cmd.image, *kt = nullptr;
	size_t ktlen = 0, n = 0;
	int howto = cmd.howto;

	/* boot_parse_flags reads a command line: put the words back. */
	words[0] = '\0';
	for (int i = 1; i < argc; i++)
		n += snprintf(words + n, sizeof(words) - n, "%s%s",
		    i > 1 ? " " : "", argv[i]);
	if (argc > 1 && argv[1][0] != '-' && findchar(argv[1], '=') == nullptr)
		image = argv[1];
	if (boot_parse_flags(words, &howto, &kt, &ktlen) != 0) {
		printf("usage: boot [image] [-acds] [test=LIST]\n");
		return EINVAL;
	}
	if (kt != nullptr) {
		memcpy(ktest, kt, ktlen);
		ktest[ktlen] = '\0';
		kt = ktest;
	}
	image = strip_device(image);
	if (image == nullptr)
		return ENXIO;

	printf("booting %s:%s: ", devname(), image);
	int error = run_loadfile(image, howto, kt);
	/* Back here only if it failed. */
	printf("failed(%d). \"ls\" lists the files, \"help\" the commands\n",
	    error);
	return error;
}

static int
Xecho(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	printf("\n");
	return 0;
}

static int
Xhelp(int argc, char **argv)
{
	printf("commands: boot echo help ls machine reboot set\n");
	printf("machine: diskinfo mem\n");
	printf("boot [image] [-acds] [test=LIST]  (image: %s:%s)\n",
	    devname(), cmd.image);
	return 0;
}

/* "drwxr-xr-x" for a mode. */
static void
format_mode(char *buf, u_int mode)
{
	static const char types[] = "?pc?d?b?-?l?s???";
	static const char rwx[] = "rwxrwxrwx";

	buf[0] = types[(mode >> 12) & 0xf];
	for (int i = 0; i < 9; i++)
		buf[1 + i] = (mode & (0400 >> i)) ? rwx[i] : '-';
	buf[10] = '\0';
}

static int
Xls(int argc, char **argv)
{
	const char *dir = strip_device(argc > 1 ? argv[1] : "/");
	char *path, name[MAXNAMLEN + 1], mode[11];
	int fd;

	if (dir == nullptr)
		return ENXIO;
	fd = opendir(dir);
	if (fd < 0) {
		int error = errno;
		printf("ls: %s: %s\n", dir, strerror(error));
		return error;
	}
	path = (char *)alloc(MAXPATHLEN);
	if (path == nullptr) {
		closedir(fd);
		return ENOMEM;
	}
	while (readdir(fd, name) == 0) {
		struct stat sb;
		snprintf(path, MAXPATHLEN, "%s/%s", dir, name);
		int f = open(path, 0);
		if (f < 0 || fstat(f, &sb) < 0) {
			printf(" ?          ?,?\t?\t%s: %s\n", name,
			    strerror(errno));
			if (f >= 0)
				close(f);
			continue;
		}
		close(f);
		format_mode(mode, sb.st_mode);
		printf(" %s %u,%u\t%lld\t%s\n", mode, (u_int)sb.st_uid,
		    (u_int)sb.st_gid, (long long)sb.st_size, name);
	}
	free(path, MAXPATHLEN);
	closedir(fd);
	return 0;
}

static int
Xmachine(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "mem") == 0) {
		dump_biosmem();
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "diskinfo") == 0) {
		const struct diskinfo *dip = &bootdisk;
		printf("Disk\tBIOS#\tCyls\tHeads\tSecs\tFlags\tPartition\n");
		printf("hd%d\t0x%x\t%u\t%u\t%u\t%s\tsector %u\n",
		    dip->di_drive & 0x7f, dip->di_drive, dip->di_cyls,
		    dip->di_heads, dip->di_secs, dip->di_lba ? "LBA" : "CHS",
		    dip->di_poffset);
		return 0;
	}
	printf("machine: diskinfo mem\n");
	return EINVAL;
}

static int
Xreboot(int argc, char **argv)
{
	printf("Rebooting...\n");
	/* Pulse the reset line through the keyboard controller. */
	outb(0x64, 0xfe);
	for (int i = 0; i < 100000; i++)
		(void)inb(0x80);	/* about a microsecond each */
	/* Still here: our IDT is empty, so a breakpoint resets the CPU. */
	__asm volatile("int3");
	return 0;
}

static int
Xset(int argc, char **argv)
{
	char flags[8];

	if (argc == 1) {
		format_howto(flags, sizeof(flags), cmd.howto);
		printf("device\t%s\nimage\t%s\nhowto\t%s\ntimeout\t%d\n",
		    devname(), cmd.image, flags, cmd.timeout);
		return 0;
	}
	if (argc != 3) {
		printf("usage: set [device|image|howto|timeout [value]]\n");
		return EINVAL;
	}
	if (strcmp(argv[1], "image") == 0) {
		const char *image = strip_device(argv[2]);
		if (image == nullptr)
			return ENXIO;
		strlcpy(cmd.image, image, sizeof(cmd.image));
	} else if (strcmp(argv[1], "howto") == 0) {
		int howto = 0;
		const char *kt;
		size_t ktlen;
		if (argv[2][0] != '-' ||
		    boot_parse_flags(argv[2], &howto, &kt, &ktlen) != 0) {
			printf("set howto: flags such as -s, -d\n");
			return EINVAL;
		}
		cmd.howto = howto;
	} else if (strcmp(argv[1], "timeout") == 0) {
		int t = 0;
		for (const char *p = argv[2]; *p != '\0'; p++) {
			if (*p < '0' || *p > '9' || t > 100000) {
				printf("set timeout: seconds\n");
				return EINVAL;
			}
			t = t * 10 + *p - '0';
		}
		cmd.timeout = t;
	} else if (strcmp(argv[1], "device") == 0) {
		if (strcmp(argv[2], devname()) != 0) {
			printf("set device: only %s, the boot partition\n",
			    devname());
			return ENXIO;
		}
	} else {
		printf("set: no variable %s\n", argv[1]);
		return EINVAL;
	}
	return 0;
}
