# Makefile: the one entry point.
#
#   make            build the kernel, obj/bsd (ELF, debug info, symbols),
#                   the boot blocks (obj/boot: mbr, biosboot, boot) and
#                   the system disk obj/disk.img (tools/mkdisk)
#   make iso        a GRUB multiboot CD image, obj/bsd.iso
#   make qemu       build and boot in QEMU, serial console on this terminal,
#                   with obj/disk.img as wd0 (the root file system)
#                   MEM=<MiB> memory (default 256); BOOT=disk (default:
#                   through the BIOS, mbr -> biosboot -> boot(8)),
#                   BOOT=grub (the ISO) or BOOT=kernel (QEMU loads obj/bsd
#                   itself); ARGS="-d" boot arguments (BOOT=kernel; at
#                   boot(8)'s prompt: boot -d); DISPLAY_QEMU=gtk a window
#   make qemu-gdb   the same, halted, waiting for gdb (port in obj/gdb.port)
#   make gdb        attach gdb to it, with the kernel's symbols
#   make check      every test; ends with "N passed, N failed"
#   make bench      the micro-benchmarks, deterministic under QEMU -icount
#   make compile_commands.json   for clangd and other editors
#   make clean
#
# The first thing every target does is tools/deps.sh, which installs any
# missing Debian package (cross compiler, NASM, QEMU, GRUB, ...).
#
# The kernel is linked twice: obj/bsd.0 with an empty symbol table, then
# obj/bsd with the table made from obj/bsd.0's symbols (tools/ksyms.py),
# so that backtraces can name functions; the build checks that the second
# link moved nothing.

.DEFAULT_GOAL := all

CROSS	?= i686-linux-gnu-
CXX	:= $(CROSS)g++
NM	:= $(CROSS)nm
OBJCOPY	:= $(CROSS)objcopy
NASM	?= nasm
QEMU	?= qemu-system-i386
PYTHON	?= python3
O	:= obj

MEM	?= 256
BOOT	?= disk
ARGS	?=
DISPLAY_QEMU ?= none

# The kernel's sources; one subsystem per file, named as in OpenBSD.
# The drivers of configured devices are not listed here: tools/config
# finds them from the "file" lines of conf/files and files.i386 and the
# devices GENERIC configures, and writes them into $(O)/files.mk.
KERN_ASM := \
	arch/i386/i386/copyloops.asm \
	arch/i386/i386/locore.asm \
	arch/i386/i386/swtch.asm \
	arch/i386/i386/vector.asm
