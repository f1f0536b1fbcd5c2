/*
 * kern_sysctl_test.cc: in-kernel tests of sysctl(2)'s protocol, through
 * the helpers and kernel_sysctl (kernel buffers, no user process):
 *
 *  - sysctl_helpers: the int and string helpers: ENOMEM for a short
 *    buffer, the length of the value with no buffer, EPERM for a new
 *    value to a read-only one, EINVAL for a new value of the wrong size.
 *  - sysctl_names: kern.ostype, kern.hostname (set and read back),
 *    hw.pagesize; ENOTDIR past a value, EOPNOTSUPP for an unknown name,
 *    EINVAL for a name too short.
 *  - sysctl_proc: KERN_PROC's size protocol and the entries it returns.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <sys/proc.h>
#include <sys/sysctl.h>

static int
test_sysctl_helpers(void)
{
	int val = 7, nval = 9, out = 0;
	size_t len;
	char buf[16];
	char str[8] = "abc";

	len = sizeof(out);
	if (sysctl_int(&out, &len, nullptr, 0, &val) != 0 || out != 7 ||
	    len != sizeof(int))
		return ktest_fail("sysctl_int read: %d, len %zu", out, len);
	len = sizeof(out);
	if (sysctl_int(&out, &len, &nval, sizeof(nval), &val) != 0 ||
	    out != 7 || val != 9)
		return ktest_fail("sysctl_int set: old %d new %d", out, val);
	len = 2;
	if (sysctl_int(&out, &len, nullptr, 0, &val) != ENOMEM)
		return ktest_fail("sysctl_int: short buffer accepted");
	if (sysctl_int(nullptr, &len, &nval, 2, &val) != EINVAL)
		return ktest_fail("sysctl_int: 2-byte new value accepted");
	if (sysctl_rdint(nullptr, &len, &nval, 3) != EPERM)
		return ktest_fail("sysctl_rdint: new value accepted");
	len = 0;
	if (sysctl_rdint(nullptr, &len, nullptr, 3) != 0 || len != sizeof(int))
		return ktest_fail("sysctl_rdint: size query gave %zu", len);

	/* Strings: the length counts the NUL. */
	len = 0;
	if (sysctl_rdstring(nullptr, &len, nullptr, "hello") != 0 || len != 6)
		return ktest_fail("size of \"hello\": %zu", len);
	len = 5;
	if (sysctl_rdstring(buf, &len, nullptr, "hello") != ENOMEM)
		return ktest_fail("5 bytes for \"hello\" accepted");
	len = sizeof(buf);
	if (sysctl_rdstring(buf, &len, nullptr, "hello") != 0 ||
	    strcmp(buf, "hello") != 0 || len != 6)
		return ktest_fail("read \"%s\", len %zu", buf, len);
	len = sizeof(buf);
	if (sysctl_string(buf, &len, (void *)"xyzw", 4, str,
	    sizeof(str)) != 0 || strcmp(buf, "abc") != 0 ||
	    strcmp(str, "xyzw") != 0)
		return ktest_fail("set: old \"%s\" new \"%s\"", buf, str);
	if (sysctl_string(nullptr, &len, (void *)"01234567", 8, str,
	    sizeof(str)) != EINVAL || strcmp(str, "xyzw") != 0)
		return ktest_fail("too long a string accepted: \"%s\"", str);
	return 0;
}
KTEST_DEFINE(sysctl_helpers, test_sysctl_helpers, 0);

