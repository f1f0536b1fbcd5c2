#!/usr/bin/env python3
"""regresscheck: the user-level regression suite (regress/) inside QEMU.

tools/check calls check_regress(r) with its Report; alone:

    tools/regresscheck.py [-k REGEX] [--obj DIR] [--kernel FILE]
        [--init FILE] [--mem MIB] [--timeout-scale X]

It builds a fresh system disk with tools/mkdisk: the usual tree, the
programs of OBJ/bin and OBJ/sbin (so /sbin/init), and OBJ/regress/* as
/regress (the runner /regress/run, the test programs, their helper).
--init puts another program at /sbin/init (to try the suite before
init(8) exists).  It boots the kernel with that disk as wd0 (the root)
and `test=regress' on the command line, on which the kernel starts
/sbin/init with -t and init runs /regress/run.  The runner prints per
program `PASS name', `FAIL name (why)' or `TIMEOUT name', each test
program its `ok N - ...' / `not ok N - ...' lines before that, and last
`regress: N passed, M failed'.

Results, each one PASS or FAIL line of tools/check:

  regress/NAME	 one per program the runner ran; a failure quotes the
		 program's first `not ok' lines
  regress/suite	 the run reached its last line, its counts match the
		 lines above it, and the kernel did not panic or triple
		 fault (told apart as tools/testlib.py does: isa-debug-exit
		 status, QEMU's "Triple fault" log line); a program that
		 started (`=== NAME') and never reported fails as NAME too
  regress/halt	 after the last line the system powered off by itself
		 within HALT_GRACE seconds (init syncs the disk and calls
		 reboot(RB_HALT | RB_POWERDOWN); QEMU exits 0)
  regress/e2fsck `e2fsck -fn' finds the file system clean after the run

The serial log of a failed run stays in obj/check/logs.  Python 3
standard library and e2fsprogs.
"""

import os
import re
import shutil
import subprocess
import sys
import time

TOOLS = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, TOOLS)
import testlib  # noqa: E402
import biostest  # noqa: E402
import ext2check  # noqa: E402

# Where things are and go; the environment may name a private build.
OBJ = os.environ.get("REGRESS_OBJ", "obj")
KERNEL = None			# default: OBJ/bsd
INIT = None			# default: OBJ/sbin/init, from the build
WORKDIR = "obj/check/regress"
LOGDIR = "obj/check/logs"

APPEND = "test=regress"
MEM = 256			# MiB: fork-until-EAGAIN makes many processes
TIMEOUT = 600			# the whole suite (about 20 s when all is well)
HALT_GRACE = 60			# from the last line to QEMU's exit

FINAL = re.compile(r"^regress: (\d+) passed, (\d+) failed[ \t]*$", re.M)
RESULT = re.compile(r"^(PASS|FAIL|TIMEOUT) (\S+)(?: \((.*)\))?[ \t]*$",
    re.M)
STARTED = re.compile(r"^=== (\S+)[ \t]*$", re.M)
NOT_OK = re.compile(r"^not ok \d+ - (.*)$", re.M)


def copy_programs(src, dst):
	"""Copy the executables of directory src (not .o, .d) into dst.

	=> returns their names.
	"""
	names = []
	if not os.path.isdir(src):
		return names
	for n in sorted(os.listdir(src)):
		p = os.path.join(src, n)
		if n.endswith((".o", ".d")) or not os.path.isfile(p) or \
		    not os.access(p, os.X_OK):
			continue
		os.makedirs(dst, exist_ok=True)
		shutil.copyfile(p, os.path.join(dst, n))
		os.chmod(os.path.join(dst, n), 0o755)
		names.append(n)
	return names


