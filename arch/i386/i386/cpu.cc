/*
 * cpu.cc: the CPU as a device: "cpu0 at mainbus0", then identifycpu()'s
 * two lines (identcpu.cc).  One CPU: no others to start.  Mirrors
 * OpenBSD's arch/i386/i386/cpu.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/device.h>
#include <machine/cpu.h>
#include <machine/mainbus.h>

struct cpu_softc {
	struct device	sc_dev;
	struct cpu_info	*sc_info;
};

static int
cpu_match(struct device *, void *, void *aux)
{
	struct mainbus_attach_args *mba = (struct mainbus_attach_args *)aux;

	return strcmp(mba->mba_busname, "cpu") == 0;
}

static void
cpu_attach(struct device *, struct device *self, void *)
{
	struct cpu_softc *sc = (struct cpu_softc *)self;

	sc->sc_info = curcpu();
	printf(": (uniprocessor)\n");
	identifycpu(sc->sc_info);
}

struct cfattach cpu_ca = {
	sizeof(struct cpu_softc), cpu_match, cpu_attach
};

struct cfdriver cpu_cd = {
	nullptr, "cpu", DV_CPU, 0, 0
};
