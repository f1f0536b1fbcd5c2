/*
 * regress/sysctl.c: sysctl(2): kern.hostname read and written (by root
 * only), kern.ostype and friends, kern.proc listing our own process,
 * hw.physmem, hw.pagesize, hw.ncpu, kern.argmax, and the errors for bad
 * names (EINVAL for a bad length, ENOTDIR for a name that goes below a
 * leaf, EOPNOTSUPP for an unknown one, ENOMEM for a short buffer, EPERM
 * for writing a read-only value).
 *
 * OpenBSD: kern/kern_sysctl.c (sys_sysctl, kern_sysctl, hw_sysctl,
 * sysctl_string, sysctl_doproc).  Linux has no sysctl(2): on the host
 * this program only says so.
 */
#include "regress.h"

#ifndef REGRESS_HOST
/* OpenBSD's numbers, which our libc's <sys/sysctl.h> does not have yet. */
#ifndef CTL_MAXNAME
#define CTL_MAXNAME	12
#endif
#ifndef KERN_MAXPROC
#define KERN_MAXPROC	6
#endif
#ifndef KERN_ARGMAX
#define KERN_ARGMAX	8
#endif
#ifndef KERN_PROC
#define KERN_PROC	66
#endif
#ifndef KERN_PROC_ALL
#define KERN_PROC_ALL	0
#endif
#ifndef KERN_PROC_PID
#define KERN_PROC_PID	1
#endif
#ifndef HW_NCPU
#define HW_NCPU		3
#endif
#ifndef HW_PHYSMEM
#define HW_PHYSMEM	5
#endif
#ifndef HW_PAGESIZE
#define HW_PAGESIZE	7
#endif
#ifndef HW_PHYSMEM64
#define HW_PHYSMEM64	19
#endif

/*
 * The head of OpenBSD's struct kinfo_proc (<sys/sysctl.h>), as far as
 * the ids.  sysctl_doproc copies min(elem_size, sizeof(kinfo_proc))
 * bytes of each process, so asking for this much is enough.
 */
struct kinfo_proc_head {
	u_int64_t p_forw, p_back, p_paddr, p_addr, p_fd, p_stats, p_limit,
	    p_vmspace, p_sigacts, p_sess, p_tsess, p_ru;
	int32_t	p_eflag, p_exitsig, p_flag;
	int32_t	p_pid;			/* process id */
	int32_t	p_ppid;			/* its parent's */
	int32_t	p_sid, p__pgid, p_tpgid;
	u_int32_t p_uid, p_ruid, p_gid, p_rgid;
};

static int
get_int(int a, int b, long long *out)
{
	int mib[2] = { a, b };
	union { int i; int64_t q; } v;
	size_t len = sizeof(v);

	if (sysctl(mib, 2, &v, &len, NULL, 0) == -1)
		return -1;
	*out = len == sizeof(int64_t) ? v.q : v.i;
	return len == sizeof(int) || len == sizeof(int64_t) ? 0 : -2;
}

static int
set_hostname_child(void *arg)
{
	int mib[2] = { CTL_KERN, KERN_HOSTNAME };

	if (setuid(1000) == -1)
		return 10;
	if (sysctl(mib, 2, NULL, NULL, (void *)"evil", 5) != -1)
		return 11;
	return errno == EPERM ? 0 : 12;
}

static void
test_hostname(void)
{
	int mib[2] = { CTL_KERN, KERN_HOSTNAME };
	char old[256], now[256], tiny[2], big[300];
	size_t len = sizeof(old), need = 0, oldlen;
	int st;

	CHECK_OK(sysctl(mib, 2, old, &len, NULL, 0));
	CHECK(len >= 1 && len <= sizeof(old) && old[len - 1] == '\0',
	    "kern.hostname: \"%s\", %zu bytes with the NUL", old, len);
	oldlen = len;
	CHECK_OK(sysctl(mib, 2, NULL, &need, NULL, 0));
	CHECK_EQ(need, oldlen, "oldp NULL tells the length needed");
	len = sizeof(tiny);
	if (oldlen > sizeof(tiny))
		CHECK_ERRN(sysctl(mib, 2, tiny, &len, NULL, 0), ENOMEM,
		    "kern.hostname into 2 bytes");

	CHECK_OK(sysctl(mib, 2, NULL, NULL, (void *)"regress-host", 13));
	len = sizeof(now);
	CHECK_OK(sysctl(mib, 2, now, &len, NULL, 0));
	CHECK(strcmp(now, "regress-host") == 0 && len == 13,
	    "root set kern.hostname (now \"%s\")", now);
	CHECK(gethostname(now, sizeof(now)) == 0 &&
	    strcmp(now, "regress-host") == 0, "gethostname agrees");
	memset(big, 'h', sizeof(big));
	CHECK_ERRN(sysctl(mib, 2, NULL, NULL, big, sizeof(big)), EINVAL,
	    "a 300-byte hostname");
	st = rg_child(set_hostname_child, NULL);
	CHECK(EXITED_WITH(st, 0), "uid 1000 may not set it: EPERM (%s)",
	    rg_status(st));
	CHECK_OK(sysctl(mib, 2, NULL, NULL, old, oldlen));
	len = sizeof(now);
	CHECK(sysctl(mib, 2, now, &len, NULL, 0) == 0 &&
	    strcmp(now, old) == 0, "the old name is back");
}