static int
test_sysctl_names(void)
{
	int mib[4];
	char buf[MAXHOSTNAMELEN];
	char saved[MAXHOSTNAMELEN];
	size_t len;
	int val, error;

	mib[0] = CTL_KERN;
	mib[1] = KERN_OSTYPE;
	len = sizeof(buf);
	if ((error = kernel_sysctl(mib, 2, buf, &len, nullptr, 0, curproc)) ||
	    strcmp(buf, "TeachBSD") != 0 || len != 9)
		return ktest_fail("kern.ostype: error %d, \"%s\"", error, buf);

	mib[1] = KERN_HOSTNAME;
	strlcpy(saved, hostname, sizeof(saved));
	if ((error = kernel_sysctl(mib, 2, nullptr, &len,
	    (void *)"testhost", 8, curproc)))
		return ktest_fail("set kern.hostname: error %d", error);
	len = sizeof(buf);
	error = kernel_sysctl(mib, 2, buf, &len, nullptr, 0, curproc);
	strlcpy(hostname, saved, sizeof(hostname));
	hostnamelen = (int)strlen(hostname);
	if (error || strcmp(buf, "testhost") != 0 || len != 9)
		return ktest_fail("kern.hostname: error %d, \"%s\"", error,
		    buf);

	mib[0] = CTL_HW;
	mib[1] = HW_PAGESIZE;
	len = sizeof(val);
	if ((error = kernel_sysctl(mib, 2, &val, &len, nullptr, 0, curproc)) ||
	    val != PAGE_SIZE)
		return ktest_fail("hw.pagesize: error %d, %d", error, val);
	mib[2] = 0;
	if ((error = kernel_sysctl(mib, 3, &val, &len, nullptr, 0, curproc)) !=
	    ENOTDIR)
		return ktest_fail("hw.pagesize.0: error %d", error);
	mib[1] = 9999;
	if ((error = kernel_sysctl(mib, 2, &val, &len, nullptr, 0, curproc)) !=
	    EOPNOTSUPP)
		return ktest_fail("hw.9999: error %d", error);
	mib[0] = 99;
	if ((error = kernel_sysctl(mib, 2, &val, &len, nullptr, 0, curproc)) !=
	    EOPNOTSUPP)
		return ktest_fail("99.9999: error %d", error);
	if ((error = kernel_sysctl(mib, 1, &val, &len, nullptr, 0, curproc)) !=
	    EINVAL)
		return ktest_fail("a one-component name: error %d", error);
	mib[0] = CTL_KERN;
	mib[1] = KERN_OSTYPE;
	len = sizeof(buf);
	if ((error = kernel_sysctl(mib, 2, buf, &len, (void *)"x", 1,
	    curproc)) != EPERM)
		return ktest_fail("set kern.ostype: error %d", error);
	return 0;
}
KTEST_DEFINE(sysctl_names, test_sysctl_names, 0);

static int
test_sysctl_proc(void)
{
	static struct kinfo_proc kp[64];
	int mib[6] = { CTL_KERN, KERN_PROC, KERN_PROC_KTHREAD, 0,
	    sizeof(struct kinfo_proc), 64 };
	size_t len = 0;
	int error;

	/* No buffer: the size, with room for a few more. */
	if ((error = kernel_sysctl(mib, 6, nullptr, &len, nullptr, 0,
	    curproc)) != 0)
		return ktest_fail("size query: error %d", error);
	size_t n = len / sizeof(struct kinfo_proc);
	if (n < (size_t)nprocesses || len % sizeof(struct kinfo_proc) != 0)
		return ktest_fail("size %zu for %d processes", len,
		    nprocesses);

	/* One entry's room: ENOMEM, with that entry filled. */
	len = sizeof(struct kinfo_proc);
	if (nprocesses > 1 && (error = kernel_sysctl(mib, 6, kp, &len,
	    nullptr, 0, curproc)) != ENOMEM)
		return ktest_fail("short buffer: error %d", error);

	len = sizeof(kp);
	if ((error = kernel_sysctl(mib, 6, kp, &len, nullptr, 0, curproc)))
		return ktest_fail("KERN_PROC_KTHREAD: error %d", error);
	n = len / sizeof(struct kinfo_proc);
	bool found = false;
	for (size_t i = 0; i < n; i++)
		if (kp[i].p_pid == 0 &&
		    strcmp(kp[i].p_comm, process0.ps_comm) == 0 &&
		    kp[i].p_stat == SONPROC)
			found = true;
	if (n != (size_t)nprocesses || !found)
		return ktest_fail("%zu entries for %d processes, proc0 %s", n,
		    nprocesses, found ? "found" : "missing");

	/* KERN_PROC_PID, with a shorter element (an older caller's). */
	mib[2] = KERN_PROC_PID;
	mib[3] = 0;
	mib[4] = 16;
	len = sizeof(kp);
	if ((error = kernel_sysctl(mib, 6, kp, &len, nullptr, 0, curproc)) ||
	    len != 16)
		return ktest_fail("KERN_PROC_PID 0: error %d, len %zu", error,
		    len);
	mib[4] = sizeof(struct kinfo_proc) + 1;
	if (kernel_sysctl(mib, 6, kp, &len, nullptr, 0, curproc) != EINVAL)
		return ktest_fail("an element larger than kinfo_proc accepted");
	return 0;
}
KTEST_DEFINE(sysctl_proc, test_sysctl_proc, 0);
