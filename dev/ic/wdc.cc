/*
 * wdc.cc: wdc(4), the ATA disk controller, in PIO mode.
 *
 * A channel runs one command at a time.  wd(4) hands it a struct
 * wdc_xfer (dev/ic/wdcvar.h); wdc_exec_xfer queues it and, if the
 * channel is idle, wdcstart() loads the task file (drive, sector
 * address, count) and writes the command.  From then on the drive
 * drives: for a read it raises IRQ 14 each time a block of sectors sits
 * in its buffer, and wdcintr() copies the block out of the data register
 * with insw; for a write wdcstart() waits for the drive to ask for the
 * first block (DRQ) and sends it with outsw, and each interrupt after
 * that says a block was written and the next may be sent.  When the
 * last sector of the command has moved, the xfer either continues with
 * its next command (one command moves at most WDC_MAXSECT sectors) or
 * ends: wdc_done() starts the next xfer on the queue and calls the
 * ended one's c_done, which is wd's wddone (and so biodone).
 *
 * Nothing here may wait forever on a drive that is not there or has
 * died.  Every busy-wait is bounded (wdc_wait), and every command arms
 * a timeout(9) watchdog of WDC_TIMEOUT_SEC: if the interrupt never
 * comes, wdctimeout() resets the channel and ends the xfer with EIO.
 *
 * At boot, before the interrupt handler is established, the channel is
 * in polling mode (WDCF_POLLING, with nIEN set so the drives stay
 * quiet): IDENTIFY, SET MULTIPLE and wd's reading of the MBR busy-wait
 * on the status register and call the same step function the interrupt
 * handler does.  OpenBSD does the same while `cold' (AT_POLL).
 *
 * Mirrors OpenBSD's sys/dev/ic/wdc.c and sys/dev/ata/ata_wdc.c,
 * reduced: one channel per controller, PIO only, no ATAPI, no DMA.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/device.h>
#include <sys/errno.h>
#include <dev/ata/atareg.h>
#include <dev/ic/wdcvar.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>

#define WDC_MAXSECT	128	/* sectors per command (fits LBA28's 256) */

/*
 * insw/outsw: move count 16-bit words between port and memory with the
 * string instructions.  <machine/cpufunc.h> does not have them yet; they
 * belong there (OpenBSD's i386 cpufunc.h and bus_space insw/outsw).
 */
static inline void
wdc_insw(u_int port, void *addr, int count)
{
	__asm volatile("cld; rep insw"
	    : "+D"(addr), "+c"(count) : "d"(port) : "memory");
}

static inline void
wdc_outsw(u_int port, const void *addr, int count)
{
	__asm volatile("cld; rep outsw"
	    : "+S"(addr), "+c"(count) : "d"(port) : "memory");
}

static void	wdcstart(struct wdc_softc *sc);
static void	wdctimeout(void *arg);

/*
 * wdc_wait: busy-wait until the alternate status shows BSY clear and
 * all of the bits in mask set, for at most usec microseconds.
 * => any context; reads the alternate status, which does not clear a
 *    pending interrupt.
 * => returns the last status, or -1 on timeout.
 */
static int
wdc_wait(struct wdc_softc *sc, int mask, int usec)
{
	int st;

	for (int t = 0; t <= usec; t += 10) {
		st = inb(sc->sc_ctlbase + wd_aux_altsts);
		/* 0xff: nothing drives the bus (no controller, no drive). */
		if (st == 0xff)
			return -1;
		if ((st & WDCS_BSY) == 0 &&
		    ((st & mask) == mask || (st & WDCS_ERR)))
			return st;
		delay(10);
	}
	return -1;
}

/*
 * wdc_select: make drive the target of the next command.  The drive
 * needs 400 ns to answer; four reads of the alternate status take that.
 */
static void
wdc_select(struct wdc_softc *sc, int drive, int head)
{
	outb(sc->sc_iobase + wd_sdh, WDSD_IBM | WDSD_LBA | (drive << 4) | head);
	for (int i = 0; i < 4; i++)
		(void)inb(sc->sc_ctlbase + wd_aux_altsts);
}

