/*
 * ext2fs_fixture.h: what the ext2 host tests share (ext2fs_test.cc,
 * ext2fs_names_test.cc): running e2fsprogs, patterned file contents,
 * the tree every test starts from, and the fixture, Ext2, which makes an
 * image with mke2fs, mounts it as the root through the kernel and checks
 * it with e2fsck after.  Ext2 is parameterised by the block size; the
 * one INSTANTIATE_TEST_SUITE_P (in ext2fs_test.cc) runs every TEST_P
 * for 1 KiB and 4 KiB blocks.
 */
#ifndef _UNITTEST_EXT2FS_FIXTURE_H_
#define _UNITTEST_EXT2FS_FIXTURE_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support.h"
#include "ext2fs_host.h"

namespace ext2test {

namespace fs = std::filesystem;

/* A tool of e2fsprogs, wherever this host keeps it. */
inline std::string
tool(const char *name)
{
	for (const char *dir : { "/sbin/", "/usr/sbin/", "/usr/bin/", "/bin/" }) {
		std::string p = std::string(dir) + name;
		if (access(p.c_str(), X_OK) == 0)
			return p;
	}
	return name;
}

/* Run a shell command; its exit status, its output in *out. */
inline int
run(const std::string &cmd, std::string *out = nullptr)
{
	std::string full = cmd + " 2>&1";
	FILE *f = popen(full.c_str(), "r");
	if (f == nullptr)
		return -1;
	std::string text;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		text.append(buf, n);
	int st = pclose(f);
	if (out != nullptr)
		*out = text;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Deterministic bytes for a file, so a block in the wrong place shows. */
inline std::string
pattern(size_t n, unsigned seed)
{
	std::string s(n, '\0');
	uint32_t x = seed * 2654435761u + 1;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		s[i] = (char)(x >> 16);
	}
	return s;
}

inline void
write_host(const fs::path &p, const std::string &data)
{
	std::ofstream f(p, std::ios::binary);
	f.write(data.data(), data.size());
}

/*
 * The fixture: a scratch directory, an image, and its block size (the
 * test parameter).  N is the block numbers per indirect block.
 */
class Ext2 : public testing::TestWithParam<int> {
protected:
	fs::path dir, tree, img;
	int bsize = 0;
	int64_t nindir = 0;
	bool mounted = false;

	void
	SetUp() override
	{
		ext2host_init();
		bsize = GetParam();
		nindir = bsize / 4;
		char tmpl[] = "/tmp/ext2test.XXXXXX";
		ASSERT_NE(mkdtemp(tmpl), nullptr);
		dir = tmpl;
		tree = dir / "tree";
		img = dir / "disk.img";
		fs::create_directory(tree);
		ext2host_clear_messages();
	}

	void
	TearDown() override
	{
		if (mounted)
			(void)k_unmount(true);
		hostdisk_detach(0);
		if (!HasFailure())
			fs::remove_all(dir);
		else
			fprintf(stderr, "ext2 test: kept %s\n", dir.c_str());
	}

	/* The starting lbn of each level: single, double, triple. */
	int64_t
	level_start(int level)
	{
		int64_t start = 12, n = 1;
		for (int l = 0; l < level; l++) {
			n *= nindir;
			start += n;
		}
		return start;
	}

	/* mke2fs -t ext2 -d tree, `size' KiB, then attach it as disk 0. */
	void
	mkfs(int size_kib, const std::string &extra = "")
	{
		std::string out;
		int rc = run(tool("mke2fs") + " -q -F -t ext2 -b " +
		    std::to_string(bsize) + " " + extra + " -d " +
		    tree.string() + " " + img.string() + " " +
		    std::to_string(size_kib) + "k", &out);
		ASSERT_EQ(rc, 0) << out;
		ASSERT_EQ(hostdisk_attach(0, img.c_str()), 0);
	}

	void
	mount()
	{
		ASSERT_EQ(k_mountroot(0), 0) << ext2host_messages();
		mounted = true;
	}

	/* Unmount without force: a leaked vnode reference fails here. */
	void
	unmount()
	{
		ASSERT_TRUE(mounted);
		mounted = false;
		ASSERT_EQ(k_unmount(false), 0);
	}

	/* e2fsck -fn must find nothing wrong. */
	void
	fsck_clean(const fs::path &image)
	{
		std::string out;
		int rc = run(tool("e2fsck") + " -fn " + image.string(), &out);
		EXPECT_EQ(rc, 0) << out;
	}

	std::string
	debugfs(const std::string &req)
	{
		std::string out;
		run(tool("debugfs") + " -R '" + req + "' " + img.string(), &out);
		return out;
	}

	/* Write `data' to the image at byte `off' (to damage it). */
	void
	poke(int64_t off, const void *data, size_t n)
	{
		int fd = hostfile_open(img.c_str());
		ASSERT_GE(fd, 0);
		ASSERT_EQ(hostfile_pwrite(fd, data, n, off), 0);
		hostfile_close(fd);
	}

	/* A number from debugfs's output after `key' (e.g. "BLOCKS:"). */
	long
	number_after(const std::string &text, const std::string &key)
	{
		size_t p = text.find(key);
		if (p == std::string::npos)
			return -1;
		p += key.size();
		while (p < text.size() && !isdigit((unsigned char)text[p]))
			p++;
		return strtol(text.c_str() + p, nullptr, 10);
	}
};

inline std::string
kpath(const std::string &p)
{
	return "/" + p;
}

/*
 * The tree every test starts from: small files, files across the
 * direct/indirect boundaries, a hard link, symbolic links fast and slow,
 * nested directories, a directory of many entries.
 */
inline std::map<std::string, std::string>
make_tree(const fs::path &tree, int bsize)
{
	std::map<std::string, std::string> files;
	int64_t n = bsize / 4;
	std::vector<std::pair<std::string, size_t>> sizes = {
		{ "empty", 0 },
		{ "small.txt", 6 },
		{ "oneblock", (size_t)bsize },
		{ "direct_end", (size_t)bsize * 12 },
		{ "single_start", (size_t)bsize * 12 + 1 },
		{ "double_start", (size_t)bsize * (12 + n) + 100 },
	};
	unsigned seed = 1;
	for (auto &[name, size] : sizes) {
		std::string data = name == "small.txt" ? "hello\n" :
		    pattern(size, seed++);
		write_host(tree / name, data);
		files[name] = data;
	}
	fs::create_directories(tree / "d1/d2/d3");
	write_host(tree / "d1/d2/d3/deep", "deep\n");
	files["d1/d2/d3/deep"] = "deep\n";
	fs::create_hard_link(tree / "small.txt", tree / "d1/hard");
	files["d1/hard"] = "hello\n";
	fs::create_symlink("small.txt", tree / "fastlink");
	std::string longtarget = "d1/";
	for (int i = 0; i < 40; i++)
		longtarget += "./";
	longtarget += "d2/d3/deep";
	fs::create_symlink(longtarget, tree / "slowlink");
	fs::create_directory(tree / "many");
	for (int i = 0; i < 150; i++) {
		std::string name = "many/file_with_a_longish_name_" +
		    std::to_string(i);
		write_host(tree / name, std::to_string(i));
		files[name] = std::to_string(i);
	}
	return files;
}

} // namespace ext2test

#endif /* !_UNITTEST_EXT2FS_FIXTURE_H_ */
