/*
 * tools/unittest/libc_stdio_test.cc: libc's FILE streams
 * (lib/libc/stdio/stdio.cc, lines.cc, printf.cc, fscanf.cc) on real host
 * files, through libc_host.cc's system calls: writing and reading back
 * with each buffering mode, the switch between reading and writing on
 * one stream, fseek/ftell with read-ahead and ungetc, fgets and getline
 * on long lines, append mode, fprintf/fscanf, dprintf, and perror's
 * and psignal's messages on stderr.
 */
#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "libc_host.h"

namespace {

class LibcStdio : public ::testing::Test {
protected:
	std::string path;

	void
	SetUp() override
	{
		char tmpl[] = "/tmp/libc_stdio_XXXXXX";
		int fd = mkstemp(tmpl);
		ASSERT_GE(fd, 0);
		close(fd);
		path = tmpl;
	}

	void
	TearDown() override
	{
		unlink(path.c_str());
	}

	std::string
	contents()
	{
		std::ifstream f(path, std::ios::binary);
		std::stringstream ss;
		ss << f.rdbuf();
		return ss.str();
	}
};

} // namespace

TEST_F(LibcStdio, WriteEachModeReadBack)
{
	const int modes[] = { _IOFBF, _IOLBF, _IONBF };
	std::string want;

	for (int k = 0; k < 3000; k++)
		want += "line " + std::to_string(k) + "\n";
	for (int mode : modes)
		for (size_t bufsize : { (size_t)1, (size_t)7, (size_t)1024 }) {
			libc_FILE *f = libc_fopen(path.c_str(), "w");
			ASSERT_NE(nullptr, f);
			ASSERT_EQ(0, libc_setvbuf(f, nullptr, mode, bufsize));
			for (int k = 0; k < 3000; k++)
				libc_fprintf(f, "line %d\n", k);
			ASSERT_EQ(0, libc_fclose(f));
			ASSERT_EQ(want, contents()) << mode << " " << bufsize;

			f = libc_fopen(path.c_str(), "r");
			ASSERT_NE(nullptr, f);
			std::string got;
			int c;
			while ((c = libc_fgetc(f)) != EOF)
				got += (char)c;
			EXPECT_TRUE(libc_feof(f));
			EXPECT_FALSE(libc_ferror(f));
			EXPECT_EQ(want, got);
			libc_fclose(f);
		}
}

TEST_F(LibcStdio, FreadFwriteBlocks)
{
	std::string data;
	for (int k = 0; k < 10000; k++)
		data += (char)(k * 7 + 3);

	libc_FILE *f = libc_fopen(path.c_str(), "wb");
	ASSERT_NE(nullptr, f);
	EXPECT_EQ(1U, libc_fwrite(data.data(), 10, 1, f));
	EXPECT_EQ(999U, libc_fwrite(data.data() + 10, 10, 999, f));
	libc_fclose(f);
	EXPECT_EQ(data, contents());

	f = libc_fopen(path.c_str(), "r");
	char buf[10000];
	EXPECT_EQ(3U, libc_fread(buf, 1, 3, f));
	EXPECT_EQ(1999U, libc_fread(buf + 3, 5, 2000, f));	/* short */
	EXPECT_EQ(0, memcmp(buf, data.data(), 9998));
	EXPECT_TRUE(libc_feof(f));
	libc_clearerr(f);
	EXPECT_FALSE(libc_feof(f));
	libc_fclose(f);
}

TEST_F(LibcStdio, SeekTellUngetAndSwitch)
{
	libc_FILE *f = libc_fopen(path.c_str(), "w+");
	ASSERT_NE(nullptr, f);
	libc_fputs("0123456789abcdefghij", f);
	EXPECT_EQ(20, libc_ftell(f));
	libc_rewind(f);
	EXPECT_EQ('0', libc_fgetc(f));
	EXPECT_EQ('1', libc_fgetc(f));
	EXPECT_EQ(2, libc_ftell(f));
	EXPECT_EQ('1', libc_ungetc('1', f));
	EXPECT_EQ(1, libc_ftell(f));
	EXPECT_EQ('1', libc_fgetc(f));
	EXPECT_EQ(0, libc_fseek(f, 3, SEEK_CUR));
	EXPECT_EQ('5', libc_fgetc(f));
	/* A write after reads lands where reading had got to. */
	libc_fputs("XY", f);
	EXPECT_EQ(8, libc_ftell(f));
	EXPECT_EQ(0, libc_fseek(f, -3, SEEK_END));
	EXPECT_EQ('h', libc_fgetc(f));
	EXPECT_EQ(0, libc_fseek(f, 0, SEEK_SET));
	char line[64];
	ASSERT_NE(nullptr, libc_fgets(line, sizeof(line), f));
	EXPECT_STREQ("012345XY89abcdefghij", line);
	libc_fclose(f);
	EXPECT_EQ("012345XY89abcdefghij", contents());
}

