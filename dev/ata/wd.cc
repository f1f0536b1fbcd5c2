/*
 * wd.cc: wd(4), an ATA disk on a wdc(4) channel.
 *
 * Attach reads what wdc's IDENTIFY found: the model (forty characters,
 * stored two to a word with the bytes of each word swapped, padded with
 * blanks), whether the disk speaks LBA and LBA48, how many sectors it
 * has, and how many sectors it can move per interrupt (READ MULTIPLE),
 * which it is then told with SET MULTIPLE.  Then it reads the MBR
 * (readdisklabel) to learn the partitions: wd0a is the first MBR
 * partition, wd0c the whole disk.
 *
 * I/O arrives as struct bufs at wdstrategy(), which checks the request
 * against its partition, turns the block number into an absolute one,
 * and sorts the buf into the disk's queue with disksort(), the elevator.
 * The buf at the head of the queue is the one the disk serves: wdstart()
 * describes it to wdc as an xfer (using the 48-bit commands only for
 * sectors LBA28 cannot reach), and wddone(), which wdc calls when the
 * xfer ends, takes it off the queue, calls biodone() and starts the next.
 * wd_rw() wraps this for kernel code that wants sectors now: build a
 * buf, wdstrategy, biowait.
 *
 * Mirrors OpenBSD's sys/dev/ata/wd.c and ata_wdc.c's wdc_ata_bio_*,
 * reduced: no disk(9) statistics, no disklabel of its own, no dump, no
 * bad-sector handling, no flush of the write cache (XXX: QEMU's image is
 * written when QEMU exits; a real drive could lose the last writes).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/disklabel.h>
#include <sys/errno.h>
#include <dev/ata/atareg.h>
#include <dev/ata/wdvar.h>
#include <dev/ic/wdcvar.h>
#include <machine/intr.h>

#define WD_MAXMULTI	16	/* sectors per interrupt, as OpenBSD caps it */

/*
 * Locking: [I] immutable after attach; [B] at splbio.
 */
struct wd_softc {
	struct device	sc_dev;
	struct wdc_softc *sc_wdc;	/* [I] our channel */
	int		sc_drive;	/* [I] 0 master, 1 slave */
	int		sc_flags;	/* [I] WDF_* below */
	int		sc_multi;	/* [I] sectors per DRQ block */
	u_int64_t	sc_capacity;	/* [I] sectors */
	char		sc_model[ATA_PARAM_MODEL_LEN + 1]; /* [I] trimmed */
	struct disklabel sc_label;	/* [I] partitions, from the MBR */
	bufq_head	sc_q;		/* [B] bufs; the head is active */
	bool		sc_active;	/* [B] the head is on the channel */
	struct wdc_xfer	sc_xfer;	/* [B] the head's transfer */
};

#define WDF_LBA48	0x01	/* the drive has the 48-bit commands */

static void	wdstart(struct wd_softc *sc);
static void	wddone(struct wdc_xfer *xfer);

static int
wdmatch(struct device *, void *match, void *aux)
{
	struct cfdata *cf = (struct cfdata *)match;
	struct ata_attach_args *aa = (struct ata_attach_args *)aux;

	if (cf->cf_loc[WDCCF_CHANNEL] != LOC_WILDCARD &&
	    cf->cf_loc[WDCCF_CHANNEL] != aa->aa_channel)
		return 0;
	if (cf->cf_loc[WDCCF_DRIVE] != LOC_WILDCARD &&
	    cf->cf_loc[WDCCF_DRIVE] != aa->aa_drive)
		return 0;
	return 1;
}

/*
 * wd_model: the model string of IDENTIFY: each word holds two
 * characters, the first in its high byte; trailing blanks are padding.
 */
static void
wd_model(const u_int16_t *params, char *model)
{
	int n = 0;

	for (int i = 0; i < ATA_PARAM_MODEL_LEN / 2; i++) {
		u_int16_t w = params[ATA_PARAM_MODEL + i];
		model[n++] = w >> 8;
		model[n++] = w & 0xff;
	}
	while (n > 0 && (model[n - 1] == ' ' || model[n - 1] == '\0'))
		n--;
	model[n] = '\0';
}