static void
test_strings(void)
{
	static const struct { int a, b; const char *name; } s[] = {
		{ CTL_KERN, KERN_OSTYPE, "kern.ostype" },
		{ CTL_KERN, KERN_OSRELEASE, "kern.osrelease" },
		{ CTL_KERN, KERN_VERSION, "kern.version" },
		{ CTL_HW, HW_MACHINE, "hw.machine" },
	};
	char buf[512];
	size_t len;
	unsigned i;
	int mib[2];

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		mib[0] = s[i].a;
		mib[1] = s[i].b;
		len = sizeof(buf);
		CHECK(sysctl(mib, 2, buf, &len, NULL, 0) == 0 && len > 1 &&
		    buf[len - 1] == '\0' && strlen(buf) == len - 1,
		    "%s is a string (\"%.40s\")", s[i].name, buf);
	}
	mib[0] = CTL_HW;
	mib[1] = HW_MACHINE;
	len = sizeof(buf);
	CHECK(sysctl(mib, 2, buf, &len, NULL, 0) == 0 &&
	    strcmp(buf, "i386") == 0, "hw.machine is i386");
	mib[0] = CTL_KERN;
	mib[1] = KERN_OSTYPE;
	CHECK_ERRN(sysctl(mib, 2, NULL, NULL, (void *)"x", 2), EPERM,
	    "kern.ostype is read-only");
}

static void
test_numbers(void)
{
	long long v;

	CHECK(get_int(CTL_HW, HW_PHYSMEM64, &v) == 0 && v > 0,
	    "hw.physmem > 0 (%lld)", v);
	CHECK(v > 4 * 1024 * 1024 && v <= 4LL * 1024 * 1024 * 1024,
	    "hw.physmem is between 4 MiB and 4 GiB");
	CHECK(get_int(CTL_HW, HW_PAGESIZE, &v) == 0 && v == 4096,
	    "hw.pagesize is 4096 (%lld)", v);
	CHECK(get_int(CTL_HW, HW_NCPU, &v) == 0 && v >= 1,
	    "hw.ncpu >= 1 (%lld)", v);
	CHECK(get_int(CTL_KERN, KERN_MAXPROC, &v) == 0 && v > 1,
	    "kern.maxproc > 1 (%lld)", v);
	CHECK(get_int(CTL_KERN, KERN_ARGMAX, &v) == 0 && v == ARG_MAX,
	    "kern.argmax is ARG_MAX (%lld)", v);
}

static void
test_proc(void)
{
	int mib[6] = { CTL_KERN, KERN_PROC, KERN_PROC_ALL, 0,
	    sizeof(struct kinfo_proc_head), 0 };
	struct kinfo_proc_head *kp, one;
	size_t len = 0, n, i;
	int found = 0, parent = 0;

	CHECK_OK(sysctl(mib, 6, NULL, &len, NULL, 0));
	CHECK(len >= 2 * sizeof(*kp), "kern.proc: room for 2 or more "
	    "processes (%zu bytes)", len);
	len += 10 * sizeof(*kp);	/* room for processes born meanwhile */
	mib[5] = len / sizeof(*kp);
	kp = malloc(len);
	if (kp == NULL)
		return;
	CHECK_OK(sysctl(mib, 6, kp, &len, NULL, 0));
	n = len / sizeof(*kp);
	CHECK_EQ(len % sizeof(*kp), 0, "whole records");
	for (i = 0; i < n; i++) {
		if (kp[i].p_pid == getpid() && kp[i].p_ppid == getppid() &&
		    kp[i].p_uid == geteuid())
			found++;
		if (kp[i].p_pid == getppid())
			parent++;
	}
	CHECK_EQ(found, 1, "kern.proc lists us once, with our parent and uid "
	    "(%zu processes)", n);
	CHECK_EQ(parent, 1, "and our parent");
	free(kp);

	mib[2] = KERN_PROC_PID;
	mib[3] = getpid();
	mib[5] = 1;
	len = sizeof(one);
	CHECK_OK(sysctl(mib, 6, &one, &len, NULL, 0));
	CHECK(len == sizeof(one) && one.p_pid == getpid(),
	    "KERN_PROC_PID finds us");
}

static void
test_bad_names(void)
{
	int mib[CTL_MAXNAME + 1], v;
	size_t len = sizeof(v);
	char buf[64];

	memset(mib, 0, sizeof(mib));
	mib[0] = CTL_KERN;
	mib[1] = KERN_HOSTNAME;
	CHECK_ERRN(sysctl(mib, 0, &v, &len, NULL, 0), EINVAL, "namelen 0");
	CHECK_ERRN(sysctl(mib, CTL_MAXNAME + 1, &v, &len, NULL, 0), EINVAL,
	    "namelen CTL_MAXNAME + 1");
	mib[2] = 1;
	len = sizeof(buf);
	CHECK_ERRN(sysctl(mib, 3, buf, &len, NULL, 0), ENOTDIR,
	    "kern.hostname.1: below a leaf");
	mib[1] = 9999;
	CHECK_ERRN(sysctl(mib, 2, buf, &len, NULL, 0), EOPNOTSUPP,
	    "kern.9999");
	mib[0] = 9999;
	CHECK_ERRN(sysctl(mib, 2, buf, &len, NULL, 0), EOPNOTSUPP,
	    "top level 9999");
	mib[0] = CTL_HW;
	mib[1] = 9999;
	CHECK_ERRN(sysctl(mib, 2, buf, &len, NULL, 0), EOPNOTSUPP,
	    "hw.9999");
}
#endif /* !REGRESS_HOST */

int
main(void)
{
	regress_begin("sysctl");
#ifdef REGRESS_HOST
	NOTE("skipped: Linux has no sysctl(2)");
#else
	test_hostname();
	test_strings();
	test_numbers();
	test_proc();
	test_bad_names();
#endif
	return regress_end();
}
