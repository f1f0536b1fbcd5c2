/*
 * subr_autoconf.cc: autoconf(9), finding and attaching devices.
 *
 * cpu_configure() calls config_rootfound("mainbus").  Every driver's
 * attach function then looks for its children: a bus that can enumerate
 * (pci) calls config_found() for each thing it sees, one that cannot
 * (isa) walks the configuration entries that may hang below it and asks
 * each driver's match function to probe.  config_search() asks every
 * candidate entry (one whose parent vector names the parent's entry)
 * and keeps the highest non-zero match; config_attach() allocates the
 * device's softc, names it (driver name + unit), prints the attach line
 * "com0 at isa0 port 0x3f8/8 irq 4" and calls the driver's attach, which
 * finishes the line (": ns16550a, 16 byte fifo").  A thing nothing
 * matches is reported by the parent's print function as "not
 * configured" and skipped.
 * Mirrors OpenBSD's sys/kern/subr_autoconf.c, without detach.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <sys/malloc.h>

tailq_head<device, &device::dv_list> alldevs;

void
config_init(void)
{
	alldevs.init();
}

/*
 * config_is_child: may cf hang below parent (is parent's entry in cf's
 * parent vector)?  Also for buses that walk cfdata themselves (isa).
 */
bool
config_is_child(const struct cfdata *cf, const struct device *parent)
{
	if (cf->cf_parents == nullptr)
		return false;
	for (const short *p = cf->cf_parents; *p >= 0; p++)
		if (&cfdata[*p] == parent->dv_cfdata)
			return true;
	return false;
}

/*
 * config_search: the best entry below parent that matches aux: fn (or
 * each entry's own match function) gives a priority, 0 for no match.
 * Returns null if nothing matched.
 */
struct cfdata *
config_search(cfmatch_t fn, struct device *parent, void *aux)
{
	struct cfdata *best = nullptr;
	int bestpri = 0;

	for (struct cfdata *cf = cfdata; cf->cf_driver != nullptr; cf++) {
		if (cf->cf_fstate == FSTATE_FOUND || !config_is_child(cf, parent))
			continue;
		int pri = (fn != nullptr) ? (*fn)(parent, cf, aux) :
		    (*cf->cf_attach->ca_match)(parent, cf, aux);
		if (pri > bestpri) {
			best = cf;
			bestpri = pri;
		}
	}
	return best;
}

/* config_rootfound: attach the root device (mainbus). */
struct device *
config_rootfound(const char *rootname, void *aux)
{
	for (const short *r = cfroots; *r >= 0; r++) {
		struct cfdata *cf = &cfdata[*r];
		if (strcmp(cf->cf_driver->cd_name, rootname) == 0 &&
		    (*cf->cf_attach->ca_match)(nullptr, cf, aux) > 0)
			return config_attach(nullptr, cf, aux, nullptr);
	}
	printf("root device %s not configured\n", rootname);
	return nullptr;
}

/*
 * config_found_sm: a parent found something described by aux: attach the
 * best match, or report it with print as not configured.
 */
struct device *
config_found_sm(struct device *parent, void *aux, cfprint_t print,
    cfsubmatch_t submatch)
{
	struct cfdata *cf = config_search(submatch, parent, aux);

	if (cf != nullptr)
		return config_attach(parent, cf, aux, print);
	if (print != nullptr) {
		if ((*print)(aux, parent->dv_xname) == UNCONF)
			printf(" not configured\n");
		else
			printf("\n");
	}
	return nullptr;
}

/*
 * config_attach: create the device of entry cf below parent: softc,
 * unit, name; print the start of its attach line and call its attach.
 * => boot time, process context; may not fail (memory is plentiful
 *    then, and M_WAITOK panics if not).
 */
struct device *
config_attach(struct device *parent, void *match, void *aux, cfprint_t print)
{
	struct cfdata *cf = (struct cfdata *)match;
	struct cfdriver *cd = cf->cf_driver;
	const struct cfattach *ca = cf->cf_attach;
	int unit = cf->cf_unit;

	KASSERT(ca->ca_devsize >= sizeof(struct device));
	if (cf->cf_fstate == FSTATE_STAR)
		cf->cf_unit++;		/* the next one gets the next unit */
	else
		cf->cf_fstate = FSTATE_FOUND;

	struct device *dev = (struct device *)malloc(ca->ca_devsize,
	    M_DEVBUF, M_WAITOK | M_ZERO);
	dev->dv_class = cd->cd_class;
	dev->dv_cfdata = cf;
	dev->dv_unit = unit;
	dev->dv_parent = parent;
	dev->dv_flags = DVF_ACTIVE;
	snprintf(dev->dv_xname, sizeof(dev->dv_xname), "%s%d", cd->cd_name,
	    unit);

	/* Grow the driver's unit table to hold this unit. */
	if (unit >= cd->cd_ndevs) {
		int n = MAX(unit + 1, cd->cd_ndevs * 2);
		void **devs = (void **)malloc(n * sizeof(void *), M_DEVBUF,
		    M_WAITOK | M_ZERO);
		if (cd->cd_devs != nullptr) {
			memcpy(devs, cd->cd_devs, cd->cd_ndevs * sizeof(void *));
			free(cd->cd_devs, M_DEVBUF, cd->cd_ndevs *
			    sizeof(void *));
		}
		cd->cd_devs = devs;
		cd->cd_ndevs = n;
	}
	cd->cd_devs[unit] = dev;
	alldevs.insert_tail(dev);

	if (parent == nullptr)
		printf("%s at root", dev->dv_xname);
	else {
		printf("%s at %s", dev->dv_xname, parent->dv_xname);
		if (print != nullptr)
			(void)(*print)(aux, nullptr);
	}
	(*ca->ca_attach)(parent, dev, aux);
	return dev;
}