/*
 * wdcprobe: is there an ATA channel at iobase?  Writes two task file
 * registers and reads them back: real registers keep the values, an
 * empty port floats to 0xff (and QEMU's channel without drives reads 0).
 * => boot time; touches only the channel's registers.
 */
int
wdcprobe(int iobase, int ctlbase)
{
	outb(iobase + wd_sdh, WDSD_IBM);
	if (inb(iobase + wd_status) == 0xff)
		return 0;
	outb(iobase + wd_seccnt, 0x55);
	outb(iobase + wd_sector, 0xaa);
	if (inb(iobase + wd_seccnt) != 0x55 || inb(iobase + wd_sector) != 0xaa)
		return 0;
	outb(iobase + wd_seccnt, 0xaa);
	outb(iobase + wd_sector, 0x55);
	if (inb(iobase + wd_seccnt) != 0xaa || inb(iobase + wd_sector) != 0x55)
		return 0;
	return 1;
}

/*
 * wdc_reset: software reset of both drives; leaves nIEN as the channel's
 * mode wants it.  => at splbio or boot; bounded (about 1 s).
 */
static void
wdc_reset(struct wdc_softc *sc)
{
	int ctl = WDCTL_4BIT | ((sc->sc_flags & WDCF_POLLING) ? WDCTL_IDS : 0);

	outb(sc->sc_ctlbase + wd_aux_ctlr, ctl | WDCTL_RST);
	delay(10);
	outb(sc->sc_ctlbase + wd_aux_ctlr, ctl);
	delay(2000);
	(void)wdc_wait(sc, 0, 1000000);
}

/* wdc_is_atapi: does the selected drive show the ATAPI signature? */
static bool
wdc_is_atapi(struct wdc_softc *sc)
{
	return inb(sc->sc_iobase + wd_cyl_lo) == 0x14 &&
	    inb(sc->sc_iobase + wd_cyl_hi) == 0xeb;
}

/*
 * wdc_identify: IDENTIFY DEVICE on drive, polled, into params.
 * => boot time (polling mode); bounded.
 * => returns 0, ENODEV for an ATAPI device, ENXIO if nothing answers.
 */
static int
wdc_identify(struct wdc_softc *sc, int drive, u_int16_t *params)
{
	wdc_select(sc, drive, 0);
	/*
	 * After a reset an ATAPI device (a CD-ROM) leaves its signature,
	 * 0xeb14, in the cylinder registers, and may leave DRDY clear.
	 */
	if (wdc_is_atapi(sc))
		return ENODEV;
	/* An absent drive's status reads 0 (or 0xff with nothing at all). */
	int st = inb(sc->sc_iobase + wd_status);
	if (st == 0 || st == 0xff)
		return ENXIO;
	if (wdc_wait(sc, WDCS_DRDY, 1000000) < 0)
		return ENXIO;
	outb(sc->sc_iobase + wd_command, WDCC_IDENTIFY);
	delay(1);
	st = wdc_wait(sc, WDCS_DRQ, 1000000);
	/* An ATAPI device aborts IDENTIFY DEVICE, leaving its signature. */
	if (st >= 0 && (st & WDCS_ERR) && wdc_is_atapi(sc))
		return ENODEV;
	if (st < 0 || (st & WDCS_ERR) || (st & WDCS_DRQ) == 0)
		return ENXIO;
	(void)inb(sc->sc_iobase + wd_status);
	wdc_insw(sc->sc_iobase + wd_data, params, 256);
	return 0;
}

/*
 * wdc_setmulti: SET MULTIPLE MODE, so that READ/WRITE MULTIPLE move
 * nsect sectors per interrupt.
 * => boot time (polling mode); returns 0 or EIO.
 */
