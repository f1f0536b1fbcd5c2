#!/bin/sh
# tools/unittest/libc_cross_test.sh REPO BUILDDIR: the ctest libc_cross
# (libc.cmake).  Builds libc.a and crt0.o with lib/libc/Makefile.inc, the
# fragment the top Makefile includes, through a small makefile that
# defines what the top Makefile would (O, CROSS, NASM, the system call
# stubs); links libc_prog.c as C and as C++ with the fragment's USER_*
# flags; and checks each result with readelf and nm.
set -eu
repo=$1
out=$2
mkdir -p "$out/t"
cp "$repo/tools/unittest/libc_prog.c" "$out/t/prog_cc.cc"
cat > "$out/wrap.mk" <<MK
O := $out/obj
CROSS := i686-linux-gnu-
CXX := \$(CROSS)g++
NASM := nasm
NASMFLAGS := -f elf32 -g -F dwarf
PYTHON := python3
.PHONY: deps
deps: ;
\$(O)/syscalls.stamp: kern/syscalls.master tools/makesyscalls
	@mkdir -p \$(O)
	\$(PYTHON) tools/makesyscalls -o \$(O) kern/syscalls.master
	@touch \$@
\$(O)/include/machine:
	@mkdir -p \$(O)/include
	ln -sfn $repo/arch/i386/include \$@
include lib/libc/Makefile.inc
$out/t/prog_c: tools/unittest/libc_prog.c \$(O)/lib/crt0.o \$(O)/lib/libc.a
	\$(USER_CC) \$(USER_CPPFLAGS) \$(USER_CFLAGS) -std=c11 -c \$< -o \$@.o
	\$(CXX) \$(USER_LDFLAGS) -o \$@ \$(O)/lib/crt0.o \$@.o \$(USER_LIBS)
$out/t/prog_cc: $out/t/prog_cc.cc \$(O)/lib/crt0.o \$(O)/lib/libc.a
	\$(CXX) \$(USER_CPPFLAGS) \$(USER_CXXFLAGS) -c \$< -o \$@.o
	\$(CXX) \$(USER_LDFLAGS) -o \$@ \$(O)/lib/crt0.o \$@.o \$(USER_LIBS)
MK
make -s -C "$repo" -f "$out/wrap.mk" -j2 "$out/t/prog_c" "$out/t/prog_cc"

fail=0
for p in "$out/t/prog_c" "$out/t/prog_cc"; do
	hdr=$(i686-linux-gnu-readelf -h "$p")
	entry=$(echo "$hdr" | sed -n 's/.*Entry point address: *//p')
	start=$(i686-linux-gnu-nm "$p" | sed -n 's/^0*\([0-9a-f]*\) T _start$/0x\1/p')
	check() {
		if eval "$2"; then echo "ok   $p: $1"
		else echo "FAIL $p: $1"; fail=1; fi
	}
	check "ELF32" 'echo "$hdr" | grep -q "Class: *ELF32"'
	check "i386" 'echo "$hdr" | grep -q "Machine: *Intel 80386"'
	check "executable" 'echo "$hdr" | grep -q "Type: *EXEC"'
	check "entry $entry is _start ($start)" '[ "$entry" = "$start" ]'
	check "static (no INTERP, no DYNAMIC)" \
	    '! i686-linux-gnu-readelf -l "$p" | grep -q "INTERP\|DYNAMIC"'
	check "nothing undefined" \
	    '[ -z "$(i686-linux-gnu-nm -u "$p" | grep -v " w ")" ]'
	check "above page 0" \
	    '! i686-linux-gnu-readelf -lW "$p" | awk "/LOAD/ {print \$3}" | grep -q "^0x00000000$"'
done
exit $fail
