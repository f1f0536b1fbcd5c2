/*
 * ufs_ihash.cc: the inode hash, every in-memory inode by (device, inode
 * number).
 *
 * A file must have one vnode at most, or two processes would keep two
 * copies of its inode and overwrite each other's changes.  So before
 * ext2fs_vget reads an inode from the disk it asks the hash whether
 * some vnode already holds it; only if none does does it make one, and
 * it puts the new inode on the hash before it starts the read (which
 * sleeps), marked IN_LOADING, so that a second thread looking for the
 * same inode meanwhile waits for the first instead of reading it again.
 * The inode leaves the hash when its vnode is reclaimed, or when the
 * file is deleted (ext2fs_inactive), so that a new file with the same
 * inode number is never mistaken for the old one.
 *
 *	ihashtbl[hash(dev, ino)] -> inode -> inode -> ...  (i_hash links)
 *
 * The table is a power of two of chains, sized from maxvnodes.  Mirrors
 * OpenBSD's sys/ufs/ufs/ufs_ihash.c.
 *
 * Locking: the chains change only between sleeps of one thread (the
 * kernel lock, sys/vnode.h); a thread that must wait for IN_LOADING
 * sleeps on the inode and looks again from the start when woken.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <sys/vnode.h>

#include <ufs/ufs/inode.h>

typedef list_head<inode, &inode::i_hash> ihash_head;

static ihash_head *ihashtbl;	/* [I] the chains */
static u_long ihash;		/* [I] their number - 1 */

static ihash_head &
ihashchain(dev_t dev, ino_t ino)
{
	return ihashtbl[((u_long)dev + (u_long)ino) & ihash];
}

/*
 * ufs_ihashinit: make the table.
 * => called once, from the first file system type's init (vfsinit).
 */
void
ufs_ihashinit(void)
{
	u_long n = 1;

	if (ihashtbl != nullptr)
		return;
	while (n < (u_long)MAX(maxvnodes, 64) / 4)
		n <<= 1;
	ihashtbl = (ihash_head *)malloc(n * sizeof(ihash_head), M_UFSMNT,
	    M_WAITOK);
	for (u_long i = 0; i < n; i++)
		ihashtbl[i].init();
	ihash = n - 1;
}

/*
 * ufs_ihashget: the vnode of inode ino on dev, if one is in memory.
 * => process context, may sleep (waiting for an inode being read in, or
 *    for a vnode being reclaimed).
 * => returns the vnode referenced and NOT locked, or null.
 */
struct vnode *
ufs_ihashget(dev_t dev, ino_t ino)
{
	struct inode *ip;

loop:
	for (ip = ihashchain(dev, ino).first(); ip != nullptr;
	    ip = ihash_head::next(ip)) {
		if (ip->i_number != ino || ip->i_dev != dev)
			continue;
		if (ip->i_flag & IN_LOADING) {
			/*
			 * Its reader sleeps on the disk; it holds no other
			 * vnode lock while it does, so waiting cannot
			 * deadlock.  It may fail and take the inode off
			 * the hash: look again from the start.
			 */
			ip->i_flag |= IN_WANTED;
			tsleep(ip, PINOD, "iload", 0);
			goto loop;
		}
		struct vnode *vp = ITOV(ip);
		if (vget(vp, 0) != 0)
			goto loop;	/* it was being reclaimed */
		return vp;
	}
	return nullptr;
}

/*
 * ufs_ihashins: put ip on the hash, unless its inode is there already
 * (someone read it in while we slept making a vnode): then EEXIST, and
 * the caller throws its copy away and looks again.
 * => does not sleep.
 */
int
ufs_ihashins(struct inode *ip)
{
	ihash_head &chain = ihashchain(ip->i_dev, ip->i_number);

	for (struct inode *oip : chain)
		if (oip->i_number == ip->i_number && oip->i_dev == ip->i_dev)
			return EEXIST;
	chain.insert_head(ip);
	return 0;
}

/* ufs_ihashrem: take ip off the hash (a no-op if it is not on it). */
void
ufs_ihashrem(struct inode *ip)
{
	if (ihash_head::onqueue(ip))
		ihash_head::remove(ip);
}

/* ufs_ihashed: is ip on the hash (its inode still the file it was)? */
bool
ufs_ihashed(struct inode *ip)
{
	return ihash_head::onqueue(ip);
}

/*
 * ufs_ihash_loaded: ip is read in (or failed to be): clear IN_LOADING
 * and wake whoever waits for it.
 */
void
ufs_ihash_loaded(struct inode *ip)
{
	bool wanted = ip->i_flag & IN_WANTED;

	ip->i_flag &= ~(IN_LOADING | IN_WANTED);
	if (wanted)
		wakeup(ip);
}