int
wdc_setmulti(struct wdc_softc *sc, int drive, int nsect)
{
	KASSERT(sc->sc_flags & WDCF_POLLING);
	wdc_select(sc, drive, 0);
	outb(sc->sc_iobase + wd_seccnt, nsect);
	outb(sc->sc_iobase + wd_command, WDCC_SETMULTI);
	delay(1);
	int st = wdc_wait(sc, WDCS_DRDY, 1000000);
	(void)inb(sc->sc_iobase + wd_status);
	return (st < 0 || (st & (WDCS_ERR | WDCS_DWF))) ? EIO : 0;
}

static int
wdcprint(void *aux, const char *pnp)
{
	struct ata_attach_args *aa = (struct ata_attach_args *)aux;

	if (pnp != nullptr)
		printf("drive at %s", pnp);
	printf(" channel %d drive %d", aa->aa_channel, aa->aa_drive);
	return UNCONF;
}

/*
 * wdcattach: the bus glue found a channel: reset it, IDENTIFY both
 * drives, attach wd(4) to each ATA disk.  Absent drives are reported
 * and skipped.  The channel stays in polling mode; the bus glue
 * establishes the interrupt afterwards and calls wdc_intr_enable(),
 * which clears WDCF_POLLING (see dev/isa/wdc_isa.cc).
 * => boot time, process context.
 */
void
wdcattach(struct wdc_softc *sc)
{
	sc->sc_xferq.init();
	timeout_set(&sc->sc_timo, wdctimeout, sc);
	sc->sc_flags |= WDCF_POLLING;
	wdc_reset(sc);

	for (int drive = 0; drive < 2; drive++) {
		int error = wdc_identify(sc, drive, sc->sc_params[drive]);
		if (error == ENODEV) {
			/* XXX atapiscsi(4) would attach here. */
			printf("%s: drive %d is ATAPI, not supported\n",
			    sc->sc_dev.dv_xname, drive);
			continue;
		}
		if (error != 0) {
			printf("%s: no disk at drive %d\n", sc->sc_dev.dv_xname,
			    drive);
			continue;
		}
		struct ata_attach_args aa = { 0, drive, sc->sc_params[drive] };
		(void)config_found(&sc->sc_dev, &aa, wdcprint);
	}
}

/*
 * wdc_xfer_block: move one DRQ block (up to c_multi sectors) of the
 * current command between the data register and memory.
 */
static void
wdc_xfer_block(struct wdc_softc *sc, struct wdc_xfer *xfer)
{
	int n = MIN(xfer->c_multi, xfer->c_nblks);

	if (xfer->c_flags & C_READ)
		wdc_insw(sc->sc_iobase + wd_data, xfer->c_data, n * 256);
	else
		wdc_outsw(sc->sc_iobase + wd_data, xfer->c_data, n * 256);
	xfer->c_data += n * DEV_BSIZE;
	xfer->c_bcount -= n * DEV_BSIZE;
	xfer->c_blkno += n;
	xfer->c_nblks -= n;
}

/*
 * wdc_done: xfer is over (c_error says how): take it off the channel,
 * tell its owner, start the next.
 * => at splbio.
 */
static void
wdc_done(struct wdc_softc *sc, struct wdc_xfer *xfer)
{
	splassert(IPL_BIO);
	timeout_del(&sc->sc_timo);
	sc->sc_xferq.remove(xfer);
	xfer->c_flags |= C_DONE;
	/*
	 * The next xfer starts before c_done runs: c_done may queue a new
	 * one, which wdc_exec_xfer starts itself only on an idle channel.
	 */
	if (!sc->sc_xferq.empty())
		wdcstart(sc);
	(*xfer->c_done)(xfer);
}

/*
 * wdc_fail: end the running xfer with error, after resetting the
 * channel so that the next command finds the drives idle.
 */
static void
wdc_fail(struct wdc_softc *sc, struct wdc_xfer *xfer, int error)
{
	xfer->c_error = error;
	wdc_reset(sc);
	wdc_done(sc, xfer);
}

/*
 * wdc_cmd: issue the next command of xfer: up to WDC_MAXSECT sectors
 * from c_blkno.  A write also sends its first block here, since the
 * drive asks for it with DRQ and no interrupt.
 * => at splbio; the channel is idle.
 * => returns 0, or EIO if the drive never became ready.
 */
