/*
 * rd.cc: the ramdisk, rd(4): a disk whose sectors are memory.
 *
 * The image is the first boot module (QEMU's -initrd, GRUB's "module"),
 * which locore's multiboot translation records as BOOTARG_RDIMAGE and
 * init386() keeps out of the memory UVM hands out.  rdattach() maps
 * those physical pages into kernel virtual memory; rdstrategy() then
 * serves a struct buf with a memcpy and completes it at once.  It has
 * the same block interface as wd(4) (bdevsw major 17, as OpenBSD/i386),
 * so a file system can later be mounted from either.  Writes change the
 * memory only; the image on the host is not touched.
 * Mirrors OpenBSD's sys/dev/rd.c, which embeds its image in the kernel
 * instead.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/errno.h>
#include <uvm/uvm_extern.h>
#include <machine/biosvar.h>
#include <machine/cpu.h>
#include <machine/pmap.h>
#include <dev/rdvar.h>

static char *rd_base;		/* [I] the image, mapped */
static size_t rd_size;		/* [I] its size in bytes */

/*
 * rdattach: map the loader's ramdisk image, if there is one.
 * => called once from main() after autoconf.
 */
void
rdattach(int)
{
	const bios_rdimage_t *img = bootinfo.bi_rdimage;

	if (img == nullptr) {
		printf("rd0: no image\n");
		return;
	}
	paddr_t pa = trunc_page(img->rd_start);
	vsize_t len = round_page(img->rd_end) - pa;
	vaddr_t va = uvm_km_valloc(kernel_map, len);
	for (vsize_t off = 0; off < len; off += PAGE_SIZE)
		pmap_kenter_pa(va + off, pa + off, PROT_READ | PROT_WRITE);
	rd_base = (char *)va + (img->rd_start - pa);
	rd_size = img->rd_end - img->rd_start;
	printf("rd0: %zu KB image, %zu sectors\n", rd_size / 1024,
	    rd_size / DEV_BSIZE);
}

int
rdopen(dev_t dev, int, int, struct proc *)
{
	return (minor(dev) == 0 && rd_base != nullptr) ? 0 : ENXIO;
}

int
rdclose(dev_t, int, int, struct proc *)
{
	return 0;
}

int64_t
rdsize(dev_t)
{
	return rd_size / DEV_BSIZE;
}

/*
 * rdstrategy: do a transfer at once and complete it.
 * => process context or any; does not sleep.
 */
void
rdstrategy(struct buf *bp)
{
	size_t off = (size_t)bp->b_blkno * DEV_BSIZE;

	bp->b_resid = bp->b_bcount;
	if (rd_base == nullptr || bp->b_blkno < 0 || off > rd_size ||
	    (size_t)bp->b_bcount > rd_size - off) {
		bp->b_error = (rd_base == nullptr) ? ENXIO : EINVAL;
		bp->b_flags |= B_ERROR;
	} else {
		if (bp->b_flags & B_READ)
			memcpy(bp->b_data, rd_base + off, bp->b_bcount);
		else
			memcpy(rd_base + off, bp->b_data, bp->b_bcount);
		bp->b_resid = 0;
	}
	biodone(bp);
}
