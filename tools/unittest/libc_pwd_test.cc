/*
 * tools/unittest/libc_pwd_test.cc: libc's password and group databases
 * (lib/libc/gen/getpwent.cc): __pw_scan and __gr_scan on good and
 * malformed lines, and getpwnam/getpwuid/getpwent, getgrnam/getgrgid
 * reading files of our own (through __pw_path, __gr_path) with the FILE
 * streams on the host's system calls.
 *
 * libc's struct passwd is OpenBSD's, not glibc's, so the test declares
 * the same layout itself (pw_passwd_bsd, gr_group_bsd).
 */
#include <gtest/gtest.h>

#include <sys/types.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>

namespace {

struct pw_passwd_bsd {		/* lib/libc/include/pwd.h */
	char	*pw_name;
	char	*pw_passwd;
	uid_t	pw_uid;
	gid_t	pw_gid;
	time_t	pw_change;
	char	*pw_class;
	char	*pw_gecos;
	char	*pw_dir;
	char	*pw_shell;
	time_t	pw_expire;
};

struct gr_group_bsd {		/* lib/libc/include/grp.h */
	char	*gr_name;
	char	*gr_passwd;
	gid_t	gr_gid;
	char	**gr_mem;
};

} // namespace

extern "C" {
extern const char *libc___pw_path, *libc___gr_path;
int	libc___pw_scan(char *, pw_passwd_bsd *);
int	libc___gr_scan(char *, gr_group_bsd *, char **, int);
pw_passwd_bsd	*libc_getpwnam(const char *);
pw_passwd_bsd	*libc_getpwuid(uid_t);
pw_passwd_bsd	*libc_getpwent(void);
void	libc_setpwent(void);
void	libc_endpwent(void);
gr_group_bsd	*libc_getgrnam(const char *);
gr_group_bsd	*libc_getgrgid(gid_t);
}

TEST(LibcPwd, ScanPasswdLine)
{
	char line[] = "root:*:0:0:Charlie &:/root:/bin/sh";
	pw_passwd_bsd pw;

	ASSERT_EQ(1, libc___pw_scan(line, &pw));
	EXPECT_STREQ("root", pw.pw_name);
	EXPECT_STREQ("*", pw.pw_passwd);
	EXPECT_EQ(0u, pw.pw_uid);
	EXPECT_EQ(0u, pw.pw_gid);
	EXPECT_STREQ("Charlie &", pw.pw_gecos);
	EXPECT_STREQ("/root", pw.pw_dir);
	EXPECT_STREQ("/bin/sh", pw.pw_shell);
	EXPECT_STREQ("", pw.pw_class);

	char empty[] = "u::1000:100:::";
	ASSERT_EQ(1, libc___pw_scan(empty, &pw));
	EXPECT_EQ(1000u, pw.pw_uid);
	EXPECT_STREQ("", pw.pw_shell);
}

TEST(LibcPwd, ScanRejectsMalformedLines)
{
	const char *bad[] = {
		"root:*:0:0:gecos:/root",		/* six fields */
		"root:*:0:0:g:/root:/bin/sh:extra",	/* eight */
		"root:*:x:0:g:/root:/bin/sh",		/* uid not a number */
		"root:*:0:-1:g:/root:/bin/sh",		/* gid negative */
		":*:0:0:g:/root:/bin/sh",		/* no name */
		"",
	};
	for (const char *b : bad) {
		char line[128];
		pw_passwd_bsd pw;
		strcpy(line, b);
		EXPECT_EQ(0, libc___pw_scan(line, &pw)) << b;
	}
}

