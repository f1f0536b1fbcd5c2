/*
 * bin/ps.c: ps(1), process status.
 *
 *	ps [-aklx]
 *
 * One line per process, from the kernel's process table, which
 * sysctl(2) hands out as an array of struct kinfo_proc (<sys/sysctl.h>):
 * { CTL_KERN, KERN_PROC, KERN_PROC_ALL, 0, sizeof(struct kinfo_proc),
 * count }, asked twice, first for the size.  The columns:
 *
 *	  PID STAT PRI     TIME COMMAND
 *	    1 Ss    10  0:00.03 init
 *
 * STAT is OpenBSD's: R runnable or running, S sleeping (I if idle for
 * more than 20 seconds, D if the sleep cannot be interrupted), T
 * stopped, Z a zombie; then < high priority, N low priority (nice),
 * s a session leader, K a kernel thread.  PRI is the priority (lower
 * runs first), TIME the CPU time used, user and system.  -l adds the
 * user, the parent, nice and what the process waits on; -k also lists
 * kernel threads; -a and -x are accepted (every process is listed: there
 * are no terminals to select by).  As OpenBSD's bin/ps, much reduced.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysctl.h>
#include <unistd.h>

/*
 * The process states and flags, as the kernel's <sys/proc.h> (C++, not
 * for programs) and OpenBSD's have them.
 */
#define SIDL		1
#define SRUN		2
#define SSLEEP		3
#define SSTOP		4
#define SZOMB		5
#define SDEAD		6
#define SONPROC		7
#define P_SINTR		0x00000080
#define PS_SYSTEM	0x00010000
#define MAXSLP		20
#define NZERO		20

static void
state(const struct kinfo_proc *k, char *s)
{
	char *p = s;

	switch (k->p_stat) {
	case SSTOP:
		*p++ = 'T';
		break;
	case SSLEEP:
		if (k->p_flag & P_SINTR)
			*p++ = k->p_slptime >= MAXSLP ? 'I' : 'S';
		else
			*p++ = 'D';
		break;
	case SRUN:
	case SIDL:
	case SONPROC:
		*p++ = 'R';
		break;
	case SZOMB:
	case SDEAD:
		*p++ = 'Z';
		break;
	default:
		*p++ = '?';
	}
	if (k->p_nice < NZERO)
		*p++ = '<';
	else if (k->p_nice > NZERO)
		*p++ = 'N';
	if (k->p_sid == k->p_pid)
		*p++ = 's';
	if (k->p_psflags & PS_SYSTEM)
		*p++ = 'K';
	*p = '\0';
}

/* CPU time as m:ss.hh. */
static void
cputime(const struct kinfo_proc *k, char *s, size_t len)
{
	unsigned long long us = (unsigned long long)(k->p_uutime_sec +
	    k->p_ustime_sec) * 1000000 + k->p_uutime_usec + k->p_ustime_usec;
	unsigned long secs = (unsigned long)(us / 1000000);

	snprintf(s, len, "%lu:%02lu.%02lu", secs / 60, secs % 60,
	    (unsigned long)(us % 1000000 / 10000));
}

int
main(int argc, char *argv[])
{
	int ch, kflag = 0, lflag = 0;

	while ((ch = getopt(argc, argv, "aklx")) != -1) {
		switch (ch) {
		case 'k':
			kflag = 1;
			break;
		case 'l':
			lflag = 1;
			break;
		case 'a':
		case 'x':
			break;
		default:
			fprintf(stderr, "usage: ps [-aklx]\n");
			return 1;
		}
	}
	int mib[6] = { CTL_KERN, KERN_PROC,
	    kflag ? KERN_PROC_KTHREAD : KERN_PROC_ALL, 0,
	    (int)sizeof(struct kinfo_proc), 0 };
	size_t size = 0;
	if (sysctl(mib, 6, NULL, &size, NULL, 0) < 0)
		err(1, "sysctl kern.proc");
	struct kinfo_proc *kp = malloc(size ? size : 1);
	if (kp == NULL)
		err(1, NULL);
	mib[5] = (int)(size / sizeof(struct kinfo_proc));
	if (sysctl(mib, 6, kp, &size, NULL, 0) < 0)
		err(1, "sysctl kern.proc");
	int n = (int)(size / sizeof(struct kinfo_proc));

	if (lflag)
		printf("  UID   PID  PPID PRI  NI WCHAN    STAT      TIME "
		    "COMMAND\n");
	else
		printf("  PID STAT PRI     TIME COMMAND\n");
	for (int i = 0; i < n; i++) {
		const struct kinfo_proc *k = &kp[i];
		char st[8], t[32];
		state(k, st);
		cputime(k, t, sizeof(t));
		if (lflag) {
			char wchan[KI_WMESGLEN + 1];
			memcpy(wchan, k->p_wmesg, KI_WMESGLEN);
			wchan[KI_WMESGLEN] = '\0';
			if (wchan[0] == '\0' || k->p_stat != SSLEEP)
				strcpy(wchan, "-");
			printf("%5u %5d %5d %3d %3d %-8s %-4s %9s %s\n",
			    (unsigned)k->p_uid, k->p_pid, k->p_ppid,
			    k->p_priority, k->p_nice - NZERO, wchan, st, t,
			    k->p_comm);
		} else
			printf("%5d %-4s %3d %8s %s\n", k->p_pid, st,
			    k->p_priority, t, k->p_comm);
	}
	free(kp);
	return 0;
}
