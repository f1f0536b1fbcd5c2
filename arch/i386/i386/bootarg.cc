/*
 * bootarg.cc: building and reading OpenBSD's bootarg list.
 *
 * The list is a run of records, each a bootarg32_t header (type, size of
 * the whole record) and a payload, ended by the single word BOOTARG_END
 * (see <machine/biosvar.h>).  The builder half is used by multiboot.cc to
 * translate multiboot's information (and by boot(8) and the unit tests);
 * the reader half, getbootinfo(), is what init386() calls, as OpenBSD's
 * i386 machdep.c does.  boot_parse_flags() turns a loader's command line
 * ("/bsd -s test=all") into boot flags the same way boot(8)'s "boot"
 * command does.
 *
 * Nothing here may trust the list: a loader with a bug must produce a
 * clear error at boot, not a wild pointer, so every size is checked
 * against the buffer before it is used.  This file is compiled into the
 * host unit tests as well.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/reboot.h>
#include <machine/biosvar.h>

/* Records are padded so that each header starts 4-byte aligned. */
static constexpr size_t
bootarg_roundup(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

/* Is there a NUL within the first len bytes of s? */
static bool
has_nul(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\0')
			return true;
	return false;
}

void
bootarg_init(struct bootarg_builder *bb, void *buf, size_t len)
{
	bb->bb_buf = (char *)buf;
	bb->bb_len = len;
	bb->bb_used = 0;
	bb->bb_overflow = 0;
}

/*
 * bootarg_add: append a record of the given type with len bytes of data.
 * Room for the final BOOTARG_END is always kept; a record that does not
 * fit is dropped and bb_overflow set.
 */
void
bootarg_add(struct bootarg_builder *bb, int type, const void *data,
    size_t len)
{
	bootarg32_t hdr;
	size_t size = bootarg_roundup(sizeof(hdr) + len);

	if (bb->bb_used + size + sizeof(int32_t) > bb->bb_len) {
		bb->bb_overflow = 1;
		return;
	}
	hdr.ba_type = type;
	hdr.ba_size = (int32_t)size;
	hdr.ba_nextX = 0;
	memcpy(bb->bb_buf + bb->bb_used, &hdr, sizeof(hdr));
	memcpy(bb->bb_buf + bb->bb_used + sizeof(hdr), data, len);
	memset(bb->bb_buf + bb->bb_used + sizeof(hdr) + len, 0,
	    size - sizeof(hdr) - len);
	bb->bb_used += size;
}

/* bootarg_end: close the list. */
void
bootarg_end(struct bootarg_builder *bb)
{
	int32_t end = BOOTARG_END;

	if (bb->bb_used + sizeof(end) > bb->bb_len) {
		bb->bb_overflow = 1;
		return;
	}
	memcpy(bb->bb_buf + bb->bb_used, &end, sizeof(end));
	bb->bb_used += sizeof(end);
}

/*
 * getbootinfo: walk the len bytes at args and fill in bi.
 * Returns 0, or EINVAL if the list is malformed (a size that runs past the
 * buffer, a memory map without its end marker, an unterminated string, or
 * no BOOTARG_END); bi then holds what was read before the fault.
 * => the list must stay where it is: bi points into it.
 */
int
getbootinfo(const void *args, size_t len, struct bootinfo *bi)
{
	const char *p = (const char *)args;
	size_t off = 0;

	memset(bi, 0, sizeof(*bi));
	while (off + sizeof(int32_t) <= len) {
		bootarg32_t hdr;
		int32_t type;

		memcpy(&type, p + off, sizeof(type));
		if (type == BOOTARG_END)
			return 0;
		if (off + sizeof(hdr) > len)
			return EINVAL;
		memcpy(&hdr, p + off, sizeof(hdr));
		if (hdr.ba_size < (int32_t)sizeof(hdr) ||
		    (size_t)hdr.ba_size > len - off)
			return EINVAL;

		const char *data = p + off + sizeof(hdr);
		size_t dlen = hdr.ba_size - sizeof(hdr);

		switch (hdr.ba_type) {
		case BOOTARG_MEMMAP: {
			/* The map must contain its own end marker. */
			size_t n = dlen / sizeof(bios_memmap_t);
			size_t i;
			for (i = 0; i < n; i++) {
				bios_memmap_t m;
				memcpy(&m, data + i * sizeof(m), sizeof(m));
				if (m.type == BIOS_MAP_END)
					break;
			}
			if (i == n)
				return EINVAL;
			bi->bi_memmap = (bios_memmap_t *)data;
			break;
		}
		case BOOTARG_CONSDEV:
			if (dlen < sizeof(bios_consdev_t))
				return EINVAL;
			bi->bi_consdev = (bios_consdev_t *)data;
			break;
		case BOOTARG_RDIMAGE:
			if (dlen < sizeof(bios_rdimage_t))
				return EINVAL;
			bi->bi_rdimage = (bios_rdimage_t *)data;
			break;
		case BOOTARG_KTEST:
			if (!has_nul(data, dlen))
				return EINVAL;
			bi->bi_ktest = data;
			break;
		default:
			bi->bi_unknown++;
			break;
		}
		bi->bi_nrecords++;
		off += hdr.ba_size;
	}
	return EINVAL;		/* ran off the end without BOOTARG_END */
}

/*
 * boot_parse_flags: read a boot command line the way boot(8) does.
 * The first word is the kernel's file name when it is not an option
 * ("/bsd -s"); "-abcds" words set RB_* flags in *howto; "test=LIST" sets
 * *ktest and *ktestlen to LIST (not NUL-terminated: it points into cmdline).
 * Returns 0, or EINVAL when a word or flag letter was not understood (the
 * others still take effect).
 */
int
boot_parse_flags(const char *cmdline, int *howto, const char **ktest,
    size_t *ktestlen)
{
	int error = 0;
	bool first = true;

	for (const char *p = cmdline; *p != '\0';) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		const char *w = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		size_t wlen = p - w;

		if (w[0] == '-') {
			for (size_t i = 1; i < wlen; i++) {
				switch (w[i]) {
				case 'a': *howto |= RB_ASKNAME; break;
				case 'b': *howto |= RB_HALT; break;
				case 'c': *howto |= RB_CONFIG; break;
				case 'd': *howto |= RB_KDB; break;
				case 's': *howto |= RB_SINGLE; break;
				default: error = EINVAL; break;
				}
			}
		} else if (wlen > 5 && strncmp(w, "test=", 5) == 0) {
			*ktest = w + 5;
			*ktestlen = wlen - 5;
		} else if (!first) {
			error = EINVAL;
		}
		/* else: the kernel's own file name, "/bsd". */
		first = false;
	}
	return error;
}
