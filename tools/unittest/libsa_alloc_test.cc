/*
 * libsa_alloc_test.cc: host tests of libsa's alloc()/free()
 * (lib/libsa/alloc.cc), boot(8)'s heap: blocks never overlap, stay
 * aligned and inside the heap, freed memory is reused and merged, and an
 * exhausted heap says nullptr.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "stand.h"

namespace {

struct block {
	char	*p;
	size_t	size;
	int	fill;
};

TEST(LibsaAlloc, RandomAllocFree)
{
	static char heap[256 * 1024];
	std::vector<block> live;
	std::mt19937 rng(42);

	alloc_init(heap, sizeof(heap));
	for (int round = 0; round < 20000; round++) {
		if (live.empty() || rng() % 3 != 0) {
			size_t size = 1 + rng() % (rng() % 8 == 0 ? 9000 : 200);
			char *p = (char *)alloc(size);
			if (p == nullptr)
				continue;	/* full for now */
			ASSERT_EQ((uintptr_t)p % 8, 0u);
			ASSERT_GE(p, heap);
			ASSERT_LE(p + size, heap + sizeof(heap));
			int fill = rng() & 0xff;
			memset(p, fill, size);
			live.push_back({ p, size, fill });
		} else {
			size_t i = rng() % live.size();
			block b = live[i];
			/* Nobody wrote over it while it was ours. */
			for (size_t j = 0; j < b.size; j++)
				ASSERT_EQ((unsigned char)b.p[j], b.fill)
				    << "round " << round;
			free(b.p, b.size);
			live.erase(live.begin() + i);
		}
	}
	for (const block &b : live)
		free(b.p, b.size);
	/* Everything merged back: one block of nearly the whole heap. */
	void *all = alloc(sizeof(heap) - 64);
	EXPECT_NE(all, nullptr);
}

TEST(LibsaAlloc, Exhaustion)
{
	static char heap[4096];

	alloc_init(heap, sizeof(heap));
	EXPECT_EQ(alloc(8192), nullptr);
	void *a = alloc(2000);
	void *b = alloc(2000);
	ASSERT_NE(a, nullptr);
	ASSERT_NE(b, nullptr);
	EXPECT_EQ(alloc(200), nullptr);
	free(a, 2000);
	char *c = (char *)alloc(1000);
	/* The freed block is reused: its tail is handed out. */
	EXPECT_TRUE(c >= (char *)a && c + 1000 <= (char *)a + 2000);
	void *d = alloc(900);
	EXPECT_NE(d, nullptr);
}

} // namespace