def stage(root):
	"""The extra tree for mkdisk: /bin, /sbin, /regress.

	=> returns the regress programs staged.
	"""
	if os.path.exists(root):
		shutil.rmtree(root)
	staged = os.path.join(OBJ, "root")	# `make userland': /bin, /etc...
	if os.path.isdir(staged):
		shutil.copytree(staged, root, symlinks=True)
	else:
		os.makedirs(root)
		for d in ("bin", "sbin"):
			copy_programs(os.path.join(OBJ, d),
			    os.path.join(root, d))
	if INIT is not None:
		os.makedirs(os.path.join(root, "sbin"), exist_ok=True)
		shutil.copyfile(INIT, os.path.join(root, "sbin", "init"))
		os.chmod(os.path.join(root, "sbin", "init"), 0o755)
	# A world-writable /tmp, as the programs' scratch space lives there.
	os.makedirs(os.path.join(root, "tmp"), exist_ok=True)
	os.chmod(os.path.join(root, "tmp"), 0o1777)
	return copy_programs(os.path.join(OBJ, "regress"),
	    os.path.join(root, "regress"))


def run_host(argv, log, timeout=300):
	"""Run a host command with its output appended to log.

	=> returns its exit status, or None if it could not run or timed out.
	"""
	with open(log, "ab") as f:
		f.write(("$ %s\n" % " ".join(argv)).encode())
		f.flush()
		try:
			return subprocess.run(argv, stdin=subprocess.DEVNULL,
			    stdout=f, stderr=subprocess.STDOUT,
			    timeout=timeout).returncode
		except (OSError, subprocess.TimeoutExpired) as e:
			f.write(("regresscheck: %s\n" % e).encode())
			return None


def sections(serial):
	"""{program: its output} from `=== NAME' to the next `=== '."""
	out = {}
	marks = list(STARTED.finditer(serial))
	for i, m in enumerate(marks):
		end = marks[i + 1].start() if i + 1 < len(marks) else len(serial)
		out[m.group(1)] = serial[m.end():end]
	return out


def reason(state, why, text):
	"""A failed program's reason: the runner's words and its not-oks."""
	bad = NOT_OK.findall(text)
	s = state if why is None else "%s (%s)" % (state, why)
	if bad:
		s += ": %d not ok: %s" % (len(bad), " | ".join(bad[:3]))
		if len(bad) > 3:
			s += " | ..."
	return s


def report(r, serial, verdict, logs):
	"""The per-program results and regress/suite from the console.

	=> returns True if the suite reached its last line.
	"""
	out = sections(serial)
	done = set()
	passed = failed = 0
	for state, name, why in RESULT.findall(serial):
		if name in done:
			continue
		done.add(name)
		if state == "PASS":
			passed += 1
		else:
			failed += 1
		if not r.want("regress/" + name):
			continue
		if state == "PASS":
			r.ok("regress/" + name)
		else:
			r.fail("regress/" + name, reason(state, why or None,
			    out.get(name, "")), logs)
	for name in out:
		if name not in done and r.want("regress/" + name):
			r.fail("regress/" + name, reason("no result (the run "
			    "ended %s)" % verdict, None, out[name]), logs)
	m = FINAL.search(serial)
	if not r.want("regress/suite"):
		return m is not None
	if m is None:
		running = list(out)[-1] if out else "nothing yet"
		r.fail("regress/suite", "no `regress: N passed, M failed' line "
		    "(run ended %s while running %s)" % (verdict, running), logs)
	elif (int(m.group(1)), int(m.group(2))) != (passed, failed):
		r.fail("regress/suite", "final line says %s passed, %s failed; "
		    "the lines say %d, %d" % (m.group(1), m.group(2), passed,
		    failed), logs)
	elif verdict in ("PANIC", "TRIPLE FAULT"):
		r.fail("regress/suite", "%s after the suite" % verdict, logs)
	else:
		r.ok("regress/suite")
	return m is not None


