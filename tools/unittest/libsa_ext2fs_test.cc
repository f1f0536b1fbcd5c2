/*
 * libsa_ext2fs_test.cc: host tests of libsa's ext2 reader
 * (lib/libsa/ext2fs.cc) and file layer (lib/libsa/open.cc), the code
 * boot(8) reads /boot.conf and /bsd with.
 *
 * Each test suite builds a source tree in a temporary directory: files
 * of every size around the block boundaries, files long enough to need
 * single and double indirect blocks, a sparse file (holes), a zero-filled
 * one, nested directories, a directory of many entries (several blocks),
 * fast and slow, relative and absolute symbolic links, and a link loop.
 * `mke2fs -t ext2 -d' turns it into an image (once per block size: 1, 2
 * and 4 KiB), debugfs adds device nodes, and the tests read every file of
 * the image through libsa and compare it byte for byte with the source,
 * read in many chunk sizes and at random offsets.  The image sits in
 * memory behind a devsw strategy routine, so the tests can also corrupt
 * it and check that the reader says EIO or EFTYPE instead of misbehaving.
 */
#include <gtest/gtest.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "stand.h"
#include "ext2fs.h"

namespace fs = std::filesystem;

namespace {

/* The disk: an image in memory, read by libsa through this strategy. */
struct memdisk {
	std::vector<unsigned char> data;
	int reads = 0;			/* strategy calls */
};

int
memstrategy(void *devdata, int rw, daddr_t blk, size_t size, void *buf,
    size_t *rsize)
{
	memdisk *d = (memdisk *)devdata;

	EXPECT_EQ(rw, F_READ);
	d->reads++;
	*rsize = 0;
	u_int64_t off = (u_int64_t)blk * DEV_BSIZE;
	if (off >= d->data.size())
		return EIO;
	size_t n = std::min<u_int64_t>(size, d->data.size() - off);
	memcpy(buf, d->data.data() + off, n);
	*rsize = n;
	return 0;
}

struct devsw memdevsw = { "memdisk", memstrategy };

/* Run a shell command; sbin directories added for e2fsprogs. */
int
sh(const std::string &cmd)
{
	std::string full = "PATH=\"$PATH:/sbin:/usr/sbin\" " + cmd;
	return std::system(full.c_str());
}

/* Deterministic pseudo-random bytes, different per seed (xorshift64). */
std::string
pattern(size_t n, unsigned seed)
{
	u_int64_t x = 0x9e3779b97f4a7c15ULL * (seed + 1);
	std::string s(n, '\0');
	for (size_t i = 0; i < n; i += 8) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		memcpy(&s[i], &x, std::min<size_t>(8, n - i));
	}
	return s;
}

void
write_file(const fs::path &p, const std::string &content)
{
	std::ofstream f(p, std::ios::binary);
	f.write(content.data(), content.size());
}

std::string
read_host(const fs::path &p)
{
	/* stdio: <stand.h> has renamed read(). */
	std::string s(fs::file_size(p), '\0');
	FILE *f = fopen(p.c_str(), "rb");
	EXPECT_NE(f, nullptr) << p;
	if (f != nullptr) {
		EXPECT_EQ(fread(s.data(), 1, s.size(), f), s.size()) << p;
		fclose(f);
	}
	return s;
}

/*
 * The source tree, made once: name -> expected contents of every regular
 * file (links resolved), and the directories with their entries.
 */
struct tree {
	fs::path root;
	std::map<std::string, std::string> files;
	std::map<std::string, std::set<std::string>> dirs;
};

