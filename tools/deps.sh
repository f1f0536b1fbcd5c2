#!/bin/sh
# deps.sh: make sure the host has every tool the build and the tests use.
#
# The README promises that `make qemu` and `make check` work on a fresh Debian
# machine.  Every make run calls this script first; it looks for each tool and,
# when one is missing, installs its Debian package with apt-get and says so.
# With everything present it prints nothing and costs a few `command -v`s.
#
# Usage: tools/deps.sh [build|check]   ("check" adds the test-only tools)

need=""
want() {	# want <command-or-path> <package>
	case "$1" in
	/*)	[ -e "$1" ] || need="$need $2" ;;
	*)	command -v "$1" >/dev/null 2>&1 || need="$need $2" ;;
	esac
}

want i686-linux-gnu-g++		g++-i686-linux-gnu
want i686-linux-gnu-ld		binutils-i686-linux-gnu
want nasm			nasm
want qemu-system-i386		qemu-system-x86
want grub-mkrescue		grub-common
want /usr/lib/grub/i386-pc	grub-pc-bin
want xorriso			xorriso
want mformat			mtools
want python3			python3
want make			make
want /sbin/mke2fs		e2fsprogs
if [ "$1" = check ]; then
	want g++			g++
	want cmake			cmake
	want gdb			gdb
	want /usr/include/gtest/gtest.h	libgtest-dev
	want /usr/src/googletest	googletest
	# Bochs boots the BIOS chain too (tools/biostest.py); bochs-sdl in
	# the same command keeps apt from choosing the GTK display.
	want bochs			bochs
	want /usr/lib/x86_64-linux-gnu/bochs/plugins/libbx_sdl2_gui.so bochs-sdl
	want /usr/share/bochs/BIOS-bochs-latest	bochsbios
	want /usr/share/vgabios/vgabios.bin	vgabios
fi

[ -z "$need" ] && exit 0

echo "deps: installing missing Debian packages:$need" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
# Package lists may be empty on a new machine; refresh them once.
$sudo apt-get update -q >&2 || exit 1
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $need >&2 || {
	echo "deps: apt-get failed; install by hand:$need" >&2
	exit 1
}
