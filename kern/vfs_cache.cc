/*
 * vfs_cache.cc: the name cache (OpenBSD's sys/kern/vfs_cache.c,
 * namecache(9)).
 *
 * Reading a directory block to find one name is slow; a path like
 * /usr/bin/cc looks up the same names over and over.  The name cache
 * remembers recent answers of VOP_LOOKUP: (directory vnode, name) ->
 * vnode, or -> "no such name" (a negative entry).  File systems consult
 * it at the start of their lookup (cache_lookup) and fill it at the end
 * (cache_enter).
 *
 * Entries do not hold references to their vnodes.  Instead each entry
 * remembers the v_id of both vnodes when it was made; getnewvnode and
 * cache_purge change a vnode's v_id, which silently invalidates every
 * entry naming it, as 4.4BSD's capability scheme does.  (OpenBSD now
 * keeps per-directory trees; the hash is the classic form and smaller.)
 *
 *	nchashtbl[hash(dvp, name)] -> entry -> entry ...
 *	nclruhead: the least recently made entry first: the next to reuse.
 *
 * Only names up to NCHNAMLEN bytes are cached; longer ones are rare.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/mount.h>
#include <sys/namei.h>
#include <sys/vnode.h>

#define NCHNAMLEN	31

struct namecache {
	list_entry<namecache> nc_hash;	/* [K] on its hash chain */
	tailq_entry<namecache> nc_lru;	/* [K] on the reuse list */
	struct vnode	*nc_dvp;	/* [K] the directory */
	u_int		nc_dvpid;	/* [K] its v_id then */
	struct vnode	*nc_vp;		/* [K] the answer, null: no such */
	u_int		nc_vpid;	/* [K] its v_id then */
	u_char		nc_nlen;	/* [K] the name's length */
	char		nc_name[NCHNAMLEN];	/* [K] the name (no NUL) */
};

typedef list_head<namecache, &namecache::nc_hash> nchash_head;
static nchash_head *nchashtbl;		/* [I] the hash table */
static u_long nchash;			/* [I] its mask */
static tailq_head<namecache, &namecache::nc_lru> nclruhead;
static int numcache;			/* [I] entries */
struct nchstats nchstats;

static nchash_head &
nchashhead(struct vnode *dvp, const char *name, long len)
{
	u_int h = (u_int)(uintptr_t)dvp >> 4;

	for (long i = 0; i < len; i++)
		h = h * 33 + (u_char)name[i];
	return nchashtbl[h & nchash];
}

/*
 * nchinit: the table, with as many entries as vnodes (maxvnodes), in
 * one allocation; a power-of-two hash a quarter as long.
 * => called once from vntblinit.
 */
void
nchinit(void)
{
	numcache = maxvnodes;
	u_long n = 1;
	while (n < (u_long)numcache / 4)
		n <<= 1;
	nchash = n - 1;
	nchashtbl = (nchash_head *)malloc(n * sizeof(nchash_head), M_CACHE,
	    M_WAITOK);
	for (u_long i = 0; i < n; i++)
		nchashtbl[i].init();
	nclruhead.init();
	struct namecache *ncp = (struct namecache *)malloc(
	    numcache * sizeof(*ncp), M_CACHE, M_WAITOK | M_ZERO);
	/* Unused entries are on the reuse list, on no hash chain. */
	for (int i = 0; i < numcache; i++)
		nclruhead.insert_tail(&ncp[i]);
}

/* cache_remove: ncp forgets its name (it stays on the reuse list). */
static void
cache_remove(struct namecache *ncp)
{
	if (ncp->nc_dvp != nullptr) {
		nchashtbl[0].remove(ncp);	/* any head: a list removal */
		ncp->nc_dvp = nullptr;
	}
	nclruhead.remove(ncp);
	nclruhead.insert_head(ncp);		/* the first to reuse */
}

/*
 * cache_lookup: look cnp's name up in directory dvp.
 * => dvp locked (VOP_LOOKUP's caller holds it).  May sleep (vget).
 * => returns -1: not cached, do the real lookup; 0: found, *vpp is the
 *    vnode, referenced, not locked (dvp itself for `.'); ENOENT: known
 *    not to exist (never for the last component of CREATE or RENAME,
 *    which must reach the file system to set up the entry).
 */
