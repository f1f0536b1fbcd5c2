/*
 * kern_ucred.cc: credentials (ucred(9)).
 *
 * A struct ucred says who a process is for permission checks.  It is
 * shared by reference: fork gives the child the parent's, an open file
 * keeps the opener's.  Because it is shared, it is never changed in
 * place: setuid(2) will take a private copy (crcopy) and change that.
 * Credentials come from a pool; the last crfree returns one.
 *
 * proc0cred is root's, made at boot for proc0 and the kernel threads.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/pool.h>
#include <sys/ucred.h>

struct pool ucred_pool;		/* [I] set up by procinit */
struct ucred *proc0cred;

/*
 * crget: new credentials, all ids 0 (root), one reference.
 * => process context, may sleep.
 */
struct ucred *
crget(void)
{
	struct ucred *cr = (struct ucred *)pool_get(&ucred_pool,
	    PR_WAITOK | PR_ZERO);
	cr->cr_ref = 1;
	return cr;
}

/* crhold: one more reference to cr. */
void
crhold(struct ucred *cr)
{
	KASSERT(cr->cr_ref > 0);
	cr->cr_ref++;
}

/* crfree: drop a reference; the last one frees cr. */
void
crfree(struct ucred *cr)
{
	KASSERT(cr->cr_ref > 0);
	if (--cr->cr_ref == 0)
		pool_put(&ucred_pool, cr);
}

/* crdup: a private copy of cr, with one reference. */
struct ucred *
crdup(struct ucred *cr)
{
	struct ucred *ncr = crget();

	*ncr = *cr;
	ncr->cr_ref = 1;
	return ncr;
}

/*
 * crcopy: cr, made private so that the caller may change it: cr itself
 * if no one else holds it, else a copy (and cr loses the caller's
 * reference).
 */
struct ucred *
crcopy(struct ucred *cr)
{
	if (cr->cr_ref == 1)
		return cr;
	struct ucred *ncr = crdup(cr);
	crfree(cr);
	return ncr;
}

/* groupmember: is gid cred's effective group or a supplementary one? */
int
groupmember(gid_t gid, struct ucred *cred)
{
	if (cred->cr_gid == gid)
		return 1;
	for (int i = 0; i < cred->cr_ngroups; i++)
		if (cred->cr_groups[i] == gid)
			return 1;
	return 0;
}

/* suser_ucred: 0 if cred is the superuser's, else EPERM (suser(9)). */
int
suser_ucred(struct ucred *cred)
{
	return cred->cr_uid == 0 ? 0 : EPERM;
}
