# kernel.gdb: the gdb setup for debugging the kernel in QEMU.
#
#	make qemu-gdb	(terminal 1: QEMU starts halted, waiting for gdb)
#	make gdb	(terminal 2: gdb with this script, connected)
#
# `make gdb` runs, from the top of the tree,
#
#	gdb -nx -q -x tools/gdb/kernel.gdb \
#	    -ex "target remote 127.0.0.1:$(cat obj/gdb.port)"
#
# This script loads the symbols of obj/bsd, or of the kernel named on gdb's
# command line (gdb obj/bsd -x ...); the -ex connects to the port that
# `make qemu-gdb` picked and wrote into obj/gdb.port.
#
# Then, for example:
#
#	(gdb) break main		stop in main(), after paging is on
#	(gdb) break start		stop at the first instruction of locore
#	(gdb) continue
#	(gdb) bt			who called whom
#	(gdb) x/8i $pc			the next eight instructions
#	(gdb) info registers		eax..., eflags, segment registers
#	(gdb) stepi			one machine instruction
#
# Symbols before and after paging.  The kernel proper is linked at
# KERNBASE + 2 MiB (0xd0201000 and up) and runs there once locore has
# turned paging on.  The instructions that run before, locore's .locore0
# section with `start`, are linked at their physical addresses (0x200000),
# where GRUB or QEMU jumps with paging off.  So one copy of the symbols
# names every instruction the CPU executes: `break start` stops at the very
# first instruction, `break main` after paging.

# QEMU under TCG implements breakpoints itself (it does not write int3
# into memory), which is why `break start` works even though the kernel
# is not in memory yet when QEMU starts halted.

# Friendly settings: no "--Type <RET> for more--", no "are you sure?",
# structures printed one member per line, and AT&T syntax as objdump and
# gcc -S print it.  (Our .asm files are NASM, Intel syntax: type
# `set disassembly-flavor intel` to read them side by side.)
set pagination off
set confirm off
set print pretty on
set disassembly-flavor att

# The kernel: the file named on gdb's command line, else obj/bsd.  (A
# little Python: gdb's own script language cannot ask which file it got.)
python
if gdb.current_progspace().filename is None:
    gdb.execute("file obj/bsd")
end
