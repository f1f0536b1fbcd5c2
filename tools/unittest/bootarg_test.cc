/*
 * bootarg_test.cc: host tests of the bootarg list builder and reader
 * (arch/i386/i386/bootarg.cc): what multiboot.cc builds, getbootinfo()
 * must read back, and no malformed list may make it read out of bounds.
 */
#include <gtest/gtest.h>
#include <cstring>
#include <vector>

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/reboot.h>
#include <machine/biosvar.h>

namespace {

/* A list like the one multiboot.cc makes for QEMU with 256 MiB. */
std::vector<char>
sample_list(bool with_ktest)
{
	std::vector<char> buf(BOOTARG_LEN);
	struct bootarg_builder bb;
	bios_memmap_t map[] = {
		{ 0x0, 0x9fc00, BIOS_MAP_FREE },
		{ 0x9fc00, 0x400, BIOS_MAP_RES },
		{ 0x100000, 0xfee0000, BIOS_MAP_FREE },
		{ 0, 0, BIOS_MAP_END },
	};
	bios_consdev_t cd = { 0x800, 9600, 0x3f8, 0 };

	bootarg_init(&bb, buf.data(), buf.size());
	bootarg_add(&bb, BOOTARG_MEMMAP, map, sizeof(map));
	bootarg_add(&bb, BOOTARG_CONSDEV, &cd, sizeof(cd));
	if (with_ktest)
		bootarg_add(&bb, BOOTARG_KTEST, "all", 4);
	bootarg_end(&bb);
	EXPECT_EQ(bb.bb_overflow, 0);
	buf.resize(bb.bb_used);
	return buf;
}

} // namespace

TEST(Bootarg, RoundTrip)
{
	std::vector<char> list = sample_list(true);
	struct bootinfo bi;

	ASSERT_EQ(getbootinfo(list.data(), list.size(), &bi), 0);
	EXPECT_EQ(bi.bi_nrecords, 3);
	EXPECT_EQ(bi.bi_unknown, 0);
	ASSERT_NE(bi.bi_memmap, nullptr);
	EXPECT_EQ(bi.bi_memmap[2].addr, 0x100000u);
	EXPECT_EQ(bi.bi_memmap[2].size, 0xfee0000u);
	EXPECT_EQ(bi.bi_memmap[3].type, (u_int32_t)BIOS_MAP_END);
	ASSERT_NE(bi.bi_consdev, nullptr);
	EXPECT_EQ(bi.bi_consdev->consaddr, 0x3f8);
	ASSERT_NE(bi.bi_ktest, nullptr);
	EXPECT_STREQ(bi.bi_ktest, "all");
}

TEST(Bootarg, RecordsAreAligned)
{
	std::vector<char> buf(256);
	struct bootarg_builder bb;

	bootarg_init(&bb, buf.data(), buf.size());
	bootarg_add(&bb, BOOTARG_KTEST, "a", 2);	/* 12 + 2 -> 16 */
	EXPECT_EQ(bb.bb_used, 16u);
	bootarg_add(&bb, 99, "xyz", 3);			/* unknown type */
	bootarg_end(&bb);

	struct bootinfo bi;
	ASSERT_EQ(getbootinfo(buf.data(), bb.bb_used, &bi), 0);
	EXPECT_EQ(bi.bi_unknown, 1);
	EXPECT_STREQ(bi.bi_ktest, "a");
}

TEST(Bootarg, OverflowIsReported)
{
	std::vector<char> buf(32);
	struct bootarg_builder bb;
	char big[64] = {};

	bootarg_init(&bb, buf.data(), buf.size());
	bootarg_add(&bb, BOOTARG_DDB, big, sizeof(big));
	EXPECT_EQ(bb.bb_overflow, 1);
	EXPECT_EQ(bb.bb_used, 0u);
	bootarg_end(&bb);		/* the end marker still fits */
	struct bootinfo bi;
	EXPECT_EQ(getbootinfo(buf.data(), bb.bb_used, &bi), 0);
}

