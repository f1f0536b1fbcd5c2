/*
 * alloc.cc: alloc() and free() for the standalone programs.
 *
 * The heap is one array the program hands to alloc_init() (boot(8): a
 * part of its bss).  Free blocks are kept on a list sorted by address;
 * alloc() takes the first block big enough (first fit), splitting off
 * what is left, or else carves new memory from the top of the heap;
 * free() puts a block back, merging it with free neighbours (and with
 * the unused top) so that the heap does not crumble as boot(8) opens and
 * closes files.  As in
 * OpenBSD's libsa, free() is told the size, so blocks carry no header.
 */
#include "stand.h"

#define ALIGN	8		/* every block starts and ends this aligned */

struct fl {			/* a free block */
	struct fl	*next;
	size_t		size;	/* bytes, ALIGN multiple */
};
static_assert(sizeof(struct fl) <= 2 * ALIGN);

static char *heap_top;		/* first byte never handed out */
static char *heap_end;
static struct fl *freelist;	/* sorted by address */

static size_t
round_size(size_t size)
{
	if (size < sizeof(struct fl))
		size = sizeof(struct fl);
	return (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

/* alloc_init: size bytes at heap become the heap. */
void
alloc_init(void *heap, size_t size)
{
	uintptr_t p = ((uintptr_t)heap + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);

	heap_top = (char *)p;
	heap_end = (char *)heap + size;
	freelist = nullptr;
}

/*
 * alloc: size bytes, ALIGN-aligned, not zeroed.
 * => returns nullptr when the heap is exhausted.
 */
void *
alloc(size_t size)
{
	size = round_size(size);
	for (struct fl **fp = &freelist; *fp != nullptr; fp = &(*fp)->next) {
		struct fl *f = *fp;
		if (f->size == size) {
			*fp = f->next;
			return f;
		}
		/*
		 * Split, keeping the front free and handing out the tail,
		 * only if the front can still be a free block: free() will be
		 * told `size', and bytes beyond it would be lost.
		 */
		if (f->size >= size + sizeof(struct fl)) {
			f->size -= size;
			return (char *)f + f->size;
		}
	}
	if ((size_t)(heap_end - heap_top) < size)
		return nullptr;
	void *p = heap_top;
	heap_top += size;
	return p;
}

/* free: give back the block ptr of size bytes that alloc(size) returned. */
void
free(void *ptr, size_t size)
{
	struct fl *f = (struct fl *)ptr, *prev = nullptr, *next = freelist;

	if (ptr == nullptr)
		return;
	size = round_size(size);
	while (next != nullptr && next < f) {
		prev = next;
		next = next->next;
	}
	f->size = size;
	f->next = next;
	if (prev == nullptr)
		freelist = f;
	else
		prev->next = f;
	/* Merge with the next block, then with the previous one. */
	if (next != nullptr && (char *)f + f->size == (char *)next) {
		f->size += next->size;
		f->next = next->next;
	}
	if (prev != nullptr && (char *)prev + prev->size == (char *)f) {
		prev->size += f->size;
		prev->next = f->next;
	}
	/* A free block at the top goes back to the unused part. */
	struct fl **lp = &freelist;
	while (*lp != nullptr && (*lp)->next != nullptr)
		lp = &(*lp)->next;
	if (*lp != nullptr && (char *)*lp + (*lp)->size == heap_top) {
		heap_top = (char *)*lp;
		*lp = nullptr;
	}
}
