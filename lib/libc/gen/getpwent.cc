/*
 * lib/libc/gen/getpwent.cc: the password and group databases,
 * getpwuid/getpwnam/getpwent and getgrgid/getgrnam/getgrent, read from
 * the text files /etc/passwd and /etc/group.
 *
 * Each function returns a pointer to one static structure, overwritten
 * by the next call, as OpenBSD's (lib/libc/gen/getpwent.c, getgrent.c)
 * do; its strings point into a static copy of the line.  A malformed
 * line is skipped.  __pw_scan and __gr_scan split a line in place;
 * they are the part the host tests check (tools/unittest/libc_pwd_test.cc),
 * with __pw_path and __gr_path pointed at files of their own.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern "C" {

const char *__pw_path = _PATH_PASSWD;
const char *__gr_path = _PATH_GROUP;

} // extern "C"

namespace {

constexpr int LINE_LEN = 1024;
constexpr int MAXMEM = 64;

FILE *pwf, *grf;
char pwline[LINE_LEN], grline[LINE_LEN];
struct passwd pwent;
struct group grent;
char *members[MAXMEM + 1];

/* The next field of *sp up to sep (which becomes a NUL), or nullptr. */
char *
field(char **sp, char sep)
{
	char *s = *sp;

	if (s == nullptr)
		return nullptr;
	char *end = strchr(s, sep);
	if (end != nullptr) {
		*end = '\0';
		*sp = end + 1;
	} else
		*sp = nullptr;
	return s;
}

/* A decimal id; false if s is not one. */
bool
number(const char *s, unsigned int *out)
{
	char *end;

	if (s == nullptr || *s < '0' || *s > '9')
		return false;
	unsigned long v = strtoul(s, &end, 10);
	if (*end != '\0')
		return false;
	*out = (unsigned int)v;
	return true;
}

/* Read the next line of fp into buf, without its newline. */
bool
next_line(FILE *fp, char *buf)
{
	while (fgets(buf, LINE_LEN, fp) != nullptr) {
		size_t n = strlen(buf);
		if (n > 0 && buf[n - 1] == '\n')
			buf[--n] = '\0';
		if (n > 0 && buf[0] != '#')
			return true;
	}
	return false;
}

} // namespace

extern "C" {

/* Split line (changed in place) into *pw.  => 1, or 0 if malformed. */
int
__pw_scan(char *line, struct passwd *pw)
{
	char *s = line;
	unsigned int uid, gid;

	memset(pw, 0, sizeof(*pw));
	pw->pw_name = field(&s, ':');
	pw->pw_passwd = field(&s, ':');
	if (!number(field(&s, ':'), &uid) || !number(field(&s, ':'), &gid))
		return 0;
	pw->pw_uid = uid;
	pw->pw_gid = gid;
	pw->pw_gecos = field(&s, ':');
	pw->pw_dir = field(&s, ':');
	pw->pw_shell = field(&s, ':');
	if (pw->pw_shell == nullptr || s != nullptr || *pw->pw_name == '\0')
		return 0;
	pw->pw_class = (char *)"";
	return 1;
}

/* Split line into *gr, members into mem (max entries).  => 1 or 0. */
int
__gr_scan(char *line, struct group *gr, char **mem, int max)
{
	char *s = line;
	unsigned int gid;
	int n = 0;

	gr->gr_name = field(&s, ':');
	gr->gr_passwd = field(&s, ':');
	if (!number(field(&s, ':'), &gid) || s == nullptr ||
	    *gr->gr_name == '\0')
		return 0;
	gr->gr_gid = gid;
	char *list = field(&s, ':');
	if (s != nullptr)
		return 0;
	while (list != nullptr && *list != '\0' && n < max)
		mem[n++] = field(&list, ',');
	mem[n] = nullptr;
	gr->gr_mem = mem;
	return 1;
}

void
setpwent(void)
{
	if (pwf != nullptr)
		rewind(pwf);
}

void
endpwent(void)
{
	if (pwf != nullptr) {
		fclose(pwf);
		pwf = nullptr;
	}
}

struct passwd *
getpwent(void)
{
	if (pwf == nullptr && (pwf = fopen(__pw_path, "r")) == nullptr)
		return nullptr;
	while (next_line(pwf, pwline))
		if (__pw_scan(pwline, &pwent))
			return &pwent;
	return nullptr;
}

struct passwd *
getpwuid(uid_t uid)
{
	struct passwd *pw;

	setpwent();
	while ((pw = getpwent()) != nullptr && pw->pw_uid != uid)
		;
	endpwent();
	return pw;
}

struct passwd *
getpwnam(const char *name)
{
	struct passwd *pw;

	setpwent();
	while ((pw = getpwent()) != nullptr && strcmp(pw->pw_name, name) != 0)
		;
	endpwent();
	return pw;
}

void
setgrent(void)
{
	if (grf != nullptr)
		rewind(grf);
}

void
endgrent(void)
{
	if (grf != nullptr) {
		fclose(grf);
		grf = nullptr;
	}
}

struct group *
getgrent(void)
{
	if (grf == nullptr && (grf = fopen(__gr_path, "r")) == nullptr)
		return nullptr;
	while (next_line(grf, grline))
		if (__gr_scan(grline, &grent, members, MAXMEM))
			return &grent;
	return nullptr;
}

struct group *
getgrgid(gid_t gid)
{
	struct group *gr;

	setgrent();
	while ((gr = getgrent()) != nullptr && gr->gr_gid != gid)
		;
	endgrent();
	return gr;
}

struct group *
getgrnam(const char *name)
{
	struct group *gr;

	setgrent();
	while ((gr = getgrent()) != nullptr && strcmp(gr->gr_name, name) != 0)
		;
	endgrent();
	return gr;
}

} // extern "C"
