/*
 * <grp.h>: the group database, OpenBSD's struct group, from the text
 * file /etc/group, one group a line:
 *
 *	name:password:gid:member,member,...
 */
#ifndef _GRP_H_
#define _GRP_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define _PATH_GROUP	"/etc/group"

struct group {
	char	*gr_name;	/* group name */
	char	*gr_passwd;	/* group password */
	gid_t	gr_gid;		/* group id */
	char	**gr_mem;	/* group members */
};

__BEGIN_DECLS
struct group	*getgrgid(gid_t gid);
struct group	*getgrnam(const char *name);
struct group	*getgrent(void);
void		 setgrent(void);
void		 endgrent(void);
__END_DECLS

#endif /* !_GRP_H_ */
