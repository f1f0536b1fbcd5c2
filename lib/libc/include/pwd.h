/*
 * <pwd.h>: the password database, OpenBSD's struct passwd.  The
 * database is the text file /etc/passwd, one user a line:
 *
 *	name:password:uid:gid:gecos:home:shell
 *
 * (OpenBSD keeps a hashed /etc/pwd.db made from /etc/master.passwd;
 * reading the seven-field file is all this system needs.)
 */
#ifndef _PWD_H_
#define _PWD_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define _PATH_PASSWD	"/etc/passwd"

struct passwd {
	char	*pw_name;	/* user name */
	char	*pw_passwd;	/* encrypted password */
	uid_t	pw_uid;		/* user uid */
	gid_t	pw_gid;		/* user gid */
	time_t	pw_change;	/* password change time */
	char	*pw_class;	/* user access class */
	char	*pw_gecos;	/* Honeywell login info */
	char	*pw_dir;	/* home directory */
	char	*pw_shell;	/* default shell */
	time_t	pw_expire;	/* account expiration */
};

__BEGIN_DECLS
struct passwd	*getpwuid(uid_t uid);
struct passwd	*getpwnam(const char *name);
struct passwd	*getpwent(void);
void		 setpwent(void);
void		 endpwent(void);
__END_DECLS

#endif /* !_PWD_H_ */