TEST(Bootarg, MissingEndIsAnError)
{
	std::vector<char> list = sample_list(false);
	struct bootinfo bi;

	/* Cut off the BOOTARG_END word. */
	EXPECT_EQ(getbootinfo(list.data(), list.size() - 4, &bi), EINVAL);
	/* Nothing at all. */
	EXPECT_EQ(getbootinfo(list.data(), 0, &bi), EINVAL);
}

TEST(Bootarg, EveryTruncationIsRejectedOrComplete)
{
	/* Whatever prefix a loader passes, the reader stays inside it. */
	std::vector<char> list = sample_list(true);
	for (size_t len = 0; len < list.size(); len++) {
		std::vector<char> prefix(list.begin(), list.begin() + len);
		struct bootinfo bi;
		EXPECT_EQ(getbootinfo(prefix.data(), prefix.size(), &bi), EINVAL)
		    << "prefix of " << len << " bytes";
	}
}

TEST(Bootarg, BadSizesAreRejected)
{
	std::vector<char> list = sample_list(false);
	struct bootinfo bi;
	bootarg32_t hdr;

	/* A size smaller than the header would loop forever. */
	memcpy(&hdr, list.data(), sizeof(hdr));
	hdr.ba_size = 4;
	memcpy(list.data(), &hdr, sizeof(hdr));
	EXPECT_EQ(getbootinfo(list.data(), list.size(), &bi), EINVAL);

	/* A size past the end of the buffer. */
	hdr.ba_size = 1 << 20;
	memcpy(list.data(), &hdr, sizeof(hdr));
	EXPECT_EQ(getbootinfo(list.data(), list.size(), &bi), EINVAL);
}

TEST(Bootarg, MemmapWithoutEndIsRejected)
{
	std::vector<char> buf(256);
	struct bootarg_builder bb;
	bios_memmap_t map[] = { { 0, 0x9fc00, BIOS_MAP_FREE } };
	struct bootinfo bi;

	bootarg_init(&bb, buf.data(), buf.size());
	bootarg_add(&bb, BOOTARG_MEMMAP, map, sizeof(map));
	bootarg_end(&bb);
	EXPECT_EQ(getbootinfo(buf.data(), bb.bb_used, &bi), EINVAL);
}

TEST(Bootarg, UnterminatedKtestIsRejected)
{
	std::vector<char> buf(256);
	struct bootarg_builder bb;
	struct bootinfo bi;

	bootarg_init(&bb, buf.data(), buf.size());
	bootarg_add(&bb, BOOTARG_KTEST, "abcd", 4);	/* no NUL... */
	bootarg_end(&bb);
	/* ...but the padding supplies none either: 12 + 4 is aligned. */
	EXPECT_EQ(getbootinfo(buf.data(), bb.bb_used, &bi), EINVAL);
}

TEST(BootFlags, ParsesLikeBoot8)
{
	int howto = 0;
	const char *ktest = nullptr;
	size_t len = 0;

	EXPECT_EQ(boot_parse_flags("/bsd -s -d test=all", &howto, &ktest,
	    &len), 0);
	EXPECT_EQ(howto, RB_SINGLE | RB_KDB);
	ASSERT_NE(ktest, nullptr);
	EXPECT_EQ(std::string(ktest, len), "all");

	howto = 0;
	ktest = nullptr;
	EXPECT_EQ(boot_parse_flags("  -sc  ", &howto, &ktest, &len), 0);
	EXPECT_EQ(howto, RB_SINGLE | RB_CONFIG);
	EXPECT_EQ(ktest, nullptr);

	howto = 0;
	EXPECT_EQ(boot_parse_flags("/bsd test=a,b", &howto, &ktest, &len), 0);
	EXPECT_EQ(std::string(ktest, len), "a,b");
	EXPECT_EQ(howto, 0);
}

TEST(BootFlags, UnknownWordsAreErrorsButOthersApply)
{
	int howto = 0;
	const char *ktest = nullptr;
	size_t len = 0;

	EXPECT_EQ(boot_parse_flags("/bsd -sz", &howto, &ktest, &len), EINVAL);
	EXPECT_EQ(howto, RB_SINGLE);
	howto = 0;
	EXPECT_EQ(boot_parse_flags("/bsd bogus -d", &howto, &ktest, &len),
	    EINVAL);
	EXPECT_EQ(howto, RB_KDB);
}