static int
wdc_cmd(struct wdc_softc *sc, struct wdc_xfer *xfer)
{
	int io = sc->sc_iobase;
	bool rd = xfer->c_flags & C_READ, multi = xfer->c_flags & C_MULTI;
	u_int64_t blk = xfer->c_blkno;
	int cmd;

	xfer->c_nblks = MIN(xfer->c_bcount / DEV_BSIZE, WDC_MAXSECT);
	wdc_select(sc, xfer->c_drive,
	    (xfer->c_flags & C_LBA48) ? 0 : (int)(blk >> 24) & 0x0f);
	if (wdc_wait(sc, WDCS_DRDY, 100000) < 0)
		return EIO;
	if (xfer->c_flags & C_LBA48) {
		/* Each register is a two-deep FIFO: high bytes first. */
		outb(io + wd_seccnt, xfer->c_nblks >> 8);
		outb(io + wd_sector, blk >> 24);
		outb(io + wd_cyl_lo, blk >> 32);
		outb(io + wd_cyl_hi, blk >> 40);
		cmd = rd ? (multi ? WDCC_READMULTI_EXT : WDCC_READ_EXT) :
		    (multi ? WDCC_WRITEMULTI_EXT : WDCC_WRITE_EXT);
	} else
		cmd = rd ? (multi ? WDCC_READMULTI : WDCC_READ) :
		    (multi ? WDCC_WRITEMULTI : WDCC_WRITE);
	outb(io + wd_seccnt, xfer->c_nblks & 0xff);
	outb(io + wd_sector, blk);
	outb(io + wd_cyl_lo, blk >> 8);
	outb(io + wd_cyl_hi, blk >> 16);
	if ((xfer->c_flags & C_POLL) == 0)
		timeout_add_sec(&sc->sc_timo, WDC_TIMEOUT_SEC);
	outb(io + wd_command, cmd);
	if (!rd) {
		int st = wdc_wait(sc, WDCS_DRQ, 1000000);
		if (st < 0 || (st & (WDCS_ERR | WDCS_DWF)) ||
		    (st & WDCS_DRQ) == 0)
			return EIO;
		wdc_xfer_block(sc, xfer);
	}
	return 0;
}

/*
 * wdc_step: the drive has finished a step of the running xfer (it
 * interrupted, or a poll saw BSY clear): check its status, move the next
 * block, and end the command or the xfer.
 * => at splbio.
 * => returns 1 if the interrupt was the channel's, 0 if the drive is
 *    still busy (a shared or stray interrupt).
 */
static int
wdc_step(struct wdc_softc *sc, struct wdc_xfer *xfer)
{
	/* Reading wd_status, not the alternate, acknowledges the IRQ. */
	int st = inb(sc->sc_iobase + wd_status);

	if (st & WDCS_BSY)
		return 0;
	if (st & (WDCS_ERR | WDCS_DWF)) {
		printf("%s: drive %d error, status 0x%x error 0x%x\n",
		    sc->sc_dev.dv_xname, xfer->c_drive, st,
		    inb(sc->sc_iobase + wd_error));
		wdc_fail(sc, xfer, EIO);
		return 1;
	}
	if (xfer->c_nblks > 0) {
		/* A read's next block has arrived, or a write's is wanted. */
		if ((st & WDCS_DRQ) == 0) {
			wdc_fail(sc, xfer, EIO);
			return 1;
		}
		wdc_xfer_block(sc, xfer);
		/* A read's last block ends the command; a write waits. */
		if (!(xfer->c_flags & C_READ) || xfer->c_nblks > 0)
			return 1;
	}
	timeout_del(&sc->sc_timo);
	if (xfer->c_bcount == 0) {
		wdc_done(sc, xfer);
		return 1;
	}
	if (wdc_cmd(sc, xfer) != 0)
		wdc_fail(sc, xfer, EIO);
	return 1;
}