KERN_SRC := \
	arch/i386/i386/bootarg.cc \
	arch/i386/i386/clock.cc \
	arch/i386/i386/conf.cc \
	arch/i386/i386/copy.cc \
	arch/i386/i386/db_interface.cc \
	arch/i386/i386/db_trace.cc \
	arch/i386/i386/i8259.cc \
	arch/i386/i386/identcpu.cc \
	arch/i386/i386/intr.cc \
	arch/i386/i386/machdep.cc \
	arch/i386/i386/multiboot.cc \
	arch/i386/i386/pmap.cc \
	arch/i386/i386/pmap_pv.cc \
	arch/i386/i386/trap.cc \
	arch/i386/i386/vm_machdep.cc \
	arch/i386/pci/pci_machdep.cc \
	ddb/db_command.cc \
	ddb/db_sym.cc \
	dev/cons.cc \
	dev/ic/com.cc \
	dev/ic/vga.cc \
	dev/mem.cc \
	dev/rd.cc \
	kern/exec_elf.cc \
	kern/init_main.cc \
	kern/kern_clock.cc \
	kern/kern_descrip.cc \
	kern/kern_exec.cc \
	kern/kern_exit.cc \
	kern/kern_fork.cc \
	kern/kern_ktest.cc \
	kern/kern_kthread.cc \
	kern/kern_lock.cc \
	kern/kern_malloc.cc \
	kern/kern_proc.cc \
	kern/kern_prot.cc \
	kern/kern_resource.cc \
	kern/kern_rwlock.cc \
	kern/kern_sched.cc \
	kern/kern_sig.cc \
	kern/kern_subr.cc \
	kern/kern_synch.cc \
	kern/kern_sysctl.cc \
	kern/kern_time.cc \
	kern/kern_timeout.cc \
	kern/kern_ucred.cc \
	kern/kern_xxx.cc \
	kern/sched_bsd.cc \
	kern/subr_autoconf.cc \
	kern/subr_disk.cc \
	kern/subr_extent.cc \
	kern/subr_log.cc \
	kern/subr_pool.cc \
	kern/subr_prf.cc \
	kern/sys_generic.cc \
	kern/sys_pipe.cc \
	kern/tty.cc \
	kern/vfs_attr.cc \
	kern/vfs_bio.cc \
	kern/vfs_cache.cc \
	kern/vfs_default.cc \
	kern/vfs_getcwd.cc \
	kern/vfs_init.cc \
	kern/vfs_lookup.cc \
	kern/vfs_subr.cc \
	kern/vfs_syscalls.cc \
	kern/vfs_vnops.cc \
	kern/vfs_vops.cc \
	lib/libkern/cxxabi.cc \
	lib/libkern/memcpy.cc \
	lib/libkern/memset.cc \
	lib/libkern/strlen.cc \
	miscfs/deadfs/dead_vnops.cc \
	miscfs/specfs/spec_vnops.cc \
	ufs/ext2fs/ext2fs_alloc.cc \
	ufs/ext2fs/ext2fs_balloc.cc \
	ufs/ext2fs/ext2fs_bmap.cc \
	ufs/ext2fs/ext2fs_dirops.cc \
	ufs/ext2fs/ext2fs_inode.cc \
	ufs/ext2fs/ext2fs_lookup.cc \
	ufs/ext2fs/ext2fs_readwrite.cc \
	ufs/ext2fs/ext2fs_subr.cc \
	ufs/ext2fs/ext2fs_vfsops.cc \
	ufs/ext2fs/ext2fs_vnops.cc \
	ufs/ufs/ufs_ihash.cc \
	uvm/uvm_addr.cc \
	uvm/uvm_amap.cc \
	uvm/uvm_anon.cc \
	uvm/uvm_fault.cc \
	uvm/uvm_init.cc \
	uvm/uvm_km.cc \
	uvm/uvm_map.cc \
	uvm/uvm_meter.cc \
	uvm/uvm_mmap.cc \
	uvm/uvm_object.cc \
	uvm/uvm_page.cc \
	uvm/uvm_unix.cc \
	uvm/uvm_vmspace.cc \
	uvm/uvm_vnode.cc
# In-kernel tests (*_test.cc beside the code they test).
KERN_TEST := \
	arch/i386/i386/bootarg_test.cc \
	arch/i386/i386/clock_test.cc \
	arch/i386/i386/copy_test.cc \
	arch/i386/i386/intr_test.cc \
	arch/i386/i386/machdep_test.cc \
	arch/i386/i386/pmap_test.cc \
	arch/i386/i386/trap_test.cc \
	ddb/db_sym_test.cc \
	dev/ata/wd_test.cc \
	dev/isa/com_isa_test.cc \
	dev/mem_test.cc \
	dev/pci/pci_test.cc \
	dev/pckbc/pckbd_test.cc \
	dev/rd_test.cc \
	kern/kern_descrip_test.cc \
	kern/kern_lock_test.cc \
	kern/kern_malloc_test.cc \
	kern/kern_rwlock_test.cc \
	kern/kern_sig_test.cc \
	kern/kern_sysctl_test.cc \
	kern/kern_time_test.cc \
	kern/kern_timeout_test.cc \
	kern/sched_test.cc \
	kern/subr_autoconf_test.cc \
	kern/subr_extent_test.cc \
	kern/subr_pool_test.cc \
	kern/subr_prf_test.cc \
	kern/sys_pipe_test.cc \
	kern/vfs_bio_test.cc \
	kern/vfs_syscalls_test.cc \
	kern/vfs_test.cc \
	lib/libkern/cxxabi_test.cc \
	ufs/ext2fs/ext2fs_test.cc \
	uvm/uvm_fault_test.cc \
	uvm/uvm_km_test.cc \
	uvm/uvm_map_test.cc \
	uvm/uvm_mmap_test.cc \
	uvm/uvm_page_test.cc

