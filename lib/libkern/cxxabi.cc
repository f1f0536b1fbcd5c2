/*
 * cxxabi.cc: the few symbols the C++ compiler expects a runtime to supply.
 *
 * The kernel has no C++ standard library.  Built with -fno-exceptions,
 * -fno-rtti, -fno-threadsafe-statics and -fno-use-cxa-atexit, g++ still
 * needs:
 *  - __cxa_pure_virtual, called if a pure virtual function is somehow
 *    invoked (a half-constructed object): a kernel bug, so panic;
 *  - the sized and unsized operator delete, which every class with a
 *    virtual destructor references even if nothing is ever deleted; the
 *    kernel allocates with malloc(9)/pool(9), never with new/delete, so
 *    reaching one is a bug too;
 *  - __dso_handle, which static destructors would be registered against;
 *    the kernel never exits, so they never run.
 * Global constructors are run by init386() from the linker's
 * __init_array_start..__init_array_end table (see run_constructors()).
 */
#include <sys/types.h>
#include <sys/systm.h>

extern "C" void
__cxa_pure_virtual(void)
{
	panic("pure virtual function called");
}

void
operator delete(void *)
{
	panic("operator delete called: use free(9)");
}

void
operator delete(void *, size_t)
{
	panic("operator delete called: use free(9)");
}

extern "C" {
void *__dso_handle = nullptr;
}
