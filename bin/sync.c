/*
 * bin/sync.c: sync(8), write the buffer cache's dirty blocks to disk
 * (sync(2)); as OpenBSD's bin/sync/sync.c.
 */
#include <unistd.h>

int
main(void)
{
	sync();
	return 0;
}