/* wd_label: read the MBR and print the partitions it gave. */
static void
wd_label(struct wd_softc *sc)
{
	struct disklabel *lp = &sc->sc_label;
	dev_t dev = makedev(WD_BMAJ, DISKMINOR(sc->sc_dev.dv_unit, RAW_PART));

	lp->d_secperunit = sc->sc_capacity;
	int error = readdisklabel(dev, wdstrategy, lp);
	if (error != 0) {
		printf("%s: no MBR (error %d), only %sc\n", sc->sc_dev.dv_xname,
		    error, sc->sc_dev.dv_xname);
		return;
	}
	for (int i = 0; i < lp->d_npartitions; i++) {
		struct partition *p = &lp->d_partitions[i];
		if (i == RAW_PART || p->p_size == 0)
			continue;
		printf("%s%c: MBR type 0x%02x, sectors %llu + %llu\n",
		    sc->sc_dev.dv_xname, 'a' + i, p->p_fstype,
		    (unsigned long long)p->p_offset,
		    (unsigned long long)p->p_size);
	}
}

/*
 * wdattach: finish "wd0 at wdc0 channel 0 drive 0" with the model, set
 * the multiple mode, print the geometry, read the partitions.
 * => boot time, process context; the channel polls (WDCF_POLLING).
 */
static void
wdattach(struct device *parent, struct device *self, void *aux)
{
	struct wd_softc *sc = (struct wd_softc *)self;
	struct ata_attach_args *aa = (struct ata_attach_args *)aux;
	const u_int16_t *params = aa->aa_params;

	sc->sc_wdc = (struct wdc_softc *)parent;
	sc->sc_drive = aa->aa_drive;
	sc->sc_q.init();
	wd_model(params, sc->sc_model);
	printf(": <%s>\n", sc->sc_model);

	if ((params[ATA_PARAM_CAP] & WDC_CAP_LBA) == 0) {
		/* XXX CHS addressing: only disks from before 1996 need it. */
		printf("%s: no LBA, not supported\n", self->dv_xname);
		sc->sc_label.d_npartitions = 0;
		return;
	}
	if (params[ATA_PARAM_CMD2] & ATA_CMD2_LBA48) {
		sc->sc_flags |= WDF_LBA48;
		sc->sc_capacity = 0;
		for (int i = 3; i >= 0; i--)
			sc->sc_capacity = (sc->sc_capacity << 16) |
			    params[ATA_PARAM_MAX_LBA + i];
	} else
		sc->sc_capacity = params[ATA_PARAM_CAPACITY] |
		    (u_int32_t)params[ATA_PARAM_CAPACITY + 1] << 16;

	sc->sc_multi = MIN(params[ATA_PARAM_MULTI] & 0xff, WD_MAXMULTI);
	if (sc->sc_multi > 1 &&
	    wdc_setmulti(sc->sc_wdc, sc->sc_drive, sc->sc_multi) != 0) {
		printf("%s: SET MULTIPLE failed, one sector per interrupt\n",
		    self->dv_xname);
		sc->sc_multi = 1;
	}
	if (sc->sc_multi < 1)
		sc->sc_multi = 1;
	printf("%s: %d-sector PIO, %s, %lluMB, %llu sectors\n",
	    self->dv_xname, sc->sc_multi,
	    (sc->sc_flags & WDF_LBA48) ? "LBA48" : "LBA",
	    (unsigned long long)(sc->sc_capacity >> (20 - DEV_BSHIFT)),
	    (unsigned long long)sc->sc_capacity);
	wd_label(sc);
}

/*
 * wd_lookup: the drive a wd dev_t names and, in *pp (if not null), its
 * partition; null if the unit is not attached or the partition is empty.
 */
static struct wd_softc *
wd_lookup(dev_t dev, struct partition **pp)
{
	int unit = DISKUNIT(dev), part = DISKPART(dev);
	struct wd_softc *sc = unit < wd_cd.cd_ndevs ?
	    (struct wd_softc *)wd_cd.cd_devs[unit] : nullptr;

	if (sc == nullptr || part >= sc->sc_label.d_npartitions ||
	    sc->sc_label.d_partitions[part].p_size == 0)
		return nullptr;
	if (pp != nullptr)
		*pp = &sc->sc_label.d_partitions[part];
	return sc;
}

/*
 * wdstrategy: queue bp for its disk and start the disk if it is idle.
 * => any context, does not sleep; bp's caller fields are set and
 *    B_DONE is clear.
 * => bp is finished later with biodone(); a request for a missing
 *    unit or partition, or beyond the partition's end, ends at once
 *    with B_ERROR (ENXIO or EINVAL).
 */
