/*
 * uvm_init.cc: start the virtual memory system.
 *
 * init386() has already called pmap_bootstrap() and described physical
 * memory with uvm_page_physload().  uvm_init(), first thing in main(),
 * builds the page arrays and free lists (uvm_page_init), then kernel_map
 * over the kernel virtual addresses left (uvm_km_init), then lets the
 * pmap create its pools (pmap_init), then the pools of user map
 * entries, amaps and anons (uvm_map_init, amap_init, uvm_anon_init)
 * and the vnode pager's list (uvn_init).  malloc(9) is started next, by
 * kmeminit().  Mirrors OpenBSD's sys/uvm/uvm_init.c.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_amap.h>
#include <uvm/uvm_object.h>
#include <machine/pmap.h>

void
uvm_init(void)
{
	vaddr_t kvm_start, kvm_end;

	uvm_page_init(&kvm_start, &kvm_end);
	uvm_km_init(kvm_start, kvm_end);
	pmap_init();
	uvm_map_init();
	amap_init();
	uvm_anon_init();
	uvn_init();
}