tree *
make_tree(const fs::path &root)
{
	tree *t = new tree;
	t->root = root;
	fs::create_directories(root);
	const size_t sizes[] = { 0, 1, 511, 512, 1023, 1024, 1025, 2047, 2048,
	    4095, 4096, 4097, 12 * 1024, 12 * 1024 + 1, 48 * 1024,
	    48 * 1024 + 1, 100000 };
	unsigned seed = 1;
	for (size_t n : sizes)
		write_file(root / ("f" + std::to_string(n)), pattern(n, seed++));
	/* Past 12 + 256 blocks of 1 KiB: double indirect at 1 KiB. */
	write_file(root / "big300k", pattern(300 * 1024 + 7, seed++));
	/* Past 12 + 1024 blocks of 4 KiB: double indirect at 4 KiB too. */
	write_file(root / "big5m", pattern(5 * 1024 * 1024 + 123, seed++));
	/* Zeros: mke2fs may leave holes where a block is all zeros. */
	std::string z = pattern(8192, seed++);
	z += std::string(64 * 1024, '\0');
	z += pattern(5000, seed++);
	write_file(root / "zeros", z);
	/* A sparse file: a real hole in the source. */
	{
		FILE *f = fopen((root / "sparse").c_str(), "wb");
		std::string head = pattern(3000, seed++);
		std::string tail = pattern(2000, seed++);
		fwrite(head.data(), 1, head.size(), f);
		fseek(f, 2 * 1024 * 1024, SEEK_SET);
		fwrite(tail.data(), 1, tail.size(), f);
		fclose(f);
	}
	fs::create_directories(root / "a/b/c/d");
	write_file(root / "a/b/c/d/deep", "deep down\n");
	write_file(root / "a/top", pattern(7777, seed++));
	fs::create_directories(root / "many");
	for (int i = 0; i < 300; i++)
		write_file(root / "many" / ("entry-with-a-long-name-" +
		    std::to_string(i)), std::to_string(i) + "\n");
	fs::create_directories(root / "etc");
	write_file(root / "etc/boot.conf", "set timeout 3\nboot /bsd -s\n");

	/* Links: fast (in the inode), slow (a block), absolute, to a dir. */
	fs::create_symlink("f1025", root / "fastlink");
	std::string longtarget;
	for (int i = 0; i < 30; i++)
		longtarget += "./";
	longtarget += "a/top";
	fs::create_symlink(longtarget, root / "slowlink");
	fs::create_symlink("/a/b/c/d/deep", root / "a/abslink");
	fs::create_symlink("b/c", root / "a/dirlink");
	fs::create_symlink("../top", root / "a/b/uplink");
	fs::create_symlink("nowhere", root / "dangling");

	for (auto it = fs::recursive_directory_iterator(root);
	    it != fs::recursive_directory_iterator(); ++it) {
		std::string rel = "/" + it->path().lexically_relative(root).string();
		std::string parent = fs::path(rel).parent_path().string();
		t->dirs[parent].insert(it->path().filename().string());
		if (it->is_symlink()) {
			std::error_code ec;
			if (fs::is_regular_file(it->path(), ec))
				t->files[rel] = read_host(it->path());
		} else if (it->is_regular_file())
			t->files[rel] = read_host(it->path());
		else if (it->is_directory())
			t->dirs[rel];
	}
	/* After the walk, which would trip over them. */
	fs::create_symlink("loop2", root / "loop1");
	fs::create_symlink("loop1", root / "loop2");
	t->dirs["/"].insert("loop1");
	t->dirs["/"].insert("loop2");
	t->dirs["/"].insert("lost+found");
	t->dirs["/"].insert("dev");
	t->dirs["/dev"] = { "null", "zero", "wd0a" };
	for (auto &d : t->dirs) {
		d.second.insert(".");
		d.second.insert("..");
	}
	return t;
}

tree *the_tree;
fs::path workdir;

class Ext2Image : public ::testing::TestWithParam<int> {
protected:
	static std::map<int, memdisk *> images;

	static void
	SetUpTestSuite()
	{
		if (the_tree == nullptr) {
			char tmpl[] = "/tmp/libsa_ext2fs.XXXXXX";
			ASSERT_NE(mkdtemp(tmpl), nullptr);
			workdir = tmpl;
			the_tree = make_tree(workdir / "src");
		}
	}

	static void
	TearDownTestSuite()
	{
		for (auto &i : images)
			delete i.second;
		images.clear();
		delete the_tree;
		the_tree = nullptr;
		fs::remove_all(workdir);
	}

	/* The image with block size GetParam(), made on first use. */
	memdisk *
	disk()
	{
		int bsize = GetParam();
		if (images.count(bsize))
			return images[bsize];
		fs::path img = workdir / ("ext2-" + std::to_string(bsize) +
		    ".img");
		std::string cmd = "mke2fs -q -F -t ext2 -b " +
		    std::to_string(bsize) + " -d " + the_tree->root.string() +
		    " " + img.string() + " 16M >/dev/null";
		EXPECT_EQ(sh(cmd), 0) << cmd;
		fs::path script = workdir / "debugfs.cmd";
		write_file(script, "mkdir /dev\ncd /dev\nmknod null c 2 2\n"
		    "mknod zero c 2 12\nmknod wd0a b 0 0\n");
		EXPECT_EQ(sh("debugfs -w -f " + script.string() + " " +
		    img.string() + " >/dev/null 2>&1"), 0);
		EXPECT_EQ(sh("e2fsck -fn " + img.string() + " >/dev/null 2>&1"),
		    0);
		memdisk *d = new memdisk;
		std::string raw = read_host(img);
		d->data.assign(raw.begin(), raw.end());
		images[bsize] = d;
		return d;
	}

	void
	SetUp() override
	{
		sa_dev = &memdevsw;
		sa_devdata = disk();
		sa_fs = &ext2fs_ops;
	}