int
cache_lookup(struct vnode *dvp, struct vnode **vpp, struct componentname *cnp)
{
	*vpp = nullptr;
	if (cnp->cn_namelen > NCHNAMLEN) {
		nchstats.ncs_miss++;
		cnp->cn_flags &= ~MAKEENTRY;
		return -1;
	}
	struct namecache *ncp = nullptr;
	for (struct namecache *n : nchashhead(dvp, cnp->cn_nameptr,
	    cnp->cn_namelen))
		if (n->nc_dvp == dvp && n->nc_dvpid == dvp->v_id &&
		    n->nc_nlen == cnp->cn_namelen &&
		    memcmp(n->nc_name, cnp->cn_nameptr, n->nc_nlen) == 0) {
			ncp = n;
			break;
		}
	if (ncp == nullptr) {
		nchstats.ncs_miss++;
		return -1;
	}
	if (ncp->nc_vp == nullptr) {
		/* Known absent; but CREATE and RENAME need the slot. */
		if ((cnp->cn_flags & ISLASTCN) &&
		    ((cnp->cn_nameiop & OPMASK) == CREATE ||
		    (cnp->cn_nameiop & OPMASK) == RENAME)) {
			cache_remove(ncp);
			nchstats.ncs_miss++;
			return -1;
		}
		nchstats.ncs_neghits++;
		return ENOENT;
	}
	struct vnode *vp = ncp->nc_vp;
	if (vp->v_id != ncp->nc_vpid) {
		/* The vnode has been reused for another file since. */
		nchstats.ncs_badhits++;
		cache_remove(ncp);
		return -1;
	}
	if (vp == dvp) {
		vref(dvp);
	} else if (vget(vp, 0) != 0) {
		nchstats.ncs_badhits++;
		return -1;
	}
	nchstats.ncs_goodhits++;
	*vpp = vp;
	return 0;
}

/*
 * cache_enter: remember that cnp's name in dvp is vp (null: that there
 * is none).  Only if the lookup asked for it (MAKEENTRY).
 * => dvp locked; does not sleep.
 */
void
cache_enter(struct vnode *dvp, struct vnode *vp, struct componentname *cnp)
{
	if (!(cnp->cn_flags & MAKEENTRY) || cnp->cn_namelen > NCHNAMLEN)
		return;
	struct namecache *ncp = nclruhead.first();
	if (ncp == nullptr)
		return;
	if (ncp->nc_dvp != nullptr)
		nchashtbl[0].remove(ncp);
	nclruhead.remove(ncp);
	ncp->nc_dvp = dvp;
	ncp->nc_dvpid = dvp->v_id;
	ncp->nc_vp = vp;
	ncp->nc_vpid = vp != nullptr ? vp->v_id : 0;
	ncp->nc_nlen = (u_char)cnp->cn_namelen;
	memcpy(ncp->nc_name, cnp->cn_nameptr, ncp->nc_nlen);
	nchashhead(dvp, cnp->cn_nameptr, cnp->cn_namelen).insert_head(ncp);
	nclruhead.insert_tail(ncp);
	nchstats.ncs_enters++;
}

/*
 * cache_purge: forget every name of vp and every name in vp (when vp
 * is removed, renamed or reused): changing v_id does both at once.
 */
void
cache_purge(struct vnode *vp)
{
	if (++vp->v_id != 0)
		return;
	/* v_id wrapped: an old entry could match again; clear them all. */
	vp->v_id = 1;
	for (u_long i = 0; i <= nchash; i++)
		while (struct namecache *ncp = nchashtbl[i].first())
			cache_remove(ncp);
}

/* cache_purgevfs: forget every name in mp's directories (unmount). */
void
cache_purgevfs(struct mount *mp)
{
	for (u_long i = 0; i <= nchash; i++) {
		struct namecache *ncp = nchashtbl[i].first(), *next;
		for (; ncp != nullptr; ncp = next) {
			next = nchashtbl[i].next(ncp);
			if (ncp->nc_dvp->v_mount == mp)
				cache_remove(ncp);
		}
	}
}