void
wdstrategy(struct buf *bp)
{
	struct partition *p;
	struct wd_softc *sc = wd_lookup(bp->b_dev, &p);
	int error = 0;

	bp->b_resid = bp->b_bcount;
	if (sc == nullptr) {
		error = ENXIO;
		goto bad;
	}
	{
		daddr_t nsect = bp->b_bcount / DEV_BSIZE;

		/* XXX OpenBSD truncates a request that crosses the end. */
		if (bp->b_bcount % DEV_BSIZE != 0 || bp->b_blkno < 0 ||
		    (u_int64_t)(bp->b_blkno + nsect) > p->p_size) {
			error = EINVAL;
			goto bad;
		}
		if (nsect == 0)
			goto done;
		bp->b_rawblkno = bp->b_blkno + p->p_offset;
	}
	{
		int s = splbio();
		disksort(sc->sc_q, bp);
		wdstart(sc);
		splx(s);
	}
	return;
bad:
	bp->b_flags |= B_ERROR;
	bp->b_error = error;
done:
	biodone(bp);
}

/*
 * wdstart: if the disk is idle and has work, give its first buf to the
 * channel.  => at splbio.
 */
static void
wdstart(struct wd_softc *sc)
{
	struct buf *bp = sc->sc_q.first();
	struct wdc_xfer *xfer = &sc->sc_xfer;

	splassert(IPL_BIO);
	if (sc->sc_active || bp == nullptr)
		return;
	sc->sc_active = true;
	xfer->c_drive = sc->sc_drive;
	xfer->c_flags = 0;
	if (bp->b_flags & B_READ)
		xfer->c_flags |= C_READ;
	if (sc->sc_wdc->sc_flags & WDCF_POLLING)
		xfer->c_flags |= C_POLL;
	/* The 48-bit commands take twice the register writes. */
	if ((sc->sc_flags & WDF_LBA48) && (u_int64_t)bp->b_rawblkno +
	    bp->b_bcount / DEV_BSIZE > ATA_LBA28_MAX)
		xfer->c_flags |= C_LBA48;
	if (sc->sc_multi > 1)
		xfer->c_flags |= C_MULTI;
	xfer->c_multi = sc->sc_multi;
	xfer->c_blkno = bp->b_rawblkno;
	xfer->c_data = (char *)bp->b_data;
	xfer->c_bcount = bp->b_bcount;
	xfer->c_done = wddone;
	xfer->c_arg = sc;
	wdc_exec_xfer(sc->sc_wdc, xfer);
}

/*
 * wddone: wdc has ended the active buf's transfer: finish the buf and
 * start the next.  => at splbio (interrupt, watchdog, or a poll).
 */
static void
wddone(struct wdc_xfer *xfer)
{
	struct wd_softc *sc = (struct wd_softc *)xfer->c_arg;
	struct buf *bp = sc->sc_q.first();

	KASSERT(sc->sc_active && bp != nullptr);
	sc->sc_q.remove(bp);
	sc->sc_active = false;
	if (xfer->c_error != 0) {
		bp->b_flags |= B_ERROR;
		bp->b_error = xfer->c_error;
		/* XXX the sectors before the failing one did move. */
		bp->b_resid = bp->b_bcount;
	} else
		bp->b_resid = 0;
	biodone(bp);
	wdstart(sc);
}

/*
 * wd_rw: read or write nsect sectors at absolute sector blkno of disk
 * dv (a wd), to or from buf, and wait for it.
 * => process context, may sleep (in biowait).
 * => returns 0, or an errno (EIO when the drive failed or timed out).
 */
int
wd_rw(struct device *dv, daddr_t blkno, void *buf, size_t nsect, bool write)
{
	struct buf b = {};

	b.b_dev = makedev(WD_BMAJ, DISKMINOR(dv->dv_unit, RAW_PART));
	b.b_flags = write ? B_WRITE : B_READ;
	b.b_blkno = blkno;
	b.b_bcount = nsect * DEV_BSIZE;
	b.b_data = buf;
	wdstrategy(&b);
	return biowait(&b);
}

struct cfattach wd_ca = {
	sizeof(struct wd_softc), wdmatch, wdattach
};

struct cfdriver wd_cd = {
	nullptr, "wd", DV_DISK, 0, 0
};

/* wdopen: the unit must be attached and the partition exist. */
int
wdopen(dev_t dev, int, int, struct proc *)
{
	return wd_lookup(dev, nullptr) != nullptr ? 0 : ENXIO;
}

int
wdclose(dev_t, int, int, struct proc *)
{
	return 0;
}

/* wdsize: the partition's size in DEV_BSIZE blocks, or -1. */
int64_t
wdsize(dev_t dev)
{
	struct partition *p;

	return wd_lookup(dev, &p) != nullptr ? (int64_t)p->p_size : -1;
}