	/* The whole file at path through libsa, read chunk bytes at a time. */
	static std::string
	slurp(const std::string &path, size_t chunk, int *error)
	{
		std::string out;
		int fd = open(path.c_str(), 0);
		*error = 0;
		if (fd < 0) {
			*error = errno;
			return out;
		}
		std::vector<char> buf(chunk);
		for (;;) {
			ssize_t n = read(fd, buf.data(), chunk);
			if (n < 0) {
				*error = errno;
				break;
			}
			if (n == 0)
				break;
			out.append(buf.data(), n);
		}
		EXPECT_EQ(close(fd), 0);
		return out;
	}
};

std::map<int, memdisk *> Ext2Image::images;

TEST_P(Ext2Image, EveryFileMatches)
{
	ASSERT_GT(the_tree->files.size(), 300u);
	for (const auto &[path, want] : the_tree->files) {
		int error;
		std::string got = slurp(path, 65536, &error);
		ASSERT_EQ(error, 0) << path;
		ASSERT_EQ(got.size(), want.size()) << path;
		ASSERT_TRUE(got == want) << path << " differs";
	}
}

TEST_P(Ext2Image, ChunkSizes)
{
	for (const char *path : { "/big300k", "/f4097", "/zeros", "/sparse",
	    "/slowlink" }) {
		const std::string &want = the_tree->files.at(path);
		for (size_t chunk : { 1, 7, 512, 1000, 1024, 4096, 4097, 100000,
		    6 * 1024 * 1024 }) {
			if (chunk == 1 && want.size() > 200000)
				continue;
			int error;
			std::string got = slurp(path, chunk, &error);
			ASSERT_EQ(error, 0) << path << " chunk " << chunk;
			ASSERT_TRUE(got == want) << path << " chunk " << chunk;
		}
	}
}

TEST_P(Ext2Image, SeekAndRead)
{
	const std::string &want = the_tree->files.at("/big5m");
	int fd = open("/big5m", 0);
	ASSERT_GE(fd, 0);
	std::mt19937 rng(GetParam());
	for (int i = 0; i < 200; i++) {
		off_t off = rng() % (want.size() + 10);
		size_t len = rng() % 70000;
		ASSERT_EQ(lseek(fd, off, SEEK_SET), off);
		std::vector<char> buf(len);
		ssize_t n = read(fd, buf.data(), len);
		size_t expect = off >= (off_t)want.size() ? 0 :
		    std::min(len, want.size() - off);
		ASSERT_EQ(n, (ssize_t)expect) << "at " << off;
		ASSERT_EQ(memcmp(buf.data(), want.data() + off, expect), 0)
		    << "at " << off;
	}
	EXPECT_EQ(lseek(fd, -1, SEEK_END), (off_t)want.size() - 1);
	EXPECT_EQ(lseek(fd, -2, SEEK_SET), -1);
	EXPECT_EQ(close(fd), 0);
}

TEST_P(Ext2Image, BigReadsAreCoalesced)
{
	memdisk *d = disk();
	int error;
	d->reads = 0;
	std::string got = slurp("/big5m", 6 * 1024 * 1024, &error);
	ASSERT_EQ(error, 0);
	ASSERT_EQ(got.size(), the_tree->files.at("/big5m").size());
	/* Block by block would be 1300 to 5200 reads. */
	EXPECT_LT(d->reads, 200) << "reads for 5 MiB";
}

TEST_P(Ext2Image, Directories)
{
	for (const auto &[dir, want] : the_tree->dirs) {
		int fd = opendir(dir.c_str());
		ASSERT_GE(fd, 0) << dir;
		std::set<std::string> got;
		char name[MAXNAMLEN + 1];
		while (readdir(fd, name) == 0)
			EXPECT_TRUE(got.insert(name).second) << dir << "/" << name;
		EXPECT_EQ(errno, ENOENT);
		closedir(fd);
		if (dir == "/lost+found")
			continue;
		EXPECT_EQ(got, want) << dir;
	}
	EXPECT_EQ(opendir("/f1"), -1);
	EXPECT_EQ(errno, ENOTDIR);
}

TEST_P(Ext2Image, Stat)
{
	struct stat sb;
	int fd = open("/big300k", 0);
	ASSERT_GE(fd, 0);
	ASSERT_EQ(fstat(fd, &sb), 0);
	EXPECT_TRUE(S_ISREG(sb.st_mode));
	EXPECT_EQ(sb.st_size, (off_t)the_tree->files.at("/big300k").size());
	close(fd);

	fd = open("/a/b", 0);
	ASSERT_GE(fd, 0);
	ASSERT_EQ(fstat(fd, &sb), 0);
	EXPECT_TRUE(S_ISDIR(sb.st_mode));
	close(fd);

	/* Device nodes: OpenBSD's makedev encoding. */
	const struct {
		const char *path;
		mode_t type;
		int major, minor;
	} devs[] = {
		{ "/dev/null", S_IFCHR, 2, 2 },
		{ "/dev/zero", S_IFCHR, 2, 12 },
		{ "/dev/wd0a", S_IFBLK, 0, 0 },
	};
	for (const auto &d : devs) {
		fd = open(d.path, 0);
		ASSERT_GE(fd, 0) << d.path;
		ASSERT_EQ(fstat(fd, &sb), 0);
		EXPECT_EQ(sb.st_mode & S_IFMT, d.type) << d.path;
		EXPECT_EQ(sb.st_rdev, (dev_t)((d.major << 8) | d.minor))
		    << d.path;
		close(fd);
	}
}