/* wdcstart: start the xfer at the head of the queue.  => at splbio. */
static void
wdcstart(struct wdc_softc *sc)
{
	struct wdc_xfer *xfer = sc->sc_xferq.first();

	if (wdc_cmd(sc, xfer) != 0)
		wdc_fail(sc, xfer, EIO);
}

/*
 * wdc_poll: run the polled xfer at the head of the queue to its end,
 * waiting on the status register at most WDC_TIMEOUT_SEC per step.
 * => at splbio, polling mode.
 */
static void
wdc_poll(struct wdc_softc *sc, struct wdc_xfer *xfer)
{
	while ((xfer->c_flags & C_DONE) == 0) {
		/* The drive sets BSY within 400 ns of a command or block. */
		(void)inb(sc->sc_ctlbase + wd_aux_altsts);
		if (wdc_wait(sc, 0, WDC_TIMEOUT_SEC * 1000000) < 0) {
			printf("%s: drive %d timeout (polled)\n",
			    sc->sc_dev.dv_xname, xfer->c_drive);
			wdc_fail(sc, xfer, EIO);
			break;
		}
		(void)wdc_step(sc, xfer);
	}
}

/*
 * wdc_exec_xfer: queue xfer on the channel and start it if the channel
 * is idle.  A C_POLL xfer is run to its end before this returns (and so
 * may only be queued on an idle channel in polling mode).
 * => any context; does not sleep.  xfer->c_done is called at splbio,
 *    from the interrupt handler, the watchdog, or (C_POLL) from here.
 */
void
wdc_exec_xfer(struct wdc_softc *sc, struct wdc_xfer *xfer)
{
	int s = splbio();

	xfer->c_flags &= ~C_DONE;
	xfer->c_error = 0;
	sc->sc_xferq.insert_tail(xfer);
	if (sc->sc_xferq.first() == xfer)
		wdcstart(sc);
	if (xfer->c_flags & C_POLL) {
		KASSERT(sc->sc_flags & WDCF_POLLING);
		wdc_poll(sc, xfer);
	}
	splx(s);
}

/*
 * wdcintr: IRQ 14 (or 15): a drive has finished a step.
 * => interrupt context, IPL_BIO.  Returns 1 if it was ours.
 */
int
wdcintr(void *arg)
{
	struct wdc_softc *sc = (struct wdc_softc *)arg;
	struct wdc_xfer *xfer = sc->sc_xferq.first();

	if (xfer == nullptr || (sc->sc_flags & WDCF_POLLING)) {
		/* Nothing running: acknowledge and call it stray. */
		(void)inb(sc->sc_iobase + wd_status);
		return 0;
	}
	return wdc_step(sc, xfer);
}

/*
 * wdctimeout: the watchdog: the running command did not finish in
 * WDC_TIMEOUT_SEC.  Reset the channel and fail the xfer with EIO.
 * => softclock (IPL_SOFTCLOCK); raises to splbio.
 */
static void
wdctimeout(void *arg)
{
	struct wdc_softc *sc = (struct wdc_softc *)arg;
	int s = splbio();
	struct wdc_xfer *xfer = sc->sc_xferq.first();

	/* The interrupt may have won the race to splbio. */
	if (xfer != nullptr && !timeout_pending(&sc->sc_timo)) {
		printf("%s: drive %d timeout, blkno %llu\n",
		    sc->sc_dev.dv_xname, xfer->c_drive,
		    (unsigned long long)xfer->c_blkno);
		wdc_fail(sc, xfer, EIO);
	}
	splx(s);
}

/*
 * wdc_intr_enable: the interrupt handler is established: leave polling
 * mode and let the drives interrupt.
 * => boot time, after the last polled xfer.
 */
void
wdc_intr_enable(struct wdc_softc *sc)
{
	int s = splbio();

	KASSERT(sc->sc_xferq.empty());
	sc->sc_flags &= ~WDCF_POLLING;
	outb(sc->sc_ctlbase + wd_aux_ctlr, WDCTL_4BIT);
	/* Drop any interrupt the drives latched while they were quiet. */
	(void)inb(sc->sc_iobase + wd_status);
	splx(s);
}
