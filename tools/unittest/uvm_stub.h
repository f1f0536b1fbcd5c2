/*
 * uvm_stub.h: controls of the host stand-in for uvm_km (uvm_stub.cc).
 */
#ifndef UVM_STUB_H
#define UVM_STUB_H

#include <cstddef>

void	uvm_stub_reset(void);		/* all pages free, no limit */
void	uvm_stub_set_limit(size_t pages); /* at most this many in use */
size_t	uvm_stub_pages_in_use(void);

#endif