TEST_P(Ext2Image, Lookups)
{
	int error;
	EXPECT_EQ(slurp("a/b/c/d/deep", 100, &error), "deep down\n");
	EXPECT_EQ(slurp("//a///b/c/d/deep", 100, &error), "deep down\n");
	EXPECT_EQ(slurp("/a/dirlink/d/deep", 100, &error), "deep down\n");
	EXPECT_EQ(slurp("/a/abslink", 100, &error), "deep down\n");
	EXPECT_EQ(slurp("/a/b/uplink", 10000, &error),
	    the_tree->files.at("/a/top"));
	EXPECT_EQ(slurp("/a/b/../top", 10000, &error),
	    the_tree->files.at("/a/top"));

	const struct {
		const char *path;
		int error;
	} bad[] = {
		{ "/nonexistent", ENOENT },
		{ "/a/nonexistent/x", ENOENT },
		{ "/f1/x", ENOTDIR },
		{ "/loop1", ELOOP },
		{ "/dangling", ENOENT },
	};
	for (const auto &b : bad) {
		EXPECT_EQ(open(b.path, 0), -1) << b.path;
		EXPECT_EQ(errno, b.error) << b.path;
	}
	std::string longname(300, 'x');
	EXPECT_EQ(open(("/" + longname).c_str(), 0), -1);
	EXPECT_EQ(errno, ENAMETOOLONG);
}

TEST_P(Ext2Image, NoDescriptorLeaks)
{
	/* More opens than SOPEN_MAX, failed and successful, all closed. */
	for (int i = 0; i < 3 * SOPEN_MAX; i++) {
		EXPECT_EQ(open("/nonexistent", 0), -1);
		int fd = open("/f1", 0);
		ASSERT_GE(fd, 0) << "round " << i;
		EXPECT_EQ(close(fd), 0);
	}
	int fds[SOPEN_MAX];
	for (int &fd : fds)
		ASSERT_GE(fd = open("/f1", 0), 0);
	EXPECT_EQ(open("/f1", 0), -1);
	EXPECT_EQ(errno, EMFILE);
	for (int fd : fds)
		close(fd);
}

/* A corrupt or foreign image must fail cleanly, never crash. */
TEST_P(Ext2Image, CorruptImages)
{
	memdisk orig = *disk();
	memdisk bad = orig;
	sa_devdata = &bad;

	bad.data[EXT2_SBOFF + 56] ^= 0xff;		/* the magic */
	EXPECT_EQ(open("/f1", 0), -1);
	EXPECT_EQ(errno, EFTYPE);

	bad = orig;
	bad.data[EXT2_SBOFF + 96 + 1] |= 0x02;		/* INCOMPAT 0x200...: */
	bad.data[EXT2_SBOFF + 96 + 2] |= 0x01;		/* 0x10000, unknown */
	EXPECT_EQ(open("/f1", 0), -1);
	EXPECT_EQ(errno, EFTYPE);

	/* Every byte of the root directory's first block set to 0xff. */
	bad = orig;
	int fd = open("/", 0);
	ASSERT_GE(fd, 0);
	close(fd);
	u_int32_t bsize = 1024u << orig.data[EXT2_SBOFF + 24];
	/* Find the root directory's block: the one starting with ".". */
	for (size_t b = 1; b * bsize < bad.data.size(); b++) {
		unsigned char *p = bad.data.data() + b * bsize;
		if (p[0] == 2 && p[1] == 0 && p[2] == 0 && p[3] == 0 &&
		    p[6] == 1 && p[8] == '.') {
			memset(p, 0xff, bsize);
			break;
		}
	}
	EXPECT_EQ(open("/f1", 0), -1);
	EXPECT_EQ(errno, EIO);

	/* A truncated image: reads past its end fail with EIO. */
	bad = orig;
	bad.data.resize(1 << 20);
	int error;
	std::string got = slurp("/big5m", 65536, &error);
	EXPECT_EQ(error, EIO);
	EXPECT_LT(got.size(), the_tree->files.at("/big5m").size());
	sa_devdata = disk();
}

INSTANTIATE_TEST_SUITE_P(BlockSizes, Ext2Image,
    ::testing::Values(1024, 2048, 4096),
    [](const ::testing::TestParamInfo<int> &info) {
	    return "b" + std::to_string(info.param);
    });

} // namespace