# <machine/...> is arch/i386/include, through a symlink as in OpenBSD.
CPPFLAGS := -D_KERNEL -DDIAGNOSTIC -I. -I$(O)/include -I$(O)
CXXFLAGS := -std=c++20 -m32 -march=i686 -O2 -g \
	-ffreestanding -fno-exceptions -fno-rtti -nostdlib -fno-pic -fno-pie \
	-mgeneral-regs-only -fno-stack-protector -fno-omit-frame-pointer \
	-fno-threadsafe-statics -fno-use-cxa-atexit \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns \
	-Wall -Wextra -Wno-unused-parameter -Wno-format-extra-args
LDFLAGS := -m32 -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-T,arch/i386/conf/ld.script
NASMFLAGS := -f elf32 -g -F dwarf

# The system call tables, generated from kern/syscalls.master by
# tools/makesyscalls (tools/README.md) whenever either changes; a
# malformed line stops the build with its file and line number.  The
# stamp stands for all the outputs; the tool rewrites only files whose
# text changed.  The kernel links the table and the names.
$(O)/syscalls.stamp: kern/syscalls.master tools/makesyscalls
	@mkdir -p $(O)
	$(PYTHON) tools/makesyscalls -o $(O) kern/syscalls.master
	@touch $@
SYSCALL_GEN := $(O)/kern/init_sysent.cc $(O)/kern/syscalls.cc
$(SYSCALL_GEN): $(O)/syscalls.stamp
$(SYSCALL_GEN:.cc=.o): %.o: %.cc | $(O)/include/machine
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -MMD -MP -c $< -o $@

# The autoconfiguration table and the configured drivers' sources, from
# the kernel configuration (config(8)).  make reads files.mk, remaking it
# first when the configuration changed.
CONF_FILES := arch/i386/conf/GENERIC conf/files arch/i386/conf/files.i386
$(O)/ioconf.cc $(O)/files.mk: $(CONF_FILES) tools/config
	@mkdir -p $(O)
	@tools/deps.sh build
	$(PYTHON) tools/config -o $(O)/ioconf.cc -m $(O)/files.mk $(CONF_FILES)
include $(O)/files.mk

KERN_OBJ := $(KERN_ASM:%.asm=$(O)/%.o) $(KERN_SRC:%.cc=$(O)/%.o) \
	$(CONF_SRC:%.cc=$(O)/%.o) $(KERN_TEST:%.cc=$(O)/%.o) \
	$(SYSCALL_GEN:.cc=.o)
# The generated headers exist before anything that may include them.
$(KERN_OBJ): | $(O)/syscalls.stamp

.PHONY: all deps boot disk iso qemu qemu-gdb gdb check bench clean
all: $(O)/bsd $(O)/syscalls.stamp $(O)/disk.img libc

# Runs before anything else is built (order-only, so it never forces a
# rebuild); it is quick when nothing is missing.
deps:
	@tools/deps.sh build
$(KERN_OBJ) $(O)/include/machine: | deps

$(O)/include/machine:
	@mkdir -p $(O)/include
	ln -sfn ../../arch/i386/include $@

$(O)/%.o: %.cc | $(O)/include/machine
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -MMD -MP -c $< -o $@

$(O)/%.o: %.asm
	@mkdir -p $(@D)
	$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) -MP $< -o $@

$(O)/vers.cc: $(KERN_OBJ) tools/newvers.sh
	tools/newvers.sh $@

$(O)/ksyms0.cc: tools/ksyms.py
	$(PYTHON) tools/ksyms.py empty $@
$(O)/vers.o $(O)/ksyms0.o $(O)/ksyms.o $(O)/ioconf.o: | $(O)/include/machine

# First link: the symbol table is empty.
$(O)/bsd.0: $(KERN_OBJ) $(O)/ioconf.o $(O)/vers.o $(O)/ksyms0.o \
    arch/i386/conf/ld.script
	$(CXX) $(LDFLAGS) -o $@ $(KERN_OBJ) $(O)/ioconf.o $(O)/vers.o \
	    $(O)/ksyms0.o -lgcc