TEST_F(LibcStdio, AppendMode)
{
	libc_FILE *f = libc_fopen(path.c_str(), "w");
	libc_fputs("first\n", f);
	libc_fclose(f);
	f = libc_fopen(path.c_str(), "a");
	libc_fputs("second\n", f);
	libc_fclose(f);
	f = libc_fopen(path.c_str(), "a+");
	char line[32];
	ASSERT_NE(nullptr, libc_fgets(line, sizeof(line), f));
	EXPECT_STREQ("first\n", line);
	libc_fputs("third\n", f);
	libc_fclose(f);
	EXPECT_EQ("first\nsecond\nthird\n", contents());
}

TEST_F(LibcStdio, LinesAndScanf)
{
	std::string longline(5000, 'x');
	libc_FILE *f = libc_fopen(path.c_str(), "w");
	libc_fprintf(f, "%s\nshort\n%d %s %x\nlast", longline.c_str(), -42,
	    "word", 255);
	libc_fclose(f);

	f = libc_fopen(path.c_str(), "r");
	char *line = nullptr;
	size_t cap = 0;
	EXPECT_EQ(5001, libc_getline(&line, &cap, f));
	EXPECT_EQ(longline + "\n", std::string(line));
	char small[4];
	ASSERT_NE(nullptr, libc_fgets(small, sizeof(small), f));
	EXPECT_STREQ("sho", small);
	ASSERT_NE(nullptr, libc_fgets(small, sizeof(small), f));
	EXPECT_STREQ("rt\n", small);
	int a = 0, x = 0;
	char word[16];
	EXPECT_EQ(3, libc_fscanf(f, "%d %15s %x", &a, word, &x));
	EXPECT_EQ(-42, a);
	EXPECT_STREQ("word", word);
	EXPECT_EQ(255, x);
	EXPECT_EQ(1, libc_getline(&line, &cap, f));	/* the rest of a line */
	EXPECT_STREQ("\n", line);
	EXPECT_EQ(4, libc_getline(&line, &cap, f));	/* no newline at EOF */
	EXPECT_STREQ("last", line);
	EXPECT_EQ(-1, libc_getline(&line, &cap, f));
	EXPECT_EQ(EOF, libc_fscanf(f, "%d", &a));
	libc_free(line);
	libc_fclose(f);
}

TEST_F(LibcStdio, FdopenDprintfErrors)
{
	int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(12, libc_dprintf(fd, "%s=%05d\n", "value", 42));
	libc_FILE *f = libc_fdopen(fd, "w");
	ASSERT_NE(nullptr, f);
	EXPECT_EQ(fd, libc_fileno(f));
	libc_fputc('!', f);
	/* Reading a write-only stream is an error, not a crash. */
	EXPECT_EQ(EOF, libc_fgetc(f));
	EXPECT_TRUE(libc_ferror(f));
	libc_fclose(f);
	EXPECT_EQ("value=00042\n!", contents());

	EXPECT_EQ(nullptr, libc_fopen("/nonexistent/dir/file", "r"));
	EXPECT_EQ(ENOENT, libc_errno);
	EXPECT_EQ(nullptr, libc_fopen(path.c_str(), "q"));

	libc_take_stderr();
	libc_errno = 2;
	libc_perror("open");
	EXPECT_EQ("open: No such file or directory\n", libc_take_stderr());
	libc_psignal(15, "child");
	EXPECT_EQ("child: Terminated\n", libc_take_stderr());
	libc_psignal(11, "");
	EXPECT_EQ("Segmentation fault\n", libc_take_stderr());
	libc_fprintf(libc_stderr, "%d%s", 7, "!");
	EXPECT_EQ("7!", libc_take_stderr());	/* unbuffered */
}
