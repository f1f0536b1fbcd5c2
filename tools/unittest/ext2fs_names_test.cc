/*
 * ext2fs_names_test.cc: host tests of ext2's name space operations:
 * create, link, unlink, mkdir, rmdir, symlinks, mknod, rename in all its
 * forms, an unlinked file still open, the name cache, permissions, and a
 * full disk.  The fixture and its image are ext2fs_fixture.h's; each
 * test runs for 1 KiB and 4 KiB blocks (instantiated in ext2fs_test.cc)
 * and ends with `e2fsck -fn' finding the image clean.
 */
#include "ext2fs_fixture.h"

namespace ext2test {

/* Names: create, link, unlink, mkdir, rmdir, symlinks, mknod. */
TEST_P(Ext2, ChangesNames)
{
	make_tree(tree, bsize);
	mkfs(16384);
	mount();

	struct kstat st, dst;
	ASSERT_EQ(k_mkdir("/new", 0755), 0);
	EXPECT_EQ(k_mkdir("/new", 0755), EEXIST);
	ASSERT_EQ(k_stat("/new", &st), 0);
	EXPECT_EQ(st.nlink, 2u);
	ASSERT_EQ(k_stat("/", &dst), 0);
	unsigned rootlinks = dst.nlink;
	ASSERT_EQ(k_mkdir("/new/sub", 0700), 0);
	ASSERT_EQ(k_stat("/new", &st), 0);
	EXPECT_EQ(st.nlink, 3u);
	EXPECT_EQ(k_rmdir("/new"), ENOTEMPTY);
	EXPECT_EQ(k_unlink("/new/sub"), EPERM);

	/* Files, hard links. */
	ASSERT_EQ(k_create("/new/f", 0600), 0);
	ASSERT_EQ(k_write("/new/f", 0, "contents"), 0);
	ASSERT_EQ(k_link("/new/f", "/new/sub/g"), 0);
	EXPECT_EQ(k_link("/new/f", "/new/sub/g"), EEXIST);
	EXPECT_EQ(k_link("/new", "/new/dirlink"), EPERM);
	ASSERT_EQ(k_stat("/new/sub/g", &st), 0);
	EXPECT_EQ(st.nlink, 2u);
	ASSERT_EQ(k_unlink("/new/f"), 0);
	EXPECT_EQ(k_stat("/new/f", &st), ENOENT);
	std::string got;
	ASSERT_EQ(k_read("/new/sub/g", &got), 0);
	EXPECT_EQ(got, "contents");
	ASSERT_EQ(k_stat("/new/sub/g", &st), 0);
	EXPECT_EQ(st.nlink, 1u);

	/* Symlinks fast and slow (at the 59/60 boundary). */
	std::string t59(59, 'a'), t60(60, 'b');
	ASSERT_EQ(k_symlink(t59.c_str(), "/new/l59"), 0);
	ASSERT_EQ(k_symlink(t60.c_str(), "/new/l60"), 0);
	ASSERT_EQ(k_readlink("/new/l59", &got), 0);
	EXPECT_EQ(got, t59);
	ASSERT_EQ(k_readlink("/new/l60", &got), 0);
	EXPECT_EQ(got, t60);
	ASSERT_EQ(k_stat("/new/l59", &st, false), 0);
	EXPECT_EQ(st.bytes, 0u);
	ASSERT_EQ(k_stat("/new/l60", &st, false), 0);
	EXPECT_EQ(st.bytes, (uint64_t)bsize);
	ASSERT_EQ(k_symlink("sub/g", "/new/rel"), 0);
	ASSERT_EQ(k_read("/new/rel", &got), 0);
	EXPECT_EQ(got, "contents");

	/* A device file: specfs operations, aliased, its number kept. */
	ASSERT_EQ(k_mknod("/new/wd0a", true, 0, 0), 0);
	ASSERT_EQ(k_mknod("/new/tty", false, 8, 300), 0);
	EXPECT_TRUE(k_is_specvnode("/new/wd0a"));
	ASSERT_EQ(k_stat("/new/tty", &st, false), 0);
	EXPECT_EQ(st.type, 4 /* VCHR */);
	EXPECT_EQ((st.rdev >> 8) & 0xff, 8);

	/* A directory growing past one block, then emptied again. */
	for (int i = 0; i < 100; i++) {
		std::string name = "/new/sub/n" + std::to_string(i) +
		    std::string(40, 'z');
		ASSERT_EQ(k_create(name.c_str(), 0644), 0) << i;
	}
	ASSERT_EQ(k_stat("/new/sub", &st), 0);
	EXPECT_GT(st.size, (uint64_t)bsize);
	for (int i = 0; i < 100; i += 2) {
		std::string name = "/new/sub/n" + std::to_string(i) +
		    std::string(40, 'z');
		ASSERT_EQ(k_unlink(name.c_str()), 0) << i;
	}
	std::vector<std::pair<std::string, int>> ents;
	ASSERT_EQ(k_readdir("/new/sub", &ents), 0);
	EXPECT_EQ(ents.size(), 2u + 50 + 1);	/* `.', `..', n1.., g */

	/* rmdir: of a full directory no, of an empty one yes. */
	ASSERT_EQ(k_mkdir("/gone", 0755), 0);
	ASSERT_EQ(k_stat("/", &dst), 0);
	EXPECT_EQ(dst.nlink, rootlinks + 1);
	ASSERT_EQ(k_rmdir("/gone"), 0);
	ASSERT_EQ(k_stat("/", &dst), 0);
	EXPECT_EQ(dst.nlink, rootlinks);
	EXPECT_EQ(k_stat("/gone", &st), ENOENT);
	EXPECT_EQ(k_rmdir("/new/sub/."), EINVAL);
	EXPECT_EQ(k_rmdir("/small.txt"), ENOTDIR);

	/* Removing many files of the tree frees their blocks. */
	ASSERT_EQ(k_unlink("/double_start"), 0);
	ASSERT_EQ(k_unlink("/many/file_with_a_longish_name_7"), 0);
	ASSERT_EQ(k_chmod("/new/sub/g", 0640), 0);
	ASSERT_EQ(k_stat("/new/sub/g", &st), 0);
	EXPECT_EQ(st.mode, 0640u);
	EXPECT_EQ(k_vnodes_in_use(), 1);	/* the root's, rootvnode */

	unmount();
	fsck_clean(img);
	std::string out = debugfs("ls -l /new");
	EXPECT_NE(out.find("sub"), std::string::npos) << out;
	EXPECT_NE(out.find("l60"), std::string::npos) << out;
	EXPECT_EQ(out.find(" f\n"), std::string::npos) << out;
	out = debugfs("cat /new/sub/g");
	EXPECT_NE(out.find("contents"), std::string::npos) << out;
	out = debugfs("stat /new/wd0a");
	EXPECT_NE(out.find("block special"), std::string::npos) << out;
}

/* rename: in one directory, across, over an existing name, dirs. */
TEST_P(Ext2, Renames)
{
	make_tree(tree, bsize);
	mkfs(16384);
	mount();

	struct kstat st, a, b;
	std::string got;
	/* Same directory. */
	ASSERT_EQ(k_rename("/small.txt", "/renamed.txt"), 0);
	EXPECT_EQ(k_stat("/small.txt", &st), ENOENT);
	ASSERT_EQ(k_read("/renamed.txt", &got), 0);
	EXPECT_EQ(got, "hello\n");
	/* Across directories, replacing an existing file. */
	ASSERT_EQ(k_stat("/d1/hard", &a), 0);
	ASSERT_EQ(k_rename("/oneblock", "/d1/hard"), 0);
	ASSERT_EQ(k_stat("/d1/hard", &b), 0);
	EXPECT_NE(a.ino, b.ino);
	EXPECT_EQ(b.size, (uint64_t)bsize);
	ASSERT_EQ(k_stat("/renamed.txt", &st), 0);
	EXPECT_EQ(st.nlink, 1u);	/* its other name was replaced */
	/* Onto itself (two names of one file): nothing happens. */
	ASSERT_EQ(k_link("/renamed.txt", "/d1/second"), 0);
	ASSERT_EQ(k_rename("/renamed.txt", "/d1/second"), 0);
	ASSERT_EQ(k_stat("/renamed.txt", &st), 0);
	EXPECT_EQ(st.nlink, 2u);

	/* A directory to another parent: `..' and both link counts. */
	struct kstat d1, d2, moved;
	ASSERT_EQ(k_stat("/d1", &d1), 0);
	ASSERT_EQ(k_mkdir("/target", 0755), 0);
	ASSERT_EQ(k_stat("/target", &d2), 0);
	ASSERT_EQ(k_rename("/d1/d2", "/target/d2moved"), 0);
	ASSERT_EQ(k_stat("/d1", &st), 0);
	EXPECT_EQ(st.nlink, d1.nlink - 1);
	ASSERT_EQ(k_stat("/target", &st), 0);
	EXPECT_EQ(st.nlink, d2.nlink + 1);
	ASSERT_EQ(k_read("/target/d2moved/d3/../d3/deep", &got), 0);
	EXPECT_EQ(got, "deep\n");
	ASSERT_EQ(k_stat("/target/d2moved/..", &st), 0);
	EXPECT_EQ(st.ino, d2.ino);
	ASSERT_EQ(k_stat("/target/d2moved", &moved), 0);

	/* Not into its own subtree. */
	EXPECT_EQ(k_rename("/target", "/target/d2moved/d3/inside"), EINVAL);
	EXPECT_EQ(k_rename("/target", "/target/d2moved/x"), EINVAL);
	EXPECT_EQ(k_rename("/target/d2moved", "/target/d2moved/d3/y"), EINVAL);
	/* Dir onto file and file onto dir. */
	EXPECT_EQ(k_rename("/target", "/empty"), ENOTDIR);
	EXPECT_EQ(k_rename("/empty", "/target"), EISDIR);
	/* Dir onto a non-empty dir; onto an empty one replaces it. */
	ASSERT_EQ(k_mkdir("/emptydir", 0755), 0);
	EXPECT_EQ(k_rename("/emptydir", "/target"), ENOTEMPTY);
	ASSERT_EQ(k_mkdir("/other", 0755), 0);
	ASSERT_EQ(k_mkdir("/other/sub", 0755), 0);
	ASSERT_EQ(k_stat("/", &a), 0);
	ASSERT_EQ(k_rename("/other/sub", "/emptydir"), 0);
	ASSERT_EQ(k_stat("/", &b), 0);
	EXPECT_EQ(b.nlink, a.nlink);	/* lost emptydir's `..', got sub's */
	ASSERT_EQ(k_stat("/other", &st), 0);
	EXPECT_EQ(st.nlink, 2u);
	/* Within one directory, a directory over an empty directory. */
	ASSERT_EQ(k_mkdir("/other/x", 0755), 0);
	ASSERT_EQ(k_mkdir("/other/y", 0755), 0);
	ASSERT_EQ(k_rename("/other/x", "/other/y"), 0);
	ASSERT_EQ(k_stat("/other", &st), 0);
	EXPECT_EQ(st.nlink, 3u);
	/* Renaming a directory within its parent keeps its `..'. */
	ASSERT_EQ(k_rename("/target", "/target2"), 0);
	ASSERT_EQ(k_read("/target2/d2moved/d3/deep", &got), 0);
	EXPECT_EQ(k_vnodes_in_use(), 1);

	unmount();
	fsck_clean(img);
	std::string out = debugfs("ls -l /target2/d2moved");
	EXPECT_NE(out.find("d3"), std::string::npos) << out;
	out = debugfs("ls -l /d1");
	EXPECT_EQ(out.find("d2"), std::string::npos) << out;
}

/* An unlinked file lives on while it is open; the last close frees it. */
TEST_P(Ext2, UnlinkWhileOpen)
{
	make_tree(tree, bsize);
	mkfs(16384);
	mount();
	std::string data = pattern(bsize * 40, 31), got;
	ASSERT_EQ(k_create("/open", 0644), 0);
	ASSERT_EQ(k_write("/open", 0, data), 0);
	void *h = k_hold("/open");
	ASSERT_NE(h, nullptr);
	ASSERT_EQ(k_unlink("/open"), 0);
	EXPECT_EQ(k_stat("/open", nullptr), ENOENT);
	ASSERT_EQ(k_hold_read(h, bsize * 13, 100, &got), 0);
	EXPECT_TRUE(got == data.substr(bsize * 13, 100));
	k_release(h);	/* inactive: truncate, free the inode */
	/* The freed inode number is handed out again, and is new. */
	ASSERT_EQ(k_create("/reuse", 0644), 0);
	struct kstat st;
	ASSERT_EQ(k_stat("/reuse", &st), 0);
	EXPECT_EQ(st.size, 0u);
	EXPECT_EQ(st.nlink, 1u);
	unmount();
	fsck_clean(img);
}

/* A name looked up in vain, then made, is found (the name cache). */
TEST_P(Ext2, NegativeCacheEntryGoes)
{
	make_tree(tree, bsize);
	mkfs(8192);
	mount();
	struct kstat st;
	EXPECT_EQ(k_stat("/d1/later", &st), ENOENT);
	EXPECT_EQ(k_stat("/d1/later", &st), ENOENT);
	ASSERT_EQ(k_create("/d1/later", 0644), 0);
	EXPECT_EQ(k_stat("/d1/later", &st), 0);
	ASSERT_EQ(k_rename("/d1/later", "/d1/laterer"), 0);
	EXPECT_EQ(k_stat("/d1/later", &st), ENOENT);
	EXPECT_EQ(k_stat("/d1/laterer", &st), 0);
	ASSERT_EQ(k_unlink("/d1/laterer"), 0);
	EXPECT_EQ(k_stat("/d1/laterer", &st), ENOENT);
	unmount();
	fsck_clean(img);
}

/* Owners, modes and who may change them. */
TEST_P(Ext2, Permissions)
{
	make_tree(tree, bsize);
	mkfs(8192);
	mount();
	ASSERT_EQ(k_mkdir("/home", 0777), 0);
	ASSERT_EQ(k_create("/rootfile", 0644), 0);
	k_setcred(1000, 100);
	EXPECT_EQ(k_create("/userfile", 0644), EACCES);	/* / is 0755 */
	ASSERT_EQ(k_create("/home/mine", 0600), 0);
	struct kstat st;
	ASSERT_EQ(k_stat("/home/mine", &st), 0);
	EXPECT_EQ(st.uid, 1000u);
	EXPECT_EQ(k_chmod("/rootfile", 0666), EPERM);
	EXPECT_EQ(k_write("/rootfile", 0, "x"), 0) << "no VOP_ACCESS here";
	ASSERT_EQ(k_chmod("/home/mine", 0644), 0);
	EXPECT_EQ(k_unlink("/rootfile"), EACCES);
	k_setcred(0, 0);
	ASSERT_EQ(k_chmod("/home", 01777), 0);
	ASSERT_EQ(k_create("/home/roots", 0644), 0);
	k_setcred(1000, 100);
	EXPECT_EQ(k_unlink("/home/roots"), EPERM);	/* sticky */
	EXPECT_EQ(k_unlink("/home/mine"), 0);
	k_setcred(0, 0);
	unmount();
	fsck_clean(img);
}

/* A full disk: ENOSPC, and what was allocated half way is given back. */
TEST_P(Ext2, FillsTheDisk)
{
	write_host(tree / "a", "a");
	mkfs(4096);
	mount();
	ASSERT_EQ(k_create("/fill", 0644), 0);
	std::string chunk = pattern(bsize * 64, 41);
	int64_t off = 0;
	int error = 0;
	while ((error = k_write("/fill", off, chunk)) == 0)
		off += chunk.size();
	EXPECT_EQ(error, ENOSPC);
	EXPECT_NE(ext2host_messages().find("file system full"),
	    std::string::npos);
	/* Sparse writes far out need indirect blocks: they fail cleanly. */
	for (int i = 0; i < 5; i++)
		(void)k_write("/fill", (int64_t)bsize * (level_start(1) +
		    i * nindir * 3), "y");
	ASSERT_EQ(k_sync(), 0);
	fs::path copy = dir / "full.img";
	fs::copy_file(img, copy);
	fsck_clean(copy);
	ASSERT_EQ(k_unlink("/fill"), 0);
	ASSERT_EQ(k_create("/after", 0644), 0);
	ASSERT_EQ(k_write("/after", 0, chunk), 0);
	unmount();
	fsck_clean(img);
}

/*
 * A second disk mounted on a directory of the root (ext2fs_mount through
 * a block device file of the root): lookups cross into it and back, and
 * both disks are clean after unmount.
 */
TEST_P(Ext2, MountsASecondDisk)
{
	make_tree(tree, bsize);
	mkfs(8192);
	fs::path tree2 = dir / "tree2", img2 = dir / "second.img";
	fs::create_directory(tree2);
	write_host(tree2 / "onsecond", "second disk\n");
	std::string out;
	ASSERT_EQ(run(tool("mke2fs") + " -q -F -t ext2 -b " +
	    std::to_string(bsize) + " -d " + tree2.string() + " " +
	    img2.string() + " 4096k", &out), 0) << out;
	ASSERT_EQ(hostdisk_attach(1, img2.c_str()), 0);
	mount();
	ASSERT_EQ(k_mknod("/disk1", true, EXT2HOST_MAJOR, 1), 0);
	ASSERT_EQ(k_mkdir("/mnt", 0755), 0);
	EXPECT_EQ(k_mount("/small.txt", "/mnt"), EINVAL);	/* not VBLK */
	ASSERT_EQ(k_mount("/disk1", "/mnt"), 0) << ext2host_messages();
	EXPECT_EQ(k_mount("/disk1", "/d1"), EBUSY);	/* mounted already */
	std::string got;
	ASSERT_EQ(k_read("/mnt/onsecond", &got), 0);
	EXPECT_EQ(got, "second disk\n");
	ASSERT_EQ(k_create("/mnt/written", 0644), 0);
	ASSERT_EQ(k_write("/mnt/written", 0, "via the mount"), 0);
	ASSERT_EQ(k_read("/mnt/../small.txt", &got), 0);
	EXPECT_EQ(got, "hello\n");
	EXPECT_EQ(k_link("/small.txt", "/mnt/cross"), EXDEV);
	EXPECT_EQ(k_rename("/small.txt", "/mnt/cross"), EXDEV);
	unmount();
	hostdisk_detach(1);
	fsck_clean(img);
	fsck_clean(img2);
	EXPECT_NE(debugfs("stat /disk1").find("block special"),
	    std::string::npos);
	run(tool("debugfs") + " -R 'cat /written' " + img2.string(), &out);
	EXPECT_NE(out.find("via the mount"), std::string::npos) << out;
}

} // namespace ext2test
