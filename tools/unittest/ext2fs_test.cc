/*
 * ext2fs_test.cc: host tests of the ext2 file system (ufs/ext2fs), run
 * with the kernel's VFS on images that e2fsprogs make and check.
 *
 * Each test builds a tree of files on the host, turns it into an image
 * with `mke2fs -t ext2 -d TREE` (1 KiB and 4 KiB blocks: each test runs
 * for both), mounts the image as the root (ext2fs_mountroot on a host
 * disk), works on it through namei and the VOP_* calls
 * (ext2fs_host.cc), unmounts it, and asks e2fsprogs for their opinion:
 * `e2fsck -fn` must exit 0, and debugfs must list and print what the
 * kernel wrote.  The damaged-image tests break one thing with debugfs or
 * a byte poke and expect an error and a message, not a crash.
 *
 * The files cross every mapping level: direct blocks (12), single,
 * double and (with 1 KiB blocks, where it starts at 64.26 MiB) triple
 * indirect; the large ones are written sparsely, so the images stay a
 * few MiB on the host's disk.
 */
#include "ext2fs_fixture.h"

namespace ext2test {

/* Every file of the tree reads back as the host wrote it. */
TEST_P(Ext2, ReadsWhatMke2fsWrote)
{
	auto files = make_tree(tree, bsize);
	mkfs(16384);
	mount();

	for (auto &[name, data] : files) {
		std::string got;
		ASSERT_EQ(k_read(kpath(name).c_str(), &got), 0) << name;
		EXPECT_TRUE(got == data) << name << ": " << got.size() <<
		    " bytes, want " << data.size();
	}
	/* Reads from the middle of the double indirect file. */
	std::string got;
	int64_t off = (int64_t)bsize * 12 + 7;
	ASSERT_EQ(k_pread("/double_start", off, 3 * bsize, &got), 0);
	EXPECT_TRUE(got == files["double_start"].substr(off, 3 * bsize));
	/* Past the end: nothing. */
	ASSERT_EQ(k_pread("/small.txt", 100, 10, &got), 0);
	EXPECT_EQ(got.size(), 0u);

	/* Links. */
	std::string target;
	ASSERT_EQ(k_readlink("/fastlink", &target), 0);
	EXPECT_EQ(target, "small.txt");
	ASSERT_EQ(k_readlink("/slowlink", &target), 0);
	EXPECT_EQ(target, fs::read_symlink(tree / "slowlink").string());
	ASSERT_EQ(k_read("/slowlink", &got), 0);	/* followed */
	EXPECT_EQ(got, "deep\n");
	struct kstat a, b;
	ASSERT_EQ(k_stat("/small.txt", &a), 0);
	ASSERT_EQ(k_stat("/d1/hard", &b), 0);
	EXPECT_EQ(a.ino, b.ino);
	EXPECT_EQ(a.nlink, 2u);
	ASSERT_EQ(k_stat("/fastlink", &a, false), 0);
	EXPECT_EQ(a.type, 5 /* VLNK */);
	EXPECT_EQ(a.bytes, 0u);		/* fast: no block */

	/* Directories: readdir with a small buffer, `..' of a deep one. */
	std::vector<std::pair<std::string, int>> ents;
	ASSERT_EQ(k_readdir("/many", &ents, 300), 0);
	std::set<std::string> names;
	for (auto &e : ents)
		names.insert(e.first);
	EXPECT_EQ(names.size(), 152u);	/* 150, `.' and `..' */
	EXPECT_EQ(names.count("file_with_a_longish_name_149"), 1u);
	ASSERT_EQ(k_readdir("/", &ents), 0);
	std::map<std::string, int> types(ents.begin(), ents.end());
	EXPECT_EQ(types["d1"], 4 /* DT_DIR */);
	EXPECT_EQ(types["fastlink"], 10 /* DT_LNK */);
	EXPECT_EQ(types["small.txt"], 8 /* DT_REG */);
	ASSERT_EQ(k_read("/d1/d2/d3/../../d2/d3/deep", &got), 0);
	EXPECT_EQ(got, "deep\n");
	EXPECT_EQ(k_read("/nonexistent", &got), ENOENT);
	EXPECT_EQ(k_read("/small.txt/x", &got), ENOTDIR);

	unmount();
	fsck_clean(img);
	/* Cleanly unmounted. */
	std::string out;
	run(tool("dumpe2fs") + " -h " + img.string(), &out);
	EXPECT_NE(out.find("Filesystem state:         clean"),
	    std::string::npos) << out;
}

/*
 * Writes that cross each level of the block map, holes, and files
 * beyond 2 GiB (large_file) and in the triple indirect range.
 */
TEST_P(Ext2, WritesAcrossEveryLevel)
{
	make_tree(tree, bsize);
	mkfs(24576);
	mount();

	std::map<std::string, std::pair<int64_t, std::string>> written;
	auto put = [&](const std::string &name, int64_t off, size_t n,
	    unsigned seed) {
		std::string data = pattern(n, seed);
		ASSERT_EQ(k_create(name.c_str(), 0644), 0) << name;
		ASSERT_EQ(k_write(name.c_str(), off, data), 0) << name;
		written[name] = { off, data };
	};
	/* Sequential, crossing direct -> single -> double indirect. */
	put("/seq", 0, (size_t)bsize * (level_start(1) + 3), 11);
	/* A hole, then a write straddling the direct/single boundary. */
	put("/straddle", (int64_t)bsize * 11 + 10, 2 * bsize, 12);
	/* Sparse: in the double indirect range only. */
	put("/sparse2", (int64_t)bsize * (level_start(1) + 5) + 3, 5000, 13);
	/* Sparse: in the triple indirect range (64 MiB+ / 4 GiB+). */
	put("/sparse3", (int64_t)bsize * (level_start(2) + 7) + 1, 3000, 14);
	/* Beyond 2 GiB: large_file, i_size_high. */
	put("/big", ((int64_t)5 << 30) + 17, 100, 15);

	for (auto &[name, w] : written) {
		std::string got;
		ASSERT_EQ(k_pread(name.c_str(), w.first, w.second.size(), &got),
		    0) << name;
		EXPECT_TRUE(got == w.second) << name;
		struct kstat st;
		ASSERT_EQ(k_stat(name.c_str(), &st), 0);
		EXPECT_EQ(st.size, (uint64_t)w.first + w.second.size()) << name;
	}
	/* Holes read as zeros. */
	std::string got;
	ASSERT_EQ(k_pread("/straddle", 0, 100, &got), 0);
	EXPECT_EQ(got, std::string(100, '\0'));
	ASSERT_EQ(k_pread("/sparse3", (int64_t)bsize * level_start(2), 64,
	    &got), 0);
	EXPECT_EQ(got, std::string(64, '\0'));
	/* A sparse file holds few blocks (data + indirect chain). */
	struct kstat st;
	ASSERT_EQ(k_stat("/sparse3", &st), 0);
	EXPECT_LE(st.bytes, (uint64_t)bsize * 8);

	/* Overwrite in the middle, then append. */
	std::string mid = pattern(bsize + 5, 16);
	ASSERT_EQ(k_write("/seq", bsize * 5 - 2, mid), 0);
	written["/seq"].second.replace(bsize * 5 - 2, mid.size(), mid);
	ASSERT_EQ(k_read("/seq", &got), 0);
	EXPECT_TRUE(got == written["/seq"].second);
	ASSERT_EQ(k_fsync("/seq"), 0);

	unmount();
	fsck_clean(img);
	/* debugfs reads the same bytes. */
	std::string out = debugfs("cat /seq");
	EXPECT_TRUE(out.find(written["/seq"].second.substr(0, 64)) !=
	    std::string::npos);
	out = debugfs("stat /big");
	EXPECT_NE(out.find("Size: 5368709237"), std::string::npos) << out;
	run(tool("dumpe2fs") + " -h " + img.string(), &out);
	EXPECT_NE(out.find("large_file"), std::string::npos);
}

/*
 * Truncation shrinking across every level frees what it must: e2fsck
 * counts every block, and a growth after it reads zeros.
 */
TEST_P(Ext2, TruncatesAcrossLevels)
{
	make_tree(tree, bsize);
	mkfs(24576);
	mount();

	size_t big = (size_t)bsize * (level_start(1) + 20);
	std::string data = pattern(big, 21);
	ASSERT_EQ(k_create("/t", 0644), 0);
	ASSERT_EQ(k_write("/t", 0, data), 0);
	ASSERT_EQ(k_create("/t3", 0644), 0);
	ASSERT_EQ(k_write("/t3", (int64_t)bsize * (level_start(2) + 3), "x"),
	    0);
	ASSERT_EQ(k_write("/t3", 5, "start"), 0);

	struct kstat before, st;
	ASSERT_EQ(k_stat("/t", &before), 0);
	/* Double -> single indirect, in the middle of a block. */
	int64_t to = (int64_t)bsize * (level_start(0) + 40) + 123;
	ASSERT_EQ(k_truncate("/t", to), 0);
	ASSERT_EQ(k_stat("/t", &st), 0);
	EXPECT_EQ(st.size, (uint64_t)to);
	EXPECT_LT(st.bytes, before.bytes);
	/* Single -> direct. */
	ASSERT_EQ(k_truncate("/t", bsize * 3 + 7), 0);
	/* Grow again: the old tail must read as zeros. */
	ASSERT_EQ(k_truncate("/t", bsize * 5), 0);
	std::string got;
	ASSERT_EQ(k_read("/t", &got), 0);
	ASSERT_EQ(got.size(), (size_t)bsize * 5);
	EXPECT_TRUE(got.substr(0, bsize * 3 + 7) == data.substr(0, bsize * 3 + 7));
	EXPECT_EQ(got.substr(bsize * 3 + 7), std::string(bsize * 2 - 7, '\0'));
	/* Triple indirect gone at once. */
	ASSERT_EQ(k_truncate("/t3", 10), 0);
	ASSERT_EQ(k_read("/t3", &got), 0);
	EXPECT_EQ(got, std::string("\0\0\0\0\0start", 10));
	ASSERT_EQ(k_stat("/t3", &st), 0);
	EXPECT_EQ(st.bytes, (uint64_t)bsize);
	ASSERT_EQ(k_truncate("/t", 0), 0);
	ASSERT_EQ(k_stat("/t", &st), 0);
	EXPECT_EQ(st.bytes, 0u);
	EXPECT_EQ(k_truncate("/d1", 0), EISDIR);

	unmount();
	fsck_clean(img);
}

/* sync(2) leaves the disk consistent while it stays mounted. */
TEST_P(Ext2, SyncedImageIsClean)
{
	make_tree(tree, bsize);
	mkfs(16384);
	mount();
	ASSERT_EQ(k_mkdir("/s", 0755), 0);
	ASSERT_EQ(k_create("/s/f", 0644), 0);
	ASSERT_EQ(k_write("/s/f", 0, pattern(bsize * 20, 5)), 0);
	ASSERT_EQ(k_unlink("/oneblock"), 0);
	ASSERT_EQ(k_rename("/d1/d2", "/s/d2"), 0);
	ASSERT_EQ(k_sync(), 0);
	fs::path copy = dir / "copy.img";
	fs::copy_file(img, copy);
	fsck_clean(copy);
	std::string out;
	run(tool("dumpe2fs") + " -h " + copy.string(), &out);
	EXPECT_NE(out.find("not clean"), std::string::npos) << out;
	unmount();
	fsck_clean(img);
}

/* A dir_index directory loses its index when it changes. */
TEST_P(Ext2, HashIndexedDirectory)
{
	make_tree(tree, bsize);
	for (int i = 0; i < 300; i++)
		write_host(tree / "many" / ("more_" + std::to_string(i)), "m");
	mkfs(16384);
	std::string out;
	run(tool("e2fsck") + " -fyD " + img.string(), &out);
	out = debugfs("stat /many");
	ASSERT_NE(out.find("Flags: 0x1000"), std::string::npos) << out;
	mount();
	ASSERT_EQ(k_create("/many/added", 0644), 0);
	ASSERT_EQ(k_unlink("/many/more_17"), 0);
	std::string got;
	ASSERT_EQ(k_read("/many/more_200", &got), 0);
	EXPECT_EQ(got, "m");
	unmount();
	fsck_clean(img);
	out = debugfs("stat /many");
	EXPECT_NE(out.find("Flags: 0x0"), std::string::npos) << out;
}

/* Damaged images: an error and a message, never a crash. */
TEST_P(Ext2, RefusesBadSuperblock)
{
	make_tree(tree, bsize);
	mkfs(8192);
	uint16_t bad = 0x1234;
	poke(1024 + 56, &bad, 2);
	EXPECT_EQ(k_mountroot(0), EINVAL);
	EXPECT_NE(ext2host_messages().find("bad magic"), std::string::npos);

	/* An INCOMPAT feature we lack is named. */
	bad = 0xef53;
	poke(1024 + 56, &bad, 2);
	std::string out;
	run(tool("debugfs") + " -w -R 'feature extent' " + img.string(), &out);
	ext2host_clear_messages();
	EXPECT_EQ(k_mountroot(0), EINVAL);
	EXPECT_NE(ext2host_messages().find("extent"), std::string::npos) <<
	    ext2host_messages();
}

TEST_P(Ext2, FailsOnBadDirectoryEntry)
{
	make_tree(tree, bsize);
	mkfs(8192);
	/* The last entry of d1's block: rec_len 0x7ff0 runs far past it. */
	std::string out = debugfs("stat /d1/d2");
	long blk = number_after(out, "BLOCKS:\n(0):");
	ASSERT_GT(blk, 0) << out;
	/* `..' is at offset 12; make its rec_len run past the block. */
	uint16_t reclen = (uint16_t)(bsize + 16);
	poke((int64_t)blk * bsize + 12 + 4, &reclen, 2);
	mount();
	std::string got;
	EXPECT_EQ(k_read("/d1/d2/d3/deep", &got), EIO);
	EXPECT_NE(ext2host_messages().find("bad dir"), std::string::npos) <<
	    ext2host_messages();
	std::vector<std::pair<std::string, int>> ents;
	EXPECT_EQ(k_readdir("/d1/d2", &ents), EIO);
	EXPECT_EQ(k_create("/d1/d2/new", 0644), EIO);
	/* The rest of the disk is fine. */
	ASSERT_EQ(k_read("/small.txt", &got), 0);
	EXPECT_EQ(k_vnodes_in_use(), 1);
	unmount();
}

TEST_P(Ext2, FailsOnBlockBeyondTheDisk)
{
	make_tree(tree, bsize);
	mkfs(8192);
	std::string out;
	/* A direct block beyond the disk: the inode is refused. */
	run(tool("debugfs") + " -w -R 'sif /oneblock block[0] 9999999' " +
	    img.string(), &out);
	/* An indirect block's entry beyond the disk. */
	out = debugfs("stat /single_start");
	long ind = number_after(out, "(IND):");
	ASSERT_GT(ind, 0) << out;
	uint32_t bad = 0x7fffffff;
	poke((int64_t)ind * bsize, &bad, 4);
	mount();
	std::string got;
	EXPECT_EQ(k_read("/oneblock", &got), EIO);
	EXPECT_NE(ext2host_messages().find("beyond the disk"),
	    std::string::npos) << ext2host_messages();
	ext2host_clear_messages();
	EXPECT_EQ(k_pread("/single_start", (int64_t)bsize * 12, 10, &got), EIO);
	EXPECT_NE(ext2host_messages().find("beyond the disk"),
	    std::string::npos) << ext2host_messages();
	/* Its direct blocks still read. */
	ASSERT_EQ(k_pread("/single_start", 0, 10, &got), 0);
	EXPECT_EQ(k_vnodes_in_use(), 1);
	unmount();
}

INSTANTIATE_TEST_SUITE_P(BlockSizes, Ext2, testing::Values(1024, 4096),
    [](const testing::TestParamInfo<int> &info) {
	return std::to_string(info.param / 1024) + "K";
    });

} // namespace ext2test
