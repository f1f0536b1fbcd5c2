/*
 * lib/libc/stdlib/stdlib.cc: the small arithmetic and searching parts of
 * <stdlib.h>: abs and div, qsort and bsearch, rand.
 *
 * qsort is a quicksort: the median of the first, middle and last elements
 * as the pivot, insertion sort for runs of fewer than 8, and recursion on
 * the smaller side only (a loop takes the larger), so the stack stays
 * O(log n) deep whatever the input.  Elements are moved by swapping bytes,
 * since qsort knows only their size.  Like OpenBSD's it is not stable.
 */
#include <stddef.h>
#include <stdlib.h>

extern "C" {

int
abs(int j)
{
	return j < 0 ? -j : j;
}

long
labs(long j)
{
	return j < 0 ? -j : j;
}

long long
llabs(long long j)
{
	return j < 0 ? -j : j;
}

div_t
div(int num, int denom)
{
	div_t r = { num / denom, num % denom };

	return r;
}

ldiv_t
ldiv(long num, long denom)
{
	ldiv_t r = { num / denom, num % denom };

	return r;
}

} // extern "C"

namespace {

typedef int (*cmp_fn)(const void *, const void *);

void
swap(char *a, char *b, size_t size)
{
	if (a == b)
		return;
	while (size-- > 0) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

void
insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	for (size_t i = 1; i < n; i++)
		for (char *p = base + i * size;
		    p > base && cmp(p - size, p) > 0; p -= size)
			swap(p - size, p, size);
}

void
quicksort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	while (n >= 8) {
		char *lo = base, *mid = base + (n / 2) * size;
		char *hi = base + (n - 1) * size;

		/* Order lo, mid, hi; the median goes to the front. */
		if (cmp(mid, lo) < 0)
			swap(mid, lo, size);
		if (cmp(hi, mid) < 0) {
			swap(hi, mid, size);
			if (cmp(mid, lo) < 0)
				swap(mid, lo, size);
		}
		swap(base, mid, size);

		/* Hoare's partition around the pivot at base. */
		char *i = base, *j = base + n * size;
		for (;;) {
			do
				i += size;
			while (i < j && cmp(i, base) < 0);
			do
				j -= size;
			while (cmp(j, base) > 0);
			if (i >= j)
				break;
			swap(i, j, size);
		}
		swap(base, j, size);

		/* [base, j) and (j, end): recurse on the smaller. */
		size_t left = (j - base) / size;
		size_t right = n - left - 1;
		if (left < right) {
			quicksort(base, left, size, cmp);
			base = j + size;
			n = right;
		} else {
			quicksort(j + size, right, size, cmp);
			n = left;
		}
	}
	insertion_sort(base, n, size, cmp);
}

unsigned int rand_next = 1;

} // namespace

extern "C" {

void
qsort(void *base, size_t nmemb, size_t size,
    int (*compar)(const void *, const void *))
{
	if (nmemb > 1 && size > 0)
		quicksort((char *)base, nmemb, size, compar);
}

/* Binary search of a sorted array; => a matching element or NULL. */
void *
bsearch(const void *key, const void *base, size_t nmemb, size_t size,
    int (*compar)(const void *, const void *))
{
	const char *lo = (const char *)base;

	while (nmemb > 0) {
		const char *mid = lo + (nmemb / 2) * size;
		int c = compar(key, mid);
		if (c == 0)
			return (void *)mid;
		if (c > 0) {
			lo = mid + size;
			nmemb = nmemb - nmemb / 2 - 1;
		} else
			nmemb /= 2;
	}
	return nullptr;
}

/* ISO C's example generator: predictable, and not for secrets. */
int
rand_r(unsigned int *seed)
{
	*seed = *seed * 1103515245 + 12345;
	unsigned int hi = *seed >> 16;
	*seed = *seed * 1103515245 + 12345;
	unsigned int lo = *seed >> 16;
	return (int)(((hi << 16) | lo) & RAND_MAX);
}

int
rand(void)
{
	return rand_r(&rand_next);
}

void
srand(unsigned int seed)
{
	rand_next = seed;
}

} // extern "C"
