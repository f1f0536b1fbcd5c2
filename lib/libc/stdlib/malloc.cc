/*
 * lib/libc/stdlib/malloc.cc: malloc(3), free, calloc, realloc and
 * reallocarray, on pages from mmap(2).
 *
 * A deliberately small allocator, correct before clever:
 *
 *  - Small requests (up to 1024 bytes) are rounded up to a power of two,
 *    16 to 1024: eight size classes.  Each class takes whole pages from
 *    mmap and cuts them into chunks; a page starts with a 16-byte header
 *    naming its class, so free() finds a chunk's size from the page its
 *    address lies in.  Free chunks of a class sit on a list threaded
 *    through the chunks themselves.  Small pages are never given back.
 *  - Large requests get a mapping of their own: header, then the data,
 *    rounded up to pages.  free() gives the whole mapping back with
 *    munmap, so a use after free faults.
 *
 * Both kinds of header sit at the start of the page the returned pointer
 * is in, which is how free() tells them apart.  Everything is 16-byte
 * aligned.  OpenBSD's malloc (the design DESIGN.md names) adds a page
 * directory, randomised chunk placement, guard pages and junk filling;
 * XXX those are left for a lab.
 *
 * => No locking: there are no threads.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

namespace {

constexpr size_t PAGE = 4096;
constexpr size_t SMALL_MAX = 1024;
constexpr int NCLASS = 7;		/* 16, 32, ..., 1024 */
constexpr uint32_t MAGIC_SMALL = 0x5ca1ab1e;
constexpr uint32_t MAGIC_BIG = 0xb16b10c5;

struct page_hdr {
	uint32_t magic;		/* MAGIC_SMALL or MAGIC_BIG */
	uint32_t cls;		/* small: the class */
	size_t size;		/* big: bytes of data asked for */
	size_t maplen;		/* big: bytes mapped */
};
/* The header's room: 16 bytes (32 on a 64-bit host), keeping alignment. */
constexpr size_t HDR = sizeof(page_hdr) <= 16 ? 16 : 32;
static_assert(sizeof(page_hdr) <= HDR, "page header too big");

struct chunk {
	chunk *next;
};

chunk *freelist[NCLASS];

int
class_of(size_t n)
{
	int c = 0;

	for (size_t sz = 16; sz < n; sz <<= 1)
		c++;
	return c;
}

size_t
class_size(int c)
{
	return (size_t)16 << c;
}

void *
map(size_t len)
{
	void *p = mmap(nullptr, len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);

	return p == MAP_FAILED ? nullptr : p;
}

page_hdr *
hdr_of(void *p)
{
	return (page_hdr *)((uintptr_t)p & ~(uintptr_t)(PAGE - 1));
}

/* A fresh page for class c, cut into chunks on the free list. */
bool
refill(int c)
{
	char *page = (char *)map(PAGE);

	if (page == nullptr)
		return false;
	page_hdr *h = (page_hdr *)page;
	h->magic = MAGIC_SMALL;
	h->cls = c;
	size_t sz = class_size(c);
	/* The first chunk starts after the header, rounded to its size. */
	size_t first = sz < HDR ? HDR : sz;
	for (size_t off = first; off + sz <= PAGE; off += sz) {
		chunk *ch = (chunk *)(page + off);
		ch->next = freelist[c];
		freelist[c] = ch;
	}
	return true;
}

void *
big_alloc(size_t n)
{
	if (n > SIZE_MAX - PAGE - HDR)
		return nullptr;
	size_t len = (n + HDR + PAGE - 1) & ~(PAGE - 1);
	page_hdr *h = (page_hdr *)map(len);
	if (h == nullptr)
		return nullptr;
	h->magic = MAGIC_BIG;
	h->size = n;
	h->maplen = len;
	return (char *)h + HDR;
}

/* How many bytes the block at p can hold. */
size_t
usable(void *p)
{
	page_hdr *h = hdr_of(p);

	if (h->magic == MAGIC_BIG)
		return h->maplen - HDR;
	return class_size(h->cls);
}

} // namespace

extern "C" {

void *
malloc(size_t n)
{
	void *p;

	if (n == 0)
		n = 1;
	if (n > SMALL_MAX)
		p = big_alloc(n);
	else {
		int c = class_of(n);
		if (freelist[c] == nullptr && !refill(c))
			p = nullptr;
		else {
			chunk *ch = freelist[c];
			freelist[c] = ch->next;
			p = ch;
		}
	}
	if (p == nullptr)
		errno = ENOMEM;
	return p;
}

void
free(void *p)
{
	if (p == nullptr)
		return;
	page_hdr *h = hdr_of(p);
	if (h->magic == MAGIC_BIG) {
		munmap(h, h->maplen);
		return;
	}
	if (h->magic != MAGIC_SMALL)
		abort();		/* not a pointer malloc returned */
	chunk *ch = (chunk *)p;
	ch->next = freelist[h->cls];
	freelist[h->cls] = ch;
}

void *
calloc(size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size) {
		errno = ENOMEM;
		return nullptr;
	}
	void *p = malloc(nmemb * size);
	if (p != nullptr)
		memset(p, 0, nmemb * size);
	return p;
}

void *
realloc(void *p, size_t n)
{
	if (p == nullptr)
		return malloc(n);
	size_t have = usable(p);
	/* Stay put if it fits and would not fit a smaller class. */
	if (n <= have && (n > SMALL_MAX ? have <= SMALL_MAX ||
	    n + PAGE > have : n > have / 2))
		return p;
	void *q = malloc(n);
	if (q == nullptr)
		return nullptr;
	memcpy(q, p, n < have ? n : have);
	free(p);
	return q;
}

void *
reallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size) {
		errno = ENOMEM;
		return nullptr;
	}
	return realloc(p, nmemb * size);
}

} // extern "C"