def check_regress(r):
	kernel = KERNEL or os.path.join(OBJ, "bsd")
	os.makedirs(WORKDIR, exist_ok=True)
	os.makedirs(LOGDIR, exist_ok=True)
	log = os.path.join(LOGDIR, "regress-host.log")
	if os.path.exists(log):
		os.remove(log)
	image = os.path.join(WORKDIR, "disk.img")
	root = os.path.join(WORKDIR, "root")
	progs = stage(root)
	names = ["regress/" + p for p in progs if p not in ("run", "helper")]
	if not any(r.want(n) for n in names + ["regress/suite",
	    "regress/halt", "regress/e2fsck"]):
		return
	if "run" not in progs:
		r.fail("regress/suite", "no %s/regress/run: build the suite "
		    "first" % OBJ)
		return
	if not os.path.exists(os.path.join(root, "sbin", "init")):
		r.fail("regress/suite", "no %s/sbin/init to start the suite" %
		    OBJ)
		return
	st = run_host([sys.executable, os.path.join(TOOLS, "mkdisk"), "-k",
	    kernel, "-B", os.path.join(OBJ, "boot"), image, root], log)
	if st != 0:
		r.fail("regress/suite", "tools/mkdisk failed", [log])
		return

	q = testlib.Qemu(kernel=kernel, append=APPEND, mem=MEM,
	    name="regress", logdir=LOGDIR, extra=["-drive",
	    "file=%s,format=raw,if=ide,index=0,media=disk" % image])
	q.start()
	finished = q.wait_for(FINAL.pattern, timeout=r.timeout(TIMEOUT))
	if finished:
		# Give init the time to sync and halt; wait() measures from
		# QEMU's start, so the limit is the time used plus the grace.
		used = time.monotonic() - q.started
		res = q.wait(timeout=used + r.timeout(HALT_GRACE))
	else:
		res = q.wait(timeout=1)		# over: stop it, get a verdict
	logs = res.logs
	before = r.failed
	reached = report(r, res.serial, res.verdict, logs)
	if reached and r.want("regress/halt"):
		# init syncs and calls reboot(RB_HALT | RB_POWERDOWN): QEMU
		# exits 0 when ACPI powers it off (testlib calls that ERROR,
		# having no exit code from the kernel), or with the kernel's
		# isa-debug-exit verdict.
		if res.verdict == "TIMEOUT":
			r.fail("regress/halt", "QEMU still running %d s after "
			    "the last line" % r.timeout(HALT_GRACE), logs)
		elif res.verdict in ("PASS", "FAIL") or (res.status == 0 and
		    res.verdict == "ERROR"):
			r.ok("regress/halt")
		else:
			r.fail("regress/halt", "the run ended %s (%s)" %
			    (res.verdict, res.details()), logs)
	if r.want("regress/e2fsck"):
		if ext2check.fsck_image(image, log, WORKDIR):
			r.ok("regress/e2fsck")
		else:
			r.fail("regress/e2fsck", "e2fsck -fn found errors",
			    [log])
	if r.failed == before:
		res.discard_logs()
		if os.path.exists(log):
			os.remove(log)


def main(argv):
	import argparse
	global OBJ, KERNEL, INIT, MEM
	ap = argparse.ArgumentParser(prog="regresscheck",
	    description="Run regress/ in QEMU on a fresh system disk.")
	ap.add_argument("-k", action="append", default=[], metavar="REGEX",
	    help="report only results whose name (regress/...) matches")
	ap.add_argument("--obj", default=OBJ, help="the build directory")
	ap.add_argument("--kernel", help="default: OBJ/bsd")
	ap.add_argument("--init", help="a program to install as /sbin/init")
	ap.add_argument("--mem", type=int, default=MEM, help="MiB")
	ap.add_argument("--timeout-scale", type=float, default=1.0)
	args = ap.parse_args(argv)
	OBJ, KERNEL, INIT, MEM = args.obj, args.kernel, args.init, args.mem
	os.chdir(os.path.dirname(TOOLS))
	testlib.terminate_on_sigterm()
	r = biostest.Report(args.k, args.timeout_scale)
	check_regress(r)
	print("%d passed, %d failed" % (r.passed, r.failed), flush=True)
	return 1 if r.failed or r.passed == 0 else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
