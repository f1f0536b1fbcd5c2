/*
 * <dev/ic/wdcvar.h>: the ATA controller's interface to the drives on it.
 *
 * wdc(4) owns a channel's registers and moves the data; wd(4) knows what
 * a disk is (its size, its queue of bufs, its partitions).  Between them
 * goes a struct wdc_xfer: one command's worth of work (which drive, which
 * sectors, where in memory, which way), queued on the channel because
 * the two drives of a channel share its registers and so take turns.
 * The xfer at the head of sc_xferq is the one the channel is running;
 * when it ends, wdc calls its c_done and starts the next.
 * Mirrors OpenBSD's sys/dev/ic/wdcvar.h and sys/dev/ata/atavar.h
 * (struct wdc_xfer, struct ata_attach_args), reduced to one channel per
 * controller and PIO.
 *
 * Locking: [I] immutable after attach; [B] at splbio.
 */
#ifndef _DEV_IC_WDCVAR_H_
#define _DEV_IC_WDCVAR_H_

#include <sys/device.h>
#include <sys/queue.h>
#include <sys/timeout.h>

struct wdc_xfer {
	tailq_entry<wdc_xfer> c_list;	/* [B] on sc_xferq */
	int		c_drive;	/* [B] 0 master, 1 slave */
	int		c_flags;	/* [B] C_* below */
	u_int64_t	c_blkno;	/* [B] next sector to move */
	char		*c_data;	/* [B] where it goes or comes from */
	long		c_bcount;	/* [B] bytes left in the xfer */
	int		c_multi;	/* [B] sectors per DRQ block */
	int		c_nblks;	/* [B] sectors left in this command */
	int		c_error;	/* [B] errno when it failed */
	void		(*c_done)(struct wdc_xfer *);	/* [B] at splbio */
	void		*c_arg;		/* [B] for c_done (the wd softc) */
};

#define C_READ		0x01	/* disk to memory (else a write) */
#define C_POLL		0x02	/* busy-wait, no interrupts (boot) */
#define C_LBA48		0x04	/* use the 48-bit commands */
#define C_MULTI		0x08	/* READ/WRITE MULTIPLE (c_multi > 1) */
#define C_DONE		0x10	/* finished; c_done has been called */

struct wdc_softc {
	struct device	sc_dev;
	int		sc_iobase;	/* [I] command block */
	int		sc_ctlbase;	/* [I] control block */
	int		sc_flags;	/* [B] WDCF_* below */
	void		*sc_ih;		/* [I] interrupt handler */
	struct timeout	sc_timo;	/* [B] the watchdog of a command */
	tailq_head<wdc_xfer, &wdc_xfer::c_list> sc_xferq; /* [B] head runs */
	u_int16_t	sc_params[2][256]; /* [I] IDENTIFY of each drive */
};

#define WDCF_POLLING	0x01	/* no interrupt yet: every xfer polls */

/* What wdc tells wd's match and attach functions. */
struct ata_attach_args {
	int		aa_channel;	/* always 0: one channel per wdc */
	int		aa_drive;	/* 0 or 1 */
	const u_int16_t	*aa_params;	/* its IDENTIFY answer */
};

/* The controller's locators (conf/files: wdc {channel, drive}). */
#define WDCCF_CHANNEL	0
#define WDCCF_DRIVE	1

#define WDC_TIMEOUT_SEC	5	/* a command that takes longer has failed */

__BEGIN_DECLS
int	wdcprobe(int iobase, int ctlbase);
void	wdcattach(struct wdc_softc *sc);
int	wdcintr(void *arg);
void	wdc_exec_xfer(struct wdc_softc *sc, struct wdc_xfer *xfer);
void	wdc_intr_enable(struct wdc_softc *sc);
int	wdc_setmulti(struct wdc_softc *sc, int drive, int nsect);
__END_DECLS

#endif /* !_DEV_IC_WDCVAR_H_ */
