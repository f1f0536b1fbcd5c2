#!/usr/bin/env python3
"""gdbtest: prove that gdb can stop the kernel, before and after paging.

    tools/gdb/gdbtest.py [--kernel obj/bsd] [main] [start]

Each test starts QEMU halted (-S) with a gdb stub on a free port, runs gdb
in batch mode with tools/gdb/kernel.gdb (the script `make gdb` uses), sets
one breakpoint, continues and checks what gdb printed:

  main	  `break main` (linked address, paging on): "Breakpoint N, main" and
	  `bt` starting with "#0  main"
  start	  `break start` (locore's multiboot entry, paging off): the
	  physical-address copy of the symbols must make gdb stop there,
	  with %eip below KERNBASE

Both gdb and QEMU are bounded in time and QEMU is always killed.  The
table TESTS below is the place to add one.  tools/check imports this file.
"""

import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True		# no __pycache__ in tools/
sys.path.insert(0, os.path.dirname(HERE))
import testlib  # noqa: E402

SCRIPT = os.path.join(HERE, "kernel.gdb")
KERNBASE = 0xd0000000

# name -> (gdb commands after kernel.gdb, regexes its output must match).
# Each ends with `p/x $pc`, whose "$1 = 0x..." run_test() reads to check
# which side of KERNBASE gdb stopped on.  `start` is linked at its
# physical address (locore's .locore0), so the plain symbol breakpoint is
# what a student types too.
TESTS = {
	"main": (["break main", "continue", "bt", "p/x $pc"],
	    [r"Breakpoint \d+(\.\d+)?, (0x[0-9a-f]+ in )?main \(",
	     r"(?m)^#0\s+(0x[0-9a-f]+ in )?main \("]),
	"start": (["break start", "continue", "bt", "p/x $pc"],
	    [r"Breakpoint \d+(\.\d+)?, (0x[0-9a-f]+ in )?start \(",
	     r"(?m)^#0\s+(0x[0-9a-f]+ in )?start \("]),
}

# The first complaint in gdb's output, quoted in a failure's reason.
GDB_ERROR = re.compile(r"(?m)^.*(No symbol|not defined|Cannot|cannot|"
    r"[Ee]rror|refused|Remote connection closed|timed out).*$")


def pc_of(out):
	"""The value of the last `p/x $pc` in gdb's output, or None."""
	m = re.findall(r"(?m)^\$\d+ = (0x[0-9a-f]+)", out)
	return int(m[-1], 16) if m else None


def start_qemu(kernel, append, name, logdir, tries=3):
	"""QEMU halted with a gdb stub on a free port.

	=> a free port may be taken between our look and QEMU's bind: then
	   QEMU exits at once and we try another port.
	=> returns (Qemu, port); the Qemu may have exited (check proc).
	"""
	for _ in range(tries):
		port = testlib.free_port()
		q = testlib.Qemu(kernel=kernel, append=append, name=name,
		    logdir=logdir, gdb_port=port, halt=True).start()
		if testlib.wait_listening(port, timeout=15, proc=q.proc):
			return q, port
		q.kill()
	return q, port


def run_test(test, kernel="obj/bsd", append="test=all",
    logdir="obj/check/logs", timeout=60):
	"""One gdb test by name.

	=> returns (ok, reason, logs): reason says what went wrong, logs are
	   the files kept for a failure (none for a success).
	"""
	cmds, patterns = TESTS[test]
	name = "gdb-" + test
	if not os.path.exists(kernel):
		return False, "no kernel %s" % kernel, []
	gdblog = os.path.join(logdir, name + ".gdb.log")
	q, port = start_qemu(kernel, append, name, logdir)
	gdb = None
	out = ""
	reason = None
	try:
		if q.proc.poll() is not None:
			reason = "QEMU did not start (exit %d)" % \
			    q.proc.returncode
			return False, reason, q_logs(q)
		# As `make gdb` does it, in batch mode.
		argv = ["gdb", "-nx", "-batch", kernel, "-x", SCRIPT,
		    "-ex", "target remote 127.0.0.1:%d" % port]
		for c in cmds:
			argv += ["-ex", c]
		with open(gdblog, "wb") as f:
			f.write(("$ %s\n" % " ".join(map(quote,
			    argv))).encode())
			f.flush()
			gdb = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
			    stdout=f, stderr=subprocess.STDOUT,
			    start_new_session=True)
			try:
				gdb.wait(timeout=timeout)
			except subprocess.TimeoutExpired:
				reason = "gdb timed out after %ds" % timeout
		out = testlib.read_text(gdblog)
	except FileNotFoundError as e:
		reason = "cannot run gdb: %s" % e
	finally:
		if gdb is not None:
			testlib.kill_group(gdb)
		q.kill()
	if reason is None:
		for p in patterns:
			if not re.search(p, out):
				reason = "gdb output lacks /%s/" % p
				said = GDB_ERROR.search(out)
				if said:
					reason += "; gdb: " + said.group(0)
				break
	if reason is None:
		pc = pc_of(out)
		if pc is None:
			reason = "no $pc in gdb output"
		elif test == "start" and pc >= KERNBASE:
			reason = "stopped at 0x%x, not below KERNBASE" % pc
		elif test == "main" and pc < KERNBASE:
			reason = "stopped at 0x%x, below KERNBASE" % pc
	logs = [gdblog] + q_logs(q)
	if reason is None:
		for p in logs:
			os.remove(p)
		return True, "", []
	return False, reason, logs


def q_logs(q):
	return [p for p in (q.serial_log, q.qemu_log, q.stderr_log)
	    if os.path.exists(p)]


def quote(s):
	return s if re.fullmatch(r"[\w./:=+-]+", s) else "'%s'" % s


def main():
	import argparse
	ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	ap.add_argument("--kernel", default="obj/bsd")
	ap.add_argument("--logdir", default="obj/check/logs")
	ap.add_argument("--timeout", type=float, default=60)
	ap.add_argument("tests", nargs="*", metavar="TEST",
	    help="some of: " + ", ".join(TESTS))
	args = ap.parse_args()
	for t in args.tests:
		if t not in TESTS:
			ap.error("no test %r" % t)
	failed = 0
	for t in args.tests or list(TESTS):
		t0 = time.monotonic()
		ok, reason, logs = run_test(t, kernel=args.kernel,
		    logdir=args.logdir, timeout=args.timeout)
		if ok:
			print("PASS gdb/%s (%.1fs)" % (t,
			    time.monotonic() - t0))
		else:
			failed += 1
			print("FAIL gdb/%s: %s (log: %s)" % (t, reason,
			    " ".join(logs)))
	return 1 if failed else 0


if __name__ == "__main__":
	sys.exit(main())
