/*
 * kern_xxx.cc: reboot(2), and reboot(), the kernel's way to stop.
 *
 * Stopping cleanly means writing the file systems' dirty buffers to the
 * disk first (unless RB_NOSYNC), exactly as ddb's "boot sync" does, and
 * then asking the machine-dependent code to halt, power off or reset.
 *
 * Mirrors OpenBSD's sys/kern/kern_xxx.c and the MI part of its
 * arch/i386/i386/machdep.c boot().
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/mount.h>
#include <sys/proc.h>
#include <sys/reboot.h>
#include <sys/signal.h>
#include <sys/syscallargs.h>
#include <sys/ucred.h>
#include <machine/cpu.h>

/*
 * reboot: stop the system as howto says (RB_HALT, RB_POWERDOWN, or
 * neither: reset), after syncing the disks unless RB_NOSYNC.
 * => process context (the sync sleeps); never returns.
 */
void
reboot(int howto)
{
	if (!(howto & RB_NOSYNC)) {
		printf("syncing disks... ");
		vfs_sync_all(MNT_WAIT);
		printf("done\n");
	}
	if (howto & RB_POWERDOWN) {
		printf("powering down...\n");
		cpu_powerdown();	/* halts if it cannot */
	}
	if (howto & RB_HALT)
		cpu_halt();
	printf("rebooting...\n");
	cpu_reset();
}

/* reboot(2): root only. */
int
sys_reboot(struct proc *p, void *v, register_t *retval)
{
	struct sys_reboot_args *uap = (struct sys_reboot_args *)v;
	int error;

	if ((error = suser_ucred(p->p_ucred)) != 0)
		return error;
	reboot(SCARG(uap, opt) | RB_USERREQ);
	/* NOTREACHED */
	return 0;
}
