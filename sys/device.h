/*
 * <sys/device.h>: autoconfiguration, autoconf(9).
 *
 * The kernel finds its hardware as a tree: mainbus at the root, buses
 * (isa, pci) below it, devices (com, wdc) on the buses, and devices on
 * devices (wd on wdc).  Which devices may exist where is described by
 * the kernel configuration, arch/i386/conf/GENERIC, from which
 * tools/config generates the table cfdata[] (obj/ioconf.cc): one entry
 * per configuration line, with the driver, the attachment, the locators
 * (port, irq, ...) and the entries its parent may be.  A bus driver calls
 * config_found() for each thing it sees; autoconf asks every cfdata entry
 * that may hang there whether its driver matches, attaches the best
 * match, and the new device in turn looks for its children.
 *
 * The structures keep OpenBSD's names and shape (struct device, cfdata,
 * cfattach, cfdriver).
 *
 * Locking: [I] immutable after attach; autoconf runs once at boot.
 */
#ifndef _SYS_DEVICE_H_
#define _SYS_DEVICE_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/queue.h>

enum devclass {
	DV_DULL,		/* generic, no special info */
	DV_CPU,			/* CPU (carries resource utilization) */
	DV_DISK,		/* disk drive (label, etc) */
	DV_IFNET,		/* network interface */
	DV_TAPE,		/* tape device */
	DV_TTY			/* serial line interface */
};

struct device {
	enum devclass	dv_class;	/* [I] this device's classification */
	tailq_entry<device> dv_list;	/* [I] on alldevs */
	struct cfdata	*dv_cfdata;	/* [I] the config data that found us */
	int		dv_unit;	/* [I] device unit number */
	char		dv_xname[16];	/* [I] external name (name + unit) */
	struct device	*dv_parent;	/* [I] pointer to parent device */
	int		dv_flags;	/* [I] DVF_* */
};

#define DVF_ACTIVE	0x0001		/* device is activated */

/* Return values of the print functions given to config_found(). */
#define QUIET	0
#define UNCONF	1
#define UNSUPP	2

typedef int (*cfmatch_t)(struct device *parent, void *cf, void *aux);
typedef int (*cfprint_t)(void *aux, const char *pnp);
typedef int (*cfsubmatch_t)(struct device *parent, void *cf, void *aux);

/* A driver's attachment to one kind of parent (com at isa: com_isa_ca). */
struct cfattach {
	size_t		ca_devsize;	/* size of the softc, struct device first */
	cfmatch_t	ca_match;	/* does it match? priority or 0 */
	void		(*ca_attach)(struct device *parent, struct device *self,
			    void *aux);
};

/* A driver: its name, class, and the softcs of its units. */
struct cfdriver {
	void		**cd_devs;	/* [I] softc of each unit, or null */
	const char	*cd_name;	/* [I] "com" */
	enum devclass	cd_class;	/* [I] DV_* */
	int		cd_indirect;	/* [I] matches get the cfdata, not aux */
	int		cd_ndevs;	/* [I] size of cd_devs */
};

/* One line of the kernel configuration. */
struct cfdata {
	const struct cfattach *cf_attach;	/* [I] the attachment */
	struct cfdriver	*cf_driver;	/* [I] the driver */
	short		cf_unit;	/* [I] unit; the next for a star */
	short		cf_fstate;	/* FSTATE_* */
	const long	*cf_loc;	/* [I] locators: port, irq, ... */
	int		cf_flags;	/* [I] the "flags" of the line */
	const short	*cf_parents;	/* [I] cfdata indices, -1 ended */
	const char	*cf_locnames;	/* [I] "port irq", for messages */
};

#define FSTATE_NOTFOUND	0	/* has not been found */
#define FSTATE_FOUND	1	/* has been found */
#define FSTATE_STAR	2	/* duplicable ("com*") */

/* Locator value meaning "any" ("port ?"). */
#define LOC_WILDCARD	(-1L)

extern struct cfdata cfdata[];		/* obj/ioconf.cc */
extern const short cfroots[];		/* obj/ioconf.cc: -1 ended */
extern tailq_head<device, &device::dv_list> alldevs;

__BEGIN_DECLS
struct device *config_rootfound(const char *rootname, void *aux);
struct device *config_found_sm(struct device *parent, void *aux,
	    cfprint_t print, cfsubmatch_t submatch);
struct cfdata *config_search(cfmatch_t fn, struct device *parent,
	    void *aux);
struct device *config_attach(struct device *parent, void *match,
	    void *aux, cfprint_t print);
void	config_init(void);
bool	config_is_child(const struct cfdata *, const struct device *);
void	cpu_configure(void);
__END_DECLS

static inline struct device *
config_found(struct device *parent, void *aux, cfprint_t print)
{
	return config_found_sm(parent, aux, print, nullptr);
}

#endif /* !_SYS_DEVICE_H_ */