TEST(LibcPwd, ScanGroupLine)
{
	char line[] = "wheel:*:0:root,alice,bob";
	char *mem[4];
	gr_group_bsd gr;

	ASSERT_EQ(1, libc___gr_scan(line, &gr, mem, 3));
	EXPECT_STREQ("wheel", gr.gr_name);
	EXPECT_EQ(0u, gr.gr_gid);
	ASSERT_STREQ("root", gr.gr_mem[0]);
	ASSERT_STREQ("alice", gr.gr_mem[1]);
	ASSERT_STREQ("bob", gr.gr_mem[2]);
	EXPECT_EQ(nullptr, gr.gr_mem[3]);

	char nomem[] = "nobody:*:32767:";
	ASSERT_EQ(1, libc___gr_scan(nomem, &gr, mem, 3));
	EXPECT_EQ(32767u, gr.gr_gid);
	EXPECT_EQ(nullptr, gr.gr_mem[0]);

	char bad[] = "staff:*:20";
	EXPECT_EQ(0, libc___gr_scan(bad, &gr, mem, 3));
}

class LibcPwdFiles : public ::testing::Test {
protected:
	std::string pwpath, grpath;

	static std::string
	write_temp(const char *text)
	{
		char tmpl[] = "/tmp/libc_pwd_XXXXXX";
		int fd = mkstemp(tmpl);
		EXPECT_GE(fd, 0);
		EXPECT_EQ((ssize_t)strlen(text), write(fd, text, strlen(text)));
		close(fd);
		return tmpl;
	}

	void
	SetUp() override
	{
		pwpath = write_temp("# the users\n"
		    "root:*:0:0:Charlie &:/root:/bin/sh\n"
		    "broken line\n"
		    "daemon:*:1:1:The devil himself:/root:/sbin/nologin\n"
		    "alice:*:1000:20:Alice:/home/alice:/bin/sh");
		grpath = write_temp("wheel:*:0:root\nstaff:*:20:alice,bob\n");
		libc___pw_path = pwpath.c_str();
		libc___gr_path = grpath.c_str();
	}

	void
	TearDown() override
	{
		unlink(pwpath.c_str());
		unlink(grpath.c_str());
		libc___pw_path = "/etc/passwd";
		libc___gr_path = "/etc/group";
	}
};

TEST_F(LibcPwdFiles, Lookups)
{
	pw_passwd_bsd *pw = libc_getpwnam("daemon");
	ASSERT_NE(nullptr, pw);
	EXPECT_EQ(1u, pw->pw_uid);
	EXPECT_STREQ("/sbin/nologin", pw->pw_shell);

	pw = libc_getpwuid(1000);	/* the last line, without a newline */
	ASSERT_NE(nullptr, pw);
	EXPECT_STREQ("alice", pw->pw_name);
	EXPECT_STREQ("/home/alice", pw->pw_dir);

	EXPECT_EQ(nullptr, libc_getpwnam("nobody"));
	EXPECT_EQ(nullptr, libc_getpwuid(4242));

	gr_group_bsd *gr = libc_getgrgid(20);
	ASSERT_NE(nullptr, gr);
	EXPECT_STREQ("staff", gr->gr_name);
	EXPECT_STREQ("bob", gr->gr_mem[1]);
	gr = libc_getgrnam("wheel");
	ASSERT_NE(nullptr, gr);
	EXPECT_EQ(0u, gr->gr_gid);
	EXPECT_EQ(nullptr, libc_getgrnam("operator"));
}

TEST_F(LibcPwdFiles, EnumerationSkipsCommentsAndBadLines)
{
	const char *want[] = { "root", "daemon", "alice" };
	libc_setpwent();
	for (const char *w : want) {
		pw_passwd_bsd *pw = libc_getpwent();
		ASSERT_NE(nullptr, pw) << w;
		EXPECT_STREQ(w, pw->pw_name);
	}
	EXPECT_EQ(nullptr, libc_getpwent());
	libc_endpwent();
}

TEST_F(LibcPwdFiles, MissingFile)
{
	libc___pw_path = "/nonexistent/passwd";
	EXPECT_EQ(nullptr, libc_getpwnam("root"));
	EXPECT_EQ(nullptr, libc_getpwuid(0));
}