$(O)/ksyms.cc: $(O)/bsd.0 tools/ksyms.py
	$(PYTHON) tools/ksyms.py gen $(NM) $< $@

# Second link: with the table; nothing else may move.
$(O)/bsd: $(O)/bsd.0 $(O)/ksyms.o
	$(CXX) $(LDFLAGS) -o $@ $(KERN_OBJ) $(O)/ioconf.o $(O)/vers.o \
	    $(O)/ksyms.o -lgcc
	$(PYTHON) tools/ksyms.py verify $(NM) $(O)/bsd.0 $@

iso: $(O)/bsd.iso
$(O)/bsd.iso: $(O)/bsd tools/mkiso
	tools/mkiso $(O)/bsd $@ $(ARGS)

# The BIOS boot chain (boot/README.md): the mbr and biosboot are flat
# NASM binaries; boot(8) is C++ over lib/libsa, compiled like the kernel
# but for size and without _KERNEL, linked at 0x40000 and made a flat
# binary (boot.elf keeps the symbols for gdb).  The objects go under
# $(O)/boot/obj so that the kernel's and boot(8)'s builds of the shared
# files (lib/libkern, bootarg.cc) stay apart.
BOOT_ASM := boot/boot/srt0.asm
BOOT_SRC := \
	boot/boot/bioscons.cc \
	boot/boot/biosdev.cc \
	boot/boot/boot.cc \
	boot/boot/cmd.cc \
	boot/boot/exec_i386.cc \
	boot/boot/memprobe.cc \
	lib/libsa/alloc.cc \
	lib/libsa/ext2fs.cc \
	lib/libsa/getln.cc \
	lib/libsa/loadfile.cc \
	lib/libsa/open.cc \
	lib/libsa/printf.cc \
	lib/libsa/strerror.cc \
	lib/libkern/memcpy.cc \
	lib/libkern/memset.cc \
	lib/libkern/strlen.cc \
	arch/i386/i386/bootarg.cc
BOOT_OBJ := $(BOOT_ASM:%.asm=$(O)/boot/obj/%.o) \
	$(BOOT_SRC:%.cc=$(O)/boot/obj/%.o)
BOOT_CPPFLAGS := -D_STANDALONE -I. -I$(O)/include -Ilib/libsa
BOOT_CXXFLAGS := $(filter-out -O2,$(CXXFLAGS)) -Os
BOOT_LDFLAGS := -m32 -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,--no-warn-rwx-segments -Wl,-T,boot/boot/ld.script

boot: $(O)/boot/mbr $(O)/boot/biosboot $(O)/boot/boot
disk: $(O)/disk.img

$(BOOT_OBJ): | deps $(O)/include/machine

$(O)/boot/obj/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(BOOT_CPPFLAGS) $(BOOT_CXXFLAGS) -MMD -MP -c $< -o $@

$(O)/boot/obj/%.o: %.asm
	@mkdir -p $(@D)
	$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) -MP $< -o $@

$(O)/boot/mbr: boot/mbr/mbr.asm | deps
	@mkdir -p $(@D)
	$(NASM) -f bin -MD $@.d -MP $< -o $@

$(O)/boot/biosboot: boot/biosboot/biosboot.asm | deps
	@mkdir -p $(@D)
	$(NASM) -f bin -MD $@.d -MP $< -o $@

$(O)/boot/boot.elf: $(BOOT_OBJ) boot/boot/ld.script
	$(CXX) $(BOOT_LDFLAGS) -o $@ $(BOOT_OBJ) -lgcc

$(O)/boot/boot: $(O)/boot/boot.elf
	$(OBJCOPY) -O binary $< $@

# The system disk: tools/mkdisk makes the partition table and the ext2
# file system (with /bsd, /boot, /etc, /dev, and the trees named in
# DISK_EXTRA copied over them) and runs tools/installboot.  `make qemu'
# boots it and writes to it; the next build of the kernel makes it anew.
DISK_EXTRA ?=
$(O)/disk.img: $(O)/bsd $(O)/boot/mbr $(O)/boot/biosboot $(O)/boot/boot \
    tools/mkdisk tools/installboot
	$(PYTHON) tools/mkdisk -k $(O)/bsd -B $(O)/boot $@ $(O)/root \
	    $(LOCAL_DIR) $(DISK_EXTRA)

