/*
 * <sys/ucred.h>: credentials, who a process acts as (ucred(9)).
 *
 * A struct ucred is shared by reference (cr_ref) between the processes
 * and open files that use it and never changed while shared: a process
 * that changes its ids gets a copy first (crcopy).  The effective ids
 * (cr_uid, cr_gid and the groups) decide permissions; the real and saved
 * ones are what setuid(2) and friends may switch between.
 */
#ifndef _SYS_UCRED_H_
#define _SYS_UCRED_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define NGROUPS_MAX	16

struct ucred {
	u_int	cr_ref;			/* references */
	uid_t	cr_uid;			/* effective user id */
	uid_t	cr_ruid;		/* real user id */
	uid_t	cr_svuid;		/* saved effective user id */
	gid_t	cr_gid;			/* effective group id */
	gid_t	cr_rgid;		/* real group id */
	gid_t	cr_svgid;		/* saved effective group id */
	short	cr_ngroups;		/* number of supplementary groups */
	gid_t	cr_groups[NGROUPS_MAX];	/* supplementary groups */
};

/* Not real credentials: no one's, and the file system itself. */
#define NOCRED	((struct ucred *)-1)
#define FSCRED	((struct ucred *)-2)

extern struct ucred *proc0cred;	/* root's, for the kernel's threads */
extern struct pool ucred_pool;	/* where credentials come from */

__BEGIN_DECLS
struct proc;
struct ucred *crget(void);
struct ucred *crcopy(struct ucred *cr);
struct ucred *crdup(struct ucred *cr);
void	crhold(struct ucred *cr);
void	crfree(struct ucred *cr);
int	groupmember(gid_t gid, struct ucred *cred);
[[nodiscard]] int suser_ucred(struct ucred *cred);
__END_DECLS

#endif /* !_SYS_UCRED_H_ */
