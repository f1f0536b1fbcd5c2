/*
 * subr_autoconf_test.cc: the device tree is what QEMU's PC presents and
 * GENERIC configures: mainbus0 at the root, cpu0 and isa0 on it, com0 on
 * isa0 (the serial port every test run has).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <sys/ktest.h>

static struct device *
find_dev(const char *xname)
{
	for (struct device *dv : alldevs)
		if (strcmp(dv->dv_xname, xname) == 0)
			return dv;
	return nullptr;
}

static int
test_autoconf_tree(void)
{
	static const struct {
		const char *name, *parent;
	} want[] = {
		{ "mainbus0", nullptr },
		{ "cpu0", "mainbus0" },
		{ "isa0", "mainbus0" },
		{ "com0", "isa0" },
	};

	for (const auto &w : want) {
		struct device *dv = find_dev(w.name);
		if (dv == nullptr)
			return ktest_fail("%s not attached", w.name);
		const char *parent = dv->dv_parent ? dv->dv_parent->dv_xname :
		    nullptr;
		if ((parent == nullptr) != (w.parent == nullptr) ||
		    (parent != nullptr && strcmp(parent, w.parent) != 0))
			return ktest_fail("%s at %s, want at %s", w.name,
			    parent ? parent : "root", w.parent ? w.parent :
			    "root");
	}
	/* A configured unit whose hardware is absent is not attached. */
	for (struct device *dv : alldevs)
		if (dv->dv_cfdata == nullptr || dv->dv_cfdata->cf_driver ==
		    nullptr)
			return ktest_fail("%s has no configuration entry",
			    dv->dv_xname);
	return 0;
}
KTEST_DEFINE(autoconf_tree, test_autoconf_tree, 0);
