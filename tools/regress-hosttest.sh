#!/bin/sh
# tools/regress-hosttest.sh: build the user-level regression suite
# (regress/*.c) for the Linux host against glibc and run it there.
#
#	tools/regress-hosttest.sh [-o DIR] [NAME ...]
#
# This checks the tests themselves: on a kernel known to be right they
# must all pass, so that a failure on ours is ours.  The programs are
# compiled with -DREGRESS_HOST, which guards the few places where Linux
# legitimately differs from OpenBSD (each says why beside its #ifdef),
# and the OpenBSD-only parts (sysctl(2), the fuzzer's system call numbers)
# are left out there.  Programs go to DIR (default obj/regress-host), the
# scratch files to a temporary directory, removed afterwards.  Runs as
# root: perms, limits and procs change uid in children (as the suite does
# inside our system, where it runs as root under init).
#
# Output: regress/run's lines, ending with `regress: N passed, M failed';
# the exit status is run's (0 only if every program passed).

set -e
cd "$(dirname "$0")/.."

out=obj/regress-host
if [ "$1" = "-o" ]; then
	out=$2
	shift 2
fi
CC=${CC:-cc}
CFLAGS="-DREGRESS_HOST -O2 -g -Wall -Wextra -Wno-unused-parameter \
-Wno-stringop-overflow -Wno-stringop-overread -Wno-nonnull \
-Wno-unused-result"

if [ "$(id -u)" != 0 ]; then
	echo "regress-hosttest: not root: the tests that change uid will fail" >&2
fi
mkdir -p "$out"
for src in regress/*.c; do
	name=$(basename "$src" .c)
	# shellcheck disable=SC2086
	$CC $CFLAGS -o "$out/$name" "$src"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/regress-host.XXXXXX")
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
status=0
REGRESS_TMP=$tmp "$out/run" -d "$(cd "$out" && pwd)" "$@" || status=$?
exit $status