# QEMU as the tests run it, plus a console on this terminal: Ctrl-A X
# quits, Ctrl-A C switches to QEMU's monitor.  When standard input is not
# a terminal (a script pipes commands in) the serial line gets it alone:
# QEMU's monitor multiplexer would hold piped bytes back.  -no-reboot
# makes a reset (ddb's "boot reboot", or a triple fault) end QEMU.
# The machine is the one the tests boot (tools/testlib.py's BASE_ARGS):
# QEMU's pc with only the devices named here, so dmesg matches the tests'.
SERIAL := $(shell [ -t 0 ] && echo mon:stdio || echo stdio)
QEMUFLAGS := -nodefaults -machine pc -vga std \
	-m $(MEM) -serial $(SERIAL) -serial null -display $(DISPLAY_QEMU) \
	-no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04
# Every way boots with the system disk as wd0, the root file system.
QEMU_DISK := -drive file=$(O)/disk.img,format=raw,if=ide,index=0,media=disk
ifeq ($(BOOT),disk)
QEMU_BOOT_DEP := $(O)/disk.img
QEMU_BOOT := $(QEMU_DISK)
else ifeq ($(BOOT),grub)
QEMU_BOOT_DEP := $(O)/bsd.iso $(O)/disk.img
QEMU_BOOT := -cdrom $(O)/bsd.iso -boot d $(QEMU_DISK)
else ifeq ($(BOOT),kernel)
QEMU_BOOT_DEP := $(O)/bsd $(O)/disk.img
QEMU_BOOT := -kernel $(O)/bsd -append "$(ARGS)" $(QEMU_DISK)
else
$(error BOOT must be disk, grub or kernel)
endif

qemu: $(QEMU_BOOT_DEP)
	$(QEMU) $(QEMUFLAGS) $(QEMU_BOOT) || [ $$? -eq 33 ]

qemu-gdb: $(QEMU_BOOT_DEP)
	@port=$$($(PYTHON) -c 'import socket; s=socket.socket(); \
	    s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	echo $$port >$(O)/gdb.port; \
	echo "QEMU waits for gdb on port $$port: run 'make gdb' in another terminal"; \
	$(QEMU) $(QEMUFLAGS) $(QEMU_BOOT) -S -gdb tcp:127.0.0.1:$$port

gdb: $(O)/bsd
	@[ -f $(O)/gdb.port ] || { echo "start 'make qemu-gdb' first"; exit 1; }
	gdb -nx -q -x tools/gdb/kernel.gdb \
	    -ex "target remote 127.0.0.1:$$(cat $(O)/gdb.port)"

# The user regression suite (regress/README.md): every regress/NAME.c is
# a program $(O)/regress/NAME; tools/check's regress group
# (tools/regresscheck.py) puts them on a fresh disk as /regress.
REGRESS := $(basename $(notdir $(wildcard regress/*.c)))
.PHONY: regress
regress: $(REGRESS:%=$(O)/regress/%)
# Objects made by a chain of pattern rules (the programs' .o files) are
# kept: make would delete them after the link, and say so after make
# check's last line.  An empty .SECONDARY covers every target.
.SECONDARY:

check: all iso regress
	@tools/deps.sh check
	@tools/check

bench: all
	@tools/bench

compile_commands.json: Makefile
	$(PYTHON) tools/compdb.py "$(CXX)" "$(CPPFLAGS) $(CXXFLAGS)" \
	    $(KERN_SRC) $(CONF_SRC) $(KERN_TEST) >$@

clean:
	rm -rf $(O) compile_commands.json

-include $(KERN_OBJ:.o=.d) $(BOOT_OBJ:.o=.d) $(O)/boot/mbr.d \
	$(O)/boot/biosboot.d

# The C library and crt0 for user programs (lib/libc/README.md).
include lib/libc/Makefile.inc
